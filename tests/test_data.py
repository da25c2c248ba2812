"""The bundled data validates, and each kind of bad input is reported with file, row and column."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from participatie import data
from participatie.data import package, validation

from conftest import DATA
from helpers import rows_of as _rows
from helpers import write_rows as _write_rows

FIGURE_TABLES = [
    r["name"]
    for r in json.loads((DATA / "datapackage.json").read_text())["resources"]
    if r.get("schema") == "schemas/figures.json"
]


def test_bundled_data_is_valid():
    assert data.validate() == []


def test_every_file_in_data_is_described():
    described = {r["path"] for r in package.read_descriptor(DATA)["resources"]}
    on_disk = {p.name for p in DATA.glob("*.csv")}
    assert on_disk == described


@pytest.mark.parametrize("table", FIGURE_TABLES)
def test_every_figure_has_a_known_source_and_page(table):
    sources = {row["id"] for row in _rows(DATA / "sources.csv")}
    rows = _rows(DATA / f"{table}.csv")
    assert rows, f"{table}.csv has no figures"
    for number, row in enumerate(rows, start=2):
        assert row["source_id"] in sources, f"{table}.csv row {number}: unknown source {row['source_id']}"
        assert int(row["page"]) >= 1, f"{table}.csv row {number}: no page"
        assert row["section"].strip() and row["note"].strip(), f"{table}.csv row {number}: section or note missing"


def test_load_returns_typed_tables():
    dataset = data.load(resources=["beschut_werk"])
    figures = dataset.figures("beschut_werk")
    assert figures["value"].dtype == float
    assert figures["derived"].dtype == bool
    assert set(dataset.sources.index) == {row["id"] for row in _rows(DATA / "sources.csv")}
    assert figures["label"].notna().all(), "every indicator has a Dutch label"


def test_resolve_data_dir_names_a_directory_without_descriptor(tmp_path):
    with pytest.raises(FileNotFoundError, match="datapackage.json"):
        data.resolve_data_dir(tmp_path)


def test_load_rejects_an_unknown_resource():
    with pytest.raises(data.DataValidationError, match="no resource named 'nonsense'"):
        data.load(resources=["nonsense"])


# --- bad input: each case must name the file, the row and the column --------------------------


def _problems(data_dir: Path) -> list[data.Problem]:
    with pytest.raises(data.DataValidationError) as caught:
        data.load(data_dir, resources=["beschut_werk"])
    return caught.value.problems


def _only(problems, file="beschut_werk.csv"):
    return [p for p in problems if p.file == file]


def test_unknown_column(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    _write_rows(path, [dict(r, remark="x") for r in rows], [*rows[0], "remark"])
    assert data.Problem("beschut_werk.csv", 1, "remark", "unknown column (not in the descriptor)") in _problems(data_copy)


def test_missing_required_column(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    _write_rows(path, rows, [f for f in rows[0] if f != "unit"])
    problems = _problems(data_copy)
    assert data.Problem("beschut_werk.csv", 1, "unit", "required column is missing") in problems
    # Columns are matched by name, so the other columns do not cascade into false cell errors.
    assert not [p for p in problems if p.column in {"value", "page", "period"}]


def test_wrong_type_and_all_problems_at_once(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    rows[3]["value"] = "veel"
    rows[6]["page"] = "twee"
    rows[9]["derived"] = "misschien"
    _write_rows(path, rows)
    located = {(p.row, p.column) for p in _only(_problems(data_copy))}
    assert {(5, "value"), (8, "page"), (11, "derived")} <= located


@pytest.mark.parametrize(
    "period, fragment", [("eind 2017", "pattern"), ("2017-13", "not a real date"), ("2018/2017", "ends before it starts")]
)
def test_unparsable_period(data_copy, period, fragment):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    rows[4]["period"] = period
    _write_rows(path, rows)
    problems = [p for p in _only(_problems(data_copy)) if (p.row, p.column) == (6, "period")]
    assert problems and fragment in problems[0].message


def test_duplicate_key(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    _write_rows(path, [*rows, rows[1]])
    problem = next(p for p in _problems(data_copy) if "duplicate key" in p.message)
    assert problem.row == len(rows) + 2 and problem.column == "indicator+dimension+category+period+source_id"


def test_unknown_source_and_indicator(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    rows[2]["source_id"] = "tk-00000-1"
    rows[7]["indicator"] = "made_up_indicator"
    _write_rows(path, rows)
    located = {(p.row, p.column) for p in _only(_problems(data_copy))}
    assert {(4, "source_id"), (9, "indicator")} <= located


def test_empty_file(data_copy):
    (data_copy / "beschut_werk.csv").write_text("", encoding="utf-8")
    assert _problems(data_copy) == [
        data.Problem("beschut_werk.csv", 1, None, "file is empty (a header and at least one row are required)")
    ]


def test_header_without_rows(data_copy):
    path = data_copy / "beschut_werk.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert [(p.row, p.message) for p in _problems(data_copy)] == [(2, "table has a header but no rows")]


def test_non_utf8_file(data_copy):
    path = data_copy / "beschut_werk.csv"
    lines = path.read_bytes().split(b"\n")
    note_start = lines[5].rindex(b",") + 1
    lines[5] = lines[5][:note_start] + "é".encode("latin-1") + lines[5][note_start:]  # a Latin-1 byte
    path.write_bytes(b"\n".join(lines))
    problems = _only(_problems(data_copy))
    assert [(p.row, p.column) for p in problems] == [(6, "note")] and "not UTF-8" in problems[0].message


def test_problem_text_names_file_row_and_column():
    text = str(data.Problem("beschut_werk.csv", 7, "value", "bad"))
    assert text == "beschut_werk.csv, row 7, column value: bad"


def test_validate_reports_every_file(data_copy):
    (data_copy / "wsw_statistiek.csv").write_text("", encoding="utf-8")
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    rows[0]["value"] = "x"
    _write_rows(path, rows)
    files = {p.file for p in data.validate(data_copy)}
    assert {"wsw_statistiek.csv", "beschut_werk.csv"} <= files


def test_bad_input_leaves_the_files_untouched(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows = _rows(path)
    rows[0]["value"] = "x"
    _write_rows(path, rows)
    before = path.read_bytes()
    with pytest.raises(data.DataValidationError):
        data.load(data_copy)
    assert path.read_bytes() == before


def test_figures_table_reads_empty_cells_as_missing():
    figures = data.load(resources=["beschut_werk"]).figures("beschut_werk")
    assert pd.isna(figures.loc[figures["indicator"] == "positive_advices", "qualifier"]).all()


# --- the validation cache -------------------------------------------------------------------------


@pytest.fixture
def counted_validation(monkeypatch, tmp_path):
    """Use a private cache folder; return a list that gets a resource name whenever its rows are checked."""
    from frictionless import Resource

    monkeypatch.setenv(validation.CACHE_ENV, str(tmp_path / "cache"))
    checked: list[str] = []
    original = Resource.validate

    def validate(self, *args, **kwargs):
        checked.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Resource, "validate", validate)
    return checked


def test_cache_skips_the_checks_of_identical_bytes(data_copy, counted_validation, tmp_path):
    assert data.validate(data_copy) == []
    assert "beschut_werk" in counted_validation and len(list((tmp_path / "cache").iterdir())) == len(counted_validation)
    counted_validation.clear()
    assert data.validate(data_copy) == [] and counted_validation == []
    data.load(data_copy, resources=["beschut_werk"])
    assert counted_validation == []


@pytest.mark.parametrize("change", ["figures", "descriptor", "schema", "referenced table"])
def test_cache_never_skips_when_anything_changed(data_copy, counted_validation, change):
    assert data.validate(data_copy) == []
    counted_validation.clear()
    target = {
        "figures": "beschut_werk.csv",
        "descriptor": "datapackage.json",
        "schema": "schemas/figures.json",
        "referenced table": "sources.csv",
    }[change]
    path = data_copy / target
    if target.endswith(".json"):
        path.write_bytes(path.read_bytes() + b" ")  # even a change that means nothing
    if target == "sources.csv":
        path.write_text(path.read_text(encoding="utf-8").replace("2013-07-12", "2013-07-19"), encoding="utf-8")
    if target == "beschut_werk.csv":
        rows = _rows(path)
        rows[0]["value"] = "veel"
        _write_rows(path, rows)
    problems = data.validate(data_copy)
    assert "beschut_werk" in counted_validation
    if change == "figures":
        assert [(p.file, p.row, p.column) for p in problems] == [("beschut_werk.csv", 2, "value")]
        counted_validation.clear()
        assert data.validate(data_copy) and "beschut_werk" in counted_validation  # problems are never cached


def test_cache_folder_is_outside_the_data_and_configurable(monkeypatch, tmp_path):
    monkeypatch.delenv(validation.CACHE_ENV, raising=False)
    assert validation.cache_dir() == Path.home() / ".cache" / "participatie" / "validated"
    monkeypatch.setenv(validation.CACHE_ENV, str(tmp_path))
    assert validation.cache_dir() == tmp_path


def test_an_unwritable_cache_only_costs_time(data_copy, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(validation.CACHE_ENV, str(blocker / "cache"))
    assert data.validate(data_copy) == [] and data.validate(data_copy) == []
