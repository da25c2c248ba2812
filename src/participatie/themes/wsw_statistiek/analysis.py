"""De sociale werkvoorziening in cijfers: the analyses, figures in and frames or numbers out.

Sources: the letters of July 2013 (tk-29817-126, the Wsw-statistiek 2012), April 2017 (tk-34352-56),
June 2017 (ek-33981-n) and June 2018 (tk-29817-145). Frames have English column names and codes.
Series are read whole: the latest period in the data (`lookup.latest`) is the one a sentence about "the
latest state" names; only the checks of a letter's own claims name the period of that claim.
"""

from __future__ import annotations

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
# Figures whose period the letters do not give: the data need a period, and the one there is our assumption.
ASSUMED_PERIOD = {"motie_kerstens_funds", "wsw_cuts_cited_by_zembla"}
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


def _sourced(rows: pd.DataFrame, **columns) -> pd.DataFrame:
    """Return a frame of `columns` with the letter and page of each row (source_id, page)."""
    return pd.DataFrame({**columns, "source_id": rows["source_id"], "page": rows["page"]})


def _mln(value: pd.Series, unit: pd.Series) -> pd.Series:
    return value * unit.map(EURO_PER_UNIT) / EURO_PER_UNIT["euro_mln"]


def _after_letter(rows: pd.DataFrame) -> pd.Series:
    """Return per row whether its period starts after the date of its letter."""
    return rows["period_start"] > pd.to_datetime(rows["source_date"]).dt.date


def series(figures: pd.DataFrame, indicator: str, category: str | None = None) -> pd.DataFrame:
    """Return an indicator's rows as `lookup.latest` chooses and orders them, with the date `at` each is placed at."""
    return lookup.ordered(figures, indicator, category=category).reset_index(drop=True)


def latest_two(
    figures: pd.DataFrame, indicator: str, category: str | None = None
) -> tuple[pd.Series | None, pd.Series | None]:
    """Return the rows of an indicator's latest period and of the period before it (None where there is none)."""
    rows = series(figures, indicator, category)
    latest = lookup.last(rows)
    return (None, None) if latest is None else (lookup.last(rows.loc[rows["at"] < latest["at"]]), latest)


def indications(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw-indicaties per year and part as printed, plus our sum of the parts of every year that has both."""
    rows = series(figures, "wsw_indications")
    printed = _sourced(rows, period=rows["period"], part=rows["category"], indications=rows["value"], kind=PRINTED)
    parts = rows.loc[rows["period"].isin(parts_periods(figures)) & rows["category"].isin([FIRST, REPEAT])]
    # One row per year: the sum of its parts, cited to the letter and page of its last part.
    sums = parts.assign(value=parts.groupby("period")["value"].transform("sum")).drop_duplicates("period", keep="last")
    summed = _sourced(sums, period=sums["period"], part=SUM_OF_PARTS, indications=sums["value"], kind=COMPUTED)
    order = {TOTAL: 0, SUM_OF_PARTS: 1, FIRST: 2, REPEAT: 3}
    return (
        pd.concat([printed, summed], ignore_index=True)
        .sort_values(["period", "part"], key=lambda column: column.map(order) if column.name == "part" else column)
        .reset_index(drop=True)
    )


def parts_periods(figures: pd.DataFrame) -> list[str]:
    """Return the years for which the data give both first indications and re-indications, oldest first."""
    rows = lookup.select(figures, "wsw_indications")
    first, repeat = (set(rows.loc[rows["category"] == part, "period"]) for part in (FIRST, REPEAT))
    return sorted(first & repeat)


def waiting_list(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the waiting list: every printed stand, and for every printed decrease the start it implies.

    The letter gives the decrease "ten opzichte van begin 2012" and no start: the start is the end stand plus the decrease.
    """
    stands = series(figures, "wsw_waiting_list")
    printed = _sourced(stands, date=stands["period"], persons=stands["value"], kind=PRINTED)
    spans = series(figures, "wsw_waiting_list_decrease")
    spans = spans.loc[spans["period_kind"] == "interval"]
    ends = stands.drop_duplicates("period", keep="last").set_index("period")["value"]
    spans = spans.assign(stock=spans["period_end"].astype(str).map(ends)).dropna(subset="stock")
    starts = _sourced(
        spans,
        date=spans["period_start"].astype(str),
        persons=spans["stock"] + spans["value"],
        kind=COMPUTED,
        end_stock=spans["stock"],
        decrease=spans["value"],
    )
    return pd.concat([printed, starts], ignore_index=True).sort_values("date", kind="stable").reset_index(drop=True)


def waiting_list_decrease_pct(figures: pd.DataFrame) -> float:
    """Return the 2012 decrease of the waiting list as a percentage of the start (end plus decrease)."""
    end = lookup.value(figures, "wsw_waiting_list", END_2012)
    decrease = lookup.value(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return lookup.ratio(100 * decrease, end + decrease)


def supported_employment_rise(figures: pd.DataFrame) -> float:
    """Return the rise in places in begeleid werken from the start to the end of 2012, in percent."""
    # The letter of July 2013 calls its 6,2% "een stijging" of these places (p. 4): this is the rise its
    # own counts give, to set beside it.
    start = lookup.value(figures, "wsw_supported_employment_places", START_2012)
    end = lookup.value(figures, "wsw_supported_employment_places", END_2012)
    return 100 * (lookup.ratio(end, start) - 1)


def share_series(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Return a printed share per period (wsw_seconded_share, wsw_regular_employer_share), oldest first.

    The two are different figures, not one series: the seconded share of people with a Wsw-dienstbetrekking
    (Wsw-statistiek) and the share at a regular employer (April 2017 letter, which does not say what it counts).
    """
    rows = series(figures, indicator)
    return _sourced(rows, period=rows["period"], percent=rows["value"], kind=PRINTED)


def budget(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw budget for municipalities per printed year (mln euro): an amount, or an expectation.

    A year that starts after the date of its letter is an expectation (the letter of June 2018 expects 0 in 2050);
    the letters give no amounts between the printed years, and none are made here.
    """
    rows = series(figures, "wsw_budget")
    return _sourced(
        rows,
        year=rows["period_start"].map(lambda start: start.year),
        mln_euro=_mln(rows["value"], rows["unit"]),
        kind=_after_letter(rows).map({True: EXPECTED, False: PRINTED}),
    )


def budget_rows(figures: pd.DataFrame) -> tuple[pd.Series | None, pd.Series | None]:
    """Return the figure rows of the latest budget amount and of the latest expectation (None where there is none)."""
    rows = series(figures, "wsw_budget")
    expected = _after_letter(rows)
    return lookup.last(rows.loc[~expected]), lookup.last(rows.loc[expected])


def efficiency_cut(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the efficiency cut per year that has both figures: per Wsw employee (euro) and on the total (mln euro).

    The total is a yearly amount ("op jaarbasis"). The letters do not say on which number of Wsw
    employees or arbeidsjaren the total rests, so no number of employees is derived from the two.
    """
    per = series(figures, "wsw_efficiency_cut_per_employee").drop_duplicates("period", keep="last")
    total = series(figures, "wsw_efficiency_cut_total").drop_duplicates("period", keep="last")
    cut = per.merge(total, on="period", suffixes=("", "_total"))
    return pd.DataFrame(
        {
            "year": cut["period"],
            "cut_per_employee": cut["value"] * cut["unit"].map(EURO_PER_UNIT),
            "cut_per_employee_qualifier": cut["qualifier"].fillna(""),
            "cut_total_mln": _mln(cut["value_total"], cut["unit_total"]),
            "source_id": cut["source_id"],
            "page": cut["page"],
            "total_source_id": cut["source_id_total"],
            "total_page": cut["page_total"],
        }
    )


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the theme's money figures by topic, flagged: period assumed, quoted claim, financing basis, expectation."""
    money = figures.loc[figures["unit"].isin(list(EURO_PER_UNIT))]
    indicator = money["indicator"]
    return (
        money.assign(
            period_assumed=indicator.isin(ASSUMED_PERIOD),
            # A claim from a television programme the letter only quotes: no figure of the ministry.
            cited_claim=indicator.isin({"wsw_cuts_cited_by_zembla"}),
            # The starting point the financing of the Participatiewet assumed (the letter of June 2017), not an
            # amount paid or set.
            financing_basis=indicator.isin({"wsw_state_contribution_per_place"}),
            # An amount for a year after the letter's date is an expectation (the letter of June 2018 expects the
            # Wsw budget to fall to 0 in 2050); the efficiency cut for 2020 is a set cut.
            expected=indicator.isin({"wsw_budget"}) & _after_letter(money),
            _topic=indicator.map({name: i for i, name in enumerate(MONEY_ORDER)}).fillna(len(MONEY_ORDER)),
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
