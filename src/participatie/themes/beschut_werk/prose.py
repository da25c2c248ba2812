"""Beschut werk: the texts the chapter's prose glues in.

Each paragraph that states numbers is one glued text `bw_p_<topic>`: the national wording (every figure
cited to its letter, the latest state read from the data) or, in a municipal edition, a wording computed
from the municipality's figures (`municipal`). `bw_finding` is the chapter's finding for the introduction.
The single figures (`bw_<name>`) stay available for the introduction and other pages.
"""

from __future__ import annotations

from ...presentation import formatting
from . import municipal, paragraphs, policy
from .analysis import (
    APRIL_2017,
    END_2016,
    END_2017,
    END_2018,
    HOURS,
    JAN_MAY_2017,
    JUNE_2017,
    JUNE_2018,
    MARCH_2018,
    PERSONS,
    Q1_2018,
    SEPT_2018,
    assessments_by_applicant,
    extrapolation_error,
    fill_rate,
    latest_working,
    unweighted_total_share,
    value,
    working_growth,
    working_vs_advised,
)
from .writer import Writer

PREFIX = "bw_"


def national_paragraphs(chapter) -> dict[str, str]:
    """Return every paragraph of the national edition, keyed by topic."""
    w = Writer(chapter)
    figures = chapter.figures
    revised = chapter.revisions()
    kinds = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == END_2016), "kind"]
    return {
        "advices": paragraphs.advices(w),
        "extrapolations": paragraphs.extrapolations(w),
        "applicants": paragraphs.applicants(w),
        "shares": paragraphs.shares(w),
        "shares_context": paragraphs.shares_context(w),
        "total_share": paragraphs.total_share(w, unweighted_total_share(figures)),
        "months": paragraphs.months(w),
        "working": paragraphs.working(w),
        "share_working": paragraphs.share_working(w),
        "gap": paragraphs.gap(w),
        "counts_2016": paragraphs.counts_2016(w, kinds),
        "regeling": policy.regeling(w),
        "projection": policy.projection(w),
        "level": policy.level(w),
        "fill": policy.fill(w),
        "money": policy.money(w),
        "inspectie": policy.inspectie(w),
        "information": policy.information(w),
        "praktijkroute": policy.praktijkroute(w),
        "differences": policy.differences(w),
        "finding": policy.finding(w),
    }


def numbers(chapter) -> dict[str, str]:
    """Return the single figures as Dutch text (printed figures with unit and hedge; ours rounded as printed)."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # noqa: E731 - a local shorthand
    pct = lambda x, d=0: formatting.value_text(x, "procent", d)  # noqa: E731
    rates = fill_rate(figures).set_index("measure")["fill_rate"]
    shares = working_vs_advised(figures).drop_duplicates("date", keep="last").set_index("date")["share_working"]
    table = assessments_by_applicant(figures).set_index(["category", "period"])
    latest = latest_working(figures)
    return {
        "bw_adv_2015": t("positive_advices", "2015"),
        "bw_adv_2016": t("positive_advices", "2016", source_id=JUNE_2018),
        "bw_adv_2017": t("positive_advices", "2017", source_id=JUNE_2018),
        "bw_adv_q1_2018": t("positive_advices", Q1_2018),
        "bw_adv_extrap_2017": t("positive_advices", "2017", source_id=JUNE_2017),
        "bw_adv_extrap_2018": t("positive_advices", "2018"),
        "bw_adv_extrap_cum_2018": t("positive_advices_cumulative", END_2018),
        "bw_adv_extrap_error": pct(extrapolation_error(figures)),
        "bw_cum_2017": t("positive_advices_cumulative", END_2017),
        "bw_cum_q1_2018": t("positive_advices_cumulative", MARCH_2018),
        "bw_req_burger_2017": t("advice_requests", "2017", category="burger"),
        "bw_req_gemeente_2017": t("advice_requests", "2017", category="gemeente"),
        "bw_assess_total": t("assessments", JAN_MAY_2017, category="totaal"),
        "bw_assess_burger": t("assessments", JAN_MAY_2017, category="burger"),
        "bw_assess_2016": t("assessments", "2016", category="gemeente"),
        "bw_pos_total": t("positive_advices", JAN_MAY_2017, category="totaal"),
        "bw_pos_burger": t("positive_advices", JAN_MAY_2017, category="burger"),
        "bw_share_gemeente": t("share_positive_advices", JAN_MAY_2017, category="gemeente"),
        "bw_share_burger": t("share_positive_advices", JAN_MAY_2017, category="burger"),
        "bw_share_total_printed": t("share_positive_advices", JAN_MAY_2017, category="totaal"),
        "bw_share_total_weighted": pct(table.loc[("totaal", JAN_MAY_2017), "share_recomputed"]),
        "bw_share_total_unweighted": pct(unweighted_total_share(figures)),
        "bw_burger_jan": t("assessments", "2017-01", category="burger"),
        "bw_burger_may": t("assessments", "2017-05", category="burger"),
        "bw_work_2016_april": t("working_sheltered_workplace", END_2016, source_id=APRIL_2017),
        "bw_work_2016_later": t("working_sheltered_workplace", END_2016, source_id=JUNE_2018),
        "bw_work_2017": t("working_sheltered_workplace", END_2017, source_id=JUNE_2018),
        "bw_work_q1_2018": t("working_sheltered_workplace", MARCH_2018, source_id=SEPT_2018),
        "bw_work_latest": formatting.row_text(latest),
        "bw_work_latest_period": formatting.period_label(latest["period"]),
        "bw_growth_printed": t("working_sheltered_workplace_growth", Q1_2018),
        "bw_growth_recomputed": pct(working_growth(figures)),
        "bw_share_working_2017": pct(shares[END_2017]),
        "bw_share_working_printed": t("share_advised_working", END_2017),
        "bw_share_working_q1_2018": pct(shares[MARCH_2018]),
        "bw_share_working_2016": pct(shares[END_2016]),
        "bw_placement_months": t("placement_time_after_advice", "2018"),
        "bw_regeling_2017": t("regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018),
        "bw_regeling_2018": t("regeling_sheltered_workplaces", END_2018, source_id=JUNE_2018),
        "bw_projection_2050": t("projected_sheltered_workplaces", "2050"),
        "bw_financed_2048": t("financed_sheltered_workplaces", "2048/.."),
        "bw_claim_50000": formatting.number(value(figures, "claimed_sheltered_workplaces", "2018-04-04")),
        "bw_fill_persons": pct(rates[PERSONS]),
        "bw_fill_hours": pct(rates[HOURS]),
        "bw_fill_printed": t("regeling_fill_rate", END_2017),
        "bw_hours_assumed": t("assumed_hours_per_place", "2017/.."),
        "bw_hours_worked": t("average_hours_worked", "2017"),
        "bw_bonus_available": t("bonus_available", "2015/2016"),
        "bw_bonus_paid": t("bonus_paid", "2015/2016"),
        "bw_bonus_retained": t("bonus_retained", "2015/2016"),
        "bw_stimulus": t("stimulus_budget", "2016/2020"),
        "bw_not_offering_2015": t("share_gemeenten_not_offering", "2015"),
        "bw_not_offering_2016": t("share_gemeenten_not_offering", "2016"),
    }


def key_figures(chapter) -> dict[str, str]:
    """Return every text the chapter's prose glues in: single figures, paragraphs `bw_p_…` and `bw_finding`."""
    texts = municipal.paragraphs(chapter) if chapter.municipal else national_paragraphs(chapter)
    finding = texts.pop("finding")
    return numbers(chapter) | {f"{PREFIX}p_{topic}": text for topic, text in texts.items()} | {f"{PREFIX}finding": finding}
