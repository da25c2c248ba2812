"""The banenafspraak chapter as a living publication: with the later letter of the fixture (tk-34352-166 of 4 July
2019: 51.956 extra jobs at the end of 2018 against a target of 43.500), the latest-state facts and sentences
follow the data and the jobs chart draws every period, the new one marked as from a newer letter.
"""

from __future__ import annotations

import shutil
from datetime import date

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.presentation import charts as charts_style
from participatie.presentation import labels, vocabulary
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, charts, tables

from helpers import add_later_letters, glued, read_rows, write_rows
from helpers import plain_without_emphasis as plain

NEW = "tk-34352-166"
END_2018 = "2018-12-31"


@pytest.fixture
def later(data_copy):
    add_later_letters(data_copy)
    return data_copy


@pytest.fixture
def chapter(later):
    return open_chapter(THEME, later)


def test_the_latest_count_is_the_new_letters(chapter):
    now = analysis.progress(chapter.figures)
    assert (now["period"], now["count"], now["source_id"]) == (END_2018, 51956, NEW)
    assert (now["target"], now["difference"], now["target_source_id"]) == (43500, 51956 - 43500, NEW)
    assert now["to_create"] == 125000 - 51956 and now["years"] == 7
    assert now["previous_period"] == analysis.END_2017 and now["realised_change"] == 51956 - 36904
    assert analysis.intermediate_targets(chapter.figures) == [analysis.END_2016, END_2018]


def test_the_latest_facts_follow_the_data(chapter):
    facts = chapter.facts
    latest, target = facts["jobs_latest"], facts["jobs_target_latest"]
    assert (latest.value, latest.period, latest.letter.id, latest.letter.date, latest.page) == (
        51956,
        END_2018,
        NEW,
        date(2019, 7, 4),
        1,
    )
    assert (target.value, target.period, target.letter.id) == (43500, END_2018, NEW)
    assert facts["jobs_share_of_goal"] == pytest.approx(100 * 51956 / 125000)
    assert (facts["jobs_to_create"], facts["jobs_years"], facts["jobs_per_year_rounded"]) == (73044, 7, 10400)
    assert facts["jobs_previous"].period == analysis.END_2017 and facts["jobs_change"] == 15052
    assert facts["intermediate_targets"] == [analysis.END_2016, END_2018]
    # Sentences about a specific earlier period keep their figures.
    assert facts["national_realised_2017"].value == 36904 and facts["national_realised_2017"].letter.id == "ek-34775-ak"


def test_the_latest_state_sentences_follow_the_data(chapter):
    facts = chapter.facts
    texts = {name: plain(text) for name, text in chapter.text().items()}
    latest, new = texts["ba_latest"], facts["jobs_latest"]
    assert latest.startswith(f"De laatste stand in de brieven is die van {vocabulary.period(new)}: {vocabulary.number(new)}")
    assert vocabulary.letter(new) == "de brief van 4 juli 2019" and vocabulary.letter(new) in latest
    assert plain(vocabulary.cite(new)) == "(Tweede Kamer, 34 352, nr. 166, p. 1)" and plain(vocabulary.cite(new)) in latest
    assert (
        f"{vocabulary.pct(facts['jobs_share_of_goal'])} van de 125.000 banen van het einddoel (eigen berekening)" in latest
    )
    # A target for the latest period: the count lies above it (our computation), by the difference of the two.
    assert f"Het doel voor eind 2018 was {vocabulary.number(facts['jobs_target_latest'])} banen" in latest
    assert f"{vocabulary.number(new.value - facts['jobs_target_latest'].value)} boven dat doel (eigen berekening)" in latest
    assert f"de {vocabulary.words(facts['jobs_years'])} jaar tot eind 2025" in latest  # a number to twenty in words
    assert f"circa {vocabulary.number(facts['jobs_per_year_rounded'])} per jaar" in latest
    assert f"Tussen eind 2017 en eind 2018 nam het aantal toe met {vocabulary.number(facts['jobs_change'])}" in latest
    steps = vocabulary.joined([vocabulary.period(p) for p in facts["intermediate_targets"]])
    assert (
        f"de tussendoelen voor {steps}" in latest and f"de tussendoelen voor {steps} zijn gedrukt" in texts["ba_limit_path"]
    )
    # The finding: the new letter's count; the September 2018 letter named for the rest (no "diezelfde brief").
    finding = plain(chapter.finding())
    assert finding.startswith(f"Eind 2018 waren er volgens {vocabulary.letter(new)} {vocabulary.number(new)} extra banen")
    assert f"{vocabulary.pct(facts['jobs_share_of_goal'])} van de 125.000" in finding
    assert "diezelfde brief" not in finding and vocabulary.letter(facts["letter_september_2018"]) in finding
    # Sentences about a specific earlier period stay as they were.
    assert texts["ba_end_2017"].startswith("Eind 2017 waren er volgens de derde meting")


def test_the_jobs_chart_draws_every_period_and_marks_the_newer_letter(chapter):
    figure = charts.extra_jobs(chapter)
    table = figure.table
    new = table.loc[table["Peildatum"] == "eind 2018"]
    printed = new.loc[new["Soort"] != labels.COMPUTED]
    assert sorted(printed["Banen"]) == [43500, 51956] and set(printed["Soort"]) == {labels.NEWER_LETTER}
    assert printed["Brief"].eq("Tweede Kamer, 34 352, nr. 166 (4 juli 2019), p. 1").all()
    assert set(table.loc[table["Peildatum"] == "eind 2017", "Soort"]) == {labels.PRINTED}
    spec = figure.spec()
    assert spec["title"]["subtitle"][1] == chapter.label("extra_jobs.subtitle_newer")
    assert "eind 2016, eind 2017, eind 2018" in spec["description"]
    assert spec["description"].endswith(f"{labels.NEWER_LETTER}: eind 2018.")
    # The points of a newer letter are drawn open: white inside, the series' colour around.
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert points["encoding"]["fill"]["condition"]["value"] == charts_style.WHITE and "stroke" in points["encoding"]
    rows = next(iter(spec["datasets"].values()))
    assert {r["peildatum"] for r in rows if r["nieuwer"]} == {"eind 2018"}
    assert "Tweede Kamer, 34 352, nr. 166" in figure.source_line


def test_the_pace_table_and_the_edition_note_follow(chapter):
    table = tables.pace(chapter).frame
    assert table.iloc[:, 1].tolist() == ["eind 2018", "eind 2017"] and table.iloc[:, 5].tolist() == [
        "circa 10.400",
        "15.052",
    ]
    note = chapter.edition_note().data
    assert "Nieuwere cijfers" in note and "eind 2018" in note and "eind 2017" in note


def test_a_later_quarter_of_the_gemeentelijke_doelgroep_is_drawn_and_named(data_copy):
    # The fixture has no such quarter: a made-up value from the new letter, in a copy without page indexes.
    add_later_letters(data_copy)
    shutil.rmtree(data_copy / "letters")
    rows, fields = read_rows(data_copy / f"{THEME.name}.csv")
    [q4] = [r for r in rows if r["indicator"] == "municipal_target_group_working"]
    rows.append(q4 | {"period": "2018-10/2018-12", "value": "30000", "source_id": NEW, "page": "1"})
    write_rows(data_copy / f"{THEME.name}.csv", rows, fields)
    chapter = open_chapter(THEME, data_copy)
    table = tables.municipal_target_group(chapter).table
    assert table["Kwartaal"].tolist() == ["vierde kwartaal 2016", "vierde kwartaal 2017", "vierde kwartaal 2018"]
    assert table["Soort"].tolist() == [labels.COMPUTED, labels.PRINTED, labels.NEWER_LETTER]
    latest = chapter.facts["group_latest"]
    assert (latest.value, latest.period, latest.letter.id, latest.page) == (30000, "2018-10/2018-12", NEW, 1)
    text = plain(chapter.text()["ba_municipal_working"])
    assert (
        f"De laatste stand in de brieven is die van het vierde kwartaal 2018: 30.000, uit {vocabulary.letter(latest)} "
        f"{plain(vocabulary.cite(latest))}." in text
    )
    assert text.startswith("In het vierde kwartaal 2017 werkten 21.400")  # the sentence about that quarter stays


@pytest.mark.slow
def test_the_notebook_runs_on_the_later_letters(later_edition):
    # The chapter as the session's later-letters edition executed it (conftest.later_edition).
    assert later_edition.returncode == 0, later_edition.stderr[-3000:]
    out = later_edition.out / "notebooks" / "chapters" / f"{THEME.name}.ipynb"
    texts = glued(nbformat.read(out, as_version=4))
    assert "51.956" in texts["ba_latest"] and "4 juli 2019" in texts["ba_latest"]
    assert "ba_finding" not in texts  # the introduction glues the finding
    assert "Nieuwere cijfers" in out.read_text(encoding="utf-8")
