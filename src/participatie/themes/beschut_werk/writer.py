"""Beschut werk: how the prose writes a figure, a letter and a citation (Dutch, safe as glued Markdown).

Numbers come through `presentation.formatting`; strings from the data (letter references, the
municipality's name) through `presentation.escape.markdown`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import pandas as pd

from ...figures import lookup
from ...presentation import escape, formatting

MISSING = "–"


class Writer:
    """Writes the figures of one frame (national or one municipality's) and cites the chapter's letters."""

    def __init__(self, chapter, figures: pd.DataFrame | None = None):
        self.chapter = chapter
        self.figures = chapter.figures if figures is None else figures
        sources = chapter.sources
        self.sources = sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources

    # --- figures ---------------------------------------------------------------------------------

    def value(self, indicator: str, period: str, category: str | None = None, source_id: str | None = None) -> float:
        """Return a figure's value (NaN when the data do not hold it)."""
        try:
            return lookup.value(self.figures, indicator, period, category=category, source_id=source_id)
        except KeyError:
            return math.nan

    def text(
        self, indicator: str, period: str, category: str | None = None, source_id: str | None = None, decimals=None
    ) -> str:
        """Return a figure as Dutch text with unit and hedge ("–" when the data do not hold it)."""
        try:
            return formatting.figure_text(
                self.figures, indicator, period, category=category, source_id=source_id, decimals=decimals
            )
        except KeyError:
            return MISSING

    @staticmethod
    def row(row: pd.Series) -> str:
        """Return a figure row's value as Dutch text with unit and hedge."""
        return formatting.row_text(row)

    @staticmethod
    def count(value: float, qualifier: object = None) -> str:
        """Return a count as Dutch text with its hedge (circa 3.300)."""
        hedge = qualifier if isinstance(qualifier, str) and qualifier else None
        return formatting.value_text(value, "aantal", qualifier=hedge)

    @staticmethod
    def pct(value: float, decimals: int = 0) -> str:
        """Return a percentage of ours, rounded as the letters print theirs (whole percents)."""
        return formatting.value_text(value, "procent", decimals)

    @staticmethod
    def period(text: str) -> str:
        """Return a period as Dutch text (eind 2017, januari–mei 2017)."""
        return formatting.period_label(text)

    # --- letters -----------------------------------------------------------------------------------

    def date(self, source_id: str) -> str:
        """Return a letter's date as Dutch text (15 juni 2018)."""
        return formatting.long_date(pd.Timestamp(self.sources.loc[source_id, "date"]).date())

    def letter(self, source_id: str) -> str:
        """Return 'de brief van <date>'."""
        return f"de brief van {self.date(source_id)}"

    def full(self, source_id: str, page: object = None) -> str:
        """Return 'de brief van <date> (<chamber>, <reference>[, p. N])', for a sentence on the latest state."""
        source = self.sources.loc[source_id]
        reference = escape.markdown(f"{source['chamber']}, {source['reference']}")
        where = f", {pages_text(page)}" if page is not None else ""
        return f"de brief van {self.date(source_id)} ({reference}{where})"

    def cite(self, source_id: str, pages: int | str | Iterable) -> str:
        """Return 'brief van <date>, p. N' for a parenthetical citation."""
        return f"brief van {self.date(source_id)}, {pages_text(pages)}"

    def cites(self, source_ids: Iterable[str], pages: Iterable) -> str:
        """Return the citations of several figures: one per letter, its pages joined, oldest letter first."""
        by_letter: dict[str, list] = {}
        for source_id, page in zip(source_ids, pages):
            by_letter.setdefault(source_id, []).append(int(page))
        ordered = sorted(by_letter, key=lambda s: str(self.sources.loc[s, "date"]))
        return "; ".join(self.cite(s, by_letter[s]) for s in ordered)

    def letters(self, source_ids: Iterable[str]) -> str:
        """Return 'de brief van A' or 'de brieven van A en B' (dates, oldest first)."""
        ids = sorted(dict.fromkeys(source_ids), key=lambda s: str(self.sources.loc[s, "date"]))
        if len(ids) == 1:
            return self.letter(ids[0])
        dates = [self.date(s) for s in ids]
        return f"de brieven van {', '.join(dates[:-1])} en {dates[-1]}"

    @property
    def place(self) -> str:
        """Return the municipality's name, safe as Markdown (municipal editions)."""
        return escape.markdown(self.chapter.gemeente_naam or "")


def pages_text(pages: int | str | Iterable) -> str:
    """Return 'p. 3', 'p. 3 en 4' or, for a span given as text, 'p. 4–5'."""
    if isinstance(pages, str):
        return f"p. {pages}"
    if isinstance(pages, numbers.Integral):
        return f"p. {int(pages)}"
    unique = sorted({int(p) for p in pages})
    if len(unique) == 1:
        return f"p. {unique[0]}"
    return f"p. {', '.join(str(p) for p in unique[:-1])} en {unique[-1]}"


def sentence(text: str) -> str:
    """Return text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def rounds_to(value: float, printed: float) -> bool:
    """Return whether our value, rounded to whole units as the letters print, equals the printed one (False if undefined)."""
    return not (math.isnan(value) or math.isnan(printed)) and round(value) == printed
