"""Banenafspraak: banen en hoe lang ze duren: the analyses in pure pandas (figures in, frames out, no display text).

Periods are ISO 8601 text, letters their source ids, kinds, series and outcomes English codes; the
Dutch words for them are the presentation's.
"""

from __future__ import annotations

import pandas as pd

from ...data import periods
from ...figures import lookup as fig

# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
END_2016, END_2017 = "2016-12-31", "2017-12-31"
# The deadline of the 125.000 jobs: the data record it as end 2025 (ek-33981-n p. 16 says "eind 2025";
# tk-29817-145 p. 2 says "oplopend tot 2026", which reads as end 2025 when "tot" excludes 2026). Read
# inclusively ("tot en met 2026") the June 2018 letter puts it a year later; the book shows both readings.
DEADLINE = "2025-12-31"
DEADLINE_INCLUSIVE = "2026-12-31"
Q3_2015, Q3_2016, Q4_2016, Q4_2017 = "2015-07/2015-09", "2016-07/2016-09", "2016-10/2016-12", "2017-10/2017-12"
STUDY = "2015-07/2016-09"  # the UWV study follows people from Q3 2015 to Q3 2016
CHANGE_Q4 = "2016-10/2017-12"  # the printed increase of the gemeentelijke doelgroep, Q4 2016 to Q4 2017
# Backgrounds of the people in the register (the data's categories), in the chapter's order.
BACKGROUNDS = ("wsw", "wajong", "participatiewet", "totaal")
# Kinds of a value: printed in a letter, computed by the book, or the book's reading of a letter.
PRINTED, COMPUTED, READING = "printed", "computed", "reading"
# Series of the jobs path; readings of the deadline in the pace table.
REALISED, TARGET, TARGET_INCLUSIVE, PATH = "realised", "target", "target_inclusive", "path"
EXCLUSIVE, INCLUSIVE, REALISED_PACE = "exclusive", "inclusive", "realised_pace"
# What became of the people at work in Q3 2015 a year later.
WORKING, WORKING_ALL_MEASUREMENTS, NOT_WORKING, UNEXPLAINED = (
    "working",
    "working_all_measurements",
    "not_working",
    "unexplained",
)
# The shares on a permanent contract: of everyone's hours, of Wajong persons.
HOURS_ALL, PERSONS_WAJONG = "hours_all", "persons_wajong"
SUPPORT_INDICATORS = (
    "reintegration_provisions",
    "persons_provision_below_minimum_wage",
    "persons_wage_subsidy_or_jobcoach",
    "wajong_working_without_support_share",
    "target_group_register_persons",
)
OTHER_INDICATORS = (
    "eu_countries_with_quota_system",
    "employer_calculator_steps",
    "employer_calculator_max_annual_benefit",
    "quota_levy_ict_project_costs",
    "mkb_employer_size_threshold",
    "mkb_campaign_branches",
    "mkb_campaign_linkedin_impressions",
    "mkb_campaign_linkedin_page_views",
    "mkb_campaign_linkedin_page_views_normal",
)


def value(
    figures: pd.DataFrame, indicator: str, period: str, category: str | None = None, source_id: str | None = None
) -> float:
    """Return the value the letters print for an indicator and period (category and letter where they matter)."""
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _years_between(start: str, end: str) -> float:
    first, last = periods.parse(start).sort_date, periods.parse(end).sort_date
    return (last.year - first.year) + (last.month - first.month) / 12


def realised_vs_target(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs realised at end 2016, per letter, against that year's target: surplus and ratio.

    Columns: period, realised, qualifier, target, difference, share_of_target (percent), source_id,
    page; the latest letter first.
    """
    target = value(figures, "extra_jobs_target", END_2016, "totaal")
    rows = fig.select(figures, "extra_jobs_realised", period=END_2016).sort_values("source_date", ascending=False)
    return pd.DataFrame(
        {
            "period": rows["period"],
            "realised": rows["value"],
            "qualifier": rows["qualifier"],
            "target": target,
            "difference": rows["value"] - target,
            "share_of_target": fig.ratio(100 * rows["value"], target),
            "source_id": rows["source_id"],
            "page": rows["page"],
        }
    ).reset_index(drop=True)


def latest_realisation(figures: pd.DataFrame) -> pd.Series:
    """Return the figure row of the most recent printed count of extra jobs (latest date, then latest letter)."""
    rows = fig.select(figures, "extra_jobs_realised", category="totaal")
    return rows.sort_values(["period_end", "source_date"]).iloc[-1]


def share_of_target(figures: pd.DataFrame) -> float:
    """Return the latest count of extra jobs as a percentage of the 125.000 jobs of the deadline."""
    return fig.ratio(100 * latest_realisation(figures)["value"], value(figures, "extra_jobs_target", DEADLINE, "totaal"))


def required_pace(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the yearly pace needed from the latest count to 125.000 jobs, for both deadline readings.

    Columns: reading (EXCLUSIVE, INCLUSIVE, REALISED_PACE), start, end (ISO dates), level (jobs at the
    start), goal (jobs at the end), to_create, years, per_year. Linear: the jobs still to be created
    divided by the years left. The pace realised in 2017 (end 2017 minus end 2016, two letters) is the
    last row; all of it is the book's computation.
    """
    latest = latest_realisation(figures)
    target = float(fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal")["value"])
    rows = []
    for reading, deadline in ((EXCLUSIVE, DEADLINE), (INCLUSIVE, DEADLINE_INCLUSIVE)):
        years = _years_between(latest["period"], deadline)
        rows.append(
            {
                "reading": reading,
                "start": latest["period"],
                "end": deadline,
                "level": latest["value"],
                "goal": target,
                "to_create": target - latest["value"],
                "years": years,
                "per_year": fig.ratio(target - latest["value"], years),
            }
        )
    start = value(figures, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018)
    years = _years_between(END_2016, latest["period"])
    rows.append(
        {
            "reading": REALISED_PACE,
            "start": END_2016,
            "end": latest["period"],
            "level": start,
            "goal": latest["value"],
            "to_create": latest["value"] - start,
            "years": years,
            "per_year": fig.ratio(latest["value"] - start, years),
        }
    )
    return pd.DataFrame(rows)


def jobs_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs over time: counts realised, targets, and the book's linear paths to 125.000.

    Columns: date, series (REALISED, TARGET, TARGET_INCLUSIVE, PATH), path_to (the deadline a PATH
    row leads to), count, kind (PRINTED, COMPUTED, READING), source_ids (the letters that print the
    value, oldest first; none for the book's paths). Hedged counts ("ruim 22.000") are left out.
    """
    realised = fig.select(figures, "extra_jobs_realised", category="totaal")
    realised = realised.loc[realised["qualifier"].isna()].sort_values("period_end")  # exact counts only
    targets = (
        fig.select(figures, "extra_jobs_target", category="totaal")
        .sort_values("source_date")
        .groupby(["period", "value"], as_index=False)
        .agg(source_ids=("source_id", tuple))
        .sort_values("period")
    )
    rows = [
        {
            "date": r["period"],
            "series": REALISED,
            "path_to": None,
            "count": r["value"],
            "kind": PRINTED,
            "source_ids": (r["source_id"],),
        }
        for _, r in realised.iterrows()
    ] + [
        {
            "date": r["period"],
            "series": TARGET,
            "path_to": None,
            "count": r["value"],
            "kind": PRINTED,
            "source_ids": r["source_ids"],
        }
        for _, r in targets.iterrows()
    ]
    latest = latest_realisation(figures)
    june_2018 = fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal", source_id=JUNE_2018)
    for _, pace in required_pace(figures).iloc[:2].iterrows():
        if pace["end"] == DEADLINE_INCLUSIVE:
            rows.append(
                {
                    "date": DEADLINE_INCLUSIVE,
                    "series": TARGET_INCLUSIVE,
                    "path_to": None,
                    "count": pace["goal"],
                    "kind": READING,
                    "source_ids": (june_2018["source_id"],),
                }
            )
        rows += [
            {
                "date": latest["period"],
                "series": PATH,
                "path_to": pace["end"],
                "count": latest["value"],
                "kind": COMPUTED,
                "source_ids": (),
            },
            {
                "date": pace["end"],
                "series": PATH,
                "path_to": pace["end"],
                "count": pace["goal"],
                "kind": COMPUTED,
                "source_ids": (),
            },
        ]
    return pd.DataFrame(rows)


def municipal_target_group(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the people of the gemeentelijke doelgroep at work in Q4 2016 (derived) and Q4 2017 (printed).

    Columns: period, working, kind (COMPUTED, PRINTED), level and change (the printed figures the
    computed row is the difference of). The June 2018 letter prints the Q4 2017 level and the increase
    since Q4 2016, not the Q4 2016 level itself; the book derives it as the difference.
    """
    level = value(figures, "municipal_target_group_working", Q4_2017)
    change = value(figures, "municipal_target_group_working_change", CHANGE_Q4)
    return pd.DataFrame(
        [
            {"period": Q4_2016, "working": level - change, "kind": COMPUTED, "level": level, "change": change},
            {"period": Q4_2017, "working": level, "kind": PRINTED, "level": None, "change": None},
        ]
    )


def municipal_growth(figures: pd.DataFrame) -> float:
    """Return the growth of the gemeentelijke doelgroep at work from Q4 2016 to Q4 2017, in percent (derived base)."""
    frame = municipal_target_group(figures)
    return 100 * (fig.ratio(frame["working"].iloc[1], frame["working"].iloc[0]) - 1)


def reintegration_change(figures: pd.DataFrame) -> pd.Series:
    """Return the re-integration provisions at the first and last date given, with the change the book computes.

    Fields: start, end (ISO), first, last, increase, increase_pct (percent).
    """
    rows = fig.select(figures, "reintegration_provisions").sort_values("period_end")
    first, last = rows.iloc[0], rows.iloc[-1]
    return pd.Series(
        {
            "start": first["period"],
            "end": last["period"],
            "first": first["value"],
            "last": last["value"],
            "increase": last["value"] - first["value"],
            "increase_pct": 100 * (fig.ratio(last["value"], first["value"]) - 1),
        }
    )


def retention_by_background(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of people working in Q3 2015 who (still or again) worked a year later, by background.

    Columns: category (in the order of BACKGROUNDS), share (percent), qualifier, page.
    """
    rows = fig.select(figures, "working_after_one_year_share", period=STUDY)
    return (
        rows.assign(order=rows["category"].map(BACKGROUNDS.index))
        .sort_values("order")[["category", "value", "qualifier", "page"]]
        .rename(columns={"value": "share"})
        .reset_index(drop=True)
    )


def retention_outcomes(figures: pd.DataFrame) -> pd.DataFrame:
    """Return what became of everyone working in Q3 2015 a year later, with the people each share stands for.

    Columns: outcome (WORKING, WORKING_ALL_MEASUREMENTS, NOT_WORKING, UNEXPLAINED), share (percent),
    qualifier, kind (PRINTED, COMPUTED), page, base, persons.
    The base is the circa 80.000 people of the register at work in Q3 2015. The shares working and not
    working should add up to 100; the rest is what the letter leaves unexplained, computed by the book.
    People per share: share × base, as rough as the circa of the base.
    """
    base = value(figures, "register_persons_working", Q3_2015)
    printed = {
        WORKING: fig.row(figures, "working_after_one_year_share", STUDY, category="totaal"),
        WORKING_ALL_MEASUREMENTS: fig.row(figures, "working_all_measurements_share", STUDY, category="totaal"),
        NOT_WORKING: fig.row(figures, "not_working_after_one_year_share", STUDY, category="totaal"),
    }
    rows = [
        {
            "outcome": outcome,
            "share": r["value"],
            "qualifier": r["qualifier"] if isinstance(r["qualifier"], str) else None,
            "kind": PRINTED,
            "page": r["page"],
        }
        for outcome, r in printed.items()
    ]
    rest = 100 - printed[WORKING]["value"] - printed[NOT_WORKING]["value"]
    rows.append({"outcome": UNEXPLAINED, "share": rest, "qualifier": None, "kind": COMPUTED, "page": pd.NA})
    frame = pd.DataFrame(rows)
    return frame.assign(base=base, persons=frame["share"] / 100 * base)


def share_not_working_implied(figures: pd.DataFrame) -> float:
    """Return 100 minus the share working after a year: the share not working if no one else were left over."""
    return 100 - value(figures, "working_after_one_year_share", STUDY, "totaal")


def contracts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares on a permanent contract: of the hours of everyone in the register, and of Wajong persons.

    Columns: measure (HOURS_ALL, PERSONS_WAJONG), period, share_permanent (percent), qualifier, page.
    """
    hours = fig.select(figures, "hours_permanent_contract_share").assign(measure=HOURS_ALL)
    persons = fig.select(figures, "permanent_contract_share_persons", category="wajong").assign(measure=PERSONS_WAJONG)
    return (
        pd.concat([hours, persons])[["measure", "period", "value", "qualifier", "page"]]
        .rename(columns={"value": "share_permanent"})
        .reset_index(drop=True)
    )


def support(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures on support by gemeenten (provisions, wage subsidy, jobcoach) as printed (figure rows)."""
    return pd.concat([fig.select(figures, indicator) for indicator in SUPPORT_INDICATORS])


def other_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the letters' remaining figures (EU quota, calculator, ICT costs, MKB campaign) as printed (figure rows)."""
    return pd.concat([fig.select(figures, indicator) for indicator in OTHER_INDICATORS])


def page_view_ratio(figures: pd.DataFrame) -> tuple[float, float]:
    """Return the April 2017 LinkedIn page views as a multiple of the usual range (upper, lower bound)."""
    views = value(figures, "mkb_campaign_linkedin_page_views", "2017-04")
    low = value(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "ondergrens")
    high = value(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "bovengrens")
    return fig.ratio(views, high), fig.ratio(views, low)
