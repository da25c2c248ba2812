"""Banenafspraak: banen en hoe lang ze duren: the texts the chapter's prose glues in."""

from __future__ import annotations

from ...presentation import formatting
from .analysis import (
    CHANGE_Q4,
    COMPUTED,
    DEADLINE,
    DEADLINE_INCLUSIVE,
    END_2016,
    END_2017,
    EXCLUSIVE,
    INCLUSIVE,
    JUNE_2017,
    JUNE_2018,
    NOT_WORKING,
    Q3_2015,
    Q3_2016,
    Q4_2017,
    REALISED_PACE,
    STUDY,
    UNEXPLAINED,
    WORKING,
    WORKING_ALL_MEASUREMENTS,
    municipal_growth,
    municipal_target_group,
    page_view_ratio,
    realised_vs_target,
    reintegration_change,
    required_pace,
    retention_outcomes,
    share_not_working_implied,
    share_of_target,
)


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    figures = chapter.figures
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # noqa: E731 - a local shorthand
    n = formatting.number
    pct = lambda x, d=1: formatting.value_text(x, "procent", d)  # noqa: E731
    vs = realised_vs_target(figures).set_index("source_id")
    pace = required_pace(figures).set_index("reading")
    outcome = retention_outcomes(figures).set_index("outcome")
    municipal = municipal_target_group(figures).set_index("kind")
    reint = reintegration_change(figures)
    low_ratio, high_ratio = page_view_ratio(figures)
    circa = lambda x: formatting.value_text(x, "personen", 0, "circa")  # noqa: E731
    return {
        "ba_target_total": t("extra_jobs_target", DEADLINE, category="totaal"),
        "ba_target_market": t("extra_jobs_target", DEADLINE, category="markt"),
        "ba_target_government": t("extra_jobs_target", DEADLINE, category="overheid"),
        "ba_deadline": formatting.period_label(DEADLINE),
        "ba_deadline_inclusive": formatting.period_label(DEADLINE_INCLUSIVE),
        "ba_target_2016": t("extra_jobs_target", END_2016, category="totaal"),
        "ba_real_2016": t("extra_jobs_realised", END_2016, category="totaal", source_id=JUNE_2018),
        "ba_real_2016_early": t("extra_jobs_realised", END_2016, category="totaal", source_id=JUNE_2017),
        "ba_real_2017": t("extra_jobs_realised", END_2017, category="totaal"),
        "ba_surplus_2016": n(vs.loc[JUNE_2018, "difference"]),
        "ba_ratio_2016": pct(vs.loc[JUNE_2018, "share_of_target"]),
        "ba_share_of_target_latest": pct(share_of_target(figures)),
        "ba_remaining": n(pace.loc[EXCLUSIVE, "to_create"]),
        "ba_years_deadline": n(pace.loc[EXCLUSIVE, "years"]),
        "ba_years_inclusive": n(pace.loc[INCLUSIVE, "years"]),
        "ba_pace_deadline": n(pace.loc[EXCLUSIVE, "per_year"], 0),
        "ba_pace_inclusive": n(pace.loc[INCLUSIVE, "per_year"], 0),
        "ba_pace_realised": n(pace.loc[REALISED_PACE, "per_year"], 0),
        "ba_mun_q4_2017": t("municipal_target_group_working", Q4_2017),
        "ba_mun_change": t("municipal_target_group_working_change", CHANGE_Q4),
        "ba_mun_q4_2016": n(municipal.loc[COMPUTED, "working"]),
        "ba_mun_growth": pct(municipal_growth(figures), 0),
        "ba_register_municipal": t("target_group_register_persons", "2018-06-15", category="gemeente"),
        "ba_reint_2015": t("reintegration_provisions", "2015-01-01"),
        "ba_reint_2017": t("reintegration_provisions", END_2017),
        "ba_reint_change": n(reint["increase"]),
        "ba_reint_change_pct": pct(reint["increase_pct"]),
        "ba_below_wml": t("persons_provision_below_minimum_wage", "2017-11"),
        "ba_lks_jobcoach": t("persons_wage_subsidy_or_jobcoach", END_2016),
        "ba_wajong_no_support": t("wajong_working_without_support_share", "2015"),
        "ba_base": t("register_persons_working", Q3_2015),
        "ba_working": t("working_after_one_year_share", STUDY, category="totaal"),
        "ba_all_points": t("working_all_measurements_share", STUDY, category="totaal"),
        "ba_not_working": t("not_working_after_one_year_share", STUDY, category="totaal"),
        "ba_complement": pct(share_not_working_implied(figures), 0),
        "ba_gap": formatting.value_text(outcome.loc[UNEXPLAINED, "share"], "procentpunt"),
        "ba_persons_working": circa(outcome.loc[WORKING, "persons"]),
        "ba_persons_all_points": circa(outcome.loc[WORKING_ALL_MEASUREMENTS, "persons"]),
        "ba_persons_not_working": circa(outcome.loc[NOT_WORKING, "persons"]),
        "ba_persons_gap": circa(outcome.loc[UNEXPLAINED, "persons"]),
        "ba_wsw": t("working_after_one_year_share", STUDY, category="wsw"),
        "ba_wajong": t("working_after_one_year_share", STUDY, category="wajong"),
        "ba_pw": t("working_after_one_year_share", STUDY, category="participatiewet"),
        "ba_hours_2015": t("hours_permanent_contract_share", Q3_2015),
        "ba_hours_2016": t("hours_permanent_contract_share", Q3_2016),
        "ba_wajong_permanent": t("permanent_contract_share_persons", Q3_2015, category="wajong"),
        "ba_wajong_starters_temporary": t("starters_temporary_contract_share", "2014", category="wajong"),
        "ba_eu": t("eu_countries_with_quota_system", "2017-06-30"),
        "ba_calc_steps": t("employer_calculator_steps", "2017-05-15"),
        "ba_calc_max": t("employer_calculator_max_annual_benefit", "2017"),
        "ba_ict": t("quota_levy_ict_project_costs", "2017/.."),
        "ba_mkb_size": t("mkb_employer_size_threshold", "2017-01/2017-06"),
        "ba_mkb_branches": t("mkb_campaign_branches", "2017-01/2017-06"),
        "ba_views": t("mkb_campaign_linkedin_page_views", "2017-04"),
        "ba_views_ratio_low": n(low_ratio, 1),
        "ba_views_ratio_high": n(high_ratio, 1),
    }
