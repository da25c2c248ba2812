"""Pilots Werken naar Vermogen: no cross-checks.

The letter gives no figure that follows from other figures (no placements, no comparison group, no
costs; the only number about the pilots is the number of gemeenten in the fourth), so the chapter has
nothing to recompute.
"""

from __future__ import annotations

from ...figures.checks import Check

CHECKS: tuple[Check, ...] = ()
