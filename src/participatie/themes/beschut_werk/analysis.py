"""Beschut werk: the analyses in pure pandas (figures in, frames and numbers out, no display text).

Periods are ISO 8601 text, letters source ids, kinds and series English codes (the Dutch words are the
presentation's). Time series return every period the data hold, so a later letter's periods show too.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig

# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
JAN_MAY_2017, Q1_2018 = "2017-01/2017-05", "2018-01/2018-03"
END_2016, END_2017, END_2018, MARCH_2018 = "2016-12-31", "2017-12-31", "2018-12-31", "2018-03-31"
# The instrument started with the Participatiewet in 2015: no positive advices before that year (assumed).
FIRST_YEAR = 2015
# Who asked UWV for the assessment (the data's categories), in the order of the letter's table.
APPLICANTS = ("gemeente", "burger", "totaal")
# Kinds of a figure: printed in a letter, computed by us, or carried forward by the letter itself (a period
# that had not ended when the letter was written: an extrapolation or a forecast).
PRINTED, COMPUTED, EXTRAPOLATED = "printed", "computed", "extrapolated"
REALISED, PART_YEAR = "realised", "part_year"  # kinds of an advices count
# Series of the time charts; PLACES_COUNTED: the April 2017 letter counted places, not people.
WORKING, PLACES_COUNTED, ADVISED, REGELING = "working", "places_counted", "advised", "regeling"
PERSONS, HOURS = "persons", "hours"  # measures of the fill rate
MONEY_INDICATORS = ("stimulus_budget", "bonus_available", "bonus_paid", "bonus_retained")
PERSONS_UNIT = "personen"


def value(
    figures: pd.DataFrame, indicator: str, period: str, category: str | None = None, source_id: str | None = None
) -> float:
    """Return the value the letters print for an indicator and period (category and letter where they matter)."""
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def observed(rows: pd.DataFrame) -> pd.Series:
    """Return, per figure, whether its period had ended when its letter was written (else a letter's forecast)."""
    return pd.Series(fig.at(rows) <= pd.to_datetime(rows["source_date"]).dt.date, index=rows.index)


def _placed(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(date=fig.at(rows).astype(str))


def _pages(pages: pd.Series) -> tuple[int, ...]:
    return tuple(int(page) for page in pages)


def advices_by_year(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the national positive advices per calendar year and kind (realised, part-year, a letter's extrapolation)."""
    rows = fig.select(figures, "positive_advices").loc[lambda f: f["category"].isna()]
    kind = observed(rows).map({True: REALISED, False: EXTRAPOLATED})
    kind = kind.where((kind == EXTRAPOLATED) | (rows["period_kind"] == "year"), PART_YEAR)
    order = kind.map({REALISED: 0, PART_YEAR: 1, EXTRAPOLATED: 2})
    frame = rows.assign(year=[d.year for d in rows["period_start"]], kind=kind, _order=order, advices=rows["value"])
    columns = ["year", "period", "kind", "advices", "qualifier", "source_id", "page"]
    frame = frame.sort_values(["year", "_order", "source_date"], kind="stable")[columns]
    return frame.reset_index(drop=True).astype({"year": int})


def assessments_by_applicant(figures: pd.DataFrame) -> pd.DataFrame:
    """Return UWV's assessments by applicant and period (latest first), share positive as printed and recomputed."""
    rows = fig.select(figures, "assessments").loc[lambda f: (f["dimension"] == "aanvrager") & (f["period_kind"] != "month")]
    keyed = ["category", "period"]
    frame = rows.rename(columns={"value": "assessments"})[[*keyed, "assessments", "source_id", "page", "period_start"]]
    for indicator, name in (("positive_advices", "positive"), ("share_positive_advices", "share_printed")):
        other = fig.select(figures, indicator).loc[lambda f: f["dimension"] == "aanvrager"]
        frame = frame.merge(other[[*keyed, "value"]].rename(columns={"value": name}), on=keyed, how="left")
    # A total for a period with one applicant only repeats it (in 2016 only gemeenten could apply).
    applicants = frame.loc[frame["category"] != "totaal"].groupby("period")["category"].nunique()
    frame = frame.loc[(frame["category"] != "totaal") | frame["period"].map(applicants).gt(1)]
    frame = frame.assign(
        share_recomputed=fig.ratio(100 * frame["positive"], frame["assessments"]),
        order=frame["category"].map(APPLICANTS.index),
    )
    frame = frame.sort_values(["period_start", "order"], ascending=[False, True])
    return frame.drop(columns=["order", "period_start"]).reset_index(drop=True)


def by_month(figures: pd.DataFrame, indicator: str, category: str) -> pd.DataFrame:
    """Return an applicant's monthly figures of one indicator: period, date (first day, ISO), value, source_id, page."""
    rows = fig.select(figures, indicator, category=category)
    rows = rows.loc[(rows["period_kind"] == "month") & (rows["dimension"] == "aanvrager")].sort_values("period_start")
    rows = rows.assign(date=rows["period_start"].astype(str))
    return rows[["period", "date", "value", "source_id", "page"]].reset_index(drop=True)


def citizen_assessments_by_month(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the assessments requested by citizens in the months the letters give (period, date, assessments, …)."""
    return by_month(figures, "assessments", "burger").rename(columns={"value": "assessments"})


def working_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every count of people working on a beschut werkplek (PLACES_COUNTED: places), one row per letter, by date."""
    rows = _placed(fig.select(figures, "working_sheltered_workplace"))
    rows = rows.assign(series=(rows["unit"] == PERSONS_UNIT).map({True: WORKING, False: PLACES_COUNTED}))
    columns = ["date", "period", "series", "value", "qualifier", "source_id", "page", "source_date"]
    return rows.sort_values(["date", "source_date"], kind="stable")[columns].reset_index(drop=True)


def cumulative_advices(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the positive advices given since the start, per date: printed, carried forward, or added up by us.

    Where a count of people working has no printed cumulative for its year end, we add up the realised yearly
    counts from FIRST_YEAR; the row then carries the latest letter of those counts.
    """
    rows = _placed(fig.select(figures, "positive_advices_cumulative"))
    rows = rows.assign(kind=observed(rows).map({True: PRINTED, False: EXTRAPOLATED}))
    years = advices_by_year(figures).loc[lambda f: f["kind"] == REALISED].drop_duplicates("year", keep="last")
    years = years.set_index("year")
    added = []
    for date in sorted(set(working_counts(figures)["date"]) - set(rows["date"])):
        needed = list(range(FIRST_YEAR, int(date[:4]) + 1))
        if date.endswith("-12-31") and needed and set(needed) <= set(years.index):
            last = years.loc[needed[-1]]
            total = float(years.loc[needed, "advices"].sum())
            added.append([date, date, total, COMPUTED, last["source_id"], last["page"], None])
    columns = ["date", "period", "value", "kind", "source_id", "page", "source_date"]
    frame = pd.concat([rows[columns], pd.DataFrame(added, columns=columns)], ignore_index=True) if added else rows[columns]
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


def working_vs_advised(figures: pd.DataFrame) -> pd.DataFrame:
    """Return each distinct count of people working at a date against the positive advices given by then (no forecasts)."""
    advised = cumulative_advices(figures).loc[lambda f: f["kind"] != EXTRAPOLATED].drop_duplicates("date", keep="last")
    advised = advised.set_index("date")[["value", "kind", "source_id", "page"]].add_prefix("advised_")
    working = working_counts(figures).drop_duplicates(["date", "series", "value", "qualifier"], keep="first")
    frame = working.join(advised, on="date", how="inner")
    frame = frame.assign(
        working_page=frame["page"].astype(int),
        advised_page=frame["advised_page"].astype(int),
        share_working=fig.ratio(100 * frame["value"], frame["advised_value"]),
    )
    names = {"value": "working", "series": "working_series", "qualifier": "working_qualifier", "advised_value": "advised"}
    columns = ["date", "working", "working_series", "working_qualifier", "source_id", "working_page", "advised"]
    columns += ["advised_kind", "advised_source_id", "advised_page", "share_working"]
    return frame.rename(columns=names)[columns].reset_index(drop=True)


def counts_at(figures: pd.DataFrame, date: str) -> pd.DataFrame:
    """Return the distinct counts of people working (or places) for a date, with the letters and pages that give each."""
    rows = working_counts(figures).loc[lambda f: f["date"] == date].fillna({"qualifier": ""})
    groups = rows.groupby(["value", "series", "qualifier"], sort=False)
    counts = groups.agg(source_ids=("source_id", tuple), pages=("page", _pages)).reset_index()
    return counts.assign(qualifier=counts["qualifier"].where(counts["qualifier"] != "", None))


def latest_working(figures: pd.DataFrame) -> pd.Series:
    """Return the figure row of the latest count of people working on a beschut werkplek (ties: newest letter)."""
    persons = figures.loc[(figures["indicator"] != "working_sheltered_workplace") | (figures["unit"] == PERSONS_UNIT)]
    return fig.latest(persons, "working_sheltered_workplace")


def regeling_places(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the regeling's numbers of places per year end: date, period, value, source_ids, pages (oldest letter first)."""
    rows = _placed(fig.select(figures, "regeling_sheltered_workplaces")).sort_values(["date", "source_date"])
    groups = rows.groupby(["date", "period", "value"])
    return groups.agg(source_ids=("source_id", tuple), pages=("page", _pages)).reset_index()


def latest_against_regeling(figures: pd.DataFrame) -> tuple[pd.Series, pd.Series] | None:
    """Return the latest count of people working at a date with a regeling number (newest letter), and that number."""
    places = regeling_places(figures).drop_duplicates("date", keep="last").set_index("date")
    working = working_counts(figures).loc[lambda f: (f["series"] == WORKING) & f["date"].isin(places.index)]
    count = fig.last(working, ["date", "source_date"])
    return None if count is None else (count, places.loc[count["date"]])


def working_growth(figures: pd.DataFrame) -> float:
    """Return the growth of the people working on a beschut werkplek from end 2017 to 31 March 2018, in percent."""
    march, end = (value(figures, "working_sheltered_workplace", p, source_id=SEPT_2018) for p in (MARCH_2018, END_2017))
    return 100 * (fig.ratio(march, end) - 1)


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
    """Return the 2017 regeling's fill rate by persons and by hours (ours), beside the letter's printed 37%.

    By hours: people working × their average hours, against places × the hours assumed per place. The letter
    gives both hour figures but not its formula; this reading reproduces its 37% (checks.bw-vervulling-regeling-2017).
    """
    x = fill_rate_inputs(figures)
    assumed = x["places"] * x["hours_per_place"]
    return pd.DataFrame(
        {
            "measure": [PERSONS, HOURS, PRINTED],
            "numerator": [x["working"], x["working"] * x["hours_worked"], None],
            "denominator": [x["places"], assumed, None],
            "fill_rate": [
                fig.ratio(100 * x["working"], x["places"]),
                fig.ratio(100 * x["working"] * x["hours_worked"], assumed),
                value(figures, "regeling_fill_rate", END_2017),
            ],
        }
    )


def money(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) as printed (figure rows)."""
    return pd.concat([fig.select(figures, indicator) for indicator in MONEY_INDICATORS])
