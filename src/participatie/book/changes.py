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
from ..presentation import escape, formatting, references, tables
from .book import Book

CHANGE_TEXT = {changes.ADDED: "nieuw", changes.CHANGED: "gewijzigd", changes.REMOVED: "vervallen"}


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
    return "–" if pd.isna(value) else formatting.value_text(float(value), unit)


def changes_table(book: Book, compare_to: str | Path | None = None) -> tables.Table:
    """Return every figure this edition adds, changes or removes, as a Dutch table ('Geen.' when nothing)."""
    figures, _ = compare(book, compare_to)
    indicators = book.dataset.indicators["label"]
    letters = book.dataset.sources
    shown = pd.DataFrame(
        {
            "Wijziging": figures["change"].map(CHANGE_TEXT),
            "Indicator": figures["indicator"].map(indicators).fillna(figures["indicator"]),
            "Groep": figures["category"].replace("", "–").str.replace("_", " "),
            "Periode": formatting.period_labels(figures["period"]),
            "Brief": [references.reference(s, letters) if s in letters.index else s for s in figures["source_id"]],
            "Was": [_value(v, u) for v, u in zip(figures["old_value"], figures["unit"])],
            "Wordt": [_value(v, u) for v, u in zip(figures["new_value"], figures["unit"])],
        }
    )
    return tables.show(shown, empty="Geen: deze editie bevat dezelfde cijfers als de gegevens waarmee ze is vergeleken.")


def change_counts(book: Book, compare_to: str | Path | None = None) -> dict[str, str]:
    """Return the numbers the appendix's text glues in: new letters, and figures added, changed, removed."""
    figures, letters = compare(book, compare_to)
    counted = figures["change"].value_counts()
    new_letters = letters.loc[letters["change"] == changes.ADDED, "id"].tolist()
    named = [escape.markdown(references.reference(s, book.dataset.sources)) for s in new_letters]
    return {
        "ch_added": formatting.number(int(counted.get(changes.ADDED, 0))),
        "ch_changed": formatting.number(int(counted.get(changes.CHANGED, 0))),
        "ch_removed": formatting.number(int(counted.get(changes.REMOVED, 0))),
        "ch_letters": "; ".join(named) if named else "geen",
    }


def glue_counts(book: Book, compare_to: str | Path | None = None) -> None:
    """Make the appendix's numbers available to its prose as {glue:md}`ch_…`."""
    from .markup import glue_texts

    glue_texts(change_counts(book, compare_to))
