"""Financiering van bijstand en re-integratie: the texts the chapter's prose glues in."""

from __future__ import annotations

import pandas as pd

from ...figures import checks
from ...figures import lookup as fig
from ...figures.rounding import Interval
from ...presentation import formatting
from ...presentation.formatting import range_text
from .analysis import (
    AND,
    CUMULATIVE,
    IOAZ_DATE,
    JUNE_2017,
    JUNE_2018,
    OVERPAID,
    PERCENT,
    RAISED_FROM,
    STRUCTURAL,
    TABLE_YEARS,
    _years,
    benefit_corrections,
    budget_2016_agreement,
    cumulative_share_at_2016_level,
    deficit_share_2016,
    implied_budgets,
    participation_budget_parts,
    structural_outlook,
    target_group_shift,
)


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # noqa: E731 - a local shorthand
    mln = lambda v, d=0: formatting.value_text(v, "euro_mln", d)  # noqa: E731
    pct = lambda v, d=1: formatting.value_text(v, "procent", d)  # noqa: E731
    implied = implied_budgets(figures).set_index("sleutel")
    interval = lambda key: Interval(*implied.loc[key, ["laag", "midden", "hoog"]])  # noqa: E731
    agreement = budget_2016_agreement(figures).iloc[0]
    parts = participation_budget_parts(figures).set_index("jaar")
    shift = target_group_shift(figures).set_index("jaar")
    outlook = structural_outlook(figures).set_index("sleutel")
    benefits = benefit_corrections(figures).set_index("category")
    first, last = TABLE_YEARS[0], TABLE_YEARS[-1]
    new_structural = Interval(*outlook.loc["nieuw_structureel", ["laag", "midden", "hoog"]])
    off = parts.loc[parts["oordeel"] != checks.EXACT]
    texts = {
        "bf_deficit_2016": t("buig_deficit", "2016"),
        "bf_deficit_share_2016": t("buig_deficit_share", "2016"),
        "bf_deficit_share_recomputed": pct(deficit_share_2016(figures), 2),
        "bf_surplus_2013": t("buig_surplus", "2013"),
        "bf_deficit_cum": t("buig_deficit", CUMULATIVE),
        "bf_deficit_cum_share": t("buig_deficit_share", CUMULATIVE),
        "bf_asylum_2016": t("asylum_advance_budget", "2016"),
        "bf_asylum_2017": t("asylum_advance_budget", "2017"),
        "bf_recipients": t("bijstand_recipients", "2017-03"),
        "bf_budget_2017": t("buig_macro_budget", "2017"),
        "bf_change_provisional": t("buig_macro_budget_change", "2017", category="voorlopige_raming"),
        "bf_change_2016": t("buig_macro_budget_change", "2017", category="macrobudget_2016"),
        "bf_mb2016_deficit": mln(interval("mb2016_tekort").mid),
        "bf_mb2016_deficit_range": range_text(interval("mb2016_tekort"), "euro_mln", joiner=AND),
        "bf_mb2016_deficit_exact_range": range_text(interval("mb2016_tekort_exact"), "euro_mln", joiner=AND),
        "bf_mb2016_2017": mln(interval("mb2016_2017").mid),
        "bf_mb2016_2017_range": range_text(interval("mb2016_2017"), "euro_mln", joiner=AND),
        "bf_mb2016_diff": mln(agreement["verschil"]),
        "bf_mb2016_overlap": range_text(Interval(agreement["overlap_laag"], agreement["overlap_laag"],
                                                 agreement["overlap_hoog"]), "euro_mln", joiner=AND)
        if agreement["verenigbaar"] else "–",
        "bf_provisional_2017": mln(interval("mb2017_voorlopig").mid),
        "bf_cum_budget": mln(interval("mb_2012_2016").mid),
        "bf_cum_budget_range": range_text(interval("mb_2012_2016"), "euro_mln", joiner=AND),
        "bf_cum_years": formatting.number(_years(figures, "buig_deficit", CUMULATIVE)),
        "bf_cum_avg": mln(interval("mb_gemiddeld_2012_2016").mid),
        "bf_cum_avg_range": range_text(interval("mb_gemiddeld_2012_2016"), "euro_mln", joiner=AND),
        "bf_cum_avg_above_2016": pct(PERCENT * (fig.ratio(interval("mb_gemiddeld_2012_2016").mid, interval("mb2016_2017").mid) - 1)),
        "bf_cum_avg_low_below_2016": pct(PERCENT * (1 - fig.ratio(interval("mb_gemiddeld_2012_2016").low,
                                                                   interval("mb2016_2017").mid))),
        "bf_cum_share_flat": pct(cumulative_share_at_2016_level(figures), 3),
        "bf_pb_first_total": mln(parts.loc[first, "totaal_gedrukt"], 3),
        "bf_pb_last_total": mln(parts.loc[last, "totaal_gedrukt"], 3),
        "bf_pb_first_classic": mln(parts.loc[first, "klassiek"], 3),
        "bf_pb_last_classic": mln(parts.loc[last, "klassiek"], 3),
        "bf_pb_first_new": mln(parts.loc[first, "nieuw"], 3),
        "bf_pb_last_new": mln(parts.loc[last, "nieuw"], 3),
        "bf_pb_off_years": ", ".join(off.index) if not off.empty else "geen",
        "bf_pb_last_sum": mln(parts.loc[last, "som"], 3),
        "bf_pb_last_gap": mln(abs(parts.loc[last, "verschil"]), 3),
        "bf_pb_margin": mln(parts.loc[last, "marge"], 3),
        "bf_pb_2018_table": t("participation_budget", "2018", category="totaal", source_id=JUNE_2017),
        "bf_pb_2018_letter": t("participation_budget", "2018", category="totaal", source_id=JUNE_2018),
        "bf_pb_structural": t("participation_budget", STRUCTURAL, category="totaal"),
        "bf_pb_structural_factor": formatting.number(outlook.loc["factor_totaal", "midden"], 1),
        "bf_pb_new_structural": mln(new_structural.mid),
        "bf_pb_new_structural_range": range_text(new_structural, "euro_mln", joiner=AND),
        "bf_pb_new_structural_factor": formatting.number(outlook.loc["factor_nieuw", "midden"], 1),
        "bf_share_new_first": pct(shift.loc[first, "aandeel_nieuw"]),
        "bf_share_new_last": pct(shift.loc[last, "aandeel_nieuw"]),
        "bf_classic_change": mln(abs(shift.loc[last, "klassiek_sinds_begin"]), 1),
        "bf_classic_change_pct": pct(abs(shift.loc[last, "klassiek_sinds_begin_pct"])),
        "bf_new_change": mln(shift.loc[last, "nieuw_sinds_begin"], 1),
        "bf_new_change_pct": pct(shift.loc[last, "nieuw_sinds_begin_pct"], 0),
        "bf_new_jump_last": mln(shift.loc[last, "nieuw_groei_jaar"], 1),
        "bf_new_growth_min": mln(shift["nieuw_groei_jaar"].min(), 1),
        "bf_new_growth_max_other": mln(shift["nieuw_groei_jaar"].drop(last).max(), 1),
        "bf_pp_intensive": t("reintegration_budget_per_person", "2015/..", category="intensief"),
        "bf_pp_other": t("reintegration_budget_per_person", "2015/..", category="overig"),
        "bf_inflow": t("new_target_group_inflow_assumption", "2015/.."),
        "bf_esf": t("esf_active_inclusion_budget", "2014/2016"),
        "bf_months_overpaid": formatting.number(benefits["maanden"].max()),
        "bf_overpaid_max_period": formatting.value_text(benefits["te_veel_periode"].max(), "euro", 2),
        "bf_ioaz_first": t("ioaz_income_norm_correction", IOAZ_DATE, category="eerste"),
        "bf_ioaz_second": t("ioaz_income_norm_correction", IOAZ_DATE, category="tweede"),
        "bf_ioaz_norm_first": t("ioaz_income_norm", IOAZ_DATE, category="eerste", decimals=0),
        "bf_ioaz_norm_second": t("ioaz_income_norm", IOAZ_DATE, category="tweede", decimals=0),
    }
    for category, row in benefits.iterrows():
        texts[f"bf_pct_{category}"] = t("benefit_level_percentage", "2017", category=category)
        texts[f"bf_over_{category}"] = t("benefit_overpayment_monthly", OVERPAID, category=category, decimals=2)
        texts[f"bf_full_{category}"] = formatting.value_text(row["per_volle_uitkering"], "euro", 2)
        if row["stijging_juli"] is not None and not pd.isna(row["stijging_juli"]):
            texts[f"bf_rise_{category}"] = t("benefit_increase_monthly", RAISED_FROM, category=category, decimals=2)
    return texts
