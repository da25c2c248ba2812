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


def national(table: pd.DataFrame) -> pd.DataFrame:
    """Return a figure table with municipal rows aggregated to national figures, in the table's order.

    Per key (FIGURE_KEY) a unit in ADDITIVE_UNITS is summed, any other unit averaged without weights: the
    data carry no populations or caseloads to weight by, so the mean is exact only for values made around
    the national one (the synthetic data) and can be far off for real municipal figures. A key that has a
    national row (empty `gemeente_code`) keeps that row instead; other columns come from the key's first row.
    """
    if MUNICIPALITY_CODE not in table.columns:
        return table
    is_national = table[MUNICIPALITY_CODE].isna()
    if is_national.all():
        return table.drop(columns=[MUNICIPALITY_CODE, MUNICIPALITY_NAME], errors="ignore")
    group = table.groupby(FIGURE_KEY, dropna=False, sort=False).ngroup()
    local = ~is_national & ~group.isin(group[is_national])
    units, groups = table.loc[local, "unit"], group[local]
    mixed = units.groupby(groups).nunique()
    if (mixed > 1).any():
        rows = table.loc[groups.index[groups == mixed.index[mixed > 1][0]]]
        first = rows.iloc[0]
        raise ValueError(
            f"figure {first['indicator']} {first['period']} ({first['source_id']}) has municipal values "
            f"in different units: {', '.join(sorted(set(rows['unit'])))}"
        )
    values = table.loc[local, "value"].groupby(groups)
    aggregated = values.transform("sum").where(units.isin(ADDITIVE_UNITS), values.transform("mean"))
    firsts = table.loc[local].assign(value=aggregated.round(AGGREGATE_DECIMALS)).loc[~groups.duplicated()]
    combined = pd.concat([table.loc[is_national], firsts]).sort_index()
    return combined.drop(columns=[MUNICIPALITY_CODE, MUNICIPALITY_NAME], errors="ignore").reset_index(drop=True)


def municipal(table: pd.DataFrame, code: str) -> pd.DataFrame:
    """Return one municipality's rows of a figure table, national rows left out; UnknownMunicipality names the code."""
    check_municipality_code(code)
    if MUNICIPALITY_CODE not in table.columns or table[MUNICIPALITY_CODE].isna().all():
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
