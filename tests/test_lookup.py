"""figures.lookup and figures.sources: finding printed figures in a theme table."""

import pytest

from participatie.data import load
from participatie.figures import lookup, sources
from participatie.presentation import tables


@pytest.fixture(scope="module")
def dataset():
    return load(resources=["beschut_werk"])


@pytest.fixture(scope="module")
def table(dataset):
    return sources.with_dates(dataset.figures("beschut_werk"), dataset.sources)


def test_select_narrows_by_category_period_and_source(table):
    rows = lookup.select(table, "assessments", category="burger", period="2017-01/2017-05")
    assert rows["value"].tolist() == [570.0]
    assert lookup.select(table, "working_sheltered_workplace", source_id="tk-34352-56")["value"].tolist() == [200.0]


def test_value_when_letters_agree(table):
    assert lookup.value(table, "working_sheltered_workplace", "2017-12-31") == 1184.0


def test_value_refuses_to_pick_when_letters_differ(table):
    with pytest.raises(lookup.AmbiguousFigure, match="200.*313|313.*200"):
        lookup.value(table, "working_sheltered_workplace", "2016-12-31")
    assert lookup.value(table, "working_sheltered_workplace", "2016-12-31", source_id="tk-34352-56") == 200.0


def test_value_missing_figure_names_it(table):
    with pytest.raises(KeyError, match="positive_advices.*1999"):
        lookup.value(table, "positive_advices", "1999")


def test_row_without_category_prefers_the_uncategorised_figure(table):
    # 2016 advices exist both without breakdown (2018 letter) and as aanvrager=totaal (2017 table).
    assert lookup.row(table, "positive_advices", "2015")["value"] == 116.0


def test_latest_is_the_last_period_then_the_newest_letter(table):
    latest = lookup.latest(table, "working_sheltered_workplace")
    assert (latest["period"], latest["value"]) == ("2018-03-31", 1465.0)
    end_2016 = table.loc[table["period"] <= "2016-12-31"]
    assert lookup.latest(end_2016, "working_sheltered_workplace")["source_id"] == "ek-34775-ak"  # 313, newest letter
    with pytest.raises(KeyError, match="no figure"):
        lookup.latest(table, "no_such_indicator")


def test_ordered_places_rows_at_their_period_end_oldest_first(table):
    rows = lookup.ordered(table, "working_sheltered_workplace")
    assert rows["at"].tolist() == sorted(rows["at"]) and (rows["at"] == lookup.at(rows)).all()
    assert rows.drop(columns="at").iloc[-1].equals(lookup.latest(table, "working_sheltered_workplace"))


def test_last_is_the_last_row_in_an_order_or_none(table):
    rows = lookup.select(table, "working_sheltered_workplace", period="2016-12-31")
    assert lookup.last(rows, "source_date")["source_id"] == "ek-34775-ak"
    assert lookup.last(rows.iloc[:1]).equals(rows.iloc[0]) and lookup.last(rows.iloc[:0]) is None


def test_ratio_is_undefined_for_a_zero_whole():
    import math

    import pandas as pd

    assert math.isnan(lookup.ratio(5, 0)) and lookup.ratio(1, 4) == 0.25
    assert lookup.ratio(pd.Series([1.0, 2.0]), pd.Series([0.0, 4.0])).isna().tolist() == [True, False]


def test_a_figure_cell_adds_unit_and_hedge(table):
    assert tables.figure_value(lookup.row(table, "average_hours_worked", "2017")) == "circa 25 uur per week"
    assert tables.figure_value(lookup.row(table, "bonus_paid", "2015/2016")) == "€ 1,2 mln"


def test_source_line_orders_letters_by_date(dataset):
    line = tables.sources_line(["tk-29817-145", "tk-34352-56", "tk-29817-145"], dataset.sources)
    assert line == ("Bron: Tweede Kamer, 34 352, nr. 56 (21 april 2017); Tweede Kamer, 29 817, nr. 145 (15 juni 2018).")


def test_source_reference(dataset):
    assert tables.letter_reference("ek-34775-ak", dataset.sources) == "Eerste Kamer, 34 775, AK (7 september 2018)"


def test_a_finder_gives_a_row_as_a_cited_figure_and_no_row_as_none(dataset, table):
    from participatie.figures.facts import Finder

    row = lookup.latest(table, "working_sheltered_workplace")
    national, municipal = Finder(table, dataset.sources), Finder(table, dataset.sources, municipal=True)
    found = national.of(row)
    assert (found.value, found.period, found.letter.id, found.page) == (
        float(row["value"]),
        row["period"],
        row["source_id"],
        int(row["page"]),
    )
    assert municipal.of(row).letter is None and municipal.of(row).page is None  # a municipal figure cites no letter
    assert national.of(None) is None and municipal.of(None) is None  # a figure the data lack: no fact, no error


def test_the_letters_are_found_by_id_whether_the_ids_are_a_column_or_the_index(dataset):
    letters = dataset.sources.reset_index(drop=True)
    assert "id" in letters.columns and letters.index.name != "id"
    for shape in (letters, letters.set_index("id"), letters.set_index("id", drop=False)):
        found = sources.by_id(shape)
        assert found.loc["ek-33981-n", "date"] == letters.loc[letters["id"] == "ek-33981-n", "date"].iloc[0]
        assert list(found.index) == list(letters["id"])
