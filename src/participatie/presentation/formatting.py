"""Transitional: the names the theme modules still import; everything formats in `presentation.vocabulary`."""

from __future__ import annotations

import pandas as pd

from ..figures import lookup
from .vocabulary import (  # noqa: F401 - re-exported for modules not yet moved to the text files
    bound_text,
    long_date,
    number,
    number_rounded,
    percent,
    period_label,
    period_labels,
    range_text,
    value_text,
)


def figure_text(
    figures: pd.DataFrame,
    indicator: str,
    period: str,
    *,
    category: str | None = None,
    source_id: str | None = None,
    decimals: int | None = None,
) -> str:
    """Return a printed figure as Dutch text with its unit and hedge (bijna 1.200, 37%)."""
    found = lookup.row(figures, indicator, period, category=category, source_id=source_id)
    return row_text(found, decimals)


def row_text(found: pd.Series, decimals: int | None = None) -> str:
    """Return one figure row's value as Dutch text with its unit and hedge."""
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) and found["qualifier"] else None
    return value_text(found["value"], found["unit"], decimals, qualifier)
