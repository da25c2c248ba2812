"""Beschut werk: the analyses (figures in, frames out)."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import formatting

THEME = "beschut_werk"
APPLICANT = {"gemeente": "Gemeente", "burger": "Burger", "totaal": "Totaal"}
# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
JAN_MAY_2017, Q1_2018 = "2017-01/2017-05", "2018-01/2018-03"
END_2016, END_2017, MARCH_2018 = "2016-12-31", "2017-12-31", "2018-03-31"
REGELING, WORKING = "plekken volgens de regeling", "mensen aan het werk"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def advices_per_period(figures: pd.DataFrame) -> pd.DataFrame:
    """Return positive advices per year (and Q1 2018): realised counts and the letters' extrapolations."""
    rows = fig.select(figures, "positive_advices").loc[lambda f: f["category"].isna()]
    return (
        rows.assign(
            soort=rows["derived"].map({False: "gerealiseerd", True: "extrapolatie in de brief"}),
            periode=rows["period_label"],
            brief=rows["source_reference"],
        )
        .sort_values(["period_end", "derived"])
        [["periode", "soort", "value", "brief", "source_id", "page"]]
        .rename(columns={"value": "adviezen"})
        .reset_index(drop=True)
    )


def extrapolation_error(figures: pd.DataFrame) -> float:
    """Return how far the realised 2017 advices exceeded the mid-2017 extrapolation, in percent."""
    forecast = _v(figures, "positive_advices", "2017", source_id=JUNE_2017)
    realised = _v(figures, "positive_advices", "2017", source_id=JUNE_2018)
    return 100 * (fig.ratio(realised, forecast) - 1)


def assessments_by_applicant(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the UWV assessments table by applicant with the printed and recomputed share positive."""
    frame = (
        fig.select(figures, "assessments")
        .loc[lambda f: f["dimension"] == "aanvrager"]
        .loc[lambda f: f["period"].isin([JAN_MAY_2017, "2016"])]
        [["category", "period", "period_label", "value"]]
        .rename(columns={"value": "beoordelingen"})
    )
    positive = fig.select(figures, "positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    shares = fig.select(figures, "share_positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    keyed = ["category", "period"]
    frame = (
        frame.merge(positive[[*keyed, "value"]].rename(columns={"value": "positief"}), on=keyed, how="left")
        .merge(shares[[*keyed, "value"]].rename(columns={"value": "aandeel_gedrukt"}), on=keyed, how="left")
    )
    frame = frame.assign(
        aandeel_herberekend=fig.ratio(100 * frame["positief"], frame["beoordelingen"]),
        aanvrager=frame["category"].map(APPLICANT),
        order=frame["category"].map({"gemeente": 0, "burger": 1, "totaal": 2}),
    )
    return frame.sort_values(["period", "order"], ascending=[False, True]).drop(columns="order").reset_index(drop=True)


def unweighted_total_share(figures: pd.DataFrame) -> float:
    """Return the plain mean of the gemeente and burger shares: how the printed total of 71% arises."""
    return (_v(figures, "share_positive_advices", JAN_MAY_2017, "gemeente")
            + _v(figures, "share_positive_advices", JAN_MAY_2017, "burger")) / 2


def citizen_assessments_by_month(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the months of 2017 for which the letter gives assessments requested by citizens."""
    rows = fig.select(figures, "assessments", category="burger").loc[lambda f: f["period_start"] == f["period_end"].map(lambda d: d.replace(day=1))]
    return (
        rows.assign(maand=rows["period_label"], datum=rows["period_start"].astype(str))
        [["maand", "datum", "value"]].rename(columns={"value": "beoordelingen"})
        .sort_values("datum").reset_index(drop=True)
    )


def working_vs_advised(figures: pd.DataFrame) -> pd.DataFrame:
    """Return, per date, people working on a beschut werkplek against everyone positively advised.

    The cumulative advices at end 2016 are not printed; the book adds the 2015 and 2016 counts
    (advices before 2015 are assumed nil: the instrument started in 2015).
    """
    cumulative = {
        END_2016: (_v(figures, "positive_advices", "2015") + _v(figures, "positive_advices", "2016"), True),
        END_2017: (_v(figures, "positive_advices_cumulative", END_2017), False),
        MARCH_2018: (_v(figures, "positive_advices_cumulative", MARCH_2018), False),
    }
    working = fig.select(figures, "working_sheltered_workplace")
    rows = []
    for period, (advised, computed) in cumulative.items():
        at_date = working.loc[working["period"] == period].drop_duplicates("value", keep="last")
        latest_letter = at_date["source_date"].max()
        for _, row in at_date.sort_values("source_date").iterrows():
            rows.append({
                "peildatum": row["period_label"], "datum": period, "werkend": row["value"],
                "positief_geadviseerd": advised, "geadviseerd_berekend": computed,
                "aandeel_werkend": fig.ratio(100 * row["value"], advised), "brief": row["source_reference"],
                "laatste_opgave": row["source_date"] == latest_letter, "source_id": row["source_id"],
            })
    return pd.DataFrame(rows)


def fill_rate(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the 2017 regeling's fill rate by persons and by hours, beside the printed 37%.

    By hours: people working × hours they work on average, against places × hours the regeling
    assumes per place. That is the only reading of the letter's figures that yields its 37%.
    """
    working = _v(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018)
    places = _v(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018)
    hours_worked = _v(figures, "average_hours_worked", "2017")
    hours_assumed = _v(figures, "assumed_hours_per_place", "2017/..")
    printed = _v(figures, "regeling_fill_rate", END_2017)
    return pd.DataFrame([
        {"maatstaf": "personen", "teller": working, "noemer": places, "vervulling": fig.ratio(100 * working, places),
         "berekening": f"{formatting.number(working)} werkenden / {formatting.number(places)} plekken"},
        {"maatstaf": "uren", "teller": working * hours_worked, "noemer": places * hours_assumed,
         "vervulling": fig.ratio(100 * working * hours_worked, places * hours_assumed),
         "berekening": (f"{formatting.number(working)} × {formatting.number(hours_worked)} uur / "
                        f"({formatting.number(places)} × {formatting.number(hours_assumed)} uur)")},
        {"maatstaf": "gedrukt in de brief", "teller": None, "noemer": None, "vervulling": printed, "berekening": "–"},
    ])


def regeling_vs_working(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the regeling's places for end 2017 and end 2018 beside the latest count of people working."""
    rows = [
        {"moment": "eind 2017", "reeks": REGELING,
         "aantal": _v(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018)},
        {"moment": "eind 2017", "reeks": WORKING,
         "aantal": _v(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018)},
        {"moment": "eind 2018 (werkenden: stand 31 maart)", "reeks": REGELING,
         "aantal": _v(figures, "regeling_sheltered_workplaces", "2018-12-31", source_id=JUNE_2018)},
        {"moment": "eind 2018 (werkenden: stand 31 maart)", "reeks": WORKING,
         "aantal": _v(figures, "working_sheltered_workplace", MARCH_2018)},
    ]
    return pd.DataFrame(rows)
