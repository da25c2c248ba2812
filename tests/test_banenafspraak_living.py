"""The banenafspraak chapter as a living publication: with the later letter of the fixture (tk-34352-166 of 4 July
2019: 51.956 extra jobs at the end of 2018 against a target of 43.500), the latest-state sentences follow the data
and the jobs chart draws every period, the new one marked as from a newer letter.
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.presentation import labels
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, presentation, prose

from conftest import CHAPTERS
from helpers import add_later_letters, glued, papermill, read_rows, write_rows

NEW = "tk-34352-166"


def plain(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", "").replace("*", "")


@pytest.fixture
def later(data_copy):
    add_later_letters(data_copy)
    return data_copy


@pytest.fixture
def chapter(later):
    return open_chapter(THEME, later)


def test_the_latest_count_is_the_new_letters(chapter):
    now = analysis.progress(chapter.figures)
    assert (now["period"], now["count"], now["source_id"]) == ("2018-12-31", 51956, NEW)
    assert (now["target"], now["difference"], now["target_source_id"]) == (43500, 51956 - 43500, NEW)
    assert now["to_create"] == 125000 - 51956 and now["years"] == 7
    assert now["previous_period"] == analysis.END_2017 and now["realised_change"] == 51956 - 36904
    assert analysis.intermediate_targets(chapter.figures) == [analysis.END_2016, "2018-12-31"]


def test_the_latest_state_sentences_follow_the_data(chapter):
    texts = {name: plain(text) for name, text in prose.key_figures(chapter).items()}
    latest = texts["ba_p_latest"]
    assert latest.startswith(
        "De laatste stand in de gegevens is die van eind 2018: 51.956 extra banen volgens de brief van 4 juli 2019"
    )
    assert "(Tweede Kamer, 34 352, nr. 166, p. 1)" in latest
    assert "Dat is 42% van de 125.000 banen van het einddoel (eigen berekening)" in latest
    assert "Het doel voor eind 2018 was 43.500 banen" in latest and "8.456 boven dat doel (eigen berekening)" in latest
    assert "nog 73.044 banen bij; gelijk verdeeld over de 7 jaar tot eind 2025 is dat circa 10.400 per jaar" in latest
    assert "Tussen eind 2017 en eind 2018 nam het aantal toe met 15.052" in latest
    assert "de tussendoelen voor eind 2016 en eind 2018" in latest
    assert texts["ba_finding"].startswith("Eind 2018 waren er volgens de brief van 4 juli 2019 51.956 extra banen")
    assert (
        "42% van de 125.000" in texts["ba_finding"]
        and "Volgens de brief van 7 september 2018 heeft ruim de helft" in texts["ba_finding"]
    )
    assert (texts["ba_latest_period"], texts["ba_latest_count"], texts["ba_share_of_target_latest"]) == (
        "eind 2018",
        "51.956",
        "42%",
    )
    assert (texts["ba_remaining"], texts["ba_pace_needed"]) == ("73.044", "circa 10.400")
    # Sentences about a specific earlier period stay as they were.
    assert "Eind 2017 waren er volgens de derde meting" in texts["ba_p_end_2017"]
    assert "de tussendoelen voor eind 2016 en eind 2018 zijn gedrukt" in texts["ba_p_limit_path"]


def test_the_jobs_chart_draws_every_period_and_marks_the_newer_letter(chapter):
    figure = presentation.chart_jobs(chapter)
    table = figure.table
    new = table.loc[table["Peildatum"] == "eind 2018"]
    printed = new.loc[new["Soort"] != labels.COMPUTED]
    assert sorted(printed["Banen"]) == [43500, 51956] and set(printed["Soort"]) == {labels.NEWER_LETTER}
    assert printed["Brief"].eq("Tweede Kamer, 34 352, nr. 166 (4 juli 2019), p. 1").all()
    assert set(table.loc[table["Peildatum"] == "eind 2017", "Soort"]) == {labels.PRINTED}
    spec = figure.spec()
    assert any("Open symbolen" in line for line in spec["title"]["subtitle"])
    assert (
        "eind 2016, eind 2017, eind 2018" in spec["description"]
        and "uit een nieuwere brief: eind 2018" in spec["description"]
    )
    # The points of a newer letter are drawn open: white inside, the series' colour around.
    points = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "point")
    assert points["encoding"]["fill"]["condition"]["value"] == "white" and "stroke" in points["encoding"]
    rows = next(iter(spec["datasets"].values()))
    assert {r["peildatum"] for r in rows if r["nieuwer"]} == {"eind 2018"}
    assert "Tweede Kamer, 34 352, nr. 166" in figure.source_line


def test_the_pace_table_and_the_edition_note_follow(chapter):
    table = presentation.pace_table(chapter).frame
    assert table["Van"].tolist() == ["eind 2018", "eind 2017"] and table["Banen per jaar"].tolist() == [
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
    table = presentation.chart_municipal(chapter).table
    assert table["Kwartaal"].tolist() == ["4e kwartaal 2016", "4e kwartaal 2017", "4e kwartaal 2018"]
    assert table["Soort"].tolist() == [labels.COMPUTED, labels.PRINTED, labels.NEWER_LETTER]
    text = plain(prose.key_figures(chapter)["ba_p_municipal_working"])
    assert "De laatste stand in de gegevens is die van het 4e kwartaal 2018: 30.000 volgens de brief van 4 juli 2019" in text
    assert text.startswith("In het 4e kwartaal 2017 werkten 21.400")  # the sentence about that quarter stays


@pytest.mark.slow
def test_the_notebook_runs_on_the_later_letters(later, tmp_path):
    out = tmp_path / f"{THEME.name}.ipynb"
    result = papermill(str(CHAPTERS / f"{THEME.name}.ipynb"), str(out), data_dir=str(later))
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert (
        "51.956" in texts["ba_p_latest"]
        and "4 juli 2019" in texts["ba_p_latest"]
        and texts["ba_finding"].startswith("Eind 2018")
    )
    assert "Nieuwere cijfers" in out.read_text(encoding="utf-8")
