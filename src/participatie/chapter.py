"""What every chapter notebook does first: load and validate its data, enable the house charts, and
put computed, Dutch-formatted numbers into the prose (MyST-NB `glue`)."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import charts, checks, data, figures, formatting, tables
from .labels import COLUMN_TEXT, EDITION_NATIONAL_TEXT, EDITION_TEXT, SYNTHETIC_TEXT, VERDICT_TEXT


@dataclass
class Chapter:
    """A chapter's validated figures (with letter dates) and the letters they come from."""

    theme: str
    figures: pd.DataFrame
    sources: pd.DataFrame
    data_dir: Path
    tables: dict[str, pd.DataFrame]
    data_files: tuple[str, ...] = ()
    gemeente: str | None = None  # the municipality of a municipal edition (None: national figures)
    gemeente_naam: str | None = None
    synthetic: bool = False  # the data directory is marked synthetic (see participatie.synthetic)

    def table(self, name: str) -> pd.DataFrame:
        """Return another validated table the chapter loaded (e.g. pilots, policy_timeline)."""
        return self.tables[name]

    def source_line(self, frame: pd.DataFrame | None = None) -> str:
        """Return the 'Bron: …' line for the letters behind a frame's rows (all of the chapter's if None)."""
        ids = (self.figures if frame is None else frame)["source_id"].tolist()
        return charts.SourceLine(figures.source_line(ids, self.sources), self.data_files)

    def checks(self) -> pd.DataFrame:
        """Return the registry's verdicts for this chapter's theme, discrepancies first."""
        if self.theme is None:
            return checks.evaluate(self.figures.iloc[0:0], "")
        if importlib.util.find_spec(f"participatie.{self.theme}"):
            importlib.import_module(f"participatie.{self.theme}")  # the theme module registers its checks
        return checks.evaluate(self.figures, self.theme)

    def checks_table(self) -> tables.Table:
        """Return the chapter's recomputed claims as a Dutch table, discrepancies first."""
        return tables.show(checks_frame(self.checks(), self.reference), {COLUMN_TEXT["recomputed"]: formatting.number_rounded})

    def revisions_table(self) -> tables.Table:
        """Return the figures the letters give with different values, side by side, latest marked."""
        return tables.show(revisions_frame(figures.revisions(self.figures), self.reference))

    def reference(self, source_id: str) -> str:
        """Return a letter's short reference (chamber, number, date)."""
        return figures.source_reference(self.sources.loc[source_id])


def checks_frame(result: pd.DataFrame, reference) -> pd.DataFrame:
    """Return verdicts of the checks registry as the Dutch columns readers see (reference: id -> text)."""
    return pd.DataFrame({
        COLUMN_TEXT["claim"]: result["claim"],
        COLUMN_TEXT["printed"]: result["printed"],
        COLUMN_TEXT["recomputed"]: result["recomputed"],
        COLUMN_TEXT["tolerance"]: result["tolerance"],
        COLUMN_TEXT["verdict"]: result["verdict"].map(VERDICT_TEXT),
        COLUMN_TEXT["source"]: [f"{reference(s)}, p. {p}" for s, p in zip(result["source_id"], result["page"])],
    })


def revisions_frame(changed: pd.DataFrame, reference) -> pd.DataFrame:
    """Return revised figures (from figures.revisions) as the Dutch columns readers see, latest marked."""
    return pd.DataFrame({
        COLUMN_TEXT["label"]: changed["label"],
        COLUMN_TEXT["category"]: changed["category"].replace("", "–"),
        COLUMN_TEXT["period_label"]: changed["period_label"],
        COLUMN_TEXT["value"]: changed["value"],
        COLUMN_TEXT["letter"]: [reference(s) + (" (laatste)" if latest else "")
                                for s, latest in zip(changed["source_id"], changed["is_latest"])],
        COLUMN_TEXT["page"]: changed["page"],
        COLUMN_TEXT["derived"]: changed["derived"],
    })


def open_chapter(theme: str, data_dir: str | Path | None = None, tables: tuple[str, ...] = (),
                 gemeente: str | None = None) -> Chapter:
    """Return the chapter's validated data and switch on the house charts; raise on any data problem.

    `theme` names the chapter's figure table (it may be None for a chapter without one); `tables`
    names further resources of the descriptor the chapter reads. When the figure table holds
    municipal rows, they are aggregated to national figures (see `figures.national`); with `gemeente`
    (a CBS code such as GM0363) the chapter shows that municipality's figures only (a municipal
    edition; `figures.UnknownMunicipality` names a code the data do not hold).
    """
    charts.enable()
    dataset = data.load(data_dir, resources=[name for name in (theme, *tables) if name])
    gemeente_naam = None
    if theme:
        table = figures.edition(dataset.tables[theme], gemeente)
        if gemeente is not None:
            gemeente_naam = str(table[figures.MUNICIPALITY_NAME].iloc[0])
        theme_figures = figures.with_sources(data.enrich_figures(table, dataset.indicators), dataset.sources)
    else:
        theme_figures = pd.DataFrame(columns=["indicator", "dimension", "category", "period", "value", "source_id"])
    others = {name: dataset.tables[name] for name in tables}
    files = tuple(dataset.paths[name] for name in (theme, *tables) if name)
    synthetic = bool(data.descriptor(dataset.data_dir).get(data.SYNTHETIC))
    return Chapter(theme, theme_figures, dataset.sources, dataset.data_dir, others, files, gemeente, gemeente_naam, synthetic)


def edition_note(opened: "Chapter | Mapping[str, Chapter]"):
    """Return the note a municipal edition (or a run on synthetic data) shows at the top, as Markdown.

    Returns None for the national edition on real data, so the set-up cell that ends with this call
    shows nothing there. `opened` is a chapter or a whole book (`book.open_book`).
    """
    from IPython.display import Markdown

    chapters = list(opened.values()) if isinstance(opened, Mapping) else [opened]
    municipal = next((c for c in sorted(chapters, key=lambda c: c.gemeente_naam is None) if c.gemeente), None)
    parts = []
    if municipal is not None and municipal.gemeente_naam is None:  # a chapter without a figure table
        parts.append(EDITION_NATIONAL_TEXT.format(code=municipal.gemeente))
    elif municipal is not None:
        parts.append(EDITION_TEXT.format(name=municipal.gemeente_naam, code=municipal.gemeente))
    if any(c.synthetic for c in chapters):
        parts.append(SYNTHETIC_TEXT)
    return Markdown("\n>\n".join(f"> {part}" for part in parts)) if parts else None


def glue_texts(texts: dict[str, str]) -> None:
    """Make each Dutch text available to the chapter's prose as {glue:md}`name`."""
    from IPython.display import Markdown
    from myst_nb import glue

    for name, text in texts.items():
        glue(name, Markdown(text), display=False)
