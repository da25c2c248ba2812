"""Periods of figures: ISO 8601 text in the data, parsed to dates (the Dutch words are `presentation.formatting`).

Accepted forms: a year `2017`, a month `2017-05`, a day `2016-12-31` (a stock at that moment), an
interval of any two of these `2017-01/2017-05`, and an open interval `2018/..` (ISO 8601-2) for a
long-run or structural level.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# ASCII digits only, matched as a whole: `\d` would take ２０１７ and `$` a line break after the year.
_PART = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@dataclass(frozen=True)
class Period:
    """A parsed period: first and last day (end None when open) and its kind."""

    text: str
    start: date
    end: date | None
    kind: str  # moment | month | year | interval | open

    @property
    def sort_date(self) -> date:
        """Return the date a period is placed at on a time axis (its end; its start when open)."""
        return self.end or self.start


def _bounds(text: str, whole: str) -> tuple[date, date, str]:
    match = _PART.fullmatch(text)
    if not match:
        raise ValueError(f"period {whole!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31), "year"
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        moment = date(year, month, day)
        return moment, moment, "moment"
    except ValueError as error:
        raise ValueError(f"period {whole!r} is not a real date ({error})") from None


def parse(text: str) -> Period:
    """Return the Period an ISO 8601 period string stands for; raise ValueError if it is none."""
    text = text.strip()
    if "/" not in text:
        start, end, kind = _bounds(text, text)
        return Period(text, start, end, kind)
    first, _, last = text.partition("/")
    start, _, _ = _bounds(first, text)
    if last == "..":
        return Period(text, start, None, "open")
    _, end, _ = _bounds(last, text)
    if end < start:
        raise ValueError(f"period {text!r} ends before it starts")
    return Period(text, start, end, "interval")
