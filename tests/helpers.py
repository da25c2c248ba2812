"""Small helpers shared by the tests: editing a copy of a CSV file, the house rules for a chart, text as a reader
reads it, the values inside a chapter's facts, and the phrases in a module's code."""

from __future__ import annotations

import ast
import csv
import hashlib
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from pathlib import Path

from participatie.figures.facts import Letter
from participatie.tools.texts import ESCAPED


def read_rows(path: Path) -> tuple[list[dict], list[str]]:
    """Return a CSV file's rows (as dicts) and its header."""
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader), list(reader.fieldnames or [])


def write_rows(path: Path, rows: list[dict], fields: list[str] | None = None) -> None:
    """Write rows under a header (default: the first row's columns; cells of other columns are dropped)."""
    fields = fields or list(rows[0])
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def edit_rows(path: Path, edit: Callable[[list[dict]], list[dict] | None]) -> None:
    """Rewrite a CSV file with edit(rows), which may change rows in place or return new ones."""
    rows, fields = read_rows(path)
    result = edit(rows)
    write_rows(path, rows if result is None else result, fields)


def assert_house_chart(figure) -> None:
    """Assert a chart figure follows the house rules: title, description, source line, data, offline."""
    spec = figure.spec()
    assert spec["description"] and spec["title"]["text"]
    assert figure.source_line.startswith("Bron: ") and not figure.table.empty
    assert "http" not in figure._repr_mimebundle_()["text/html"]


def set_value(path: Path, match: dict, value: str, column: str = "value") -> int:
    """Set `column` to value in every row whose cells equal `match`; return how many rows changed."""
    rows, fields = read_rows(path)
    hits = [row for row in rows if all(row.get(key, "") == wanted for key, wanted in match.items())]
    for row in hits:
        row[column] = value
    write_rows(path, rows, fields)
    return len(hits)


def rows_of(path: Path) -> list[dict]:
    """Return a CSV file's rows as dicts."""
    return read_rows(path)[0]


def papermill(notebook: Path | str, out: Path | str, **parameters) -> subprocess.CompletedProcess:
    """Run a notebook with papermill, as an analyst does, from the output's folder; return the finished process.

    Papermill's own command would start the kernel on TCP ports, which a kernel started at the same moment by
    the other test worker can be handed too; `participatie.tools.kernels` runs papermill the same way on
    private Unix sockets.
    """
    out = Path(out)
    command = [sys.executable, "-m", "participatie.tools.kernels", "papermill", str(notebook), str(out)]
    for name, value in parameters.items():
        command += ["-p", name, str(value)]
    return subprocess.run(command, capture_output=True, text=True, cwd=out.parent, timeout=600)


def glued(notebook) -> dict[str, str]:
    """Return the texts a notebook glued (MyST-NB glue), by name."""
    return {
        o["metadata"]["scrapbook"]["name"]: o["data"]["application/papermill.record/text/markdown"]
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }


LATER_LETTERS = Path(__file__).resolve().parent / "fixtures" / "later_letters"


def add_later_letters(data_dir: Path) -> dict[str, list[dict]]:
    """Add the two real later letters of the fixture to a data copy, as the README's workflow does.

    Appends their rows to sources.csv and to the figure tables, and copies their page indexes into
    letters/; returns the rows added per file (for assertions on what an edition shows).
    """
    import shutil

    added: dict[str, list[dict]] = {}
    for path in sorted(LATER_LETTERS.glob("*.csv")):
        new, _ = read_rows(path)
        rows, fields = read_rows(data_dir / path.name)
        write_rows(data_dir / path.name, [*rows, *new], fields)
        added[path.name] = new
    for index in sorted((LATER_LETTERS / "letters").glob("*.json")):
        (data_dir / "letters").mkdir(exist_ok=True)
        shutil.copy(index, data_dir / "letters" / index.name)
    return added


def tree_digest(*folders: Path) -> str:
    """Return one hash of every file's path and bytes below the folders (to see that a run changed none)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def earlier_run(out: Path, data_dir: Path) -> Path:
    """Make OUT look like an earlier rerun's folder, as rerun marks it; return a file only that run wrote."""
    from participatie.tools import outdir

    (out / "html").mkdir(parents=True)
    outdir.mark(out, data_dir)
    first = out / "html" / "marker-of-the-first-run"
    first.write_text("x")
    return first


def plain(text: str) -> str:
    """Return Markdown as a reader reads it: a backslash before punctuation is an escape."""
    return ESCAPED.sub(r"\1", text)


def plain_without_emphasis(markdown: str) -> str:
    """Return Markdown as a reader reads it, escapes and emphasis marks removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", "").replace("*", "")


def walk(value):
    """Yield every value inside a fact: list items, dictionary values and record fields, recursively; a letter as
    sources.csv gives it is yielded whole (its chamber and reference are the data's words)."""
    yield value
    if isinstance(value, Letter):
        return
    if isinstance(value, dict):
        for item in value.values():
            yield from walk(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            yield from walk(getattr(value, field.name))


def docstring_nodes(tree: ast.AST) -> set[int]:
    """Return the ids of the docstring nodes of a parsed module, its classes and functions."""
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }


# A word of a phrase: letters only, not part of a code or a Vega-Lite field shorthand ("soort:N").
WORD = re.compile(r"(?<![\w:])[a-zà-ÿ]+(?![\w:])", re.IGNORECASE)


def phrases_of_five_words(path: Path, skip_keywords: tuple[str, ...] = ()) -> list[str]:
    """Return a module's string literals of five words or more (docstrings, and the values of the keyword
    arguments named in `skip_keywords`, aside): in a theme's code, each would be reader text in Python."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = docstring_nodes(tree) | {
        id(node.value) for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg in skip_keywords
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and len(WORD.findall(node.value)) >= 5
    ]
