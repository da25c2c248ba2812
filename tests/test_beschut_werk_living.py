"""The beschut werk chapter as a living publication: with a later letter in the data, its text and charts follow.

The fixture (tests/fixtures/later_letters) adds the beschut werk counts of the letter of 20 November 2019
(Tweede Kamer, 34 352, nr. 189): circa 270 at the end of 2016, circa 1.200 at the end of 2017, ruim 2.500 at
the end of 2018 and circa 3.300 in July 2019. The sentences on the latest state must state the newest
count with its period and letter; the charts must draw every period, the new ones marked as from a newer
letter; sentences about earlier periods stay as they are; and the notebook still runs.
"""

from __future__ import annotations

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.presentation import labels
from participatie.themes.beschut_werk import THEME, analysis, presentation, prose

from conftest import CHAPTERS
from helpers import add_later_letters, glued, papermill

NEWER_LETTER = "tk-34352-189"
NEWEST = ("circa 3.300", "juli 2019", "20 november 2019")


@pytest.fixture
def later(data_copy):
    """Return the chapter on a data copy with the two later letters of the fixture added."""
    added = add_later_letters(data_copy)
    assert {row["source_id"] for row in added["beschut_werk.csv"]} == {NEWER_LETTER}
    return open_chapter(THEME, data_copy)


def test_the_latest_count_comes_from_the_newer_letter(later):
    latest = analysis.latest_working(later.figures)
    assert (latest["period"], latest["value"], latest["qualifier"], latest["source_id"]) == (
        "2019-07",
        3300,
        "circa",
        NEWER_LETTER,
    )
    count, places = analysis.latest_against_regeling(later.figures)
    assert (count["date"], count["value"], count["qualifier"], places["value"]) == ("2018-12-31", 2500, "ruim", 4600)
    assert later.newer_data() == ("juli 2019", "31 maart 2018")


def test_latest_state_sentences_state_the_newest_count_period_and_letter(later):
    texts = prose.key_figures(later)
    for name in ("bw_p_working", "bw_finding"):
        assert all(part in texts[name] for part in NEWEST), (name, texts[name])
        assert "34 352" in texts[name]  # the letter's parliamentary number (escaped as Markdown: nr\. 189)
    assert "Dat is de laatste stand" not in texts["bw_p_working"]
    level = texts["bw_p_level"]
    assert "is eind 2018" in level and "ruim 2.500" in level and "minder dan de 4.600 plekken" in level
    assert "20 november 2019" in level


def test_sentences_about_earlier_periods_stay(later):
    texts = prose.key_figures(later)
    assert (
        "Eind 2017 werkten 1.184 mensen" in texts["bw_p_working"] and "een stijging van 24% (p. 2)" in texts["bw_p_working"]
    )
    assert "14% meer dan doorgetrokken" in texts["bw_p_extrapolations"]
    # The newer letter's count for the end of 2016 joins the others, with its letter; the kind is still a conflict.
    counts = texts["bw_p_counts_2016"]
    assert "circa 270 personen (Tweede Kamer\\, 34 352\\, nr\\. 189, p. 2)" in counts and "tegenstrijdig" in counts
    assert "circa 270 werkenden (Tweede Kamer\\, 34 352\\, nr\\. 189, p. 2) 54%" in texts["bw_p_share_working"]


def test_charts_draw_the_new_periods_marked_as_newer(later):
    for make in (presentation.chart_working_vs_advised, presentation.chart_regeling):
        figure = make(later)
        table = figure.table
        newer = table.loc[table["Soort"] == labels.NEWER_LETTER] if "Soort" in table else None
        if newer is None:  # the regeling chart's table has no Soort column: find the newer letter's rows
            newer = table.loc[table["Brief, pagina"].str.contains("20 november 2019")]
        assert {"eind 2018", "juli 2019"} <= set(newer["Peildatum"]), make.__name__
        assert "circa 3.300" in set(newer["Aantal"])
        assert labels.NEWER_LETTER in str(figure.spec())
        assert "nieuwer" in figure.chart.description
    table = presentation.chart_working_vs_advised(later).table
    end_2017 = table.loc[table["Peildatum"] == "eind 2017"]
    assert {"1.184", "circa 1.200"} <= set(end_2017["Aantal"])  # the earlier letters' count stays


def test_revisions_classify_the_newer_letters_counts(later):
    revised = later.revisions()
    working = revised.loc[revised["indicator"] == "working_sheltered_workplace"].set_index(["period", "source_id"])["kind"]
    assert working[("2017-12-31", NEWER_LETTER)] == "rounding"  # circa 1.200 and 1.184
    assert working[("2016-12-31", NEWER_LETTER)] == "conflict"  # 200 werkplekken, 313 and circa 270 personen


@pytest.mark.slow
def test_the_notebook_runs_on_the_later_letters(data_copy, tmp_path):
    add_later_letters(data_copy)
    out = tmp_path / "beschut_werk.ipynb"
    result = papermill(CHAPTERS / "beschut_werk.ipynb", out, data_dir=str(data_copy))
    assert result.returncode == 0, result.stderr[-3000:]
    notebook = nbformat.read(out, as_version=4)
    texts = glued(notebook)
    assert all(part in texts["bw_p_working"] for part in NEWEST)
    shown = "".join(
        str(value)
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        for kind, value in o.get("data", {}).items()
        if kind in ("text/markdown", "text/html")
    )
    assert "Nieuwere cijfers" in shown and "juli 2019" in shown
