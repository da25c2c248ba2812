"""Banenafspraak: voortgang en duurzaamheid van de banen: what the chapter's text needs, as named facts (no words).

A name without prefix is the edition's own figure (in a municipal edition the municipality's, citing no letter);
a name starting with `national_` is the letters' national figure, cited in every edition. Figures that are no
municipal quantity (European countries, a calculator, an ICT project, a national campaign) are the letters' always.
"""

from __future__ import annotations

import dataclasses

from ...figures import lookup as fig
from ...figures.facts import collect
from ...figures.revisions import revisions
from . import analysis
from .analysis import END_2016, END_2017, JUNE_2017, JUNE_2018, Q3_2015, Q3_2016, Q4_2016, Q4_2017, SEPT_2018, STUDY

GROUP = "municipal_target_group_working"


def facts(chapter) -> dict:
    """Return the facts of the chapter's text by name (see the module docstring for own and national figures)."""
    return collect(chapter, _letters_and_dates, _target, _progress, _municipal_group, _support, _study, _contracts, _other)


def _letters_and_dates(chapter) -> dict:
    # The letters by role, the dates of the policy the background names, and the letters the text draws on.
    letter = chapter.national_finder.letter
    # The letters (oldest first) whose figures the data hold, dated up to the letter the text was written from.
    dated = chapter.national.loc[chapter.national["source_date"].astype(str) <= chapter.theme.text_until]
    drawn = dated.sort_values("source_date", kind="stable")["source_id"].drop_duplicates().tolist()
    months = [str(letter(source_id).date)[:7] for source_id in drawn]
    return {
        "letter_april_2017": letter(analysis.APRIL_2017),
        "letter_june_2017": letter(JUNE_2017),
        "letter_june_2018": letter(JUNE_2018),
        "letter_september_2018": letter(SEPT_2018),
        # Dates the background names, as the letters print them.
        "agreement": analysis.AGREEMENT,
        "law_in_force": "2015",  # "Vanaf 2015" Participatiewet and Wet banenafspraak set the frame (ek-34775-ak p. 2)
        "rising_until": "2026",  # "oplopend tot 2026" (tk-29817-145 p. 2)
        "deadline": analysis.DEADLINE,
        "year_2016": END_2016[:4],
        "year_2017": END_2017[:4],
        "q4_2016": Q4_2016,
        "study_start": Q3_2015,
        "study_end": Q3_2016,
        # UWV's quarterly factsheets since November 2016 and the study repeated in spring 2018 (ek-33981-n p. 19).
        "factsheets_since": "2016-11",
        "study_repeated": "2018",
        # The letter of 2 July 2018 (Kamerstukken II, 34 352, nr. 113, not one of the book's letters) that sent the
        # drie-meting to the Tweede Kamer, as ek-34775-ak p. 2 names it.
        "drie_meting_letter": "2018-07-02",
        # The Inspectie SZW's report of October 2016 on the new target group (tk-34352-56 p. 2, footnote 1), and its
        # finding of 2016 on limits to the jobcoach (ek-33981-n p. 6).
        "inspectie_report": "2016-10",
        "inspectie_finding": "2016",
        "text_letter_count": len(drawn),
        "text_letters_from": months[0] if months else None,
        "text_letters_until": months[-1] if months else None,
    }


def _target(chapter) -> dict:
    # The final target and its split (June 2018), the target and count of end 2016, the count of end 2017.
    own, national = chapter.finder, chapter.national_finder
    goal = analysis.final_target(chapter.national)["period"]
    found = {
        f"target_{name}": own.figure("extra_jobs_target", goal, category=sector, source_id=JUNE_2018)
        for name, sector in {"total": "totaal", "market": "markt", "government": "overheid"}.items()
    }
    found["national_target_total"] = national.figure("extra_jobs_target", goal, category="totaal", source_id=JUNE_2018)
    changed = revisions(fig.select(chapter.figures, "extra_jobs_realised", category="totaal", period=END_2016))
    return found | {
        "target_2016": own.figure("extra_jobs_target", END_2016, category="totaal"),
        "national_target_2016": national.figure("extra_jobs_target", END_2016, category="totaal"),
        "realised_2016": own.of(analysis.exact_realisation(chapter.figures, END_2016)),
        "national_realised_2016": national.of(analysis.exact_realisation(chapter.national, END_2016)),
        "realised_2016_early": own.figure("extra_jobs_realised", END_2016, category="totaal", source_id=JUNE_2017),
        "realised_2016_revision": None if changed.empty else str(changed["kind"].iloc[0]),
        "realised_2017": own.figure("extra_jobs_realised", END_2017, category="totaal"),
        "national_realised_2017": national.figure("extra_jobs_realised", END_2017, category="totaal", source_id=SEPT_2018),
    }


def _progress(chapter) -> dict:
    # The latest state in the data, the pace to the deadline and the pace realised before (our computations).
    own = chapter.finder
    now = analysis.progress(chapter.figures)
    national = analysis.progress(chapter.national)
    return {
        "jobs_latest": own.of(analysis.latest_realisation(chapter.figures)),
        "jobs_goal": own.of(analysis.final_target(chapter.figures)),
        "jobs_share_of_goal": now["share_of_goal"],
        "jobs_to_create": now["to_create"],
        "jobs_years": now["years"],
        "jobs_per_year": now["per_year"],
        "jobs_per_year_rounded": analysis.rounded(now["per_year"]),
        "jobs_target_latest": own.of(analysis.target_at(chapter.figures, now["period"])),
        "jobs_previous": own.of(analysis.previous_realisation(chapter.figures)),
        "jobs_change": now["realised_change"],
        "jobs_change_years": now["realised_years"],
        "jobs_change_per_year": now["realised_per_year"],
        "jobs_counts_from_two_letters": now["previous_source_id"] != now["source_id"],
        "national_jobs_latest": chapter.national_finder.of(analysis.latest_realisation(chapter.national)),
        "national_jobs_share_of_goal": national["share_of_goal"],
        "intermediate_targets": analysis.intermediate_targets(chapter.national),
    }


def _municipal_group(chapter) -> dict:
    # The gemeentelijke doelgroep at work: the printed Q4 2017, the derived Q4 2016, a later quarter if any.
    own = chapter.finder
    group = analysis.municipal_target_group(chapter.figures).set_index("period")
    level, last = group.loc[Q4_2017], group.index[-1]
    return {
        "group_q4_2017": own.figure(GROUP, Q4_2017, source_id=level["source_id"]),
        "group_q4_2016": group.loc[Q4_2016, "working"],
        "group_factor": analysis.municipal_factor(chapter.figures),
        "group_latest": None if last == Q4_2017 else own.figure(GROUP, last, source_id=group.loc[last, "source_id"]),
        "national_group_q4_2017": chapter.national_finder.figure(GROUP, Q4_2017),
        "register": own.figure("target_group_register_persons", analysis.REGISTER_DATE, category="gemeente"),
    }


def _support(chapter) -> dict:
    # Re-integration provisions (their change is ours), wage subsidy or jobcoach, provisions below the minimum wage.
    own, national = chapter.finder, chapter.national_finder
    change = analysis.reintegration_change(chapter.figures)
    return {
        "provisions_first": own.figure("reintegration_provisions", change["start"]),
        "provisions_last": own.figure("reintegration_provisions", change["end"]),
        "provisions_change": change["increase"],
        "provisions_change_pct": change["increase_pct"],
        "national_provisions_first": national.figure("reintegration_provisions", change["start"]),
        "national_provisions_last": national.figure("reintegration_provisions", change["end"]),
        "wage_subsidy": own.figure("persons_wage_subsidy_or_jobcoach", END_2016),
        "below_minimum_wage": own.figure("persons_provision_below_minimum_wage", "2017-11"),
        "wajong_without_support": own.figure("wajong_working_without_support_share", "2015"),
    }


def _study(chapter) -> dict:
    # The UWV study: who worked a year later, and by background (with the highest and the lowest share).
    own, national = chapter.finder, chapter.national_finder
    shares = analysis.retention_by_background(chapter.figures)
    groups = shares.loc[shares["category"] != "totaal"].set_index("category")["share"]
    top, bottom = groups.max(), groups.min()
    ordered = top > bottom and (groups == top).sum() == 1 and (groups == bottom).sum() == 1
    retention = "working_after_one_year_share"
    base, working = own.figure("register_persons_working", Q3_2015), own.figure(retention, STUDY, category="totaal")
    # The people the share still or again at work stands for: share × the circa 80.000 (as rough as both). lookup.value
    # names a missing figure in its error.
    persons = fig.value(chapter.figures, retention, STUDY, category="totaal") / 100
    persons *= fig.value(chapter.figures, "register_persons_working", Q3_2015)
    return {
        "study_base": base,
        "national_study_base": national.figure("register_persons_working", Q3_2015),
        "study_working": working,
        "national_study_working": national.figure(retention, STUDY, category="totaal"),
        "study_working_throughout": own.figure("working_all_measurements_share", STUDY, category="totaal"),
        "study_not_working": own.figure("not_working_after_one_year_share", STUDY, category="totaal"),
        "study_persons_working": analysis.rounded(persons, 2),
        "retention_highest": groups.idxmax() if ordered else None,
        "retention_lowest": groups.idxmin() if ordered else None,
    } | {f"retention_{c}": own.figure(retention, STUDY, category=c) for c in analysis.BACKGROUNDS if c != "totaal"}


def _contracts(chapter) -> dict:
    # Permanent contracts: the share of the hours (its change in points is ours) and of Wajong persons; Wajong starters.
    own, national = chapter.finder, chapter.national_finder
    hours, persons = "hours_permanent_contract_share", "permanent_contract_share_persons"
    first, second = own.figure(hours, Q3_2015), own.figure(hours, Q3_2016)
    return {
        "hours_2015": first,
        "hours_2016": second,
        "hours_change": second.value - first.value,
        "national_hours_2015": national.figure(hours, Q3_2015),
        "national_hours_2016": national.figure(hours, Q3_2016),
        "wajong_permanent_2015": own.figure(persons, Q3_2015, category="wajong"),
        "wajong_permanent_2016": own.figure(persons, Q3_2016, category="wajong"),
        "starters_temporary": own.figure("starters_temporary_contract_share", "2014", category="wajong"),
    }


def _other(chapter) -> dict:
    # The letters' other figures (the same in every edition): quota countries, the calculator, the ICT project, the
    # MKB campaign. The calculator's benefit and the ICT costs are given without their hedge: the sentence says
    # "kan oplopen tot" and "overschrijdt de grens van".
    national = chapter.national_finder
    year, campaign, month = "2017", "2017-01/2017-06", "2017-04"  # as the data record them
    benefit = national.figure("employer_calculator_max_annual_benefit", year)
    ict = national.figure("quota_levy_ict_project_costs", year)
    views = national.figure("mkb_campaign_linkedin_page_views", month)
    usual = "mkb_campaign_linkedin_page_views_normal"
    low, high = (national.figure(usual, month, category=bound) for bound in ("ondergrens", "bovengrens"))
    return {
        "quota_countries": national.figure("eu_countries_with_quota_system", "2017-06-30"),
        "calculator_steps": national.figure("employer_calculator_steps", "2017-05-15"),
        "calculator_benefit_limit": dataclasses.replace(benefit, qualifier=None),
        "ict_cost_threshold": dataclasses.replace(ict, qualifier=None),
        "campaign_branches": national.figure("mkb_campaign_branches", campaign),
        "campaign_employer_size": national.figure("mkb_employer_size_threshold", campaign),
        "campaign_impressions": national.figure("mkb_campaign_linkedin_impressions", campaign),
        "campaign_views": views,
        "campaign_views_usual_low": low,
        "campaign_views_usual_high": high,
        # The page views as a multiple of the usual range: against its upper bound (low) and its lower bound (high).
        "campaign_ratio_low": fig.ratio(views.value, high.value),
        "campaign_ratio_high": fig.ratio(views.value, low.value),
    }
