"""The declaration of a theme: one record that the book, rerun, the appendices and the Makefile read."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from ..data.package import bundled_data_dir, read_descriptor
from ..figures.checks import Check, unique_ids
from ..presentation import text

CHAPTERS_DIR = "chapters"
# The newest of the five letters the book's text was written from (ek-34775-ak, 7 September 2018).
TEXT_UNTIL = "2018-09-07"


@dataclass(frozen=True)
class Theme:
    """A chapter of the book: its one name, Dutch title, data tables, cross-checks and glued texts.

    `name` is the name of the theme everywhere: its sub-package `participatie.themes.<name>`, its
    notebook `chapters/<name>.ipynb` and, when it has one, its figure table (resource `<name>` of the
    descriptor, file `data/<name>.csv`). Which tables a chapter reads, the descriptor says: every resource
    whose `x-theme` names the theme (one declaration, beside each table's schema). `title` (from its label
    file) equals the notebook's first heading (tested).
    `facts` returns the chapter's facts (a flat dictionary: figures, periods, flags; no words) given the
    opened chapter; its text file `chapters/<name>.tekst.md` turns them into the glued paragraphs and its
    label file `chapters/<name>.labels.yml` holds the words of its charts and tables. `prefix` starts the
    name of every block of its text file (the introduction glues `<prefix>_finding`).
    `text_until` is the date of the newest letter the chapter's text was written from: figures from later
    letters are drawn and glued where the text follows the data, and the chapter says that its text
    describes the state up to that letter (`book.chapter.Chapter.newer_data`).
    """

    name: str
    facts: Callable[..., dict]
    prefix: str = ""
    checks: tuple[Check, ...] = field(default=())
    text_until: str = TEXT_UNTIL

    def __post_init__(self):
        object.__setattr__(self, "checks", unique_ids(self.checks))

    @property
    def resources(self) -> tuple[str, ...]:
        """Return every resource the chapter reads besides the letters and the indicators (their `x-theme`)."""
        return theme_resources().get(self.name, ())

    @property
    def figure_table(self) -> str | None:
        """Return the resource name of the theme's figure table (None for a theme without one)."""
        return self.name if self.name in self.resources else None

    @property
    def other_tables(self) -> tuple[str, ...]:
        """Return the other tables the chapter reads (the pilots and their findings, the timeline)."""
        return tuple(name for name in self.resources if name != self.name)

    @property
    def document(self) -> str:
        """Return the chapter's document path in the book, without suffix (chapters/<name>)."""
        return f"{CHAPTERS_DIR}/{self.name}"

    @property
    def title(self) -> str:
        """Return the chapter's Dutch title (`title` in its label file; the notebook's first heading)."""
        return text.label(self.labels_file, "title")

    @property
    def text_file(self) -> str:
        """Return the chapter's text file relative to the repository (chapters/<name>.tekst.md)."""
        return f"{self.document}.tekst.md"

    @property
    def labels_file(self) -> str:
        """Return the chapter's label file relative to the repository (chapters/<name>.labels.yml)."""
        return f"{self.document}.labels.yml"

    @property
    def finding_block(self) -> str:
        """Return the name of the block that states the chapter's finding (glued by the introduction)."""
        return f"{self.prefix}_finding"

    @property
    def notebook(self) -> str:
        """Return the chapter notebook's path relative to the repository (chapters/<name>.ipynb)."""
        return f"{self.document}.ipynb"


THEME_KEY = "x-theme"


@functools.cache
def theme_resources() -> dict[str, tuple[str, ...]]:
    """Return, per theme, the resources of the bundled descriptor that name it in `x-theme`, in their order."""
    found: dict[str, tuple[str, ...]] = {}
    for resource in read_descriptor(bundled_data_dir())["resources"]:
        if resource.get(THEME_KEY):
            found[resource[THEME_KEY]] = (*found.get(resource[THEME_KEY], ()), resource["name"])
    return found
