"""The beschut werk chapter as a living publication: with a later letter in the data, its text and charts follow.

The fixture (tests/fixtures/later_letters) adds the beschut werk counts of the letter of 20 November 2019
(Tweede Kamer, 34 352, nr. 189): circa 270 at the end of 2016, circa 1.200 at the end of 2017, ruim 2.500 at
the end of 2018 and circa 3.300 in July 2019. The facts on the latest state must be the newest count with its
period and letter, and the sentences that state them must say so; the charts must draw every period, the new
ones marked as from a newer letter; facts and sentences about earlier periods stay as they are; and the
notebook still runs.
"""

from __future__ import annotations

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.presentation import labels, vocabulary
from participatie.themes.beschut_werk import THEME, analysis, charts

from helpers import add_later_letters, glued, plain

NEWER_LETTER = "tk-34352-189"


@pytest.fixture
def later(data_copy):
    """Return the chapter on a data copy with the two later letters of the fixture added."""
    added = add_later_letters(data_copy)
    assert {row["source_id"] for row in added["beschut_werk.csv"]} == {NEWER_LETTER}
    return open_chapter(THEME, data_copy)


def _newest(latest) -> tuple[str, ...]:
    """Return how the text states the newest count: its number with hedge, its period, its letter's date and Kamerstuk."""
    return (
        vocabulary.count(latest),
        vocabulary.period(latest),
        vocabulary.letter_date(latest),
        plain(vocabulary.ref(latest)),
    )


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


def test_the_latest_state_facts_are_the_newest_count_period_and_letter(later):
    facts = later.facts
    latest = facts["working_latest"]
    assert (latest.value, latest.qualifier, latest.period, latest.letter.id, latest.page) == (
        3300,
        "circa",
        "2019-07",
        NEWER_LETTER,
        2,
    )
    assert facts["working_latest_is_march_2018"] is False
    regeling = facts["regeling_latest"]
    assert (regeling["count"].value, regeling["count"].qualifier, regeling["count"].period) == (2500, "ruim", "2018-12-31")
    assert regeling["count"].letter.id == NEWER_LETTER and regeling["places"].value == 4600
    assert vocabulary.comparison(regeling["count"], regeling["places"]) == "minder dan"


def test_latest_state_sentences_state_the_newest_count_period_and_letter(later):
    texts = {name: plain(text) for name, text in later.text().items()}
    latest = later.facts["working_latest"]
    for name in ("bw_working", "bw_finding"):
        assert all(part in texts[name] for part in _newest(latest)), (name, texts[name])
    level = texts["bw_level"]
    count = later.facts["regeling_latest"]["count"]
    assert (
        all(part in level for part in _newest(count)) and vocabulary.count(later.facts["regeling_latest"]["places"]) in level
    )
    # The sentence that the latest count is the one given for 31 March 2018 is gone: it no longer is.
    bundled = {name: plain(text) for name, text in open_chapter(THEME).text().items()}
    before = bundled["bw_working"].split("Dat is de laatste stand")[0]  # the sentences about fixed dates stay
    assert texts["bw_working"] != bundled["bw_working"] and texts["bw_working"].startswith(before)


def test_facts_and_sentences_about_earlier_periods_stay(later):
    facts, bundled = later.facts, open_chapter(THEME).facts
    for name in ("working_2017", "working_end_2017", "working_march_2018", "working_growth", "working_growth_rounds"):
        assert facts[name] == bundled[name], name
    assert facts["extrapolations"] == bundled["extrapolations"]
    texts, before = later.text(), open_chapter(THEME).text()
    assert texts["bw_extrapolations"] == before["bw_extrapolations"]
    # The newer letter's count for the end of 2016 joins the others, with its letter; workplaces against people.
    counts = {c["figures"][0].value: [f.letter.id for f in c["figures"]] for c in facts["counts_2016"]}
    assert counts[270] == [NEWER_LETTER] and facts["counts_2016_kind"] == "measure"
    assert plain(vocabulary.cite(facts["counts_2016"][-1]["figures"])) in plain(texts["bw_counts_2016"])
    readings = {r["figures"][0].value: r["share"] for r in facts["cumulative_computed"][0]["readings"]}
    assert readings[270] == pytest.approx(100 * 270 / 504)
    assert vocabulary.pct(readings[270]) in plain(texts["bw_share_working"])


def test_charts_draw_the_new_periods_marked_as_newer(later):
    for make in (charts.working_vs_advised, charts.regeling):
        figure = make(later)
        table = figure.table
        newer = table.loc[table["Soort"] == labels.NEWER_LETTER] if "Soort" in table else None
        if newer is None:  # the regeling chart's table has no Soort column: find the newer letter's rows
            newer = table.loc[table["Brief, pagina"].str.contains("20 november 2019")]
        assert {"eind 2018", "juli 2019"} <= set(newer["Peildatum"]), make.__name__
        assert "circa 3.300" in set(newer["Aantal"])
        assert labels.NEWER_LETTER in str(figure.spec())
        assert "nieuwer" in figure.chart.description
    table = charts.working_vs_advised(later).table
    end_2017 = table.loc[table["Peildatum"] == "eind 2017"]
    assert {"1.184", "circa 1.200"} <= set(end_2017["Aantal"])  # the earlier letters' count stays


def test_revisions_classify_the_newer_letters_counts(later):
    revised = later.revisions()
    working = revised.loc[revised["indicator"] == "working_sheltered_workplace"].set_index(["period", "source_id"])["kind"]
    assert working[("2017-12-31", NEWER_LETTER)] == "rounding"  # circa 1.200 and 1.184
    assert working[("2016-12-31", NEWER_LETTER)] == "measure"  # 200 werkplekken against 313 and circa 270 personen


@pytest.mark.slow
def test_the_notebook_runs_on_the_later_letters(later_edition):
    # The chapter as the session's later-letters edition executed it (conftest.later_edition).
    assert later_edition.returncode == 0, later_edition.stderr[-3000:]
    notebook = nbformat.read(later_edition.out / "notebooks" / "chapters" / "beschut_werk.ipynb", as_version=4)
    texts = glued(notebook)
    latest = open_chapter(THEME, later_edition.data).facts["working_latest"]
    assert all(part in plain(texts["bw_working"]) for part in _newest(latest))
    assert "bw_finding" not in texts  # the introduction glues the finding, not the chapter
    shown = "".join(
        str(value)
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        for kind, value in o.get("data", {}).items()
        if kind in ("text/markdown", "text/html")
    )
    assert "Nieuwere cijfers" in shown and "juli 2019" in shown
