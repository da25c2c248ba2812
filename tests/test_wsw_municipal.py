"""themes.wsw_statistiek in municipal editions: texts that say only what the municipality's numbers show.

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
from participatie.presentation import labels, tables
from participatie.themes.wsw_statistiek import THEME, presentation

from conftest import CHAPTERS
from helpers import glued, papermill

BAD = re.compile(r"\b(?:nan|inf|infinity)\b|∞", re.IGNORECASE)
LETTER = re.compile(r"volgens de brie|Tweede Kamer|Eerste Kamer")
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
def test_municipal_texts_attribute_no_municipal_number_to_a_letter(loaded, chosen, case):
    edition = _edition(loaded, chosen[case])
    texts = edition.key_figures()
    for name, text in texts.items():
        assert not BAD.search(text), (name, text)
        for sentence in _sentences(text):
            if LETTER.search(sentence):
                assert "andelijk" in sentence, (name, sentence)  # a letter names only a national figure
            for number in NATIONAL_NUMBERS:
                if number in sentence:
                    assert "andelijk" in sentence, (name, number, sentence)
    assert texts["wsw_p_indications"].startswith(f"In {edition.gemeente_naam} was")
    assert "gedrukte" not in " ".join(texts.values())


def test_municipal_directions_are_computed_from_the_municipal_numbers(loaded, chosen):
    fell = _edition(loaded, chosen["staff_fell"]).key_figures()
    assert re.search(r"Dat is [\d.]+ minder \([\d,]+%; eigen berekening\)", fell["wsw_p_workforce"])
    seconded = _edition(loaded, chosen["seconded_fell"]).key_figures()["wsw_p_seconded"]
    assert "procentpunt minder" in seconded
    above = _edition(loaded, chosen["regular_above"]).key_figures()["wsw_p_regular"]
    below = _edition(loaded, chosen["regular_below"]).key_figures()["wsw_p_regular"]
    assert "hoger dan het landelijke aandeel van 38% in 2015 volgens de brief van 21 april 2017" in above
    assert "lager dan het landelijke aandeel van 38% in 2015" in below
    flat = _edition(loaded, chosen["waiting_flat"]).key_figures()["wsw_p_waiting"]
    assert "de wachtlijst bleef gelijk." in flat and "daling van" not in flat
    zero = _edition(loaded, chosen["cut_zero"]).key_figures()["wsw_p_cut"]
    assert "nul in 2020" in zero and "Landelijk loopt de korting per Wsw-er" in zero


def test_municipal_finding_and_national_statements(loaded, chosen):
    edition = _edition(loaded, chosen["staff_fell"])
    texts = edition.key_figures()
    assert texts["wsw_finding"].startswith(f"In {edition.gemeente_naam} telde het Wsw-werknemersbestand")
    assert "Landelijk is er volgens de brief van 15 juni 2018" in texts["wsw_finding"]
    assert texts["wsw_p_indications_cause"].startswith("Landelijk zijn volgens de brief van 12 juli 2013")
    assert "gemeentelijke editie toont haar niet" in texts["wsw_p_checks"]


def test_municipal_charts_and_tables_name_the_municipal_data(loaded, chosen):
    edition = _edition(loaded, chosen["staff_fell"])
    for name in ("chart_indications", "chart_waiting_list", "chart_seconded_share", "chart_regular_share", "chart_budget"):
        figure = getattr(presentation, name)(edition)
        assert labels.PRINTED not in set(figure.table["Herkomst"]), name
        assert figure.table["Bron"].str.contains(labels.MUNICIPAL_FIGURE, regex=False).all(), name
        assert figure.source_line.startswith("Bron: cijfers per gemeente")
        spec = str(figure.spec())
        assert "Tweede Kamer" not in spec and "gedrukt in de brief" not in spec, name
    for name in ("supported_employment_table", "repeated_table"):
        table = getattr(presentation, name)(edition)
        assert isinstance(table, tables.Table) and labels.NATIONAL_ONLY in table._repr_mimebundle_()["text/plain"]
    money = presentation.money_table(edition).frame
    assert set(money["Status"]) == {"cijfer van de gemeente"} and set(money["Bron"]) == {labels.MUNICIPAL_FIGURE}


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
def test_papermill_edition_of_a_municipality(synthetic_data, chosen, tmp_path):
    out = tmp_path / "wsw_statistiek.ipynb"
    code = chosen["staff_fell"]
    result = papermill(str(CHAPTERS / "wsw_statistiek.ipynb"), str(out), data_dir=str(synthetic_data), gemeente=code)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert texts["wsw_finding"].startswith("In Synthetische gemeente")
    assert not any(BAD.search(t) for t in texts.values())
