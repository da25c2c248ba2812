"""The whole book: every theme's chapter on data loaded and validated once, and the book-wide tables.

The introduction and the appendices open the book in their set-up cell:

    boek = open_book(data_dir, gemeente)
    boek.glue_text("intro")        # the blocks of the page's text file, intro.tekst.md
    boek.edition_note()

The introduction also glues every chapter's finding (`glue_findings`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data import load
from ..data.editions import check_municipality_code
from ..data.load import Dataset
from ..figures import checks, revisions
from ..figures.facts import letters
from ..presentation import escape, tables, text
from ..themes import THEMES
from . import registry_tables
from .chapter import Chapter, chapter_of, edition_note
from .markup import glue_texts


class ChapterFacts(Mapping):
    """The facts of every chapter by theme name, each computed when a text first asks for it."""

    def __init__(self, chapters: dict[str, Chapter]):
        self._chapters = chapters

    def __getitem__(self, name: str) -> dict:
        return self._chapters[name].facts

    def __iter__(self):
        return iter(self._chapters)

    def __len__(self) -> int:
        return len(self._chapters)


@dataclass
class Book:
    """Every chapter of the book on one validated dataset, in the order of the table of contents."""

    dataset: Dataset
    chapters: dict[str, Chapter]

    @property
    def sources(self) -> pd.DataFrame:
        """Return the letters, indexed by source id."""
        return self.dataset.sources

    def all_checks(self) -> pd.DataFrame:
        """Return the verdict of every cross-check in the book, discrepancies first, with the theme."""
        frames = [c.checks().assign(chapter=name) for name, c in self.chapters.items() if c.theme.checks]
        return checks.sort(pd.concat(frames, ignore_index=True), "chapter")

    def all_revisions(self) -> pd.DataFrame:
        """Return every figure that letters report with different values, one row per letter, with the theme."""
        frames = [c.revisions().assign(chapter=name) for name, c in self.chapters.items() if c.theme.figure_table]
        return pd.concat(frames, ignore_index=True)

    def counts(self) -> dict[str, int]:
        """Return the book's totals: figures, letters, checks by verdict, revised figures."""
        result = self.all_checks()
        figures = self.all_revisions().drop_duplicates(["chapter", "indicator", "dimension", "category", "period"])
        verdict = result["verdict"].value_counts()
        kind = figures["kind"].value_counts() if not figures.empty else pd.Series(dtype=int)
        return {
            "figures": sum(len(chapter.figures) for chapter in self.chapters.values()),
            "letters": len(self.sources),
            "checks": len(result),
            # Only a real discrepancy in a letter counts as one; a difference that rests on an assumption of
            # the book is counted apart (checks.ASSUMPTION).
            "discrepancies": int(verdict.get(checks.DISCREPANCY, 0)),
            "assumptions": int(verdict.get(checks.ASSUMPTION, 0)),
            "rounded": int(verdict.get(checks.ROUNDED, 0)),
            "exact": int(verdict.get(checks.EXACT, 0)),
            "revised_figures": len(figures),
            **{f"revised_{name}": int(kind.get(name, 0)) for name in revisions.KINDS},
        }

    @functools.cached_property
    def facts(self) -> dict:
        """Return what the book's pages say of the whole book: counts, letters, rows of the other tables, the edition."""
        by_id = letters(self.sources)
        ordered = sorted(by_id.values(), key=lambda letter: (letter.date, letter.id))
        rows = {name: len(table) for chapter in self.chapters.values() for name, table in chapter.tables.items()}
        return {
            "counts": self.counts(),
            "letters_count": len(self.sources),
            "letters": by_id,
            "first_letter": ordered[0],
            "last_letter": ordered[-1],
            "rows": rows,
            "municipal": any(chapter.municipal for chapter in self.chapters.values()),
            "code": next((c.gemeente for c in self.chapters.values() if c.gemeente), None),
            "place": next((c.gemeente_naam for c in self.chapters.values() if c.gemeente_naam), None),
            # Each chapter's facts by theme name (computed when a text asks): the introduction's key figures.
            "chapter": ChapterFacts(self.chapters),
        }

    def glue_text(self, page: str) -> None:
        """Glue every block of a page's text file (`<page>.tekst.md`, e.g. intro or appendices/bronnen)."""
        glue_texts(text.blocks(f"{page}.tekst.md", self.facts))

    def glue_findings(self) -> None:
        """Glue every chapter's finding (the block <prefix>_finding of its text file) for the introduction."""
        glue_texts({chapter.theme.finding_block: chapter.finding() for chapter in self.chapters.values()})

    def edition_note(self):
        """Return the note at the top of a municipal edition or a run on synthetic data (None otherwise)."""
        return edition_note(list(self.chapters.values()))

    def link(self, name: str, from_depth: int = 1) -> str:
        """Return an HTML link to a chapter from a page `from_depth` folders below the book root."""
        theme = self.chapters[name].theme
        return f'<a href="{"../" * from_depth}{theme.document}.html">{escape.html_text(theme.title)}</a>'

    def checks_table(self) -> tables.Table:
        """Return every recomputed claim as a Dutch table with verdicts and links to the chapters."""
        result = self.all_checks()
        return registry_tables.checks_table(result, self.sources, [self.link(c) for c in result["chapter"]])

    def revisions_table(self) -> tables.Table:
        """Return the revisions of the whole book side by side, with the later letter marked."""
        changed = self.all_revisions()
        return registry_tables.revisions_table(changed, self.sources, [self.link(c) for c in changed["chapter"]])


def open_book(data_dir: str | Path | None = None, gemeente: str | None = None) -> Book:
    """Return the book on one validated load of a data directory (raises on any data problem).

    With `gemeente` (a CBS code) every chapter with a figure table shows that municipality's figures.
    """
    if gemeente is not None:
        check_municipality_code(gemeente)
    dataset = load(data_dir)
    return Book(dataset, {theme.name: chapter_of(theme, dataset, gemeente) for theme in THEMES})
