"""Financiering van bijstand en re-integratie: the analyses, figures in and frames or numbers out.

The money for benefits (macrobudget BUIG) and for re-integration (participatiebudget). Sources: the
letters of April 2017 (tk-34352-56), June 2017 (ek-33981-n, most figures) and June 2018 (tk-29817-145).
Several printed figures are rounded (`ca. € 270 miljoen`, `4,8%`, `€ 5,8 miljard`); an amount the letters
imply but do not print is an interval (`figures.rounding.Interval`): how far the rounding of the printed
figures lets it move. Money is in miljoen euro unless a column says otherwise. Frames have English
column names and codes; periods are ISO text and letters source ids. Every function works on the figures
of any edition (national, or one municipality's) and on data with later letters: series are taken from
the data, never from a list of years.
"""

from __future__ import annotations

import pandas as pd

from ...figures import checks, lookup
from ...figures.rounding import Interval, printed_interval, rounding_margin

APRIL_2017, JUNE_2017, JUNE_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145"
PERCENT = 100  # a percentage is a share times a hundred
SURPLUS, DEFICIT = "surplus", "deficit"
# The target groups of the participatiebudget: the data's categories.
CLASSIC, NEW, TOTAL = "klassiek", "nieuw", "totaal"
# The macrobudget whose change the June 2017 letter gives: the revised 2017 budget against that of 2016.
BUDGET_YEAR, PREVIOUS_BUDGET, PROVISIONAL = "2017", "macrobudget_2016", "voorlopige_raming"
PREVIOUS_YEAR = str(int(BUDGET_YEAR) - 1)
# The result the June 2017 letter explains: the one over the year before the budget year, from that letter.
FOCUS = (PREVIOUS_YEAR, JUNE_2017)
# The figures a letter itself calls preliminary: (indicator, period, letter). ek-33981-n p. 13 bases the
# 2016 result on preliminary expenditure figures; a later letter's value for 2016 is no longer preliminary.
PRELIMINARY = frozenset({("buig_deficit", "2016", JUNE_2017), ("buig_deficit_share", "2016", JUNE_2017)})
# Our threshold, not the letters': a budget part that moves less than 1% from a year's level on stays
# "vrijwel gelijk" from that year on.
FLAT = 0.01
OVERPAID, RAISED = "benefit_overpayment_monthly", "benefit_increase_monthly"
IOAZ_DATE = "2017-01-01"  # the IOAZ income norms the June 2017 letter gives, and their corrections


def _qualifier(found: pd.Series) -> str:
    value = found.get("qualifier")
    return value if isinstance(value, str) and value else ""


def _years(period: pd.Series) -> pd.Series:
    """Return whether each period is one calendar year (2017), not a moment, a span or an open period."""
    return period.astype(str).str.fullmatch(r"\d{4}")


def buig_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget BUIG the letters give: surplus positive, deficit negative.

    Columns: period, kind (surplus or deficit), result (signed, mln euro), value, unit and qualifier as
    printed, share (the deficit as printed percentage of the macrobudget, from the same letter; NaN if
    none), cumulative (the result adds up several years), preliminary (the letter calls it preliminary),
    source_id, page, source_date. Single years first, then cumulative results; each by period and letter.
    """
    deficits = lookup.select(figures, "buig_deficit").assign(kind=DEFICIT, sign=-1)
    surpluses = lookup.select(figures, "buig_surplus").assign(kind=SURPLUS, sign=1)
    rows = pd.concat([surpluses, deficits])
    shares = {
        (p, s): v
        for p, s, v in lookup.select(figures, "buig_deficit_share")[["period", "source_id", "value"]].itertuples(index=False)
    }
    return (
        rows.assign(
            result=rows["sign"] * rows["value"],
            share=[
                shares.get((p, s)) if k == DEFICIT else None
                for p, s, k in zip(rows["period"], rows["source_id"], rows["kind"])
            ],
            cumulative=~_years(rows["period"]),
            preliminary=[(i, p, s) in PRELIMINARY for i, p, s in zip(rows["indicator"], rows["period"], rows["source_id"])],
        )
        .astype({"share": float})
        .sort_values(["cumulative", "period", "source_date"], kind="stable")[
            [
                "period",
                "kind",
                "result",
                "value",
                "unit",
                "qualifier",
                "share",
                "cumulative",
                "preliminary",
                "source_id",
                "page",
                "source_date",
            ]
        ]
        .reset_index(drop=True)
    )


def single_year_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget for single years (buig_results without the summed periods)."""
    results = buig_results(figures)
    return results.loc[~results["cumulative"]].reset_index(drop=True)


def focus_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result the June 2017 letter explains (FOCUS: its result over 2016); None if the data hold none."""
    results = single_year_results(figures)
    found = results.loc[(results["period"] == FOCUS[0]) & (results["source_id"] == FOCUS[1])]
    return None if found.empty else found.iloc[0]


def latest_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result on the macrobudget of the latest single year in the data (ties: the newest letter)."""
    results = single_year_results(figures)
    return None if results.empty else results.sort_values(["period", "source_date"], kind="stable").iloc[-1]


def cumulative_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result summed over several years (2012–2016), from the newest letter; None if the data hold none."""
    results = buig_results(figures)
    summed = results.loc[results["cumulative"]]
    return None if summed.empty else summed.sort_values(["period", "source_date"], kind="stable").iloc[-1]


def years_without_result(figures: pd.DataFrame, period: str) -> list[str]:
    """Return the years inside a summed period for which the data hold no single-year result (2012, 2014, 2015)."""
    found = lookup.select(figures, "buig_deficit", period=period)
    if found.empty:
        found = lookup.select(figures, "buig_surplus", period=period)
    start, end = found["period_start"].iloc[0].year, found["period_end"].iloc[0].year
    given = set(single_year_results(figures)["period"])
    return [str(year) for year in range(start, end + 1) if str(year) not in given]


def budget_2016(figures: pd.DataFrame) -> Interval:
    """Return the macrobudget 2016 that the revised 2017 budget and its increase imply (our computation, mln euro).

    The June 2017 letter does not print it. Interval over the rounding of both printed figures; undefined
    when the figures imply no positive budget (a municipality whose rounded budget is 0).
    """
    budget = printed_interval(figures, "buig_macro_budget", BUDGET_YEAR) - printed_interval(
        figures, "buig_macro_budget_change", BUDGET_YEAR, category=PREVIOUS_BUDGET
    )
    return budget if budget.low > 0 else Interval.not_defined()


def deficit_share_2016(figures: pd.DataFrame) -> float:
    """Return the 2016 deficit as a percentage of the implied macrobudget 2016 (central values; NaN if undefined).

    Rests on our assumptions that the budget of the 2017 passage is the base of the printed percentage and
    that the central values of the rounded figures are the ones to compare.
    """
    return lookup.ratio(PERCENT * lookup.value(figures, "buig_deficit", "2016"), budget_2016(figures).mid)


def deficit_share_2016_range(figures: pd.DataFrame) -> Interval:
    """Return the 2016 deficit as a percentage of the implied macrobudget 2016, over the rounding of all three figures."""
    return printed_interval(figures, "buig_deficit", "2016") / budget_2016(figures) * PERCENT


def participation_budget_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year the two target groups' budgets, their sum and the printed total, from one letter's table.

    For a year that several letters split over the target groups, the newest letter's table counts.
    Columns: year, classic, new, sum, printed_total (NaN if the letter prints none), difference (sum −
    printed total), margin (what the rounding of the two parts explains), verdict (a `figures.checks`
    verdict code), source_id, page, source_date.
    """
    rows = lookup.select(figures, "participation_budget").loc[lambda f: _years(f["period"])]
    parts = rows.loc[rows["category"].isin([CLASSIC, NEW])]
    both = parts.groupby(["period", "source_id"])["category"].transform("nunique") == 2
    parts = parts.loc[both]
    newest = parts.groupby("period")["source_date"].transform("max")
    parts = parts.loc[parts["source_date"] == newest]
    wide = parts.pivot_table(index=["period", "source_id"], columns="category", values="value", aggfunc="first")
    frame = wide.reset_index().rename(columns={"period": "year", CLASSIC: "classic", NEW: "new"})
    totals = rows.loc[rows["category"] == TOTAL].set_index(["period", "source_id"])["value"]
    first = parts.drop_duplicates(["period", "source_id"]).set_index(["period", "source_id"])
    keys = list(zip(frame["year"], frame["source_id"]))
    frame = frame.assign(
        sum=frame["classic"] + frame["new"],
        printed_total=[totals.get(k) for k in keys],
        margin=[rounding_margin(c) + rounding_margin(n) for c, n in zip(frame["classic"], frame["new"])],
        page=[first.loc[k, "page"] for k in keys],
        source_date=[first.loc[k, "source_date"] for k in keys],
    ).astype({"printed_total": float})
    frame = frame.assign(difference=frame["sum"] - frame["printed_total"])
    verdicts = [
        checks.verdict(p, s, m) if pd.notna(p) else checks.NOT_COMPUTABLE
        for p, s, m in zip(frame["printed_total"], frame["sum"], frame["margin"])
    ]
    columns = ["year", "classic", "new", "sum", "printed_total", "difference", "margin", "verdict", "source_id", "page"]
    return frame.assign(verdict=verdicts)[[*columns, "source_date"]].sort_values("year").reset_index(drop=True)


def target_group_shift(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year the new target group's share of the participatiebudget and both parts' change.

    The share is of the sum of the two parts: our reading of the table, whose total row the two parts
    make up. Columns: year, classic, new, new_share (%), classic_change and new_change (mln euro since the
    first year), new_growth (mln euro since the year before; NaN in the first year).
    """
    parts = participation_budget_parts(figures)
    if parts.empty:
        return parts.assign(new_share=[], classic_change=[], new_change=[], new_growth=[])
    first = parts.iloc[0]
    return parts.assign(
        new_share=lookup.ratio(PERCENT * parts["new"], parts["sum"]),
        classic_change=parts["classic"] - first["classic"],
        new_change=parts["new"] - first["new"],
        new_growth=parts["new"].diff(),
    )[["year", "classic", "new", "new_share", "classic_change", "new_change", "new_growth"]]


def flat_since(values: pd.Series) -> str | None:
    """Return the first label from which every later value stays within FLAT of the value there (None if none).

    At least two later values must follow; a series of zeros is flat from its start.
    """
    labels = list(values.index)
    for position, label in enumerate(labels[:-2]):
        level = float(values.iloc[position])
        later = values.iloc[position + 1 :].astype(float)
        if ((later - level).abs() <= FLAT * abs(level)).all():
            return label
    return None


def newest_letter_total(figures: pd.DataFrame) -> pd.Series | None:
    """Return the re-integration total for a single year from the newest letter that gives one (its latest year)."""
    rows = lookup.select(figures, "participation_budget", category=TOTAL).loc[lambda f: _years(f["period"])]
    if rows.empty:
        return None
    return rows.sort_values(["source_date", "period"], kind="stable").iloc[-1]


def structural_level(figures: pd.DataFrame) -> pd.Series | None:
    """Return the structural level of re-integration money (an open period), from the newest letter; None if none."""
    rows = lookup.select(figures, "participation_budget", category=TOTAL).loc[lambda f: f["period"].str.endswith("/..")]
    return None if rows.empty else rows.sort_values("source_date", kind="stable").iloc[-1]


def _same_year(rows: pd.DataFrame, category: str, year: int) -> pd.DataFrame:
    """Return the rows of a category whose period starts in the given year."""
    return rows.loc[(rows["category"] == category) & (rows["period_start"].map(lambda d: d.year) == year)]


def benefit_corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per benefit level the monthly overpayment in early 2017, its sum over the months, and the July rise.

    A level's category is '<scheme>_<percentage>' (aow_70); a level is paired with the overpayment and the
    rise of the same category in the same year. Columns: scheme, category, percentage,
    overpaid_monthly (euro), overpaid_qualifier and overpaid_span (the period) as printed, months,
    overpaid_period (our computation: the monthly amount times the months), rise (euro, NaN if not
    printed), rise_qualifier and rise_period as printed, source_id, page.
    """
    rows = []
    overpaid_rows, rise_rows = lookup.select(figures, OVERPAID), lookup.select(figures, RAISED)
    levels = lookup.select(figures, "benefit_level_percentage").sort_values("period", kind="stable")
    for _, level in levels.iterrows():
        category, year = level["category"], level["period_start"].year
        overpaid, rise = (_same_year(rows, category, year) for rows in (overpaid_rows, rise_rows))
        if overpaid.empty:
            continue
        paid = overpaid.iloc[0]
        start, end = paid["period_start"], paid["period_end"]
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        raised = rise.iloc[0] if not rise.empty else None
        rows.append(
            {
                "scheme": category.split("_")[0],
                "category": category,
                "percentage": float(level["value"]),
                "overpaid_monthly": float(paid["value"]),
                "overpaid_qualifier": _qualifier(paid),
                "overpaid_span": paid["period"],
                "months": months,
                "overpaid_period": float(paid["value"]) * months,
                "rise": float(raised["value"]) if raised is not None else float("nan"),
                "rise_qualifier": _qualifier(raised) if raised is not None else "",
                "rise_period": raised["period"] if raised is not None else None,
                "source_id": paid["source_id"],
                "page": int(paid["page"]),
            }
        )
    return pd.DataFrame(rows)


def latest_benefit_corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the benefit corrections of the latest period of overpayment in the data (benefit_corrections' columns)."""
    frame = benefit_corrections(figures)
    return frame if frame.empty else frame.loc[frame["overpaid_span"] == frame["overpaid_span"].max()]
