"""Never let data become markup: a corpus of payloads in every free text field and in file names, run end to
end through `rerun` into a built book, must leave no element or attribute of its own in the pages, and every
chart must still draw.

Free text fields are those the descriptor does not constrain by a pattern or a list of values (codes, ids,
periods and units are: a payload there is refused by validation, which test_untrusted_data covers).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import stat
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from participatie.data import validate
from participatie.tools import rerun

from helpers import read_rows, write_rows

# One payload per way text could turn into markup in HTML, in Markdown/MyST, or in a <script>.
PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "</script><script>alert(3)</script>",
    "<!-- open comment",
    "<svg onload=alert(4)>",
    '" onmouseover="alert(5)" x="',
    "' onfocus='alert(6)' autofocus '",
    "[klik hier](javascript:alert(7))",
    '<a href="javascript:alert(8)">link</a>',
    "{glue:md}`pp_leak` en {download}`x <../../etc/passwd>`",
    "```{raw} html\n<b id=pp-raw>raw</b>\n```",
    ":::{admonition} pp-admonition\nx\n:::",
    "**vet** _schuin_ # kop",
    "&lt;b&gt;entity&lt;/b&gt; &#60;i&#62;",
]
# The free text fields per file: every string field without a pattern or enum in the descriptor.
FREE_TEXT = {
    "sources.csv": ["reference", "sender", "office", "title"],
    "indicators.csv": ["label", "definition"],
    "pilots.csv": ["name", "aim", "findings", "section"],
    "pilots_findings.csv": ["finding", "section"],
    "policy_timeline.csv": ["event", "section"],
    "beschut_werk.csv": ["section", "note"],
    "wsw_statistiek.csv": ["section", "note"],
    "banenafspraak_duurzaamheid.csv": ["section", "note"],
    "bijstand_financiering.csv": ["section", "note"],
}
RENAMED = 'wsw"><img src=x onerror=alert(9)>.csv'  # a resource file name that is markup itself


def _poison(data_dir: Path) -> None:
    """Put a payload (cycling through the corpus) before the text of every free text cell of every table."""
    counter = 0
    for file, columns in FREE_TEXT.items():
        rows, fields = read_rows(data_dir / file)
        for row in rows:
            for column in columns:
                row[column] = f"{PAYLOADS[counter % len(PAYLOADS)]} {row[column]}"
                counter += 1
        write_rows(data_dir / file, rows, fields)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource["title"] = f"{PAYLOADS[0]} {resource.get('title', '')}"
        resource.setdefault("x-nl", {})["description"] = f"{PAYLOADS[1]} {PAYLOADS[7]}"
        if resource["name"] == "wsw_statistiek":
            (data_dir / resource["path"]).rename(data_dir / RENAMED)
            resource["path"] = RENAMED
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _offending(html: str) -> list[str]:
    """Return every element or attribute in a page that a payload made."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            url = name.lower() in {"href", "src", "action", "formaction", "xlink:href", "data"}
            if name.lower().startswith("on") or (url and "javascript:" in text.lower()) or text == "pp-raw":
                found.append(f"<{tag.name} {name}={text[:60]!r}>")
        if tag.name in {"img", "svg"} and tag.get("src") == "x":
            found.append(f"<{tag.name} src=x>")
        script = tag.string or ""
        # A chart's own script holds the payloads as escaped JSON text; any other script with one is an injection.
        if tag.name == "script" and "alert(" in script and not script.lstrip().startswith("(function () {\n  var spec = "):
            found.append(f"<script>{script[:60]}</script>")
        if tag.name == "script" and script.lstrip().startswith("(function () {\n  var spec = ") and "<" in script:
            found.append("a chart script with a raw '<'")
        if tag.name == "b" and tag.get("id") == "pp-raw":
            found.append("<b id=pp-raw>")
    lowered = html.lower()
    found += [marker for marker in ("pp-admonition</p", "<!-- open comment") if marker in lowered]
    return found


# The run's folder is named like a format string and holds a byte that is not UTF-8: a folder like any other
# (papermill formats the paths it is given, and writes them into the notebook as UTF-8).
FOLDER = b"{2019} \xff"


@pytest.fixture(scope="module")
def poisoned_book(tmp_path_factory):
    import shutil

    from conftest import DATA

    root = Path(os.fsdecode(os.fsencode(tmp_path_factory.mktemp("poisoned")) + b"/" + FOLDER))
    data_dir = root / "data"
    shutil.copytree(DATA, data_dir)
    _poison(data_dir)
    assert validate(data_dir) == [], "the payloads must pass validation: they are legal text"
    out = root / "out"
    out.mkdir(mode=0o700)  # an existing empty private folder: filled in place, it stays private
    out.chmod(0o700)
    result = rerun.rerun(data_dir, out, jobs=2, show_progress=False)
    assert all(o.ok for o in result.outcomes)
    return out / "html"


@pytest.mark.slow
def test_no_payload_becomes_an_element_or_attribute(poisoned_book):
    pages = sorted(p for p in poisoned_book.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) >= 12
    offending = {p.relative_to(poisoned_book).as_posix(): _offending(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: found for page, found in offending.items() if found} == {}
    # The payloads are shown as text where their fields are shown.
    assert (
        "<img src=x onerror=alert(1)>"
        in BeautifulSoup(
            (poisoned_book / "appendices" / "bronnen.html").read_text(encoding="utf-8"), "html.parser"
        ).get_text()
    )


@pytest.mark.slow
def test_the_download_link_of_a_file_named_like_markup_is_escaped_and_works(poisoned_book):
    page = (poisoned_book / "chapters" / "wsw_statistiek.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    links = soup.select('a.pp-download[href*="_static/data/"]')
    assert links and all(a.get_text() == RENAMED for a in links)
    from urllib.parse import unquote

    target = poisoned_book / "chapters" / unquote(links[0]["href"])
    assert target.resolve().is_file() and target.resolve().name == RENAMED
    # and its copy for Excel (book.web.publish_excel)
    excel = soup.select('a.pp-download[href*="_static/excel/"]')
    assert excel and all((poisoned_book / "chapters" / unquote(a["href"])).resolve().name == RENAMED for a in excel)
    assert all((poisoned_book / "chapters" / unquote(a["href"])).resolve().is_file() for a in excel)


@pytest.mark.slow
def test_the_book_publishes_no_sources_and_no_folder_of_the_runner(poisoned_book):
    out = poisoned_book.parent
    assert stat.S_IMODE(out.stat().st_mode) == 0o700 and (out / ".participatie-rerun").is_file()
    assert not (poisoned_book / "_sources").exists(), "no copies of the executed notebooks in the published book"
    root = os.fsencode(out.parent)
    pages = [p for p in poisoned_book.rglob("*") if p.is_file() and "_static" not in p.parts]
    assert len(pages) >= 12 and [p.name for p in pages if root in p.read_bytes()] == []
    executed = (out / "notebooks" / "chapters" / "beschut_werk.ipynb").read_bytes()
    assert root not in executed and b'data_dir = \\"../data\\"' in executed


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.slow
@pytest.mark.browser
def test_every_chart_still_draws_and_no_script_runs(poisoned_book, browser):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(poisoned_book)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    dialogs: list[str] = []
    page = browser.new_page()
    try:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for html in sorted((poisoned_book / "chapters").glob("*.html")) + [poisoned_book / "intro.html"]:
            url = f"http://127.0.0.1:{httpd.server_address[1]}/{html.relative_to(poisoned_book).as_posix()}"
            page.goto(url, wait_until="load")
            charts = page.locator(".pp-chart")
            for index in range(charts.count()):
                charts.nth(index).locator("svg.marks").wait_for(state="attached", timeout=15_000)
            page.hover("body")
    finally:
        page.close()
        httpd.shutdown()
    assert dialogs == [], f"a payload ran as script: {dialogs}"
