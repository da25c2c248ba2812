"""The registry of cross-checks: claims in the letters that can be recomputed from other figures.

Each theme module declares its checks with `register`; a chapter shows its theme's verdicts and the
book's appendix shows all of them — from this one registry. A check names the printed figure (by
indicator, period, category and letter), recomputes it from other figures, and compares within a
tolerance that reflects how the letter rounds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from . import figures as fig
from .labels import VERDICT_TEXT

# Verdicts, in the order a reader needs them: discrepancies first. A claim whose recomputation is not
# defined in the data (a share of a zero total, as in a small municipality) is listed last, as such.
DISCREPANCY, ROUNDED, EXACT, NOT_COMPUTABLE = "afwijking", "afgerond", "klopt", "niet_te_berekenen"
VERDICT_ORDER = {DISCREPANCY: 0, ROUNDED: 1, EXACT: 2, NOT_COMPUTABLE: 3}


@dataclass(frozen=True)
class Check:
    """A printed figure and how to recompute it from other figures of the same theme."""

    id: str
    theme: str
    claim: str  # Dutch: what the letter states
    indicator: str
    period: str
    source_id: str
    recompute: Callable[[pd.DataFrame], float]
    formula: str  # Dutch: how the book recomputes it
    tolerance: float  # largest difference that rounding of the printed value explains
    category: str | None = None


REGISTRY: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Add a check to the registry (ids are unique) and return it."""
    if check.id in REGISTRY and REGISTRY[check.id] != check:
        raise ValueError(f"a different check with id {check.id!r} is already registered")
    REGISTRY[check.id] = check
    return check


def verdict(printed: float, recomputed: float, tolerance: float) -> str:
    """Return klopt (equal), afgerond (within the rounding tolerance), afwijking, or niet_te_berekenen (NaN)."""
    if math.isnan(recomputed):
        return NOT_COMPUTABLE
    difference = abs(printed - recomputed)
    if difference < 1e-9:
        return EXACT
    if difference <= tolerance + 1e-9:
        return ROUNDED
    return DISCREPANCY


def evaluate(figures: pd.DataFrame, theme: str | None = None) -> pd.DataFrame:
    """Return one row per registered check of the theme (all when None), discrepancies first.

    Columns: id, theme, claim, printed, recomputed, difference, tolerance, verdict, formula,
    source_id, page, unit. A check whose figures are missing from the data (new data without them)
    is left out rather than guessed; one whose recomputation is not defined (a division by a zero
    figure) is kept with recomputed NaN and the verdict NOT_COMPUTABLE.
    """
    rows = []
    for check in REGISTRY.values():
        if theme is not None and check.theme != theme:
            continue
        try:
            printed = fig.row(figures, check.indicator, check.period, category=check.category, source_id=check.source_id)
            recomputed = float(check.recompute(figures))
        except KeyError:
            continue
        value = float(printed["value"])
        rows.append({
            "id": check.id, "theme": check.theme, "claim": check.claim, "printed": value,
            "recomputed": recomputed, "difference": recomputed - value, "tolerance": check.tolerance,
            "verdict": verdict(value, recomputed, check.tolerance), "formula": check.formula,
            "source_id": check.source_id, "page": int(printed["page"]), "unit": printed["unit"],
        })
    columns = ["id", "theme", "claim", "printed", "recomputed", "difference", "tolerance", "verdict",
               "formula", "source_id", "page", "unit"]
    result = pd.DataFrame(rows, columns=columns)
    order = result["verdict"].map(VERDICT_ORDER)
    return result.assign(_order=order).sort_values(["_order", "id"], kind="stable").drop(columns="_order").reset_index(drop=True)


def verdict_text(code: str) -> str:
    """Return the Dutch word for a verdict code."""
    return VERDICT_TEXT[code]
