"""The print edition: the whole book as one A4 PDF (python -m participatie pdf), and rerun --pdf.

The PDF is the one `make pdf` wrote beside the rendered book (make test makes both first); when it is
missing or older than the HTML, the same command builds it once per session into a temporary folder. Its
text is read with pypdf, and what a reader sees of it (how full a page is, the size of every text, the
measure of running text, the lines of headings) with tests/pdf_pages.py.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pypdf
import pytest
import yaml
from bs4 import BeautifulSoup

import pdf_pages
from participatie.book import pdf, sphinx_ext
from participatie.presentation import labels
from participatie.presentation.charts import embed_html
from participatie.tools import cli, rerun

from conftest import BUILD_HTML, DATA, REPO

# About 12 screen pages of web content with 20 charts and 50 data tables print on some 90 A4 pages; fewer
# than 30 means content went missing, more than 150 a layout gone wrong (a chart or row per page).
MIN_PAGES, MAX_PAGES = 30, 150
# The PDF is under 1 MB (vector charts, subset fonts); raster charts or whole fonts would pass 10 MB.
MAX_BYTES = 10_000_000
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="session")
def web():
    """What the web edition shows, page by page in table-of-contents order."""
    pages = pdf.book_pages(BUILD_HTML)
    soups = {page.document: BeautifulSoup(page.path.read_text(encoding="utf-8"), "html.parser") for page in pages}
    return pages, soups


def _contents(printed, titles: list[str]) -> list[tuple[str, int]]:
    """Return the page number that the printed contents give for each title, read in their order."""
    start = pdf_pages.front_matter(printed["pages"])
    text = " ".join(printed["pages"][start : start + 5])
    entries, position = [], 0
    for title in titles:
        match = re.compile(re.escape(title) + r" ?\.{3,} ?(\d+)").search(text, position)
        assert match, f"{title!r} is not in the printed contents (after position {position})"
        entries.append((title, int(match.group(1))))
        position = match.end()
    return entries


def _page_starts(printed, web) -> dict[str, int]:
    pages, _ = web
    entries = iter(_contents(printed, _titles(web)))
    starts = {}
    for page in pages:
        title, number = next(entries)
        while title != page.title:
            title, number = next(entries)
        starts[page.title] = number
    return starts


def _titles(web) -> list[str]:
    pages, soups = web
    titles = []
    for page in pages:
        titles.append(page.title)
        titles += [
            pdf_pages.flat(h2.get_text(" ", strip=True)) for h2 in soups[page.document].select("article section > h2")
        ]
    return [title.rstrip("#").strip() for title in titles]


def test_the_pdf_is_a4_of_a_sane_length_and_size(printed):
    reader = printed["reader"]
    assert MIN_PAGES <= len(reader.pages) <= MAX_PAGES
    assert printed["path"].stat().st_size < MAX_BYTES
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)


def test_the_pages_follow_the_table_of_contents(web):
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    documents = [toc["root"]] + [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    assert [page.document for page in web[0]] == documents


def test_every_chapter_and_appendix_and_section_is_listed_on_the_page_where_it_starts(printed, web):
    entries = _contents(printed, _titles(web))
    for title, number in entries:
        assert title in printed["pages"][number - 1], f"{title!r} is not on page {number}"
    assert [number for _, number in entries] == sorted(number for _, number in entries)
    starts = list(_page_starts(printed, web).values())
    assert len(set(starts)) == len(starts) == len(web[0])
    outline = [
        (item.title, printed["reader"].get_destination_page_number(item) + 1) for item in _outline(printed["reader"].outline)
    ]
    front = {labels.PRINT_CONTENTS, labels.PRINT_COLOPHON["title"]}
    assert [entry for entry in outline if entry[0] not in front] == entries


def _outline(items):
    for item in items:
        yield from _outline(item) if isinstance(item, list) else [item]


def test_every_page_has_its_chapter_in_the_header_and_its_number_in_the_footer(printed, web):
    titles = {page.title for page in web[0]} | {labels.PRINT_CONTENTS}
    front = pdf_pages.front_matter(printed["pages"])
    assert front == 2, "the title page and the colophon, without header or footer"
    for number, text in enumerate(printed["pages"][front:], start=front + 1):
        assert text.endswith(f" {number}"), number
        assert any(f"Werk naar vermogen, 2009–2018 {title} " in text for title in titles), number
    assert not re.search(r" \d+$", printed["pages"][0]) and not re.search(r" \d+$", printed["pages"][1])


def test_every_chart_prints_with_its_title_source_line_and_data_table(printed, web):
    text = " ".join(printed["pages"])
    pages, soups = web
    charts = 0
    for page in pages:
        soup = soups[page.document]
        for script in soup.select("div.pp-chart + script"):
            spec = pdf.chart_spec(script.string)
            title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
            assert pdf_pages.flat(" ".join(title) if isinstance(title, list) else title) in text
            charts += 1
        for caption in soup.select("figcaption.pp-source"):
            line = pdf_pages.flat(caption.get_text(" ", strip=True)).split(labels.DOWNLOAD_TEXT)[0].strip()
            assert line.startswith("Bron:") and line in text, line
    assert charts >= 10
    assert text.count(labels.TABLE_SUMMARY) == charts and labels.DOWNLOAD_TEXT not in text


def test_charts_are_vector_drawings_with_dutch_numbers(printed, web):
    reader = printed["reader"]
    for page in reader.pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        for name in objects:
            drawing = objects[name].get_object()
            assert drawing.get("/Subtype") != "/Image" or int(drawing["/Width"]) * int(drawing["/Height"]) < 10_000
    text = " ".join(printed["pages"])
    pages, soups = web
    script = soups["chapters/beschut_werk"].select_one("div.pp-chart + script")
    svg = BeautifulSoup(pdf.chart_svg(pdf.chart_spec(script.string)), "html.parser")
    labels_drawn = [t.get_text(" ") for t in svg.find_all("text")]  # a title broken into lines: one line each
    thousands = [label for label in labels_drawn if re.fullmatch(r"\d{1,3}(\.\d{3})+", label)]
    assert thousands and all(label in text for label in labels_drawn if label.strip())


def test_code_cells_are_left_out(printed, web):
    text = " ".join(printed["pages"])
    assert "open_chapter(" not in text
    pages, soups = web
    for page in pages:
        for code in soups[page.document].select(".cell_input pre"):
            for line in code.get_text().splitlines():
                assert len(line.strip()) < 12 or pdf_pages.flat(line) not in text, line


def test_links_become_page_references_and_printed_addresses(printed, web):
    pages, soups = web
    text = " ".join(printed["pages"])
    starts = _page_starts(printed, web)
    titles = {page.path.resolve(): page.title for page in pages}
    references = 0
    for page in pages:
        for link in soups[page.document].select("article a.reference.internal[href]"):
            target = (page.path.parent / link["href"]).resolve()
            in_list = link.find_parent(class_="toctree-wrapper") is not None  # the printed contents replace it
            if "#" not in link["href"] and target in titles and not in_list:
                expected = (
                    f"{pdf_pages.flat(link.get_text(' ', strip=True))} ({labels.PRINT_SEE_PAGE} {starts[titles[target]]})"
                )
                assert expected in text, expected
                references += 1
    assert references >= 5
    squeezed = text.replace(" ", "")
    for page in pages:
        for link in soups[page.document].select("article a[href^='http']"):
            if link.get_text(strip=True) != link["href"]:
                assert f"({link['href']})" in squeezed, link["href"]


def test_the_stylesheet_keeps_rows_whole_and_repeats_table_headers():
    css = pdf.PRINT_CSS.read_text(encoding="utf-8")
    for rule in ("size: A4", "tr { break-inside: avoid; }", "thead { display: table-header-group; }", "counter(page)"):
        assert rule in css
    assert "string-set: chapter" in css and "target-counter(attr(href url), page)" in css


def test_every_web_page_links_the_print_edition_by_a_relative_url(web):
    pages, soups = web
    for page in pages:
        link = soups[page.document].select_one("nav.pp-print-edition a")
        assert link is not None and link.get_text(strip=True) == labels.PRINT_LINK, page.document
        assert (
            not re.match(r"^[a-z]+:|^/", link["href"])
            and (page.path.parent / link["href"]).resolve() == (BUILD_HTML / pdf.PDF_NAME).resolve()
        )
    assert (BUILD_HTML / pdf.PDF_NAME).is_file(), "make pdf (make test does) writes the PDF beside index.html"


def test_a_rerun_without_pdf_leaves_the_link_out(tmp_path):
    (tmp_path / "_config.yml").write_text("title: T\nsphinx:\n  config:\n    language: nl\n", encoding="utf-8")
    rerun._without_print_link(tmp_path)
    config = yaml.safe_load((tmp_path / "_config.yml").read_text(encoding="utf-8"))
    assert config["sphinx"]["config"] == {"language": "nl", "participatie_print_edition": ""}
    assert rerun.PDF_NAME == pdf.PDF_NAME and sphinx_ext.PRINT_TEMPLATE


@pytest.mark.slow
def test_rerun_with_pdf_writes_the_print_edition(later_edition):
    assert later_edition.returncode == 0, later_edition.stderr[-3000:]
    out = later_edition.out
    assert f"PDF {out / 'boek.pdf'}" in later_edition.stdout
    reader = pypdf.PdfReader(out / "boek.pdf")
    text = pdf_pages.flat(" ".join(page.extract_text() for page in reader.pages))
    assert 3 <= len(reader.pages) <= MAX_PAGES and "Beschut werk" in text and "Bron:" in text
    assert "4 juli 2019" in text  # the print edition is the rerun's own book, on its newer data
    assert (out / "html" / "boek.pdf").read_bytes() == (out / "boek.pdf").read_bytes()
    page = BeautifulSoup((out / "html" / "chapters" / "beschut_werk.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("nav.pp-print-edition a")["href"] == "../boek.pdf"


def test_pdf_command_needs_a_built_book(tmp_path, capsys):
    assert cli.main(["pdf", "--html", str(tmp_path), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "make html" in capsys.readouterr().err and not Path(tmp_path / "x.pdf").exists()


def test_the_print_edition_reads_only_the_books_own_files(tmp_path, monkeypatch):
    """A page pointing at the network or at a file outside the book prints without fetching or attaching it."""
    import urllib.request

    secret = tmp_path / "secret.txt"
    secret.write_text("not for print", encoding="utf-8")
    book = tmp_path / "html"
    book.mkdir()
    (book / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    (book / "index.html").write_text(
        '<html><body><p class="logo__title">Proef</p><nav class="bd-docs-nav"></nav><article class="bd-article">'
        '<section id="proef"><h1>Proef</h1><p>Tekst <a href="https://example.invalid/">buiten</a>.</p>'
        '<img src="https://example.invalid/tracker.png"><img src="logo.svg">'
        f'<img src="{secret.as_uri()}"><a rel="attachment" href="{secret.as_uri()}">bijlage</a>'
        f'<link rel="stylesheet" href="{secret.as_uri()}"><iframe src="{secret.as_uri()}"></iframe>'
        "</section></article></body></html>",
        encoding="utf-8",
    )
    opened = []
    original = urllib.request.OpenerDirector.open
    monkeypatch.setattr(
        urllib.request.OpenerDirector,
        "open",
        lambda self, request, *args, **kwargs: (
            opened.append(getattr(request, "full_url", request)) or original(self, request, *args, **kwargs)
        ),
    )
    fontconfig = os.environ.get("FONTCONFIG_FILE")
    built = pdf.build(book, tmp_path / "proef.pdf", DATA)
    assert os.environ.get("FONTCONFIG_FILE") == fontconfig  # the build gives the environment back
    reader = pypdf.PdfReader(built.path)
    text = pdf_pages.flat(" ".join(page.extract_text() for page in reader.pages))
    assert "Proef" in text and "(https://example.invalid/)" in text and "not for print" not in text
    assert not reader.attachments
    inside = ("data:", book.resolve().as_uri(), pdf.FONTS_DIR.resolve().as_uri())  # the book and its own fonts
    assert opened and all(url.startswith(inside) for url in opened), opened


def test_a_chart_spec_is_read_exactly_whatever_its_strings_hold():
    spec = {"title": 'x }; var options = {"a": 1}; </script>', "data": {"values": [{"a": "};"}]}}
    script = BeautifulSoup(embed_html(spec), "html.parser").find("script").string
    assert pdf.chart_spec(script) == spec


def test_charts_as_wide_as_their_container_print_as_wide_as_the_text():
    data = {"values": [{"a": "x", "b": 1, "f": "p"}, {"a": "y", "b": 2000, "f": "q"}]}
    bar = {"mark": "bar", "encoding": {"x": {"field": "b", "type": "quantitative"}, "y": {"field": "a", "type": "nominal"}}}
    single = {"data": data, "title": "Eén", "width": "container", **bar}
    faceted = {"data": data, "title": "Panelen", "facet": {"row": {"field": "f"}}, "spec": {**bar, "width": "container"}}
    for spec, least, most in ((single, pdf.CHART_WIDTH, pdf.CHART_WIDTH), (faceted, pdf.PART_WIDTH, 2 * pdf.CHART_WIDTH)):
        svg = BeautifulSoup(pdf.chart_svg(spec), "html.parser").find("svg")
        assert least <= float(svg["width"]) <= most and spec["title"] in svg.get_text() and "2.000" in svg.get_text()
