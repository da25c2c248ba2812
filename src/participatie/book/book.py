"""The whole book: every theme's chapter on data loaded and validated once, and the book-wide tables.

The introduction and the appendices open the book in their set-up cell:

    boek = open_book(data_dir, gemeente)
    boek.glue_key_figures()
    boek.edition_note()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data import load
from ..data.editions import check_municipality_code
from ..data.load import Dataset
from ..figures import checks, revisions
from ..presentation import escape, formatting, tables, wording
from ..themes import THEMES, Theme
from . import registry_tables
from .chapter import Chapter, chapter_of, edition_note
from .markup import glue_texts


@dataclass
class Book:
    """Every chapter of the book on one validated dataset, in the order of the table of contents."""

    dataset: Dataset
    chapters: dict[str, Chapter]

    @property
    def sources(self) -> pd.DataFrame:
        """Return the letters, indexed by source id."""
        return self.dataset.sources

    def chapter(self, theme: Theme) -> Chapter:
        """Return one theme's chapter."""
        return self.chapters[theme.name]

    def all_figures(self) -> pd.DataFrame:
        """Return the figures of every theme in one table, with the theme of each row."""
        frames = [c.figures.assign(theme=name) for name, c in self.chapters.items() if c.theme.figure_table]
        return pd.concat(frames, ignore_index=True)

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
        revised = self.all_revisions()
        figures = revised.drop_duplicates(["chapter", "indicator", "dimension", "category", "period"])
        verdict = result["verdict"].value_counts()
        kind = figures["kind"].value_counts() if not figures.empty else pd.Series(dtype=int)
        return {
            "figures": len(self.all_figures()),
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

    def count_texts(self) -> dict[str, str]:
        """Return the book's totals as Dutch text for the prose (glue names book_*), and the sentences about them."""
        counts = self.counts()
        texts = {f"book_{name}": formatting.number(value) for name, value in counts.items()}
        municipal = any(chapter.municipal for chapter in self.chapters.values())
        return texts | registry_sentences(counts, municipal)

    def key_figures(self) -> dict[str, str]:
        """Return the numbers every chapter's prose cites, and the book's totals, as Dutch text."""
        texts = self.count_texts()
        for chapter in self.chapters.values():
            texts.update(chapter.key_figures())
        return texts

    def glue_key_figures(self) -> None:
        """Make every key figure of the book available to the page's prose as {glue:md}`name`."""
        glue_texts(self.key_figures())

    def glue_counts(self) -> None:
        """Make the book's totals available to the page's prose as {glue:md}`book_…`."""
        glue_texts(self.count_texts())

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


def _count(n: int, one: str, many: str) -> str:
    return f"{formatting.number(n)} {one if n == 1 else many}"


def registry_sentences(counts: dict[str, int], municipal: bool = False) -> dict[str, str]:
    """Return the Dutch sentences on the cross-checks and the revisions, worded from their counts.

    In a municipal edition both are national (they concern what the letters printed), so the sentences
    say that instead of counting.
    """
    if municipal:
        national = (
            "De rekencontrole en de revisies gaan over de landelijke cijfers die de brieven drukken; deze "
            "gemeentelijke editie toont ze niet."
        )
        return {"book_checks_sentence": national, "book_revisions_sentence": ""}
    checks_ = (
        f"Van de {_count(counts['checks'], 'berekening', 'berekeningen')} uit de brieven die zijn nagerekend, "
        f"{'wijkt' if counts['discrepancies'] == 1 else 'wijken'} er {formatting.number(counts['discrepancies'])} "
        "af van de gedrukte cijfers waarop ze berusten"
    )
    if counts["assumptions"]:
        checks_ += (
            f"; bij {formatting.number(counts['assumptions'])} andere hangt de uitkomst af van een aanname die de "
            "brief zelf niet maakt"
        )
    checks_ += (
        f". Verder {'klopt' if counts['rounded'] == 1 else 'kloppen'} {formatting.number(counts['rounded'])} "
        f"{'uitkomst' if counts['rounded'] == 1 else 'uitkomsten'} op afronding en {formatting.number(counts['exact'])} "
        "precies."
    )
    if not counts["revised_figures"]:
        revised = "Geen cijfer staat in twee brieven met een andere waarde."
    else:
        kinds = [
            (counts["revised_rounding"], "door afronding"),
            (counts["revised_forecast"], "doordat een raming later door de uitkomst is vervangen"),
            (counts["revised_conflict"], "zonder dat een brief het verschil verklaart"),
        ]
        parts = [f"{formatting.number(n)} keer {why}" for n, why in kinds if n]
        revised = (
            f"In meer dan één brief met een andere waarde staan "
            f"{_count(counts['revised_figures'], 'cijfer', 'cijfers')}: {wording.joined(parts)}."
        )
    return {"book_checks_sentence": checks_, "book_revisions_sentence": revised}


def open_book(data_dir: str | Path | None = None, gemeente: str | None = None) -> Book:
    """Return the book on one validated load of a data directory (raises on any data problem).

    With `gemeente` (a CBS code) every chapter with a figure table shows that municipality's figures.
    """
    if gemeente is not None:
        check_municipality_code(gemeente)
    dataset = load(data_dir)
    return Book(
        dataset, {theme.name: chapter_of(theme, dataset, gemeente if theme.figure_table else None) for theme in THEMES}
    )
