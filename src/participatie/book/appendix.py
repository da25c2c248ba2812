"""The appendices about the sources and the data: the letters, the published files and their fields."""

from __future__ import annotations

import csv
from collections import Counter
from urllib.parse import quote

import pandas as pd

from ..data.package import DESCRIPTOR, OPTIONAL, published_files, read_schema, with_optional_columns
from ..presentation import escape, tables, vocabulary
from ..presentation.charts import DOWNLOAD_URL, EXCEL_URL
from ..presentation.labels import APPENDIX, CHART_DOWNLOAD, TYPE_TEXT
from .book import Book


def sources_overview(book: Book) -> pd.DataFrame:
    """Return one row per letter: date, chamber, session, reference, sender, title, rows citing it, chapters using it.

    `figures` counts the figure rows citing the letter; `other_rows` those of the other tables (pilots, timeline).
    """
    figures, others = Counter(), Counter()
    used: dict[str, list[str]] = {s: [] for s in book.sources.index}
    for name, chapter in book.chapters.items():
        own = chapter.figures["source_id"].tolist() if chapter.theme.figure_table else []
        rest = [source_id for table in chapter.tables.values() for source_id in table["source_id"]]
        figures.update(own)
        others.update(rest)
        for source_id in set(own) | set(rest):
            used[source_id].append(name)
    ordered = book.sources.sort_values("date")
    columns = ["id", "date", "chamber", "session_year", "reference", "url", "sender", "title"]
    return (
        ordered[columns]
        .rename(columns={"id": "source_id"})
        .assign(
            figures=[figures[s] for s in ordered["id"]],
            other_rows=[others[s] for s in ordered["id"]],
            chapters=[used[s] for s in ordered["id"]],
        )
        .reset_index(drop=True)
    )


def sources_table(book: Book) -> tables.Table:
    """Return the letters as a Dutch table: reference linked to the official publication, rows taken, chapters."""
    overview = sources_overview(book)
    words = APPENDIX["sources"]
    shown = overview.drop(columns=["source_id", "url"]).assign(
        date=[vocabulary.long_date(pd.Timestamp(d).date()) for d in overview["date"]],
        reference=[external_link(url, ref) for url, ref in zip(overview["url"], overview["reference"])],
        chapters=[", ".join(book.link(n) for n in names) for names in overview["chapters"]],
    )
    return tables.show(shown.rename(columns=words), html_columns=(words["reference"], words["chapters"]))


def external_link(url: str, text: str) -> str:
    """Return a link to an official publication (https only; anything else is shown as plain text)."""
    if not isinstance(url, str) or not url.startswith("https://"):
        return escape.html_text(text)
    return f'<a class="pp-external" href="{escape.html_text(url)}">{escape.html_text(text)}</a>'


def data_dictionary(book: Book) -> pd.DataFrame:
    """Return one row per field of every file: file, field, type, required, and the Dutch name, meaning, allowed values.

    The Dutch texts come from the descriptor's `x-nl` properties (else the English description). An optional
    field (such as the municipality columns) is listed for a file only when the file has that column.
    """
    directory, descriptor = book.dataset.data_dir, book.dataset.descriptor
    rows = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        if isinstance(schema, str):
            schema = read_schema(directory, schema)  # as validation read it (a byte order mark is allowed)
        optional = {f["name"] for f in schema["fields"] if f.get(OPTIONAL)}
        header = _header(directory / resource["path"]) if optional else []
        if optional and optional <= set(header):
            schema = with_optional_columns(schema)  # a file with the columns must fill them
        for field in schema["fields"]:
            if field["name"] in optional and field["name"] not in header:
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
    link = f'<a href="{escape.html_text(DOWNLOAD_URL.format(file=quote(file)))}" download>{escape.html_text(file)}</a>'
    if not file.endswith(".csv") or "/" in file:
        return link
    # book.web publishes a copy of every CSV file for a Dutch Excel beside the data package (span.pp-excel: for
    # the screen only, like every download)
    excel = escape.html_text(EXCEL_URL.format(file=quote(file)))
    words = escape.html_text(CHART_DOWNLOAD["file_excel"])
    return f'{link}<span class="pp-excel"> (<a href="{excel}" download>{words}</a>)</span>'


def files_table(book: Book) -> tables.Table:
    """Return every published data file (what the descriptor lists, and README/LICENSE) with its content and a link."""
    directory, descriptor = book.dataset.data_dir, book.dataset.descriptor
    words = APPENDIX["files"]
    described = {
        r["path"]: (r.get("x-nl") or {}).get("description") or r.get("description", "") for r in descriptor["resources"]
    }
    other = {DESCRIPTOR: words["descriptor"], "README.md": words["readme"], "LICENSE.md": words["license"]}
    schemas = {r["schema"] for r in descriptor["resources"] if isinstance(r.get("schema"), str)}
    rows = []
    for file in published_files(directory, descriptor):
        if file in described:
            content, count = described[file], _rows(directory / file)
        elif file in schemas:
            content, count = words["schema"], None
        else:
            content, count = other.get(file, ""), None
        rows.append({words["file"]: _download(file), words["content"]: content, words["rows"]: count})
    return tables.show(pd.DataFrame(rows), {words["rows"]: vocabulary.number}, html_columns=(words["file"],))


def fields_table(book: Book, file: str | None = None) -> tables.Table:
    """Return the data dictionary (of one file, or all) as a table a re-user can read.

    Files that share a schema (the four figure tables) share one block of rows that names them.
    """
    frame = data_dictionary(book)
    if file is not None:
        frame = frame.loc[frame["file"] == file]
    columns = ["field", "title", "type", "required", "description", "allowed"]
    grouped = frame.groupby(columns, sort=False, dropna=False)["file"].agg(", ".join).reset_index()
    grouped["type"] = grouped["type"].map(lambda t: TYPE_TEXT.get(t, t))
    return tables.show(grouped[["file", *columns]].rename(columns=APPENDIX["fields"]))
