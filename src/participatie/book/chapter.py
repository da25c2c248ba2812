"""A chapter as its notebook uses it: the theme's validated figures, letters and tables, opened once.

The notebook's set-up cell is three lines:

    hoofdstuk = open_chapter(THEME, data_dir, gemeente)
    hoofdstuk.glue_text()
    hoofdstuk.edition_note()

`glue_text` renders the chapter's text file (`chapters/<name>.tekst.md`) with the chapter's facts and glues
every block but the finding (which the introduction glues) under its name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data import load
from ..data.editions import MUNICIPALITY_NAME, check_municipality_code, edition
from ..data.load import Dataset, enrich_figures
from ..figures import checks, lookup, sources
from ..figures.facts import Finder
from ..figures.revisions import revisions
from ..presentation import charts, tables, text, vocabulary
from ..presentation.labels import MUNICIPAL_FIGURE, MUNICIPAL_SOURCE_LINE, NATIONAL_ONLY
from ..themes.record import Theme
from . import registry_tables
from .markup import glue_texts, note

# The columns of a figure table, for a theme without one.
EMPTY_FIGURES = [
    *("indicator", "dimension", "category", "period", "value", "unit", "qualifier", "derived", "source_id", "page"),
    *("section", "note", "label", "period_start", "period_end", "period_kind", "source_date"),
]


@dataclass
class Chapter:
    """A chapter's validated figures (national, or one municipality's) and the letters they come from."""

    theme: Theme
    figures: pd.DataFrame
    sources: pd.DataFrame
    data_dir: Path
    tables: dict[str, pd.DataFrame]
    data_files: tuple[str, ...] = ()
    gemeente: str | None = None  # the municipality of a municipal edition (None: national figures)
    gemeente_naam: str | None = None
    synthetic: bool = False  # the data directory is marked synthetic (see tools.synthetic)
    # The national figures of the same data: the figures themselves in the national edition; in a municipal
    # edition what the letters printed nationally (a sentence may cite them, attributed and labelled national).
    national: pd.DataFrame | None = None

    def __post_init__(self):
        if self.national is None:
            self.national = self.figures

    def table(self, name: str) -> pd.DataFrame:
        """Return another validated table the chapter reads (e.g. pilots, policy_timeline)."""
        return self.tables[name]

    @property
    def municipal(self) -> bool:
        """Return whether the chapter shows one municipality's figures (a municipal edition)."""
        return self.gemeente_naam is not None

    def source_line(self, frame: pd.DataFrame | None = None) -> charts.SourceLine:
        """Return the 'Bron: …' line for the letters behind a frame's rows (all of the chapter's if None).

        A municipality's own figures were printed in no letter: then the line names the data files instead.
        """
        if self.municipal:
            return charts.SourceLine(MUNICIPAL_SOURCE_LINE.format(files=", ".join(self.data_files)), self.data_files)
        ids = (self.figures if frame is None else frame)["source_id"].tolist()
        return charts.SourceLine(tables.sources_line(ids, self.sources), self.data_files)

    def reference(self, source_id: str) -> str:
        """Return a letter's short reference (chamber, number, date)."""
        return tables.letter_reference(source_id, self.sources)

    def letters_of(self, source_ids) -> list[str]:
        """Return, per figure, the letter that prints it; in a municipal edition, that the figure is municipal."""
        source_ids = list(source_ids)
        if self.municipal:
            return [MUNICIPAL_FIGURE] * len(source_ids)
        return tables.letter_references(source_ids, self.sources)

    def where_printed(self, source_ids, pages) -> list[str]:
        """Return, per figure, its letter and page ('…, p. 4'); in a municipal edition, that the figure is municipal."""
        if self.municipal:
            return self.letters_of(source_ids)
        return tables.letter_pages(list(source_ids), list(pages), self.sources)

    def checks(self) -> pd.DataFrame:
        """Return the theme's cross-check verdicts, discrepancies first (none when municipal: no letter printed those)."""
        return checks.evaluate(() if self.municipal else self.theme.checks, self.figures)

    def checks_table(self):
        """Return the chapter's recomputed claims as a Dutch table, discrepancies first."""
        if self.municipal:
            return tables.show(pd.DataFrame(), empty=NATIONAL_ONLY)
        return registry_tables.checks_table(self.checks(), self.sources)

    def revisions(self) -> pd.DataFrame:
        """Return the figures letters give with different values, and how (none when municipal: letters are national)."""
        return revisions(self.figures.iloc[0:0] if self.municipal else self.figures)

    def from_newer_letters(self, frame: pd.DataFrame) -> pd.Series:
        """Return, per row of a frame with `source_id`, whether its letter is newer than the chapter's text (a row
        without a letter, such as our own sum, never is)."""
        letters = frame["source_id"].map(sources.by_id(self.sources)["date"])
        return (letters.notna() & (letters.astype(str) > self.theme.text_until)).astype(bool)

    def newer_data(self) -> tuple[str, str] | None:
        """Return (latest period in the data, latest period the text covers) as Dutch text, or None.

        Only observed figures count (a target for a later year does not make the data "newer"), compared on the
        series that letters newer than the theme's `text_until` continue, up to their last observation before it.
        """
        observed = observed_figures(self.figures)
        newer = observed.loc[observed["source_date"] > self.theme.text_until]
        covered = observed.loc[
            (observed["source_date"] <= self.theme.text_until) & observed["indicator"].isin(newer["indicator"])
        ]
        if newer.empty or covered.empty or newer["_at"].max() <= covered["_at"].max():
            return None

        def label(rows: pd.DataFrame) -> str:
            return vocabulary.period(rows.loc[rows["_at"] == rows["_at"].max(), "period"].iloc[0])

        return label(newer), label(covered)

    def revisions_table(self):
        """Return the figures the letters give with different values, side by side, latest marked."""
        if self.municipal:
            return tables.show(pd.DataFrame(), empty=NATIONAL_ONLY)
        return registry_tables.revisions_table(self.revisions(), self.sources)

    @functools.cached_property
    def finder(self) -> Finder:
        """Return the figures of this edition as facts (municipal figures are cited to no letter)."""
        return Finder(self.figures, self.sources, municipal=self.municipal)

    @functools.cached_property
    def national_finder(self) -> Finder:
        """Return the national figures of the same data as facts, cited to their letters (also in a municipal edition)."""
        return Finder(self.national, self.sources)

    @functools.cached_property
    def facts(self) -> dict:
        """Return what the chapter's text needs: the edition, the letters, the chapter's labels and the theme's facts.

        `code` is the CBS code asked for, also for a chapter without municipal figures (then `municipal` is false).
        """
        edition = {"municipal": self.municipal, "place": self.gemeente_naam, "code": self.gemeente}
        common = {"synthetic": self.synthetic, "letters": self.finder.letters, "labels": self.labels}
        return edition | common | self.theme.facts(self)

    @property
    def labels(self) -> dict:
        """Return the words of the chapter's charts and tables (chapters/<name>.labels.yml) as nested dictionaries."""
        return text.labels(self.theme.labels_file)

    def text(self) -> dict[str, str]:
        """Return every block of the chapter's text file rendered with its facts, by name."""
        return text.blocks(self.theme.text_file, self.facts)

    def glue_text(self) -> None:
        """Glue every block of the chapter's text file under its name, except the introduction's finding."""
        glue_texts({name: t for name, t in self.text().items() if name != self.theme.finding_block})

    def finding(self) -> str:
        """Return the chapter's finding for the introduction (the block <prefix>_finding of its text file)."""
        return text.block(self.theme.text_file, self.theme.finding_block, self.facts)

    def label(self, key: str, **values):
        """Return a label of the chapter's charts and tables (chapters/<name>.labels.yml), with the facts."""
        return text.label(self.theme.labels_file, key, self.facts | values)

    def edition_note(self):
        """Return the note at the top of a municipal edition, a run on newer or synthetic data (None otherwise)."""
        return edition_note([self])


def open_chapter(theme: Theme, data_dir: str | Path | None = None, gemeente: str | None = None) -> Chapter:
    """Return a theme's chapter on validated data and switch on the house charts; raise on any data problem.

    Municipal rows are aggregated to national figures; with `gemeente` (a CBS code such as GM0363) the
    chapter shows that municipality's figures only (a municipal edition).
    """
    if gemeente is not None:
        check_municipality_code(gemeente)
    dataset = load(data_dir, resources=list(theme.resources))
    return chapter_of(theme, dataset, gemeente)


def chapter_of(theme: Theme, dataset: Dataset, gemeente: str | None = None) -> Chapter:
    """Return a theme's chapter on an already loaded dataset (the book loads the data once for all chapters)."""
    charts.enable()
    gemeente_naam = national = None
    figures = pd.DataFrame(columns=EMPTY_FIGURES)
    if theme.figure_table:
        table = edition(dataset.tables[theme.figure_table], gemeente)
        if gemeente is not None:
            gemeente_naam = str(table[MUNICIPALITY_NAME].iloc[0])
            national = load_figures(edition(dataset.tables[theme.figure_table], None), dataset)
        figures = load_figures(table, dataset)
    return Chapter(
        theme,
        figures,
        dataset.sources,
        dataset.data_dir,
        {name: dataset.tables[name] for name in theme.other_tables},
        tuple(dataset.paths[name] for name in theme.resources),
        gemeente,
        gemeente_naam,
        dataset.synthetic,
        national,
    )


def load_figures(table: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    """Return an edition's figure table with parsed periods, indicator labels and letter dates."""
    return sources.with_dates(enrich_figures(table, dataset.indicators), dataset.sources)


def observed_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures that report what happened (the period ended by the letter's date), with their date `_at`."""
    if figures.empty:
        return figures.assign(_at=pd.Series(dtype=object))
    at = lookup.at(figures)
    letter = pd.to_datetime(figures["source_date"]).dt.date
    return figures.assign(_at=at).loc[at <= letter]


def edition_note(chapters: list[Chapter]):
    """Return the note a municipal edition (or a run on newer or synthetic data) shows at the top, as Markdown.

    None for the national edition on the bundled data, so the set-up cell shows nothing; words: `book/boek.tekst.md`.
    """
    municipal = next((c for c in sorted(chapters, key=lambda c: c.gemeente_naam is None) if c.gemeente), None)
    facts: dict = {"place": None, "code": None}
    wanted = []
    newer = [n for n in (c.newer_data() for c in chapters) if n]
    if newer:
        latest = max(newer, key=lambda n: n[0])  # labels of the same kind of period; the chapter's own in a chapter
        facts |= {"newer_latest": latest[0], "newer_covered": latest[1]}
        wanted.append("note_newer")
    if municipal is not None:
        facts |= {"place": municipal.gemeente_naam, "code": municipal.gemeente}
        wanted.append("note_municipal_national" if municipal.gemeente_naam is None else "note_municipal")
    if any(c.synthetic for c in chapters):
        wanted.append("note_synthetic")
    return note([text.block(text.SHARED, name, facts) for name in wanted])
