"""How the book names a letter: short references, 'Bron: …' lines, and 'letter, p. N' cells."""

from __future__ import annotations

import pandas as pd

from ..figures.sources import letters
from .formatting import long_date
from .labels import SOURCE_ITEM, SOURCE_LINE


def _by_id(sources: pd.DataFrame) -> pd.DataFrame:
    return sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources


def source_reference(source: pd.Series) -> str:
    """Return a letter's short Dutch reference: chamber, parliamentary number and date."""
    day = pd.Timestamp(source["date"])
    return SOURCE_ITEM.format(chamber=source["chamber"], reference=source["reference"], date=long_date(day.date()))


def reference(source_id: str, sources: pd.DataFrame) -> str:
    """Return the short Dutch reference of the letter with this id."""
    return source_reference(_by_id(sources).loc[source_id])


def references(source_ids, sources: pd.DataFrame) -> list[str]:
    """Return the short reference of each letter id, in the order given (for a table column)."""
    info = _by_id(sources)
    cache = {s: source_reference(info.loc[s]) for s in dict.fromkeys(source_ids)}
    return [cache[s] for s in source_ids]


def source_line(source_ids, sources: pd.DataFrame) -> str:
    """Return the 'Bron: …' line for the letters a chart or table draws on, oldest first."""
    return SOURCE_LINE.format(sources="; ".join(reference(s, sources) for s in letters(source_ids, sources)))


def letter_page(source_ids, pages, sources: pd.DataFrame) -> list[str]:
    """Return 'reference, p. N' for each figure (a table column naming where each value is printed)."""
    return [f"{ref}, p. {page}" for ref, page in zip(references(list(source_ids), sources), pages)]


def date_page(dates, pages) -> list[str]:
    """Return 'date of the letter, p. N' cells: a compact column whose caption names the letters in full."""
    return [f"{long_date(pd.Timestamp(d).date())}, p. {p}" for d, p in zip(dates, pages)]
