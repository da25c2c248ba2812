"""Data from others, second round: what the checks exist to refuse is refused (whatever the file's form), what
untrusted input can cost is bounded, every failure is a message by file, row and column, and no string from
the data drives a terminal or reverses the book's text. Unit-level: the validator, the escapes, the CLI in
process (the end-to-end rerun of this round is in test_untrusted_paths)."""

from __future__ import annotations

import csv
import gzip
import json
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from participatie.data import DataValidationError, load, package, untrusted, validate
from participatie.data.editions import InvalidMunicipalityCode, check_municipality_code
from participatie.data.package import Problem
from participatie.presentation import escape, tables
from participatie.tools import cli, rerun

from conftest import DATA
from helpers import read_rows

COUNT_ROW = {"indicator": "working_sheltered_workplace", "period": "2018-03-31"}  # 1465 personen, printed in ek-34775-ak


@contextmanager
def within(seconds: float):
    """Fail (instead of hanging) when the block takes longer than `seconds` (a signal timer, main thread)."""

    def expire(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _edit(path: Path, match: dict, column: str, value: str) -> int:
    """Set a cell in the rows matching `match` (written with the csv module: quoted where needed); return the row."""
    rows, fields = read_rows(path)
    number = next(n for n, row in enumerate(rows, start=2) if all(row[k] == v for k, v in match.items()))
    rows[number - 2][column] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return number


def _at(problems: list[Problem], file: str, row: int, column: str | None = None) -> list[Problem]:
    return [p for p in problems if p.file == file and p.row == row and (column is None or p.column == column)]


def _descriptor(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def _write_descriptor(data_dir: Path, descriptor: dict) -> None:
    (data_dir / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


# --- never accept what the checks exist to refuse ----------------------------------------------------------


def test_excels_separator_line_is_refused_not_a_reason_to_look_away(data_copy):
    path = data_copy / "beschut_werk.csv"
    _edit(path, COUNT_ROW, "value", "1.465")
    path.write_text("sep=,\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    [problem] = [p for p in validate(data_copy) if p.file == "beschut_werk.csv"]
    assert problem.row == 1 and "sep=," in problem.message and "delete that line" in problem.message


def test_a_column_name_with_a_space_is_refused(data_copy):
    path = data_copy / "beschut_werk.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("value,unit", "value ,unit", 1), encoding="utf-8")
    problems = _at(validate(data_copy), "beschut_werk.csv", 1, "value ")
    assert problems and "space" in problems[0].message


@pytest.mark.parametrize(
    "column, value, fragment",
    [
        ("value", "１４６５", "digit in another script"),  # full-width: Python reads 1465, so provenance passed
        ("value", "١٤٦٥", "digit in another script"),  # Arabic-Indic
        ("value", "\u00a01465", "starts or ends with white space"),  # a leading no-break space
        ("period", "٢٠١٨-03-31", "digit in another script"),
        ("period", "2018-03-31\n", "ends with white space"),  # '$' in a pattern allows a final newline
        ("note", "goed\x1b[2J", "control character (\\x1b)"),
        ("note", "x" * (untrusted.MAX_CELL_CHARS + 1), f"at most {untrusted.MAX_CELL_CHARS:,}"),
    ],
)
def test_text_the_loader_would_misread_is_refused_by_row_and_column(data_copy, column, value, fragment):
    row = _edit(data_copy / "beschut_werk.csv", COUNT_ROW, column, value)
    problems = _at(validate(data_copy), "beschut_werk.csv", row, column)
    assert any(fragment in p.message for p in problems), problems
    with pytest.raises(DataValidationError):
        load(data_copy)


def test_a_key_written_twice_in_two_scripts_is_not_two_keys(data_copy):
    path = data_copy / "beschut_werk.csv"
    rows, fields = read_rows(path)
    twin = {**next(row for row in rows if row["period"] == "2015"), "period": "２０１５"}
    with open(path, "a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow(twin)
    assert _at(validate(data_copy), "beschut_werk.csv", len(rows) + 2, "period"), "the twin row must be refused"


@pytest.mark.parametrize("code", ["GM0363\n", "GM٠٣٦٣", "GM０３６３"])
def test_gemeente_codes_are_ascii_and_whole(code, tmp_path):
    with pytest.raises(InvalidMunicipalityCode):
        check_municipality_code(code)
    with pytest.raises(rerun.RerunError, match="not a CBS municipality code"):
        rerun.rerun(DATA, tmp_path / "out", ["beschut_werk"], gemeente=code, show_progress=False)


# --- never hang, never run out of memory ---------------------------------------------------------------------


def _figure_pattern(data_dir: Path, field: str, pattern: str) -> None:
    path = data_dir / "schemas" / "figures.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f["name"] == field).setdefault("constraints", {})["pattern"] = pattern
    path.write_text(json.dumps(schema), encoding="utf-8")


def test_a_backtracking_pattern_is_refused_before_it_runs(data_copy):
    _figure_pattern(data_copy, "note", "(a+)+b")
    _edit(data_copy / "beschut_werk.csv", COUNT_ROW, "note", "a" * 40 + "!")
    with within(30):
        problems = validate(data_copy)
    assert any("exponential time" in p.message and p.file == "schemas/figures.json" for p in problems), problems


def test_a_slow_pattern_the_rule_cannot_see_is_stopped_in_time(data_copy, monkeypatch):
    from participatie.data import table

    monkeypatch.setattr(table, "PATTERN_SECONDS", 1.0)
    _figure_pattern(data_copy, "note", "a*a*a*a*a*a*a*a*a*a*b")  # no nesting, but polynomial backtracking
    row = _edit(data_copy / "beschut_werk.csv", COUNT_ROW, "note", "a" * 1500)
    started = time.monotonic()
    with within(30):
        problems = _at(validate(data_copy, ["beschut_werk", "sources", "indicators"]), "beschut_werk.csv", row, "note")
    assert problems and "took more than 1 seconds" in problems[0].message and time.monotonic() - started < 20


def test_a_compressed_resource_is_refused(data_copy):
    raw = (data_copy / "sources.csv").read_bytes()
    (data_copy / "sources.csv.gz").write_bytes(gzip.compress(raw))
    descriptor = _descriptor(data_copy)
    descriptor["resources"][0]["path"] = "sources.csv.gz"
    _write_descriptor(data_copy, descriptor)
    [problem] = validate(data_copy)
    assert problem.column == "resources[1].path" and "compressed" in problem.message


def test_ten_thousand_columns_are_refused_at_once_also_for_a_foreign_key_lookup(data_copy):
    rows, fields = read_rows(data_copy / "sources.csv")  # every figure table's foreign key refers to it
    extra = [f"c{i}" for i in range(10_000)]
    with open(data_copy / "sources.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([*fields, *extra])
        writer.writerows([[row[f] for f in fields] + ["1"] * len(extra) for row in rows])
    with within(60):
        problems = validate(data_copy)
    assert [(p.file, p.row) for p in problems] == [("sources.csv", 1)]
    assert f"at most {untrusted.MAX_COLUMNS} columns" in problems[0].message


def test_a_file_over_the_size_limit_is_refused_unread(data_copy, monkeypatch):
    monkeypatch.setattr(package, "MAX_FILE_BYTES", 10_000)
    problems = validate(data_copy)
    assert any(p.column and p.column.endswith(".path") and "bytes; at most 10,000" in p.message for p in problems)


def test_a_long_word_is_cut_for_the_print_edition(tmp_path):
    from participatie.book import pdf

    word = ("arbeidsbeperking" * 125)[: untrusted.MAX_CELL_CHARS]  # the longest word validation lets through
    table = f'<table class="pp-table"><tr><th>a</th><th>b</th></tr><tr><td>label {word} einde</td><td>1</td></tr></table>'
    book = tmp_path / "html"
    book.mkdir()
    (book / "index.html").write_text(
        '<html lang="nl"><body><p class="logo__title">Proef</p><nav class="bd-docs-nav"></nav>'
        f'<article class="bd-article"><section id="s"><h2>Kop</h2>{table}</section></article></body></html>',
        encoding="utf-8",
    )
    page = pdf.Page("index", book / "index.html", None, "Kop")
    printed, _ = pdf.print_article(page, book, {})
    assert max(len(piece) for piece in printed.replace("\u200b", " ").split()) <= 80
    started = time.monotonic()
    with within(120):
        built = pdf.build(book, tmp_path / "proef.pdf", DATA)  # as the print edition is made: the book's own fonts
    assert built.pages >= 1 and time.monotonic() - started < 10  # unbroken and hyphenated: over 100 s for 2,000 characters


# --- a message, never a traceback -------------------------------------------------------------------------------


def _deep(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("where", ["descriptor", "schema", "page index"])
def test_deeply_nested_json_is_a_message(data_copy, where):
    if where == "descriptor":
        descriptor = _descriptor(data_copy)
        (data_copy / "datapackage.json").write_text(json.dumps(descriptor)[:-1] + f', "x": {_deep()}}}', encoding="utf-8")
        file = "datapackage.json"
    elif where == "schema":
        (data_copy / "schemas" / "figures.json").write_text(_deep(), encoding="utf-8")
        file = "schemas/figures.json"
    else:
        (data_copy / "letters" / "tk-29817-126.json").write_text(_deep(), encoding="utf-8")
        file = "letters/tk-29817-126.json"
    problems = validate(data_copy)
    assert [p.file for p in problems] == [file] and "nested" in problems[0].message


def test_a_deeply_nested_compare_to_is_a_message(data_copy, tmp_path):
    (data_copy / "schemas" / "figures.json").write_text(_deep(), encoding="utf-8")
    with pytest.raises(rerun.RerunError, match="nested more than"):
        rerun.rerun(DATA, tmp_path / "out", ["beschut_werk"], compare_to=data_copy, show_progress=False)


@pytest.mark.parametrize(
    "schema, fragment",
    [
        ({"fields": [{"name": "id", "type": "string"}], "foreignKeys": 5}, "foreignKeys must be a list"),
        ({"fields": [{"name": "id", "type": "string"}], "primaryKey": 5}, "primaryKey must be"),
        ({"fields": 5}, "fields must be a list"),
        ({"fields": [{"name": "id", "constraints": 5}]}, "constraints an object"),
        ({"fields": [{"name": "id", "constraints": {"pattern": "("}}]}, "not a valid pattern"),
    ],
)
def test_a_schema_of_the_wrong_shape_is_a_message(data_copy, schema, fragment):
    descriptor = _descriptor(data_copy)
    descriptor["resources"][0]["schema"] = schema
    _write_descriptor(data_copy, descriptor)
    problems = validate(data_copy)
    assert problems and any(fragment in p.message for p in problems), problems


def test_cr_only_line_endings_are_read(data_copy):
    path = data_copy / "beschut_werk.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert validate(data_copy) == []
    assert len(load(data_copy).tables["beschut_werk"]) == len(read_rows(DATA / "beschut_werk.csv")[0])


def test_a_schema_with_a_byte_order_mark_validates_and_is_described(data_copy):
    from participatie.book import appendix, open_book

    path = data_copy / "schemas" / "figures.json"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(data_copy) == []
    dictionary = appendix.data_dictionary(open_book(data_copy))
    assert "gemeente_code" not in set(dictionary["field"]) and "value" in set(dictionary["field"])


def test_a_path_too_long_for_the_system_is_a_message(tmp_path, capsys):
    long = tmp_path / ("x" * 300)
    assert cli.main(["validate", "--data-dir", str(long)]) == 1
    assert "File name too long" in capsys.readouterr().err
    assert cli.main(["rerun", "--data-dir", str(DATA), "--out", str(long / "out"), "--no-progress"]) == 1
    assert "File name too long" in capsys.readouterr().err


def test_escape_sequences_in_the_data_never_reach_the_terminal(data_copy, capsys):
    payload = "\x1b[2J\x1b[H0 problem(s)\x1b]52;c;aGFja2Vk\x07\u202e"
    _edit(data_copy / "beschut_werk.csv", COUNT_ROW, "value", payload)
    assert cli.main(["validate", "--data-dir", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "\\x1b[2J" in err and not any(c in err for c in "\x1b\x07\u202e")
    problem = Problem("a\x1b[2J.csv", 2, "note\u202e", "bad\ncell \x9b")
    assert str(problem).isprintable() and "\\x1b" in str(problem) and "\\u202e" in str(problem)


# --- never spoof: direction controls ----------------------------------------------------------------------------


def test_direction_controls_are_removed_from_every_context():
    reversed_text = "over \u202e2011 en 2012\u202c"
    for escaped in (escape.html_text(reversed_text), escape.markdown(reversed_text), escape.script_json([reversed_text])):
        assert not set(escaped) & set(untrusted.BIDI_CONTROLS), escaped
    assert "\u202e" not in tables.html(pd.DataFrame({"kolom\u2067": [reversed_text]}))


def test_direction_controls_are_removed_where_the_data_enter(data_copy):
    row = _edit(data_copy / "beschut_werk.csv", COUNT_ROW, "note", "over \u202e2011 en 2012")
    descriptor = _descriptor(data_copy)
    descriptor["title"] = "\u2066Cijfers\u2069"
    _write_descriptor(data_copy, descriptor)
    dataset = load(data_copy)
    assert dataset.tables["beschut_werk"]["note"].iloc[row - 2] == "over 2011 en 2012"
    assert dataset.descriptor["title"] == "Cijfers"
