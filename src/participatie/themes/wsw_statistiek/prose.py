"""De sociale werkvoorziening in cijfers: the texts the chapter's prose glues in."""

from __future__ import annotations

from ...figures import lookup
from ...presentation import formatting
from . import analysis
from .analysis import (
    CUT_FIRST,
    CUT_LAST,
    END_2012,
    FIRST,
    INTERPOLATED,
    REPEAT,
    SPAN_2012,
    START_2012,
    SUM_OF_PARTS,
    TOTAL,
    VIA_END,
    VIA_PERCENTAGE,
    YEAR_2011,
    YEAR_2012,
)


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # a local shorthand
    n, pct = formatting.number, lambda v, d=1: formatting.value_text(v, "procent", d)
    ind = analysis.indications(figures).set_index(["period", "part"])["indications"]
    start = analysis.implied_waiting_list_start(figures).set_index("method")
    via_end, via_pct = start.loc[VIA_END], start.loc[VIA_PERCENTAGE]
    force = analysis.workforce(figures).set_index("date")
    readings = analysis.supported_employment_readings(figures).set_index("reading")["percent"]
    cut = analysis.efficiency_cut(figures).set_index("year")
    shares = analysis.outside_shares(figures).drop_duplicates("year").set_index("year")["year_total"]
    staff_change = force.loc[END_2012, "employees"] - force.loc[START_2012, "employees"]
    supported_change = force.loc[END_2012, "supported_places"] - force.loc[START_2012, "supported_places"]
    seconded_change = lookup.value(figures, "wsw_seconded_share", YEAR_2012) - lookup.value(
        figures, "wsw_seconded_share", YEAR_2011
    )
    ind_change = ind[(YEAR_2012, TOTAL)] - ind[(YEAR_2011, TOTAL)]
    budget = analysis.budget_path(figures)
    return {
        "wsw_ind_2011": t("wsw_indications", YEAR_2011, category=TOTAL),
        "wsw_ind_2012": t("wsw_indications", YEAR_2012, category=TOTAL),
        "wsw_ind_first_2012": t("wsw_indications", YEAR_2012, category=FIRST),
        "wsw_ind_re_2012": t("wsw_indications", YEAR_2012, category=REPEAT),
        "wsw_ind_sum_2012": n(ind[(YEAR_2012, SUM_OF_PARTS)]),
        "wsw_ind_gap": n(analysis.indications_difference(figures)),
        "wsw_ind_change": n(abs(ind_change)),
        "wsw_ind_change_pct": pct(abs(lookup.ratio(100 * ind_change, ind[(YEAR_2011, TOTAL)]))),
        "wsw_ind_re_share": pct(lookup.ratio(100 * ind[(YEAR_2012, REPEAT)], ind[(YEAR_2012, TOTAL)]), 0),
        "wsw_wait_end_2012": t("wsw_waiting_list", END_2012),
        "wsw_wait_decrease": t("wsw_waiting_list_decrease", SPAN_2012),
        "wsw_wait_decrease_pct": t("wsw_waiting_list_decrease_pct", SPAN_2012),
        "wsw_wait_start_implied": n(via_end["start"]),
        "wsw_wait_pct_recomputed": pct(analysis.waiting_list_decrease_pct(figures), 2),
        "wsw_wait_start_via_pct": n(round(via_pct["start"], 0)),  # round(NaN, 0) is NaN; round(NaN) raises
        "wsw_wait_start_low": n(round(via_pct["low"], 0)),
        "wsw_wait_start_high": n(round(via_pct["high"], 0)),
        "wsw_staff_start_2012": t("wsw_employees", START_2012),
        "wsw_staff_end_2012": t("wsw_employees", END_2012),
        "wsw_staff_change": n(staff_change),
        "wsw_staff_change_pct": pct(lookup.ratio(100 * staff_change, force.loc[START_2012, "employees"])),
        "wsw_seconded_2011": t("wsw_seconded_share", YEAR_2011),
        "wsw_seconded_2012": t("wsw_seconded_share", YEAR_2012),
        "wsw_seconded_change": formatting.value_text(seconded_change, "procentpunt", 1),
        "wsw_bw_start_2012": t("wsw_supported_employment_places", START_2012),
        "wsw_bw_end_2012": t("wsw_supported_employment_places", END_2012),
        "wsw_bw_change": n(supported_change),
        "wsw_bw_rise_printed": t("wsw_supported_employment_places_increase_pct", SPAN_2012),
        "wsw_bw_rise_recomputed": pct(readings[analysis.RISE]),
        "wsw_bw_share_end": pct(readings[analysis.SHARE_END], 2),
        "wsw_bw_share_start": pct(readings[analysis.SHARE_START], 1),
        "wsw_outside_2011": pct(shares[YEAR_2011]),
        "wsw_outside_2012": pct(shares[YEAR_2012]),
        "wsw_regular_2014": t("wsw_regular_employer_share", "2014"),
        "wsw_regular_2015": t("wsw_regular_employer_share", "2015"),
        "wsw_volume_2016": t("wsw_volume_below_forecast", "2016"),
        "wsw_budget_2018": t("wsw_budget", "2018"),
        "wsw_budget_2050": t("wsw_budget", "2050"),
        "wsw_budget_linear_step": formatting.value_text(analysis.budget_linear_decline(figures), "euro_mln", 0),
        "wsw_budget_interp_years": n(int((budget["kind"] == INTERPOLATED).sum())),
        "wsw_cut_pp_2015": t("wsw_efficiency_cut_per_employee", CUT_FIRST),
        "wsw_cut_pp_2020": t("wsw_efficiency_cut_per_employee", CUT_LAST),
        "wsw_cut_total_2015": t("wsw_efficiency_cut_total", CUT_FIRST),
        "wsw_cut_total_2020": t("wsw_efficiency_cut_total", CUT_LAST),
        "wsw_cut_implied_2015": n(cut.loc[CUT_FIRST, "implied_employees"]),
        "wsw_cut_implied_2020": n(cut.loc[CUT_LAST, "implied_employees"], 0),
        "wsw_cut_implied_2020_rounded": n(round(cut.loc[CUT_LAST, "implied_employees"], -2)),
        "wsw_contribution_2020": t("wsw_state_contribution_per_place", "2020/.."),
        "wsw_kerstens": t("motie_kerstens_funds", "2015"),
        "wsw_zembla": t("wsw_cuts_cited_by_zembla", "2015/.."),
    }
