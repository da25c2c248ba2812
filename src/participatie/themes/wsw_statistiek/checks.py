"""De sociale werkvoorziening in cijfers: the claims of the letters that we recompute.

Two of the three comparisons rest on an assumption the letter of July 2013 does not make (`assumption`):
a difference there is no discrepancy in the letter. The sum of the seconded and begeleid-werken shares,
and a number of Wsw employees derived from the efficiency cut, are no checks: the letters give no
common base for them.
"""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from . import analysis
from .analysis import FIRST, JULY_2013, REPEAT, SPAN_2012, TOTAL, YEAR_2012


def _indication_parts_2012(figures) -> float:
    return lookup.value(figures, "wsw_indications", YEAR_2012, category=FIRST) + lookup.value(
        figures, "wsw_indications", YEAR_2012, category=REPEAT
    )


CHECKS = (
    Check(
        "wsw-indicaties-totaal-2012",
        "Totaal Wsw-indicaties 2012 tegenover de som van eerste indicaties en herindicaties",
        "wsw_indications",
        YEAR_2012,
        JULY_2013,
        _indication_parts_2012,
        "eerste indicaties + herindicaties",
        0,
        category=TOTAL,
        assumption=(
            "dat het totaal alleen uit eerste indicaties en herindicaties bestaat (de brief noemt de twee soorten "
            "naast het totaal, maar zegt niet dat er geen andere zijn)"
        ),
    ),
    Check(
        "wsw-wachtlijst-daling-pct-2012",
        "Daling van de Wsw-wachtlijst in 2012 als percentage van de beginstand",
        "wsw_waiting_list_decrease_pct",
        SPAN_2012,
        JULY_2013,
        analysis.waiting_list_decrease_pct,
        "daling / (eindstand + daling) × 100 (beginstand niet gedrukt)",
        0.05,
    ),
    Check(
        "wsw-begeleid-werken-stijging-2012",
        "Percentage bij de stijging van begeleid werken in 2012, gelezen als groei van het aantal plaatsen",
        "wsw_supported_employment_places_increase_pct",
        SPAN_2012,
        JULY_2013,
        analysis.supported_employment_rise,
        "(plaatsen eind 2012 / plaatsen begin 2012 − 1) × 100",
        0.05,
        assumption=(
            "dat het gedrukte percentage de groei van het aantal plaatsen is (de brief zegt niet waarop het "
            "slaat; als aandeel van de plaatsen in het werknemersbestand eind 2012 klopt het op afronding)"
        ),
    ),
)
