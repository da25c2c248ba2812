"""De sociale werkvoorziening in cijfers: the analyses (figures in, frames out)."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import formatting
from ...presentation.labels import COMPUTED, INTERPOLATION_MARK, PRINTED

# Where a number of Wsw employees comes from: counted by the statistics, or implied by the cut.
COUNTED, IMPLIED = "geteld (Wsw-statistiek)", "afgeleid uit de efficiencykorting"
THEME = "wsw_statistiek"
# Letters by role, so an analysis says which letter's figure it uses.
JULY_2013, APRIL_2017, JUNE_2017, JUNE_2018 = "tk-29817-126", "tk-34352-56", "ek-33981-n", "tk-29817-145"
YEAR_2011, YEAR_2012, SPAN_2012 = "2011", "2012", "2012-01/2012-12"
START_2012, END_2012 = "2012-01-01", "2012-12-31"
CUT_FIRST, CUT_LAST = "2015", "2020"
KIND = {"eerste_indicatie": "eerste indicaties", "herindicatie": "herindicaties", "totaal": "totaal"}
# Figures whose period the letters do not give: the period in the data is the book's assumption.
ASSUMED_PERIOD = {"motie_kerstens_funds", "wsw_cuts_cited_by_zembla"}
# Figures the letter only quotes from a television programme: no figure of the ministry.
CITED_CLAIM = {"wsw_cuts_cited_by_zembla"}
# Unit conversion (not data): euros per unit of a money unit.
EURO_PER_UNIT = {"euro": 1, "euro_mln": 1_000_000, "euro_mld": 1_000_000_000}
SECONDED, SUPPORTED, REGULAR = "gedetacheerd", "begeleid werken (berekend)", "bij een reguliere werkgever"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _moment(period: str) -> str:
    """Return 'begin 2012' or 'eind 2012' for a stock on the first or last day of a year, else the year."""
    parsed = pd.Timestamp(period)
    return f"begin {parsed.year}" if (parsed.month, parsed.day) == (1, 1) else f"eind {parsed.year}"


def _assumed(period: str) -> str:
    """Return an assumed period in plain words: '2015', or 'vanaf 2015' for an open period."""
    return f"vanaf {period.split('/')[0]}" if period.endswith("/..") else period


def _half_unit(value: float) -> float:
    """Return half the last printed digit of a value (25.7 -> 0.05, 34 -> 0.5): what rounding hides."""
    text = f"{value:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 / 10 ** decimals


def indications(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw-indicaties per year and kind as printed, plus the book's sum of the 2012 parts."""
    rows = fig.select(figures, "wsw_indications")
    printed = rows.assign(
        jaar=rows["period"], soort=rows["category"].map(KIND), herkomst=PRINTED,
        brief=rows["source_reference"],
    )[["jaar", "soort", "value", "herkomst", "brief", "source_id"]]
    parts = rows.loc[(rows["period"] == YEAR_2012) & (rows["category"] != "totaal")]
    total = pd.DataFrame([{
        "jaar": YEAR_2012, "soort": "som van de delen", "value": parts["value"].sum(), "herkomst": COMPUTED,
        "brief": parts["source_reference"].iloc[0], "source_id": parts["source_id"].iloc[0],
    }])
    order = {"totaal": 0, "som van de delen": 1, "eerste indicaties": 2, "herindicaties": 3}
    return (
        pd.concat([printed, total], ignore_index=True)
        .assign(_o=lambda f: f["soort"].map(order))
        .sort_values(["jaar", "_o"]).drop(columns="_o")
        .rename(columns={"value": "indicaties"})
        .reset_index(drop=True)
    )


def indications_difference(figures: pd.DataFrame) -> float:
    """Return the printed 2012 total of indicaties minus the sum of first and re-indications."""
    return (_v(figures, "wsw_indications", YEAR_2012, "totaal")
            - _v(figures, "wsw_indications", YEAR_2012, "eerste_indicatie")
            - _v(figures, "wsw_indications", YEAR_2012, "herindicatie"))


def waiting_list(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the waiting list at the start (implied by the book) and the end of 2012 (printed)."""
    end = _v(figures, "wsw_waiting_list", END_2012)
    decrease = _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return pd.DataFrame([
        {"moment": _moment(START_2012), "datum": START_2012, "personen": end + decrease, "herkomst": COMPUTED,
         "berekening": f"eindstand {formatting.number(end)} + daling {formatting.number(decrease)}"},
        {"moment": _moment(END_2012), "datum": END_2012, "personen": end, "herkomst": PRINTED,
         "berekening": "–"},
    ])


def implied_waiting_list_start(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the start-of-2012 waiting list implied two ways: end plus decrease, and decrease over its percentage.

    The percentage is printed with one decimal; the range shows every start it is compatible with.
    """
    end = _v(figures, "wsw_waiting_list", END_2012)
    decrease = _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    pct = _v(figures, "wsw_waiting_list_decrease_pct", SPAN_2012)
    half = _half_unit(pct)
    return pd.DataFrame([
        {"methode": "eindstand + daling", "beginstand": end + decrease, "laagst": end + decrease,
         "hoogst": end + decrease},
        {"methode": f"daling / {formatting.value_text(pct, 'procent')}", "beginstand": fig.ratio(100 * decrease, pct),
         "laagst": fig.ratio(100 * decrease, pct + half), "hoogst": fig.ratio(100 * decrease, pct - half)},
    ])


def workforce(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce and the places in begeleid werken at the start and end of 2012, with shares."""
    rows = []
    for period in (START_2012, END_2012):
        employees = _v(figures, "wsw_employees", period)
        supported = _v(figures, "wsw_supported_employment_places", period)
        rows.append({"moment": _moment(period), "datum": period, "werknemers": employees,
                     "begeleid_werken": supported, "aandeel_begeleid_werken": fig.ratio(100 * supported, employees)})
    return pd.DataFrame(rows)


def supported_employment_readings(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the readings of the printed 6,2% for begeleid werken: the rise it claims and the shares that match it.

    `past_bij_gedrukt` says whether the reading, rounded as the letter rounds, gives the printed number.
    """
    start = _v(figures, "wsw_supported_employment_places", START_2012)
    end = _v(figures, "wsw_supported_employment_places", END_2012)
    staff_start = _v(figures, "wsw_employees", START_2012)
    staff_end = _v(figures, "wsw_employees", END_2012)
    printed = _v(figures, "wsw_supported_employment_places_increase_pct", SPAN_2012)
    n = formatting.number
    frame = pd.DataFrame([
        {"lezing": "stijging begin–eind 2012 (zoals de brief het noemt)", "procent": 100 * (fig.ratio(end, start) - 1),
         "berekening": f"({n(end)} / {n(start)} − 1) × 100"},
        {"lezing": "aandeel in het werknemersbestand eind 2012", "procent": fig.ratio(100 * end, staff_end),
         "berekening": f"{n(end)} / {n(staff_end)} × 100"},
        {"lezing": "aandeel in het werknemersbestand begin 2012", "procent": fig.ratio(100 * start, staff_start),
         "berekening": f"{n(start)} / {n(staff_start)} × 100"},
    ])
    return frame.assign(
        gedrukt=printed,
        past_bij_gedrukt=(frame["procent"] - printed).abs() <= _half_unit(printed) + 1e-9,
    )


def outside_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of Wsw employees working outside the sw-bedrijf per year, printed parts and computed parts.

    2011 and 2012: the printed share seconded (gedetacheerd) plus the book's share in begeleid werken
    (places over workforce; for 2011 the stand of 1 January 2012 stands in for the end of 2011). The book
    assumes both shares have the same workforce as denominator; the letter does not say. 2014 and 2015:
    the printed share at regular employers, which the April 2017 letter does not break down.
    """
    shares = workforce(figures).set_index("datum")["aandeel_begeleid_werken"]
    rows = []
    for year, stand in ((YEAR_2011, START_2012), (YEAR_2012, END_2012)):
        seconded = fig.row(figures, "wsw_seconded_share", year)
        rows.append({"jaar": year, "onderdeel": SECONDED, "procent": float(seconded["value"]),
                     "herkomst": PRINTED, "stand": year, "source_id": seconded["source_id"]})
        rows.append({"jaar": year, "onderdeel": SUPPORTED, "procent": shares[stand],
                     "herkomst": COMPUTED, "stand": _moment(stand), "source_id": seconded["source_id"]})
    regular = fig.select(figures, "wsw_regular_employer_share").sort_values("period")
    for _, row in regular.iterrows():
        rows.append({"jaar": row["period"], "onderdeel": REGULAR, "procent": row["value"],
                     "herkomst": PRINTED, "stand": row["period"], "source_id": row["source_id"]})
    frame = pd.DataFrame(rows)
    return frame.assign(totaal_jaar=frame.groupby("jaar")["procent"].transform("sum"))


def budget_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw budget per year: the years the letter prints, and straight-line interpolation between them.

    The letter gives only the end points and says the amount falls gradually; the straight line is the
    book's interpolation, not the letter's path (which follows the shrinking number of Wsw employees).
    """
    printed = fig.select(figures, "wsw_budget").assign(jaar=lambda f: f["period"].astype(int)).sort_values("jaar")
    years, values = printed["jaar"].tolist(), printed["value"].tolist()
    rows = []
    for (y0, v0), (y1, v1) in zip(zip(years, values), zip(years[1:], values[1:])):
        for year in range(y0 + 1, y1):
            rows.append({"jaar": year, "miljoen_euro": v0 + (v1 - v0) * (year - y0) / (y1 - y0),
                         "soort": INTERPOLATION_MARK})
    rows += [{"jaar": y, "miljoen_euro": v, "soort": PRINTED} for y, v in zip(years, values)]
    return pd.DataFrame(rows).sort_values("jaar").reset_index(drop=True)


def budget_linear_decline(figures: pd.DataFrame) -> float:
    """Return the yearly fall of the Wsw budget (mln euro) if it fell in a straight line between the printed years."""
    printed = fig.select(figures, "wsw_budget").assign(jaar=lambda f: f["period"].astype(int)).sort_values("jaar")
    first, last = printed.iloc[0], printed.iloc[-1]
    return fig.ratio(first["value"] - last["value"], last["jaar"] - first["jaar"])


def efficiency_cut(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the efficiency cut per Wsw employee and in total, with the number of employees the two imply."""
    rows = []
    for year in (CUT_FIRST, CUT_LAST):
        per = fig.row(figures, "wsw_efficiency_cut_per_employee", year)
        total = fig.row(figures, "wsw_efficiency_cut_total", year)
        total_euro = total["value"] * EURO_PER_UNIT[total["unit"]]
        per_euro = per["value"] * EURO_PER_UNIT[per["unit"]]
        rows.append({
            "jaar": year, "korting_per_wsw_er": per_euro,
            "korting_per_wsw_er_kwalificatie": per["qualifier"] if isinstance(per["qualifier"], str) else "",
            "korting_totaal_mln": total["value"], "impliciet_aantal_wsw_ers": fig.ratio(total_euro, per_euro),
            "source_id": total["source_id"],
        })
    return pd.DataFrame(rows)


def employees_counted_and_implied(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce as counted (start and end 2012) beside the numbers implied by the efficiency cut."""
    counted = fig.select(figures, "wsw_employees").sort_values("period")
    rows = [{"moment": _moment(r["period"]), "personen": r["value"], "herkomst": COUNTED,
             "source_id": r["source_id"]} for _, r in counted.iterrows()]
    rows += [{"moment": r["jaar"], "personen": r["impliciet_aantal_wsw_ers"],
              "herkomst": IMPLIED, "source_id": r["source_id"]}
             for _, r in efficiency_cut(figures).iterrows()]
    return pd.DataFrame(rows)


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the theme's money figures with their status: ministry figure or quoted claim, period printed or assumed."""
    money = figures.loc[figures["unit"].isin(list(EURO_PER_UNIT))]
    period = [f"niet in de brief; aangenomen: {_assumed(p)}" if indicator in ASSUMED_PERIOD else label
              for indicator, p, label in zip(money["indicator"], money["period"], money["period_label"])]
    return pd.DataFrame({
        "post": money["label"], "periode": period, "waarde": [
            formatting.value_text(v, u, None, q if isinstance(q, str) else None)
            for v, u, q in zip(money["value"], money["unit"], money["qualifier"])],
        "status": money["indicator"].map(lambda i: "bewering uit een tv-uitzending, aangehaald" if i in CITED_CLAIM
                                         else "cijfer van het ministerie"),
        "periode_in_brief": money["indicator"].map(lambda i: "nee, aangenomen" if i in ASSUMED_PERIOD else "ja"),
        "source_id": money["source_id"], "page": money["page"], "source_date": money["source_date"],
    }).sort_values(["source_date", "page"], kind="stable").reset_index(drop=True)


def repeated_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures printed in more than one letter, one row per letter, with whether the values agree."""
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    count = keyed.groupby(fig.KEY)["source_id"].transform("nunique")
    repeated = keyed.loc[count > 1]
    agree = repeated.groupby(fig.KEY)["value"].transform("nunique") == 1
    return repeated.assign(gelijk=agree).sort_values([*fig.KEY, "source_date"]).reset_index(drop=True)
