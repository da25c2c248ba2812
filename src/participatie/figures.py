"""Looking up figures in a theme table: one value, one series, and revisions between letters."""

from __future__ import annotations

import math

import pandas as pd

from . import formatting
from .data import MUNICIPALITY_CODE, MUNICIPALITY_NAME
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


def ratio(part, whole):
    """Return part / whole, NaN where the whole is 0 or missing (a ratio to nothing is not defined).

    Works on numbers and on Series (element by element). Every analysis divides by a figure through
    this function: real municipal figures can be 0, and a share of 0 is no 0% and no infinity. Write a
    percentage as `ratio(100 * part, whole)`, so the arithmetic stays that of `100 * part / whole`.
    """
    if isinstance(whole, pd.Series):
        return part / whole.where(whole != 0)
    return part / (math.nan if pd.isna(whole) or whole == 0 else whole)


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


# --- the municipal dimension ------------------------------------------------------------------

# Units whose municipal values add up to the national value: counts and amounts of money. Every other
# unit (procent, procentpunt, uren_per_week, maanden, jaren) is a rate, a share or a level, and is
# averaged (see `national`).
ADDITIVE_UNITS = frozenset({
    "aantal", "personen", "banen", "werkplekken", "adviezen", "beoordelingen", "indicaties", "gemeenten",
    "arbeidsjaren", "euro", "euro_mln", "euro_mld",
})
FIGURE_KEY = [*KEY, "source_id"]
# Aggregated values are rounded to this many decimals, which removes floating-point noise from a sum or
# mean of printed values (they have at most three decimals) and changes nothing else.
AGGREGATE_DECIMALS = 9


class UnknownMunicipality(LookupError):
    """Raised when a municipal edition is asked for a municipality code the data does not hold."""


def has_municipalities(table: pd.DataFrame) -> bool:
    """Return whether a figure table holds municipal rows (a filled `gemeente_code`)."""
    return MUNICIPALITY_CODE in table.columns and bool(table[MUNICIPALITY_CODE].notna().any())


def national(table: pd.DataFrame) -> pd.DataFrame:
    """Return a figure table with municipal rows aggregated to national figures, in the table's order.

    One national row per key (indicator, dimension, category, period, source_id): a unit in
    ADDITIVE_UNITS is summed over the municipalities; any other unit is averaged. The mean is an
    assumption: a national percentage (or number of hours, months, years) is a mean weighted by the
    municipalities' populations, caseloads or hours, and the data carry no such weights, so the
    unweighted mean is the only defensible choice. It is exact when the municipal values were made
    around the national value (the synthetic data are), and it can be far off for real municipal
    figures (a small municipality counts as much as a big one) and for figures that are not means at all
    (a maximum, a change). When a key has a national row (empty `gemeente_code`) as well, the national row
    is used and that key's municipal rows are left out. The other columns (unit, hedge, page, note …)
    come from the key's first row. The municipality columns are dropped. A table without municipal rows
    is returned as it is (without municipality columns).
    """
    if MUNICIPALITY_CODE not in table.columns:
        return table
    is_national = table[MUNICIPALITY_CODE].isna()
    if is_national.all():
        return table.drop(columns=[MUNICIPALITY_CODE, MUNICIPALITY_NAME], errors="ignore")
    group = table.groupby(FIGURE_KEY, dropna=False, sort=False).ngroup()
    local = ~is_national & ~group.isin(group[is_national])
    values, groups = table.loc[local, "value"], group[local]
    units = table.loc[local, "unit"].groupby(groups)
    mixed = units.nunique()
    if (mixed > 1).any():
        rows = table.loc[groups.index[groups == mixed.index[mixed > 1][0]]]
        first = rows.iloc[0]
        raise ValueError(f"figure {first['indicator']} {first['period']} ({first['source_id']}) has municipal values "
                         f"in different units: {', '.join(sorted(set(rows['unit'])))}")
    total = values.groupby(groups).transform("sum")
    mean = values.groupby(groups).transform("mean")
    aggregated = total.where(table.loc[local, "unit"].isin(ADDITIVE_UNITS), mean).round(AGGREGATE_DECIMALS)
    firsts = table.loc[local].assign(value=aggregated).loc[~groups.duplicated()]
    combined = pd.concat([table.loc[is_national], firsts]).sort_index()
    return combined.drop(columns=[MUNICIPALITY_CODE, MUNICIPALITY_NAME], errors="ignore").reset_index(drop=True)


def municipal(table: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return only one municipality's rows of a figure table; raise UnknownMunicipality naming the code.

    National rows (empty `gemeente_code`) are left out: a municipal edition shows that municipality only.
    """
    if not has_municipalities(table):
        raise UnknownMunicipality(f"gemeente {code!r}: the data hold no municipal figures (no {MUNICIPALITY_CODE} "
                                  "column); a municipal edition needs per-gemeente data")
    rows = table.loc[table[MUNICIPALITY_CODE] == code]
    if rows.empty:
        known = table[MUNICIPALITY_CODE].dropna().unique()
        raise UnknownMunicipality(f"gemeente {code!r} does not occur in the data ({len(known)} municipalities, "
                                  f"from {min(known)} to {max(known)})")
    return rows.reset_index(drop=True)


def edition(table: pd.DataFrame, gemeente: str | None = None) -> pd.DataFrame:
    """Return the figures a chapter shows: national (aggregated) when `gemeente` is None, else one municipality's."""
    return national(table) if gemeente is None else municipal(table, gemeente)
