"""Financiering van bijstand en re-integratie: the texts the chapter's prose glues in."""

from __future__ import annotations

import pandas as pd

from ...figures import checks, lookup
from ...figures.rounding import Interval
from ...presentation import formatting
from ...presentation.formatting import range_text
from . import analysis
from .analysis import (
    CUMULATIVE,
    IOAZ_DATE,
    JUNE_2017,
    JUNE_2018,
    OVERPAID,
    PERCENT,
    RAISED_FROM,
    STRUCTURAL,
    TABLE_YEARS,
)

AND = " en "  # joins the bounds of a range in a sentence: tussen € 5.463 en 5.790 mln


def _intervals(frame: pd.DataFrame) -> dict[str, Interval]:
    """Return the intervals of a frame with key, low, mid and high columns, by key."""
    return {
        key: Interval(low, mid, high) for key, low, mid, high in zip(frame["key"], frame["low"], frame["mid"], frame["high"])
    }


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # a local shorthand
    mln = lambda v, d=0: formatting.value_text(v, "euro_mln", d)
    pct = lambda v, d=1: formatting.value_text(v, "procent", d)
    between = lambda interval: range_text(interval, "euro_mln", joiner=AND)
    implied = _intervals(analysis.implied_budgets(figures))
    agreement = analysis.budget_2016_agreement(figures).iloc[0]  # the deficit read as rounded
    parts = analysis.participation_budget_parts(figures).set_index("year")
    shift = analysis.target_group_shift(figures).set_index("year")
    outlook = _intervals(analysis.structural_outlook(figures))
    benefits = analysis.benefit_corrections(figures).set_index("category")
    first, last = TABLE_YEARS[0], TABLE_YEARS[-1]
    budget_2016, average = implied[analysis.FROM_2017], implied[analysis.AVERAGE_BUDGET]
    new_structural = outlook[analysis.NEW_STRUCTURAL]
    off = parts.loc[parts["verdict"] != checks.EXACT]
    texts = {
        "bf_deficit_2016": t("buig_deficit", "2016"),
        "bf_deficit_share_2016": t("buig_deficit_share", "2016"),
        "bf_deficit_share_recomputed": pct(analysis.deficit_share_2016(figures), 2),
        "bf_surplus_2013": t("buig_surplus", "2013"),
        "bf_deficit_cum": t("buig_deficit", CUMULATIVE),
        "bf_deficit_cum_share": t("buig_deficit_share", CUMULATIVE),
        "bf_asylum_2016": t("asylum_advance_budget", "2016"),
        "bf_asylum_2017": t("asylum_advance_budget", "2017"),
        "bf_recipients": t("bijstand_recipients", "2017-03"),
        "bf_budget_2017": t("buig_macro_budget", "2017"),
        "bf_change_provisional": t("buig_macro_budget_change", "2017", category="voorlopige_raming"),
        "bf_change_2016": t("buig_macro_budget_change", "2017", category="macrobudget_2016"),
        "bf_mb2016_deficit": mln(implied[analysis.FROM_DEFICIT].mid),
        "bf_mb2016_deficit_range": between(implied[analysis.FROM_DEFICIT]),
        "bf_mb2016_deficit_exact_range": between(implied[analysis.FROM_EXACT_DEFICIT]),
        "bf_mb2016_2017": mln(budget_2016.mid),
        "bf_mb2016_2017_range": between(budget_2016),
        "bf_mb2016_diff": mln(agreement["difference"]),
        "bf_mb2016_overlap": between(Interval(agreement["overlap_low"], agreement["overlap_low"], agreement["overlap_high"]))
        if agreement["compatible"]
        else "–",
        "bf_provisional_2017": mln(implied[analysis.PROVISIONAL_2017].mid),
        "bf_cum_budget": mln(implied[analysis.CUMULATIVE_BUDGET].mid),
        "bf_cum_budget_range": between(implied[analysis.CUMULATIVE_BUDGET]),
        "bf_cum_years": formatting.number(analysis.cumulative_years(figures)),
        "bf_cum_avg": mln(average.mid),
        "bf_cum_avg_range": between(average),
        "bf_cum_avg_above_2016": pct(PERCENT * (lookup.ratio(average.mid, budget_2016.mid) - 1)),
        "bf_cum_avg_low_below_2016": pct(PERCENT * (1 - lookup.ratio(average.low, budget_2016.mid))),
        "bf_cum_share_flat": pct(analysis.cumulative_share_at_2016_level(figures), 3),
        "bf_pb_first_total": mln(parts.loc[first, "printed_total"], 3),
        "bf_pb_last_total": mln(parts.loc[last, "printed_total"], 3),
        "bf_pb_first_classic": mln(parts.loc[first, "classic"], 3),
        "bf_pb_last_classic": mln(parts.loc[last, "classic"], 3),
        "bf_pb_first_new": mln(parts.loc[first, "new"], 3),
        "bf_pb_last_new": mln(parts.loc[last, "new"], 3),
        "bf_pb_off_years": ", ".join(off.index) if not off.empty else "geen",
        "bf_pb_last_sum": mln(parts.loc[last, "sum"], 3),
        "bf_pb_last_gap": mln(abs(parts.loc[last, "difference"]), 3),
        "bf_pb_margin": mln(parts.loc[last, "margin"], 3),
        "bf_pb_2018_table": t("participation_budget", "2018", category="totaal", source_id=JUNE_2017),
        "bf_pb_2018_letter": t("participation_budget", "2018", category="totaal", source_id=JUNE_2018),
        "bf_pb_structural": t("participation_budget", STRUCTURAL, category="totaal"),
        "bf_pb_structural_factor": formatting.number(outlook[analysis.FACTOR_TOTAL].mid, 1),
        "bf_pb_new_structural": mln(new_structural.mid),
        "bf_pb_new_structural_range": between(new_structural),
        "bf_pb_new_structural_factor": formatting.number(outlook[analysis.FACTOR_NEW].mid, 1),
        "bf_share_new_first": pct(shift.loc[first, "new_share"]),
        "bf_share_new_last": pct(shift.loc[last, "new_share"]),
        "bf_classic_change": mln(abs(shift.loc[last, "classic_change"]), 1),
        "bf_classic_change_pct": pct(abs(shift.loc[last, "classic_change_pct"])),
        "bf_new_change": mln(shift.loc[last, "new_change"], 1),
        "bf_new_change_pct": pct(shift.loc[last, "new_change_pct"], 0),
        "bf_new_jump_last": mln(shift.loc[last, "new_growth"], 1),
        "bf_new_growth_min": mln(shift["new_growth"].min(), 1),
        "bf_new_growth_max_other": mln(shift["new_growth"].drop(last).max(), 1),
        "bf_pp_intensive": t("reintegration_budget_per_person", "2015/..", category="intensief"),
        "bf_pp_other": t("reintegration_budget_per_person", "2015/..", category="overig"),
        "bf_inflow": t("new_target_group_inflow_assumption", "2015/.."),
        "bf_esf": t("esf_active_inclusion_budget", "2014/2016"),
        "bf_months_overpaid": formatting.number(benefits["months"].max()),
        "bf_overpaid_max_period": formatting.value_text(benefits["overpaid_period"].max(), "euro", 2),
        "bf_ioaz_first": t("ioaz_income_norm_correction", IOAZ_DATE, category="eerste"),
        "bf_ioaz_second": t("ioaz_income_norm_correction", IOAZ_DATE, category="tweede"),
        "bf_ioaz_norm_first": t("ioaz_income_norm", IOAZ_DATE, category="eerste", decimals=0),
        "bf_ioaz_norm_second": t("ioaz_income_norm", IOAZ_DATE, category="tweede", decimals=0),
    }
    for category, row in benefits.iterrows():
        texts[f"bf_pct_{category}"] = t("benefit_level_percentage", "2017", category=category)
        texts[f"bf_over_{category}"] = t("benefit_overpayment_monthly", OVERPAID, category=category, decimals=2)
        texts[f"bf_full_{category}"] = formatting.value_text(row["per_full_benefit"], "euro", 2)
        if row["rise_july"] is not None and not pd.isna(row["rise_july"]):
            texts[f"bf_rise_{category}"] = t("benefit_increase_monthly", RAISED_FROM, category=category, decimals=2)
    return texts
