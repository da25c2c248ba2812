"""De sociale werkvoorziening in cijfers: the claims of the letters that the book recomputes."""

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
        "Totaal Wsw-indicaties 2012 is de som van eerste indicaties en herindicaties",
        "wsw_indications",
        YEAR_2012,
        JULY_2013,
        _indication_parts_2012,
        "eerste indicaties + herindicaties",
        0,
        category=TOTAL,
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
        "Stijging van het aantal plaatsen begeleid werken in 2012",
        "wsw_supported_employment_places_increase_pct",
        SPAN_2012,
        JULY_2013,
        analysis.supported_employment_rise,
        "(plaatsen eind 2012 / plaatsen begin 2012 − 1) × 100",
        0.05,
    ),
)
