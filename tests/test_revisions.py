"""figures.revisions: figures that letters give with different values, and the kind of each difference."""

import pandas as pd
import pytest

from participatie.data import load
from participatie.figures import revisions, sources


@pytest.fixture(scope="module")
def table():
    dataset = load(resources=["beschut_werk"])
    return sources.with_dates(dataset.figures("beschut_werk"), dataset.sources)


def test_revisions_lists_each_letter_and_marks_the_latest(table):
    revised = revisions.revisions(table)
    end_2016 = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == "2016-12-31")]
    assert end_2016["value"].tolist() == [200.0, 313.0, 313.0]
    assert end_2016["is_latest"].tolist() == [False, False, True]
    # Figures all letters agree on are not revisions.
    assert not (revised["indicator"] == "regeling_sheltered_workplaces").any()


def test_revisions_of_a_table_without_disagreement_is_empty(table):
    agreed = table.loc[table["indicator"] == "regeling_sheltered_workplaces"]
    assert revisions.revisions(agreed).empty


def _rows(*values):
    return pd.DataFrame(
        [{"value": v, "qualifier": q, "derived": d, "source_date": f"201{i}-01-01"} for i, (v, q, d) in enumerate(values)]
    )


@pytest.mark.parametrize(
    "values, kind",
    [
        ([(22000, "ruim", False), (22554, None, False)], revisions.ROUNDING),  # "ruim 22.000" and the count
        ([(622, None, False), (622.149, None, False)], revisions.ROUNDING),  # a total rounded to millions
        ([(1442, None, True), (1650, None, False)], revisions.FORECAST),  # an extrapolation, then the outcome
        ([(200, None, False), (313, None, False), (313, None, False)], revisions.CONFLICT),
        ([(22000, "ruim", False), (23554, None, False)], revisions.CONFLICT),  # beyond what "ruim" allows
        ([(1650, None, False), (1442, None, True)], revisions.CONFLICT),  # a forecast after an outcome is no update
    ],
)
def test_kind_of_difference(values, kind):
    assert revisions.kind_of_difference(_rows(*values)) == kind


def test_the_kind_is_given_on_every_row_of_a_revised_figure(table):
    revised = revisions.revisions(table)
    advices = revised.loc[(revised["indicator"] == "positive_advices") & (revised["period"] == "2017")]
    assert set(advices["kind"]) == {revisions.FORECAST}
    assert set(revised["kind"]) <= set(revisions.KINDS)
