"""Pilots Werken naar Vermogen: no cross-checks.

The letter gives no figure that follows from other figures (no placements, no comparison group, no costs; its
only number about the pilots is the number of gemeenten in the fourth), so the chapter has nothing to recompute.
"""

from ...figures.checks import Check

CHECKS: tuple[Check, ...] = ()
