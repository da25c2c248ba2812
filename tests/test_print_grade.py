"""The print edition is print-grade: what a reader (and a screen reader) gets from the PDF.

Tagged (PDF/UA-1) with its metadata; the web edition's edition line on the title page and at the foot of every
page; a colophon; no page nearly empty but at a chapter's end; no hyphenated or split heading, title or table
header; no text under 7 points, charts included; running text at 65-75 characters a line; nothing that only
works on screen. Measured from the PDF with tests/pdf_pages.py (pypdf).
"""

from __future__ import annotations

import csv
import statistics
from datetime import date

import pytest
import yaml
from bs4 import BeautifulSoup

import participatie
import pdf_pages
from participatie.book import pdf, print_charts
from participatie.book import web as furniture
from participatie.presentation import labels
from participatie.presentation.vocabulary import long_date

from conftest import BUILD_HTML, DATA, REPO


@pytest.fixture(scope="session")
def drawn(printed):
    """What every page draws: its text runs (with their printed size) and drawings, charts included."""
    reader = printed["reader"]
    return [pdf_pages.drawn(page, reader) for page in reader.pages]


@pytest.fixture(scope="session")
def web_soups():
    """The web edition's pages (BeautifulSoup), in table-of-contents order."""
    return [BeautifulSoup(page.path.read_text(encoding="utf-8"), "html.parser") for page in pdf.book_pages(BUILD_HTML)]


def _web_edition_line() -> str:
    """Return the edition line under the web edition's root page, as it reads."""
    root = pdf.root_page(BUILD_HTML)
    line = BeautifulSoup(root.read_text(encoding="utf-8"), "html.parser").select_one("footer p.pp-edition")
    return pdf_pages.flat(line.get_text(" ", strip=True))


def test_the_title_page_and_every_foot_give_the_web_editions_edition_date_and_version(printed):
    with open(DATA / "sources.csv", encoding="utf-8") as handle:
        newest = max(date.fromisoformat(row["date"]) for row in csv.DictReader(handle))
    assert pdf.edition_date(DATA) == newest
    words = furniture.edition_line(newest, furniture.publication_date(REPO))
    line = f"{words['edition']} · {words['published']} · {words['version']}"
    assert line == _web_edition_line(), "the PDF says what the foot of every web page says"
    assert words["version"].endswith(participatie.__version__) and words["edition_date"] == str(long_date(newest))
    title = printed["pages"][0]
    assert title.startswith("Werk naar vermogen, 2009–2018") and line in title
    front = pdf_pages.front_matter(printed["pages"])
    for number, text in enumerate(printed["pages"][front:], start=front + 1):
        assert line in text, f"page {number} has no edition line in its foot"


def test_the_colophon_gives_edition_date_version_licence_and_how_to_cite(printed):
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    colophon = printed["pages"][1]
    words = labels.PRINT_COLOPHON
    released = date.fromisoformat(str(citation["date-released"]))
    assert colophon.startswith(words["title"])
    for term in ("edition", "published", "version", "authors", "cite", "licence"):
        assert words[term] in colophon, term
    cited = words["citation"].format(
        authors=citation["authors"][0]["name"],
        year=released.year,
        title=citation["title"],
        version=participatie.__version__,
        date=long_date(released),
        short=labels.LICENCES[citation["license"]]["short"],
    )
    assert pdf_pages.flat(cited) in colophon
    assert labels.LICENCES[citation["license"]]["name"] in colophon and str(long_date(pdf.edition_date(DATA))) in colophon


def test_the_pdf_is_tagged_for_screen_readers_with_its_metadata(printed):
    reader = printed["reader"]
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in catalog, "a tagged PDF"
    assert catalog["/Lang"] == "nl" and catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.xmp_metadata is not None and 'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data().decode()
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    released = date.fromisoformat(str(citation["date-released"])).strftime("D:%Y%m%d")
    metadata = reader.metadata
    assert metadata.title == "Werk naar vermogen, 2009–2018"
    assert metadata.author == ", ".join(author["name"] for author in citation["authors"])
    assert metadata["/CreationDate"] == metadata["/ModDate"] == released, "the publication date, not the build's"
    assert metadata["/Keywords"] == ", ".join(citation["keywords"]) and metadata["/Subject"]
    # The structure a screen reader walks: headings, paragraphs, lists, tables with headers, figures described.
    types = {kind for run in printed["runs"] for kind in run.types}
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"} <= types
    figures = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict) and "/S" in node:
            if node["/S"] == "/Figure":
                figures.append(str(node.get("/Alt", "")))
            walk(node.get("/K", []))

    walk(catalog["/StructTreeRoot"]["/K"])
    assert len(figures) >= 10 and all(len(alt) > 20 for alt in figures), "every chart has its description"


def test_no_page_is_nearly_empty_but_at_the_end_of_a_chapter(printed, drawn):
    reader = printed["reader"]
    margins = pdf_pages.page_margins()
    fills = [pdf_pages.fill(d, float(page.mediabox.height), margins) for d, page in zip(drawn, reader.pages, strict=True)]
    starts = pdf_pages.chapter_starts(reader)
    assert pdf_pages.nearly_empty(fills, starts) == [], "pages under a quarter full that end no chapter"
    assert min(fills[1:]) > 0, "no blank page"


def test_no_heading_title_or_table_header_is_hyphenated_or_split(printed, web_soups):
    words = pdf_pages.heading_words(web_soups)
    assert {"Marge", "Datum", "Pagina"} <= words
    assert pdf_pages.broken_headings(printed["runs"], words) == []
    titles = [run for run in printed["runs"] if {"/H1", "/TOC", "/TOCI"} & set(run.types)]
    assert not [run.text for run in titles if run.text.rstrip().endswith(("–", "\u2010", "\u00ad"))]


def test_no_text_is_smaller_than_7_points_charts_included(drawn):
    sizes = [(size, number) for number, page in enumerate(drawn, start=1) for size, _, _ in page.runs]
    smallest = min(sizes)
    assert smallest[0] >= 7.0 - 0.01, f"{smallest[0]:.2f} pt on page {smallest[1]}"
    assert print_charts.MIN_TEXT >= 7.0


def test_running_text_has_a_measure_of_65_to_75_characters(printed):
    counts = pdf_pages.body_measure(printed["runs"])
    assert len(counts) > 500
    assert 65 <= statistics.mean(counts) <= 75, statistics.mean(counts)
    assert statistics.quantiles(counts, n=10)[-1] <= 80, "hardly a line over 80 characters"


def test_the_print_edition_leaves_out_what_only_works_on_screen(printed):
    text = " ".join(printed["pages"])
    assert f"({labels.CHART_DOWNLOAD['file_excel']})" not in text
    for words in (labels.CHART_DOWNLOAD["csv"], labels.CHART_DOWNLOAD["png"], labels.DOWNLOAD_TEXT):
        assert words not in text, words
    assert "datapackage.json" in text and "sources.csv" in text, "the data files are still named"


def test_a_chart_too_tall_for_a_page_gets_a_lower_plot_so_its_text_stays_7_points_or_more():
    data = {"values": [{"jaar": str(year), "n": year % 7} for year in range(2000, 2020)]}
    tall = {"data": data, "title": "Hoog", "width": "container", "height": 1000, "mark": "bar"}
    tall["encoding"] = {"y": {"field": "jaar", "type": "nominal"}, "x": {"field": "n", "type": "quantitative"}}
    svg = pdf.chart_svg(tall)
    drawn_height = print_charts.drawing_size(svg)[1]
    assert drawn_height < 1000, "the plot is lowered"
    assert print_charts.smallest_text(svg) * print_charts.printed_scale(svg) >= 7.0
    assert drawn_height >= 1000 * print_charts.MIN_HEIGHT_SHARE, "but no further than its labels need"


def test_a_legend_that_would_be_cut_off_prints_in_one_column_and_a_wide_title_in_lines():
    long = "een reeks met een bijzonder lange naam die de legenda breder maakt dan de grafiek zelf"
    data = {"values": [{"x": 1, "y": 2, "reeks": "nog " + long}, {"x": 2, "y": 3, "reeks": long}]}
    spec = {
        "data": data,
        "width": "container",
        "height": 100,
        "mark": "point",
        "config": {"legend": {"columns": 2, "labelLimit": 0}},
    }
    spec["title"] = {"text": "Titel", "subtitle": "Een ondertitel die veel te lang is voor één regel " * 4}
    spec["encoding"] = {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}}
    spec["encoding"]["color"] = {"field": "reeks", "type": "nominal", "legend": {"orient": "bottom"}}
    svg = pdf.chart_svg(spec)
    fitted = {**spec, "width": pdf.CHART_WIDTH, "autosize": {"type": "fit-x", "contains": "padding"}}
    assert print_charts.legend_overflow(print_charts._draw(fitted)), "as it was: the legend ran past the edge"
    assert not print_charts.legend_overflow(svg) and print_charts.drawing_size(svg)[0] <= pdf.CHART_WIDTH
    lines = BeautifulSoup(svg, "html.parser").find_all("tspan")
    assert len(lines) >= 2 and long in svg
