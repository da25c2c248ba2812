"""Chapters as analysts run them: papermill with other data, bad data; and the stored notebooks' hygiene.

nbval (run by `make test` over every notebook with --nbval) compares every stored output with a fresh
execution; these tests cover what nbval cannot: that it does fail on a stale output, that a changed data
directory changes the outputs, that bad data stops a chapter with a message naming file, row and column,
and that nothing in chapters/ or data/ changes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.data import DataValidationError
from participatie.themes import BY_NAME

from conftest import CHAPTERS, REPO
from helpers import papermill, read_rows, write_rows


@dataclass(frozen=True)
class Case:
    """How to re-run one chapter: a cell to change and the Dutch text it must then show, and the
    columns of its table that the bad-input cases break."""

    table: str
    match: dict  # column -> value identifying exactly one row
    column: str  # the column to change
    new_value: str
    expected: str
    key_columns: str = "indicator+dimension+category+period+source_id"
    number_column: str = "value"  # a numeric column to fill with text
    required_column: str = "unit"  # a column to drop
    period_column: str | None = "period"  # a column holding a period (None: the table has none)
    last_column: str = "note"  # the last column, where a non-UTF-8 byte is put


# One entry per chapter (test_every_chapter_has_a_case fails when a chapter is added without one).
CASES = {
    "beschut_werk": Case(
        "beschut_werk.csv",
        {"indicator": "working_sheltered_workplace", "period": "2018-03-31", "source_id": "ek-34775-ak"},
        "value",
        "98765",
        "98.765",
    ),
    "wsw_statistiek": Case(
        "wsw_statistiek.csv",
        {"indicator": "wsw_indications", "period": "2012", "category": "eerste_indicatie"},
        "value",
        "98765",
        "98.765",
    ),
    "banenafspraak_duurzaamheid": Case(
        "banenafspraak_duurzaamheid.csv",
        {"indicator": "extra_jobs_realised", "period": "2017-12-31", "source_id": "ek-34775-ak"},
        "value",
        "98765",
        "98.765",
    ),
    "bijstand_financiering": Case(
        "bijstand_financiering.csv",
        {"indicator": "bijstand_recipients", "period": "2017-03", "source_id": "ek-33981-n"},
        "value",
        "98765",
        "98.765",
    ),
    "pilots_werken_naar_vermogen": Case(
        "pilots.csv",
        {"pilot": "4"},
        "scale_value",
        "98765",
        "98.765 gemeenten",
        key_columns="pilot",
        number_column="page",
        required_column="findings",
        period_column=None,
        last_column="section",
    ),
}

NOTEBOOKS = sorted(p.stem for p in CHAPTERS.glob("*.ipynb"))
# Every notebook of the book (chapters, the introduction and the appendices), relative to the root.
ALL_NOTEBOOKS = sorted(
    p.relative_to(REPO).as_posix()
    for p in [*REPO.glob("*.ipynb"), *CHAPTERS.glob("*.ipynb"), *(REPO / "appendices").glob("*.ipynb")]
)


def test_papermill_can_rerun_the_book_pages(data_copy, tmp_path):
    # The introduction and appendices take data_dir too; a changed letter date must reach the sources page.
    path = data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2013-07-12", "2013-07-19"), encoding="utf-8")
    out = tmp_path / "bronnen.ipynb"
    result = papermill(str(REPO / "appendices" / "bronnen.ipynb"), str(out), data_dir=str(data_copy))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "19 juli 2013" in out.read_text(encoding="utf-8")


def run_papermill(notebook: str, data_dir: Path, out: Path) -> subprocess.CompletedProcess:
    """Run a chapter with papermill on another data directory, from outside the repository."""
    return papermill(str(CHAPTERS / f"{notebook}.ipynb"), str(out), data_dir=str(data_dir))


def _edit_rows(path: Path, edit) -> None:
    rows, fields = read_rows(path)
    write_rows(path, *edit(rows, fields))


def test_every_chapter_has_a_case():
    assert set(NOTEBOOKS) <= set(CASES)


@pytest.mark.slow
# One chapter suffices here: every theme's own tests run its notebook with papermill on data with a later letter.
@pytest.mark.parametrize("notebook", ["beschut_werk"])
def test_rerun_with_changed_data_shows_the_change(notebook, unindexed_data_copy, tmp_path, repository_unchanged):
    data_copy = unindexed_data_copy
    case = CASES[notebook]

    def edit(rows, fields):
        hits = [r for r in rows if all(r.get(k, "") == v for k, v in case.match.items())]
        assert len(hits) == 1, f"the case's row is not (once) in {case.table}"
        hits[0][case.column] = case.new_value
        return rows, fields

    _edit_rows(data_copy / case.table, edit)
    out = tmp_path / "out.ipynb"
    result = run_papermill(notebook, data_copy, out)
    assert result.returncode == 0, result.stderr[-3000:]
    outputs = json.dumps(nbformat.read(out, as_version=4)["cells"], ensure_ascii=False)
    assert case.expected in outputs
    stored = json.dumps(nbformat.read(CHAPTERS / f"{notebook}.ipynb", as_version=4)["cells"], ensure_ascii=False)
    assert case.expected not in stored


def _break(case: Case, kind: str, path: Path) -> tuple[str | None, str]:
    """Break a copy of the chapter's table in one way; return the row and column the error must name."""
    if kind == "empty-file":
        path.write_text("", encoding="utf-8")
        return "row 1", "column -"
    if kind == "not-utf8":
        lines = path.read_bytes().split(b"\n")
        cut = lines[2].rindex(b",") + 1
        quoted = lines[2][cut : cut + 1] == b'"'
        lines[2] = lines[2][:cut] + (b'"' if quoted else b"") + b"caf\xe9 " + lines[2][cut + (1 if quoted else 0) :]
        path.write_bytes(b"\n".join(lines))
        return "row 3", f"column {case.last_column}"

    def edit(rows, fields):
        if kind == "unknown-column":
            return [dict(r, opmerking="x") for r in rows], [*fields, "opmerking"]
        if kind == "missing-column":
            return rows, [f for f in fields if f != case.required_column]
        if kind == "duplicate-key":
            return [*rows, rows[2]], fields
        column = {"wrong-type": case.number_column, "unparsable-period": case.period_column, "unknown-source": "source_id"}[
            kind
        ]
        rows[2][column] = {"wrong-type": "veel", "unparsable-period": "2017-13", "unknown-source": "tk-00000-1"}[kind]
        return rows, fields

    _edit_rows(path, edit)
    return {
        "unknown-column": ("row 1", "column opmerking"),
        "missing-column": ("row 1", f"column {case.required_column}"),
        "duplicate-key": (None, f"column {case.key_columns}"),
        "wrong-type": ("row 4", f"column {case.number_column}"),
        "unparsable-period": ("row 4", f"column {case.period_column}"),
        "unknown-source": ("row 4", "column source_id"),
    }[kind]


BAD_KINDS = [
    "unknown-column",
    "missing-column",
    "wrong-type",
    "unparsable-period",
    "duplicate-key",
    "unknown-source",
    "empty-file",
    "not-utf8",
]


# Every (chapter, kind) pair that applies: a table without a period column has no period to break.
BAD_RUNS = [
    (n, kind)
    for n in NOTEBOOKS
    if n in CASES
    for kind in BAD_KINDS
    if not (kind == "unparsable-period" and CASES[n].period_column is None)
]


@pytest.mark.parametrize("notebook, kind", BAD_RUNS)
def test_bad_data_stops_the_chapter_naming_file_row_and_column(notebook, kind, data_copy):
    # Every chapter and page loads its data through one path (book.open_chapter / open_book -> data.load), so
    # every kind of bad input is tested on that path for every chapter; one papermill run below shows the
    # same message reaches an analyst who runs a notebook.
    case = CASES[notebook]
    path = data_copy / case.table
    row, column = _break(case, kind, path)
    before = path.read_bytes()
    with pytest.raises(DataValidationError) as caught:
        open_chapter(BY_NAME[notebook], data_copy)
    expected = f"{case.table}, {row}, {column}" if row else column
    assert expected in str(caught.value), str(caught.value)
    assert path.read_bytes() == before, "the user's file was changed"


@pytest.mark.slow
def test_papermill_run_on_bad_data_fails_naming_file_row_and_column(data_copy, tmp_path, repository_unchanged):
    case = CASES["beschut_werk"]
    row, column = _break(case, "wrong-type", data_copy / case.table)
    result = run_papermill("beschut_werk", data_copy, tmp_path / "out.ipynb")
    assert result.returncode != 0
    assert f"{case.table}, {row}, {column}" in result.stderr + result.stdout


def test_nbval_fails_when_a_stored_output_is_stale(tmp_path):
    # The regression net: a committed notebook whose outputs differ from a fresh execution must fail `make test`.
    stale = tmp_path / "revisies.ipynb"
    notebook = nbformat.read(REPO / "appendices" / "revisies.ipynb", as_version=4)
    table = next(
        o
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/plain" in o.get("data", {}) and "(laatste)" in o["data"]["text/plain"]
    )
    table["data"]["text/plain"] = table["data"]["text/plain"].replace("313", "314", 1)
    nbformat.write(notebook, stale)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "--nbval",
        "--nbval-current-env",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "-q",
        str(stale),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 1 and "1 failed" in result.stdout, result.stdout[-2000:]
    shutil.copy(REPO / "appendices" / "revisies.ipynb", stale)
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:]


# --- hygiene of the stored notebooks (the regression reference) -------------------------------


@pytest.mark.parametrize("notebook", ALL_NOTEBOOKS)
def test_stored_notebook_is_deterministic_reference(notebook):
    text = (REPO / notebook).read_text(encoding="utf-8")
    nb = nbformat.reads(text, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "the first code cell holds the parameters"
    assert "data_dir = None" in code[0].source
    # Every cell after the parameters shows something or glues something (the set-up cell of a page without
    # a text file shows nothing in the national edition: its edition note is empty there).
    assert all(c.outputs for c in code[2:]), "every cell after the set-up has stored outputs"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "executed top to bottom, once"
    for volatile in ('"execution":', '"papermill": {', "/tmp/", "/work/", "/root/", "cdn.jsdelivr", "unpkg"):
        assert volatile not in text, f"{notebook}: stored notebook contains {volatile!r}"
    # Relative paths (links, the data's download paths) stay inside the repository: none climbs out of it
    # to a sibling folder of the clone.
    folder = (REPO / notebook).parent
    for climb in set(re.findall(r"(?:\.\./)+", text)):
        assert (folder / climb).resolve().is_relative_to(REPO), f"{notebook}: a path leaves the repository: {climb}"
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    assert not any(o.get("name") == "stderr" for c in code for o in c.outputs), "warnings leaked into the outputs"


@pytest.mark.parametrize("notebook", ALL_NOTEBOOKS)
def test_chapter_code_cells_are_short_calls(notebook):
    nb = nbformat.read(REPO / notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.strip().startswith("#")]
            assert len(lines) <= 5, f"{notebook}: logic belongs in the package, not in a cell:\n{cell.source}"
            assert not any(line.lstrip().startswith(("for ", "while ", "def ", "class ")) for line in lines)
