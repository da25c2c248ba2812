"""Reading one CSV file of a data directory as the checks and the loader will see it, or saying why not.

Every check of `validation` runs on the header and rows this module returns, so a file that would make a
check look away is refused here first, by file, row and column: bytes that are not UTF-8, a line the CSV
reader cannot parse, Excel's `sep=` line, a semicolon-separated export, more than `MAX_COLUMNS` columns,
a column name with a space around it, and any cell `untrusted.cell_problem` refuses (control characters,
digits of another script, spaces at either end, too long). Line endings may be LF, CRLF or CR alone.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .package import Problem
from .untrusted import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    PATTERN_SECONDS,
    PLAIN_CELL,
    PatternTimeout,
    cell_problem,
    pattern_problem,
    time_limit,
)

PATTERN = "x-participatie-pattern"  # where `validation` keeps a field's pattern, which it checks itself
_EXCEL_SEPARATOR = re.compile(r"\s*sep\s*=.?\s*", re.IGNORECASE)


@dataclass
class Table:
    """A parsed file: its header and rows (dicts, row 2 is the first), and why it cannot be checked further."""

    header: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False  # the problems are of the file as a whole: no other check can run on it


def read(file: str, raw: bytes) -> Table:
    """Return a file's header, rows and the problems of its text (see the module's rules)."""
    if not raw.strip():
        return _fatal(file, 1, None, "file is empty (a header and at least one row are required)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # no cell checks: on undecodable text they would repeat the fault
        return Table(problems=decoding_problems(file, raw), fatal=True)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems = []
    records: list[list[str]] = []
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS:
                message = f"the row has {len(record):,} cells; at most {MAX_COLUMNS} columns are allowed"
                return _fatal(file, len(records) + 1, None, message)
            records.append(record)
    except csv.Error as error:
        return _fatal(file, len(records) + 1, None, f"the CSV text cannot be read here (line {reader.line_num}): {error}")
    header = records[0] if records else []
    line = ",".join(header)
    if len(header) <= 2 and _EXCEL_SEPARATOR.fullmatch(line):
        message = f"the first line {line!r} is a spreadsheet's note on the separator, not the header; delete that line"
        return _fatal(file, 1, None, message)
    if header and line.count(";") > len(header) - 1:
        message = "the columns are separated by semicolons (;), as a Dutch spreadsheet exports 'CSV'; save the file as "
        return _fatal(file, 1, None, message + "'CSV UTF-8 (comma-separated)' or replace the separators by commas")
    for index, name in enumerate(header):
        message = cell_problem(name)
        if message:
            problems.append(Problem(file, 1, name or f"#{index + 1}", f"column name: {message}"))
    if problems:
        return Table(header, problems=problems, fatal=True)
    if len(records) < 2:
        return _fatal(file, 2, None, "table has a header but no rows")
    rows = []
    plain = PLAIN_CELL.fullmatch  # the common case, checked inline: a cell of printable ASCII without edge spaces
    for number, record in enumerate(records[1:], start=2):
        for index, cell in enumerate(record):
            message = cell_problem(cell) if cell and (len(cell) > MAX_CELL_CHARS or not plain(cell)) else None
            if message:
                column = header[index] if index < len(header) else f"#{index + 1}"
                problems.append(Problem(file, number, column, message))
        rows.append(dict(zip(header, record)))
    return Table(header, rows, problems)


def _fatal(file: str, row: int, column: str | None, message: str) -> Table:
    return Table(problems=[Problem(file, row, column, message)], fatal=True)


def decoding_problems(file: str, raw: bytes) -> list[Problem]:
    """Return a problem for every line with bytes that are not UTF-8, naming the column."""
    problems = []
    header: list[str] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        try:
            text = line.decode("utf-8")
            if number == 1:
                header = next(csv.reader([text.lstrip("\ufeff")]), [])
        except UnicodeDecodeError as error:
            before = line[: error.start].decode("utf-8", errors="replace")
            try:
                index = len(next(csv.reader([before]), [""])) - 1 if before else 0
            except csv.Error:
                index = -1
            column = header[index] if 0 <= index < len(header) else f"#{index + 1}"
            message = f"bytes {line[error.start : error.end]!r} are not UTF-8 (save the file as UTF-8)"
            problems.append(Problem(file, number, column, message))
    return problems


def pattern_problems(file: str, schema, rows: list[dict]) -> list[Problem]:
    """Return a problem per cell that does not match its field's pattern (kept as PATTERN by `validation`).

    A pattern is a full match (the Table Schema rule). All patterns of a file together may take
    PATTERN_SECONDS; a pattern that takes longer is reported once, at the row where time ran out.
    """
    problems: list[Problem] = []
    name, pattern, number = "", "", 1
    try:
        with time_limit(PATTERN_SECONDS):
            for schema_field in schema.fields:
                name, pattern = schema_field.name, schema_field.custom.get(PATTERN)
                if pattern is None or pattern_problem(pattern):
                    continue  # a refused pattern is reported with the descriptor
                compiled, verdicts = re.compile(pattern), {}
                for number, row in enumerate(rows, start=2):
                    value = row.get(name) or ""
                    if value and verdicts.setdefault(value, compiled.fullmatch(value) is not None) is False:
                        message = f"[constraint-error] the value {value!r} does not match the field's pattern {pattern}"
                        problems.append(Problem(file, number, name, message))
    except PatternTimeout:
        message = f"checking the field's pattern {pattern} took more than {PATTERN_SECONDS:g} seconds (stopped at this row)"
        problems.append(Problem(file, number, name, message + "; the pattern backtracks: simplify it"))
    return problems
