"""Banenafspraak: banen en hoe lang ze duren: the analyses (figures in, frames out)."""

from __future__ import annotations

import pandas as pd

from ...data import periods
from ...figures import lookup as fig
from ...presentation import formatting
from ...presentation.labels import COMPUTED, PRINTED

THEME = "banenafspraak"
# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
END_2016, END_2017 = "2016-12-31", "2017-12-31"
# The deadline of the 125.000 jobs: the data record it as end 2025 (ek-33981-n p. 16 says "eind 2025";
# tk-29817-145 p. 2 says "oplopend tot 2026", which reads as end 2025 when "tot" excludes 2026). Read
# inclusively ("tot en met 2026") the June 2018 letter puts it a year later; the book shows both readings.
DEADLINE = "2025-12-31"
DEADLINE_INCLUSIVE = "2026-12-31"
Q3_2015, Q3_2016, Q4_2017 = "2015-07/2015-09", "2016-07/2016-09", "2017-10/2017-12"
STUDY = "2015-07/2016-09"  # the UWV study follows people from Q3 2015 to Q3 2016
CHANGE_Q4 = "2016-10/2017-12"  # the printed increase of the gemeentelijke doelgroep, Q4 2016 to Q4 2017
BACKGROUND = {"wsw": "Wsw", "wajong": "Wajong", "participatiewet": "Participatiewet", "totaal": "Alle werkenden"}
ALTERNATIVE_TARGET = "doel bij de lezing tot en met 2026"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _years_between(start: str, end: str) -> float:
    first, last = periods.parse(start).sort_date, periods.parse(end).sort_date
    return (last.year - first.year) + (last.month - first.month) / 12


def _label(period: str) -> str:
    return formatting.period_label(period)


def realised_vs_target(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs realised at end 2016 against that year's target: surplus and ratio."""
    target = _v(figures, "extra_jobs_target", END_2016, "totaal")
    rows = (
        fig.select(figures, "extra_jobs_realised", period=END_2016)
        .sort_values("source_date", ascending=False)
    )
    return pd.DataFrame({
        "peildatum": rows["period_label"],
        "gerealiseerd": rows["value"],
        "kwalificatie": rows["qualifier"].fillna(""),
        "tussendoel": target,
        "verschil": rows["value"] - target,
        "realisatie_pct": fig.ratio(100 * rows["value"], target),
        "brief": rows["source_reference"],
        "source_id": rows["source_id"],
        "page": rows["page"],
    }).reset_index(drop=True)


def latest_realisation(figures: pd.DataFrame) -> pd.Series:
    """Return the most recent printed count of extra jobs (latest date, then latest letter)."""
    rows = fig.select(figures, "extra_jobs_realised", category="totaal")
    return rows.sort_values(["period_end", "source_date"]).iloc[-1]


def required_pace(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the yearly pace needed from the latest realisation to 125.000 jobs, for both deadline readings.

    Linear: the jobs still to be created divided by the years left. The realised pace of 2017 (end
    2017 minus end 2016, two letters) stands beside it; all of it is the book's computation.
    """
    latest = latest_realisation(figures)
    target_row = fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal")
    target = float(target_row["value"])
    readings = [
        (DEADLINE, "eind 2025 (brief juni 2017; 'tot 2026' exclusief gelezen)"),
        (DEADLINE_INCLUSIVE, "eind 2026 ('oplopend tot 2026' inclusief gelezen, brief juni 2018)"),
    ]
    rows = []
    for deadline, reading in readings:
        years = _years_between(latest["period"], deadline)
        rows.append({
            "maatstaf": f"nodig tot {_label(deadline)}", "lezing": reading, "vanaf": latest["period_label"],
            "tot": _label(deadline), "deadline": deadline, "stand": latest["value"], "doel": target,
            "nog_te_realiseren": target - latest["value"], "jaren": years,
            "per_jaar": fig.ratio(target - latest["value"], years),
        })
    start = _v(figures, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018)
    years = _years_between(END_2016, latest["period"])
    rows.append({
        "maatstaf": f"gerealiseerd in {latest['period_end'].year}", "lezing": "stand eind 2017 min stand eind 2016",
        "vanaf": _label(END_2016), "tot": latest["period_label"], "deadline": latest["period"], "stand": start,
        "doel": latest["value"], "nog_te_realiseren": latest["value"] - start, "jaren": years,
        "per_jaar": fig.ratio(latest["value"] - start, years),
    })
    return pd.DataFrame(rows)


def jobs_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs over time: realised counts, targets, and the book's linear paths to 125.000."""
    realised = fig.select(figures, "extra_jobs_realised", category="totaal")
    realised = realised.loc[realised["qualifier"].isna()].sort_values("period_end")  # exact counts only
    targets = (
        fig.select(figures, "extra_jobs_target", category="totaal").sort_values("source_date")
        .groupby(["period", "period_label", "value"], as_index=False)
        .agg(brief=("source_reference", "; ".join))
        .sort_values("period")
    )
    rows = [
        {"datum": r["period"], "peildatum": r["period_label"], "reeks": "gerealiseerd", "aantal": r["value"],
         "soort": PRINTED, "brief": r["source_reference"]}
        for _, r in realised.iterrows()
    ] + [
        {"datum": r["period"], "peildatum": r["period_label"], "reeks": "doel", "aantal": r["value"],
         "soort": PRINTED, "brief": r["brief"]}
        for _, r in targets.iterrows()
    ]
    latest = latest_realisation(figures)
    june_2018 = fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal", source_id=JUNE_2018)
    for _, pace in required_pace(figures).iloc[:2].iterrows():
        series = pace_series(pace)
        if pace["deadline"] == DEADLINE_INCLUSIVE:
            rows.append({"datum": DEADLINE_INCLUSIVE, "peildatum": pace["tot"], "reeks": ALTERNATIVE_TARGET,
                         "aantal": pace["doel"], "soort": "lezing van de brief", "brief": june_2018["source_reference"]})
        rows += [
            {"datum": latest["period"], "peildatum": latest["period_label"], "reeks": series,
             "aantal": latest["value"], "soort": COMPUTED, "brief": "–"},
            {"datum": pace["deadline"], "peildatum": pace["tot"], "reeks": series, "aantal": pace["doel"],
             "soort": COMPUTED, "brief": "–"},
        ]
    return pd.DataFrame(rows)


def pace_series(pace: pd.Series) -> str:
    """Return the Dutch name of a linear path to the target: its deadline and its pace per year."""
    return f"lineair pad tot {pace['tot']}: {formatting.number(pace['per_jaar'], 0)} per jaar"


def municipal_target_group(figures: pd.DataFrame) -> pd.DataFrame:
    """Return people of the gemeentelijke doelgroep at work in Q4 2016 (derived) and Q4 2017 (printed).

    The June 2018 letter prints the Q4 2017 level and the increase since Q4 2016, not the Q4 2016
    level itself; the book derives it as the difference.
    """
    level = fig.row(figures, "municipal_target_group_working", Q4_2017)
    change = _v(figures, "municipal_target_group_working_change", CHANGE_Q4)
    q4_2016 = formatting.period_label("2016-10/2016-12")
    return pd.DataFrame([
        {"kwartaal": q4_2016, "werkend": level["value"] - change, "soort": COMPUTED,
         "berekening": f"{formatting.number(level['value'])} − {formatting.number(change)}"},
        {"kwartaal": level["period_label"], "werkend": level["value"], "soort": PRINTED, "berekening": "–"},
    ])


def municipal_growth(figures: pd.DataFrame) -> float:
    """Return the growth of the gemeentelijke doelgroep at work from Q4 2016 to Q4 2017, in percent (derived base)."""
    frame = municipal_target_group(figures)
    return 100 * (fig.ratio(frame["werkend"].iloc[1], frame["werkend"].iloc[0]) - 1)


def reintegration_change(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the re-integration provisions begin 2015 and end 2017 with the change the book computes."""
    rows = fig.select(figures, "reintegration_provisions").sort_values("period_end")
    first, last = rows.iloc[0], rows.iloc[-1]
    return pd.DataFrame([{
        "van": first["period_label"], "tot": last["period_label"], "begin": first["value"], "eind": last["value"],
        "toename": last["value"] - first["value"], "toename_pct": 100 * (fig.ratio(last["value"], first["value"]) - 1),
    }])


def retention_by_background(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of people working in Q3 2015 who (still or again) worked a year later, by background."""
    rows = fig.select(figures, "working_after_one_year_share", period=STUDY)
    order = list(BACKGROUND)
    return (
        rows.assign(achtergrond=rows["category"].map(BACKGROUND), volgorde=rows["category"].map(order.index),
                    kwalificatie=rows["qualifier"].fillna(""))
        .sort_values("volgorde")
        [["category", "achtergrond", "value", "kwalificatie", "page"]]
        .rename(columns={"value": "aandeel"})
        .reset_index(drop=True)
    )


def retention_outcomes(figures: pd.DataFrame) -> pd.DataFrame:
    """Return what became of everyone working in Q3 2015 a year later, with the people each share stands for.

    The base is the circa 80.000 people of the register at work in Q3 2015. The shares working and not
    working should add up to 100; the rest is what the letter leaves unexplained, computed by the book.
    People per share: share × base, as rough as the circa of the base.
    """
    base = _v(figures, "register_persons_working", Q3_2015)
    working = fig.row(figures, "working_after_one_year_share", STUDY, category="totaal")
    all_points = fig.row(figures, "working_all_measurements_share", STUDY, category="totaal")
    gone = fig.row(figures, "not_working_after_one_year_share", STUDY, category="totaal")
    rows = [
        ("weer of nog aan het werk", working, PRINTED),
        ("op alle peilmomenten aan het werk", all_points, PRINTED),
        ("niet meer aan het werk", gone, PRINTED),
    ]
    frame = pd.DataFrame([
        {"uitkomst": name, "aandeel": r["value"], "kwalificatie": r["qualifier"] if isinstance(r["qualifier"], str) else "",
         "soort": kind, "page": r["page"]}
        for name, r, kind in rows
    ])
    rest = 100 - working["value"] - gone["value"]
    frame = pd.concat([frame, pd.DataFrame([{"uitkomst": "niet verklaard (rest)", "aandeel": rest, "kwalificatie": "",
                                             "soort": COMPUTED, "page": pd.NA}])], ignore_index=True)
    return frame.assign(basis=base, personen=frame["aandeel"] / 100 * base)


def contracts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares on permanent contracts: hours of everyone in the register, and Wajong persons."""
    hours = fig.select(figures, "hours_permanent_contract_share").assign(maatstaf="uren, alle werkenden uit het register")
    persons = fig.select(figures, "permanent_contract_share_persons", category="wajong").assign(maatstaf="personen, Wajong")
    frame = pd.concat([hours, persons])
    return pd.DataFrame({
        "maatstaf": frame["maatstaf"], "kwartaal": frame["period_label"], "period": frame["period"],
        "aandeel_vast": frame["value"], "kwalificatie": frame["qualifier"].fillna(""), "page": frame["page"],
    }).reset_index(drop=True)


def page_view_ratio(figures: pd.DataFrame) -> tuple[float, float]:
    """Return the April 2017 LinkedIn page views as a multiple of the usual range (upper, lower bound)."""
    views = _v(figures, "mkb_campaign_linkedin_page_views", "2017-04")
    low = _v(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "ondergrens")
    high = _v(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "bovengrens")
    return fig.ratio(views, high), fig.ratio(views, low)
