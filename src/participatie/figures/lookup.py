"""Looking up figures in a theme table: the rows of an indicator, one printed row or value, and safe ratios."""

from __future__ import annotations

import math

import pandas as pd

KEY = ["indicator", "dimension", "category", "period"]


class AmbiguousFigure(LookupError):
    """Raised when letters disagree on a figure and the caller did not say which letter to use."""


def select(
    figures: pd.DataFrame,
    indicator: str,
    *,
    category: str | None = None,
    period: str | None = None,
    source_id: str | None = None,
) -> pd.DataFrame:
    """Return the rows of one indicator, optionally narrowed to a category, period and letter."""
    mask = figures["indicator"] == indicator
    for column, wanted in {"category": category, "period": period, "source_id": source_id}.items():
        if wanted is not None:
            mask &= figures[column] == wanted
    return figures.loc[mask]


def _itself(rows: pd.DataFrame, category: str | None) -> pd.DataFrame:
    """Return, when no category is asked for, the figure itself rather than its breakdown (the rows without one)."""
    if category is None and rows["category"].isna().any():
        return rows.loc[rows["category"].isna()]
    return rows


def row(
    figures: pd.DataFrame,
    indicator: str,
    period: str,
    *,
    category: str | None = None,
    source_id: str | None = None,
) -> pd.Series:
    """Return the single row printed for an indicator and period (the earliest letter if all agree).

    Raises KeyError when no letter gives the figure and AmbiguousFigure when letters give different
    values and no `source_id` says which one is meant.
    """
    rows = _itself(select(figures, indicator, category=category, period=period, source_id=source_id), category)
    if len(rows) == 1:
        return rows.iloc[0]
    if rows.empty:
        where = f" from {source_id}" if source_id else ""
        raise KeyError(f"no figure {indicator} ({category or 'no category'}) for period {period}{where}")
    if rows["value"].nunique() > 1:
        values = ", ".join(f"{v:g} ({s})" for v, s in zip(rows["value"], rows["source_id"]))
        raise AmbiguousFigure(f"letters differ on {indicator} {period}: {values}; pass source_id")
    return rows.sort_values("source_date").iloc[0] if "source_date" in rows else rows.iloc[0]


def value(
    figures: pd.DataFrame,
    indicator: str,
    period: str,
    *,
    category: str | None = None,
    source_id: str | None = None,
) -> float:
    """Return the value printed for an indicator and period (see `row` for the rules)."""
    return float(row(figures, indicator, period, category=category, source_id=source_id)["value"])


def ratio(part, whole):
    """Return part / whole, NaN where the whole is 0 or missing (a ratio to nothing is not defined).

    Works on numbers and on Series (element by element). Every analysis divides by a figure through
    this function: real municipal figures can be 0, and a share of 0 is no 0% and no infinity. Write a
    percentage as `ratio(100 * part, whole)`, so the arithmetic stays that of `100 * part / whole`.
    """
    if isinstance(whole, pd.Series):
        return part / whole.where(whole != 0)
    return part / (math.nan if pd.isna(whole) or whole == 0 else whole)


def at(rows: pd.DataFrame) -> pd.Series:
    """Return the date each row stands at on a time axis: the end of its period (its start when open)."""
    return rows["period_end"].fillna(rows["period_start"])


def last(rows: pd.DataFrame, by: str | list[str] | None = None) -> pd.Series | None:
    """Return the last row, in the stable order of `by` if given; None when there are no rows."""
    return None if rows.empty else (rows if by is None else rows.sort_values(by, kind="stable")).iloc[-1]


def ordered(figures: pd.DataFrame, indicator: str, *, category: str | None = None) -> pd.DataFrame:
    """Return an indicator's rows as `latest` chooses them, oldest first (ties: newest letter last), placed `at` a date.

    Without a category, the rows without one where the indicator has rows with and without a category.
    """
    rows = _itself(select(figures, indicator, category=category), category)
    return rows.assign(at=at(rows)).sort_values(["at", "source_date"], kind="stable")


def latest(figures: pd.DataFrame, indicator: str, *, category: str | None = None, exact_only: bool = False) -> pd.Series:
    """Return the row of an indicator for its latest period in the data (ties: the newest letter).

    `exact_only` leaves out hedged values (circa, ruim …). Raises KeyError when the data hold none.
    Needs `period_end`/`period_start` (data.load) and `source_date` (sources.with_dates).
    """
    rows = ordered(figures, indicator, category=category).drop(columns="at")
    if exact_only and "qualifier" in rows:
        rows = rows.loc[rows["qualifier"].isna() | (rows["qualifier"] == "")]
    if rows.empty:
        raise KeyError(f"no figure {indicator} ({category or 'no category'}) in the data")
    return rows.iloc[-1]
