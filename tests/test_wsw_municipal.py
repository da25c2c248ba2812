"""themes.wsw_statistiek in municipal editions: facts from the municipality's numbers, texts that say only what they show.

The synthetic per-gemeente data (342 municipalities GM9001–GM9342) are loaded once for the module; each
edition is built in memory as open_chapter builds it, with the national figures of the same data beside
the municipality's. The municipalities are chosen by their numbers: one whose Wsw workforce fell where the
national one rose, one whose seconded share fell where the national one rose, one above and one below the
national share at regular employers, one whose waiting list did not fall, and one whose efficiency cut is
zero in money.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from participatie.book.chapter import Chapter, load_figures
from participatie.data import load
from participatie.data.editions import MUNICIPALITY_CODE, MUNICIPALITY_NAME, municipal, national
from participatie.figures.facts import Figure
from participatie.presentation import labels, tables, vocabulary
from participatie.themes.wsw_statistiek import THEME
from participatie.themes.wsw_statistiek import charts as wsw_charts
from participatie.themes.wsw_statistiek import tables as wsw_tables

from conftest import CHAPTERS
from helpers import glued, papermill, plain

BAD = re.compile(r"\b(?:nan|inf|infinity|None)\b|∞", re.IGNORECASE)
LETTER = re.compile(r"volgens de brie|Tweede Kamer|Eerste Kamer")
NATIONAL = "andelijk"  # the word that labels a national figure in a municipal text: "Landelijk", "landelijke"
# Magnitudes of the national text that a municipal text may show only as a national figure.
NATIONAL_NUMBERS = [
    "102.445",
    "102.124",
    "25.823",
    "27.607",
    "15.655",
    "5.423",
    "6.325",
    "6.185",
    "21.078",
    "1.921",
    "1.784",
]
# The facts that hold national figures (cited to their letters) in every edition.
NATIONAL_FACTS = {
    "cause_total", "seconded_national", "regular_national", "budget_national_expected", "cut_national_first",
    "cut_national_last", "volume_national", "kerstens", "zembla",
}  # fmt: skip


@pytest.fixture(scope="module")
def loaded(synthetic_data):
    """Return the theme's municipal figure rows, the national figures of the same data, and the dataset (loaded once)."""
    dataset = load(synthetic_data, resources=[THEME.name])
    table = dataset.tables[THEME.name]
    return load_figures(table, dataset), load_figures(national(table), dataset), dataset


def _edition(loaded, code: str) -> Chapter:
    rows, whole, dataset = loaded
    own = municipal(rows, code)
    return Chapter(
        THEME,
        own,
        dataset.sources,
        dataset.data_dir,
        {},
        (dataset.paths[THEME.name],),
        code,
        str(own[MUNICIPALITY_NAME].iloc[0]),
        True,
        whole,
    )


def _values(loaded, indicator: str, period: str) -> pd.Series:
    rows = loaded[0]
    found = rows.loc[(rows["indicator"] == indicator) & (rows["period"] == period) & rows["category"].isna()]
    return found.drop_duplicates(MUNICIPALITY_CODE).set_index(MUNICIPALITY_CODE)["value"]


@pytest.fixture(scope="module")
def chosen(loaded):
    """Return municipality codes by what their numbers show against the national picture."""
    staff = _values(loaded, "wsw_employees", "2012-12-31") - _values(loaded, "wsw_employees", "2012-01-01")
    seconded = _values(loaded, "wsw_seconded_share", "2012") - _values(loaded, "wsw_seconded_share", "2011")
    regular = _values(loaded, "wsw_regular_employer_share", "2015")
    decrease = _values(loaded, "wsw_waiting_list_decrease", "2012-01/2012-12")
    cut = _values(loaded, "wsw_efficiency_cut_total", "2020")
    return {
        "staff_fell": staff.idxmin(),
        "seconded_fell": seconded.idxmin(),
        "regular_above": regular.idxmax(),
        "regular_below": regular.idxmin(),
        "waiting_flat": decrease.idxmin(),
        "cut_zero": cut.idxmin(),
    }


@pytest.fixture(scope="module")
def editions(loaded, chosen):
    """Return the chosen municipal editions by case, with their facts and rendered texts computed once."""
    return {case: _edition(loaded, code) for case, code in chosen.items()}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.)])\s+(?=[A-Z«*])", text) if s]


def test_the_chosen_municipalities_show_other_directions(loaded, chosen):
    staff = _values(loaded, "wsw_employees", "2012-12-31") - _values(loaded, "wsw_employees", "2012-01-01")
    assert staff[chosen["staff_fell"]] < 0 < staff.sum()  # fell where the national workforce rose
    assert _values(loaded, "wsw_waiting_list_decrease", "2012-01/2012-12")[chosen["waiting_flat"]] == 0
    assert _values(loaded, "wsw_efficiency_cut_total", "2020")[chosen["cut_zero"]] == 0
    regular = _values(loaded, "wsw_regular_employer_share", "2015")
    assert regular[chosen["regular_below"]] < 38 < regular[chosen["regular_above"]]


@pytest.mark.parametrize(
    "case", ["staff_fell", "seconded_fell", "regular_above", "regular_below", "waiting_flat", "cut_zero"]
)
def test_municipal_facts_give_no_municipal_number_a_letter(editions, case):
    edition = editions[case]
    facts = edition.facts
    assert facts["municipal"] and facts["place"] == edition.gemeente_naam and facts["code"] == edition.gemeente
    own = {name: fact for name, fact in facts.items() if isinstance(fact, Figure) and name not in NATIONAL_FACTS}
    assert len(own) >= 20
    for name, fact in own.items():
        assert fact.letter is None and fact.page is None, name
        with pytest.raises(ValueError):
            vocabulary.cite(fact)  # a municipal number cannot be cited to a letter
    national = [facts[name] for name in NATIONAL_FACTS if facts[name] is not None]
    assert national and all(fact.letter is not None for fact in national)
    assert facts["checks_assumed"] == [] and facts["repeated_alike"] == [] and facts["chapter_letters"] == []


@pytest.mark.parametrize(
    "case", ["staff_fell", "seconded_fell", "regular_above", "regular_below", "waiting_flat", "cut_zero"]
)
def test_municipal_texts_attribute_no_municipal_number_to_a_letter(editions, case):
    edition = editions[case]
    texts = edition.text()
    for name, block in texts.items():
        reader = plain(block)
        assert not BAD.search(reader), (name, reader)
        for sentence in _sentences(reader):
            if LETTER.search(sentence):
                assert NATIONAL in sentence, (name, sentence)  # a letter names only a national figure
            for number in NATIONAL_NUMBERS:
                if number in sentence:
                    assert NATIONAL in sentence, (name, number, sentence)
    indications = plain(texts["wsw_indications"])
    assert edition.gemeente_naam in indications and not LETTER.search(indications)
    assert "gedrukte" not in " ".join(texts.values())  # nothing the municipality has was printed


def test_municipal_directions_are_computed_from_the_municipal_numbers(editions):
    fell = editions["staff_fell"]  # fell where the national workforce rose (test above)
    change, relative = fell.facts["workforce_change"], fell.facts["workforce_change_pct"]
    assert change < 0
    said = f"{vocabulary.number(abs(change))} minder ({vocabulary.pct(relative, 1)}"
    assert said in plain(fell.text()["wsw_workforce"])
    seconded = editions["seconded_fell"]
    change, decimals = seconded.facts["seconded_change"], seconded.facts["seconded_decimals"]
    assert change < 0
    said = f"{vocabulary.value(abs(change), 'procentpunt', decimals)} minder"
    assert said in plain(seconded.text()["wsw_seconded"])
    for case, word in (("regular_above", "hoger dan"), ("regular_below", "lager dan")):
        edition = editions[case]
        latest, whole = edition.facts["regular_latest"], edition.facts["regular_national"]
        assert vocabulary.higher_lower(latest, whole) == word
        sentence = f"{word} het landelijke aandeel van {vocabulary.value(whole)} {vocabulary.when(whole)}"
        assert sentence in plain(edition.text()["wsw_regular_employer"])
        assert vocabulary.letter(whole) in edition.text()["wsw_regular_employer"]
    flat = editions["waiting_flat"]
    assert flat.facts["waiting_decrease"].value == 0 and flat.facts["waiting_start"] == flat.facts["waiting_stand"].value
    assert vocabulary.change(flat.facts["waiting_start"], flat.facts["waiting_stand"]) in flat.text()["wsw_waiting_list"]
    assert "daling van" not in flat.text()["wsw_waiting_list"]
    zero = editions["cut_zero"]
    assert zero.facts["cut_total_last"].value == 0
    cut = plain(zero.text()["wsw_efficiency_cut"])
    assert f"{vocabulary.value_or_nil(zero.facts['cut_total_last'])} {vocabulary.when(zero.facts['cut_total_last'])}" in cut
    assert vocabulary.value(zero.facts["cut_national_last"]) in cut and NATIONAL in cut


def test_municipal_finding_and_national_statements(editions):
    edition = editions["staff_fell"]
    facts, finding = edition.facts, plain(edition.finding())
    assert finding.startswith(f"In {edition.gemeente_naam}") and vocabulary.value(facts["workforce_latest"]) in finding
    assert plain(vocabulary.cite(facts["june_2018"], 8)) in finding  # the national statement, cited
    cause = plain(edition.text()["wsw_indications_cause"])
    assert cause.startswith("Landelijk") and plain(vocabulary.cite(facts["cause_total"])) in cause
    for block in ("wsw_checks", "wsw_revisions", "wsw_scope"):
        assert not re.search(r"\d", plain(edition.text()[block]).replace(edition.gemeente_naam, ""))


def test_municipal_charts_and_tables_name_the_municipal_data(editions):
    edition = editions["staff_fell"]
    made = [wsw_charts.indications(edition)] + [
        getattr(wsw_tables, name)(edition) for name in ("waiting_list", "seconded_share", "regular_employer_share", "budget")
    ]
    for figure in made:
        assert labels.PRINTED not in set(figure.table["Herkomst"]), figure.title if hasattr(figure, "title") else figure
        assert figure.table["Bron"].str.contains(labels.MUNICIPAL_FIGURE, regex=False).all()
        assert figure.source_line.startswith("Bron: cijfers per gemeente")
        shown = str(figure.spec()) if hasattr(figure, "spec") else figure._repr_mimebundle_()["text/html"]
        assert hasattr(figure, "spec") or edition.gemeente_naam in figure.title  # a table names its municipality
        assert "Tweede Kamer" not in shown and labels.PRINTED not in shown
    table = wsw_tables.repeated_figures(edition)
    said = edition.label("repeated_figures.national_only")
    assert isinstance(table, tables.Table) and said in table._repr_mimebundle_()["text/plain"]
    money = wsw_tables.money(edition).frame
    own, expected = edition.label("money.status")["municipal"], edition.label("kinds")["municipal_expected"]
    assert set(money["Status"]) == {own, expected}  # an amount for a year after the letters: the municipality's expectation
    assert (money.loc[money["Status"] == expected, "Post"] == "Wsw-middelen").all()
    assert set(money["Bron"]) == {labels.MUNICIPAL_FIGURE}


def test_headings_carry_no_magnitude_or_direction():
    notebook = nbformat.read(CHAPTERS / "wsw_statistiek.ipynb", as_version=4)
    headings = [
        line for c in notebook.cells if c.cell_type == "markdown" for line in c.source.splitlines() if line.startswith("#")
    ]
    assert len(headings) >= 10
    for heading in headings:
        assert not re.search(r"\d", heading), heading
        assert not re.search(r"steeds|meer|minder|daal|stijg|sprong|groei|krimp", heading, re.IGNORECASE), heading


@pytest.mark.slow
def test_papermill_edition_of_a_municipality(synthetic_data, chosen, editions, tmp_path):
    out = tmp_path / "wsw_statistiek.ipynb"
    code = chosen["staff_fell"]
    result = papermill(str(CHAPTERS / "wsw_statistiek.ipynb"), str(out), data_dir=str(synthetic_data), gemeente=code)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert set(texts) == set(editions["staff_fell"].text()) - {THEME.finding_block}
    assert editions["staff_fell"].gemeente_naam in texts["wsw_scope"]
    assert not any(BAD.search(t) for t in texts.values())
