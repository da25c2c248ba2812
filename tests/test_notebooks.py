"""Chapters as analysts run them: papermill with other data, bad data; and the stored notebooks' hygiene.

nbval (run by `make test` over chapters/ with --nbval) compares every stored output; these tests cover
what nbval cannot: a changed data directory must change the outputs, bad data must stop the run with a
message naming file, row and column, and nothing in chapters/ or data/ may change.
"""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from conftest import CHAPTERS, DATA, REPO


@dataclass(frozen=True)
class Change:
    """A figure to change in a chapter's table, and the Dutch text the new value must show up as."""

    table: str
    indicator: str
    period: str
    source_id: str
    new_value: str
    expected: str
    category: str = ""


# One entry per chapter: the figure a re-run on new data must reflect (test_every_chapter_has_a_case
# fails when a chapter is added without one).
CHANGES = {
    "beschut_werk": Change("beschut_werk.csv", "working_sheltered_workplace", "2018-03-31", "ek-34775-ak", "98765", "98.765"),
    "wsw_statistiek": Change("wsw_statistiek.csv", "wsw_indications", "2012", "tk-29817-126", "98765", "98.765", "eerste_indicatie"),
}

NOTEBOOKS = sorted(p.stem for p in CHAPTERS.glob("*.ipynb"))


def _tree_digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                digest.update(str(path.relative_to(REPO)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def repository_unchanged():
    before = _tree_digest(CHAPTERS, DATA)
    yield
    assert _tree_digest(CHAPTERS, DATA) == before, "a chapter run changed chapters/ or data/"


def run_papermill(notebook: str, data_dir: Path, out: Path) -> subprocess.CompletedProcess:
    """Run a chapter with papermill on another data directory, from outside the repository."""
    return subprocess.run(
        [sys.executable, "-m", "papermill", str(CHAPTERS / f"{notebook}.ipynb"), str(out),
         "-p", "data_dir", str(data_dir), "--no-progress-bar", "-k", "python3"],
        capture_output=True, text=True, cwd=out.parent, timeout=600,
    )


def _edit_rows(path: Path, edit) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    rows, fields = edit(rows, fields)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_every_chapter_has_a_case():
    assert set(NOTEBOOKS) <= set(CHANGES)


@pytest.mark.slow
@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n in CHANGES])
def test_rerun_with_changed_data_shows_the_change(notebook, data_copy, tmp_path, repository_unchanged):
    change = CHANGES[notebook]

    def edit(rows, fields):
        key = (change.indicator, change.period, change.source_id, change.category)
        hits = [r for r in rows if (r["indicator"], r["period"], r["source_id"], r.get("category", "")) == key]
        assert len(hits) == 1, f"the case's figure is not in {change.table}"
        hits[0]["value"] = change.new_value
        return rows, fields

    _edit_rows(data_copy / change.table, edit)
    out = tmp_path / "out.ipynb"
    result = run_papermill(notebook, data_copy, out)
    assert result.returncode == 0, result.stderr[-3000:]
    outputs = json.dumps(nbformat.read(out, as_version=4)["cells"])
    assert change.expected in outputs
    stored = json.dumps(nbformat.read(CHAPTERS / f"{notebook}.ipynb", as_version=4)["cells"])
    assert change.expected not in stored


def _bad_unknown_column(rows, fields):
    return [dict(r, opmerking="x") for r in rows], [*fields, "opmerking"]


def _bad_missing_column(rows, fields):
    return rows, [f for f in fields if f != "unit"]


def _bad_type(rows, fields):
    rows[2]["value"] = "veel"
    return rows, fields


def _bad_period(rows, fields):
    rows[2]["period"] = "2017-13"
    return rows, fields


def _bad_duplicate(rows, fields):
    return [*rows, rows[2]], fields


def _bad_source(rows, fields):
    rows[2]["source_id"] = "tk-00000-1"
    return rows, fields


BAD_CASES = {
    # case: (how to break the table, row named in the message, column named in the message)
    "unknown-column": (_bad_unknown_column, "row 1", "column opmerking"),
    "missing-column": (_bad_missing_column, "row 1", "column unit"),
    "wrong-type": (_bad_type, "row 4", "column value"),
    "unparsable-period": (_bad_period, "row 4", "column period"),
    "duplicate-key": (_bad_duplicate, None, "column indicator+dimension+category+period+source_id"),
    "unknown-source": (_bad_source, "row 4", "column source_id"),
    "empty-file": (None, "row 1", "column -"),
    "not-utf8": (None, "row 3", "column note"),
}


def _chapter_table(notebook: str) -> str:
    return CHANGES[notebook].table


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(BAD_CASES))
@pytest.mark.parametrize("notebook", [n for n in NOTEBOOKS if n in CHANGES])
def test_rerun_with_bad_data_fails_naming_file_row_and_column(notebook, case, data_copy, tmp_path, repository_unchanged):
    table = _chapter_table(notebook)
    path = data_copy / table
    edit, row, column = BAD_CASES[case]
    if case == "empty-file":
        path.write_text("", encoding="utf-8")
    elif case == "not-utf8":
        lines = path.read_bytes().split(b"\n")
        lines[2] = lines[2][: lines[2].rindex(b",") + 1] + b"caf\xe9 " + lines[2][lines[2].rindex(b",") + 1:]
        path.write_bytes(b"\n".join(lines))
    else:
        _edit_rows(path, edit)
    before = path.read_bytes()
    out = tmp_path / "out.ipynb"
    result = run_papermill(notebook, data_copy, out)
    assert result.returncode != 0
    message = result.stderr + result.stdout
    assert table in message and column in message and (row is None or f"{table}, {row}, {column}" in message), message[-3000:]
    assert path.read_bytes() == before, "the user's file was changed"


# --- hygiene of the stored notebooks (the regression reference) -------------------------------

@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_stored_notebook_is_deterministic_reference(notebook):
    text = (CHAPTERS / f"{notebook}.ipynb").read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "the first code cell holds the parameters"
    assert "data_dir = None" in code[0].source
    assert all(c.outputs for c in code[1:]), "every cell after the parameters has stored outputs"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "executed top to bottom, once"
    for volatile in ('"execution":', '"papermill": {', "/tmp/", "/work/", "/root/", "../shared", "cdn.jsdelivr", "unpkg"):
        assert volatile not in text, f"{notebook}: stored notebook contains {volatile!r}"
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    assert not any(o.get("name") == "stderr" for c in code for o in c.outputs), "warnings leaked into the outputs"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_chapter_code_cells_are_short_calls(notebook):
    nb = nbformat.read(CHAPTERS / f"{notebook}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.strip().startswith("#")]
            assert len(lines) <= 4, f"{notebook}: logic belongs in the package, not in a cell:\n{cell.source}"
            assert not any(line.lstrip().startswith(("for ", "while ", "def ", "class ")) for line in lines)
