import pandas as pd
import pytest

from participatie import data, figures


@pytest.fixture(scope="module")
def dataset():
    return data.load(resources=["beschut_werk"])


@pytest.fixture(scope="module")
def table(dataset):
    return figures.with_sources(dataset.figures("beschut_werk"), dataset.sources)


def test_select_narrows_by_category_period_and_source(table):
    rows = figures.select(table, "assessments", category="burger", period="2017-01/2017-05")
    assert rows["value"].tolist() == [570.0]
    assert figures.select(table, "working_sheltered_workplace", source_id="tk-34352-56")["value"].tolist() == [200.0]


def test_value_when_letters_agree(table):
    assert figures.value(table, "working_sheltered_workplace", "2017-12-31") == 1184.0


def test_value_refuses_to_pick_when_letters_differ(table):
    with pytest.raises(figures.AmbiguousFigure, match="200.*313|313.*200"):
        figures.value(table, "working_sheltered_workplace", "2016-12-31")
    assert figures.value(table, "working_sheltered_workplace", "2016-12-31", source_id="tk-34352-56") == 200.0


def test_value_missing_figure_names_it(table):
    with pytest.raises(KeyError, match="positive_advices.*1999"):
        figures.value(table, "positive_advices", "1999")


def test_row_without_category_prefers_the_uncategorised_figure(table):
    # 2016 advices exist both without breakdown (2018 letter) and as aanvrager=totaal (2017 table).
    assert figures.row(table, "positive_advices", "2015")["value"] == 116.0


def test_text_adds_unit_and_hedge(table):
    assert figures.text(table, "average_hours_worked", "2017") == "circa 25 uur per week"
    assert figures.text(table, "bonus_paid", "2015/2016") == "€ 1,2 mln"


def test_source_line_orders_letters_by_date(dataset):
    line = figures.source_line(["tk-29817-145", "tk-34352-56", "tk-29817-145"], dataset.sources)
    assert line == ("Bron: Tweede Kamer, 34 352, nr. 56 (21 april 2017); "
                    "Tweede Kamer, 29 817, nr. 145 (15 juni 2018).")


def test_source_reference(dataset):
    assert figures.source_reference(dataset.sources.loc["ek-34775-ak"]) == "Eerste Kamer, 34 775, AK (7 september 2018)"


def test_revisions_lists_each_letter_and_marks_the_latest(table):
    revised = figures.revisions(table)
    end_2016 = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == "2016-12-31")]
    assert end_2016["value"].tolist() == [200.0, 313.0, 313.0]
    assert end_2016["is_latest"].tolist() == [False, False, True]
    # Figures all letters agree on are not revisions.
    assert not (revised["indicator"] == "regeling_sheltered_workplaces").any()


def test_revisions_of_a_table_without_disagreement_is_empty(table):
    agreed = table.loc[table["indicator"] == "regeling_sheltered_workplaces"]
    assert figures.revisions(agreed).empty
