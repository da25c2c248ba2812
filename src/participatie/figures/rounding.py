"""Figures known only within bounds: interval arithmetic for rounded printed figures.

A letter prints 4,8% or "circa 270": the exact value lies within half a unit of the last printed digit.
An amount computed from rounded figures is an `Interval` (lowest, central and highest value), so a
comparison can say whether two figures can agree at all, not only whether their rounded values match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .lookup import row

MLN_PER_MLD = 1000  # unit conversion: one miljard is a thousand miljoen


@dataclass(frozen=True)
class Interval:
    """A quantity known only within bounds: lowest, central and highest value.

    A quantity the figures do not define (a division by an interval that may be zero) is the undefined
    interval: all three values NaN. Arithmetic with it gives it again.
    """

    low: float
    mid: float
    high: float

    def __post_init__(self):
        if self.undefined and not all(math.isnan(v) for v in (self.low, self.mid, self.high)):
            raise ValueError(f"interval partly undefined: {self.low}, {self.mid}, {self.high}")
        if not self.undefined and not self.low <= self.mid <= self.high:
            raise ValueError(f"interval bounds out of order: {self.low} <= {self.mid} <= {self.high}")

    @classmethod
    def exact(cls, value: float) -> Interval:
        """Return a quantity known without any margin."""
        return cls(value, value, value)

    @classmethod
    def around(cls, value: float, margin: float) -> Interval:
        """Return the interval value ± margin."""
        return cls(value - margin, value, value + margin)

    @classmethod
    def not_defined(cls) -> Interval:
        """Return the undefined interval (all NaN): a quantity the figures do not determine."""
        return cls(math.nan, math.nan, math.nan)

    @property
    def undefined(self) -> bool:
        """Return whether the interval is the undefined one (its values are NaN)."""
        return any(math.isnan(v) for v in (self.low, self.mid, self.high))

    def __add__(self, other) -> Interval:
        other = _interval(other)
        return Interval(self.low + other.low, self.mid + other.mid, self.high + other.high)

    __radd__ = __add__

    def __sub__(self, other) -> Interval:
        other = _interval(other)
        return Interval(self.low - other.high, self.mid - other.mid, self.high - other.low)

    def __rsub__(self, other) -> Interval:
        return _interval(other) - self

    def __mul__(self, other) -> Interval:
        other = _interval(other)
        if self.undefined or other.undefined:
            return Interval.not_defined()
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), self.mid * other.mid, max(products))

    __rmul__ = __mul__

    def __truediv__(self, other) -> Interval:
        other = _interval(other)
        if self.undefined or other.undefined or other.low <= 0 <= other.high:
            return Interval.not_defined()  # a divisor that may be zero leaves the quotient unbounded
        quotients = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(quotients), self.mid / other.mid, max(quotients))

    def __rtruediv__(self, other) -> Interval:
        return _interval(other) / self

    @property
    def width(self) -> float:
        """Return the distance between the lowest and highest value."""
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Return whether a value lies within the bounds."""
        return self.low - 1e-9 <= value <= self.high + 1e-9


def _interval(value) -> Interval:
    return value if isinstance(value, Interval) else Interval.exact(float(value))


def rounding_margin(value: float, qualifier: str | None = None) -> float:
    """Return half a unit of the last printed digit (of the last non-zero digit for a 'circa' round number).

    4,8 → 0,05; 142 → 0,5; ca. 270 → 5 (rounded to tens); ca. 300 → 50; 5,8 (miljard) → 0,05.
    """
    step = rounding_step(value)
    return 0.5 * (step if qualifier == "circa" or step < 1 else 1)


# What a hedge says about where the exact value lies, relative to the printed round number and the step
# of its rounding (the unit of its last non-zero digit): "ruim 22.000" lies between 22.000 and 23.000.
_HEDGE_BOUNDS = {
    "circa": (-0.5, 0.5),
    "ruim": (0.0, 1.0),
    "bijna": (-1.0, 0.0),
    "meer_dan": (0.0, math.inf),
    "ten_minste": (0.0, math.inf),
    "minder_dan": (-math.inf, 0.0),
    "maximaal": (-math.inf, 0.0),
}


def _digits(value: float) -> str:
    return f"{abs(value):.6f}".rstrip("0").rstrip(".")


def decimals(value: float) -> int:
    """Return the decimals a printed number has (25,7 → 1; 15.655 → 0; at most six)."""
    return len(_digits(value).partition(".")[2])


def as_printed(recomputed: float, printed: float) -> float:
    """Return a recomputed value rounded to the decimals the letter printed its value with (67,528 → 68 for 71)."""
    return recomputed if pd.isna(recomputed) else round(float(recomputed), decimals(printed))


def rounding_step(value: float) -> float:
    """Return the unit of a printed number's last non-zero digit (22.000 → 1.000; 4,8 → 0,1; 270 → 10)."""
    if decimals(value):
        return 10.0 ** -decimals(value)
    text = _digits(value)
    return 10.0 ** (len(text) - len(text.rstrip("0"))) if value != 0 else 1.0


def hedged_interval(value: float, qualifier: str | None = None) -> Interval:
    """Return the values a printed figure allows: ± half a unit of its last digit, or what its hedge says."""
    if qualifier not in _HEDGE_BOUNDS:
        return Interval.around(value, rounding_margin(value))
    low, high = _HEDGE_BOUNDS[qualifier]
    step = rounding_step(value)
    return Interval(value + low * step, value, value + high * step)


def printed_interval(
    figures: pd.DataFrame, indicator: str, period: str, category: str | None = None, source_id: str | None = None
) -> Interval:
    """Return a printed figure as the interval its rounding allows (amounts in miljoen euro)."""
    found = row(figures, indicator, period, category=category, source_id=source_id)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    interval = Interval.around(float(found["value"]), rounding_margin(float(found["value"]), qualifier))
    return interval * MLN_PER_MLD if found["unit"] == "euro_mld" else interval
