"""What the browser tests measure inside a page (JavaScript run by Playwright), and how they read its downloads."""

from __future__ import annotations

import base64
import csv
import io
import re
from urllib.parse import unquote

# Every table on the page: does it fit its scroll box, and does a number cell break over two lines?
TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
  const box = table.closest('.pp-table-wrap') || table.parentElement;
  const lines = cell => { const range = document.createRange(); range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; };
  const head = table.querySelector('th');
  return {
    name: (table.querySelector('caption') || head || table).textContent.trim().slice(0, 60),
    scroll: box.scrollWidth, client: box.clientWidth,
    broken: [...table.querySelectorAll('td.pp-num')].filter(cell => lines(cell) > 1).map(cell => cell.textContent),
  };
})"""

# The search boxes a reader sees (the theme's field in the navigation, its button in the page header).
SEARCH_BOXES = """() => [...document.querySelectorAll('.search-button__button, .search-button-field, form.bd-search')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !e.closest('dialog')
    && getComputedStyle(e).visibility !== 'hidden'; }).length"""

# Whether every chart has been drawn for the width it has now (participatie-charts.js sets data-pp-width).
CHARTS_FITTED = """() => [...document.querySelectorAll('.pp-chart')].every(chart =>
  chart.getAttribute('data-pp-width') === String(chart.clientWidth) && chart.querySelector('svg.marks'))"""

# Every text of every chart (titles, legends, axis labels and titles, labels on the marks) that Vega cut (an
# ellipsis) or that reaches out of the chart's SVG box.
CUT_TEXT = """() => [...document.querySelectorAll('.pp-chart')].map(chart => {
  const svg = chart.querySelector('svg.marks');
  const title = svg.querySelector('.role-title-text text');
  const words = text => [...text.querySelectorAll('tspan')].map(t => t.textContent).join(' ') || text.textContent;
  const bounds = svg.getBoundingClientRect();
  const shown = text => !text.closest('[opacity="0"]') && getComputedStyle(text).opacity !== '0';  // Vega hid it
  const cut = [...svg.querySelectorAll('text')].filter(shown)
    .filter(text => { const box = text.getBoundingClientRect();
      return text.textContent.includes('…') || (box.width > 0 && (box.left < bounds.left - 0.5 || box.right > bounds.right + 0.5
        || box.top < bounds.top - 0.5 || box.bottom > bounds.bottom + 0.5)); })
    .map(text => words(text));
  return {title: title ? words(title) : chart.id, cut};
})"""

# Each figure's downloads and its table (header and cell texts): the chart figures' data tables (CHART_FIGURES), or
# the tables that stand in for a chart of two numbers (TABLE_FIGURES).
CHART_FIGURES, TABLE_FIGURES = "figure.pp-figure:not(.pp-table-figure)", "figure.pp-table-figure"
FIGURES = """selector => [...document.querySelectorAll(selector)].map(figure => {
  const link = selector => { const a = figure.querySelector(selector); return a && !a.closest('[hidden]') ? a.getAttribute('href') : null; };
  const table = figure.querySelector('details.pp-data table') || figure.querySelector('table');
  return {
    csv: link('a.pp-chart-csv'), excel: link('a.pp-chart-excel'),
    svg: link('a.pp-chart-image[data-format=svg]'), png: link('a.pp-chart-image[data-format=png]'),
    head: [...table.querySelectorAll('thead th')].map(th => th.textContent),
    rows: [...table.querySelectorAll('tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)),
  };
})"""

# Whether the search page has finished: its heading has lost the dots it pulses while searching.
SEARCH_DONE = "() => { const h = document.querySelector('#search-results h2'); return h && !h.querySelector('span'); }"
SEARCH_HITS = "() => [...document.querySelectorAll('#search-results ul.search li > a')].map(a => a.getAttribute('href'))"

# The stems Sphinx's JavaScript makes of words in the browser (language_data.js).
JS_STEMS = "words => { const stemmer = new Stemmer(); return words.map(w => stemmer.stemWord(w.toLowerCase())); }"


def data_uri_text(uri: str) -> str:
    """Return the text of a data: URI (percent-encoded or base64)."""
    head, _, body = uri.partition(",")
    return base64.b64decode(body).decode("utf-8") if head.endswith(";base64") else unquote(body)


def csv_rows(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


DUTCH_NUMBER = re.compile(r"[−-]?\d{1,3}(?:\.\d{3})*(?:,(\d+))?(?![\d.])|[−-]?\d+(?:,(\d+))?(?!\d)")


def same_value(shown: str, stored: str) -> bool:
    """Whether a table cell as shown (Dutch text) holds the CSV's value: equal text, or the same number as rounded."""
    shown, stored = " ".join(shown.split()), stored.strip()
    if shown == stored or (shown, stored) in {("–", ""), ("ja", "True"), ("nee", "False")}:
        return True
    number = DUTCH_NUMBER.search(shown.replace("\u2212", "-"))
    try:
        value = float(stored)
    except ValueError:
        return False
    if number is None:
        return False
    decimals = len(number.group(1) or number.group(2) or "")
    found = float(number.group(0).replace("\u2212", "-").replace(".", "").replace(",", "."))
    return abs(found - value) <= 0.5 * 10**-decimals + 1e-9


def cut_charts(found: list[dict]) -> dict[str, list[str]]:
    """Return the charts with cut text (by title) and what is cut."""
    return {chart["title"]: chart["cut"] for chart in found if chart["cut"]}


def pages_with(built, word: str) -> set[str]:
    """Return the pages whose article holds the word (a whole word, in any case), computed from the built HTML."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    found = set()
    for page, soup in built.items():
        article = soup.select_one("article.bd-article")
        if article is not None and page != "search.html":
            for element in article.select("script, style"):
                element.extract()
            if pattern.search(article.get_text(" ")):
                found.add(page)
    return found
