"""Every figure's value is printed on the page of the letter its row names (reads ../shared/seeds)."""

import json

import pytest

import letters
from conftest import DATA, skip_or_fail

FIGURE_TABLES = [r["path"] for r in json.loads((DATA / "datapackage.json").read_text())["resources"]
                 if r.get("schema") == "schemas/figures.json"]


@pytest.fixture(autouse=True)
def _letters():
    if not letters.seeds_available():
        skip_or_fail(f"the source letters are not at {letters.SEEDS_DIR} (they sit beside the repository as shared/seeds)")


@pytest.mark.parametrize("table", FIGURE_TABLES)
def test_every_figure_is_printed_on_its_page(table):
    assert letters.missing_figures(DATA / table) == []


def test_page_rule_matches_printed_footers():
    # _split_pages asserts each printed footer's page number; the letters have 4, 3, 22, 9 and 6 pages.
    assert [len(letters.pages(s)) for s in letters.SEED_FILES] == [4, 3, 6, 9, 22]


def test_spellings():
    assert letters.spellings(1465) == ["1.465", "1465", "1 465", "1.465,00"]
    assert "612,709" in letters.spellings(612.709) and "0,5" in letters.spellings(0.5)
    assert "vier" in letters.spellings(4)


def test_checker_catches_a_wrong_page():
    assert letters.printed_on_page("ek-34775-ak", 2, 1465)
    assert not letters.printed_on_page("ek-34775-ak", 1, 1465)
