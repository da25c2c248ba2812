"""Municipal editions of the beschut werk chapter say only what the municipality's numbers show.

The synthetic data (342 invented municipalities, loaded once for this module) give municipalities whose
numbers run against the national picture: a monthly share positive that fell where the national one rose,
a count that stayed the same, and zeros; a count of people at work that fell where the national one rose and
more requests from the gemeente than from citizens (nationally citizens asked more) are made by changing two
municipalities' rows. Their texts must cite no
letter for a municipal number, carry no national magnitude outside a paragraph labelled national, and
word every direction as their own numbers have it.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from participatie.book.chapter import chapter_of
from participatie.data import load
from participatie.presentation import charts, tables
from participatie.presentation.labels import MUNICIPAL_FIGURE
from participatie.themes.beschut_werk import THEME, analysis, presentation, prose
from participatie.themes.beschut_werk.municipal import LANDELIJK

BAD = re.compile(r"\b(?:nan|inf|infinity)\b|∞", re.IGNORECASE)
# The national counts (a municipality's own counts are far smaller; its percentages may equal national ones by chance).
NATIONAL_MAGNITUDES = ("1.465", "1.184", "2.644", "2.154", "1.650", "2.600", "4.600")


@pytest.fixture(scope="module")
def dataset(synthetic_data):
    return load(synthetic_data, resources=[THEME.name])


@pytest.fixture(scope="module")
def table(dataset):
    return dataset.tables[THEME.name]


def _value(table, code, indicator, period, category="", source_id=None):
    rows = table.loc[
        (table["gemeente_code"] == code)
        & (table["indicator"] == indicator)
        & (table["period"] == period)
        & (table["category"].fillna("") == category)
    ]
    if source_id:
        rows = rows.loc[rows["source_id"] == source_id]
    return float(rows["value"].iloc[0])


def _first(table, condition) -> str:
    codes = sorted(table["gemeente_code"].unique())
    found = next((code for code in codes if condition(code)), None)
    assert found, "no synthetic municipality runs against the national picture here; the test no longer sees it"
    return found


def _set(table, code, indicator, period, value, category=""):
    rows = (
        (table["gemeente_code"] == code)
        & (table["indicator"] == indicator)
        & (table["period"] == period)
        & (table["category"].fillna("") == category)
    )
    table.loc[rows, "value"] = float(value)


@pytest.fixture(scope="module")
def chosen(table):
    """Return municipality codes whose numbers run against the national picture, by what they show.

    The synthetic split keeps every municipality in proportion, so a count that fell where the national one
    rose, or citizens asking less than their gemeente, is made: two municipalities' rows are changed in a
    copy of the table (the national sums change a little with them).
    """
    v = lambda code, *a, **k: _value(table, code, *a, **k)  # noqa: E731
    end, march = analysis.END_2017, analysis.MARCH_2018
    codes = sorted(table["gemeente_code"].unique())
    by_size = sorted(codes, key=lambda c: -v(c, "working_sheltered_workplace", end, source_id=analysis.SEPT_2018))
    return {
        "fell": by_size[0],
        "fewer_requests": by_size[1],
        "same": _first(
            table,
            lambda c: (
                0
                < v(c, "working_sheltered_workplace", march, source_id=analysis.SEPT_2018)
                == v(c, "working_sheltered_workplace", end, source_id=analysis.SEPT_2018)
            ),
        ),
        "share_fell": _first(
            table,
            lambda c: (
                v(c, "share_positive_advices", "2017-05", "burger") < v(c, "share_positive_advices", "2017-01", "burger")
            ),
        ),
        "zero": _first(table, lambda c: v(c, "working_sheltered_workplace", end, source_id=analysis.SEPT_2018) == 0),
    }


@pytest.fixture(scope="module")
def editions(dataset, table, chosen):
    changed = table.copy()
    fell = chosen["fell"]
    end = _value(table, fell, "working_sheltered_workplace", analysis.END_2017, source_id=analysis.SEPT_2018)
    _set(changed, fell, "working_sheltered_workplace", analysis.MARCH_2018, end - 5)
    fewer = chosen["fewer_requests"]
    burger, gemeente = (_value(table, fewer, "advice_requests", "2017", c) for c in ("burger", "gemeente"))
    _set(changed, fewer, "advice_requests", "2017", gemeente, "burger")
    _set(changed, fewer, "advice_requests", "2017", burger, "gemeente")
    data = dataclasses.replace(dataset, tables={**dataset.tables, THEME.name: changed})
    return {name: chapter_of(THEME, data, code) for name, code in chosen.items()}


@pytest.fixture(scope="module")
def texts(editions):
    return {name: prose.key_figures(edition) for name, edition in editions.items()}


def _paragraphs(texts: dict[str, str]) -> dict[str, str]:
    return {name: text for name, text in texts.items() if name.startswith("bw_p_") or name == "bw_finding"}


def test_no_municipal_number_is_attributed_to_a_letter(texts):
    for edition, found in texts.items():
        for name, text in _paragraphs(found).items():
            municipal_part = text.split(LANDELIJK)[0]  # what precedes the national account, if any
            assert "brief" not in municipal_part.split("Landelijk")[0], (edition, name, municipal_part)
            assert not BAD.search(text), (edition, name, text)


def test_no_national_magnitude_outside_a_paragraph_labelled_national(texts):
    for edition, found in texts.items():
        for name, text in _paragraphs(found).items():
            municipal_part = text.split(LANDELIJK)[0]
            for magnitude in NATIONAL_MAGNITUDES:
                assert magnitude not in re.findall(r"[\d.]+%?", municipal_part), (edition, name, magnitude)


def test_directions_follow_the_municipal_numbers(texts, editions):
    assert "een daling" in texts["fell"]["bw_p_working"] and "een stijging" not in texts["fell"]["bw_p_working"]
    assert "geen verandering" in texts["same"]["bw_p_working"]
    assert "minder aanvragen van burgers" in texts["fewer_requests"]["bw_p_applicants"]
    assert "bij eigen aanvragen daalde het aandeel positief" in texts["share_fell"]["bw_p_shares"].lower()
    name = editions["fell"].gemeente_naam
    assert texts["fell"]["bw_finding"].startswith(f"In {name}") and "Landelijk" in texts["fell"]["bw_finding"]


def test_zeros_read_as_numbers_without_a_ratio(texts):
    working = texts["zero"]["bw_p_working"]
    assert "eind 2017 0 mensen" in working and "van –" not in working


def test_headings_and_national_rules_stay_national(texts):
    regeling = texts["fell"]["bw_p_regeling"]
    assert regeling.startswith(LANDELIJK) and "tot hoeveel beschut werkplekken" in regeling
    assert "geven de gegevens" in regeling  # the municipality's own numbers follow, without a letter


def test_charts_and_tables_name_the_municipal_data_not_letters(editions):
    edition = editions["fell"]
    for name in ("chart_advices", "chart_assessments", "chart_citizen_months", "chart_working_vs_advised", "chart_regeling"):
        figure = getattr(presentation, name)(edition)
        assert isinstance(figure, charts.ChartFigure)
        assert set(figure.table["Brief, pagina"]) == {MUNICIPAL_FIGURE}, name
        assert figure.source_line.startswith("Bron: cijfers per gemeente")
    for name in ("fill_rate_table", "money_table"):
        table = getattr(presentation, name)(edition)
        assert isinstance(table, tables.Table)
        assert "brief" not in table._repr_mimebundle_()["text/plain"].replace(MUNICIPAL_FIGURE, "")
