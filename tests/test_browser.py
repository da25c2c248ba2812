"""The built book in a real browser: every page loads offline, every chart draws, numbers are Dutch.

Serves _build/html (built by `make book`, which `make test` runs first) on 127.0.0.1 and opens every
page in Debian's headless Chromium through Playwright; every request that leaves 127.0.0.1 is blocked
and counted.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import BUILD_HTML, skip_or_fail

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
# Every page of the book; _static/ holds the theme's template fragments, not pages.
PAGES = (
    sorted(p.relative_to(BUILD_HTML).as_posix() for p in BUILD_HTML.rglob("*.html") if "_static" not in p.parts)
    if BUILD_HTML.is_dir()
    else []
)
DUTCH_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+$")

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def server():
    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("the book is not built: run `make book` (make test does) before the browser test")
    handler = functools.partial(_QuietHandler, directory=str(BUILD_HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does so as root)")
    from playwright.sync_api import sync_playwright  # pinned in requirements.txt

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def _visit(browser, url: str) -> dict:
    """Open a page with outside requests blocked; return what a reader's browser saw."""
    context = browser.new_context()
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
    seen = {
        "charts": count,
        "marks": page.eval_on_selector_all(
            ".pp-chart svg.marks", "els => els.map(e => e.querySelectorAll('path, rect, line, circle, symbol, text').length)"
        ),
        "axis_labels": page.eval_on_selector_all(".pp-chart .role-axis-label text", "els => els.map(e => e.textContent)"),
        "aria": page.eval_on_selector_all(".pp-chart svg.marks", "els => els.map(e => e.getAttribute('aria-label') || '')"),
        "errors": list(errors),
        "blocked": list(blocked),
        "axe": _axe(page),
    }
    context.close()
    return seen


# WCAG 2.1 levels A and AA, the standard Dutch government websites must meet.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe(page) -> list[str]:
    """Return the WCAG 2.1 A/AA violations axe-core finds on the page, one line each (rule, impact, where)."""
    from axe_playwright_python.sync_playwright import Axe  # pinned in requirements.txt; bundles axe-core

    # preload: False — axe would fetch the style sheets again itself (and resolve their @imports wrongly).
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "preload": False})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.fixture(scope="module")
def visits(server, browser):
    return {page: _visit(browser, f"{server}/{page}") for page in PAGES}


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
