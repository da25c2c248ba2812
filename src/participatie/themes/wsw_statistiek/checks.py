"""De sociale werkvoorziening in cijfers: the claims of the letters that we recompute.

One of the three comparisons rests on an assumption the letter of July 2013 does not make (`assumption`:
that the total of indicaties holds only first indications and re-indications), so its outcome says nothing
about the letter. The percentage at the rise in begeleid werken rests on none: the letter itself calls it
"een stijging" of the places it counts, and its own counts give another rise (a discrepancy in the letter).
The sum of the seconded and begeleid-werken shares, and a number of Wsw employees derived from the
efficiency cut, are no checks: the letters give no common base for them. The words of each check (the
claim, the formula, the assumption) are in the chapter's label file, under `checks.<id>`.
"""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from ...presentation import text
from . import analysis
from .analysis import FIRST, JULY_2013, REPEAT, SPAN_2012, TOTAL, YEAR_2012

_WORDS = text.labels("chapters/wsw_statistiek.labels.yml")["checks"]


def _indication_parts_2012(figures) -> float:
    return lookup.value(figures, "wsw_indications", YEAR_2012, category=FIRST) + lookup.value(
        figures, "wsw_indications", YEAR_2012, category=REPEAT
    )


def _check(check_id: str, indicator: str, period: str, recompute, tolerance: float, category: str | None = None) -> Check:
    """Return a check of a figure of the letter of July 2013, with its words from the label file."""
    words = _WORDS[check_id]
    return Check(
        check_id,
        words["claim"],
        indicator,
        period,
        JULY_2013,
        recompute,
        words["formula"],
        tolerance,
        category=category,
        assumption=words.get("assumption"),
    )


CHECKS = (
    _check("wsw-indicaties-totaal-2012", "wsw_indications", YEAR_2012, _indication_parts_2012, 0, category=TOTAL),
    _check(
        "wsw-wachtlijst-daling-pct-2012",
        "wsw_waiting_list_decrease_pct",
        SPAN_2012,
        analysis.waiting_list_decrease_pct,
        0.05,
    ),
    _check(
        "wsw-begeleid-werken-stijging-2012",
        "wsw_supported_employment_places_increase_pct",
        SPAN_2012,
        analysis.supported_employment_rise,
        0.05,
    ),
)
