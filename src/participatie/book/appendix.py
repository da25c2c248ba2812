"""The appendices about the sources and the data: the letters, the published files and their fields."""

from __future__ import annotations

import csv
import json
from urllib.parse import quote

import pandas as pd

from ..data.package import DESCRIPTOR, OPTIONAL
from ..presentation import escape, formatting, tables
from ..presentation.labels import TYPE_TEXT
from .book import Book

DOWNLOAD_URL = "../_static/data/{file}"


def sources_overview(book: Book) -> pd.DataFrame:
    """Return one row per letter: date, chamber, reference, sender, title, figures taken, chapters using it."""
    sources = book.sources
    counts: dict[str, int] = {}
    used: dict[str, list[str]] = {s: [] for s in sources.index}
    for name, chapter in book.chapters.items():
        frames = ([chapter.figures] if chapter.theme.figure_table else []) + list(chapter.tables.values())
        ids = pd.concat([f["source_id"] for f in frames]) if frames else pd.Series(dtype=str)
        for source_id, count in ids.value_counts().items():
            counts[source_id] = counts.get(source_id, 0) + int(count)
            used[source_id].append(name)
    ordered = sources.sort_values("date")
    return pd.DataFrame(
        {
            "source_id": ordered["id"],
            "date": ordered["date"],
            "chamber": ordered["chamber"],
            "reference": ordered["reference"],
            "url": ordered["url"],
            "sender": ordered["sender"] + ", " + ordered["office"],
            "title": ordered["title"],
            "figures": [counts.get(s, 0) for s in ordered["id"]],
            "chapters": [used[s] for s in ordered["id"]],
        }
    ).reset_index(drop=True)


def sources_table(book: Book) -> tables.Table:
    """Return the letters as a Dutch table with the number of figures and links to the chapters."""
    overview = sources_overview(book)
    shown = pd.DataFrame(
        {
            "Datum": [formatting.long_date(pd.Timestamp(d).date()) for d in overview["date"]],
            "Kamer": overview["chamber"],
            "Kamerstuk": [external_link(url, reference) for url, reference in zip(overview["url"], overview["reference"])],
            "Afzender": overview["sender"],
            "Onderwerp": overview["title"],
            "Vastgelegde gegevens": overview["figures"],
            "Hoofdstukken": [", ".join(book.link(n) for n in names) for names in overview["chapters"]],
        }
    )
    return tables.show(shown, html_columns=("Kamerstuk", "Hoofdstukken"))


def external_link(url: str, text: str) -> str:
    """Return a link to an official publication (https only; anything else is shown as plain text)."""
    if not isinstance(url, str) or not url.startswith("https://"):
        return escape.html_text(text)
    return f'<a class="pp-external" href="{escape.html_text(url)}">{escape.html_text(text)}</a>'


def data_dictionary(book: Book) -> pd.DataFrame:
    """Return one row per field of every file: file, field, type, required, and the Dutch name, meaning, allowed values.

    The Dutch texts come from the descriptor's `x-nl` properties (title, description, allowed), the
    English description is the fallback for a data package without them. An optional field (such as the
    municipality columns) is listed for a file only when the file has that column.
    """
    directory, descriptor = book.dataset.data_dir, book.dataset.descriptor
    rows = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        if isinstance(schema, str):
            schema = json.loads((directory / schema).read_text(encoding="utf-8"))
        header = _header(directory / resource["path"]) if any(f.get(OPTIONAL) for f in schema["fields"]) else []
        for field in schema["fields"]:
            if field.get(OPTIONAL) and field["name"] not in header:
                continue
            dutch = field.get("x-nl") or {}
            constraints = field.get("constraints", {})
            allowed = constraints.get("enum") or constraints.get("pattern") or ""
            rows.append(
                {
                    "file": resource["path"],
                    "field": field["name"],
                    "type": field["type"],
                    "required": bool(constraints.get("required")),
                    "title": dutch.get("title") or field.get("title") or field["name"],
                    "description": dutch.get("description") or field.get("description", ""),
                    "allowed": dutch.get("allowed") or (", ".join(allowed) if isinstance(allowed, list) else allowed),
                }
            )
    return pd.DataFrame(rows)


def _header(path) -> list[str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError):
        return []


def _rows(path) -> int:
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle) - 1


def _download(file: str) -> str:
    return f'<a href="{escape.html_text(DOWNLOAD_URL.format(file=quote(file)))}" download>{escape.html_text(file)}</a>'


def files_table(book: Book) -> tables.Table:
    """Return the published data files with their description, row count and a download link."""
    directory, descriptor = book.dataset.data_dir, book.dataset.descriptor
    rows = [
        {
            "Bestand": _download(r["path"]),
            "Inhoud": (r.get("x-nl") or {}).get("description") or r.get("description", ""),
            "Rijen": _rows(directory / r["path"]),
        }
        for r in descriptor["resources"]
    ]
    rows.append(
        {
            "Bestand": _download(DESCRIPTOR),
            "Inhoud": "Beschrijving van alle bestanden en velden (Frictionless Data Package, Table Schema).",
            "Rijen": None,
        }
    )
    return tables.show(pd.DataFrame(rows), html_columns=("Bestand",))


def fields_table(book: Book, file: str | None = None) -> tables.Table:
    """Return the data dictionary (of one file, or all) as a table a re-user can read."""
    frame = data_dictionary(book)
    if file is not None:
        frame = frame.loc[frame["file"] == file]
    shown = pd.DataFrame(
        {
            "Bestand": frame["file"],
            "Veld": frame["field"],
            "Naam": frame["title"],
            "Soort": frame["type"].map(lambda t: TYPE_TEXT.get(t, t)),
            "Verplicht": frame["required"],
            "Betekenis": frame["description"],
            "Toegestane waarden": frame["allowed"],
        }
    )
    return tables.show(shown)
