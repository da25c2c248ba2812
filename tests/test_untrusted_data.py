"""Data directories come from others: never misread a number, never read outside the package, one clear message."""

from __future__ import annotations

import json

import pytest

from participatie.data import DataValidationError, validate, validation
from participatie.data.package import read_descriptor
from participatie.tools import cli

from helpers import read_rows, write_rows


def _set(path, match: dict, column: str, value: str) -> int:
    rows, fields = read_rows(path)
    hits = [n for n, row in enumerate(rows, start=2) if all(row.get(k) == v for k, v in match.items())]
    for n in hits:
        rows[n - 2][column] = value
    write_rows(path, rows, fields)
    return hits[0]


COUNT_ROW = {"indicator": "working_sheltered_workplace", "period": "2018-03-31"}  # 1465 personen


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("1.465", "Dutch thousands separator: write 1465 for 1465 personen"),
        ("1.5", "not a whole number"),
        ("-3", "negative count"),
        ("NaN", "not a finite number"),
        ("inf", "not a finite number"),
        ("-INF", "not a finite number"),
        ("-0", "negative zero"),
        ("1e9", "not written as a plain number"),
        ("123456789012", "larger than any count"),
    ],
)
def test_a_count_must_be_a_plain_whole_non_negative_number(data_copy, value, fragment):
    row = _set(data_copy / "beschut_werk.csv", COUNT_ROW, "value", value)
    problems = [p for p in validate(data_copy) if p.file == "beschut_werk.csv" and p.row == row and p.column == "value"]
    assert problems and any(fragment in p.message for p in problems), problems


def test_money_may_have_three_decimals_but_not_be_absurd(data_copy):
    path = data_copy / "bijstand_financiering.csv"
    match = {"indicator": "participation_budget", "category": "totaal", "period": "2017"}
    _set(path, match, "value", "612.709")
    assert validate(data_copy) == []
    row = _set(path, match, "value", "9999999999999")
    assert any(p.row == row and "larger than any figure" in p.message for p in validate(data_copy))


def test_a_semicolon_separated_export_is_recognised(data_copy):
    path = data_copy / "beschut_werk.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",", ";"), encoding="utf-8")
    [problem] = [p for p in validate(data_copy) if p.file == "beschut_werk.csv"]
    assert problem.row == 1 and "semicolons" in problem.message and "comma" in problem.message


def test_a_directory_where_a_file_is_expected(data_copy):
    (data_copy / "beschut_werk.csv").unlink()
    (data_copy / "beschut_werk.csv").mkdir()
    problems = validate(data_copy)
    assert [(p.file, p.message) for p in problems] == [("datapackage.json", "beschut_werk.csv is a directory, not a file")]


def _descriptor(data_dir):
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def _write_descriptor(data_dir, descriptor):
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


@pytest.mark.parametrize(
    "path, fragment",
    [
        ("https://example.org/figures.csv", "no URL"),
        ("file:///etc/passwd", "no URL"),
        ("/etc/passwd", "no absolute path"),
        ("../outside.csv", "no '..'"),
        ("schemas/../../outside.csv", "no '..'"),
        ("~/figures.csv", "no absolute path"),
        ("", "one relative file path"),
        (["a.csv", "b.csv"], "one relative file path"),
    ],
)
def test_the_descriptor_may_not_point_outside_the_directory(data_copy, path, fragment):
    descriptor = _descriptor(data_copy)
    descriptor["resources"][2]["path"] = path
    _write_descriptor(data_copy, descriptor)
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].file == "datapackage.json" and fragment in problems[0].message


def test_a_remote_schema_is_refused(data_copy):
    descriptor = _descriptor(data_copy)
    descriptor["resources"][2]["schema"] = "https://example.org/schema.json"
    _write_descriptor(data_copy, descriptor)
    [problem] = validate(data_copy)
    assert problem.column == "resources[3].schema" and "no URL" in problem.message


def test_a_symbolic_link_is_refused_without_echoing_its_target(data_copy, tmp_path):
    secret = tmp_path / "secret.csv"
    secret.write_text("indicator,value\nhunter2,1\n", encoding="utf-8")
    (data_copy / "beschut_werk.csv").unlink()
    (data_copy / "beschut_werk.csv").symlink_to(secret)
    [problem] = validate(data_copy)
    assert "symbolic link" in problem.message and "hunter2" not in str(problem) and str(secret) not in str(problem)


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[]", "must be a JSON object"),
        (b'{"resources": []}', "lists no resources"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"resources": [{"path": "x.csv"}]}', "must be an object with a name"),
    ],
)
def test_a_malformed_descriptor_gives_one_clear_message(data_copy, content, fragment, capsys):
    (data_copy / "datapackage.json").write_bytes(content)
    problems = validate(data_copy)
    assert len(problems) == 1 and fragment in problems[0].message
    with pytest.raises(DataValidationError):
        read_descriptor(data_copy)
    capsys.readouterr()
    # the command, in this process (an exception it did not turn into a message would fail the test here)
    assert cli.main(["validate", "--data-dir", str(data_copy)]) == 1
    said = capsys.readouterr().err
    assert fragment in said and "Traceback" not in said and len(said.strip().splitlines()) <= 3, said


def test_a_foreign_key_to_another_package_is_refused(data_copy):
    descriptor = _descriptor(data_copy)
    descriptor["resources"][0]["schema"]["foreignKeys"] = [
        {
            "fields": ["id"],
            "reference": {"package": "https://example.org/datapackage.json", "resource": "x", "fields": ["id"]},
        }
    ]
    _write_descriptor(data_copy, descriptor)
    assert any("another package" in p.message for p in validate(data_copy))


# --- the validation cache never turns a bad file into a pass -----------------------------------------


@pytest.fixture
def cache(monkeypatch, tmp_path):
    folder = tmp_path / "cache"
    monkeypatch.setenv(validation.CACHE_ENV, str(folder))
    return folder


def test_a_corrupt_or_foreign_cache_entry_is_no_pass(data_copy, cache):
    assert validate(data_copy) == []
    entries = sorted(cache.iterdir())
    assert entries and all(json.loads(e.read_text())["verdict"] == "valid" for e in entries)
    row = _set(data_copy / "beschut_werk.csv", COUNT_ROW, "value", "1.465")
    # Someone plants "valid" verdicts for every key the bad file could have: without the right content they count for nothing.
    for entry in entries:
        entry.write_text("valid")
    problems = validate(data_copy)
    assert any(p.row == row for p in problems)
    assert not any(
        json.loads(e.read_text()).get("verdict") == "invalid" for e in cache.iterdir() if e.read_text() != "valid"
    )


def test_an_entry_of_another_validator_version_is_no_pass(data_copy, cache, monkeypatch):
    assert validate(data_copy) == []
    monkeypatch.setattr(validation, "validator_version", lambda: "another version")
    counted = []
    from frictionless import Resource

    original = Resource.validate
    monkeypatch.setattr(Resource, "validate", lambda self, *a, **k: counted.append(self.name) or original(self, *a, **k))
    assert validate(data_copy) == [] and "beschut_werk" in counted


def test_a_changed_page_index_is_checked_again(data_copy, cache):
    assert validate(data_copy) == []
    index_path = data_copy / "letters" / "ek-34775-ak.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["pages"][1]["numbers"] = [n for n in index["pages"][1]["numbers"] if n != "1.465"]
    index_path.write_text(json.dumps(index), encoding="utf-8")
    assert any(p.column == "page" and "1465" in p.message for p in validate(data_copy))


def test_a_changed_referenced_table_is_checked_again(data_copy, cache):
    # beschut_werk's verdict depends on sources.csv (its foreign key): a letter removed from it is found again.
    assert validate(data_copy, ["beschut_werk"]) == []
    rows, fields = read_rows(data_copy / "sources.csv")
    write_rows(data_copy / "sources.csv", [row for row in rows if row["id"] != "tk-34352-56"], fields)
    problems = validate(data_copy, ["beschut_werk"])
    assert any(p.file == "beschut_werk.csv" and p.column == "source_id" for p in problems), problems


def test_a_changed_schema_file_is_checked_again(data_copy, cache):
    assert validate(data_copy, ["beschut_werk"]) == []
    path = data_copy / "schemas" / "figures.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    value = next(f for f in schema["fields"] if f["name"] == "value")
    value.setdefault("constraints", {})["maximum"] = 1
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert any(p.file == "beschut_werk.csv" and p.column == "value" for p in validate(data_copy, ["beschut_werk"]))


def test_a_load_whose_verdicts_are_all_recorded_reads_without_frictionless(data_copy, cache):
    # The point of the cache for a kernel: opening validated data again neither checks rows nor imports frictionless.
    import subprocess
    import sys

    code = "import sys; from participatie.data import load; load(sys.argv[1]); print('frictionless' in sys.modules)"
    said = [
        subprocess.run([sys.executable, "-c", code, str(data_copy)], capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert said == ["True\n", "False\n"]
