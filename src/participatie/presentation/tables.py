"""Tables for readers: Dutch-formatted HTML (and plain text for diffs) from a DataFrame."""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from ..figures.facts import letters as letters_of
from . import escape, vocabulary
from .labels import EMPTY_TEXT, QUALIFIER_TEXT, TABLE_LABEL

# A column's format: number of decimals, or a function from the cell value to text.
Format = int | Callable[[object], str]

# A cell that reads as one number: "1.465", "€ 1.921 mln", "37%", "circa 11.000", "–". A column of such cells is
# aligned and kept on one line like a numeric column.
_QUALIFIERS = "|".join(re.escape(word) for word in sorted(QUALIFIER_TEXT.values(), key=len, reverse=True))
_AMOUNT = re.compile(rf"(?:(?:{_QUALIFIERS}) )?(?:€ )?[−-]?\d{{1,3}}(?:\.\d{{3}})*(?:,\d+)?(?: ?(?:%|mln|mld))?|–")
# Spaces that must not break a line inside a text cell: in amounts ("€ 85 mln"), Kamerstuk numbers ("29 817")
# and page or issue numbers ("p. 5", "nr. 145").
_NO_BREAK = re.compile(r"(?<=€) (?=[−-]?\d)|(?<=\d) (?=(?:\d|mln\b|mld\b|%))|(?:(?<=\bp\.)|(?<=\bnr\.)) (?=\d)")
_TAG = re.compile(r"<[^>]+>")
# Text columns whose cells are this long on average get a wider minimum width (no one word per line).
LONG_TEXT = 50
# A word longer than this may break anywhere (file and field names, patterns); shorter words stay whole.
LONG_WORD = 18


def _cell(value: object, fmt: Format | None) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if callable(fmt):
        return fmt(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, numbers.Number):
        return vocabulary.number(float(value), fmt if isinstance(fmt, int) else None)
    return str(value)


def formatted(frame: pd.DataFrame, formats: dict[str, Format] | None = None) -> pd.DataFrame:
    """Return the table with every cell as Dutch text (1.234,5; ja/nee; – for missing)."""
    formats = formats or {}
    return pd.DataFrame({col: [_cell(v, formats.get(col)) for v in frame[col]] for col in frame.columns})


def html(
    frame: pd.DataFrame,
    formats: dict[str, Format] | None = None,
    caption: str | None = None,
    html_columns: tuple[str, ...] = (),
) -> str:
    """Return the table as HTML with Dutch numbers, right-aligned numeric columns and no random ids.

    Cells of `html_columns` are trusted HTML made by the package (links) and are not escaped.
    """
    text = formatted(frame, formats)
    kinds = {col: _kind(frame[col], text[col], col in html_columns) for col in frame.columns}
    cls = {col: f' class="{kind}"' if kind else "" for col, kind in kinds.items()}
    labels = {col: escape.html_text(col) for col in frame.columns}

    def cell(i: int, col: str) -> str:
        value = text.at[i, col]
        return value if col in html_columns else _NO_BREAK.sub("\u00a0", escape.html_text(value))

    # Cells are separated by line breaks: the search index strips the tags, and glued cells would read as one word.
    head = "\n".join(f'<th scope="col"{cls[col]}>{labels[col]}</th>' for col in frame.columns)
    rows = "\n".join(
        "<tr>"
        + "\n".join(f'<td data-label="{labels[col]}"{cls[col]}>{cell(i, col)}</td>' for col in frame.columns)
        + "</tr>"
        for i in range(len(text))
    )
    title = f"<caption>{escape.html_text(caption)}</caption>" if caption else ""
    # The wrapper scrolls a wide table sideways on a small screen; the CSS stacks each row as a card there.
    # A keyboard user can scroll the region too (tabindex), and a screen reader hears what it holds.
    label = escape.html_text(caption or TABLE_LABEL)
    return (
        f'<div class="pp-table-wrap" role="region" tabindex="0" aria-label="{label}">'
        f'<table class="pp-table">{title}<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table></div>'
    )


def _kind(values: pd.Series, text: pd.Series, trusted: bool) -> str:
    """Return a column's classes: "pp-num" for numbers and amounts; for texts "pp-long" when they are long and
    "pp-break" when a word is too long to keep whole (a file name, a pattern), else ""."""
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return "pp-num"
    if not trusted and len(text) and all(_AMOUNT.fullmatch(cell) for cell in text):
        return "pp-num"
    shown = text.map(lambda cell: _TAG.sub("", cell)) if trusted else text
    kinds = []
    if len(shown) and shown.str.len().mean() > LONG_TEXT:
        kinds.append("pp-long")
    if any(len(word) > LONG_WORD for cell in shown for word in cell.split()):
        kinds.append("pp-break")
    return " ".join(kinds)


@dataclass
class Table:
    """A displayable Dutch table of the frame (`show`): HTML for the book, aligned plain text for diffs.

    Cells of html_columns hold package-made links; a table without rows says `empty` instead.
    """

    frame: pd.DataFrame
    formats: dict[str, Format] | None = None
    caption: str | None = None
    html_columns: tuple[str, ...] = ()
    empty: str = EMPTY_TEXT

    def __post_init__(self):
        self.frame = self.frame.reset_index(drop=True)
        self.formats = self.formats or {}
        self.html_columns = tuple(self.html_columns)

    def _repr_mimebundle_(self, include=None, exclude=None):
        if self.frame.empty:
            caption = f"{self.caption}: " if self.caption else ""
            return {
                "text/html": f'<p class="pp-empty">{escape.html_text(caption + self.empty)}</p>',
                "text/plain": caption + self.empty,
            }
        text = formatted(self.frame, self.formats)
        for col in self.html_columns:
            text[col] = text[col].map(lambda cell: _TAG.sub("", cell))
        return {
            "text/html": html(self.frame, self.formats, self.caption, self.html_columns),
            "text/plain": text.to_string(index=False),
        }


show = Table


# --- cells and source lines that name letters by id (sources: the letters' table, sources.csv) ---------------


def letter_reference(source_id: str, sources: pd.DataFrame) -> str:
    """Return the short reference of the letter with this id: 'Eerste Kamer, 33 981, N (30 juni 2017)'."""
    return vocabulary.source_reference(letters_of(sources)[source_id])


def letter_references(source_ids, sources: pd.DataFrame) -> list[str]:
    """Return the short reference of each letter id, in the order given (a table column)."""
    by_id = letters_of(sources)
    return [vocabulary.source_reference(by_id[s]) for s in source_ids]


def letter_pages(source_ids, pages, sources: pd.DataFrame) -> list[str]:
    """Return 'reference, p. N' for each figure (a table column naming where each value is printed)."""
    return [f"{ref}, p. {page}" for ref, page in zip(letter_references(list(source_ids), sources), pages)]


def date_pages(dates, pages) -> list[str]:
    """Return 'date of the letter, p. N' cells: a compact column whose caption names the letters in full."""
    return [f"{vocabulary.long_date(pd.Timestamp(d).date())}, p. {p}" for d, p in zip(dates, pages)]


def sources_line(source_ids, sources: pd.DataFrame) -> str:
    """Return the 'Bron: …' line for the letters of these ids, oldest first."""
    by_id = letters_of(sources)
    return vocabulary.source_line(by_id[s] for s in dict.fromkeys(source_ids))


def figure_value(row: pd.Series, decimals: int | None = None) -> str:
    """Return a figure row's value with its unit and hedge, as a table cell (circa € 270 mln, 37%)."""
    hedge = row.get("qualifier")
    return vocabulary.value_text(row["value"], row["unit"], decimals, hedge if isinstance(hedge, str) and hedge else None)
