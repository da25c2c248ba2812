"""Words that follow the numbers: a direction, a comparison, a share, in neutral Dutch.

A sentence that states a direction ("steeg", "meer dan") must be computed from the numbers it is about,
so that an edition on other data (a municipality, a later letter) never says what its numbers do not
show. These helpers return the words; the numbers are formatted by the caller.
"""

from __future__ import annotations

import math


def _defined(*values: float) -> bool:
    return all(v is not None and not (isinstance(v, float) and math.isnan(v)) for v in values)


def change(old: float, new: float, rose: str = "steeg", fell: str = "daalde", same: str = "bleef gelijk") -> str:
    """Return the verb for a change from old to new (steeg, daalde, bleef gelijk; '' when not defined)."""
    if not _defined(old, new):
        return ""
    return rose if new > old else fell if new < old else same


def comparison(a: float, b: float, more: str = "meer dan", less: str = "minder dan", equal: str = "evenveel als") -> str:
    """Return how a compares with b (meer dan, minder dan, evenveel als; '' when not defined)."""
    if not _defined(a, b):
        return ""
    return more if a > b else less if a < b else equal


def higher_lower(a: float, b: float) -> str:
    """Return 'hoger dan', 'lager dan' or 'gelijk aan' for a against b ('' when not defined)."""
    return comparison(a, b, "hoger dan", "lager dan", "gelijk aan")


def joined(items: list[str], last: str = "en") -> str:
    """Return items as a Dutch enumeration: a, b en c."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
