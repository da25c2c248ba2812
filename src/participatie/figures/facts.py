"""Facts: what a text needs of the figures, as plain named values (no words).

Each theme's `facts` module returns one flat dictionary of facts for its text file: numbers, periods
(ISO text), flags, lists, and the two records below. A `Figure` is one figure as a letter prints it
(value, unit, hedge, period, and the letter and page that print it); a `Letter` is a letter as the text
cites it. The words come from `presentation.vocabulary`, used as filters in the text files.

In a municipal edition the figures are the municipality's own: a `Finder` made with `municipal=True`
gives them no letter, so a text cannot cite a letter for a municipal number (the citation filters
refuse a figure without a letter).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from . import lookup


@dataclass(frozen=True)
class Letter:
    """A letter to parliament as the text cites it: id, date, chamber and parliamentary reference."""

    id: str
    date: date
    chamber: str
    reference: str


@dataclass(frozen=True)
class Figure:
    """One figure: value, unit, hedge and period; the letter and page that print it (None: not from a letter)."""

    value: float
    unit: str
    period: str
    qualifier: str | None = None
    letter: Letter | None = None
    page: int | None = None


def defined(number) -> float | None:
    """Return a computed number as a float; None when it is not defined (None, NaN or infinite: a ratio to nothing)."""
    return float(number) if pd.notna(number) and math.isfinite(number) else None


def collect(chapter, *parts) -> dict:
    """Return the facts every part (a function of the chapter) returns, merged into one dictionary in order."""
    return {name: fact for part in parts for name, fact in part(chapter).items()}


def letters(sources: pd.DataFrame) -> dict[str, Letter]:
    """Return every letter of sources.csv by id."""
    frame = sources.reset_index() if "id" not in sources.columns else sources
    return {
        str(row["id"]): Letter(str(row["id"]), pd.Timestamp(row["date"]).date(), str(row["chamber"]), str(row["reference"]))
        for _, row in frame.iterrows()
    }


class Finder:
    """Looks up the figures of one edition and returns them as facts."""

    def __init__(self, figures: pd.DataFrame, sources: pd.DataFrame, municipal: bool = False):
        self.figures = figures
        self.letters = letters(sources)
        self.municipal = municipal

    def letter(self, source_id: str) -> Letter:
        """Return a letter by id."""
        return self.letters[source_id]

    def of(self, row: pd.Series | None) -> Figure | None:
        """Return a figure row as a fact (in a municipal edition without its letter); None for no row."""
        if row is None:
            return None
        qualifier = row.get("qualifier")
        page = row.get("page")
        cited = not self.municipal and isinstance(row.get("source_id"), str)
        return Figure(
            value=float(row["value"]),
            unit=str(row["unit"]),
            period=str(row["period"]),
            qualifier=qualifier if isinstance(qualifier, str) and qualifier else None,
            letter=self.letters[row["source_id"]] if cited else None,
            page=int(page) if cited and pd.notna(page) else None,
        )

    def rows(self, frame: pd.DataFrame) -> list[Figure]:
        """Return every row of a frame of figures as facts, in order."""
        return [self.of(row) for _, row in frame.iterrows()]

    def figure(
        self, indicator: str, period: str, *, category: str | None = None, source_id: str | None = None
    ) -> Figure | None:
        """Return one printed figure (None when the data do not hold it; see `lookup.row` for the rules)."""
        try:
            return self.of(lookup.row(self.figures, indicator, period, category=category, source_id=source_id))
        except KeyError:
            return None

    def latest(self, indicator: str, *, category: str | None = None) -> Figure | None:
        """Return an indicator's figure for its latest period in the data (None when there is none)."""
        try:
            return self.of(lookup.latest(self.figures, indicator, category=category))
        except KeyError:
            return None
