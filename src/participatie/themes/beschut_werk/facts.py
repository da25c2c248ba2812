"""Beschut werk: the facts the chapter's text file (chapters/beschut_werk.tekst.md) turns into words.

One flat dictionary of figures (`figures.facts.Figure`), letters, numbers, ISO periods, flags and lists; no
words. A fact named `national_…` is the letters' national figure in every edition; every other figure is the
edition's own (in a municipal edition the municipality's, which no letter printed and the text cannot cite).
"""

from __future__ import annotations

import math

import pandas as pd

from ...figures import lookup
from ...figures.facts import Figure, Finder, defined
from ...figures.revisions import CONFLICT
from . import analysis
from .analysis import END_2016, END_2017, HOURS, JAN_MAY_2017, JUNE_2017, JUNE_2018, MARCH_2018, PRINTED, Q1_2018, SEPT_2018

# The extrapolations the national text discusses: the letter that made each, by the year it extrapolated to.
NATIONAL_EXTRAPOLATIONS = ((2017, JUNE_2017), (2018, JUNE_2018))


def facts(chapter) -> dict:
    """Return everything the chapter's text needs, by name (see the text file's opening comment)."""
    own, national, figures = chapter.finder, chapter.national_finder, chapter.figures
    return (
        {
            "june_2017": national.letter(JUNE_2017),
            "june_2018": national.letter(JUNE_2018),
            "sept_2018": national.letter(SEPT_2018),
            # Whether a letter newer than the chapter's text gives figures (the charts then mark them apart).
            "newer_letters": bool(chapter.from_newer_letters(chapter.figures).any()),
        }
        | _advices(own, figures, chapter.municipal)
        | _applicants(own)
        | _shares(own, figures)
        | _working(own, figures, chapter.municipal)
        | _share_working(own, figures)
        | _counts_2016(chapter, own, figures)
        | _regeling(own, figures)
        | _fill(own, figures)
        | _national(national, chapter.national)
    )


# --- helpers ------------------------------------------------------------------------------------------------


def _figure(finder: Finder, value, period, source_id=None, page=None, qualifier=None, unit="aantal") -> Figure:
    """Return a value of an analysis frame as a figure of this edition (cited to its letter nationally only)."""
    row = {"value": value, "unit": unit, "period": period, "qualifier": qualifier, "source_id": source_id, "page": page}
    return finder.of(pd.Series(row))


def _cited(finder: Finder, row: pd.Series, unit: str = "aantal") -> Figure:
    """Return a row of an analysis frame (value, period, source_id, page, qualifier if any) as a figure."""
    return _figure(finder, row["value"], row["period"], row["source_id"], row["page"], row.get("qualifier"), unit)


def _sources(finder: Finder, row: pd.Series, period: str | None = None) -> list[Figure]:
    """Return a row's value once per letter that prints it (its source_ids and pages), for its period or `period`."""
    pairs = zip(row["source_ids"], row["pages"])
    return [_figure(finder, row["value"], period or row["period"], s, p, row.get("qualifier")) for s, p in pairs]


def _rounds_to(ours: float, printed: float) -> bool:
    """Return whether our value, rounded to whole units as the letters print, equals the printed one."""
    return bool(not (math.isnan(ours) or math.isnan(printed)) and round(ours) == printed)


def _or_nan(compute, *args) -> float:
    """Return compute(*args), or NaN when the data lack a figure it needs."""
    try:
        return compute(*args)
    except KeyError:
        return math.nan


def _last_year(months: pd.DataFrame) -> pd.DataFrame:
    """Return the monthly figures of the latest year that has any (the months a sentence goes through)."""
    years = months["period"].str[:4]
    return months.loc[years == years.iloc[-1]] if len(months) else months


def _trend(values: pd.Series) -> str:
    """Return 'up' or 'down' when every month is above (below) the one before, else 'mixed'."""
    steps = values.diff().iloc[1:]
    rising, falling = len(steps) and (steps > 0).all(), len(steps) and (steps < 0).all()
    return "up" if rising else "down" if falling else "mixed"


# --- the edition's own figures ------------------------------------------------------------------------------


def _advices(own: Finder, figures: pd.DataFrame, municipal: bool) -> dict:
    years = analysis.advices_by_year(figures)
    realised = years.loc[years["kind"] == analysis.REALISED].drop_duplicates("year", keep="last")
    realised = realised.set_index("year", drop=False)

    def advices(row) -> Figure:
        return _figure(own, row["advices"], row["period"], row["source_id"], row["page"], row["qualifier"], "adviezen")

    def outcome(row) -> dict:
        # What became of a letter's extrapolation: the realised count for its year (None: none yet).
        done = realised.loc[row["year"]] if row["year"] in realised.index else None
        same = done is None or done["advices"] == row["advices"]
        gap = None if same else defined(abs(100 * (lookup.ratio(done["advices"], row["advices"]) - 1)))  # ours, in %
        return {
            "year": str(row["year"]),
            "forecast": advices(row),
            "realised": None if done is None else advices(done),
            "gap": gap,
            "cumulative": own.figure("positive_advices_cumulative", analysis.END_2018, source_id=row["source_id"]),
        }

    forecasts = years.loc[years["kind"] == analysis.EXTRAPOLATED]
    if not municipal:
        wanted = pd.DataFrame(NATIONAL_EXTRAPOLATIONS, columns=["year", "source_id"])
        forecasts = wanted.merge(forecasts.drop_duplicates(["year", "source_id"]))
    printed = analysis.cumulative_advices(figures).loc[lambda f: f["kind"] == PRINTED]
    return {
        "advices_realised": [advices(row) for _, row in realised.iterrows()],
        "advices_part_year": [advices(row) for _, row in years.loc[years["kind"] == analysis.PART_YEAR].iterrows()],
        "advices_cumulative": None if printed.empty else _cited(own, printed.iloc[-1], "adviezen"),
        "extrapolations": [outcome(row) for _, row in forecasts.iterrows()],
    }


def _applicants(own: Finder) -> dict:
    return {
        "assessments_2016": own.figure("assessments", "2016", category="gemeente"),
        "assessments_jan_may": own.figure("assessments", JAN_MAY_2017, category="totaal"),
        "assessments_jan_may_burger": own.figure("assessments", JAN_MAY_2017, category="burger"),
        "requests_2017_burger": own.figure("advice_requests", "2017", category="burger"),
        "requests_2017_gemeente": own.figure("advice_requests", "2017", category="gemeente"),
    }


def _shares(own: Finder, figures: pd.DataFrame) -> dict:
    moves = []
    for applicant in ("burger", "gemeente"):
        months = _last_year(analysis.by_month(figures, "share_positive_advices", applicant))
        if len(months) >= 2:
            first, last = (_cited(own, row, "procent") for _, row in months.iloc[[0, -1]].iterrows())
            moves.append({"applicant": applicant, "first": first, "last": last})
    printed, positive, assessed = (
        _or_nan(analysis.value, figures, indicator, JAN_MAY_2017, "totaal")
        for indicator in ("share_positive_advices", "positive_advices", "assessments")
    )
    ours = lookup.ratio(100 * positive, assessed)
    gemeente, burger = (own.figure("share_positive_advices", JAN_MAY_2017, category=who) for who in ("gemeente", "burger"))
    unweighted = (gemeente.value + burger.value) / 2 if gemeente and burger else math.nan
    citizens = _last_year(analysis.by_month(figures, "assessments", "burger"))
    starts = pd.to_datetime(citizens["date"])
    month_numbers = starts.dt.year * 12 + starts.dt.month
    return {
        "share_jan_may_gemeente": gemeente,
        "share_jan_may_burger": burger,
        "share_moves": moves,
        "total_share_printed": printed,  # the total share positive, January–May 2017, as the data give it
        "total_positive": positive,
        "total_assessed": assessed,
        "total_share_ours": ours,
        "total_share_rounds": _rounds_to(ours, printed),
        "unweighted_share": unweighted,  # the plain mean of the gemeente and burger shares (it equals the printed 71%)
        "unweighted_rounds": _rounds_to(unweighted, printed),
        "citizen_months": [_cited(own, row, "beoordelingen") for _, row in citizens.iterrows()],
        "citizen_months_trend": _trend(citizens["value"]),
        "citizen_months_gaps": bool((month_numbers.diff() > 1).any()),
    }


def _working(own: Finder, figures: pd.DataFrame, municipal: bool) -> dict:
    growth = _or_nan(analysis.working_growth, figures)
    printed_growth = _or_nan(analysis.value, figures, "working_sheltered_workplace_growth", Q1_2018)
    latest = analysis.latest_working(figures)
    return {
        "working_2017": own.figure("working_sheltered_workplace", END_2017, source_id=JUNE_2018),
        "working_end_2017": own.figure("working_sheltered_workplace", END_2017, source_id=SEPT_2018),
        "working_march_2018": own.figure("working_sheltered_workplace", MARCH_2018, source_id=SEPT_2018),
        "working_growth": defined(abs(growth)),  # ours, in percent, without sign (None when not defined)
        "working_growth_printed": own.figure("working_sheltered_workplace_growth", Q1_2018),
        "working_growth_rounds": _rounds_to(growth, printed_growth),
        "working_latest": own.of(latest),
        # The sentence on the latest state says so when the latest count is the one it already gave.
        "working_latest_is_march_2018": latest["period"] == MARCH_2018 and (municipal or latest["source_id"] == SEPT_2018),
    }


def _share_working(own: Finder, figures: pd.DataFrame) -> dict:
    frame = analysis.working_vs_advised(figures)
    printed = frame.loc[(frame["advised_kind"] == PRINTED) & (frame["working_series"] == analysis.WORKING)]

    def reading(row) -> dict:
        return {
            "date": row["date"],
            "share": row["share_working"],
            "working": _figure(
                own, row["working"], row["date"], row["source_id"], row["working_page"], row["working_qualifier"]
            ),
            "advised": _figure(own, row["advised"], row["date"], row["advised_source_id"], row["advised_page"]),
        }

    def computed(total) -> dict:
        # Our sum of the yearly counts, against each count of people working (or places) for its date.
        counts = analysis.counts_at(figures, total["date"])
        return {
            "total": _cited(own, total),
            "readings": [
                {
                    "series": count["series"],
                    "figures": _sources(own, count, total["period"]),
                    "share": lookup.ratio(100 * count["value"], total["value"]),
                }
                for _, count in counts.iterrows()
            ],
        }

    latest = lookup.last(printed)  # the latest date with a printed cumulative count
    sums = analysis.cumulative_advices(figures).loc[lambda f: f["kind"] == analysis.COMPUTED]
    return {
        "share_working_2017": own.figure("share_advised_working", END_2017),
        "cumulative_2017": own.figure("positive_advices_cumulative", END_2017),
        # The latest share of ours, where it is later than the letter's own share (end 2017).
        "share_working_latest": reading(latest) if latest is not None and latest["date"] != END_2017 else None,
        "share_working_all": [reading(row) for _, row in printed.drop_duplicates("date", keep="last").iterrows()],
        "cumulative_computed": [computed(row) for _, row in sums.iterrows()],
    }


def _counts_2016(chapter, own: Finder, figures: pd.DataFrame) -> dict:
    counts = analysis.counts_at(figures, END_2016)
    revised = chapter.revisions()
    kinds = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == END_2016), "kind"]
    return {
        "counts_2016": [{"series": row["series"], "figures": _sources(own, row, END_2016)} for _, row in counts.iterrows()],
        "counts_2016_kind": kinds.iloc[0] if not kinds.empty else CONFLICT,  # figures.revisions: the kind of difference
    }


def _regeling(own: Finder, figures: pd.DataFrame) -> dict:
    found = analysis.latest_against_regeling(figures)
    latest = None
    if found is not None:
        count, places = found
        latest = {
            "count": _cited(own, count, "personen"),
            "places": _figure(own, places["value"], places["period"]),
            "sources": _sources(own, places),
        }
    return {
        "regeling_places": [_figure(own, r["value"], r["period"]) for _, r in analysis.regeling_places(figures).iterrows()],
        # The latest count of people working at a date the regeling gives a number for, and that number.
        "regeling_latest": latest,
    }


def _fill(own: Finder, figures: pd.DataFrame) -> dict:
    rates = analysis.fill_rate(figures).set_index("measure")["fill_rate"]
    inputs = analysis.fill_rate_inputs(figures)
    return {
        # fill_working, fill_places, fill_hours_worked, fill_hours_per_place:
        **{f"fill_{name}": float(number) for name, number in inputs.items()},
        "fill_persons": float(rates[analysis.PERSONS]),  # ours, in percent
        "fill_hours": float(rates[HOURS]),  # ours, in percent
        "fill_printed": float(rates[PRINTED]),
        "fill_hours_rounds": _rounds_to(rates[HOURS], rates[PRINTED]),
        "fill_rate_2017": own.figure("regeling_fill_rate", END_2017),
        "hours_worked_2017": own.figure("average_hours_worked", "2017"),
        # The bonus's period is that of the places it was awarded for ("bonus": the text says so).
        "money": [
            {"label": row["label"], "figure": own.of(row), "bonus": str(row["indicator"]).startswith("bonus_")}
            for _, row in analysis.money(figures).iterrows()
        ],
    }


# --- the letters' national figures, in every edition ------------------------------------------------------------


def _national(national: Finder, figures: pd.DataFrame) -> dict:
    places = analysis.regeling_places(figures)
    structural = lookup.select(figures, "financed_sheltered_workplaces").loc[lambda f: f["period_kind"] == "open"]
    return {
        "national_share_jan_may_gemeente": national.figure("share_positive_advices", JAN_MAY_2017, category="gemeente"),
        "national_share_amsterdam_rotterdam": national.figure(
            "share_positive_advices", "2015-01/2018-03", category="amsterdam_rotterdam"
        ),
        "national_placement_months": national.figure("placement_time_after_advice", "2018"),
        "national_regeling": [_figure(national, r["value"], r["period"]) for _, r in places.iterrows()],
        "national_regeling_sources": [figure for _, r in places.iterrows() for figure in _sources(national, r)],
        "national_financed_2017": national.figure("financed_sheltered_workplaces", END_2017),
        "national_financed_structural": national.of(structural.iloc[0]) if not structural.empty else None,
        "national_financed_from": str(structural["period_start"].iloc[0].year) if not structural.empty else None,
        "national_projected_2050": national.figure("projected_sheltered_workplaces", "2050"),
        "national_claimed": national.figure("claimed_sheltered_workplaces", "2018-04-04"),
        "national_hours_per_place": national.figure("assumed_hours_per_place", "2017/.."),
        "national_regeling_2018": national.figure("regeling_sheltered_workplaces", analysis.END_2018, source_id=SEPT_2018),
        "national_not_offering_2015": national.figure("share_gemeenten_not_offering", "2015"),
        "national_not_offering_2016": national.figure("share_gemeenten_not_offering", "2016"),
        "national_stimulus": national.figure("stimulus_budget", "2016/2020"),
        "national_bonus_available": national.figure("bonus_available", "2015/2016"),
        "national_bonus_paid": national.figure("bonus_paid", "2015/2016"),
        "national_bonus_retained": national.figure("bonus_retained", "2015/2016"),
        "national_bonus_duration": national.figure("bonus_duration", "2015/2019"),
        "national_meetings_regional": national.figure("information_meetings", "2017", category="bovenregionaal"),
        "national_meetings_school": national.figure("information_meetings", "2017", category="vso_pro"),
        "national_participants_regional": national.figure(
            "information_meeting_participants", "2017", category="bovenregionaal"
        ),
        "national_participants_school": national.figure("information_meeting_participants", "2017", category="vso_pro"),
        # What the letter of June 2017 sets beside its extrapolation to 2017 (p. 10).
        "national_advices_2016": national.figure("positive_advices", "2016", category="totaal", source_id=JUNE_2017),
        "national_regeling_2017": national.figure("regeling_sheltered_workplaces", END_2017, source_id=JUNE_2017),
    }
