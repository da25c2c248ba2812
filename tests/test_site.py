"""The built book's links: every internal link and anchor resolves, every download serves its file."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_HTML, DATA

PAGES = (
    sorted(p for p in BUILD_HTML.rglob("*.html") if "_static" not in p.relative_to(BUILD_HTML).parts)
    if BUILD_HTML.is_dir()
    else []
)


@pytest.fixture(scope="module")
def parsed():
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("the book is not built: run `make book` (make test does) first")
    return {page: BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser") for page in PAGES}


def _ids(soup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)} | {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}


def _internal_links(page: Path, soup):
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            target = element.get(attribute)
            if not target or urlparse(target).scheme or target.startswith(("//", "mailto:", "javascript:")):
                continue
            yield target


def test_every_internal_link_and_anchor_resolves(parsed):
    broken = []
    cache = dict(parsed)
    for page, soup in parsed.items():
        for target in _internal_links(page, soup):
            path, fragment = urldefrag(target)
            resolved = page if not path else (page.parent / unquote(urlparse(path).path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{page.relative_to(BUILD_HTML)} -> {target} (no such file)")
                continue
            if fragment and resolved.suffix == ".html":
                if resolved not in cache:
                    cache[resolved] = BeautifulSoup(resolved.read_text(encoding="utf-8"), "html.parser")
                if fragment not in _ids(cache[resolved]):
                    broken.append(f"{page.relative_to(BUILD_HTML)} -> {target} (no such anchor)")
    assert broken == []


def test_every_chapter_links_its_data_for_download(parsed):
    for page, soup in parsed.items():
        if page.parent.name != "chapters":
            continue
        files = {a["href"] for a in soup.select("a.pp-download[href]") if not a["href"].startswith("data:")}
        assert files and all(href.startswith(("../_static/data/", "../_static/excel/")) for href in files), page.name
        assert {f.replace("/excel/", "/data/") for f in files} == {f for f in files if "/data/" in f}, page.name


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(BUILD_HTML))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_every_download_link_returns_the_file(parsed, server):
    checked = 0
    for page, soup in parsed.items():
        for anchor in soup.find_all("a", href=True):
            href = anchor["href"]
            if "_static/data/" not in href:
                continue
            relative = (page.parent / href).resolve().relative_to(BUILD_HTML.resolve()).as_posix()
            with urllib.request.urlopen(f"{server}/{relative}") as response:
                assert response.status == 200
                body = response.read()
            assert body == (DATA / relative.removeprefix("_static/data/")).read_bytes(), relative
            checked += 1
    assert checked >= len(list(DATA.glob("*.csv"))), "the data page links every file"


ENGLISH_CHROME = [
    "Skip to main content",
    "Back to top",
    "Search...",
    "On this page",
    "Toggle primary sidebar",
    "previous page",
    "next page",
    "Color mode",
    "Link to this heading",
    "Last updated",
]


def test_everything_a_reader_sees_is_dutch_and_no_build_date(parsed):
    # The theme's own words are translated (book.sphinx_ext.dutch_chrome); the footer holds no date of building,
    # so the pages are the same whenever they are built.
    for page, soup in parsed.items():
        attributes = [
            str(v)
            for tag in soup.find_all(True)
            for k, v in tag.attrs.items()
            if k in {"aria-label", "title", "placeholder", "data-bs-title"}
        ]
        texts = [t.strip() for t in soup.find_all(string=True) if t.parent.name not in {"script", "style"}]
        found = [word for word in ENGLISH_CHROME if word in attributes or word in texts]
        assert found == [], f"{page.name}: {found}"
        assert "Laatste aanpassing" not in soup.get_text(), page.name


def test_every_excel_link_returns_the_data_for_a_dutch_excel(parsed):
    # book.web.publish_excel: a byte order mark (Excel then reads UTF-8) and semicolons; the same rows as the data file
    checked = set()
    for page, soup in parsed.items():
        for anchor in soup.select('a[href*="_static/excel/"]'):
            copy = (page.parent / anchor["href"]).resolve()
            text = copy.read_bytes().decode("utf-8")
            assert text.startswith("\ufeff") and ";" in text.splitlines()[0], copy.name
            assert len(text.splitlines()) == len((DATA / copy.name).read_text(encoding="utf-8").splitlines())
            checked.add(copy.name)
    assert checked == {path.name for path in DATA.glob("*.csv")}
