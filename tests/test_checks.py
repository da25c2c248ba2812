"""figures.checks: cross-checks as plain data, and their verdicts."""

import pytest

from participatie.data import load
from participatie.figures import checks, sources
from participatie.themes import THEMES
from participatie.themes.beschut_werk import THEME as BESCHUT_WERK


@pytest.mark.parametrize(
    "printed, recomputed, tolerance, assumption, expected",
    [
        (890, 890, 0, None, "klopt"),
        (82, 81.56, 0.5, None, "afgerond"),
        (71, 67.53, 0.5, None, "afwijking"),
        (5, 5.6, 0.5, None, "afwijking"),
        (10, 13, 1, "de aandelen tellen op tot 100", "aanname"),
        (10, 10.4, 1, "de aandelen tellen op tot 100", "aanname"),  # one rule: agreeing proves no more
        (10, 10, 1, "de aandelen tellen op tot 100", "aanname"),
        (10, float("nan"), 1, None, "niet_te_berekenen"),
    ],
)
def test_verdict(printed, recomputed, tolerance, assumption, expected):
    assert checks.verdict(printed, recomputed, tolerance, assumption) == expected


def test_ids_are_unique_per_theme_and_across_the_book():
    with pytest.raises(ValueError, match="two checks"):
        checks.unique_ids([BESCHUT_WERK.checks[0], BESCHUT_WERK.checks[0]])
    ids = [check.id for theme in THEMES for check in theme.checks]
    assert len(ids) == len(set(ids)) > 20


@pytest.fixture(scope="module")
def table():
    dataset = load(resources=["beschut_werk"])
    return sources.with_dates(dataset.figures("beschut_werk"), dataset.sources)


def test_evaluate_puts_discrepancies_first(table):
    result = checks.evaluate(BESCHUT_WERK.checks, table)
    order = result["verdict"].map(checks.VERDICT_ORDER).tolist()
    assert order == sorted(order)
    first = result.iloc[0]
    assert (first["id"], first["verdict"]) == ("bw-aandeel-positief-totaal-2017", "afwijking")
    assert first["recomputed"] == pytest.approx(601 / 890 * 100)


def test_evaluate_leaves_out_checks_whose_figures_are_missing(table):
    without = table.loc[table["indicator"] != "bonus_paid"]
    ids = set(checks.evaluate(BESCHUT_WERK.checks, without)["id"])
    assert "bw-bonus-behouden" not in ids and "bw-cumulatief-2017" in ids


def test_evaluate_follows_the_data(table):
    changed = table.copy()
    changed.loc[
        (changed["indicator"] == "assessments")
        & (changed["category"] == "burger")
        & (changed["period"] == "2017-01/2017-05"),
        "value",
    ] = 571
    result = checks.evaluate(BESCHUT_WERK.checks, changed).set_index("id")
    assert result.loc["bw-beoordelingen-totaal-2017", "verdict"] == "afwijking"


def test_a_check_on_an_assumption_is_no_discrepancy(table):
    check = checks.Check(
        "t",
        "x",
        "assessments",
        "2016",
        "ek-33981-n",
        lambda f: 999.0,
        "f",
        0,
        "totaal",
        assumption="een aanname van het boek",
    )
    result = checks.evaluate([check], table)
    assert result["verdict"].tolist() == [checks.ASSUMPTION] and result["assumption"].tolist() == [
        "een aanname van het boek"
    ]
