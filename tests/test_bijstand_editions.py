"""themes.bijstand_financiering in other editions: municipal editions that say only what their numbers show,
and an edition whose data reach beyond the letters the text was written from.

The synthetic data (342 municipalities GM9001–GM9342, fixture `synthetic_data`) are loaded once for the
module; the municipalities are chosen by what their numbers show where the national text says otherwise:
a result of zero on the macrobudget (nationally a deficit), a classic target group whose part rises
(nationally it falls), parts that do not add up to the total (nationally they do).
"""

from __future__ import annotations

import dataclasses
import re

import nbformat
import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.book.chapter import chapter_of
from participatie.data import load
from participatie.figures import checks
from participatie.presentation import labels
from participatie.themes.bijstand_financiering import THEME, analysis, presentation, prose

from conftest import CHAPTERS
from helpers import glued, papermill, read_rows, write_rows

# Values of the letters' national figures: in a municipal edition they may appear only in a sentence that
# says it is about the national figures.
NATIONAL_VALUES = ("€ 270 mln", "€ 5,8 mld", "474.000", "10.000", "€ 622 mln", "€ 1,2 mld", "€ 4.000", "€ 23.444")
ATTRIBUTION = re.compile(r"volgens de brief|noemt de brief|brief van \d|de brieven? van \d", re.IGNORECASE)
NUMBER = re.compile(r"€|%|\d\.\d{3}")
CITATION = re.compile(r"\((?:brief van|Eerste Kamer|Tweede Kamer)[^)]*\)|brief van \d+ \w+ \d{4}")


@pytest.fixture(scope="module")
def dataset(synthetic_data):
    return load(synthetic_data, resources=[THEME.name])


@pytest.fixture(scope="module")
def figures(dataset):
    return chapter_of(THEME, dataset).figures  # national: the synthetic rows aggregated


@pytest.fixture(scope="module")
def national(dataset):
    return prose.key_figures(chapter_of(THEME, dataset))


def _edition(dataset, code: str):
    return chapter_of(THEME, dataset, code)


def _codes(dataset) -> list[str]:
    return sorted(dataset.tables[THEME.name]["gemeente_code"].unique())


def _pick(dataset, wanted) -> str:
    """Return the first municipality (by code) whose own figures satisfy `wanted`."""
    for code in _codes(dataset):
        if wanted(_edition(dataset, code).figures):
            return code
    pytest.fail("no synthetic municipality as wanted")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+", text) if s]


def assert_municipal(texts: dict[str, str], name: str) -> None:
    """Assert what every municipal text must hold: no letter names a municipal number, national values labelled."""
    for key, text in texts.items():
        for sentence in _sentences(text):
            national = "andelijk" in sentence
            if name in sentence:
                assert not ATTRIBUTION.search(CITATION.sub("", sentence)), (key, sentence)
            if ATTRIBUTION.search(sentence) and NUMBER.search(CITATION.sub("", sentence)):
                assert national, (key, sentence)
            for value in NATIONAL_VALUES:
                if value in sentence:
                    assert national, (key, value, sentence)


def test_a_zero_result_reads_as_no_deficit(dataset, national):
    code = _pick(dataset, lambda f: analysis.latest_result(f)["result"] == 0)
    edition = _edition(dataset, code)
    texts = prose.key_figures(edition)
    assert_municipal(texts, edition.gemeente_naam)
    own = texts["bf_p_buig_2016"].split(". Landelijk")[0]
    assert "geen tekort of overschot" in own and "tekort van" not in own
    assert "een tekort van circa € 270 mln" in national["bf_p_buig_2016"]
    assert texts["bf_finding"].startswith(f"Volgens de gegevens van {edition.gemeente_naam} was het resultaat")
    assert "geen tekort of overschot" in texts["bf_finding"].split(". ")[0]
    table = presentation.chart_buig_results(edition).table
    assert "geen tekort of overschot" in set(table["Soort"])


def test_a_rising_classic_part_reads_as_rising(dataset, national):
    def rises(f):
        parts = analysis.participation_budget_parts(f).set_index("year")["classic"]
        return analysis.flat_since(parts) is None and parts.iloc[-1] > parts.iloc[0]

    code = _pick(dataset, rises)
    edition = _edition(dataset, code)
    texts = prose.key_figures(edition)
    assert_municipal(texts, edition.gemeente_naam)
    assert "Het deel voor de klassieke doelgroep stijgt van" in texts["bf_p_pb_table"]
    assert "klassieke doelgroep daalt" in national["bf_p_pb_table"]
    assert "licht toe" not in texts["bf_p_pb_table"]  # the letter's word, for the national table only


def test_parts_that_do_not_add_up_are_reported_for_the_municipality(dataset, national):
    code = _pick(dataset, lambda f: (analysis.participation_budget_parts(f)["verdict"] == checks.DISCREPANCY).any())
    edition = _edition(dataset, code)
    texts = prose.key_figures(edition)
    assert texts["bf_p_pb_sum"].startswith("Klassiek en nieuw tellen niet in elk jaar op tot het totaal in de gegevens")
    assert "gedrukte" not in texts["bf_p_pb_sum"]
    assert national["bf_p_pb_sum"].startswith("Klassiek en nieuw tellen in elk jaar op")


def test_every_sampled_municipal_edition_says_only_what_its_numbers_show(dataset):
    for code in _codes(dataset)[::57]:
        edition = _edition(dataset, code)
        texts = prose.key_figures(edition)
        assert_municipal(texts, edition.gemeente_naam)
        assert "De rekencontrole gaat over de landelijke cijfers" in texts["bf_p_checks"]
        for made in (presentation.chart_buig_results(edition), presentation.chart_participation_budget(edition)):
            assert set(made.table["Bron"]) == {labels.MUNICIPAL_FIGURE}
            assert "Landelijk" not in made.spec()["title"]["subtitle"]
        letters = presentation.other_figures_table(edition).frame[labels.COLUMN_TEXT["letter"]]
        assert set(letters) == {labels.MUNICIPAL_FIGURE}
        assert "(gemeente)" in " ".join(presentation.benefit_corrections_table(edition).frame.columns)


def test_a_municipality_name_is_no_markup(dataset):
    edition = dataclasses.replace(_edition(dataset, _codes(dataset)[0]), gemeente_naam="Gem*een_te [x](y) <b>")
    texts = prose.key_figures(edition)
    every = " ".join(texts.values())
    assert "Gem\\*een\\_te \\[x\\]\\(y\\) \\<b\\>" in every
    assert "[x](y)" not in every and "<b>" not in every


# --- data that reach beyond the chapter's text: a later letter -------------------------------------------

# A fictional letter (dossier 0 exists nowhere), dated after the chapter's text.
LATER = {
    "id": "tk-0-test",
    "date": "2019-12-02",
    "chamber": "Tweede Kamer",
    "session_year": "2019–2020",
    "reference": "0, nr. test",
    "sender": "Testbrief",
    "office": "Testbrief (fictief, alleen voor tests)",
    "title": "Fictieve latere brief voor een test",
    "url": "https://zoek.officielebekendmakingen.nl/kst-0-test.html",
}


def _later_rows() -> list[dict]:
    base = {"dimension": "", "category": "", "qualifier": "", "derived": "false", "source_id": LATER["id"], "page": "1"}
    budget = {**base, "indicator": "participation_budget", "dimension": "doelgroep", "period": "2022", "unit": "euro_mln"}
    return [
        {**base, "indicator": "buig_surplus", "period": "2017", "value": "123", "unit": "euro_mln", "qualifier": "circa"},
        {**base, "indicator": "bijstand_recipients", "period": "2018-12", "value": "450000", "unit": "personen"},
        {**budget, "category": "klassiek", "value": "520.5"},
        {**budget, "category": "nieuw", "value": "200.25"},
        {**budget, "category": "totaal", "value": "720.75"},
    ]


@pytest.fixture
def later_data(unindexed_data_copy):
    sources, fields = read_rows(unindexed_data_copy / "sources.csv")
    write_rows(unindexed_data_copy / "sources.csv", [*sources, LATER], fields)
    path = unindexed_data_copy / f"{THEME.name}.csv"
    rows, fields = read_rows(path)
    write_rows(path, [*rows, *({**row, "section": "Test", "note": "Fictief testcijfer."} for row in _later_rows())], fields)
    return unindexed_data_copy


def test_latest_sentences_follow_a_later_letter(later_data):
    edition = open_chapter(THEME, later_data)
    texts = edition.key_figures()
    newest = "De nieuwste uitkomst in de gegevens is die over 2017: een overschot van circa € 123 mln"
    assert newest in texts["bf_p_buig_2016"] and "(Tweede Kamer\\, 0\\, nr\\. test, p. 1)" in texts["bf_p_buig_2016"]
    assert "circa € 270 mln" in texts["bf_p_buig_2016"]  # the sentences about 2016 stay as they are
    assert texts["bf_finding"].startswith("Over 2017 was er volgens de brief van 2 december 2019 landelijk een overschot")
    assert "Volgens de brief van 2 december 2019 hadden in december 2018 450.000 mensen" in texts["bf_p_pb_table"]
    table = texts["bf_p_pb_table"]
    assert "in 2017 tot € 720,750 mln in 2022" in table and "Tweede Kamer\\, 0\\, nr\\. test, p. 1)" in table


def test_charts_draw_the_later_periods_marked_as_newer(later_data):
    edition = open_chapter(THEME, later_data)
    results = presentation.chart_buig_results(edition)
    assert results.table["Periode"].tolist() == ["2013", "2016 (voorlopig)", "2017"]
    assert results.table["Status"].tolist()[-1] == labels.NEWER_LETTER
    assert (
        labels.NEWER_LETTER in results.spec()["title"]["subtitle"] and labels.NEWER_LETTER in results.spec()["description"]
    )
    budget = presentation.chart_participation_budget(edition)
    assert budget.table["Jaar"].tolist()[-1] == "2022" and "2 december 2019" in budget.table["Bron"].iloc[-1]
    drawn = pd.concat([pd.DataFrame(rows) for rows in budget.spec()["datasets"].values()], ignore_index=True)
    newer = drawn.loc[drawn["nieuwer"].fillna(False).astype(bool)]
    assert set(newer["jaar"]) == {"2022"}


@pytest.mark.slow
def test_the_chapter_runs_on_data_with_a_later_letter(later_data, tmp_path):
    out = tmp_path / "bijstand_financiering.ipynb"
    result = papermill(str(CHAPTERS / "bijstand_financiering.ipynb"), str(out), data_dir=str(later_data))
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert "450.000" in texts["bf_p_pb_table"] and "2 december 2019" in texts["bf_finding"]
