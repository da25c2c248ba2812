"""Cross-checks: claims in the letters that can be recomputed from other figures, and their verdicts.

A `Check` is plain data: the printed figure (indicator, period, category, letter), how to recompute it
from the theme's other figures, and the tolerance that the letter's rounding explains. Each theme lists
its checks in its record (`themes.<theme>.THEME.checks`); `evaluate` computes the verdicts of any list of
checks against a figure table. Nothing registers itself on import.

Verdicts, in the order a reader needs them: a real discrepancy first; then a comparison that rests on an
assumption of the book that the letter does not make (`Check.assumption`) — whatever its outcome, since an
assumption that happens to confirm a letter proves no more than one that exposes it (docs/redactie.md, §4);
agreement after rounding; exact agreement; and a recomputation that the data do not define (a share of a
zero total, as in a small municipality).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import lookup

DISCREPANCY, ASSUMPTION, ROUNDED, EXACT, NOT_COMPUTABLE = ("afwijking", "aanname", "afgerond", "klopt", "niet_te_berekenen")
VERDICT_ORDER = {DISCREPANCY: 0, ASSUMPTION: 1, ROUNDED: 2, EXACT: 3, NOT_COMPUTABLE: 4}
COLUMNS = [
    "id",
    "claim",
    "printed",
    "recomputed",
    "difference",
    "tolerance",
    "verdict",
    "formula",
    "assumption",
    "source_id",
    "page",
    "unit",
]


@dataclass(frozen=True)
class Check:
    """A printed figure and how to recompute it from other figures of the same theme."""

    id: str
    claim: str  # Dutch: what the letter states
    indicator: str
    period: str
    source_id: str
    recompute: Callable[[pd.DataFrame], float]
    formula: str  # Dutch: how the recomputation goes
    tolerance: float  # largest difference that the rounding of the printed value explains
    category: str | None = None
    # Dutch: the book's assumption that the comparison rests on, when the letter does not make it (e.g.
    # that two printed shares must add up to 100). A difference is then no discrepancy in the letter.
    assumption: str | None = None


def verdict(printed: float, recomputed: float, tolerance: float, assumption: str | None = None) -> str:
    """Return the verdict code of a comparison (see the module doc for the order)."""
    if math.isnan(recomputed):
        return NOT_COMPUTABLE
    if assumption:
        return ASSUMPTION
    difference = abs(printed - recomputed)
    if difference < 1e-9:
        return EXACT
    if difference <= tolerance + 1e-9:
        return ROUNDED
    return DISCREPANCY


def evaluate(checks, figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per check, discrepancies first (columns: COLUMNS).

    A check whose figures are missing from the data (new data without them) is left out rather than
    guessed; one whose recomputation is not defined (a division by a zero figure) is kept with
    recomputed NaN and the verdict NOT_COMPUTABLE.
    """
    rows = []
    for check in checks:
        try:
            printed = lookup.row(figures, check.indicator, check.period, category=check.category, source_id=check.source_id)
            recomputed = float(check.recompute(figures))
        except KeyError:
            continue
        value = float(printed["value"])
        rows.append(
            {
                "id": check.id,
                "claim": check.claim,
                "printed": value,
                "recomputed": recomputed,
                "difference": recomputed - value,
                "tolerance": check.tolerance,
                "verdict": verdict(value, recomputed, check.tolerance, check.assumption),
                "formula": check.formula,
                "assumption": check.assumption or "",
                "source_id": check.source_id,
                "page": int(printed["page"]),
                "unit": printed["unit"],
            }
        )
    return sort(pd.DataFrame(rows, columns=COLUMNS))


def sort(result: pd.DataFrame, *by: str) -> pd.DataFrame:
    """Return verdict rows ordered by verdict (discrepancies first), then by the given columns and id."""
    order = lambda column: column.map(VERDICT_ORDER) if column.name == "verdict" else column
    return result.sort_values(["verdict", *by, "id"], key=order, kind="stable").reset_index(drop=True)


def unique_ids(checks) -> tuple:
    """Return the checks as a tuple after making sure no two share an id (raises ValueError)."""
    checks = tuple(checks)
    seen: set[str] = set()
    for check in checks:
        if check.id in seen:
            raise ValueError(f"two checks have the id {check.id!r}")
        seen.add(check.id)
    return checks
