"""What a figure's value may be, by its unit: the checks a Table Schema's `number` type cannot make.

A Table Schema number accepts `NaN`, `INF` and `-0`, and a Dutch spreadsheet writes 1.465 for one
thousand four hundred and sixty-five, which a CSV reader takes for one and a half. So every value must
be a finite, plainly written number within a sane magnitude, and a count (persons, jobs, places,
advices …) a whole non-negative number; a count written like 1.465 is refused with a message that
names the Dutch thousands separator.
"""

from __future__ import annotations

import math
import re

from .package import Problem

# Units that count things: whole, non-negative numbers whose municipal values add up to the national one.
COUNT_UNITS = frozenset(
    {"aantal", "personen", "banen", "werkplekken", "adviezen", "beoordelingen", "indicaties", "gemeenten"}
)
# Amounts of money add up as well; they may have decimals (millions with three decimals, cents).
MONEY_UNITS = frozenset({"euro", "euro_mln", "euro_mld"})
# Units whose municipal values are summed to a national value (see `editions.national`); arbeidsjaren are
# a volume of work (may have decimals) that adds up too.
ADDITIVE_UNITS = COUNT_UNITS | MONEY_UNITS | {"arbeidsjaren"}
# Larger than any figure of Dutch social policy: the whole population is under 20 million people, the
# national budget under 1.000 miljard euro. A larger value is a typing or unit error.
MAX_COUNT = 100_000_000
MAX_MAGNITUDE = 1e12
# ASCII digits, matched as a whole (see periods._PART).
_PLAIN = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DUTCH_THOUSANDS = re.compile(r"[0-9]{1,3}(\.[0-9]{3})+")


def problems(file: str, rows: list[dict]) -> list[Problem]:
    """Return a problem for every value that is not finite and plain, out of range, or no whole count."""
    found = []
    for number, row in enumerate(rows, start=2):
        text = (row.get("value") or "").strip()
        if not text:
            continue  # a missing value is reported by the schema's `required`
        message = value_problem(text, row.get("unit") or "")
        if message:
            found.append(Problem(file, number, "value", message))
    return found


def value_problem(text: str, unit: str) -> str | None:
    """Return why a value written as text cannot stand for a figure in the unit (None: it can)."""
    if not _PLAIN.fullmatch(text):
        try:
            number = float(text)
        except ValueError:
            return None  # not a number at all: the schema's type check reports it
        if not math.isfinite(number):
            return f"value {text!r} is not a finite number (NaN and infinity are no figures)"
        return f"value {text!r} is not written as a plain number (digits, an optional minus and a decimal point)"
    number = float(text)
    if number == 0 and text.startswith("-"):
        return f"value {text!r} is a negative zero; write 0"
    if abs(number) > MAX_MAGNITUDE:
        return (
            f"value {text} is larger than any figure of Dutch social policy (more than {MAX_MAGNITUDE:.0e}); check the unit"
        )
    if unit in COUNT_UNITS:
        if _DUTCH_THOUSANDS.fullmatch(text):
            whole = text.replace(".", "")
            return (
                f"value {text} in a count ({unit}) looks like a number with a Dutch thousands separator: "
                f"write {whole} for {whole} {unit}; a count has no decimals"
            )
        if number < 0:
            return f"value {text} is a negative count ({unit})"
        if not number.is_integer():
            return f"value {text} is not a whole number, but {unit} are counted"
        if number > MAX_COUNT:
            return f"value {text} is larger than any count of Dutch social policy (more than {MAX_COUNT:,}); check the unit"
    return None
