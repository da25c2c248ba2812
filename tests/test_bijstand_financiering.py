import math

import pandas as pd
import pytest
from helpers import assert_house_chart, set_value

from participatie import bijstand_financiering as bf
from participatie import chapter
from participatie import figures as fig
from participatie.bijstand_financiering import Interval


@pytest.fixture(scope="module")
def hoofdstuk():
    return chapter.open_chapter("bijstand_financiering")


@pytest.fixture(scope="module")
def f(hoofdstuk):
    return hoofdstuk.figures


def _edit(path, match, value):
    assert set_value(path, match, value) == 1


# --- interval arithmetic ------------------------------------------------------------------------

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
    assert Interval(1, 2, 3).overlap(undefined) is None and bf.range_text(undefined, "euro_mln") == "–"
    with pytest.raises(ValueError):
        Interval(1, math.nan, 3)
    with pytest.raises(ValueError):
        Interval(3, 2, 1)
    assert Interval.exact(4) == Interval(4, 4, 4) and Interval.around(10, 0.5) == Interval(9.5, 10, 10.5)


@pytest.mark.parametrize("value, qualifier, margin", [
    (4.8, None, 0.05), (142, None, 0.5), (270, "circa", 5), (270, None, 0.5), (300, "circa", 50),
    (35, "circa", 0.5), (0.12, None, 0.005), (612.709, None, 0.0005), (5.8, None, 0.05),
])
def test_rounding_margin(value, qualifier, margin):
    assert bf.rounding_margin(value, qualifier) == pytest.approx(margin)


def test_printed_interval_converts_miljard_to_miljoen(f):
    assert bf.printed_interval(f, "buig_macro_budget", "2017") == Interval(5750, 5800, 5850)
    deficit = bf.printed_interval(f, "buig_deficit", "2016")
    assert (deficit.low, deficit.high) == (265, 275)


def test_bound_and_range_text_round_outwards():
    assert bf.bound_text(5463.9, 0, "low") == "5.463" and bf.bound_text(5789.47, 0, "high") == "5.790"
    assert bf.bound_text(5600.0, 0, "high") == "5.600"
    assert bf.range_text(Interval(5463.9, 5625, 5789.47), "euro_mln") == "€ 5.463–5.790 mln"
    assert bf.range_text(Interval(1.021, 1.03, 1.036), "euro", 2, joiner=" en ") == "€ 1,02 en 1,04"


# --- the macrobudget BUIG ---------------------------------------------------------------------

def test_buig_results_sign_convention(f):
    frame = bf.buig_results(f)
    assert frame["resultaat"].tolist() == [300, -270, -35]
    assert frame["soort"].tolist() == ["overschot", "tekort", "tekort"]
    assert frame["opgeteld"].tolist() == [False, False, True]
    assert frame["aandeel"].iloc[1] == 4.8 and frame["aandeel"].iloc[2] == 0.12 and pd.isna(frame["aandeel"].iloc[0])


def test_implied_budgets_from_the_printed_figures(f):
    frame = bf.implied_budgets(f).set_index("sleutel")
    deficit, share = fig.value(f, "buig_deficit", "2016"), fig.value(f, "buig_deficit_share", "2016")
    row = frame.loc["mb2016_tekort"]
    assert row["midden"] == pytest.approx(deficit / (share / 100))
    assert row["laag"] == pytest.approx((deficit - 5) / ((share + 0.05) / 100))
    assert row["hoog"] == pytest.approx((deficit + 5) / ((share - 0.05) / 100))
    exact = frame.loc["mb2016_tekort_exact"]
    assert (round(exact["laag"]), round(exact["hoog"])) == (5567, 5684)
    from_2017 = frame.loc["mb2016_2017"]
    assert (from_2017["laag"], from_2017["midden"], from_2017["hoog"]) == (5800 - 50 - 142.5, 5800 - 142, 5800 + 50 - 141.5)
    assert frame.loc["mb2017_voorlopig", "midden"] == 5800 - 26
    assert frame.loc["mb_2012_2016", "midden"] == pytest.approx(35 / 0.0012)
    assert frame.loc["mb_2012_2016", "laag"] == pytest.approx(34.5 / 0.00125)
    assert frame.loc["mb_gemiddeld_2012_2016", "midden"] == pytest.approx(35 / 0.0012 / 5)
    assert frame.loc["mb2017", "soort"] == bf.PRINTED and not frame.loc["mb_2012_2016", "per_jaar"]


def test_budget_2016_agreement_within_rounding(f):
    frame = bf.budget_2016_agreement(f)
    assert frame["verenigbaar"].all()
    assert frame["verschil"].iloc[0] == pytest.approx(5658 - 5625)
    assert (frame["overlap_laag"].iloc[0], frame["overlap_hoog"].iloc[0]) == (5607.5, 5708.5)
    assert frame["overlap_hoog"].iloc[1] == pytest.approx(270 / 0.0475)


def test_deficit_share_2016_rounds_to_the_printed_share(f):
    share = bf.deficit_share_2016(f)
    assert share == pytest.approx(100 * 270 / (5800 - 142))
    assert round(share, 1) == fig.value(f, "buig_deficit_share", "2016")


def test_cumulative_share_at_2016_level(f):
    share = bf.cumulative_share_at_2016_level(f)
    assert share == pytest.approx(100 * 35 / (5 * 5658))
    assert round(share, 2) == fig.value(f, "buig_deficit_share", "2012/2016")


def test_disagreeing_2016_budgets_are_reported(data_copy):
    _edit(data_copy / "bijstand_financiering.csv", {"indicator": "buig_deficit_share", "period": "2016"}, "6.0")
    changed = chapter.open_chapter("bijstand_financiering", data_copy)
    assert not bf.budget_2016_agreement(changed.figures)["verenigbaar"].any()
    assert changed.checks().set_index("id").loc["bf-tekort-aandeel-2016", "verdict"] == "afwijking"


# --- the participatiebudget ---------------------------------------------------------------------

def test_participation_budget_parts_add_up(f):
    frame = bf.participation_budget_parts(f).set_index("jaar")
    assert frame.index.tolist() == list(bf.TABLE_YEARS)
    for year in bf.TABLE_YEARS:
        parts = (fig.value(f, "participation_budget", year, category="klassiek")
                 + fig.value(f, "participation_budget", year, category="nieuw"))
        assert frame.loc[year, "som"] == pytest.approx(parts)
    assert frame.loc["2021", "som"] == pytest.approx(699.725) and frame.loc["2021", "totaal_gedrukt"] == 699.724
    assert frame["marge"].tolist() == pytest.approx([0.001] * 5)
    assert frame["oordeel"].tolist() == ["klopt", "klopt", "klopt", "klopt", "afgerond"]


def test_participation_budget_follows_changed_data(data_copy):
    _edit(data_copy / "bijstand_financiering.csv",
          {"indicator": "participation_budget", "category": "klassiek", "period": "2021"}, "513.7")
    changed = chapter.open_chapter("bijstand_financiering", data_copy)
    frame = bf.participation_budget_parts(changed.figures).set_index("jaar")
    assert frame.loc["2021", "som"] == pytest.approx(513.7 + 185.953)
    assert frame.loc["2021", "oordeel"] == "afwijking"
    verdicts = changed.checks().set_index("id")["verdict"]
    assert verdicts["bf-participatiebudget-som-2021"] == "afwijking" and verdicts.iloc[0] == "afwijking"
    assert bf.key_figures(changed.figures)["bf_pb_last_sum"] == "€ 699,653 mln"


def test_target_group_shift(f):
    frame = bf.target_group_shift(f).set_index("jaar")
    assert frame.loc["2017", "aandeel_nieuw"] == pytest.approx(100 * 89.853 / 612.709)
    assert frame.loc["2021", "aandeel_nieuw"] == pytest.approx(100 * 185.953 / 699.725)
    assert frame.loc["2021", "klassiek_sinds_begin"] == pytest.approx(513.772 - 522.856)
    assert frame.loc["2021", "nieuw_groei_jaar"] == pytest.approx(185.953 - 145.183)
    assert pd.isna(frame.loc["2017", "nieuw_groei_jaar"])
    assert frame["aandeel_nieuw"].is_monotonic_increasing


def test_structural_outlook(f):
    frame = bf.structural_outlook(f).set_index("sleutel")
    assert (frame.loc["structureel_niveau", "laag"], frame.loc["structureel_niveau", "hoog"]) == (1150, 1250)
    assert frame.loc["nieuw_structureel", "midden"] == pytest.approx(1200 - 513.772)
    assert frame.loc["factor_totaal", "midden"] == pytest.approx(1200 / 699.724)
    assert frame.loc["factor_nieuw", "hoog"] == pytest.approx((1250 - 513.772) / 185.953)


# --- benefit levels -------------------------------------------------------------------------------

def test_benefit_corrections(f):
    frame = bf.benefit_corrections(f).set_index("category")
    assert frame["maanden"].tolist() == [6, 6, 6, 6]
    assert frame.loc["aow_70", "te_veel_periode"] == pytest.approx(6 * 0.72)
    assert frame.loc["bijstand_70", "per_volle_uitkering"] == pytest.approx(0.47 / 70 * 100)
    assert frame.loc["bijstand_100", "per_volle_laag"] == pytest.approx(0.655)
    assert frame.loc["bijstand_100", "stijging_juli"] == 5.33
    assert frame.loc["aow_50", "stijging_juli"] == 5.2
    assert frame.loc["aow_50", "uitkering"] == "AOW, 50%"


def test_overpayment_consistency(f):
    frame = bf.overpayment_consistency(f).set_index("regeling")
    assert frame["evenredig"].all()
    assert frame.loc["bijstand", "overlap_laag"] == pytest.approx(0.465 / 0.7)
    assert frame.loc["bijstand", "overlap_hoog"] == pytest.approx(0.665)


def test_overpayment_consistency_fails_when_not_proportional(data_copy):
    _edit(data_copy / "bijstand_financiering.csv",
          {"indicator": "benefit_overpayment_monthly", "category": "bijstand_100"}, "0.9")
    changed = chapter.open_chapter("bijstand_financiering", data_copy)
    frame = bf.overpayment_consistency(changed.figures).set_index("regeling")
    assert not frame.loc["bijstand", "evenredig"] and frame.loc["AOW", "evenredig"]


# --- key figures, checks, charts and tables ------------------------------------------------------

def test_key_figures_are_dutch_text(f):
    texts = bf.key_figures(f)
    assert texts["bf_deficit_2016"] == "circa € 270 mln" and texts["bf_deficit_share_2016"] == "4,8%"
    assert texts["bf_mb2016_deficit"] == "€ 5.625 mln" and texts["bf_mb2016_2017"] == "€ 5.658 mln"
    assert texts["bf_mb2016_deficit_exact_range"] == "€ 5.567 en 5.685 mln"
    assert texts["bf_cum_budget"] == "€ 29.167 mln" and texts["bf_cum_share_flat"] == "0,124%"
    assert texts["bf_pb_last_sum"] == "€ 699,725 mln" and texts["bf_pb_last_gap"] == "€ 0,001 mln"
    assert texts["bf_pb_off_years"] == "2021" and texts["bf_share_new_first"] == "14,7%"
    assert texts["bf_over_aow_50"] == "€ 0,52" and texts["bf_rise_aow_70"] == "circa € 6,65"
    assert texts["bf_rise_aow_50"] == "circa € 5,20" and texts["bf_ioaz_norm_first"] == "€ 23.444"
    assert texts["bf_recipients"] == "474.000" and texts["bf_pp_other"] == "minder dan € 4.000"
    assert all(isinstance(v, str) and v for v in texts.values())
    assert all(k.startswith("bf_") for k in texts)


def test_checks_registered_for_the_theme(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert len(result) == 7
    assert (result["verdict"] != "afwijking").all()
    assert result.loc["bf-participatiebudget-som-2021", "verdict"] == "afgerond"
    assert result.loc["bf-participatiebudget-som-2019", "verdict"] == "klopt"
    assert result.loc["bf-tekort-aandeel-2016", "verdict"] == "afgerond"
    assert result.loc["bf-participatiebudget-2018-brief-2018", "recomputed"] == pytest.approx(622.149)


@pytest.mark.parametrize("make_chart", [bf.chart_buig_results, bf.chart_implied_budgets, bf.chart_participation_budget,
                                        bf.chart_target_group_shift])
def test_charts_have_title_description_source_and_table(hoofdstuk, make_chart):
    assert_house_chart(make_chart(hoofdstuk))


def test_chart_participation_budget_names_both_letters(hoofdstuk):
    figure = bf.chart_participation_budget(hoofdstuk)
    assert "30 juni 2017" in figure.source_line and "15 juni 2018" in figure.source_line
    assert figure.table["Som"].tolist() == pytest.approx(bf.participation_budget_parts(hoofdstuk.figures)["som"].tolist())


def test_chart_implied_budgets_shows_only_yearly_budgets(hoofdstuk):
    figure = bf.chart_implied_budgets(hoofdstuk)
    values = [row for dataset in figure.spec()["datasets"].values() for row in dataset]
    assert all(row["per_jaar"] for row in values)
    assert len(figure.table) == len(bf.implied_budgets(hoofdstuk.figures))


def _plain(table):
    return table._repr_mimebundle_()["text/plain"]


def test_tables(hoofdstuk):
    implied = _plain(bf.implied_budgets_table(hoofdstuk))
    assert "5.463" in implied and "5.790" in implied and "29.167" in implied
    parts = _plain(bf.participation_budget_table(hoofdstuk))
    assert "699,725" in parts and "klopt op afronding" in parts
    structural = _plain(bf.structural_table(hoofdstuk))
    assert "686,2" in structural and "keer" in structural
    benefits = _plain(bf.benefit_corrections_table(hoofdstuk))
    assert "€ 4,32" in benefits and "€ 0,655–0,665" in benefits
    other = _plain(bf.other_figures_table(hoofdstuk))
    assert "474.000" in other and "€ 114 mln" in other and "minder dan € 4.000" in other


def test_no_interval_bound_is_nan(f):
    frame = bf.implied_budgets(f)
    assert not frame[["laag", "midden", "hoog"]].isna().any().any()
    assert all(math.isfinite(v) for v in frame["hoog"])
