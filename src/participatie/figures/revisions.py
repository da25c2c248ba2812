"""Figures that letters give with different values, and the kind of each difference.

A later letter can print another value for the same thing (indicator, breakdown and period) for four
reasons, and the book names which (`KINDS`):
- `measure`: the letters count different things under one indicator (their units differ: workplaces
  against people), so the values are no versions of one number;
- `rounding`: one value is a rounded or hedged form of the other ("ruim 22.000" and 22.554, 622 and
  622,149): the values allowed by the rounding or hedge (`rounding.hedged_interval`) contain the other;
- `forecast`: an earlier value was computed by the letter itself (an extrapolation or a forecast,
  `derived` true) and a later letter gives a value that is not: an outcome replaced the forecast;
- `conflict`: anything else; the letters disagree and do not say why.
"""

from __future__ import annotations

import pandas as pd

from .lookup import KEY
from .rounding import hedged_interval

ROUNDING, FORECAST, CONFLICT, MEASURE = "rounding", "forecast", "conflict", "measure"
KINDS = (CONFLICT, MEASURE, FORECAST, ROUNDING)


def revisions(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every figure that letters give with different values, one row per letter, oldest first.

    Columns added: `is_latest` (the newest letter's value) and `kind` (see the module doc), the same for
    every row of one figure. Requires the `source_date` column of `sources.with_dates`.
    """
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    spread = keyed.groupby(KEY)["value"].transform("nunique")
    changed = keyed.loc[spread > 1].sort_values([*KEY, "source_date"], kind="stable")
    by_figure = changed.groupby(KEY, sort=False)
    kind = by_figure["value"].transform(lambda values: kind_of_difference(changed.loc[values.index])).astype("string")
    latest = by_figure["source_date"].transform("max")
    return changed.assign(is_latest=changed["source_date"] == latest, kind=kind).reset_index(drop=True)


def kind_of_difference(rows: pd.DataFrame) -> str:
    """Return the kind of difference between the values letters give for one figure (rows oldest first)."""
    ordered = rows.sort_values("source_date", kind="stable")
    if "unit" in ordered and ordered["unit"].nunique() > 1:
        return MEASURE
    derived = ordered["derived"].astype(bool).tolist() if "derived" in ordered else [False] * len(ordered)
    if any(derived[:-1]) and not derived[-1]:
        return FORECAST
    values = ordered["value"].tolist()
    qualifiers = [q if isinstance(q, str) and q else None for q in ordered.get("qualifier", [None] * len(ordered))]
    intervals = [hedged_interval(float(v), q) for v, q in zip(values, qualifiers)]
    # Every value must be allowed by the rounding or hedge of the least precise one (the widest interval).
    widest = max(intervals, key=lambda i: i.width)
    if widest.width > 0 and all(widest.contains(float(v)) for v in values):
        return ROUNDING
    return CONFLICT
