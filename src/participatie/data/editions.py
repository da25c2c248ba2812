"""Editions of a figure table: national figures (municipal rows aggregated) or one municipality's figures.

Units in `values.ADDITIVE_UNITS` (counts and money) are summed over municipalities; every other unit
(procent, procentpunt, uren_per_week, maanden, jaren) is a rate, a share or a level, and is averaged.
"""

from __future__ import annotations

import re

import pandas as pd

from .package import MUNICIPALITY_CODE, MUNICIPALITY_NAME
from .values import ADDITIVE_UNITS

# A CBS municipality code: GM and four digits 0-9 (GM0363 is Amsterdam); matched as a whole (no line break
# after it, as `$` would allow) and in ASCII (`\d` would take ٠٣٦٣ or ０３６３ too).
MUNICIPALITY_CODE_PATTERN = re.compile(r"GM[0-9]{4}")

FIGURE_KEY = ["indicator", "dimension", "category", "period", "source_id"]
# Aggregated values are rounded to this many decimals, which removes floating-point noise from a sum or
# mean of printed values (they have at most three decimals) and changes nothing else.
AGGREGATE_DECIMALS = 9


class UnknownMunicipality(LookupError):
    """Raised when a municipal edition is asked for a municipality code the data does not hold."""


class InvalidMunicipalityCode(ValueError):
    """Raised when a municipality code is not a CBS code (GM and four digits)."""


def check_municipality_code(code: object) -> str:
    """Return the code when it is a CBS municipality code (GM0363); raise InvalidMunicipalityCode otherwise."""
    if not isinstance(code, str) or not MUNICIPALITY_CODE_PATTERN.fullmatch(code):
        shown = repr(code)[:40] if isinstance(code, str) else type(code).__name__
        raise InvalidMunicipalityCode(
            f"gemeente {shown} is not a CBS municipality code (GM followed by four digits, e.g. GM0363)"
        )
    return code


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
        raise ValueError(
            f"figure {first['indicator']} {first['period']} ({first['source_id']}) has municipal values "
            f"in different units: {', '.join(sorted(set(rows['unit'])))}"
        )
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
    check_municipality_code(code)
    if not has_municipalities(table):
        raise UnknownMunicipality(
            f"gemeente {code!r}: the data hold no municipal figures (no {MUNICIPALITY_CODE} "
            "column); a municipal edition needs per-gemeente data"
        )
    rows = table.loc[table[MUNICIPALITY_CODE] == code]
    if rows.empty:
        known = table[MUNICIPALITY_CODE].dropna().unique()
        raise UnknownMunicipality(
            f"gemeente {code!r} does not occur in the data ({len(known)} municipalities, from {min(known)} to {max(known)})"
        )
    return rows.reset_index(drop=True)


def edition(table: pd.DataFrame, gemeente: str | None = None) -> pd.DataFrame:
    """Return the figures a chapter shows: national (aggregated) when `gemeente` is None, else one municipality's."""
    return national(table) if gemeente is None else municipal(table, gemeente)
