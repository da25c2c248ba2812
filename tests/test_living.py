"""A living publication: the next letter goes in through one workflow, and the book says what changed.

The fixture holds two real later letters (tests/fixtures/later_letters): the banenafspraak results up to
the end of 2018 (tk-34352-166) and beschut werk counts up to July 2019 (tk-34352-189).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from participatie.book import changes, open_book, open_chapter
from participatie.data import validate
from participatie.presentation import text
from participatie.themes import BY_NAME

from helpers import add_later_letters


def test_the_fixture_goes_in_through_the_workflow_and_validates_with_provenance(data_copy):
    added = add_later_letters(data_copy)
    assert validate(data_copy) == []
    assert {row["source_id"] for rows in added.values() for row in rows if "source_id" in row} == {
        "tk-34352-166",
        "tk-34352-189",
    }
    # Provenance: a figure of a new letter that is not printed on its cited page is refused, naming file, row, page.
    path = data_copy / "beschut_werk.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("2019-07,3300,", "2019-07,3301,"), encoding="utf-8")
    [problem] = validate(data_copy)
    assert problem.file == "beschut_werk.csv" and problem.column == "page"
    assert "3301 is not printed on page 2 of tk-34352-189" in problem.message


def test_the_bundled_book_has_no_changes():
    figures, letters = changes.compare(open_book())
    assert figures.empty and letters.empty
    assert "Geen" in changes.changes_table(open_book())._repr_mimebundle_()["text/plain"]


def test_changes_list_exactly_the_added_rows(data_copy):
    added = add_later_letters(data_copy)
    figures, letters = changes.compare(open_book(data_copy))
    assert set(letters["id"]) == {"tk-34352-166", "tk-34352-189"} and set(letters["change"]) == {"added"}
    expected = {
        (row["indicator"], row["category"], row["period"], row["source_id"], float(row["value"]))
        for name, rows in added.items()
        if name != "sources.csv"
        for row in rows
    }
    assert set(figures["change"]) == {"added"}
    assert {(r.indicator, r.category, r.period, r.source_id, r.new_value) for r in figures.itertuples()} == expected
    facts = changes.change_facts(open_book(data_copy))
    assert (facts["added"], facts["changed"], facts["removed"]) == (len(expected), 0, 0)
    assert [letter.id for letter in facts["new_letters"]] == ["tk-34352-166", "tk-34352-189"]
    letters = text.blocks(changes.TEXT_FILE, facts)["ch_letters"]
    assert "34 352\\, nr\\. 166" in letters  # Markdown-escaped: the letters' data are untrusted


def test_a_changed_value_is_listed_old_to_new(unindexed_data_copy):
    path = unindexed_data_copy / "beschut_werk.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2018-03-31,1465,", "2018-03-31,1466,"), encoding="utf-8")
    figures, _ = changes.compare(open_book(unindexed_data_copy))
    [row] = figures.itertuples()
    assert (row.change, row.indicator, row.old_value, row.new_value) == (
        "changed",
        "working_sheltered_workplace",
        1465,
        1466,
    )


def test_the_edition_note_says_the_data_reach_beyond_the_text(data_copy):
    add_later_letters(data_copy)
    bundled = open_chapter(BY_NAME["beschut_werk"])
    newer = open_chapter(BY_NAME["beschut_werk"], data_copy)
    assert bundled.newer_data() is None and bundled.edition_note() is None
    assert newer.newer_data() == ("juli 2019", "31 maart 2018")
    note = newer.edition_note().data
    assert "Nieuwere cijfers" in note and "juli 2019" in note and "31 maart 2018" in note
    assert open_chapter(BY_NAME["wsw_statistiek"], data_copy).edition_note() is None  # no newer Wsw figures


def _text(html: Path) -> str:
    return re.sub(r"\s+", " ", BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text(" "))


@pytest.mark.slow
def test_rerun_on_the_bundled_data_and_the_later_letters(later_edition):
    assert later_edition.returncode == 0, later_edition.stderr[-3000:]
    added, out = later_edition.added, later_edition.out
    html = out / "html"
    intro = _text(html / "intro.html")
    banen = _text(html / "chapters" / "banenafspraak_duurzaamheid.html")
    beschut = _text(html / "chapters" / "beschut_werk.html")
    # The introduction and the chapters state the new latest figures, with their period and letter.
    assert "51.956" in intro and "51.956" in banen and "eind 2018" in banen and "4 juli 2019" in banen
    assert "3.300" in beschut and "juli 2019" in beschut and "20 november 2019" in beschut
    # The edition note opens the chapters whose data reach beyond their text.
    assert "Nieuwere cijfers" in beschut and "Nieuwere cijfers" in banen
    # The changes appendix lists exactly the added rows.
    appendix = BeautifulSoup((html / "appendices" / "wijzigingen.html").read_text(encoding="utf-8"), "html.parser")
    rows = [tr for tr in appendix.select("table.pp-table tbody tr")]
    added_figures = sum(len(v) for k, v in added.items() if k != "sources.csv")
    assert len(rows) == added_figures and all(tr.find("td").get_text() == "nieuw" for tr in rows)
