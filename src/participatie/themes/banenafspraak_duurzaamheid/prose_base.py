"""Banenafspraak: the words every glued paragraph shares: citing a letter, naming the municipality, numbers.

A paragraph is built for its edition (`Edition`): nationally it cites the letter and page of every
figure; in a municipal edition its numbers are the municipality's own, cited to no letter, and the
letters' figures appear only as national figures ("landelijk …"), taken from `chapter.national`.
Data strings (letter references, the municipality's name) pass through `escape.markdown`; numbers and
dates through `formatting`.
"""

from __future__ import annotations

from ...figures import lookup as fig
from ...presentation import edition, formatting, wording
from ...presentation.labels import COMPUTED as COMPUTED_TEXT

OWN = f"({COMPUTED_TEXT})"
SMALL_NUMBERS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht", 9: "negen", 10: "tien"}


class Edition(edition.Edition):
    """A chapter as its prose sees it: its figures, the national figures, and how to cite and name them."""

    @property
    def place(self) -> str:
        """Return 'In de gegevens van <gemeente>' (the opening of a municipal sentence)."""
        return f"In de gegevens van {self.name}"

    def text(self, indicator: str, period: str, category: str | None = None, source_id: str | None = None, national=False):
        """Return a figure as Dutch text with unit and hedge, from this edition's figures or the national ones."""
        frame = self.national if national else self.figures
        return formatting.figure_text(frame, indicator, period, category=category, source_id=source_id)

    def row(self, indicator: str, period: str, category: str | None = None, source_id: str | None = None, national=False):
        """Return a figure row from this edition's figures or the national ones."""
        frame = self.national if national else self.figures
        return fig.row(frame, indicator, period, category=category, source_id=source_id)


def number(value: float, decimals: int | None = None) -> str:
    """Return a number in Dutch notation ('–' when not defined)."""
    return formatting.number(value, decimals)


def percent(value: float, decimals: int = 0) -> str:
    """Return a percentage in Dutch notation, whole percents by default ('–' when not defined)."""
    return formatting.value_text(value, "procent", decimals)


def count_words(value: int) -> str:
    """Return a small count in words (vier), a larger one in figures."""
    return SMALL_NUMBERS.get(int(value), formatting.number(value))


def difference(a: float, b: float, unit_word: str, more: str = "meer dan", less: str = "minder dan") -> str:
    """Return how a differs from b as '<difference> <more|less> <unit_word>', or 'evenveel als <unit_word>'."""
    direction = wording.comparison(a, b, more, less, "evenveel als")
    if not direction:
        return ""
    if direction == "evenveel als":
        return f"{direction} {unit_word}"
    return f"{number(abs(a - b))} {direction} {unit_word}"


def cap(text: str) -> str:
    """Return text with its first letter a capital (the rest unchanged: '4e kwartaal' stays as it is)."""
    return text[:1].upper() + text[1:]


def sentences(*parts: str) -> str:
    """Return the non-empty sentences joined by spaces (a glued paragraph)."""
    return " ".join(p for p in parts if p)
