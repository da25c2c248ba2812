"""How the book names a letter: short references, 'Bron: …' lines, 'letter, p. N' cells, and citations in the prose."""

from __future__ import annotations

import pandas as pd

from ..figures.sources import letters
from . import escape
from .formatting import long_date
from .labels import SOURCE_ITEM, SOURCE_LINE
from .vocabulary import page_numbers, pages_text  # noqa: F401 - pages_text is part of this module's interface


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


# --- citations in the prose -------------------------------------------------------------------------
# One house style for the whole book (docs/redactie.md): a sentence names a letter by its date ("de brief
# van 30 juni 2017"); the brackets that say where it prints something name the Kamerstuk and the page
# ("(Eerste Kamer, 33 981, N, p. 16)"), as the Bronnen appendix lists it. These return Markdown: the text
# that comes from the data (chamber, reference) is escaped.


def source(sources: pd.DataFrame, source_id: str) -> pd.Series:
    """Return the row of sources.csv for a letter."""
    return _by_id(sources).loc[source_id]


def letter_date(sources: pd.DataFrame, source_id: str) -> str:
    """Return a letter's date as Dutch text (30 juni 2017)."""
    return long_date(pd.Timestamp(_by_id(sources).loc[source_id, "date"]).date())


def letter(sources: pd.DataFrame, source_id: str) -> str:
    """Return 'de brief van 30 juni 2017'."""
    return f"de brief van {letter_date(sources, source_id)}"


def letters_phrase(sources: pd.DataFrame, source_ids) -> str:
    """Return 'de brief van A' or 'de brieven van A en B' (dates, oldest letter first)."""
    info = _by_id(sources)
    ids = sorted(dict.fromkeys(source_ids), key=lambda s: str(info.loc[s, "date"]))
    if len(ids) == 1:
        return letter(sources, ids[0])
    dates = [letter_date(sources, s) for s in ids]
    return f"de brieven van {', '.join(dates[:-1])} en {dates[-1]}"


def citation(sources: pd.DataFrame, source_id: str, pages=()) -> str:
    """Return where a letter prints something, as Markdown: 'Eerste Kamer, 33 981, N, p. 16'."""
    source = _by_id(sources).loc[source_id]
    where = pages_text(pages)
    return escape.markdown(f"{source['chamber']}, {source['reference']}") + (f", {where}" if where else "")


def cites(sources: pd.DataFrame, refs) -> str:
    """Return '(citation; citation)' for (source_id, pages) pairs: one per letter, in order of first mention."""
    grouped: dict[str, list[int]] = {}
    for source_id, pages in refs:
        grouped.setdefault(source_id, []).extend(page_numbers(pages))
    return "(" + "; ".join(citation(sources, s, p) for s, p in grouped.items()) + ")"
