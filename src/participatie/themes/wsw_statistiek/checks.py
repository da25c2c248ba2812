"""De sociale werkvoorziening in cijfers: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures import lookup as fig
from ...figures.checks import Check
from .analysis import (
    END_2012,
    JULY_2013,
    SPAN_2012,
    START_2012,
    YEAR_2012,
    _v,
)


def _checks():
    yield (Check(
        "wsw-indicaties-totaal-2012", "Totaal Wsw-indicaties 2012 is de som van eerste indicaties en herindicaties",
        "wsw_indications", YEAR_2012, JULY_2013,
        lambda f: _v(f, "wsw_indications", YEAR_2012, "eerste_indicatie") + _v(f, "wsw_indications", YEAR_2012, "herindicatie"),
        "eerste indicaties + herindicaties", 0, "totaal"))
    yield (Check(
        "wsw-wachtlijst-daling-pct-2012", "Daling van de Wsw-wachtlijst in 2012 als percentage van de beginstand",
        "wsw_waiting_list_decrease_pct", SPAN_2012, JULY_2013,
        lambda f: fig.ratio(100 * _v(f, "wsw_waiting_list_decrease", SPAN_2012),
                            _v(f, "wsw_waiting_list", END_2012) + _v(f, "wsw_waiting_list_decrease", SPAN_2012)),
        "daling / (eindstand + daling) × 100 (beginstand niet gedrukt)", 0.05))
    yield (Check(
        "wsw-begeleid-werken-stijging-2012", "Stijging van het aantal plaatsen begeleid werken in 2012",
        "wsw_supported_employment_places_increase_pct", SPAN_2012, JULY_2013,
        lambda f: 100 * (fig.ratio(_v(f, "wsw_supported_employment_places", END_2012),
                                   _v(f, "wsw_supported_employment_places", START_2012)) - 1),
        "(plaatsen eind 2012 / plaatsen begin 2012 − 1) × 100", 0.05))



CHECKS = tuple(_checks())
