"""The built book in a real browser: every page loads offline, every chart draws, numbers are Dutch.

Serves _build/html (built by `make book`, which `make test` runs first) on 127.0.0.1 and opens every
page in Debian's headless Chromium through Playwright; every request that leaves 127.0.0.1 is blocked
and counted. Every page is opened once on a laptop (1366×900); the chapters also on a phone (390×844) and
through a resize from laptop to phone and back; the search page once per core word.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from browser_js import (
    CHART_FIGURES,
    CHARTS_FITTED,
    CUT_TEXT,
    FIGURES,
    JS_STEMS,
    SEARCH_BOXES,
    SEARCH_DONE,
    SEARCH_HITS,
    TABLE_FIGURES,
    TABLES,
    csv_rows,
    cut_charts,
    data_uri_text,
    pages_with,
    same_value,
)
from conftest import BUILD_HTML, REPO

# Every page of the book; _static/ holds the theme's template fragments, not pages.
PAGES = (
    sorted(p.relative_to(BUILD_HTML).as_posix() for p in BUILD_HTML.rglob("*.html") if "_static" not in p.parts)
    if BUILD_HTML.is_dir()
    else []
)
# The pages a reader reads (index.html only sends the browser on to the introduction).
READER_PAGES = [page for page in PAGES if page != "index.html"]
CHAPTERS = [page for page in PAGES if page.startswith("chapters/")]
LAPTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
# Words a reader searches for; each must lead to every page whose text holds it.
CORE_WORDS = [
    "banenafspraak",
    "gemeenten",
    "loondispensatie",
    "werkgevers",
    "beschut",
    "bijstand",
    "Wsw",
    "loonkostensubsidie",
]
DUTCH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="session")
def server():
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("the book is not built: run `make book` (make test does) before the browser test")
    handler = functools.partial(_QuietHandler, directory=str(BUILD_HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _visit(browser, url: str) -> dict:
    """Open a page on a laptop with outside requests blocked; return what a reader's browser saw."""
    context = browser.new_context(viewport=LAPTOP)
    blocked: list[str] = []

    def route(request_route):
        host = urlparse(request_route.request.url).hostname
        if host == "127.0.0.1":
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response", lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None
    )
    page.goto(url, wait_until="load")
    charts = page.locator(".pp-chart")
    count = charts.count()
    for index in range(count):
        charts.nth(index).locator("svg.marks").wait_for(state="attached", timeout=15_000)
    page.wait_for_load_state("networkidle")
    if count:
        page.wait_for_function(CHARTS_FITTED, timeout=15_000)
    seen = {
        "charts": count,
        "marks": page.eval_on_selector_all(
            ".pp-chart svg.marks", "els => els.map(e => e.querySelectorAll('path, rect, line, circle, symbol, text').length)"
        ),
        "axis_labels": page.eval_on_selector_all(".pp-chart .role-axis-label text", "els => els.map(e => e.textContent)"),
        "aria": page.eval_on_selector_all(".pp-chart svg.marks", "els => els.map(e => e.getAttribute('aria-label') || '')"),
        "tables": page.evaluate(TABLES),
        "cut": page.evaluate(CUT_TEXT),
        "figures": page.evaluate(FIGURES, CHART_FIGURES),
        "table_figures": page.evaluate(FIGURES, TABLE_FIGURES),
        "search_boxes": page.evaluate(SEARCH_BOXES),
        "footer": page.inner_text("footer.bd-footer-content") if page.locator("footer.bd-footer-content").count() else "",
        "axe": _axe(page),
        "errors": list(errors),
        "blocked": list(blocked),
    }
    context.close()
    return seen


# WCAG 2.1 levels A and AA, the standard Dutch government websites must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe(page) -> list[str]:
    """Return the WCAG 2.1 A/AA violations axe-core finds on the page, one line each (rule, impact, where)."""
    from axe_playwright_python.sync_playwright import Axe  # pinned in requirements.txt; bundles axe-core

    # preload: False — axe would fetch the style sheets again itself (and resolve their @imports wrongly).
    # resultTypes: only the violations are reported in full (axe-core's option for speed: the rules that pass
    # stop at their first node), about a second less per chapter page.
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "preload": False, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.fixture(scope="session")
def visits(server, browser):
    return {page: _visit(browser, f"{server}/{page}") for page in PAGES}


@pytest.fixture(scope="session")
def built():
    """Return every reader page as parsed HTML, as it was built (before any script ran)."""
    return {page: BeautifulSoup((BUILD_HTML / page).read_text(encoding="utf-8"), "html.parser") for page in READER_PAGES}


def test_book_has_pages():
    assert "index.html" in PAGES and any(p.startswith("chapters/") for p in PAGES), PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_offline_without_errors(visits, page):
    seen = visits[page]
    assert seen["blocked"] == [], f"{page} asked for outside resources: {seen['blocked']}"
    assert seen["errors"] == [], f"{page} logged errors: {seen['errors']}"


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("chapters/")])
def test_every_chart_renders_with_marks_and_description(visits, page):
    seen = visits[page]
    assert len(seen["marks"]) == seen["charts"], f"{page}: {seen['charts']} charts, {len(seen['marks'])} drawn"
    assert all(count > 3 for count in seen["marks"]), seen["marks"]
    assert all(label for label in seen["aria"]), "every chart carries its description"


def test_axis_numbers_are_dutch(visits):
    labels = [label for seen in visits.values() for label in seen["axis_labels"]]
    assert any(DUTCH_THOUSANDS.match(label) for label in labels), labels
    assert not any(ENGLISH_THOUSANDS.match(label) for label in labels), labels


@pytest.mark.parametrize("page", PAGES)
def test_every_page_meets_wcag_21_aa(visits, page):
    assert visits[page]["axe"] == [], f"{page}: axe-core found WCAG 2.1 A/AA violations"


@pytest.mark.parametrize("width, least", [(1280, 160), (390, 250)])
def test_the_cross_check_table_is_readable_on_desktop_and_phone(server, browser, width, least):
    # No one-word-per-line columns: on a desktop the claim column keeps a readable width; on a phone every
    # row is a card whose cells take the full width.
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/appendices/rekencontrole.html", wait_until="load")
    widths = page.eval_on_selector_all(
        ".pp-table tbody tr:first-child td", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    context.close()
    assert widths, "the table is missing"
    claim = widths[0]
    assert claim >= least, f"{width}px wide screen: the claim column is {claim:.0f}px wide"
    if width < 640:
        assert min(widths) >= least, f"cells on a phone: {widths}"


# --- A laptop: every table fits, numbers stay whole, one search box, the page's furniture. ---


@pytest.mark.parametrize("page", READER_PAGES)
def test_every_table_fits_a_laptop_and_no_number_breaks(visits, page):
    tables = visits[page]["tables"]
    wide = [f"{t['name']}: {t['scroll']} px in {t['client']} px" for t in tables if t["scroll"] > t["client"]]
    assert wide == [], f"{page}: tables wider than their column at 1366 px"
    assert [t["broken"] for t in tables if t["broken"]] == [], f"{page}: number cells over two lines"


@pytest.mark.parametrize("page", [p for p in READER_PAGES if p != "search.html"])  # that page is a search form
def test_every_page_has_one_search_box(visits, page):
    assert visits[page]["search_boxes"] == 1


def test_every_page_shows_its_edition_and_publication_date(visits):
    from participatie.book import web

    words = web.edition_words(REPO)
    assert words["edition"] == "Editie 7 september 2018" and words["published_iso"] == _citation_date()
    for page in READER_PAGES:
        footer = " ".join(visits[page]["footer"].split())
        assert words["edition"] in footer and words["published"] in footer, f"{page}: {footer!r}"


def test_the_citation_page_gives_the_same_dates(visits, built):
    from participatie.book import web

    words, page = web.edition_words(REPO), "appendices/citeren.html"
    text = " ".join(built[page].select_one("article").get_text(" ").split())
    assert f"gepubliceerd op {words['published_date']}" in text and words["edition"] in visits[page]["footer"]


@pytest.mark.parametrize("page", READER_PAGES)
def test_no_code_no_register_and_a_description(built, page):
    soup = built[page]
    assert "Toon code" not in soup.get_text() and not soup.select(".cell_input, details.above-input"), page
    assert not soup.select('a[href*="genindex"], link[href*="genindex"]'), f"{page} links the empty register"
    assert not soup.select('a[href^="http://CHANGELOG"], a[href*="://CHANGELOG.md"]'), page
    description = soup.select_one('meta[name="description"]')
    title = soup.select_one('meta[property="og:title"]')
    assert description is not None and len(description["content"]) >= 40, f"{page}: no description"
    assert title is not None and title["content"].strip(), f"{page}: no share title"
    assert not soup.select('meta[property="og:image"]'), "no share image from elsewhere"
    assert not (BUILD_HTML / "genindex.html").exists()


# --- Downloads: each chart's own data (plain and for Excel) and image. ---


@pytest.mark.parametrize("page", CHAPTERS)
def test_every_chart_offers_its_data_and_its_image(visits, page):
    figures = visits[page]["figures"]
    assert len(figures) == visits[page]["charts"] and figures
    for figure in figures:
        assert figure["csv"].startswith("data:text/csv;charset=utf-8,"), figure["csv"][:60]
        rows = csv_rows(data_uri_text(figure["csv"]))
        assert rows[0] == figure["head"] and len(rows) - 1 == len(figure["rows"]), (rows[:2], figure["head"])
        mismatched = [
            (shown, stored)
            for row_shown, row_stored in zip(figure["rows"], rows[1:])
            for shown, stored in zip(row_shown, row_stored, strict=True)
            if not same_value(shown, stored)
        ]
        assert mismatched == [], f"{page}: the CSV holds other values than the chart's table: {mismatched[:5]}"
        excel = data_uri_text(figure["excel"])
        assert excel.startswith("\ufeff"), "Excel reads UTF-8 only after a byte order mark"
        excel_rows = csv_rows(excel.removeprefix("\ufeff"), ";")
        assert len(excel_rows) == len(rows) and all(
            cell in (plain, plain.replace(".", ","))
            for excel_row, row in zip(excel_rows, rows, strict=True)
            for cell, plain in zip(excel_row, row, strict=True)
        ), "the Excel CSV holds the same cells, with decimal commas"
        svg = data_uri_text(figure["svg"])
        assert svg.lstrip().startswith("<svg") and not re.search(r"(?:href|src)=\"https?:|url\(\s*['\"]?https?:", svg)
        assert figure["png"].startswith("data:image/png;base64,") and len(figure["png"]) > 1000


# --- Charts on a phone, and after the window changes size. ---


@pytest.fixture(scope="session")
def phone(server, browser):
    """Return, per chapter, the charts with cut text on a phone, and after resizing from a laptop to a phone and back."""
    seen = {}
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for chapter in CHAPTERS:
        page.set_viewport_size(PHONE)
        page.goto(f"{server}/{chapter}", wait_until="load")
        page.wait_for_function(CHARTS_FITTED, timeout=15_000)
        fresh = cut_charts(page.evaluate(CUT_TEXT))
        images = [bool(f["svg"] and f["png"]) for f in page.evaluate(FIGURES, CHART_FIGURES)]
        page.set_viewport_size(LAPTOP)
        page.goto(f"{server}/{chapter}", wait_until="load")
        page.wait_for_function(CHARTS_FITTED, timeout=15_000)
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(50)
        page.wait_for_function(CHARTS_FITTED, timeout=15_000)
        narrowed = cut_charts(page.evaluate(CUT_TEXT))
        page.set_viewport_size(LAPTOP)
        page.wait_for_timeout(50)
        page.wait_for_function(CHARTS_FITTED, timeout=15_000)
        widened = cut_charts(page.evaluate(CUT_TEXT))
        seen[chapter] = {"phone": fresh, "narrowed": narrowed, "widened": widened, "images": images}
    context.close()
    return seen


def test_every_chart_offers_its_image_on_a_phone_too(phone):
    assert all(all(phone[chapter]["images"]) and phone[chapter]["images"] for chapter in CHAPTERS)


def test_no_chart_text_is_cut_on_a_laptop(visits):
    cut = {title: text for page in CHAPTERS for title, text in cut_charts(visits[page]["cut"]).items()}
    assert cut == {}


@pytest.mark.parametrize("moment", ["phone", "narrowed", "widened"])
def test_no_chart_text_is_cut_on_a_phone_and_in_a_resized_window(phone, moment):
    # Titles, legends, axis labels and the labels on the marks: none cut with an ellipsis, none out of the chart.
    cut = {title: text for chapter in CHAPTERS for title, text in phone[chapter][moment].items()}
    assert cut == {}, f"cut chart texts at {moment}: {cut}"


def test_the_accessibility_audit_finds_a_violation(browser):
    """The audit the pages pass does report what it should: an image without a text and a field without a name."""
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_content(
        '<html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>'
    )
    found = _axe(page)
    context.close()
    assert any(line.startswith("image-alt ") for line in found), found
    assert any(line.startswith("label ") for line in found), found


def test_the_cut_text_check_finds_a_cut_label(server, browser):
    # The check above can fail: a label pushed out of its chart, and one cut with an ellipsis, are both found.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/{CHAPTERS[0]}", wait_until="load")
    page.wait_for_function(CHARTS_FITTED, timeout=15_000)
    page.evaluate("""() => { const texts = document.querySelectorAll('.pp-chart svg.marks .role-axis-label text');
      texts[0].setAttribute('transform', 'translate(5000,0)'); texts[1].textContent = 'afgekap…'; }""")
    cut = cut_charts(page.evaluate(CUT_TEXT))
    context.close()
    assert sum(len(texts) for texts in cut.values()) >= 2, cut


@pytest.mark.parametrize("page", [p for p in CHAPTERS if p.endswith(("wsw_statistiek.html", "bijstand_financiering.html"))])
def test_two_numbers_are_a_table_with_their_source_and_data(visits, page):
    figures = visits[page]["table_figures"]
    assert figures, f"{page}: no table in place of a chart of two numbers"
    for figure in figures:
        rows = csv_rows(data_uri_text(figure["csv"]))
        assert rows[0] == figure["head"] and len(rows) - 1 == len(figure["rows"]) >= 2
        assert figure["svg"] is None and figure["png"] is None, "a table offers no image"


# --- Search: the book's own words lead to the pages that hold them. ---


@pytest.fixture(scope="session")
def searches(server, browser):
    context = browser.new_context()
    page = context.new_page()
    hits = {}
    for word in CORE_WORDS:
        page.goto(f"{server}/search.html?q={word}", wait_until="load")
        page.wait_for_function(SEARCH_DONE, timeout=15_000)
        hits[word] = {href.split("#")[0].split("?")[0] for href in page.evaluate(SEARCH_HITS)}
    context.close()
    return hits


@pytest.mark.parametrize("word", CORE_WORDS)
def test_search_finds_every_page_that_holds_a_core_word(built, searches, word):
    expected = pages_with(built, word)
    assert expected, f"no page holds {word!r}"
    assert expected <= searches[word], f"{word}: not found on {sorted(expected - searches[word])}"


def test_the_index_and_the_browser_stem_alike(built, server, browser):
    from participatie.book.web import SearchDutchPorter

    words = sorted({w.lower() for soup in built.values() for w in re.findall(r"[^\W\d_]{3,}", soup.get_text(" "))})
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/search.html", wait_until="load")
    in_browser = page.evaluate(JS_STEMS, words)
    context.close()
    language = SearchDutchPorter({})
    differ = [(w, language.stem(w), js) for w, js in zip(words, in_browser) if language.stem(w) != js]
    assert len(words) > 1000 and differ == [], differ[:10]


def _citation_date() -> str:
    """Return the publication date CITATION.cff declares (the one place it is set)."""
    import yaml

    return str(yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))["date-released"])
