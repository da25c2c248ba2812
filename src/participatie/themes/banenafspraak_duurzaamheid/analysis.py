"""Banenafspraak: voortgang en duurzaamheid van de banen: the analyses in pure pandas (figures in, frames out, no
display text).

Periods are ISO 8601 text, letters their source ids, kinds, series and outcomes English codes; the
Dutch words for them are the presentation's. Every statement about "the latest" count follows the data:
it is computed from the latest period present (`figures.lookup.latest`), so an edition on later letters
says what those letters print.
"""

from __future__ import annotations

import math

import pandas as pd

from ...data import periods
from ...figures import lookup as fig

# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
END_2016, END_2017 = "2016-12-31", "2017-12-31"
# The deadline of the 125.000 jobs as the data record it: "eind 2025" (ek-33981-n p. 16). The June 2018
# letter says the number rises "tot 2026" (tk-29817-145 p. 2), which the chapter reads as the same end point;
# no letter speaks of end 2026, so the chapter draws no second deadline.
DEADLINE = "2025-12-31"
# Dates of the policy that the chapter's background names, as the letters print them:
AGREEMENT = "2013-04"  # the sociaal akkoord of April 2013 (ek-33981-n p. 16; tk-29817-145 p. 2: "van 2013")
LAW_IN_FORCE = "2015"  # "Vanaf 2015" Participatiewet and Wet banenafspraak set the frame (ek-34775-ak p. 2)
RISING_UNTIL = "2026"  # "oplopend tot 2026" (tk-29817-145 p. 2)
Q3_2015, Q3_2016, Q4_2016, Q4_2017 = "2015-07/2015-09", "2016-07/2016-09", "2016-10/2016-12", "2017-10/2017-12"
STUDY = "2015-07/2016-09"  # the UWV study follows people from Q3 2015 to Q3 2016
CHANGE_Q4 = "2016-10/2017-12"  # the printed increase of the gemeentelijke doelgroep, Q4 2016 to Q4 2017
REINTEGRATION_START = "2015-01-01"  # "begin 2015" (tk-29817-145 p. 2)
REGISTER_DATE = "2018-06-15"  # no peildatum printed ("inmiddels"): the data date it on the letter
# Figures whose date is the letter's own because the letter names no peildatum (a table says so).
UNDATED = ("target_group_register_persons", "eu_countries_with_quota_system")
# A maximum, a threshold or a usual level that the letter gives without a year or period (ek-33981-n p. 4 and 21):
# the data date it on the letter's year or month, a table says the letter names none.
NO_PERIOD = (
    "employer_calculator_max_annual_benefit",
    "quota_levy_ict_project_costs",
    "mkb_campaign_linkedin_page_views_normal",
)
# The MKB campaign of "het afgelopen half jaar" (ek-33981-n p. 21): the data date it January–June 2017, an
# assumption; a table gives the letter's words.
PAST_HALF_YEAR = ("mkb_employer_size_threshold", "mkb_campaign_branches", "mkb_campaign_linkedin_impressions")
# The letter of 2 July 2018 (Kamerstukken II, 34 352, nr. 113) that sent the drie-meting to the Tweede Kamer, as
# the September 2018 letter names it (ek-34775-ak p. 2); it is not one of the book's letters.
DRIE_METING_LETTER = "2018-07-02"
# The Inspectie SZW: its report of October 2016 on the new target group (tk-34352-56 p. 2, footnote 1), and its
# finding of 2016 on limits to the jobcoach (ek-33981-n p. 6).
INSPECTIE_REPORT, INSPECTIE_FINDING = "2016-10", "2016"
# Dates the letters print for what they announce (ek-33981-n p. 19): UWV's quarterly factsheets since
# November 2016, and the repetition of the study in the spring of 2018.
FACTSHEETS_SINCE, STUDY_REPEATED = "2016-11", "2018"
# Backgrounds of the people in the register (the data's categories), in the chapter's order.
BACKGROUNDS = ("wsw", "wajong", "participatiewet", "totaal")
# Kinds of a value: printed in a letter, or computed by us.
PRINTED, COMPUTED = "printed", "computed"
# Series of the jobs chart; rows of the pace table.
REALISED, TARGET, PATH = "realised", "target", "path"
NEEDED, REALISED_PACE = "needed", "realised_pace"
# What became of the people at work in Q3 2015 a year later (the shares the letter prints).
WORKING, WORKING_ALL_MEASUREMENTS, NOT_WORKING = "working", "working_all_measurements", "not_working"
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


def rounded(number: float, digits: int = 3) -> float:
    """Return a computed number rounded to `digits` significant digits (11.012 → 11.000; NaN stays NaN).

    Our computations from rounded or hedged figures are shown no more precisely than that.
    """
    if number is None or not math.isfinite(number) or number == 0:
        return number
    return float(round(number, digits - 1 - int(math.floor(math.log10(abs(number))))))


def years_between(start: str, end: str) -> float:
    """Return the years from one period's end to another's (months as twelfths)."""
    first, last = periods.parse(start).sort_date, periods.parse(end).sort_date
    return (last.year - first.year) + (last.month - first.month) / 12


def _exact_realised(figures: pd.DataFrame) -> pd.DataFrame:
    rows = fig.select(figures, "extra_jobs_realised", category="totaal")
    return rows.loc[rows["qualifier"].isna() | (rows["qualifier"] == "")]


def exact_realisation(figures: pd.DataFrame, period: str) -> pd.Series | None:
    """Return the exact count of extra jobs for a period (newest letter; not a hedged "ruim 22.000"), or None."""
    rows = _exact_realised(figures)
    rows = rows.loc[rows["period"] == period]
    return None if rows.empty else rows.sort_values("source_date", kind="stable").iloc[-1]


def latest_realisation(figures: pd.DataFrame) -> pd.Series:
    """Return the figure row of the latest exact count of extra jobs in the data (latest period, then newest letter)."""
    return fig.latest(figures, "extra_jobs_realised", category="totaal", exact_only=True)


def previous_realisation(figures: pd.DataFrame) -> pd.Series | None:
    """Return the exact count of extra jobs of the period before the latest one (newest letter), or None."""
    latest = latest_realisation(figures)
    earlier = _exact_realised(figures)
    earlier = earlier.loc[earlier["period_end"] < latest["period_end"]]
    if earlier.empty:
        return None
    return earlier.sort_values(["period_end", "source_date"], kind="stable").iloc[-1]


def final_target(figures: pd.DataFrame) -> pd.Series:
    """Return the row of the target with the latest date: the 125.000 jobs of the deadline (newest letter)."""
    return fig.latest(figures, "extra_jobs_target", category="totaal")


def target_at(figures: pd.DataFrame, period: str) -> pd.Series | None:
    """Return the row of the total target for a period (newest letter), or None when no letter gives one."""
    rows = fig.select(figures, "extra_jobs_target", category="totaal", period=period)
    return None if rows.empty else rows.sort_values("source_date", kind="stable").iloc[-1]


def intermediate_targets(figures: pd.DataFrame) -> list[str]:
    """Return the periods (ISO, oldest first) of the printed tussendoelen: total targets after the sociaal akkoord,
    before the final target and below it."""
    rows = fig.select(figures, "extra_jobs_target", category="totaal")
    goal = final_target(figures)
    after = rows["period_start"] >= periods.parse(AGREEMENT).start
    below = rows.loc[after & (rows["period_end"] < goal["period_end"]) & (rows["value"] < goal["value"])]
    return below.sort_values("period_end", kind="stable")["period"].drop_duplicates().tolist()


def progress(figures: pd.DataFrame) -> pd.Series:
    """Return the latest state of the banenafspraak and the pace to the deadline (our computation).

    Fields: period, count, source_id, page (the latest exact count); goal, deadline, goal_source_id,
    goal_page (the final target); share_of_goal (percent), to_create, years (to the deadline), per_year
    (linear: jobs still to be created over the years left); target, target_source_id, target_page and
    difference (a target for the latest period itself, NaN/None when no letter gives one);
    previous_period, previous_count, previous_source_id, realised_change, realised_years,
    realised_per_year (the change since the count before; NaN/None without one).
    """
    latest, goal = latest_realisation(figures), final_target(figures)
    years = years_between(latest["period"], goal["period"])
    to_create = goal["value"] - latest["value"]
    here = target_at(figures, latest["period"])
    before = previous_realisation(figures)
    change_years = years_between(before["period"], latest["period"]) if before is not None else math.nan
    change = latest["value"] - before["value"] if before is not None else math.nan
    return pd.Series(
        {
            "period": latest["period"],
            "count": latest["value"],
            "source_id": latest["source_id"],
            "page": latest["page"],
            "goal": goal["value"],
            "deadline": goal["period"],
            "goal_source_id": goal["source_id"],
            "goal_page": goal["page"],
            "share_of_goal": fig.ratio(100 * latest["value"], goal["value"]),
            "to_create": to_create,
            "years": years,
            "per_year": fig.ratio(to_create, years),
            "target": here["value"] if here is not None else math.nan,
            "target_source_id": here["source_id"] if here is not None else None,
            "target_page": here["page"] if here is not None else None,
            "difference": latest["value"] - here["value"] if here is not None else math.nan,
            "previous_period": before["period"] if before is not None else None,
            "previous_count": before["value"] if before is not None else math.nan,
            "previous_source_id": before["source_id"] if before is not None else None,
            "realised_change": change,
            "realised_years": change_years,
            "realised_per_year": fig.ratio(change, change_years),
        }
    )


def required_pace(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the yearly pace needed from the latest count to the final target, beside the pace realised before it.

    Columns: measure (NEEDED, REALISED_PACE), start, end (ISO dates), level (jobs at the start), goal (jobs
    at the end), to_create, years, per_year. Linear, and all of it our computation: the jobs still to be
    created divided by the years left; the realised pace is the change between the latest two exact
    counts (two letters), left out when the data hold one count only.
    """
    now = progress(figures)
    needed = [now["count"], now["goal"], now["to_create"], now["years"], now["per_year"]]
    rows = [[NEEDED, now["period"], now["deadline"], *needed]]
    if now["previous_period"] is not None:
        change = [now["realised_change"], now["realised_years"], now["realised_per_year"]]
        rows.append([REALISED_PACE, now["previous_period"], now["period"], now["previous_count"], now["count"], *change])
    return pd.DataFrame(rows, columns=["measure", "start", "end", "level", "goal", "to_create", "years", "per_year"])


def jobs_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs over time: every exact count, every total target, and our linear path to the deadline.

    Columns: date, series (REALISED, TARGET, PATH), count, kind (PRINTED, COMPUTED), source_id (the
    oldest letter that prints the value; None for our path), source_ids and pages (every letter that
    prints it, oldest first, with its page). Hedged counts ("ruim 22.000") are left out: the exact count
    of the same date is drawn, and the revisions table shows both.
    """
    realised = (
        _exact_realised(figures)
        .sort_values(["period_end", "source_date"], kind="stable")
        .drop_duplicates(["period", "value"], keep="first")  # letters agreeing on a count: one point
    )
    targets = fig.select(figures, "extra_jobs_target", category="totaal").sort_values("source_date", kind="stable")
    rows = []
    for series, frame in ((REALISED, realised), (TARGET, targets)):
        for (period, count), group in frame.groupby(["period", "value"], sort=False):
            rows.append(
                {
                    "date": period,
                    "series": series,
                    "count": count,
                    "kind": PRINTED,
                    "source_id": group["source_id"].iloc[0],
                    "source_ids": tuple(group["source_id"]),
                    "pages": tuple(int(p) for p in group["page"]),
                }
            )
    now = progress(figures)
    path = {"series": PATH, "kind": COMPUTED, "source_id": None, "source_ids": (), "pages": ()}
    rows += [{"date": now["period"], "count": now["count"], **path}, {"date": now["deadline"], "count": now["goal"], **path}]
    frame = pd.DataFrame(rows)
    order = frame["date"].map(lambda p: periods.parse(p).sort_date)
    return frame.assign(_order=order).sort_values(["_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


def municipal_target_group(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the people of the gemeentelijke doelgroep at work per quarter: every printed quarter, and Q4 2016 derived.

    Columns: period, working, kind (COMPUTED, PRINTED), level and change (the printed figures the
    computed row is the difference of), source_id, page; oldest quarter first. The June 2018 letter prints
    the Q4 2017 level and the increase since Q4 2016, not the Q4 2016 level itself; we derive it as the
    difference, as rough as the two rounded figures.
    """
    printed = (
        fig.select(figures, "municipal_target_group_working")
        .sort_values(["period_end", "source_date"], kind="stable")
        .drop_duplicates("period", keep="last")  # per quarter the newest letter
    )
    level = fig.row(figures, "municipal_target_group_working", Q4_2017)
    change = value(figures, "municipal_target_group_working_change", CHANGE_Q4)
    derived = {"period": Q4_2016, "working": level["value"] - change, "kind": COMPUTED, "level": level["value"]}
    rows = [{**derived, "change": change, "source_id": level["source_id"], "page": level["page"]}]
    rows += [
        {"period": r["period"], "working": r["value"], "kind": PRINTED, "level": None, "change": None}
        | {"source_id": r["source_id"], "page": r["page"]}
        for _, r in printed.loc[printed["period"] != Q4_2016].iterrows()
    ]
    frame = pd.DataFrame(rows)
    order = frame["period"].map(lambda p: periods.parse(p).sort_date)
    return frame.assign(_order=order).sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def municipal_factor(figures: pd.DataFrame) -> float:
    """Return how many times the gemeentelijke doelgroep at work in Q4 2017 is that of Q4 2016 (derived base; NaN at 0)."""
    working = municipal_target_group(figures).set_index("period")["working"]
    return fig.ratio(working[Q4_2017], working[Q4_2016])


def reintegration_change(figures: pd.DataFrame, start: str = REINTEGRATION_START, end: str = END_2017) -> pd.Series:
    """Return the re-integration provisions at two dates, with the change we compute.

    Fields: start, end (ISO), first, last, increase, increase_pct (percent; NaN when the first is 0).
    """
    first, last = value(figures, "reintegration_provisions", start), value(figures, "reintegration_provisions", end)
    return pd.Series(
        {
            "start": start,
            "end": end,
            "first": first,
            "last": last,
            "increase": last - first,
            "increase_pct": 100 * (fig.ratio(last, first) - 1),
        }
    )


def retention_by_background(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of people working in Q3 2015 who (still or again) worked a year later, by background.

    Columns: category (in the order of BACKGROUNDS), share (percent), qualifier, source_id, page.
    """
    rows = fig.select(figures, "working_after_one_year_share", period=STUDY)
    return (
        rows.assign(order=rows["category"].map(BACKGROUNDS.index))
        .sort_values("order")[["category", "value", "qualifier", "source_id", "page"]]
        .rename(columns={"value": "share"})
        .reset_index(drop=True)
    )


def retention_outcomes(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares the letter prints for the people working in Q3 2015, a year later.

    Columns: outcome (WORKING, WORKING_ALL_MEASUREMENTS, NOT_WORKING), share (percent), qualifier,
    source_id, page. The letter does not say whether the second share is of everyone at work in Q3 2015
    or of those at work a year later, nor that the first and the last make up the whole group: no rest
    and no person counts are derived from them here.
    """
    printed = {
        WORKING: fig.row(figures, "working_after_one_year_share", STUDY, category="totaal"),
        WORKING_ALL_MEASUREMENTS: fig.row(figures, "working_all_measurements_share", STUDY, category="totaal"),
        NOT_WORKING: fig.row(figures, "not_working_after_one_year_share", STUDY, category="totaal"),
    }
    return pd.DataFrame(
        [
            {
                "outcome": outcome,
                "share": r["value"],
                "qualifier": r["qualifier"] if isinstance(r["qualifier"], str) and r["qualifier"] else None,
                "source_id": r["source_id"],
                "page": r["page"],
            }
            for outcome, r in printed.items()
        ]
    )


def persons_working_again(figures: pd.DataFrame) -> float:
    """Return the people the share still or again at work stands for: share × the circa 80.000 (as rough as both)."""
    return (
        value(figures, "working_after_one_year_share", STUDY, "totaal")
        / 100
        * value(figures, "register_persons_working", Q3_2015)
    )


def share_not_working_implied(figures: pd.DataFrame) -> float:
    """Return 100 minus the share working after a year: the share not working if the two shares made up the whole group."""
    return 100 - value(figures, "working_after_one_year_share", STUDY, "totaal")


def contracts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares on a permanent contract: of the hours of everyone in the register, and of Wajong persons.

    Columns: measure (HOURS_ALL, PERSONS_WAJONG), period, share_permanent (percent), qualifier, source_id, page.
    """
    hours = fig.select(figures, "hours_permanent_contract_share").assign(measure=HOURS_ALL)
    persons = fig.select(figures, "permanent_contract_share_persons", category="wajong").assign(measure=PERSONS_WAJONG)
    return (
        pd.concat([hours, persons])[["measure", "period", "value", "qualifier", "source_id", "page"]]
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


def letters_until(figures: pd.DataFrame, until: str) -> list[str]:
    """Return the letters (source ids, oldest first) whose figures the data hold, dated up to `until` (ISO)."""
    dated = figures.loc[figures["source_date"].astype(str) <= until, ["source_id", "source_date"]]
    return dated.sort_values("source_date", kind="stable")["source_id"].drop_duplicates().tolist()
