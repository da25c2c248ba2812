"""Beschut werk: the analyses in pure pandas (figures in, frames and numbers out, no display text).

Periods are ISO 8601 text, letters their source ids, kinds, measures and series English codes; the
Dutch words for them are the presentation's.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig

# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
JAN_MAY_2017, Q1_2018 = "2017-01/2017-05", "2018-01/2018-03"
END_2016, END_2017, END_2018, MARCH_2018 = "2016-12-31", "2017-12-31", "2018-12-31", "2018-03-31"
# Who asked UWV for the assessment (the data's categories), in the order of the letter's table.
APPLICANTS = ("gemeente", "burger", "totaal")
# Kinds of an advices count; series of the regeling chart; measures of the fill rate.
REALISED, EXTRAPOLATED = "realised", "extrapolated"
REGELING_PLACES, PEOPLE_WORKING = "regeling_places", "people_working"
PERSONS, HOURS, PRINTED = "persons", "hours", "printed"
MONEY_INDICATORS = ("stimulus_budget", "bonus_available", "bonus_paid", "bonus_retained")


def value(
    figures: pd.DataFrame, indicator: str, period: str, category: str | None = None, source_id: str | None = None
) -> float:
    """Return the value the letters print for an indicator and period (category and letter where they matter)."""
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def advices_per_period(figures: pd.DataFrame) -> pd.DataFrame:
    """Return positive advices per year (and Q1 2018): counts realised and the letters' extrapolations.

    Columns: period, kind (REALISED or EXTRAPOLATED), advices, source_id, page; by period end.
    """
    rows = fig.select(figures, "positive_advices").loc[lambda f: f["category"].isna()]
    return (
        rows.assign(kind=rows["derived"].map({False: REALISED, True: EXTRAPOLATED}))
        .sort_values(["period_end", "derived"])[["period", "kind", "value", "source_id", "page"]]
        .rename(columns={"value": "advices"})
        .reset_index(drop=True)
    )


def extrapolation_error(figures: pd.DataFrame) -> float:
    """Return how far the realised 2017 advices exceeded the mid-2017 extrapolation, in percent."""
    forecast = value(figures, "positive_advices", "2017", source_id=JUNE_2017)
    realised = value(figures, "positive_advices", "2017", source_id=JUNE_2018)
    return 100 * (fig.ratio(realised, forecast) - 1)


def assessments_by_applicant(figures: pd.DataFrame) -> pd.DataFrame:
    """Return UWV's assessments by applicant with the share positive as printed and as recomputed.

    Columns: category, period, assessments, positive, share_printed, share_recomputed (percent);
    January–May 2017 first, then 2016, each in the order of APPLICANTS.
    """
    frame = (
        fig.select(figures, "assessments")
        .loc[lambda f: f["dimension"] == "aanvrager"]
        .loc[lambda f: f["period"].isin([JAN_MAY_2017, "2016"])][["category", "period", "value"]]
        .rename(columns={"value": "assessments"})
    )
    positive = fig.select(figures, "positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    shares = fig.select(figures, "share_positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    keyed = ["category", "period"]
    frame = frame.merge(positive[[*keyed, "value"]].rename(columns={"value": "positive"}), on=keyed, how="left")
    frame = frame.merge(shares[[*keyed, "value"]].rename(columns={"value": "share_printed"}), on=keyed, how="left")
    frame = frame.assign(
        share_recomputed=fig.ratio(100 * frame["positive"], frame["assessments"]),
        order=frame["category"].map(APPLICANTS.index),
    )
    return frame.sort_values(["period", "order"], ascending=[False, True]).drop(columns="order").reset_index(drop=True)


def unweighted_total_share(figures: pd.DataFrame) -> float:
    """Return the plain mean of the gemeente and burger shares positive: how the printed total of 71% arises."""
    return (
        value(figures, "share_positive_advices", JAN_MAY_2017, "gemeente")
        + value(figures, "share_positive_advices", JAN_MAY_2017, "burger")
    ) / 2


def citizen_assessments_by_month(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the assessments requested by citizens in the months of 2017 the letter gives.

    Columns: period (ISO month), date (its first day, ISO), assessments; in time order.
    """
    rows = fig.select(figures, "assessments", category="burger").loc[lambda f: f["period_kind"] == "month"]
    return (
        rows.assign(date=rows["period_start"].astype(str))[["period", "date", "value"]]
        .rename(columns={"value": "assessments"})
        .sort_values("date")
        .reset_index(drop=True)
    )


def working_vs_advised(figures: pd.DataFrame) -> pd.DataFrame:
    """Return, per date, the people working on a beschut werkplek against everyone positively advised so far.

    Columns: date, working, advised, advised_computed (the book added the count up), share_working
    (percent), source_id, latest (the latest letter's count for that date). Where letters give different
    counts for a date, each is a row (oldest letter first).
    The cumulative advices at end 2016 are not printed; the book adds the 2015 and 2016 counts
    (advices before 2015 are assumed nil: the instrument started in 2015).
    """
    cumulative = {
        END_2016: (value(figures, "positive_advices", "2015") + value(figures, "positive_advices", "2016"), True),
        END_2017: (value(figures, "positive_advices_cumulative", END_2017), False),
        MARCH_2018: (value(figures, "positive_advices_cumulative", MARCH_2018), False),
    }
    working = fig.select(figures, "working_sheltered_workplace")
    rows = []
    for period, (advised, computed) in cumulative.items():
        at_date = working.loc[working["period"] == period].drop_duplicates("value", keep="last")
        latest_letter = at_date["source_date"].max()
        for _, row in at_date.sort_values("source_date").iterrows():
            rows.append(
                {
                    "date": period,
                    "working": row["value"],
                    "advised": advised,
                    "advised_computed": computed,
                    "share_working": fig.ratio(100 * row["value"], advised),
                    "source_id": row["source_id"],
                    "latest": row["source_date"] == latest_letter,
                }
            )
    return pd.DataFrame(rows)


def working_growth(figures: pd.DataFrame) -> float:
    """Return the growth of the people working on a beschut werkplek from end 2017 to 31 March 2018, in percent."""
    return 100 * (
        fig.ratio(
            value(figures, "working_sheltered_workplace", MARCH_2018),
            value(figures, "working_sheltered_workplace", END_2017, source_id=SEPT_2018),
        )
        - 1
    )


def fill_rate_inputs(figures: pd.DataFrame) -> pd.Series:
    """Return the figures behind the 2017 fill rate: people working, places, hours worked and hours per place."""
    return pd.Series(
        {
            "working": value(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
            "places": value(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018),
            "hours_worked": value(figures, "average_hours_worked", "2017"),
            "hours_per_place": value(figures, "assumed_hours_per_place", "2017/.."),
        }
    )


def fill_rate(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the 2017 regeling's fill rate by persons and by hours, beside the letter's printed 37%.

    Columns: measure (PERSONS, HOURS, PRINTED), numerator, denominator, fill_rate (percent).
    By hours: people working × hours they work on average, against places × hours the regeling
    assumes per place. That is the only reading of the letter's figures that yields its 37%.
    """
    x = fill_rate_inputs(figures)
    worked, assumed = x["working"] * x["hours_worked"], x["places"] * x["hours_per_place"]
    return pd.DataFrame(
        [
            {
                "measure": PERSONS,
                "numerator": x["working"],
                "denominator": x["places"],
                "fill_rate": fig.ratio(100 * x["working"], x["places"]),
            },
            {
                "measure": HOURS,
                "numerator": worked,
                "denominator": assumed,
                "fill_rate": fig.ratio(100 * x["working"] * x["hours_worked"], assumed),
            },
            {
                "measure": PRINTED,
                "numerator": None,
                "denominator": None,
                "fill_rate": value(figures, "regeling_fill_rate", END_2017),
            },
        ]
    )


def regeling_vs_working(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the regeling's places for end 2017 and end 2018 beside the latest count of people working.

    Columns: target (the end of year the places are for), series (REGELING_PLACES or PEOPLE_WORKING),
    count, counted_at (the date of the count: for end 2018 the latest count, of 31 March 2018).
    """
    rows = [
        (
            END_2017,
            REGELING_PLACES,
            value(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018),
            END_2017,
        ),
        (END_2017, PEOPLE_WORKING, value(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018), END_2017),
        (
            END_2018,
            REGELING_PLACES,
            value(figures, "regeling_sheltered_workplaces", END_2018, source_id=JUNE_2018),
            END_2018,
        ),
        (END_2018, PEOPLE_WORKING, value(figures, "working_sheltered_workplace", MARCH_2018), MARCH_2018),
    ]
    return pd.DataFrame(rows, columns=["target", "series", "count", "counted_at"])


def money(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) as printed (figure rows)."""
    return pd.concat([fig.select(figures, indicator) for indicator in MONEY_INDICATORS])
