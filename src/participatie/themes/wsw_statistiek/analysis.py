"""De sociale werkvoorziening in cijfers: the analyses, figures in and frames or numbers out.

Sources: the letters of July 2013 (tk-29817-126, the Wsw-statistiek 2012), April 2017 (tk-34352-56),
June 2017 (ek-33981-n) and June 2018 (tk-29817-145). Frames have English column names and codes;
periods are ISO text and letters source ids. Assumptions are written where they are made.
"""

from __future__ import annotations

import math

import pandas as pd

from ...figures import lookup
from ...figures.rounding import rounding_margin

# Letters by role, so an analysis says which letter's figure it uses.
JULY_2013, APRIL_2017, JUNE_2017, JUNE_2018 = "tk-29817-126", "tk-34352-56", "ek-33981-n", "tk-29817-145"
YEAR_2011, YEAR_2012, SPAN_2012 = "2011", "2012", "2012-01/2012-12"
START_2012, END_2012 = "2012-01-01", "2012-12-31"
CUT_FIRST, CUT_LAST = "2015", "2020"
# Where a value comes from: printed in a letter, computed by the book, or interpolated by the book.
PRINTED, COMPUTED, INTERPOLATED = "printed", "computed", "interpolated"
# Kinds of Wsw-indicaties: the data's categories, and the book's sum of the 2012 parts.
TOTAL, FIRST, REPEAT, SUM_OF_PARTS = "totaal", "eerste_indicatie", "herindicatie", "sum_of_parts"
INDICATION_ORDER = {TOTAL: 0, SUM_OF_PARTS: 1, FIRST: 2, REPEAT: 3}
# Ways of working outside the sw-bedrijf.
SECONDED, SUPPORTED, REGULAR = "seconded", "supported", "regular"
# The two ways to the start of the 2012 waiting list, and the readings of the printed 6,2%.
VIA_END, VIA_PERCENTAGE = "end_plus_decrease", "decrease_over_percentage"
RISE, SHARE_END, SHARE_START = "rise", "share_end", "share_start"
# Figures whose period the letters do not give: the period in the data is the book's assumption.
ASSUMED_PERIOD = {"motie_kerstens_funds", "wsw_cuts_cited_by_zembla"}
# Figures the letter only quotes from a television programme: no figure of the ministry.
CITED_CLAIM = {"wsw_cuts_cited_by_zembla"}
# Unit conversion (not data): euros per unit of a money unit.
EURO_PER_UNIT = {"euro": 1, "euro_mln": 1_000_000, "euro_mld": 1_000_000_000}


def _value(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None) -> float:
    return lookup.value(figures, indicator, period, category=category)


def indications(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw-indicaties per year and kind as printed, plus the book's sum of the 2012 parts.

    Columns: period, part (the data's category, or sum_of_parts), indications, kind, source_id.
    """
    rows = lookup.select(figures, "wsw_indications")
    printed = pd.DataFrame(
        {
            "period": rows["period"],
            "part": rows["category"],
            "indications": rows["value"],
            "kind": PRINTED,
            "source_id": rows["source_id"],
        }
    )
    parts = rows.loc[(rows["period"] == YEAR_2012) & (rows["category"] != TOTAL)]
    total = pd.DataFrame(
        [
            {
                "period": YEAR_2012,
                "part": SUM_OF_PARTS,
                "indications": parts["value"].sum(),
                "kind": COMPUTED,
                "source_id": parts["source_id"].iloc[0],
            }
        ]
    )
    return (
        pd.concat([printed, total], ignore_index=True)
        .assign(_order=lambda f: f["part"].map(INDICATION_ORDER))
        .sort_values(["period", "_order"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def indications_difference(figures: pd.DataFrame) -> float:
    """Return the printed 2012 total of indicaties minus the sum of first and re-indications."""
    return (
        _value(figures, "wsw_indications", YEAR_2012, TOTAL)
        - _value(figures, "wsw_indications", YEAR_2012, FIRST)
        - _value(figures, "wsw_indications", YEAR_2012, REPEAT)
    )


def waiting_list(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the waiting list at the start of 2012 (end plus decrease, computed) and at its end (printed).

    Columns: date, persons, kind, and for the computed start the end_stock and decrease it adds up.
    """
    end = _value(figures, "wsw_waiting_list", END_2012)
    decrease = _value(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return pd.DataFrame(
        [
            {"date": START_2012, "persons": end + decrease, "kind": COMPUTED, "end_stock": end, "decrease": decrease},
            {"date": END_2012, "persons": end, "kind": PRINTED, "end_stock": math.nan, "decrease": math.nan},
        ]
    )


def waiting_list_decrease_pct(figures: pd.DataFrame) -> float:
    """Return the 2012 decrease of the waiting list as a percentage of the start (end plus decrease)."""
    end = _value(figures, "wsw_waiting_list", END_2012)
    decrease = _value(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return lookup.ratio(100 * decrease, end + decrease)


def implied_waiting_list_start(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the start-of-2012 waiting list implied two ways: end plus decrease, and decrease over its percentage.

    The percentage is printed with one decimal; low and high bound every start it is compatible with.
    Columns: method, start, low, high, percentage (the printed one, for the second way).
    """
    end = _value(figures, "wsw_waiting_list", END_2012)
    decrease = _value(figures, "wsw_waiting_list_decrease", SPAN_2012)
    pct = _value(figures, "wsw_waiting_list_decrease_pct", SPAN_2012)
    half = rounding_margin(pct)
    return pd.DataFrame(
        [
            {
                "method": VIA_END,
                "start": end + decrease,
                "low": end + decrease,
                "high": end + decrease,
                "percentage": math.nan,
            },
            {
                "method": VIA_PERCENTAGE,
                "start": lookup.ratio(100 * decrease, pct),
                "low": lookup.ratio(100 * decrease, pct + half),
                "high": lookup.ratio(100 * decrease, pct - half),
                "percentage": pct,
            },
        ]
    )


def workforce(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce and the places in begeleid werken at the start and end of 2012, with their share."""
    rows = []
    for period in (START_2012, END_2012):
        employees = _value(figures, "wsw_employees", period)
        supported = _value(figures, "wsw_supported_employment_places", period)
        rows.append(
            {
                "date": period,
                "employees": employees,
                "supported_places": supported,
                "supported_share": lookup.ratio(100 * supported, employees),
            }
        )
    return pd.DataFrame(rows)


def supported_employment_rise(figures: pd.DataFrame) -> float:
    """Return the rise in places in begeleid werken from the start to the end of 2012, in percent."""
    start = _value(figures, "wsw_supported_employment_places", START_2012)
    end = _value(figures, "wsw_supported_employment_places", END_2012)
    return 100 * (lookup.ratio(end, start) - 1)


def supported_employment_readings(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the readings of the printed 6,2% for begeleid werken: the rise it claims and the shares that match it.

    Columns: reading (rise, share_end, share_start), percent, numerator, denominator, printed, and
    matches_printed: whether the reading, rounded as the letter rounds, gives the printed number.
    """
    start = _value(figures, "wsw_supported_employment_places", START_2012)
    end = _value(figures, "wsw_supported_employment_places", END_2012)
    staff_start = _value(figures, "wsw_employees", START_2012)
    staff_end = _value(figures, "wsw_employees", END_2012)
    printed = _value(figures, "wsw_supported_employment_places_increase_pct", SPAN_2012)
    frame = pd.DataFrame(
        [
            {"reading": RISE, "percent": supported_employment_rise(figures), "numerator": end, "denominator": start},
            {
                "reading": SHARE_END,
                "percent": lookup.ratio(100 * end, staff_end),
                "numerator": end,
                "denominator": staff_end,
            },
            {
                "reading": SHARE_START,
                "percent": lookup.ratio(100 * start, staff_start),
                "numerator": start,
                "denominator": staff_start,
            },
        ]
    )
    return frame.assign(
        printed=printed,
        matches_printed=(frame["percent"] - printed).abs() <= rounding_margin(printed) + 1e-9,
    )


def outside_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of Wsw employees working outside the sw-bedrijf per year, printed parts and computed parts.

    2011 and 2012: the printed share seconded (gedetacheerd) plus the book's share in begeleid werken
    (places over workforce; for 2011 the stand of 1 January 2012 stands in for the end of 2011). The book
    assumes both shares have the same workforce as denominator; the letter does not say. 2014 and 2015:
    the printed share at regular employers, which the April 2017 letter does not break down.
    Columns: year, part, percent, kind, as_of (the period of the stand used), source_id, year_total.
    """
    shares = workforce(figures).set_index("date")["supported_share"]
    rows = []
    for year, stand in ((YEAR_2011, START_2012), (YEAR_2012, END_2012)):
        seconded = lookup.row(figures, "wsw_seconded_share", year)
        rows.append(
            {
                "year": year,
                "part": SECONDED,
                "percent": float(seconded["value"]),
                "kind": PRINTED,
                "as_of": year,
                "source_id": seconded["source_id"],
            }
        )
        rows.append(
            {
                "year": year,
                "part": SUPPORTED,
                "percent": shares[stand],
                "kind": COMPUTED,
                "as_of": stand,
                "source_id": seconded["source_id"],
            }
        )
    regular = lookup.select(figures, "wsw_regular_employer_share").sort_values("period")
    for _, row in regular.iterrows():
        rows.append(
            {
                "year": row["period"],
                "part": REGULAR,
                "percent": row["value"],
                "kind": PRINTED,
                "as_of": row["period"],
                "source_id": row["source_id"],
            }
        )
    frame = pd.DataFrame(rows)
    return frame.assign(year_total=frame.groupby("year")["percent"].transform("sum"))


def _printed_budget(figures: pd.DataFrame) -> pd.DataFrame:
    return lookup.select(figures, "wsw_budget").assign(year=lambda f: f["period"].astype(int)).sort_values("year")


def budget_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw budget per year (mln euro): the years the letter prints, and a straight line between them.

    The letter gives only the end points and says the amount falls gradually; the straight line is the
    book's interpolation, not the letter's path (which follows the shrinking number of Wsw employees).
    Columns: year (int), mln_euro, kind (printed or interpolated).
    """
    printed = _printed_budget(figures)
    years, values = printed["year"].tolist(), printed["value"].tolist()
    rows = []
    for (y0, v0), (y1, v1) in zip(zip(years, values), zip(years[1:], values[1:])):
        for year in range(y0 + 1, y1):
            rows.append({"year": year, "mln_euro": v0 + (v1 - v0) * (year - y0) / (y1 - y0), "kind": INTERPOLATED})
    rows += [{"year": y, "mln_euro": v, "kind": PRINTED} for y, v in zip(years, values)]
    return pd.DataFrame(rows).sort_values("year").reset_index(drop=True)


def budget_linear_decline(figures: pd.DataFrame) -> float:
    """Return the yearly fall of the Wsw budget (mln euro) if it fell in a straight line between the printed years."""
    printed = _printed_budget(figures)
    first, last = printed.iloc[0], printed.iloc[-1]
    return lookup.ratio(first["value"] - last["value"], last["year"] - first["year"])


def efficiency_cut(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the efficiency cut per Wsw employee (euro) and in total (mln euro), and the employees the two imply.

    Columns: year, cut_per_employee, cut_per_employee_qualifier ('' when exact), cut_total_mln,
    implied_employees (total over per employee: the number the totals were apparently computed with), source_id.
    """
    rows = []
    for year in (CUT_FIRST, CUT_LAST):
        per = lookup.row(figures, "wsw_efficiency_cut_per_employee", year)
        total = lookup.row(figures, "wsw_efficiency_cut_total", year)
        total_euro = total["value"] * EURO_PER_UNIT[total["unit"]]
        per_euro = per["value"] * EURO_PER_UNIT[per["unit"]]
        rows.append(
            {
                "year": year,
                "cut_per_employee": per_euro,
                "cut_per_employee_qualifier": per["qualifier"] if isinstance(per["qualifier"], str) else "",
                "cut_total_mln": total_euro / EURO_PER_UNIT["euro_mln"],
                "implied_employees": lookup.ratio(total_euro, per_euro),
                "source_id": total["source_id"],
            }
        )
    return pd.DataFrame(rows)


def employees_counted_and_implied(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce as counted (start and end 2012, printed) beside the numbers the efficiency cut implies.

    Columns: period, persons, kind (printed for the counts, computed for the implied numbers), source_id.
    """
    counted = lookup.select(figures, "wsw_employees").sort_values("period")
    rows = [
        {"period": r["period"], "persons": r["value"], "kind": PRINTED, "source_id": r["source_id"]}
        for _, r in counted.iterrows()
    ]
    rows += [
        {"period": r["year"], "persons": r["implied_employees"], "kind": COMPUTED, "source_id": r["source_id"]}
        for _, r in efficiency_cut(figures).iterrows()
    ]
    return pd.DataFrame(rows)


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the theme's money figures, letter by letter, flagged: period assumed by the book, claim only quoted.

    The figure rows, with period_assumed (the letters give no period; the data's is the book's
    assumption) and cited_claim (a claim from a television programme the letter quotes, no figure of
    the ministry).
    """
    money = figures.loc[figures["unit"].isin(list(EURO_PER_UNIT))]
    return (
        money.assign(
            period_assumed=money["indicator"].isin(ASSUMED_PERIOD), cited_claim=money["indicator"].isin(CITED_CLAIM)
        )
        .sort_values(["source_date", "page"], kind="stable")
        .reset_index(drop=True)
    )


def repeated_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures printed in more than one letter, one row per letter, with whether the values agree."""
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    count = keyed.groupby(lookup.KEY)["source_id"].transform("nunique")
    repeated = keyed.loc[count > 1]
    agree = repeated.groupby(lookup.KEY)["value"].transform("nunique") == 1
    return repeated.assign(values_agree=agree).sort_values([*lookup.KEY, "source_date"]).reset_index(drop=True)
