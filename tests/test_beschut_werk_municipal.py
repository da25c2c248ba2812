"""Municipal editions of the beschut werk chapter say only what the municipality's numbers show.

The synthetic data (342 invented municipalities, loaded once for this module) give municipalities whose
numbers run against the national picture: a monthly share positive that fell where the national one rose,
a count that stayed the same, and zeros; a count of people at work that fell where the national one rose and
more requests from the gemeente than from citizens (nationally citizens asked more) are made by changing two
municipalities' rows. Their facts give a municipal number no letter (only the `national_` facts are the
letters'), and their rendered text cites no letter for a municipal number, carries no national magnitude
outside a paragraph labelled national, and words every direction as their own numbers have it.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from participatie.book.chapter import chapter_of
from participatie.data import load
from participatie.figures.facts import Figure
from participatie.presentation import charts as house_charts
from participatie.presentation import tables, vocabulary
from participatie.presentation.labels import MUNICIPAL_FIGURE
from participatie.themes.beschut_werk import THEME, analysis, charts
from participatie.themes.beschut_werk import tables as bw_tables

from helpers import plain

BAD = re.compile(r"\b(?:nan|inf|infinity)\b|∞", re.IGNORECASE)
# How the text file labels a paragraph on the letters' national picture in a municipal edition.
NATIONAL_LABEL = "Landelijk beeld uit de brieven"
# What a citation of a letter looks like: its page, its Kamerstuk or its date.
LETTER = re.compile(r"\bbrie(?:f|ven)\b|\bKamer\b|\bp\. \d")


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
    """Return every rendered block of each edition as a reader reads it (Markdown escapes resolved)."""
    return {name: {k: plain(v) for k, v in edition.text().items()} for name, edition in editions.items()}


def _figures(value):
    if isinstance(value, Figure):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _figures(item)
    elif isinstance(value, list):
        for item in value:
            yield from _figures(item)


def _municipal_part(text: str) -> str:
    """Return what a block says before the national account it may carry (the municipality's own sentences).

    A national account is a paragraph labelled national, or a sentence that starts with "Landelijk".
    """
    return text.split(NATIONAL_LABEL)[0].split("Landelijk")[0]


def test_no_municipal_figure_fact_names_a_letter(editions):
    for name, edition in editions.items():
        for fact, value in edition.facts.items():
            found = list(_figures(value))
            if fact == "national_regeling":  # the regeling's numbers per period; national_regeling_sources cites them
                continue
            if fact.startswith("national_"):
                assert all(f.letter is not None for f in found), (name, fact)
            else:
                assert all(f.letter is None and f.page is None for f in found), (name, fact)
        assert edition.facts["place"] == edition.gemeente_naam and edition.facts["municipal"] is True


def test_no_municipal_number_is_attributed_to_a_letter(texts):
    for edition, found in texts.items():
        assert "bw_finding" in found
        for name, text in found.items():
            municipal_part = _municipal_part(text)
            assert not LETTER.search(municipal_part), (edition, name, municipal_part)
            assert not BAD.search(text), (edition, name, text)


def test_no_national_magnitude_outside_a_paragraph_labelled_national(editions, texts):
    for edition, found in texts.items():
        national = editions[edition].national_finder
        magnitudes = {
            vocabulary.count(national.figure("working_sheltered_workplace", period, source_id=analysis.SEPT_2018))
            for period in (analysis.END_2017, analysis.MARCH_2018)
        } | {vocabulary.count(f) for f in editions[edition].facts["national_regeling"]}
        own = {vocabulary.count(f) for f in _figures(editions[edition].facts) if f.letter is None}
        for name, text in found.items():
            numbers = set(re.findall(r"\d[\d.]*\d|\d", _municipal_part(text)))
            assert not (numbers & (magnitudes - own)), (edition, name, numbers & magnitudes)


def test_directions_follow_the_municipal_numbers(editions, texts):
    fell = editions["fell"].facts
    assert fell["working_march_2018"].value < fell["working_end_2017"].value
    assert vocabulary.change(fell["working_end_2017"], fell["working_march_2018"]) == "daalde"
    assert "een daling" in texts["fell"]["bw_working"] and "een stijging" not in texts["fell"]["bw_working"]
    same = editions["same"].facts
    assert same["working_march_2018"].value == same["working_end_2017"].value and not same["working_growth"]
    assert "geen verandering" in texts["same"]["bw_working"] and "(eigen berekening)" not in texts["same"]["bw_working"]
    fewer = editions["fewer_requests"].facts
    assert vocabulary.comparison(fewer["requests_2017_burger"], fewer["requests_2017_gemeente"]) == "minder dan"
    assert "minder aanvragen van burgers" in texts["fewer_requests"]["bw_applicants"]
    (move,) = [m for m in editions["share_fell"].facts["share_moves"] if m["applicant"] == "burger"]
    assert move["last"].value < move["first"].value
    assert "bij eigen aanvragen daalde het aandeel positief" in texts["share_fell"]["bw_shares"].lower()
    name = editions["fell"].gemeente_naam
    assert texts["fell"]["bw_finding"].startswith(f"In {name}") and "Landelijk" in texts["fell"]["bw_finding"]


def test_zeros_read_as_numbers_without_a_ratio(editions, texts):
    facts = editions["zero"].facts
    assert facts["working_end_2017"].value == 0 and facts["working_growth"] is None  # no growth from nothing
    working = texts["zero"]["bw_working"]
    assert f"eind 2017 {vocabulary.count(facts['working_end_2017'])} mensen" in working and "van –" not in working


def test_headings_and_national_rules_stay_national(editions, texts):
    regeling = texts["fell"]["bw_regeling"]
    assert regeling.startswith(NATIONAL_LABEL)
    own = editions["fell"].facts["regeling_places"]
    assert own and all(f"{vocabulary.count(f)} plekken voor {vocabulary.period(f)}" in regeling for f in own)
    assert regeling.index(editions["fell"].gemeente_naam) > regeling.index(NATIONAL_LABEL)  # the own numbers follow


def test_charts_and_tables_name_the_municipal_data_not_letters(editions):
    edition = editions["fell"]
    for make in (charts.advices, charts.assessments, charts.citizen_months, charts.working_vs_advised, charts.regeling):
        figure = make(edition)
        assert isinstance(figure, house_charts.ChartFigure)
        # A municipal figure comes from no letter: its column is headed "Bron", and no header says "(brief)".
        assert set(figure.table["Bron"]) == {MUNICIPAL_FIGURE}, make.__name__
        assert not [c for c in figure.table.columns if "brief" in c.lower()], make.__name__
        assert figure.source_line.startswith("Bron: cijfers per gemeente")
    for make in (bw_tables.fill_rate, bw_tables.money):
        table = make(edition)
        assert isinstance(table, tables.Table)
        assert "brief" not in table._repr_mimebundle_()["text/plain"].replace(MUNICIPAL_FIGURE, "").lower()
