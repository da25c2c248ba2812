import pandas as pd
import pytest

from participatie import beschut_werk, checks, data, figures  # noqa: F401 - importing registers the checks


@pytest.mark.parametrize("printed, recomputed, tolerance, expected", [
    (890, 890, 0, "klopt"), (82, 81.56, 0.5, "afgerond"), (71, 67.53, 0.5, "afwijking"), (5, 5.6, 0.5, "afwijking"),
])
def test_verdict(printed, recomputed, tolerance, expected):
    assert checks.verdict(printed, recomputed, tolerance) == expected


def test_register_rejects_a_different_check_under_a_used_id():
    existing = next(iter(checks.REGISTRY.values()))
    assert checks.register(existing) is existing  # the same check again is harmless
    clash = checks.Check(existing.id, "x", "y", "z", "2017", "s", lambda f: 0.0, "f", 0)
    with pytest.raises(ValueError, match="already registered"):
        checks.register(clash)


@pytest.fixture(scope="module")
def table():
    dataset = data.load(resources=["beschut_werk"])
    return figures.with_sources(dataset.figures("beschut_werk"), dataset.sources)


def test_evaluate_puts_discrepancies_first(table):
    result = checks.evaluate(table, "beschut_werk")
    order = result["verdict"].map(checks.VERDICT_ORDER).tolist()
    assert order == sorted(order)
    first = result.iloc[0]
    assert (first["id"], first["verdict"]) == ("bw-aandeel-positief-totaal-2017", "afwijking")
    assert first["recomputed"] == pytest.approx(601 / 890 * 100)


def test_evaluate_leaves_out_checks_whose_figures_are_missing(table):
    without = table.loc[table["indicator"] != "bonus_paid"]
    ids = set(checks.evaluate(without, "beschut_werk")["id"])
    assert "bw-bonus-behouden" not in ids and "bw-cumulatief-2017" in ids


def test_evaluate_follows_the_data(table):
    changed = table.copy()
    changed.loc[(changed["indicator"] == "assessments") & (changed["category"] == "burger")
                & (changed["period"] == "2017-01/2017-05"), "value"] = 571
    result = checks.evaluate(changed, "beschut_werk").set_index("id")
    assert result.loc["bw-beoordelingen-totaal-2017", "verdict"] == "afwijking"


def test_verdict_text_is_dutch():
    assert checks.verdict_text("afwijking") == "wijkt af"
