"""What a chapter's glued prose sees of its edition: its figures, the national figures, how to name the place
and how to cite a letter.

Every theme's prose builds on this one class, so the book cites in one house style (`references`): a
sentence names a letter by its date, brackets name the Kamerstuk and the page. In a municipal edition the
figures are the municipality's own and are cited to no letter; the letters' figures are in `national`.
"""

from __future__ import annotations

import pandas as pd

from . import escape, references


class Edition:
    """One chapter as its prose sees it (`chapter` is a `book.chapter.Chapter`)."""

    def __init__(self, chapter):
        self.chapter = chapter

    @property
    def figures(self) -> pd.DataFrame:
        return self.chapter.figures

    @property
    def national(self) -> pd.DataFrame:
        return self.chapter.national

    @property
    def municipal(self) -> bool:
        return self.chapter.municipal

    @property
    def sources(self) -> pd.DataFrame:
        return self.chapter.sources

    @property
    def name(self) -> str:
        """Return the municipality's name as Markdown text (escaped: it comes from the data)."""
        return escape.markdown(self.chapter.gemeente_naam or "")

    def date(self, source_id: str) -> str:
        """Return a letter's date as Dutch text (30 juni 2017)."""
        return references.letter_date(self.sources, source_id)

    def letter(self, source_id: str) -> str:
        """Return 'de brief van 30 juni 2017'."""
        return references.letter(self.sources, source_id)

    def letters(self, source_ids) -> str:
        """Return 'de brief van A' or 'de brieven van A en B' (oldest first)."""
        return references.letters_phrase(self.sources, source_ids)

    def ref(self, source_id: str, pages=()) -> str:
        """Return 'Eerste Kamer, 33 981, N, p. 16' (no brackets: to join with other text inside them)."""
        return references.citation(self.sources, source_id, pages)

    def cites(self, *refs: tuple) -> str:
        """Return '(ref; ref)' for (source_id, page, …) tuples: where the letters print what a sentence says."""
        return references.cites(self.sources, ((source_id, pages) for source_id, *pages in refs))

    def cite_rows(self, *rows: pd.Series | None, pages: dict | None = None) -> str:
        """Return '(ref; ref)' for figure rows, grouped by letter in order of appearance.

        `pages` adds pages per letter id (a statement that runs on beyond the page of its figure).
        """
        refs = [(row["source_id"], int(row["page"])) for row in rows if row is not None]
        refs += [(source_id, extra) for source_id, extra in (pages or {}).items()]
        return references.cites(self.sources, refs)
