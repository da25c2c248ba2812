"""De sociale werkvoorziening in cijfers: the texts the chapter's prose glues in."""

from __future__ import annotations

from ...figures import lookup as fig
from ...presentation import formatting
from ...presentation.labels import INTERPOLATION_MARK
from .analysis import (
    CUT_FIRST,
    CUT_LAST,
    END_2012,
    SPAN_2012,
    START_2012,
    YEAR_2011,
    YEAR_2012,
    _v,
    budget_linear_decline,
    budget_path,
    efficiency_cut,
    implied_waiting_list_start,
    indications,
    indications_difference,
    outside_shares,
    supported_employment_readings,
    workforce,
)


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # noqa: E731 - a local shorthand
    n, pct = formatting.number, lambda v, d=1: formatting.value_text(v, "procent", d)  # noqa: E731
    ind = indications(figures).set_index(["jaar", "soort"])["indicaties"]
    start = implied_waiting_list_start(figures).set_index("methode")
    via_end, via_pct = start.iloc[0], start.iloc[1]
    force = workforce(figures).set_index("datum")
    readings = supported_employment_readings(figures)
    cut = efficiency_cut(figures).set_index("jaar")
    shares = outside_shares(figures).drop_duplicates("jaar").set_index("jaar")["totaal_jaar"]
    end, decrease = _v(figures, "wsw_waiting_list", END_2012), _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    staff_change = force.loc[END_2012, "werknemers"] - force.loc[START_2012, "werknemers"]
    supported_change = force.loc[END_2012, "begeleid_werken"] - force.loc[START_2012, "begeleid_werken"]
    seconded_change = _v(figures, "wsw_seconded_share", YEAR_2012) - _v(figures, "wsw_seconded_share", YEAR_2011)
    ind_change = ind[(YEAR_2012, "totaal")] - ind[(YEAR_2011, "totaal")]
    budget = budget_path(figures)
    return {
        "wsw_ind_2011": t("wsw_indications", YEAR_2011, category="totaal"),
        "wsw_ind_2012": t("wsw_indications", YEAR_2012, category="totaal"),
        "wsw_ind_first_2012": t("wsw_indications", YEAR_2012, category="eerste_indicatie"),
        "wsw_ind_re_2012": t("wsw_indications", YEAR_2012, category="herindicatie"),
        "wsw_ind_sum_2012": n(ind[(YEAR_2012, "som van de delen")]),
        "wsw_ind_gap": n(indications_difference(figures)),
        "wsw_ind_change": n(abs(ind_change)),
        "wsw_ind_change_pct": pct(abs(fig.ratio(100 * ind_change, ind[(YEAR_2011, "totaal")]))),
        "wsw_ind_re_share": pct(fig.ratio(100 * ind[(YEAR_2012, "herindicaties")], ind[(YEAR_2012, "totaal")]), 0),
        "wsw_wait_end_2012": t("wsw_waiting_list", END_2012),
        "wsw_wait_decrease": t("wsw_waiting_list_decrease", SPAN_2012),
        "wsw_wait_decrease_pct": t("wsw_waiting_list_decrease_pct", SPAN_2012),
        "wsw_wait_start_implied": n(via_end["beginstand"]),
        "wsw_wait_pct_recomputed": pct(fig.ratio(100 * decrease, end + decrease), 2),
        "wsw_wait_start_via_pct": n(round(via_pct["beginstand"], 0)),  # round(NaN, 0) is NaN; round(NaN) raises
        "wsw_wait_start_low": n(round(via_pct["laagst"], 0)),
        "wsw_wait_start_high": n(round(via_pct["hoogst"], 0)),
        "wsw_staff_start_2012": t("wsw_employees", START_2012),
        "wsw_staff_end_2012": t("wsw_employees", END_2012),
        "wsw_staff_change": n(staff_change),
        "wsw_staff_change_pct": pct(fig.ratio(100 * staff_change, force.loc[START_2012, "werknemers"])),
        "wsw_seconded_2011": t("wsw_seconded_share", YEAR_2011),
        "wsw_seconded_2012": t("wsw_seconded_share", YEAR_2012),
        "wsw_seconded_change": formatting.value_text(seconded_change, "procentpunt", 1),
        "wsw_bw_start_2012": t("wsw_supported_employment_places", START_2012),
        "wsw_bw_end_2012": t("wsw_supported_employment_places", END_2012),
        "wsw_bw_change": n(supported_change),
        "wsw_bw_rise_printed": t("wsw_supported_employment_places_increase_pct", SPAN_2012),
        "wsw_bw_rise_recomputed": pct(readings.loc[0, "procent"]),
        "wsw_bw_share_end": pct(readings.loc[1, "procent"], 2),
        "wsw_bw_share_start": pct(readings.loc[2, "procent"], 1),
        "wsw_outside_2011": pct(shares[YEAR_2011]),
        "wsw_outside_2012": pct(shares[YEAR_2012]),
        "wsw_regular_2014": t("wsw_regular_employer_share", "2014"),
        "wsw_regular_2015": t("wsw_regular_employer_share", "2015"),
        "wsw_volume_2016": t("wsw_volume_below_forecast", "2016"),
        "wsw_budget_2018": t("wsw_budget", "2018"),
        "wsw_budget_2050": t("wsw_budget", "2050"),
        "wsw_budget_linear_step": formatting.value_text(budget_linear_decline(figures), "euro_mln", 0),
        "wsw_budget_interp_years": n(int((budget["soort"] == INTERPOLATION_MARK).sum())),
        "wsw_cut_pp_2015": t("wsw_efficiency_cut_per_employee", CUT_FIRST),
        "wsw_cut_pp_2020": t("wsw_efficiency_cut_per_employee", CUT_LAST),
        "wsw_cut_total_2015": t("wsw_efficiency_cut_total", CUT_FIRST),
        "wsw_cut_total_2020": t("wsw_efficiency_cut_total", CUT_LAST),
        "wsw_cut_implied_2015": n(cut.loc[CUT_FIRST, "impliciet_aantal_wsw_ers"]),
        "wsw_cut_implied_2020": n(cut.loc[CUT_LAST, "impliciet_aantal_wsw_ers"], 0),
        "wsw_cut_implied_2020_rounded": n(round(cut.loc[CUT_LAST, "impliciet_aantal_wsw_ers"], -2)),
        "wsw_contribution_2020": t("wsw_state_contribution_per_place", "2020/.."),
        "wsw_kerstens": t("motie_kerstens_funds", "2015"),
        "wsw_zembla": t("wsw_cuts_cited_by_zembla", "2015/.."),
    }
