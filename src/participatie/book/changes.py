"""The appendix "Wijzigingen in de cijfers": what this edition's data add, change or remove against other data.

By default the edition is compared with the bundled data of the repository; `rerun --compare-to DIR`
compares with another data directory. Both sides are compared as national figures (municipal rows
aggregated), because the letters give national figures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data import load
from ..data.editions import national
from ..figures import changes
from ..figures.facts import letters as letters_of
from ..presentation import tables, text, vocabulary
from ..presentation.labels import APPENDIX
from .book import Book
from .markup import glue_texts

TEXT_FILE = "appendices/wijzigingen.tekst.md"
KINDS = {changes.ADDED: "added", changes.CHANGED: "changed", changes.REMOVED: "removed"}


def _figure_tables(dataset) -> dict[str, pd.DataFrame]:
    return {
        name: national(table)
        for name, table in dataset.tables.items()
        if name not in ("sources", "indicators") and "indicator" in table.columns
    }


def compare(book: Book, compare_to: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (figure changes, letter changes) of the book's data against other data (default: the bundled)."""
    other = load(compare_to)
    figures = changes.figure_changes(_figure_tables(book.dataset), _figure_tables(other))
    letters = changes.letter_changes(book.dataset.tables["sources"], other.tables["sources"])
    return figures, letters


def _value(value, unit: str) -> str:
    return "–" if pd.isna(value) else vocabulary.value_text(float(value), unit)


def changes_table(book: Book, compare_to: str | Path | None = None) -> tables.Table:
    """Return every figure this edition adds, changes or removes, as a Dutch table ('Geen.' when nothing)."""
    figures, _ = compare(book, compare_to)
    indicators = book.dataset.indicators["label"]
    letters = book.dataset.sources
    words = APPENDIX["changes"]
    shown = pd.DataFrame(
        {
            words["change"]: figures["change"].map(KINDS).map(words["kinds"]),
            words["indicator"]: figures["indicator"].map(indicators).fillna(figures["indicator"]),
            words["category"]: figures["category"].replace("", "–").str.replace("_", " "),
            words["period"]: vocabulary.period_labels(figures["period"]),
            words["letter"]: [
                tables.letter_reference(s, letters) if s in letters.index else s for s in figures["source_id"]
            ],
            words["old"]: [_value(v, u) for v, u in zip(figures["old_value"], figures["unit"])],
            words["new"]: [_value(v, u) for v, u in zip(figures["new_value"], figures["unit"])],
        }
    )
    return tables.show(shown, empty=words["empty"])


def change_facts(book: Book, compare_to: str | Path | None = None) -> dict:
    """Return what the appendix's text needs: figures added, changed, removed, and the letters that are new."""
    figures, letters = compare(book, compare_to)
    counted = figures["change"].value_counts()
    by_id = letters_of(book.dataset.sources)
    new = letters.loc[letters["change"] == changes.ADDED, "id"].tolist()
    return {name: int(counted.get(kind, 0)) for kind, name in KINDS.items()} | {"new_letters": [by_id[s] for s in new]}


def glue_text(book: Book, compare_to: str | Path | None = None) -> None:
    """Glue the blocks of the appendix's text file (appendices/wijzigingen.tekst.md) with its facts."""
    glue_texts(text.blocks(TEXT_FILE, change_facts(book, compare_to)))
