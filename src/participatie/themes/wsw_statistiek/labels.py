"""De sociale werkvoorziening in cijfers: the theme's own Dutch words (shared words: presentation.labels).

The analysis gives codes (kinds, parts, methods, readings); their Dutch names live here, with the
way the letters name the moment of a stock ('begin 2012').
"""

from __future__ import annotations

from ...data import periods
from ...presentation import formatting
from ...presentation import labels as shared
from . import analysis
from .analysis import COMPUTED, INTERPOLATED, PRINTED, SECONDED, SUPPORTED

KIND_TEXT = {PRINTED: shared.PRINTED, COMPUTED: shared.COMPUTED, INTERPOLATED: shared.INTERPOLATION_MARK}
INDICATION_TEXT = {
    analysis.TOTAL: "totaal",
    analysis.SUM_OF_PARTS: "som van de delen",
    analysis.FIRST: "eerste indicaties",
    analysis.REPEAT: "herindicaties",
}
PART_TEXT = {
    SECONDED: "gedetacheerd",
    SUPPORTED: "begeleid werken (berekend)",
    analysis.REGULAR: "bij een reguliere werkgever",
}
METHOD_TEXT = {analysis.VIA_END: "eindstand + daling", analysis.VIA_PERCENTAGE: "daling / {percentage}"}
READING_TEXT = {
    analysis.RISE: "stijging begin–eind 2012 (zoals de brief het noemt)",
    analysis.SHARE_END: "aandeel in het werknemersbestand eind 2012",
    analysis.SHARE_START: "aandeel in het werknemersbestand begin 2012",
}
READING_FORMULA = {
    analysis.RISE: "({numerator} / {denominator} − 1) × 100",
    analysis.SHARE_END: "{numerator} / {denominator} × 100",
    analysis.SHARE_START: "{numerator} / {denominator} × 100",
}
START_OF_YEAR = "begin {year}"
ASSUMED_PERIOD_TEXT, OPEN_PERIOD_TEXT = "niet in de brief; aangenomen: {period}", "vanaf {start}"
STATUS_TEXT = {True: "bewering uit een tv-uitzending, aangehaald", False: "cijfer van het ministerie"}


def stock_moment(period: str) -> str:
    """Return the moment of a stock as the letters say it: 'begin 2012' for 1 January, else the period's label."""
    parsed = periods.parse(period)
    if parsed.kind == "moment" and (parsed.start.month, parsed.start.day) == (1, 1):
        return START_OF_YEAR.format(year=parsed.start.year)
    return formatting.period_label(period)


def assumed_period(period: str) -> str:
    """Return the text for a period the book assumes: 'niet in de brief; aangenomen: vanaf 2015'."""
    start = OPEN_PERIOD_TEXT.format(start=period.split("/")[0]) if period.endswith("/..") else period
    return ASSUMED_PERIOD_TEXT.format(period=start)
