"""Banenafspraak: voortgang en duurzaamheid van de banen: the analyses in pure pandas (figures in, frames out, no
display text; periods ISO 8601, letters source ids, kinds and series English codes).

"The latest" count is always the latest period in the data (`figures.lookup.latest`), so an edition on later
letters says what those letters print.
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
AGREEMENT = "2013-04"  # the sociaal akkoord of April 2013 (ek-33981-n p. 16; tk-29817-145 p. 2: "van 2013")
Q3_2015, Q3_2016, Q4_2016, Q4_2017 = "2015-07/2015-09", "2016-07/2016-09", "2016-10/2016-12", "2017-10/2017-12"
STUDY = "2015-07/2016-09"  # the UWV study follows people from Q3 2015 to Q3 2016
CHANGE_Q4 = "2016-10/2017-12"  # the printed increase of the gemeentelijke doelgroep, Q4 2016 to Q4 2017
REGISTER_DATE = "2018-06-15"  # no peildatum printed ("inmiddels"): the data date it on the letter
# Backgrounds of the people in the register (the data's categories), in the chapter's order.
BACKGROUNDS = ("wsw", "wajong", "participatiewet", "totaal")
# Kinds of a value; series of the jobs chart; rows of the pace table.
PRINTED, COMPUTED = "printed", "computed"
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
# A row that no letter prints: a target or an earlier count that the data lack.
_NONE = pd.Series({"period": None, "value": math.nan, "source_id": None}, dtype=object)


def rounded(number: float, digits: int = 3) -> float:
    """Return a computed number to `digits` significant digits (11.012 → 11.000; NaN stays NaN), as precise as shown."""
    if number is None or not math.isfinite(number) or number == 0:
        return number
    return float(round(number, digits - 1 - int(math.floor(math.log10(abs(number))))))


def years_between(start: str, end: str) -> float:
    """Return the years from one period's end to another's (months as twelfths)."""
    first, last = periods.parse(start).sort_date, periods.parse(end).sort_date
    return (last.year - first.year) + (last.month - first.month) / 12


def _by_date(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    # Oldest first: ISO periods of different lengths do not sort as text.
    order = frame.sort_values(column, key=lambda dates: dates.map(lambda p: periods.parse(p).sort_date), kind="stable")
    return order.reset_index(drop=True)


def _exact_realised(figures: pd.DataFrame) -> pd.DataFrame:
    rows = fig.select(figures, "extra_jobs_realised", category="totaal")
    return rows.loc[rows["qualifier"].isna() | (rows["qualifier"] == "")]


def exact_realisation(figures: pd.DataFrame, period: str) -> pd.Series | None:
    """Return the exact count of extra jobs for a period (newest letter; not a hedged "ruim 22.000"), or None."""
    rows = _exact_realised(figures)
    return fig.last(rows.loc[rows["period"] == period], "source_date")


def latest_realisation(figures: pd.DataFrame) -> pd.Series:
    """Return the figure row of the latest exact count of extra jobs in the data (latest period, then newest letter)."""
    return fig.latest(figures, "extra_jobs_realised", category="totaal", exact_only=True)


def previous_realisation(figures: pd.DataFrame) -> pd.Series | None:
    """Return the exact count of extra jobs of the period before the latest one (newest letter), or None."""
    earlier = _exact_realised(figures)
    earlier = earlier.loc[earlier["period_end"] < latest_realisation(figures)["period_end"]]
    return fig.last(earlier, ["period_end", "source_date"])


def final_target(figures: pd.DataFrame) -> pd.Series:
    """Return the row of the target with the latest date: the 125.000 jobs of the deadline (newest letter)."""
    return fig.latest(figures, "extra_jobs_target", category="totaal")


def target_at(figures: pd.DataFrame, period: str) -> pd.Series | None:
    """Return the row of the total target for a period (newest letter), or None when no letter gives one."""
    return fig.last(fig.select(figures, "extra_jobs_target", category="totaal", period=period), "source_date")


def intermediate_targets(figures: pd.DataFrame) -> list[str]:
    """Return the periods (oldest first) of the tussendoelen: total targets after the akkoord, before and below the final."""
    rows = fig.select(figures, "extra_jobs_target", category="totaal")
    goal = final_target(figures)
    after = rows["period_start"] >= periods.parse(AGREEMENT).start
    below = rows.loc[after & (rows["period_end"] < goal["period_end"]) & (rows["value"] < goal["value"])]
    return below.sort_values("period_end", kind="stable")["period"].drop_duplicates().tolist()


def progress(figures: pd.DataFrame) -> pd.Series:
    """Return the latest count, the final target, the linear pace to it, a target then and the count before (or NaN/None)."""
    latest, goal = latest_realisation(figures), final_target(figures)
    years = years_between(latest["period"], goal["period"])
    to_create = goal["value"] - latest["value"]
    here = target_at(figures, latest["period"])
    here = _NONE if here is None else here
    before = previous_realisation(figures)
    before = _NONE if before is None else before
    change_years = math.nan if before["period"] is None else years_between(before["period"], latest["period"])
    change = latest["value"] - before["value"]
    return pd.Series(
        {
            "period": latest["period"],
            "count": latest["value"],
            "source_id": latest["source_id"],
            "goal": goal["value"],
            "deadline": goal["period"],
            "share_of_goal": fig.ratio(100 * latest["value"], goal["value"]),
            "to_create": to_create,
            "years": years,
            "per_year": fig.ratio(to_create, years),
            "target": here["value"],
            "target_source_id": here["source_id"],
            "difference": latest["value"] - here["value"],
            "previous_period": before["period"],
            "previous_count": before["value"],
            "previous_source_id": before["source_id"],
            "realised_change": change,
            "realised_years": change_years,
            "realised_per_year": fig.ratio(change, change_years),
        }
    )


def required_pace(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the linear pace a year needed from the latest count to the final target and (two counts) the pace before."""
    now = progress(figures)
    needed = [now["count"], now["goal"], now["to_create"], now["years"], now["per_year"]]
    rows = [[NEEDED, now["period"], now["deadline"], *needed]]
    if now["previous_period"] is not None:
        change = [now["realised_change"], now["realised_years"], now["realised_per_year"]]
        rows.append([REALISED_PACE, now["previous_period"], now["period"], now["previous_count"], now["count"], *change])
    return pd.DataFrame(rows, columns=["measure", "start", "end", "level", "goal", "to_create", "years", "per_year"])


def jobs_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs over time: every exact count, every total target, and our linear path to the deadline."""
    realised = (
        _exact_realised(figures)  # not "ruim 22.000" beside the exact count: the revisions table shows both
        .sort_values(["period_end", "source_date"], kind="stable")
        .drop_duplicates(["period", "value"], keep="first")  # letters agreeing on a count: one point
    )
    targets = fig.select(figures, "extra_jobs_target", category="totaal").sort_values("source_date", kind="stable")
    rows = [
        {
            "date": period,
            "series": series,
            "count": count,
            "kind": PRINTED,
            "source_id": group["source_id"].iloc[0],
            "source_ids": tuple(group["source_id"]),
            "pages": tuple(int(p) for p in group["page"]),
        }
        for series, frame in ((REALISED, realised), (TARGET, targets))
        for (period, count), group in frame.groupby(["period", "value"], sort=False)
    ]
    now = progress(figures)
    path = {"series": PATH, "kind": COMPUTED, "source_id": None, "source_ids": (), "pages": ()}
    rows += [{"date": now["period"], "count": now["count"], **path}, {"date": now["deadline"], "count": now["goal"], **path}]
    return _by_date(pd.DataFrame(rows), "date")


def municipal_target_group(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the people of the gemeentelijke doelgroep at work per quarter: every printed quarter, and Q4 2016 derived.

    The June 2018 letter prints the Q4 2017 level and the increase since Q4 2016, not the Q4 2016 level: we derive it.
    """
    printed = (
        fig.select(figures, "municipal_target_group_working")
        .sort_values(["period_end", "source_date"], kind="stable")
        .drop_duplicates("period", keep="last")  # per quarter the newest letter
    )
    level = fig.row(figures, "municipal_target_group_working", Q4_2017)
    change = fig.value(figures, "municipal_target_group_working_change", CHANGE_Q4)
    derived = {"period": Q4_2016, "working": level["value"] - change, "kind": COMPUTED, "level": level["value"]}
    rows = [{**derived, "change": change, "source_id": level["source_id"], "page": level["page"]}]
    others = printed.loc[printed["period"] != Q4_2016].rename(columns={"value": "working"})
    columns = ["period", "working", "kind", "level", "change", "source_id", "page"]
    rows += others.assign(kind=PRINTED, level=None, change=None)[columns].to_dict("records")
    return _by_date(pd.DataFrame(rows), "period")


def municipal_factor(figures: pd.DataFrame) -> float:
    """Return how many times the gemeentelijke doelgroep at work in Q4 2017 is that of Q4 2016 (derived base; NaN at 0)."""
    working = municipal_target_group(figures).set_index("period")["working"]
    return fig.ratio(working[Q4_2017], working[Q4_2016])


def reintegration_change(figures: pd.DataFrame) -> pd.Series:
    """Return the re-integration provisions at the start of 2015 and the end of 2017, with the change we compute."""
    start, end = "2015-01-01", END_2017  # "begin 2015" (tk-29817-145 p. 2)
    first, last = (fig.value(figures, "reintegration_provisions", moment) for moment in (start, end))
    increase = {"increase": last - first, "increase_pct": 100 * (fig.ratio(last, first) - 1)}
    return pd.Series({"start": start, "end": end, "first": first, "last": last, **increase})


def retention_by_background(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of people working in Q3 2015 who (still or again) worked a year later, by background."""
    rows = fig.select(figures, "working_after_one_year_share", period=STUDY)
    return (
        rows.assign(order=rows["category"].map(BACKGROUNDS.index))
        .sort_values("order")[["category", "value", "qualifier", "source_id", "page"]]
        .rename(columns={"value": "share"})
        .reset_index(drop=True)
    )


def retention_outcomes(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares the letter prints for the people working in Q3 2015, a year later.

    The letter does not say of whom the second share is, nor that the first and the last make up the whole group: no
    rest and no person counts are derived here.
    """
    printed = {
        WORKING: "working_after_one_year_share",
        WORKING_ALL_MEASUREMENTS: "working_all_measurements_share",
        NOT_WORKING: "not_working_after_one_year_share",
    }
    rows = pd.DataFrame([fig.row(figures, indicator, STUDY, category="totaal") for indicator in printed.values()])
    hedges = rows["qualifier"].map(lambda q: q if isinstance(q, str) and q else None)
    shares = rows.infer_objects().assign(outcome=list(printed), qualifier=hedges).rename(columns={"value": "share"})
    return shares[["outcome", "share", "qualifier", "source_id", "page"]].reset_index(drop=True)


def share_not_working_implied(figures: pd.DataFrame) -> float:
    """Return 100 minus the share working after a year: the share not working if the two shares made up the whole group."""
    return 100 - fig.value(figures, "working_after_one_year_share", STUDY, category="totaal")


def contracts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares on a permanent contract: of the hours of everyone in the register, and of Wajong persons."""
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
