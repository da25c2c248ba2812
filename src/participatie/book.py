"""The book around the chapters: which chapter shows which data, and the book-wide pages computed from
all of it (sources, cross-checks, revisions, data dictionary, the introduction's findings)."""

from __future__ import annotations

import csv
import importlib
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import chapter as chapter_mod
from . import checks, data, figures, formatting, tables
from .labels import CHAPTER_TITLES, COLUMN_TEXT


@dataclass(frozen=True)
class Theme:
    """A chapter: its theme module, its figure table (if any), other tables it reads, and its page."""

    module: str
    figure_table: str | None
    other_tables: tuple[str, ...]
    page: str  # document path without suffix, relative to the book root

    @property
    def title(self) -> str:
        """Return the chapter's Dutch title as the navigation shows it."""
        return CHAPTER_TITLES[self.module]


THEMES = (
    Theme("pilots", None, ("pilots", "pilots_findings", "policy_timeline"), "chapters/pilots_werken_naar_vermogen"),
    Theme("wsw_statistiek", "wsw_statistiek", (), "chapters/wsw_statistiek"),
    Theme("beschut_werk", "beschut_werk", (), "chapters/beschut_werk"),
    Theme("banenafspraak", "banenafspraak", (), "chapters/banenafspraak_duurzaamheid"),
    Theme("bijstand_financiering", "bijstand_financiering", (), "chapters/bijstand_financiering"),
)


def open_book(data_dir: str | Path | None = None, gemeente: str | None = None) -> dict[str, chapter_mod.Chapter]:
    """Return every chapter's validated data, keyed by theme module, with their checks registered.

    Municipal rows are aggregated to national figures, or, with `gemeente`, narrowed to that
    municipality (see `chapter.open_chapter`); chapters without a figure table are the same in both.
    """
    opened = {}
    for theme in THEMES:
        importlib.import_module(f"participatie.{theme.module}")  # registers the theme's checks
        opened[theme.module] = chapter_mod.open_chapter(theme.figure_table, data_dir, theme.other_tables,
                                                        gemeente if theme.figure_table else None)
    return opened


def link(theme: Theme, from_depth: int = 1) -> str:
    """Return an HTML link to a chapter from a page `from_depth` folders below the book root."""
    return f'<a href="{"../" * from_depth}{theme.page}.html">{theme.title}</a>'


def all_figures(book: dict[str, chapter_mod.Chapter]) -> pd.DataFrame:
    """Return the figures of every theme in one table, with the theme module of each row."""
    frames = [book[t.module].figures.assign(theme=t.module) for t in THEMES if t.figure_table]
    return pd.concat(frames, ignore_index=True)


def sources_overview(book: dict[str, chapter_mod.Chapter]) -> pd.DataFrame:
    """Return one row per letter: date, chamber, reference, sender, title, figures taken, chapters using it."""
    sources = next(iter(book.values())).sources
    counts: dict[str, int] = {}
    used: dict[str, list[Theme]] = {s: [] for s in sources.index}
    for theme in THEMES:
        chapter = book[theme.module]
        frames = ([chapter.figures] if theme.figure_table else []) + [chapter.table(n) for n in theme.other_tables]
        ids = pd.concat([f["source_id"] for f in frames]) if frames else pd.Series(dtype=str)
        for source_id, count in ids.value_counts().items():
            counts[source_id] = counts.get(source_id, 0) + int(count)
            used[source_id].append(theme)
    ordered = sources.sort_values("date")
    return pd.DataFrame({
        "source_id": ordered["id"],
        "date": ordered["date"],
        "chamber": ordered["chamber"],
        "reference": ordered["reference"],
        "sender": ordered["sender"] + ", " + ordered["office"],
        "title": ordered["title"],
        "figures": [counts.get(s, 0) for s in ordered["id"]],
        "chapters": [used[s] for s in ordered["id"]],
    }).reset_index(drop=True)


def sources_table(book: dict[str, chapter_mod.Chapter]) -> tables.Table:
    """Return the letters as a Dutch table with the number of figures and links to the chapters."""
    overview = sources_overview(book)
    shown = pd.DataFrame({
        "Datum": [formatting.long_date(pd.Timestamp(d).date()) for d in overview["date"]],
        "Kamer": overview["chamber"], "Kamerstuk": overview["reference"], "Afzender": overview["sender"],
        "Onderwerp": overview["title"], "Vastgelegde gegevens": overview["figures"],
        "Hoofdstukken": [", ".join(link(t) for t in themes) for themes in overview["chapters"]],
    })
    return tables.show(shown, html_columns=("Hoofdstukken",))


def all_checks(book: dict[str, chapter_mod.Chapter]) -> pd.DataFrame:
    """Return the verdict of every registered check in the book, discrepancies first."""
    frames = [book[t.module].checks().assign(chapter=t.module) for t in THEMES if t.figure_table]
    result = pd.concat(frames, ignore_index=True)
    order = result["verdict"].map(checks.VERDICT_ORDER)
    return result.assign(_o=order).sort_values(["_o", "chapter", "id"], kind="stable").drop(columns="_o").reset_index(drop=True)


def checks_table(book: dict[str, chapter_mod.Chapter]) -> tables.Table:
    """Return every recomputed claim as a Dutch table with verdicts and links to the chapters."""
    result = all_checks(book)
    themes = {t.module: t for t in THEMES}
    shown = chapter_mod.checks_frame(result, next(iter(book.values())).reference).assign(
        Hoofdstuk=[link(themes[c]) for c in result["chapter"]])
    return tables.show(shown, {COLUMN_TEXT["recomputed"]: formatting.number_rounded}, html_columns=("Hoofdstuk",))


def all_revisions(book: dict[str, chapter_mod.Chapter]) -> pd.DataFrame:
    """Return every figure that letters report with different values, one row per letter, latest marked."""
    frames = [figures.revisions(book[t.module].figures).assign(chapter=t.module) for t in THEMES if t.figure_table]
    return pd.concat(frames, ignore_index=True)


def revisions_table(book: dict[str, chapter_mod.Chapter]) -> tables.Table:
    """Return the revisions of the whole book side by side, with the later letter marked."""
    changed = all_revisions(book)
    themes = {t.module: t for t in THEMES}
    shown = chapter_mod.revisions_frame(changed, next(iter(book.values())).reference).assign(
        Hoofdstuk=[link(themes[c]) for c in changed["chapter"]])
    shown.insert(shown.columns.get_loc(COLUMN_TEXT["value"]) + 1, "Eenheid", changed["unit"].to_numpy())
    return tables.show(shown, html_columns=("Hoofdstuk",))


def counts(book: dict[str, chapter_mod.Chapter]) -> dict[str, int]:
    """Return the book's totals: figures, letters, checks, discrepancies, revised figures."""
    result = all_checks(book)
    revised = all_revisions(book)
    figures_table = all_figures(book)
    return {
        "figures": len(figures_table),
        "letters": len(next(iter(book.values())).sources),
        "checks": len(result),
        "discrepancies": int((result["verdict"] == checks.DISCREPANCY).sum()),
        "rounded": int((result["verdict"] == checks.ROUNDED).sum()),
        "revised_figures": int(revised.groupby(["chapter", *figures.KEY]).ngroups) if not revised.empty else 0,
    }


def count_texts(book: dict[str, chapter_mod.Chapter]) -> dict[str, str]:
    """Return the book's totals as Dutch text for the prose (glue names book_*)."""
    return {f"book_{name}": formatting.number(value) for name, value in counts(book).items()}


def key_figures(book: dict[str, chapter_mod.Chapter]) -> dict[str, str]:
    """Return the numbers every chapter's prose cites, and the book's totals, as Dutch text."""
    texts = count_texts(book)
    for theme in THEMES:
        module = importlib.import_module(f"participatie.{theme.module}")
        chapter = book[theme.module]
        texts.update(module.key_figures(chapter if theme.figure_table is None else chapter.figures))
    return texts


def data_dictionary(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Return one row per field of every file in the descriptor: file, field, type, required, meaning.

    An optional field (`"x-optional": true`, such as the municipality columns) is listed for a file only
    when the file has that column: the dictionary describes the files as they are.
    """
    descriptor = data.descriptor(data_dir)
    directory = data.resolve_data_dir(data_dir)
    rows = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        if isinstance(schema, str):
            schema = json.loads((directory / schema).read_text(encoding="utf-8"))
        header = _header(directory / resource["path"]) if any(f.get(data.OPTIONAL) for f in schema["fields"]) else []
        for field in schema["fields"]:
            if field.get(data.OPTIONAL) and field["name"] not in header:
                continue
            constraints = field.get("constraints", {})
            allowed = constraints.get("enum") or constraints.get("pattern") or ""
            rows.append({
                "file": resource["path"], "field": field["name"], "type": field["type"],
                "required": bool(constraints.get("required")), "description": field.get("description", ""),
                "allowed": ", ".join(allowed) if isinstance(allowed, list) else allowed,
            })
    return pd.DataFrame(rows)


def _header(path: Path) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError):
        return []


def files_table(data_dir: str | Path | None = None) -> tables.Table:
    """Return the published data files with their description, row count and a download link."""
    descriptor = data.descriptor(data_dir)
    directory = data.resolve_data_dir(data_dir)
    rows = [{"Bestand": f'<a href="../_static/data/{r["path"]}" download>{r["path"]}</a>',
             "Inhoud": r.get("description", ""),
             "Rijen": sum(1 for _ in open(directory / r["path"], encoding="utf-8")) - 1}
            for r in descriptor["resources"]]
    rows.append({"Bestand": '<a href="../_static/data/datapackage.json" download>datapackage.json</a>',
                 "Inhoud": "Beschrijving van alle bestanden en velden (Frictionless Data Package, Table Schema).",
                 "Rijen": None})
    return tables.show(pd.DataFrame(rows), html_columns=("Bestand",))


def fields_table(data_dir: str | Path | None = None, file: str | None = None) -> tables.Table:
    """Return the data dictionary (of one file, or all) as a table a re-user can read."""
    frame = data_dictionary(data_dir)
    if file is not None:
        frame = frame.loc[frame["file"] == file]
    shown = pd.DataFrame({
        "Bestand": frame["file"], "Veld": frame["field"], "Type": frame["type"], "Verplicht": frame["required"],
        "Betekenis": frame["description"], "Toegestaan": frame["allowed"],
    })
    return tables.show(shown)
