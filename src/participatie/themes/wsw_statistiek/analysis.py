"""De sociale werkvoorziening in cijfers: the analyses, figures in and frames or numbers out.

Sources: the letters of July 2013 (tk-29817-126, the Wsw-statistiek 2012), April 2017 (tk-34352-56),
June 2017 (ek-33981-n) and June 2018 (tk-29817-145). Frames have English column names and codes;
periods are ISO text and letters source ids. Assumptions are written where they are made.

Series are read whole: every period in the data is drawn and the latest period (`lookup.latest`) is the
one a sentence about "the latest state" names, so a later letter or a municipality's older periods
flow through without a list of dates here. Only the recomputations of a letter's own claims (the
checks) name the period of that claim.
"""

from __future__ import annotations

import math

import pandas as pd

from ...figures import lookup

# Letters by role, so an analysis says which letter's figure it uses.
JULY_2013, APRIL_2017, JUNE_2017, JUNE_2018 = "tk-29817-126", "tk-34352-56", "ek-33981-n", "tk-29817-145"
YEAR_2011, YEAR_2012, SPAN_2012 = "2011", "2012", "2012-01/2012-12"
START_2012, END_2012 = "2012-01-01", "2012-12-31"
# Where a value comes from: printed in a letter, computed by us, or an expectation the letter prints for
# a year after its own date (the Wsw budget of 2050: no budget that was set).
PRINTED, COMPUTED, EXPECTED = "printed", "computed", "expected"
# Kinds of Wsw-indicaties: the data's categories, and our sum of the printed parts of a year.
TOTAL, FIRST, REPEAT, SUM_OF_PARTS = "totaal", "eerste_indicatie", "herindicatie", "sum_of_parts"
INDICATION_ORDER = {TOTAL: 0, SUM_OF_PARTS: 1, FIRST: 2, REPEAT: 3}
# Figures whose period the letters do not give: the data need a period, and the one there is our assumption.
ASSUMED_PERIOD = {"motie_kerstens_funds", "wsw_cuts_cited_by_zembla"}
# Figures the letter only quotes from a television programme: no figure of the ministry.
CITED_CLAIM = {"wsw_cuts_cited_by_zembla"}
# Figures a letter gives as the starting point of the financing, not as an amount paid or set (the letter of
# June 2017: the contribution per place in the sw-sector that the financing of the Participatiewet assumed).
FINANCING_BASIS = {"wsw_state_contribution_per_place"}
# Figures whose amount for a year after the letter's date is an expectation, not an amount that was set (the
# letter of June 2018 expects the Wsw budget to fall to 0 in 2050); the efficiency cut for 2020 is a set cut.
EXPECTATIONS = {"wsw_budget"}
# The money figures in the order of the chapter's topics: budget, efficiency cut, per place, extra money, quotes.
MONEY_ORDER = (
    "wsw_budget",
    "wsw_efficiency_cut_per_employee",
    "wsw_efficiency_cut_total",
    "wsw_state_contribution_per_place",
    "motie_kerstens_funds",
    "wsw_cuts_cited_by_zembla",
)
# Unit conversion (not data): euros per unit of a money unit.
EURO_PER_UNIT = {"euro": 1, "euro_mln": 1_000_000, "euro_mld": 1_000_000_000}


def _value(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None) -> float:
    return lookup.value(figures, indicator, period, category=category)


def series(figures: pd.DataFrame, indicator: str, category: str | None = None) -> pd.DataFrame:
    """Return an indicator's rows in time order (period end, or start when open; ties: oldest letter first).

    Without a category, rows without one are kept when the indicator has both (as `lookup.latest` does).
    The column `at` holds the date a row is placed at.
    """
    rows = lookup.select(figures, indicator, category=category)
    if category is None and rows["category"].notna().any() and rows["category"].isna().any():
        rows = rows.loc[rows["category"].isna()]
    placed = rows.assign(at=rows["period_end"].where(rows["period_end"].notna(), rows["period_start"]))
    return placed.sort_values(["at", "source_date"], kind="stable").reset_index(drop=True)


def latest_two(
    figures: pd.DataFrame, indicator: str, category: str | None = None
) -> tuple[pd.Series | None, pd.Series | None]:
    """Return the rows of an indicator's latest period and of the period before it (None where there is none)."""
    rows = series(figures, indicator, category)
    if rows.empty:
        return None, None
    latest = lookup.latest(figures, indicator, category=category)
    at = latest["period_end"] if pd.notna(latest["period_end"]) else latest["period_start"]
    earlier = rows.loc[rows["at"] < at]
    return (earlier.iloc[-1] if not earlier.empty else None), latest


def indications(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw-indicaties per year and kind as printed, plus our sum of the parts of every year that has both.

    Columns: period, part (the data's category, or sum_of_parts), indications, kind, source_id, page.
    """
    rows = series(figures, "wsw_indications")
    printed = pd.DataFrame(
        {
            "period": rows["period"],
            "part": rows["category"],
            "indications": rows["value"],
            "kind": PRINTED,
            "source_id": rows["source_id"],
            "page": rows["page"],
        }
    )
    sums = [
        {
            "period": period,
            "part": SUM_OF_PARTS,
            "indications": parts["value"].sum(),
            "kind": COMPUTED,
            "source_id": parts["source_id"].iloc[-1],
            "page": parts["page"].iloc[-1],
        }
        for period in parts_periods(figures)
        for parts in [rows.loc[(rows["period"] == period) & rows["category"].isin([FIRST, REPEAT])]]
    ]
    return (
        pd.concat([printed, pd.DataFrame(sums, columns=printed.columns)], ignore_index=True)
        .assign(_order=lambda f: f["part"].map(INDICATION_ORDER))
        .sort_values(["period", "_order"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def parts_periods(figures: pd.DataFrame) -> list[str]:
    """Return the years for which the data give both first indications and re-indications, oldest first."""
    rows = lookup.select(figures, "wsw_indications")
    first = set(rows.loc[rows["category"] == FIRST, "period"])
    repeat = set(rows.loc[rows["category"] == REPEAT, "period"])
    return sorted(first & repeat)


def waiting_list(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the waiting list: every printed stand, and for every printed decrease the start it implies.

    The start of a span is not printed: it is the stand at the span's end plus the decrease (the letter
    gives the decrease "ten opzichte van begin 2012", so start = end + decrease follows from it).
    Columns: date, persons, kind, end_stock and decrease (for a computed start), source_id, page.
    """
    stands = series(figures, "wsw_waiting_list")
    rows = [
        {
            "date": r["period"],
            "persons": r["value"],
            "kind": PRINTED,
            "end_stock": math.nan,
            "decrease": math.nan,
            "source_id": r["source_id"],
            "page": r["page"],
        }
        for _, r in stands.iterrows()
    ]
    for _, d in series(figures, "wsw_waiting_list_decrease").iterrows():
        end = stands.loc[stands["period"] == d["period_end"].isoformat()]
        if end.empty or d["period_kind"] != "interval":
            continue
        stock = float(end["value"].iloc[-1])
        rows.append(
            {
                "date": d["period_start"].isoformat(),
                "persons": stock + d["value"],
                "kind": COMPUTED,
                "end_stock": stock,
                "decrease": d["value"],
                "source_id": d["source_id"],
                "page": d["page"],
            }
        )
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def waiting_list_decrease_pct(figures: pd.DataFrame) -> float:
    """Return the 2012 decrease of the waiting list as a percentage of the start (end plus decrease)."""
    end = _value(figures, "wsw_waiting_list", END_2012)
    decrease = _value(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return lookup.ratio(100 * decrease, end + decrease)


def workforce(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce at every counted moment, with the places in begeleid werken and their share.

    Columns: date, employees, supported_places (NaN where not printed), supported_share (places over
    the workforce of the same moment, in percent; the letter counts the places within the workforce).
    """
    staff = series(figures, "wsw_employees").drop_duplicates("period", keep="last")
    places = series(figures, "wsw_supported_employment_places").drop_duplicates("period", keep="last")
    frame = pd.DataFrame({"date": staff["period"], "employees": staff["value"]})
    frame["supported_places"] = frame["date"].map(places.set_index("period")["value"]).astype(float)
    frame["supported_share"] = lookup.ratio(100 * frame["supported_places"], frame["employees"])
    return frame.reset_index(drop=True)


def supported_employment_rise(figures: pd.DataFrame) -> float:
    """Return the rise in places in begeleid werken from the start to the end of 2012, in percent.

    The letter of July 2013 calls its 6,2% "een stijging" of these places (p. 4): this is the rise its own
    counts give, to set beside it.
    """
    start = _value(figures, "wsw_supported_employment_places", START_2012)
    end = _value(figures, "wsw_supported_employment_places", END_2012)
    return 100 * (lookup.ratio(end, start) - 1)


def share_series(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Return a printed share per period (wsw_seconded_share, wsw_regular_employer_share), oldest first.

    Columns: period, percent, kind (printed), source_id, page. The two shares are different figures: the
    seconded share of people with a Wsw-dienstbetrekking (Wsw-statistiek) and the share working at a
    regular employer (April 2017 letter, which does not say what it counts); they are not one series.
    """
    rows = series(figures, indicator)
    return pd.DataFrame(
        {
            "period": rows["period"],
            "percent": rows["value"],
            "kind": PRINTED,
            "source_id": rows["source_id"],
            "page": rows["page"],
        }
    )


def budget(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw budget for municipalities per printed year (mln euro): an amount, or an expectation.

    A year that starts after the date of its letter is an expectation (the letter of June 2018 expects the
    budget to fall to 0 in 2050); the letters give no amounts between the printed years, and none are
    made here. Columns: year (int), mln_euro, kind (printed or expected), source_id, page.
    """
    rows = series(figures, "wsw_budget")
    letter = pd.to_datetime(rows["source_date"]).dt.date
    expected = pd.Series([start > day for start, day in zip(rows["period_start"], letter)], index=rows.index, dtype=bool)
    return pd.DataFrame(
        {
            "year": [start.year for start in rows["period_start"]],
            "mln_euro": rows["value"] * rows["unit"].map(EURO_PER_UNIT) / EURO_PER_UNIT["euro_mln"],
            "kind": expected.map({True: EXPECTED, False: PRINTED}),
            "source_id": rows["source_id"],
            "page": rows["page"],
        }
    )


def budget_rows(figures: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """Return the figure rows of the latest budget amount and of the latest expectation (None where there is none)."""
    rows = series(figures, "wsw_budget")
    if rows.empty:
        return None, None
    kinds = budget(figures)["kind"]
    current, expected = rows.loc[kinds == PRINTED], rows.loc[kinds == EXPECTED]
    return (current.iloc[-1] if not current.empty else None), (expected.iloc[-1] if not expected.empty else None)


def efficiency_cut(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the efficiency cut per year that has both figures: per Wsw employee (euro) and on the total (mln euro).

    The total is a yearly amount ("op jaarbasis"). The letters do not say on which number of Wsw
    employees or arbeidsjaren the total rests, so no number of employees is derived from the two.
    Columns: year, cut_per_employee, cut_per_employee_qualifier ('' when exact), cut_total_mln,
    source_id, page (of the per-employee figure), total_source_id, total_page.
    """
    per = series(figures, "wsw_efficiency_cut_per_employee").drop_duplicates("period", keep="last")
    total = series(figures, "wsw_efficiency_cut_total").drop_duplicates("period", keep="last").set_index("period")
    rows = []
    for _, p in per.iterrows():
        if p["period"] not in total.index:
            continue
        t = total.loc[p["period"]]
        rows.append(
            {
                "year": p["period"],
                "cut_per_employee": p["value"] * EURO_PER_UNIT[p["unit"]],
                "cut_per_employee_qualifier": p["qualifier"] if isinstance(p["qualifier"], str) else "",
                "cut_total_mln": t["value"] * EURO_PER_UNIT[t["unit"]] / EURO_PER_UNIT["euro_mln"],
                "source_id": p["source_id"],
                "page": p["page"],
                "total_source_id": t["source_id"],
                "total_page": t["page"],
            }
        )
    columns = ["year", "cut_per_employee", "cut_per_employee_qualifier", "cut_total_mln", "source_id", "page"]
    return pd.DataFrame(rows, columns=[*columns, "total_source_id", "total_page"])


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the theme's money figures by topic, flagged: period not given, claim only quoted, financing basis, expectation.

    The figure rows, with period_assumed (the letters give no period; the data's is our assumption),
    cited_claim (a claim from a television programme the letter quotes, no figure of the ministry),
    financing_basis (the starting point the financing assumed, `FINANCING_BASIS`) and
    expected (an amount of `EXPECTATIONS` for a year after the letter's date: no budget that was set).
    """
    money = figures.loc[figures["unit"].isin(list(EURO_PER_UNIT))]
    letter = pd.to_datetime(money["source_date"]).dt.date
    order = {name: i for i, name in enumerate(MONEY_ORDER)}
    return (
        money.assign(
            period_assumed=money["indicator"].isin(ASSUMED_PERIOD),
            cited_claim=money["indicator"].isin(CITED_CLAIM),
            financing_basis=money["indicator"].isin(FINANCING_BASIS),
            expected=[
                indicator in EXPECTATIONS and start > day
                for indicator, start, day in zip(money["indicator"], money["period_start"], letter)
            ],
            _topic=money["indicator"].map(order).fillna(len(order)),
        )
        .sort_values(["_topic", "period", "source_date"], kind="stable")
        .drop(columns="_topic")
        .reset_index(drop=True)
    )


def repeated_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures printed in more than one letter, one row per letter, with whether the values agree."""
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    count = keyed.groupby(lookup.KEY)["source_id"].transform("nunique")
    repeated = keyed.loc[count > 1]
    agree = repeated.groupby(lookup.KEY)["value"].transform("nunique") == 1
    return repeated.assign(values_agree=agree).sort_values([*lookup.KEY, "source_date"]).reset_index(drop=True)
