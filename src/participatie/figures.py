"""Looking up figures in a theme table: one value, one series, and revisions between letters."""

from __future__ import annotations

import pandas as pd

from . import formatting
from .labels import SOURCE_ITEM, SOURCE_LINE

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
    if category is not None:
        mask &= figures["category"] == category
    if period is not None:
        mask &= figures["period"] == period
    if source_id is not None:
        mask &= figures["source_id"] == source_id
    return figures.loc[mask]


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
    rows = select(figures, indicator, category=category, period=period, source_id=source_id)
    if category is None and rows["category"].notna().any():
        rows = rows.loc[rows["category"].isna()] if rows["category"].isna().any() else rows
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


def text(figures: pd.DataFrame, indicator: str, period: str, *, category: str | None = None,
         source_id: str | None = None, decimals: int | None = None) -> str:
    """Return a printed figure as Dutch text with its unit and hedge (bijna 1.200, 37%)."""
    found = row(figures, indicator, period, category=category, source_id=source_id)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    return formatting.value_text(found["value"], found["unit"], decimals, qualifier)


def with_sources(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures with each letter's date and short Dutch reference added."""
    info = sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources
    return figures.assign(
        source_date=figures["source_id"].map(info["date"]),
        source_reference=figures["source_id"].map(lambda s: source_reference(info.loc[s])),
    )


def source_reference(source: pd.Series) -> str:
    """Return a letter's short Dutch reference: chamber, parliamentary number and date."""
    day = pd.Timestamp(source["date"])
    return SOURCE_ITEM.format(
        chamber=source["chamber"], reference=source["reference"], date=formatting.long_date(day.date())
    )


def source_line(source_ids: list[str], sources: pd.DataFrame) -> str:
    """Return the 'Bron: …' line for the letters a chart or table draws on, oldest first."""
    info = sources.set_index("id") if sources.index.name != "id" else sources
    ordered = sorted(dict.fromkeys(source_ids), key=lambda s: info.loc[s, "date"])
    return SOURCE_LINE.format(sources="; ".join(source_reference(info.loc[s]) for s in ordered))


def revisions(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every figure that letters give with different values, one row per letter, latest marked.

    Requires the `source_date` column of `with_sources`.
    """
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    spread = keyed.groupby(KEY)["value"].transform("nunique")
    changed = keyed.loc[spread > 1].sort_values([*KEY, "source_date"])
    latest = changed.groupby(KEY)["source_date"].transform("max")
    return changed.assign(is_latest=changed["source_date"] == latest).reset_index(drop=True)
