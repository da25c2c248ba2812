"""Financiering van bijstand en re-integratie: small pieces of Dutch the chapter's texts share.

How a letter is named (by its date) and cited (by Kamerstuk and page), never by its id; how a result on
the macrobudget reads; the municipality's name as safe Markdown. Numbers come through `presentation.formatting`, data
strings through `presentation.escape`.
"""

from __future__ import annotations

import pandas as pd

from ...presentation import escape, formatting, references, wording
from .labels import NO_RESULT

EIGEN = "eigen berekening"


def letter_date(chapter, source_id: str) -> str:
    """Return the date of a letter as Dutch text (30 juni 2017)."""
    return references.letter_date(chapter.sources, source_id)


def chamber(chapter, source_id: str) -> str:
    """Return the chamber a letter went to (Eerste Kamer), escaped for Markdown."""
    return escape.markdown(references.source(chapter.sources, source_id)["chamber"])


def letter(chapter, source_id: str) -> str:
    """Return 'de brief van 30 juni 2017'."""
    return references.letter(chapter.sources, source_id)


def cite(chapter, source_id: str, *pages) -> str:
    """Return a citation without brackets: 'Eerste Kamer, 33 981, N, p. 13' (the book's house style)."""
    return references.citation(chapter.sources, source_id, pages)


def cite_row(chapter, row: pd.Series) -> str:
    """Return the citation of the letter and page that print a figure row."""
    return cite(chapter, row["source_id"], row["page"])


def cite_rows(chapter, *rows: pd.Series | None) -> str:
    """Return '(citation; citation)' for figure rows: one per letter, its pages joined (None rows are skipped)."""
    return references.cites(chapter.sources, [(row["source_id"], int(row["page"])) for row in rows if row is not None])


def value(row: pd.Series, decimals: int | None = None) -> str:
    """Return a figure row's value as printed (circa € 270 mln)."""
    return formatting.row_text(row, decimals)


def period(text: str) -> str:
    """Return a period as Dutch text (2016, maart 2017, 2012–2016)."""
    return formatting.period_label(text)


def name(chapter) -> str:
    """Return the municipality's name of a municipal edition, escaped for Markdown."""
    return escape.markdown(chapter.gemeente_naam)


def in_data(chapter) -> str:
    """Return 'de gegevens van <gemeente>' for a sentence about a municipality's own figures."""
    return f"de gegevens van {name(chapter)}"


def share_phrase(row: pd.Series, of: str = "van het macrobudget") -> str:
    """Return ' (4,8% van het macrobudget)' for a result with a printed share ('' without one, or for no result)."""
    if pd.isna(row["share"]) or row["result"] == 0:
        return ""
    return f" ({formatting.value_text(row['share'], 'procent')} {of})"


def result_phrase(row: pd.Series) -> str:
    """Return a result on the macrobudget as words: 'een tekort van circa € 270 mln' (no result: no shortage)."""
    if row["result"] == 0:
        return NO_RESULT
    kind = "een tekort" if row["result"] < 0 else "een overschot"
    return f"{kind} van {value(row)}"


def signed(amount: float, more: str, less: str, same: str) -> str:
    """Return the word for a signed change: `more` when positive, `less` when negative, else `same`."""
    return wording.comparison(amount, 0, more, less, same)


def euro_mln(amount: float, decimals: int = 0) -> str:
    """Return an amount in miljoen euro as Dutch text (€ 9,1 mln)."""
    return formatting.value_text(amount, "euro_mln", decimals)


def percent(share: float, decimals: int = 1) -> str:
    """Return a percentage as Dutch text (14,7%; – when not defined)."""
    return formatting.value_text(share, "procent", decimals)


def difference(row: pd.Series, more: str, less: str, same: str) -> str:
    """Return a printed change with its direction: '€ 142 mln meer dan', or `same` when it is zero."""
    amount = float(row["value"])
    if amount == 0:
        return same
    shown = row.copy()
    shown["value"] = abs(amount)
    return f"{value(shown)} {more if amount > 0 else less}"


def mln_change(amount: float) -> str:
    """Return a computed change in miljoen euro without sign: one decimal from 1 mln up, three below (our computation)."""
    return formatting.value_text(abs(amount), "euro_mln", 1 if abs(amount) >= 1 else 3)


def signed_mln(amount: float) -> str:
    """Return a computed change in miljoen euro with its sign (+ or −, the minus sign), as mln_change."""
    sign = "+" if amount > 0 else "−" if amount < 0 else ""
    return f"{sign}{mln_change(amount)}"
