"""De sociale werkvoorziening in cijfers: the claims of the letter of July 2013 that we recompute.

The sum of the indicaties rests on an assumption the letter does not make (that the total holds only first
indications and re-indications), so its outcome says nothing about the letter. The rise in begeleid werken rests
on none: the letter calls its 6,2% "een stijging" of the places it counts, and its own counts give another rise.
The sum of the seconded and begeleid-werken shares, and a number of Wsw employees derived from the efficiency
cut, are no checks: the letters give no common base for them.
"""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from ...presentation import text
from . import analysis
from .analysis import FIRST, JULY_2013, REPEAT, SPAN_2012, TOTAL, YEAR_2012

_WORDS = text.labels("chapters/wsw_statistiek.labels.yml")["checks"]


def _indication_parts_2012(figures) -> float:
    return sum(lookup.value(figures, "wsw_indications", YEAR_2012, category=part) for part in (FIRST, REPEAT))


def _check(
    check_id: str, indicator: str, recompute, tolerance: float = 0.05, period: str = SPAN_2012, category: str | None = None
) -> Check:
    """Return a check of a figure of the letter of July 2013, with its words from the label file."""
    words = _WORDS[check_id]
    claim, formula, assumption = words["claim"], words["formula"], words.get("assumption")
    return Check(check_id, claim, indicator, period, JULY_2013, recompute, formula, tolerance, category, assumption)


CHECKS = (
    _check("wsw-indicaties-totaal-2012", "wsw_indications", _indication_parts_2012, 0, YEAR_2012, TOTAL),
    _check("wsw-wachtlijst-daling-pct-2012", "wsw_waiting_list_decrease_pct", analysis.waiting_list_decrease_pct),
    _check(
        "wsw-begeleid-werken-stijging-2012",
        "wsw_supported_employment_places_increase_pct",
        analysis.supported_employment_rise,
    ),
)
