"""The data package by the standard's own tool: `frictionless validate` says VALID for the bundled data, for
the data the built book publishes and for a synthetic per-gemeente directory, as a user who downloads them
and checks them would run it; and the project's own validation keeps its stricter checks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from participatie import data
from participatie.data import package

from conftest import BUILD_HTML, DATA
from helpers import read_rows, write_rows

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _standard_verdict(directory: Path) -> dict:
    """Run `frictionless validate --json DIR/datapackage.json` (the standard CLI) and return its report."""
    assert FRICTIONLESS.is_file(), f"{FRICTIONLESS} is missing (frictionless installs it)"
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", str(directory / package.DESCRIPTOR)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stdout)
    invalid = {task["name"]: [e["message"] for e in task["errors"]][:3] for task in report["tasks"] if not task["valid"]}
    assert result.returncode == (0 if report["valid"] else 1), result.stderr[-2000:]
    return {"valid": report["valid"], "tasks": len(report["tasks"]), "invalid": invalid}


def _resources(directory: Path) -> int:
    return len(package.read_descriptor(directory)["resources"])


def test_the_bundled_data_are_valid_by_the_standard_cli():
    assert _standard_verdict(DATA) == {"valid": True, "tasks": _resources(DATA), "invalid": {}}


def test_the_published_downloads_are_valid_by_the_standard_cli():
    published = BUILD_HTML / "_static" / "data"
    if not (published / package.DESCRIPTOR).is_file():
        pytest.fail("the book is not built: run `make html` (make test does) first")
    files = package.published_files(DATA, package.read_descriptor(DATA))
    stale = [name for name in files if (published / name).read_bytes() != (DATA / name).read_bytes()]
    assert not stale, f"the built book publishes other data than data/ (run make html): {stale}"
    assert _standard_verdict(published) == {"valid": True, "tasks": _resources(DATA), "invalid": {}}


def test_a_per_gemeente_directory_from_the_command_is_valid_by_the_standard_cli(tmp_path):
    out = tmp_path / "gemeenten"
    made = subprocess.run(
        [sys.executable, "-m", "participatie", "synthetic", "--out", str(out), "--municipalities", "3"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    assert _standard_verdict(out) == {"valid": True, "tasks": _resources(DATA), "invalid": {}}


def test_the_standard_cli_still_finds_a_missing_required_column_and_a_duplicate(data_copy):
    # "superset" lets a file leave out only the fields that are neither required nor keyed.
    path = data_copy / "beschut_werk.csv"
    rows, fields = read_rows(path)
    write_rows(path, [*rows, rows[0]], [field for field in fields if field != "unit"])
    verdict = _standard_verdict(data_copy)
    assert not verdict["valid"] and set(verdict["invalid"]) == {"beschut_werk"}
    report = frictionless.validate(str(data_copy / package.DESCRIPTOR))
    types = {error.type for task in report.tasks for error in task.errors}
    assert {"missing-label", "primary-key"} <= types


def test_our_validation_still_wants_every_column_of_a_national_table(data_copy):
    # The standard tool accepts a table without an optional-by-the-standard column (qualifier is not required);
    # the project's validation expects every non-municipal column, as before.
    path = data_copy / "beschut_werk.csv"
    rows, fields = read_rows(path)
    write_rows(path, rows, [field for field in fields if field != "qualifier"])
    assert _standard_verdict(data_copy)["valid"]
    problems = [p for p in data.validate(data_copy) if p.file == "beschut_werk.csv"]
    assert [(p.row, p.column, p.message) for p in problems] == [(1, "qualifier", "required column is missing")]
