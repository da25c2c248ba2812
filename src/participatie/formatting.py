"""Dutch number formatting (1.234,5) for prose, tables and tooltips, through Babel's CLDR data."""

from __future__ import annotations

import math

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from .labels import LOCALE, QUALIFIER_TEXT, UNIT_TEXT


def _defined(value: float | None) -> bool:
    # NaN (not defined, such as a share of a zero total) and infinity are no number a reader can use.
    return value is not None and (not isinstance(value, float) or math.isfinite(value))


def number(value: float, decimals: int | None = None) -> str:
    """Return a number in Dutch notation: thousands with a dot, decimals with a comma.

    With `decimals` None, whole numbers show none and others keep up to three significant decimals.
    """
    if not _defined(value):
        return "–"
    if decimals is None:
        pattern = "#,##0" if float(value).is_integer() else "#,##0.###"
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def number_rounded(value: float) -> str:
    """Return a recomputed number for a table: whole numbers plain, others with up to three decimals."""
    return number(value, 0 if float(value).is_integer() else None)


def value_text(value: float, unit: str, decimals: int | None = None, qualifier: str | None = None) -> str:
    """Return a value with its unit as a Dutch reader writes it (24%, € 612,7 mln, circa 25 uur per week).

    A value that is not defined (NaN, such as a share of a zero total) or infinite reads "–", without unit or hedge.
    """
    if unit not in UNIT_TEXT:
        raise KeyError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNIT_TEXT))}")
    if not _defined(value):
        return "–"
    text = UNIT_TEXT[unit].format(n=number(value, decimals))
    if qualifier:
        text = f"{QUALIFIER_TEXT[qualifier]} {text}"
    return text


def percent(part: float, whole: float, decimals: int = 0) -> str:
    """Return part as a percentage of whole in Dutch notation (37%; "–" when whole is 0 or missing)."""
    from .figures import ratio  # figures imports this module

    return value_text(ratio(100 * part, whole), "procent", decimals)


def long_date(day: date) -> str:
    """Return a date as Dutch text (15 juni 2018)."""
    return format_date(day, "d MMMM y", locale=LOCALE)
