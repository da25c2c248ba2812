"""themes.bijstand_financiering in other editions: municipal editions that say only what their numbers show,
and an edition whose data reach beyond the letters the text was written from.

The synthetic data (342 municipalities GM9001–GM9342, fixture `synthetic_data`) are loaded once for the
module; the municipalities are chosen by what their numbers show where the national text says otherwise:
a result of zero on the macrobudget (nationally a deficit), a classic target group whose part rises
(nationally it falls), parts that do not add up to the total (nationally they do). The facts say what the
numbers are; the rendered text (`chapter.text()`) must follow them and keep the rules of a municipal edition.
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
from participatie.figures.facts import Figure
from participatie.presentation import labels, vocabulary
from participatie.themes.bijstand_financiering import THEME, analysis, charts, tables

from conftest import CHAPTERS
from helpers import glued, papermill, plain, read_rows, walk, write_rows

# Values of the letters' national figures: in a municipal edition they may appear only in a sentence that
# says it is about the national figures.
NATIONAL_VALUES = ("€ 270 mln", "€ 5,8 mld", "474.000", "10.000", "€ 622 mln", "€ 1,2 mld", "€ 4.000", "€ 23.444")
ATTRIBUTION = re.compile(r"volgens de brief|noemt de brief|brief van \d|de brieven? van \d", re.IGNORECASE)
NUMBER = re.compile(r"€|%|\d\.\d{3}")
CITATION = re.compile(r"\((?:brief van|Eerste Kamer|Tweede Kamer)[^)]*\)|brief van \d+ \w+ \d{4}")


def texts_of(chapter) -> dict[str, str]:
    """Return the chapter's rendered blocks as a reader reads them."""
    return {name: plain(text) for name, text in chapter.text().items()}


@pytest.fixture(scope="module")
def dataset(synthetic_data):
    return load(synthetic_data, resources=[THEME.name])


@pytest.fixture(scope="module")
def national(dataset):
    return texts_of(chapter_of(THEME, dataset))  # the synthetic rows aggregated: the national edition


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
        assert not re.search(r"\b(?:nan|inf|None)\b|∞", text), (key, text)
        for sentence in _sentences(text):
            national = "andelijk" in sentence
            if name in sentence:
                assert not ATTRIBUTION.search(CITATION.sub("", sentence)), (key, sentence)
            if ATTRIBUTION.search(sentence) and NUMBER.search(CITATION.sub("", sentence)):
                assert national, (key, sentence)
            for value in NATIONAL_VALUES:
                if value in sentence:
                    assert national, (key, value, sentence)


def assert_municipal_facts(edition) -> None:
    """Assert that the facts give no municipal figure a letter, and that the national ones keep theirs."""
    for key, value in edition.facts.items():
        for item in walk(value):
            if isinstance(item, Figure) and key.startswith("national_"):
                assert item.letter is not None and item.page is not None, key
            elif isinstance(item, Figure):
                assert item.letter is None and item.page is None, key  # a municipal figure is printed in no letter
    assert edition.facts["pb_letters"] == [] and edition.facts["pb_citations"] == []


def test_a_zero_result_reads_as_no_deficit(dataset, national):
    code = _pick(dataset, lambda f: analysis.latest_result(f)["result"] == 0)
    edition = _edition(dataset, code)
    assert edition.facts["latest_result"]["result"] == 0 and edition.facts["national_latest_result"]["result"] < 0
    assert_municipal_facts(edition)
    texts = texts_of(edition)
    assert_municipal(texts, edition.gemeente_naam)
    own = texts["bf_buig_2016"].split(". Landelijk")[0]
    assert "geen tekort of overschot" in own and "tekort van" not in own and "overschot van" not in own
    assert "een tekort van circa € 270 mln" in national["bf_buig_2016"]
    first = _sentences(texts["bf_finding"])[0]
    assert edition.gemeente_naam in first and "geen tekort of overschot" in first and "tekort van" not in first
    table = tables.buig_results(edition).table
    assert edition.label("buig_results.kinds")["none"] in set(table["Soort"])


def test_a_rising_classic_part_reads_as_rising(dataset, national):
    def rises(f):
        parts = analysis.participation_budget_parts(f).set_index("year")["classic"]
        return analysis.flat_since(parts) is None and parts.iloc[-1] > parts.iloc[0]

    edition = _edition(dataset, _pick(dataset, rises))
    assert edition.facts["classic_last"] > edition.facts["classic_first"] and edition.facts["classic_flat_year"] is None
    texts = texts_of(edition)
    assert_municipal(texts, edition.gemeente_naam)
    first, last = edition.facts["classic_first"], edition.facts["classic_last"]
    said = f"klassieke doelgroep stijgt van {vocabulary.value(first, 'euro_mln', 3)}"
    assert said in texts["bf_pb_table"] and vocabulary.value(last, "euro_mln", 3) in texts["bf_pb_table"]
    assert "klassieke doelgroep daalt" in national["bf_pb_table"]
    assert "licht toe" not in texts["bf_pb_table"]  # the letter's word, for the national table only
    assert not edition.facts["pb_from_june_2017"]


def test_parts_that_do_not_add_up_are_reported_for_the_municipality(dataset, national):
    code = _pick(dataset, lambda f: (analysis.participation_budget_parts(f)["verdict"] == checks.DISCREPANCY).any())
    edition = _edition(dataset, code)
    gaps = edition.facts["sum_discrepancies"]
    assert gaps and all(g["gap"] > 0 for g in gaps)
    said = texts_of(edition)["bf_pb_sum"]
    assert said.startswith("Klassiek en nieuw tellen niet in elk jaar op") and "gedrukte" not in said
    for gap in gaps:
        assert f"in {gap['year']} {vocabulary.value(gap['gap'], 'euro_mln', 3)}" in said
    assert national["bf_pb_sum"].startswith("Klassiek en nieuw tellen in elk jaar op")


def test_every_sampled_municipal_edition_says_only_what_its_numbers_show(dataset):
    for code in _codes(dataset)[::57]:
        edition = _edition(dataset, code)
        assert_municipal_facts(edition)
        texts = texts_of(edition)
        assert_municipal(texts, edition.gemeente_naam)
        # The cross-checks and revisions are about the letters' national figures: no number in this edition.
        assert edition.checks().empty and not re.search(r"\d", texts["bf_checks"] + texts["bf_revisions"])
        # Directions follow the municipality's numbers.
        facts = edition.facts
        grows = vocabulary.change(facts["share_new_first"], facts["share_new_last"], "groeit", "krimpt", "blijft gelijk")
        assert f" {grows} het deel dat voor de nieuwe doelgroep" in texts["bf_pb_groups"]
        results, budget = tables.buig_results(edition), charts.participation_budget(edition)
        assert set(results.table["Bron"]) == set(budget.table["Bron"]) == {labels.MUNICIPAL_FIGURE}
        assert "Landelijk" not in budget.spec()["title"]["subtitle"] and "Landelijk" not in results.title
        assert edition.gemeente_naam in budget.spec()["title"]["subtitle"] and edition.gemeente_naam in results.title
        # No municipal figure stands under a header that names a letter ('Brief'): the column is its source.
        table = tables.other_figures(edition).frame
        assert labels.COLUMN_TEXT["letter"] not in table.columns
        assert set(table[labels.COLUMN_TEXT["source"]]) == {labels.MUNICIPAL_FIGURE}
        assert not any("brief" in column.lower() for made in (tables.buig_results(edition),) for column in made.table)
        assert "(gemeente)" in " ".join(tables.benefit_corrections(edition).frame.columns)


def test_a_municipality_name_is_no_markup(dataset):
    edition = dataclasses.replace(_edition(dataset, _codes(dataset)[0]), gemeente_naam="Gem*een_te [x](y) <b>")
    every = " ".join(edition.text().values())
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
    sources, fields_ = read_rows(unindexed_data_copy / "sources.csv")
    write_rows(unindexed_data_copy / "sources.csv", [*sources, LATER], fields_)
    path = unindexed_data_copy / f"{THEME.name}.csv"
    rows, fields_ = read_rows(path)
    write_rows(path, [*rows, *({**row, "section": "Test", "note": "Fictief testcijfer."} for row in _later_rows())], fields_)
    return unindexed_data_copy


def test_latest_facts_follow_a_later_letter(later_data):
    edition = open_chapter(THEME, later_data)
    facts = edition.facts
    newest = facts["newest_result"]
    assert facts["latest_result"] == newest and facts["focus_result"]["figure"].value == 270  # 2016 stays as it is
    assert (newest["figure"].period, newest["result"], newest["figure"].qualifier) == ("2017", 123, "circa")
    assert (newest["figure"].letter.id, newest["figure"].page) == ("tk-0-test", 1)
    recipients = facts["recipients"]
    assert (recipients.value, recipients.period, recipients.letter.id) == (450000, "2018-12", "tk-0-test")
    assert (facts["pb_last_year"], facts["pb_end"]) == ("2022", 720.75)
    assert [x.id for x in facts["pb_letters"]] == ["ek-33981-n", "tk-0-test"] and not facts["pb_from_june_2017"]
    assert [(c["letter"].id, c["page"]) for c in facts["pb_citations"]] == [("ek-33981-n", 5), ("tk-0-test", 1)]
    # The text says what the facts say, cited to the later letter.
    texts = texts_of(edition)
    later = plain(vocabulary.cite(newest["figure"]))
    assert later in texts["bf_buig_2016"] and vocabulary.value(newest["figure"]) in texts["bf_buig_2016"]
    assert vocabulary.value(facts["focus_result"]["figure"]) in texts["bf_buig_2016"]
    assert texts["bf_finding"].startswith(f"Over 2017 was er volgens {vocabulary.letter(newest['figure'])}")
    assert "december 2018" in texts["bf_pb_table"] and vocabulary.value(recipients) in texts["bf_pb_table"]
    assert "€ 720,750 mln in 2022" in texts["bf_pb_table"] and "Tweede Kamer, 0, nr. test, p. 1" in texts["bf_pb_table"]


def test_charts_draw_the_later_periods_marked_as_newer(later_data):
    edition = open_chapter(THEME, later_data)
    results = tables.buig_results(edition)
    assert results.table["Periode"].tolist() == ["2013", "2016 (voorlopig)", "2017"]
    assert results.table["Status"].tolist()[-1] == labels.NEWER_LETTER
    budget = charts.participation_budget(edition)
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
    assert "bf_finding" not in texts  # the introduction glues the finding, not the chapter
    assert "450.000" in texts["bf_pb_table"] and "2 december 2019" in texts["bf_pb_table"]
