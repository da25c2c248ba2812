"""themes.bijstand_financiering: the analyses, checks, charts, tables and glued texts, on the bundled data and on
changed copies; and the shared interval arithmetic as this chapter uses it."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.data.package import LETTERS_DIR
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.figures.rounding import Interval, printed_interval, rounding_margin
from participatie.presentation import labels
from participatie.presentation.formatting import bound_text, range_text
from participatie.themes.bijstand_financiering import THEME, analysis, presentation, prose

from helpers import assert_house_chart, read_rows, set_value


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(hoofdstuk):
    return hoofdstuk.figures


def _edit(data_dir, match, value):
    """Change one figure in a copied data directory; its letter's page index goes, as the figure is no longer printed."""
    path = data_dir / f"{THEME.name}.csv"
    assert set_value(path, match, value) == 1
    [source_id] = {row["source_id"] for row in read_rows(path)[0] if all(row[k] == v for k, v in match.items())}
    (data_dir / LETTERS_DIR / f"{source_id}.json").unlink(missing_ok=True)


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "buig_results",
        "implied_budgets",
        "budget_2016_agreement",
        "participation_budget_parts",
        "target_group_shift",
        "structural_outlook",
        "benefit_corrections",
        "overpayment_consistency",
    ],
)
def test_analysis_frames_have_snake_case_columns(f, name):
    frame = getattr(analysis, name)(f)
    assert all(re.fullmatch(r"[a-z_0-9]+", column) for column in frame.columns)


# --- interval arithmetic (figures.rounding, presentation.formatting) ---------------------------


def test_interval_arithmetic_widens_correctly():
    a, b = Interval(1, 2, 3), Interval(10, 20, 30)
    assert (a + b) == Interval(11, 22, 33)
    assert (b - a) == Interval(7, 18, 29)
    assert (a * b) == Interval(10, 40, 90)
    assert (b / a) == Interval(10 / 3, 10, 30)
    assert (5 - a) == Interval(2, 3, 4) and (a * 2) == Interval(2, 4, 6) and (6 / a) == Interval(2, 3, 6)
    assert a.width == 2 and a.contains(3) and not a.contains(3.1)


def test_interval_overlap_and_errors():
    assert Interval(1, 2, 3).overlap(Interval(2.5, 4, 5)) == (2.5, 3)
    assert Interval(1, 2, 3).overlap(Interval(4, 5, 6)) is None
    for divisor in (Interval(-1, 0, 1), Interval.exact(0), 0):  # a divisor that may be zero: no bounds
        assert (Interval(1, 2, 3) / divisor).undefined
    undefined = Interval.not_defined()
    assert (undefined + 1).undefined and (undefined * Interval(1, 2, 3)).undefined and (6 / undefined).undefined
    assert Interval(1, 2, 3).overlap(undefined) is None and range_text(undefined, "euro_mln") == "–"
    with pytest.raises(ValueError):
        Interval(1, math.nan, 3)
    with pytest.raises(ValueError):
        Interval(3, 2, 1)
    assert Interval.exact(4) == Interval(4, 4, 4) and Interval.around(10, 0.5) == Interval(9.5, 10, 10.5)


@pytest.mark.parametrize(
    "value, qualifier, margin",
    [
        (4.8, None, 0.05),
        (142, None, 0.5),
        (270, "circa", 5),
        (270, None, 0.5),
        (300, "circa", 50),
        (35, "circa", 0.5),
        (0.12, None, 0.005),
        (612.709, None, 0.0005),
        (5.8, None, 0.05),
    ],
)
def test_rounding_margin(value, qualifier, margin):
    assert rounding_margin(value, qualifier) == pytest.approx(margin)


def test_printed_interval_converts_miljard_to_miljoen(f):
    assert printed_interval(f, "buig_macro_budget", "2017") == Interval(5750, 5800, 5850)
    deficit = printed_interval(f, "buig_deficit", "2016")
    assert (deficit.low, deficit.high) == (265, 275)


def test_bound_and_range_text_round_outwards():
    assert bound_text(5463.9, 0, "low") == "5.463" and bound_text(5789.47, 0, "high") == "5.790"
    assert bound_text(5600.0, 0, "high") == "5.600"
    assert range_text(Interval(5463.9, 5625, 5789.47), "euro_mln") == "€ 5.463–5.790 mln"
    assert range_text(Interval(1.021, 1.03, 1.036), "euro", 2, joiner=" en ") == "€ 1,02 en 1,04"


# --- the macrobudget BUIG ---------------------------------------------------------------------


def test_buig_results_sign_convention(f):
    frame = analysis.buig_results(f)
    assert frame["result"].tolist() == [300, -270, -35]
    assert frame["kind"].tolist() == [analysis.SURPLUS, analysis.DEFICIT, analysis.DEFICIT]
    assert frame["cumulative"].tolist() == [False, False, True]
    assert frame["share"].iloc[1] == 4.8 and frame["share"].iloc[2] == 0.12 and pd.isna(frame["share"].iloc[0])
    assert frame["period"].tolist() == ["2013", "2016", analysis.CUMULATIVE]


def test_cumulative_years(f):
    assert analysis.cumulative_years(f) == 5


def test_implied_budgets_from_the_printed_figures(f):
    frame = analysis.implied_budgets(f).set_index("key")
    deficit, share = fig.value(f, "buig_deficit", "2016"), fig.value(f, "buig_deficit_share", "2016")
    row = frame.loc[analysis.FROM_DEFICIT]
    assert row["mid"] == pytest.approx(deficit / (share / 100))
    assert row["low"] == pytest.approx((deficit - 5) / ((share + 0.05) / 100))
    assert row["high"] == pytest.approx((deficit + 5) / ((share - 0.05) / 100))
    exact = frame.loc[analysis.FROM_EXACT_DEFICIT]
    assert (round(exact["low"]), round(exact["high"])) == (5567, 5684)
    from_2017 = frame.loc[analysis.FROM_2017]
    assert (from_2017["low"], from_2017["mid"], from_2017["high"]) == (5800 - 50 - 142.5, 5800 - 142, 5800 + 50 - 141.5)
    assert frame.loc[analysis.PROVISIONAL_2017, "mid"] == 5800 - 26
    assert frame.loc[analysis.CUMULATIVE_BUDGET, "mid"] == pytest.approx(35 / 0.0012)
    assert frame.loc[analysis.CUMULATIVE_BUDGET, "low"] == pytest.approx(34.5 / 0.00125)
    assert frame.loc[analysis.AVERAGE_BUDGET, "mid"] == pytest.approx(35 / 0.0012 / 5)
    assert frame.loc[analysis.BUDGET_2017, "kind"] == analysis.PRINTED
    assert not frame.loc[analysis.CUMULATIVE_BUDGET, "per_year"]


def test_budget_2016_agreement_within_rounding(f):
    frame = analysis.budget_2016_agreement(f)
    assert frame["deficit"].tolist() == ["rounded", "exact"]
    assert frame["compatible"].all()
    assert frame["difference"].iloc[0] == pytest.approx(5658 - 5625)
    assert (frame["overlap_low"].iloc[0], frame["overlap_high"].iloc[0]) == (5607.5, 5708.5)
    assert frame["overlap_high"].iloc[1] == pytest.approx(270 / 0.0475)


def test_deficit_share_2016_rounds_to_the_printed_share(f):
    share = analysis.deficit_share_2016(f)
    assert share == pytest.approx(100 * 270 / (5800 - 142))
    assert round(share, 1) == fig.value(f, "buig_deficit_share", "2016")


def test_cumulative_share_at_2016_level(f):
    share = analysis.cumulative_share_at_2016_level(f)
    assert share == pytest.approx(100 * 35 / (5 * 5658))
    assert round(share, 2) == fig.value(f, "buig_deficit_share", "2012/2016")


def test_disagreeing_2016_budgets_are_reported(data_copy):
    _edit(data_copy, {"indicator": "buig_deficit_share", "period": "2016"}, "6.0")
    changed = open_chapter(THEME, data_copy)
    assert not analysis.budget_2016_agreement(changed.figures)["compatible"].any()
    assert changed.checks().set_index("id").loc["bf-tekort-aandeel-2016", "verdict"] == checks.DISCREPANCY
    assert prose.key_figures(changed)["bf_mb2016_overlap"] == "–"


# --- the participatiebudget ---------------------------------------------------------------------


def test_participation_budget_parts_add_up(f):
    frame = analysis.participation_budget_parts(f).set_index("year")
    assert frame.index.tolist() == list(analysis.TABLE_YEARS)
    for year in analysis.TABLE_YEARS:
        parts = fig.value(f, "participation_budget", year, category="klassiek") + fig.value(
            f, "participation_budget", year, category="nieuw"
        )
        assert frame.loc[year, "sum"] == pytest.approx(parts)
    assert frame.loc["2021", "sum"] == pytest.approx(699.725) and frame.loc["2021", "printed_total"] == 699.724
    assert frame["margin"].tolist() == pytest.approx([0.001] * 5)
    assert frame["verdict"].tolist() == [checks.EXACT] * 4 + [checks.ROUNDED]


def test_participation_budget_follows_changed_data(data_copy):
    _edit(data_copy, {"indicator": "participation_budget", "category": "klassiek", "period": "2021"}, "513.7")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.participation_budget_parts(changed.figures).set_index("year")
    assert frame.loc["2021", "sum"] == pytest.approx(513.7 + 185.953)
    assert frame.loc["2021", "verdict"] == checks.DISCREPANCY
    verdicts = changed.checks().set_index("id")["verdict"]
    assert verdicts["bf-participatiebudget-som-2021"] == checks.DISCREPANCY and verdicts.iloc[0] == checks.DISCREPANCY
    assert prose.key_figures(changed)["bf_pb_last_sum"] == "€ 699,653 mln"


def test_target_group_shift(f):
    frame = analysis.target_group_shift(f).set_index("year")
    assert frame.loc["2017", "new_share"] == pytest.approx(100 * 89.853 / 612.709)
    assert frame.loc["2021", "new_share"] == pytest.approx(100 * 185.953 / 699.725)
    assert frame.loc["2021", "classic_change"] == pytest.approx(513.772 - 522.856)
    assert frame.loc["2021", "new_growth"] == pytest.approx(185.953 - 145.183)
    assert pd.isna(frame.loc["2017", "new_growth"])
    assert frame["new_share"].is_monotonic_increasing


def test_structural_outlook(f):
    frame = analysis.structural_outlook(f).set_index("key")
    level = frame.loc[analysis.STRUCTURAL_LEVEL]
    assert (level["low"], level["high"]) == (1150, 1250) and level["unit"] == "euro_mln"
    assert analysis.structural_level(f) == Interval(1150, 1200, 1250)
    assert frame.loc[analysis.NEW_STRUCTURAL, "mid"] == pytest.approx(1200 - 513.772)
    assert frame.loc[analysis.FACTOR_TOTAL, "mid"] == pytest.approx(1200 / 699.724)
    assert frame.loc[analysis.FACTOR_NEW, "high"] == pytest.approx((1250 - 513.772) / 185.953)
    assert frame.loc[analysis.FACTOR_NEW, "unit"] == "factor"


# --- benefit levels -------------------------------------------------------------------------------


def test_benefit_corrections(f):
    frame = analysis.benefit_corrections(f).set_index("category")
    assert frame["months"].tolist() == [6, 6, 6, 6]
    assert frame.loc["aow_70", "overpaid_period"] == pytest.approx(6 * 0.72)
    assert frame.loc["bijstand_70", "per_full_benefit"] == pytest.approx(0.47 / 70 * 100)
    assert frame.loc["bijstand_100", "per_full_low"] == pytest.approx(0.655)
    assert frame.loc["bijstand_100", "rise_july"] == 5.33
    assert frame.loc["aow_50", "rise_july"] == 5.2
    assert frame.loc["aow_50", "scheme"] == "aow" and frame.loc["aow_50", "percentage"] == 50


def test_overpayment_consistency(f):
    frame = analysis.overpayment_consistency(f).set_index("scheme")
    assert frame["proportional"].all()
    assert frame.loc["bijstand", "categories"] == "bijstand_70, bijstand_100"
    assert frame.loc["bijstand", "overlap_low"] == pytest.approx(0.465 / 0.7)
    assert frame.loc["bijstand", "overlap_high"] == pytest.approx(0.665)


def test_overpayment_consistency_fails_when_not_proportional(data_copy):
    _edit(data_copy, {"indicator": "benefit_overpayment_monthly", "category": "bijstand_100"}, "0.9")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.overpayment_consistency(changed.figures).set_index("scheme")
    assert not frame.loc["bijstand", "proportional"] and frame.loc["aow", "proportional"]


# --- key figures, checks, charts and tables ------------------------------------------------------


def test_key_figures_are_dutch_text(hoofdstuk):
    texts = prose.key_figures(hoofdstuk)
    assert texts == hoofdstuk.key_figures()
    assert texts["bf_deficit_2016"] == "circa € 270 mln" and texts["bf_deficit_share_2016"] == "4,8%"
    assert texts["bf_mb2016_deficit"] == "€ 5.625 mln" and texts["bf_mb2016_2017"] == "€ 5.658 mln"
    assert texts["bf_mb2016_deficit_exact_range"] == "€ 5.567 en 5.685 mln"
    assert texts["bf_mb2016_overlap"] == "€ 5.607 en 5.709 mln"
    assert texts["bf_cum_budget"] == "€ 29.167 mln" and texts["bf_cum_share_flat"] == "0,124%"
    assert texts["bf_pb_last_sum"] == "€ 699,725 mln" and texts["bf_pb_last_gap"] == "€ 0,001 mln"
    assert texts["bf_pb_off_years"] == "2021" and texts["bf_share_new_first"] == "14,7%"
    assert texts["bf_over_aow_50"] == "€ 0,52" and texts["bf_rise_aow_70"] == "circa € 6,65"
    assert texts["bf_rise_aow_50"] == "circa € 5,20" and texts["bf_ioaz_norm_first"] == "€ 23.444"
    assert texts["bf_recipients"] == "474.000" and texts["bf_pp_other"] == "minder dan € 4.000"
    assert all(isinstance(v, str) and v for v in texts.values())
    assert all(k.startswith("bf_") for k in texts)


def test_checks_of_the_theme(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert len(result) == len(THEME.checks) == 7
    assert (result["verdict"] != checks.DISCREPANCY).all()
    assert result.loc["bf-participatiebudget-som-2021", "verdict"] == checks.ROUNDED
    assert result.loc["bf-participatiebudget-som-2019", "verdict"] == checks.EXACT
    assert result.loc["bf-tekort-aandeel-2016", "verdict"] == checks.ROUNDED
    assert result.loc["bf-participatiebudget-2018-brief-2018", "recomputed"] == pytest.approx(622.149)


@pytest.mark.parametrize(
    "name", ["chart_buig_results", "chart_implied_budgets", "chart_participation_budget", "chart_target_group_shift"]
)
def test_charts_follow_the_house_rules(hoofdstuk, name):
    assert_house_chart(getattr(presentation, name)(hoofdstuk))


def test_chart_participation_budget_names_both_letters(hoofdstuk):
    figure = presentation.chart_participation_budget(hoofdstuk)
    assert "30 juni 2017" in figure.source_line and "15 juni 2018" in figure.source_line
    assert figure.table["Som"].tolist() == pytest.approx(
        analysis.participation_budget_parts(hoofdstuk.figures)["sum"].tolist()
    )


def test_chart_implied_budgets_shows_only_yearly_budgets(hoofdstuk):
    figure = presentation.chart_implied_budgets(hoofdstuk)
    values = [row for dataset in figure.spec()["datasets"].values() for row in dataset]
    assert all(row["per_jaar"] for row in values)
    assert len(figure.table) == len(analysis.implied_budgets(hoofdstuk.figures))


def test_chart_implied_budgets_uses_the_shared_legend(hoofdstuk):
    figure = presentation.chart_implied_budgets(hoofdstuk)
    assert set(figure.table["Soort"]) == {labels.PRINTED, labels.COMPUTED}
    assert figure.spec()["layer"][0]["encoding"]["color"]["scale"]["domain"] == [labels.PRINTED, labels.COMPUTED]


def test_chart_buig_results_labels_the_cumulative_result(hoofdstuk):
    table = presentation.chart_buig_results(hoofdstuk).table
    assert table["Periode"].tolist() == ["2013", "2016", "2012–2016 (opgeteld)"]
    assert table["Soort"].tolist() == ["overschot", "tekort", "tekort"]


def _plain(table):
    return table._repr_mimebundle_()["text/plain"]


def test_tables(hoofdstuk):
    implied = _plain(presentation.implied_budgets_table(hoofdstuk))
    assert "5.463" in implied and "5.790" in implied and "29.167" in implied
    parts = _plain(presentation.participation_budget_table(hoofdstuk))
    assert "699,725" in parts and "klopt op afronding" in parts
    structural = _plain(presentation.structural_table(hoofdstuk))
    assert "686,2" in structural and "keer" in structural
    benefits = _plain(presentation.benefit_corrections_table(hoofdstuk))
    assert "€ 4,32" in benefits and "€ 0,655–0,665" in benefits and "AOW, 50%" in benefits
    other = _plain(presentation.other_figures_table(hoofdstuk))
    assert "474.000" in other and "€ 114 mln" in other and "minder dan € 4.000" in other


def test_no_interval_bound_is_nan(f):
    frame = analysis.implied_budgets(f)
    assert not frame[["low", "mid", "high"]].isna().any().any()
    assert all(math.isfinite(v) for v in frame["high"])
