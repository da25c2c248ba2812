"""Dutch text for numbers (1.234,5), values with units and hedges, dates and periods, through Babel's CLDR data."""

from __future__ import annotations

import calendar
import math
from datetime import date

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from ..data import periods
from ..figures import lookup
from ..figures.rounding import Interval
from .labels import LOCALE, PERIOD_TEXT, QUALIFIER_TEXT, UNIT_TEXT


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
    return value_text(lookup.ratio(100 * part, whole), "procent", decimals)


def long_date(day: date) -> str:
    """Return a date as Dutch text (15 juni 2018)."""
    return format_date(day, "d MMMM y", locale=LOCALE)


def figure_text(
    figures: pd.DataFrame,
    indicator: str,
    period: str,
    *,
    category: str | None = None,
    source_id: str | None = None,
    decimals: int | None = None,
) -> str:
    """Return a printed figure as Dutch text with its unit and hedge (bijna 1.200, 37%)."""
    found = lookup.row(figures, indicator, period, category=category, source_id=source_id)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    return value_text(found["value"], found["unit"], decimals, qualifier)


def row_text(found: pd.Series, decimals: int | None = None) -> str:
    """Return one figure row's value as Dutch text with its unit and hedge."""
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) and found["qualifier"] else None
    return value_text(found["value"], found["unit"], decimals, qualifier)


def period_label(text: str) -> str:
    """Return an ISO 8601 period as a Dutch reader says it (eind 2016, januari–mei 2017, 1e kwartaal 2018 …)."""
    return _label(periods.parse(text))


def period_labels(column: pd.Series) -> pd.Series:
    """Return the Dutch label of every period in a column (each distinct period parsed once)."""
    return column.map({text: period_label(text) for text in column.dropna().unique()})


def bound_text(value: float, decimals: int, side: str) -> str:
    """Return a lower ('low') or upper ('high') bound in Dutch notation, rounded outwards so it still encloses."""
    if not math.isfinite(value):
        return "–"
    step = 10**-decimals
    scaled = round(value / step, 6)
    return number((math.floor(scaled) if side == "low" else math.ceil(scaled)) * step, decimals)


def range_text(interval: Interval, unit: str, decimals: int = 0, joiner: str = "–") -> str:
    """Return an interval's bounds as Dutch text with the unit, rounded outwards (€ 5.463–5.790 mln); "–" if undefined."""
    if interval.undefined:
        return "–"
    low, high = bound_text(interval.low, decimals, "low"), bound_text(interval.high, decimals, "high")
    return UNIT_TEXT[unit].format(n=f"{low}{joiner}{high}")


def _month(day: date) -> str:
    return format_date(day, "MMMM", locale=LOCALE)


def _label(period: periods.Period) -> str:
    start, end = period.start, period.end
    if period.kind == "year":
        return str(start.year)
    if period.kind == "month":
        return f"{_month(start)} {start.year}"
    if period.kind == "moment":
        if (start.month, start.day) == (12, 31):
            return PERIOD_TEXT["end_of_year"].format(year=start.year)
        return format_date(start, "d MMMM y", locale=LOCALE)
    if period.kind == "open":
        return PERIOD_TEXT["open"].format(
            start=str(start.year) if start == date(start.year, 1, 1) else format_date(start, "d MMMM y", locale=LOCALE)
        )
    assert end is not None
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
            return PERIOD_TEXT["quarter"].format(quarter=(start.month + 2) // 3, year=start.year)
        return f"{_month(start)}–{_month(end)} {start.year}"
    if whole_months and (start.month, end.month) == (1, 12):
        return f"{start.year}–{end.year}"
    if whole_months:
        return f"{_month(start)} {start.year} – {_month(end)} {end.year}"
    return f"{format_date(start, 'd MMMM y', locale=LOCALE)} – {format_date(end, 'd MMMM y', locale=LOCALE)}"
