"""The book's Dutch vocabulary: the one place that turns facts into the words and numbers a reader reads.

Numbers in Dutch notation (1.234,5, through Babel's CLDR data), values with their unit and hedge, counts,
amounts and percentages, periods and dates, letters and citations in the house style (docs/redactie.md),
differences and directions computed from the numbers they are about, lists, and the numbers one to twenty
in words. Tables and charts format through these functions; the text files use them as filters
(`presentation.text.FILTERS`), e.g. `{{ working | count }}`, `{{ working | cite }}`.

Functions that return text for a Markdown page return `Md` (data escaped), which the engine puts in as is.
"""

from __future__ import annotations

import calendar
import math
import numbers
from collections.abc import Iterable
from datetime import date
from itertools import groupby

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from ..data import periods
from ..figures.facts import Figure, Letter
from . import escape, labels
from .labels import LOCALE, UNIT_TEXT

MISSING = "–"


class Md(str):
    """Markdown made by the vocabulary: safe to put into a page as it is."""


def _defined(value) -> bool:
    # NaN (not defined, such as a share of a zero total) and infinity are no number a reader can use.
    return value is not None and not isinstance(value, str) and math.isfinite(float(value))


def _number_of(value) -> float:
    return value.value if isinstance(value, Figure) else value


# --- numbers ------------------------------------------------------------------------------------------------


def number(value, decimals: int | None = None) -> Md:
    """Return a number in Dutch notation (1.234,5; "–" undefined); no `decimals`: up to three, none when whole."""
    value = _number_of(value)
    if not _defined(value):
        return Md(MISSING)
    places = "###" if decimals is None else "0" * decimals  # optional places: none shown when whole ("#,##0." too)
    return Md(format_decimal(value, format=f"#,##0.{places}", locale=LOCALE))


def value_text(value: float, unit: str, decimals: int | None = None, qualifier: str | None = None) -> Md:
    """Return a value with unit and hedge as a reader writes it (24%, € 612,7 mln, circa 25 uur); undefined: "–"."""
    if unit not in UNIT_TEXT:
        raise KeyError(f"unknown unit {unit!r}; known units: {', '.join(sorted(UNIT_TEXT))}")
    if not _defined(value):
        return Md(MISSING)
    text = UNIT_TEXT[unit].format(n=number(value, decimals))
    if qualifier:
        text = f"{labels.QUALIFIER_TEXT[qualifier]} {text}"
    return Md(text)


def value(fact, unit: str | None = None, decimals: int | None = None) -> Md:
    """Return a figure (or a number with `unit`) with its unit and hedge: 'circa € 270 mln', '37%'."""
    if isinstance(fact, Figure):
        return value_text(fact.value, unit or fact.unit, decimals, fact.qualifier)
    if unit is None:
        raise TypeError("value: a plain number needs its unit, e.g. {{ x | value('euro_mln') }}")
    return value_text(fact, unit, decimals)


def count(fact, decimals: int | None = None) -> Md:
    """Return a count with its hedge and without unit word: 'circa 3.300', '1.650'."""
    return value(fact, "aantal", decimals)


def pct(fact, decimals: int = 0) -> Md:
    """Return a percentage ('37%'; a figure keeps its hedge). Ours are rounded as the letters print theirs."""
    return value(fact, "procent", decimals)


def quantity(fact, unit: str | None = None) -> Md:
    """Return a value with its unit always named: '32 gemeenten', '€ 5 mln' (a count's unit word after it)."""
    unit = unit or fact.unit
    text = value(fact, unit)
    return text if text != number(_number_of(fact)) else Md(f"{text} {unit}")


def words(n) -> Md:
    """Return a whole number from one to twenty in words ('vier', 'twaalf'); other numbers in digits."""
    n = _number_of(n)
    if _defined(n) and float(n).is_integer() and 1 <= int(n) <= len(labels.NUMBER_WORDS):
        return Md(labels.NUMBER_WORDS[int(n) - 1])
    return number(n)


def plural(n, one: str, many: str) -> str:
    """Return the singular after exactly one, else the plural ('1 brief', '5 brieven' → the noun only)."""
    return one if _number_of(n) == 1 else many


# --- comparisons and directions -----------------------------------------------------------------------------


def change(old, new, rose: str = "steeg", fell: str = "daalde", same: str = "bleef gelijk") -> str:
    """Return the verb for a change from old to new (steeg, daalde, bleef gelijk; '' when not defined)."""
    return comparison(new, old, rose, fell, same)


def direction(delta, up: str = "steeg", down: str = "daalde", same: str = "bleef gelijk") -> str:
    """Return the word for a signed change: `up` when positive, `down` when negative, `same` at zero ('' undefined)."""
    return change(0, delta, up, down, same)


def comparison(a, b, more: str = "meer dan", less: str = "minder dan", equal: str = "evenveel als") -> str:
    """Return how a compares with b (meer dan, minder dan, evenveel als; '' when not defined)."""
    if not (_defined(_number_of(a)) and _defined(_number_of(b))):
        return ""
    a, b = _number_of(a), _number_of(b)
    return more if a > b else less if a < b else equal


def higher_lower(a, b) -> str:
    """Return 'hoger dan', 'lager dan' or 'gelijk aan' for a against b ('' when not defined)."""
    return comparison(a, b, "hoger dan", "lager dan", "gelijk aan")


def difference(a, b, unit: str, decimals: int | None = None, more="hoger dan", less="lager dan", same="gelijk aan") -> Md:
    """Return the size and direction of a against b: '€ 9,1 mln lager dan', or `same` when they are equal."""
    how = comparison(a, b, more, less, same)
    if how in ("", same):
        return Md(how)
    return Md(f"{value_text(abs(_number_of(a) - _number_of(b)), unit, decimals)} {how}")


def joined(items: Iterable, last: str = "en") -> Md:
    """Return items as a Dutch enumeration: a, b en c (data strings escaped)."""
    items = [_md(i) for i in items if i]
    if len(items) <= 1:
        return Md("".join(items))
    return Md(f"{', '.join(items[:-1])} {last} {items[-1]}")


def _md(item) -> str:
    return item if isinstance(item, Md) else escape.markdown(item)


def sentence(text: str) -> Md:
    """Return text with its first letter in upper case (the rest unchanged)."""
    text = _md(text)
    return Md("Eén" + text[3:] if text.startswith("één") else text[:1].upper() + text[1:])


# --- dates and periods --------------------------------------------------------------------------------------


def long_date(day: date) -> Md:
    """Return a date as Dutch text (15 juni 2018)."""
    return Md(format_date(day, "d MMMM y", locale=LOCALE))


def month(day: date) -> Md:
    """Return a day's month and year: 'juni 2017'."""
    return Md(format_date(day, "MMMM y", locale=LOCALE))


def date_at(when, precision: str | None = None) -> Md:
    """Return a date as precise as its source: '27 maart 2018', 'april 2013', '2015' (ISO text and precision, or a
    record with `date` and `precision`; None: "–")."""
    if when is None:
        return Md(MISSING)
    if precision is None:
        when, precision = when["date"], when["precision"]
    parts = [int(p) for p in str(when).split("-")]
    if precision == "day":
        return long_date(date(*parts))
    if precision == "month":
        return month(date(parts[0], parts[1], 1))
    if precision == "year":
        return Md(str(parts[0]))
    raise ValueError(f"unknown date precision {precision!r}")


def period(text) -> Md:
    """Return an ISO 8601 period (or a figure's period) as a reader says it (eind 2016, januari–mei 2017 …)."""
    return Md(_label(periods.parse(text.period if isinstance(text, Figure) else str(text))))


def period_labels(column: pd.Series) -> pd.Series:
    """Return the Dutch label of every period in a column (each distinct period parsed once)."""
    return column.map({text: period(text) for text in column.dropna().unique()})


def moment(fact) -> Md:
    """Return the moment of a stock as the letters say it: 'begin 2012' for 1 January, else the period ('eind 2012')."""
    parsed = periods.parse(fact.period if isinstance(fact, Figure) else str(fact))
    if parsed.kind == "moment" and (parsed.start.month, parsed.start.day) == (1, 1):
        return Md(f"begin {parsed.start.year}")
    return Md(_label(parsed))


def when(fact) -> Md:
    """Return a period after a value: 'in 2012', 'begin 2012', 'eind 2012', 'op 28 maart 2017', open: 'vanaf 2020 (…)'."""
    parsed = periods.parse(fact.period if isinstance(fact, Figure) else str(fact))
    if parsed.kind == "moment":
        if (parsed.start.month, parsed.start.day) in ((1, 1), (12, 31)):
            return moment(parsed.text)
        return Md(f"op {_label(parsed)}")
    return Md(_label(parsed) if parsed.kind == "open" else f"in {_label(parsed)}")


def _label(period: periods.Period) -> str:
    start, end = period.start, period.end
    if period.kind == "year":
        return str(start.year)
    if period.kind == "month":
        return month(start)
    if period.kind == "moment":
        if (start.month, start.day) == (12, 31):
            return labels.PERIOD_TEXT["end_of_year"].format(year=start.year)
        return long_date(start)
    if period.kind == "open":
        return labels.PERIOD_TEXT["open"].format(
            start=str(start.year) if start == date(start.year, 1, 1) else long_date(start)
        )
    assert end is not None
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        if start.month == 1 and end.month == 12:
            return str(start.year)
        if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
            return labels.PERIOD_TEXT["quarter"].format(
                quarter=labels.QUARTER_WORDS[(start.month - 1) // 3], year=start.year
            )
        return f"{format_date(start, 'MMMM', locale=LOCALE)}–{format_date(end, 'MMMM', locale=LOCALE)} {start.year}"
    if whole_months and (start.month, end.month) == (1, 12):
        return f"{start.year}–{end.year}"
    if whole_months:
        return f"{month(start)} – {month(end)}"
    return f"{long_date(start)} – {long_date(end)}"


# --- letters and citations ----------------------------------------------------------------------------------
# One house style (docs/redactie.md): a sentence names a letter by its date ("de brief van 30 juni 2017");
# brackets name the Kamerstuk and the page ("(Eerste Kamer, 33 981, N, p. 16)").


def _letter_of(fact) -> Letter:
    found = fact.letter if isinstance(fact, Figure) else fact
    if not isinstance(found, Letter):
        raise ValueError(f"no letter prints this figure ({fact!r}): a municipal figure is cited to no letter")
    return found


def letter_date(fact) -> Md:
    """Return the date of a letter (or of the letter that prints a figure): '30 juni 2017'."""
    return long_date(_letter_of(fact).date)


def letter(fact) -> Md:
    """Return 'de brief van 30 juni 2017' for a letter or the letter that prints a figure."""
    return Md(f"de brief van {letter_date(fact)}")


def letters_phrase(facts: Iterable) -> Md:
    """Return 'de brief van A' or 'de brieven van A en B' (oldest first) for letters or figures."""
    found = sorted({_letter_of(f) for f in facts}, key=lambda x: (x.date, x.id))
    if len(found) == 1:
        return letter(found[0])
    return Md(f"de brieven van {joined(letter_date(x) for x in found)}")


def page_numbers(pages) -> list[int]:
    """Return the pages given as one page, a span as text ('8–9'), or several of those, as sorted numbers."""
    if pages is None:
        return []
    if isinstance(pages, str):
        first, _, last = pages.replace("-", "–").partition("–")
        return list(range(int(first), int(last or first) + 1))
    if isinstance(pages, numbers.Number):
        return [int(pages)]
    return sorted({number for item in pages for number in page_numbers(item)})


def pages_text(pages) -> Md:
    """Return pages as Dutch page text: 'p. 3', 'p. 3–4', 'p. 1–2 en 18', 'p. 5, 7 en 13' ('' for none)."""
    # The pages of one run (5, 6, 7) each lie as far from their place in the sorted list.
    runs = [[page for _, page in run] for _, run in groupby(enumerate(page_numbers(pages)), lambda at: at[1] - at[0])]
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    return Md(f"p. {joined(parts)}" if parts else "")


def ref(fact, pages=None) -> Md:
    """Return where a letter prints something, unbracketed: 'Eerste Kamer, 33 981, N, p. 16' (a figure: its page)."""
    found = _letter_of(fact)
    if pages is None and isinstance(fact, Figure):
        pages = fact.page
    where = pages_text(pages)
    return Md(escape.markdown(f"{found.chamber}, {found.reference}") + (f", {where}" if where else ""))


def cite(facts, pages=None) -> Md:
    """Return '(ref; ref)': one citation per letter, its pages joined, letters in order of first mention.

    `facts` is a figure, a letter, a (letter, pages) pair, or a list of those (None left out); `pages` adds
    pages to every letter named.
    """
    grouped: dict[Letter, list[int]] = {}
    for item in facts if isinstance(facts, list | tuple) and not _pair(facts) else [facts]:
        if item is None:
            continue
        found, own = (item[0], item[1]) if _pair(item) else (_letter_of(item), getattr(item, "page", None))
        grouped.setdefault(_letter_of(found), []).extend(page_numbers(own) + page_numbers(pages))
    return Md("(" + "; ".join(ref(found, sorted(set(p))) for found, p in grouped.items()) + ")")


def _pair(item) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Letter)


def source_reference(found: Letter) -> str:
    """Return a letter's short reference: chamber, parliamentary number and date."""
    return labels.SOURCE_ITEM.format(chamber=found.chamber, reference=found.reference, date=long_date(found.date))


def reference(found: Letter) -> Md:
    """Return a letter's short reference for running text, escaped: 'Eerste Kamer, 33 981, N (30 juni 2017)'."""
    return Md(escape.markdown(source_reference(_letter_of(found))))


def source_line(found: Iterable[Letter]) -> str:
    """Return the 'Bron: …' line for the letters a chart or table draws on, oldest first."""
    ordered = sorted(set(found), key=lambda x: (x.date, x.id))
    return labels.SOURCE_LINE.format(sources="; ".join(source_reference(x) for x in ordered))


def value_or_nil(fact, unit: str | None = None, decimals: int | None = None) -> Md:
    """Return a value as `value` does, but an amount of no euros as 'nul' ('tot nul in 2050', not 'tot € 0 mln')."""
    number_, unit_ = _number_of(fact), fact.unit if isinstance(fact, Figure) else unit
    if _defined(number_) and float(number_) == 0 and str(unit_).startswith("euro"):
        return Md("nul")
    return value(fact, unit, decimals)


def size(fact, decimals: int | None = None) -> Md:
    """Return a figure without its sign, with unit and hedge ('€ 142 mln' for −142: the words say the direction)."""
    if not isinstance(fact, Figure):
        raise TypeError("size: a figure, e.g. {{ change | size }} (a computed number: change_amount)")
    return value_text(abs(fact.value), fact.unit, decimals, fact.qualifier)


def change_amount(amount, unit: str = "euro_mln", signed: bool = False) -> Md:
    """Return a change we computed: one decimal from 1 up, three below ('€ 9,1 mln'; `signed`: '+€ 4,0 mln')."""
    amount = _number_of(amount)
    if not _defined(amount):
        return Md(MISSING)
    text = value_text(abs(amount), unit, 1 if abs(amount) >= 1 else 3)
    sign = ("+" if amount > 0 else "−" if amount < 0 else "") if signed else ""
    return Md(sign + text)
