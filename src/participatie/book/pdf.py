"""The print edition: the whole book as one A4 PDF, made from the built HTML pages with WeasyPrint.

    python -m participatie pdf --html _build/html --out _build/html/boek.pdf

`build` reads the book's pages in the order of the table of contents (the root page, then its sidebar's
navigation), keeps each page's article without its code cells and download links, opens the collapsible data
tables and draws every chart as SVG (`print_charts`, which this module re-exports). `print_layout` adds a title
page, a colophon, the contents and the metadata; CSS paged media (`static/print.css`, with the book's own fonts)
lays it out: running headers, the edition line and page numbers, "zie p. N" for links inside the book.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import functools
import os
import posixpath
import re
import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

from bs4 import BeautifulSoup, NavigableString, Tag

from ..data.load import load
from ..data.package import DESCRIPTOR, bundled_data_dir
from ..presentation import escape, labels
from . import print_layout, web
from .print_charts import CHART_FONT, CHART_ROOM_MM, CHART_WIDTH, FONTS_DIR, PART_WIDTH, chart_spec, chart_svg  # noqa: F401

PDF_NAME = "boek.pdf"
# Tagged, with the document's title shown and its language and metadata set: what a screen reader needs.
PDF_VARIANT = "pdf/ua-1"
PRINT_CSS = Path(__file__).with_name("static") / "print.css"
# Tables of this many columns or more print in a smaller type.
WIDE_TABLE = 6
_BREAK_AFTER = re.compile(r"(?<=[A-Za-z])([_./@])(?=[A-Za-z])")


@dataclass(frozen=True)
class Page:
    """One page of the book: its document name (e.g. chapters/beschut_werk), file, part and title."""

    document: str
    path: Path
    part: str | None
    title: str


@dataclass(frozen=True)
class Built:
    """A written print edition: the file, its pages, its size and how long it took."""

    path: Path
    pages: int
    size: int
    seconds: float


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def root_page(html_dir: Path) -> Path:
    """Return the book's root page: where index.html redirects to (Jupyter Book), or index.html itself."""
    index = html_dir / "index.html"
    refresh = _soup(index).find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    if refresh is not None:
        match = re.search(r"url=(.+)$", refresh.get("content", ""), re.I)
        if match:
            return html_dir / unquote(match.group(1).strip())
    return index


def _document(html_dir: Path, path: Path) -> str:
    return path.resolve().relative_to(html_dir.resolve()).with_suffix("").as_posix()


def book_pages(html_dir: str | Path) -> list[Page]:
    """Return the book's pages in table-of-contents order: the root page, then its sidebar's entries."""
    html_dir = Path(html_dir)
    root = root_page(html_dir)
    soup = _soup(root)
    pages = [Page(_document(html_dir, root), root, None, _heading(soup))]
    navigation = soup.select_one("nav.bd-docs-nav")
    part = None
    for element in navigation.find_all(["p", "a"]) if navigation else []:
        if element.name == "p" and "caption" in element.get("class", []):
            part = element.get_text(" ", strip=True)
        elif element.name == "a" and element.find_parent("li", class_="toctree-l1"):
            target = html_dir / unquote(urlparse(element["href"]).path)
            if target.is_file() and element.find_parent("li").find("a") is element:
                pages.append(Page(_document(html_dir, target), target, part, element.get_text(" ", strip=True)))
    return pages


def _heading(soup: BeautifulSoup) -> str:
    heading = soup.select_one("article.bd-article h1")
    if heading is None:
        return ""
    for link in heading.select("a.headerlink"):
        link.decompose()
    return heading.get_text(" ", strip=True)


def edition_date(data_dir: str | Path) -> date:
    """Return the date of the newest letter in the data directory's sources (after validation)."""
    return max(date.fromisoformat(str(day)[:10]) for day in load(data_dir).sources["date"])


def anchor(document: str, fragment: str = "") -> str:
    """Return the id that a page (or an element of it) gets in the one document of the print edition."""
    base = "pp-" + re.sub(r"[^A-Za-z0-9_-]", "-", document)
    return f"{base}--{fragment}" if fragment else base


def _chart(soup: BeautifulSoup, chart: Tag) -> None:
    script = chart.find_next_sibling("script")
    if script is None:
        raise ValueError(f"chart {chart.get('id')}: no Vega-Lite specification follows it")
    spec = chart_spec(script.string or "")
    svg = base64.b64encode(chart_svg(spec).encode("utf-8")).decode("ascii")
    image = soup.new_tag("img", attrs={"class": "pp-chart-print", "src": f"data:image/svg+xml;base64,{svg}"})
    image["alt"] = spec.get("description", "")
    script.decompose()
    chart.replace_with(image)


# What only works on screen: scripts, embedded objects, the page's own contents list and the download links (a
# chart's data and images, the copies for Excel: "(voor Excel)" after a file name).
SCREEN_ONLY = (
    "a.headerlink, script, style, link, button, iframe, object, embed, video, audio, .toctree-wrapper, "
    "span.pp-excel, span.pp-chart-images, a.pp-download"
)


def _print_only(article: Tag) -> None:
    """Drop what only works on screen: the code cells (with their toggles), the download offer after a source line
    and SCREEN_ONLY; mark wide tables."""
    for cell_input in article.select(".cell_input"):
        toggle = cell_input.find_parent("details")
        (toggle if toggle is not None else cell_input).decompose()
    for caption in article.select("figcaption.pp-source"):
        if caption.select_one("a.pp-download") is not None:
            text = caption.get_text("", strip=False).split(labels.DOWNLOAD_TEXT)[0].strip()
            caption.clear()
            caption.append(text)
    for element in article.select(SCREEN_ONLY):
        element.decompose()
    for table in article.find_all("table"):
        header = table.find("tr")
        if header is not None and len(header.find_all(["th", "td"])) >= WIDE_TABLE:
            table["class"] = [*table.get("class", []), "pp-wide"]
        for text in table.find_all(string=_BREAK_AFTER):  # file names, field names, addresses may break
            text.replace_with(_BREAK_AFTER.sub("\\1\u200b", str(text)))


def _break_long_words(soup: BeautifulSoup, article: Tag) -> None:
    """Cut words from the data longer than escape.LONG_WORD into pieces, printed unhyphenated (see there)."""
    for text in article.find_all(string=escape.LONG_WORD_PATTERN):
        if type(text) is not NavigableString or text.parent is None or text.parent.name in {"script", "style"}:
            continue  # a comment, or the text of a script
        parts = []
        for place, piece in enumerate(escape.LONG_WORD_PATTERN.split(str(text))):
            if place % 2:  # a long word
                long = escape.cut_word(piece)
                parts.append(soup.new_tag("span", attrs={"class": "pp-long-word", "style": "hyphens: manual"}, string=long))
            elif piece:
                parts.append(piece)
        text.replace_with(*parts)


def _open_details(article: Tag) -> None:
    for details in article.find_all("details"):
        for summary in details.find_all("summary", recursive=False):
            summary.name = "p"
            summary["class"] = ["pp-summary"]
        details.name = "div"
        details.attrs.pop("open", None)


def _links(page: Page, article: Tag, html_dir: Path, documents: dict[str, str]) -> None:
    """Turn links inside the book into page references and mark links out of it to print their target."""
    here = page.path.resolve().relative_to(html_dir.resolve()).as_posix()
    for element in article.find_all(id=True):
        element["id"] = anchor(page.document, element["id"])
    for link in article.find_all("a", href=True):
        href = link["href"]
        scheme = urlparse(href).scheme
        if scheme in ("http", "https", "mailto"):
            shown = href.removeprefix("mailto:")
            if link.get_text(strip=True).rstrip("/") != shown.rstrip("/"):
                link["class"] = [*link.get("class", []), "pp-url"]
            continue
        path, fragment = urldefrag(href)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(path))) if path else here
        if target in documents:
            link["href"] = "#" + anchor(documents[target], fragment)
            link["class"] = [*link.get("class", []), "pp-page-ref"]
        else:
            link.name = "span"  # a file of the web edition (a download): its name stays, the link goes
            link.attrs = {"class": ["pp-file"]}
    for image in article.find_all("img", src=True):
        if not image["src"].startswith("data:") and not urlparse(image["src"]).scheme:
            image["src"] = (page.path.parent / unquote(image["src"])).resolve().as_uri()


def print_article(page: Page, html_dir: str | Path, documents: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """Return one page's article as print HTML and its sections (id, title) for the contents."""
    html_dir = Path(html_dir)
    soup = _soup(page.path)
    article = soup.select_one("article.bd-article")
    if article is None:
        raise ValueError(f"{page.path}: no article (is it a page of a Jupyter Book?)")
    for chart in article.select("div.pp-chart"):
        _chart(soup, chart)
    _print_only(article)
    _open_details(article)
    _links(page, article, html_dir, documents)
    _break_long_words(soup, article)
    print_layout.keep_ranges_whole(article)
    sections = [(h2.find_parent("section")["id"], h2.get_text(" ", strip=True)) for h2 in article.select("section > h2")]
    article.name = "div"
    article.attrs = {"class": ["pp-page"], "id": anchor(page.document)}
    if page.part:
        article["data-part"] = page.part
    return str(article), sections


def _titles(root: Page) -> tuple[str, str]:
    """Return the book's title (the site's, else the root page's) and the root page's subtitle (an <em> paragraph)."""
    soup = _soup(root.path)
    brand, heading = soup.select_one(".logo__title"), soup.select_one("article.bd-article h1")
    paragraph = heading.find_next_sibling() if heading is not None else None
    subtitle = paragraph is not None and paragraph.name == "p" and len(paragraph.find_all(True)) == 1 and paragraph.em
    title = brand.get_text(" ", strip=True) if brand is not None else root.title
    return title, paragraph.get_text(" ", strip=True) if subtitle else ""


def document_html(html_dir: str | Path, data_dir: str | Path | None = None, source_dir: str | Path | None = None) -> str:
    """Return the print edition as one HTML document: title page, colophon, contents, every page of the book.

    The edition is the date of the newest letter in data_dir (default: the data the book publishes); the
    publication date and the facts to cite are in the CITATION.cff of source_dir (default: the folder the
    book was built in, html_dir/../..; else the repository's).
    """
    html_dir = Path(html_dir)
    pages = book_pages(html_dir)
    documents = {p.path.resolve().relative_to(html_dir.resolve()).as_posix(): p.document for p in pages}
    documents["index.html"] = pages[0].document
    articles = [print_article(page, html_dir, documents) for page in pages]
    source_dir = Path(source_dir) if source_dir is not None else html_dir.resolve().parent.parent
    published = html_dir / "_static" / "data"  # the data the book was built from, else the bundled data
    data_dir = data_dir or (published if (published / DESCRIPTOR).is_file() else bundled_data_dir())
    title, subtitle = _titles(pages[0])
    edition = print_layout.Edition(
        title=title,
        subtitle=subtitle,
        edition=edition_date(data_dir),
        published=web.publication_date(source_dir),
        citation=web.citation(source_dir),
    )
    contents = print_layout.contents([(page, sections) for page, (_, sections) in zip(pages, articles)], anchor)
    parts = [print_layout.title_page(edition), print_layout.colophon(edition), contents, *(body for body, _ in articles)]
    return (
        f'<!DOCTYPE html>\n<html lang="nl">{print_layout.head(edition, CHART_ROOM_MM)}<body>\n'
        + "\n".join(parts)
        + "\n</body></html>\n"
    )


def _fetcher(root: Path):
    """Return a URL fetcher for WeasyPrint that reads data: URLs, the built book's own files and the book's
    fonts, nothing else.

    The pages carry text from data directories that others supply; whatever a page might point at, the
    print edition never goes online and never reads (or attaches) a file from outside the book.
    """
    from weasyprint.urls import URLFetcher

    fonts = FONTS_DIR.resolve()

    class BookFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            inside = path is not None and (path.is_relative_to(root) or path.is_relative_to(fonts))
            if parsed.scheme != "data" and not inside:
                raise ValueError(f"the print edition reads only the book's own files, not {url[:200]}")
            return super().fetch(url, headers)

    return BookFetcher(allowed_protocols=("data", "file"))


# A fontconfig configuration without any font folder: the print edition is set in the book's own fonts
# (@font-face in print.css), so the fonts a machine happens to have can never change its pages.
NO_SYSTEM_FONTS = (
    '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
    "<fontconfig><cachedir>{cache}</cachedir></fontconfig>\n"
)


@functools.cache
def _no_system_fonts() -> Path:
    """Write this process's configuration file (NO_SYSTEM_FONTS), once, and return its path."""
    folder = Path(tempfile.mkdtemp(prefix="participatie-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "fonts.conf"
    path.write_text(NO_SYSTEM_FONTS.format(cache=folder / "cache"), encoding="utf-8")
    return path


@contextlib.contextmanager
def without_system_fonts():
    """While open, fontconfig sees no system font: FONTCONFIG_FILE names a configuration without font folders.

    WeasyPrint reads it each time a FontConfiguration is made (and once at import). The environment is put back
    on leaving, so what the process starts afterwards (a browser, a kernel, another WeasyPrint document) sees
    the machine's fonts as before (a Chromium started with no fonts at all closed on the book's search page).
    """
    config = _no_system_fonts()
    before = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(config)
    try:
        yield config
    finally:
        if before is None:
            os.environ.pop("FONTCONFIG_FILE", None)
        else:
            os.environ["FONTCONFIG_FILE"] = before


def build(html_dir: str | Path, out: str | Path | None = None, data_dir: str | Path | None = None, source_dir=None) -> Built:
    """Write the print edition of the book built in html_dir to out (default: html_dir/boek.pdf), tagged (PDF/UA-1)."""
    started = time.perf_counter()
    html_dir = Path(html_dir)
    out = Path(out) if out is not None else html_dir / PDF_NAME
    with without_system_fonts():
        with warnings.catch_warnings():
            # Without system fonts WeasyPrint warns at import that it has none; the book brings its own (print.css).
            warnings.filterwarnings("ignore", message="No fonts configured in FontConfig")
            try:
                import weasyprint  # imported here: the web edition and the notebooks never need it
                from weasyprint.text.fonts import FontConfiguration
            except ImportError as error:
                raise ImportError("the print edition needs WeasyPrint: pip install 'participatie[pdf]'") from error
        source = document_html(html_dir, data_dir, source_dir)
        root = html_dir.resolve()
        fetcher = _fetcher(root)
        fonts = FontConfiguration()  # where the @font-face rules of print.css put the book's fonts
        style = weasyprint.CSS(
            string=PRINT_CSS.read_text(encoding="utf-8"),
            base_url=PRINT_CSS.as_uri(),
            url_fetcher=fetcher,
            font_config=fonts,
        )
        document = weasyprint.HTML(string=source, base_url=root.as_uri() + "/", url_fetcher=fetcher).render(
            stylesheets=[style], font_config=fonts
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(f".{out.name}.tmp")
        document.write_pdf(temporary, pdf_variant=PDF_VARIANT)
    temporary.replace(out)
    return Built(out, len(document.pages), out.stat().st_size, time.perf_counter() - started)
