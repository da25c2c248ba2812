"""Beschut werk: how the prose writes a figure, a letter and a citation (Dutch, safe as glued Markdown).

Numbers come through `presentation.formatting`; strings from the data (letter references, the
municipality's name) through `presentation.escape.markdown`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from ...figures import lookup
from ...presentation import edition, formatting, references

MISSING = "–"


class Writer(edition.Edition):
    """Writes the figures of one frame (national or one municipality's) and cites the chapter's letters."""

    def __init__(self, chapter, figures: pd.DataFrame | None = None):
        super().__init__(chapter)
        self._figures = chapter.figures if figures is None else figures

    @property
    def figures(self) -> pd.DataFrame:
        return self._figures

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

    def full(self, source_id: str, page: object = None) -> str:
        """Return 'de brief van <date> (<chamber>, <reference>[, p. N])', for a sentence on the latest state."""
        return f"{self.letter(source_id)} ({self.ref(source_id, () if page is None else page)})"

    def cite(self, source_id: str, pages: int | str | Iterable) -> str:
        """Return '<chamber>, <reference>, p. N' for a parenthetical citation (brackets added by the sentence)."""
        return self.ref(source_id, pages)

    def cite_figures(self, source_ids: Iterable[str], pages: Iterable) -> str:
        """Return the citations of several figures: one per letter, its pages joined, oldest letter first."""
        by_letter: dict[str, list] = {}
        for source_id, page in zip(source_ids, pages):
            by_letter.setdefault(source_id, []).append(int(page))
        ordered = sorted(by_letter, key=lambda s: str(references.source(self.sources, s)["date"]))
        return "; ".join(self.cite(s, by_letter[s]) for s in ordered)

    @property
    def place(self) -> str:
        """Return the municipality's name, safe as Markdown (municipal editions)."""
        return self.name


pages_text = references.pages_text


def sentence(text: str) -> str:
    """Return text with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def rounds_to(value: float, printed: float) -> bool:
    """Return whether our value, rounded to whole units as the letters print, equals the printed one (False if undefined)."""
    return not (math.isnan(value) or math.isnan(printed)) and round(value) == printed
