"""Loading and validating the bundled figures against the Data Package descriptor.

The descriptor `data/datapackage.json` (Frictionless Table Schema) is the single source of truth for
the files' columns, types and constraints; `frictionless` checks every row against it, including the
foreign keys to `sources.csv` and `indicators.csv` and the primary key of each figure table. This module
adds only what the descriptor cannot say: a header check by column name (so a missing column is not
reported as a cascade of shifted cells), per-row decoding of non-UTF-8 bytes, empty tables, the
meaning of a period (month 13 or an interval that ends before it starts matches the pattern but is no
period), optional columns, and one municipality name per municipality code.

Optional columns. A Table Schema cannot say that a column may be left out, so the descriptor marks such
fields with the custom property `"x-optional": true` (the municipality columns `gemeente_code` and
`gemeente_naam` of the figure tables). The optional fields of a schema come together: a file has all of
them or none. A file without them is validated against the schema without those fields (and without them
in the primary and foreign keys); every other header check (unknown column, missing required column)
stays as it is.

Validation cache. Checking every row takes a while on large files (about 100,000 rows of municipal data).
After a file validated without problems, the hash of everything the verdict depends on (the file's bytes,
the descriptor and schema files, the tables its foreign keys refer to, the validating code and the
frictionless version) is recorded in a cache directory outside data/: `~/.cache/participatie/validated`,
or the directory in the environment variable `PARTICIPATIE_CACHE_DIR`. A later load of the same bytes
skips the checks; any change to any of those inputs checks the file again. Only clean verdicts are cached.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import frictionless
import pandas as pd
from frictionless import Package, Schema

from . import periods

DESCRIPTOR = "datapackage.json"
# Resources every chapter needs besides its own table: the letters and the indicator definitions.
REFERENCE_RESOURCES = ("sources", "indicators")
# Custom field property of the descriptor: the column may be left out of a file (see the module doc).
OPTIONAL = "x-optional"
MUNICIPALITY_CODE, MUNICIPALITY_NAME = "gemeente_code", "gemeente_naam"
CACHE_ENV = "PARTICIPATIE_CACHE_DIR"
# Custom top-level property of a descriptor whose figures are synthetic (see `synthetic`).
SYNTHETIC = "x-synthetic"


class DataValidationError(ValueError):
    """Raised with every problem found in a data directory; each names file, row and column."""

    def __init__(self, problems: list["Problem"]):
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the data:\n{lines}")


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, located by file, row (1 = header) and column."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = f"row {self.row}" if self.row is not None else "row -"
        column = f"column {self.column}" if self.column else "column -"
        return f"{self.file}, {row}, {column}: {self.message}"

    def sort_key(self) -> tuple:
        """Return the key that orders problems by file, row and column."""
        return (self.file, self.row or 0, self.column or "", self.message)


def bundled_data_dir() -> Path:
    """Return the repository's bundled `data/` directory (the chapters' default `data_dir`)."""
    candidate = Path(__file__).resolve().parents[2] / "data"
    if not (candidate / DESCRIPTOR).is_file():
        raise FileNotFoundError(
            "The bundled data/ directory was not found next to the package; pass data_dir explicitly."
        )
    return candidate


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """Return the data directory to use: the given one, or the bundled one when None."""
    if data_dir is None or str(data_dir) == "":
        return bundled_data_dir()
    path = Path(data_dir).expanduser()
    if not (path / DESCRIPTOR).is_file():
        raise FileNotFoundError(f"{path / DESCRIPTOR}: no Data Package descriptor in data_dir {path}")
    return path


@dataclass
class Dataset:
    """The validated tables of a data directory, as pandas DataFrames keyed by resource name."""

    data_dir: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # resource name -> file, relative to data_dir

    @property
    def sources(self) -> pd.DataFrame:
        """Return the letters: one row per source, indexed by source id."""
        return self.tables["sources"].set_index("id", drop=False)

    @property
    def indicators(self) -> pd.DataFrame:
        """Return the indicator definitions, indexed by indicator id."""
        return self.tables["indicators"].set_index("id", drop=False)

    def figures(self, theme: str) -> pd.DataFrame:
        """Return a theme's figures with parsed periods and the indicator's Dutch label."""
        return self._figures[theme]

    @cached_property
    def _figures(self) -> dict[str, pd.DataFrame]:
        return {
            name: enrich_figures(table, self.indicators)
            for name, table in self.tables.items()
            if name not in REFERENCE_RESOURCES and "indicator" in table.columns
        }


def load(data_dir: str | Path | None = None, resources: list[str] | None = None) -> Dataset:
    """Return the validated dataset; raise DataValidationError listing every problem at once.

    `resources` limits loading to some tables (the reference tables are always loaded).
    """
    directory = resolve_data_dir(data_dir)
    package = Package(str(directory / DESCRIPTOR))
    names = [resource.name for resource in package.resources]
    wanted = names if resources is None else [*REFERENCE_RESOURCES, *[r for r in resources if r not in REFERENCE_RESOURCES]]
    unknown = [name for name in wanted if name not in names]
    if unknown:
        raise DataValidationError(
            [Problem(DESCRIPTOR, None, None, f"no resource named {name!r} in the descriptor") for name in unknown]
        )
    problems = [problem for name in wanted for problem in validate_resource(package, name, directory)]
    if problems:
        raise DataValidationError(sorted(problems, key=Problem.sort_key))
    return Dataset(directory, {name: _read_table(package, name, directory) for name in wanted},
                   {name: package.get_resource(name).path for name in wanted})


def validate(data_dir: str | Path | None = None) -> list[Problem]:
    """Return every problem in every file of a data directory (an empty list when it is valid)."""
    directory = resolve_data_dir(data_dir)
    package = Package(str(directory / DESCRIPTOR))
    return sorted((p for resource in package.resources for p in validate_resource(package, resource.name, directory)), key=Problem.sort_key)


def validate_resource(package: Package, name: str, directory: Path) -> list[Problem]:
    """Return the problems of one resource of the package: header, encoding, cells, keys, periods.

    A file whose bytes (and everything else the verdict depends on) already validated without
    problems is not checked again (see the module doc on the validation cache). The resource's schema
    is narrowed to the optional columns the file has.
    """
    resource = package.get_resource(name)
    path = directory / resource.path
    file = resource.path
    if not path.is_file():
        return [Problem(file, None, None, "file is missing")]
    raw = path.read_bytes()
    if not raw.strip():
        return [Problem(file, 1, None, "file is empty (a header and at least one row are required)")]
    problems = _decoding_problems(file, raw)
    if problems:
        return problems  # cell checks on undecodable text would only repeat the same fault
    text = raw.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)), [])
    if len(text.strip().splitlines()) < 2:
        return [Problem(file, 2, None, "table has a header but no rows")]
    problems += _narrow_schema(resource, header)
    key = _cache_key(package, resource, directory, raw)
    if not problems and _cache_hit(key):
        return []
    report = resource.validate()
    key_columns = "+".join(resource.schema.primary_key)
    for task in report.tasks:
        for error in task.errors:
            problems.append(_problem_from_error(file, error, key_columns, resource))
    if "period" in header:
        problems += _period_problems(file, text)
    if MUNICIPALITY_CODE in header and MUNICIPALITY_NAME in header:
        problems += _municipality_name_problems(file, text)
    if not problems:
        _cache_store(key, file)
    return problems


def optional_fields(schema: Schema) -> list[str]:
    """Return the names of a schema's optional fields (marked `"x-optional": true` in the descriptor)."""
    return [field.name for field in schema.fields if field.custom.get(OPTIONAL)]


def _narrow_schema(resource, header: list[str]) -> list[Problem]:
    """Drop the optional fields a file lacks from its resource's schema; report an incomplete set.

    The optional fields of a schema come together: a file with some but not all of them gets one
    problem per missing column (row 1), and its present optional columns are still checked.
    """
    optional = optional_fields(resource.schema)
    absent = [name for name in optional if name not in header]
    if not absent:
        return []
    problems = []
    if len(absent) < len(optional):
        together = ", ".join(optional)
        problems = [Problem(resource.path, 1, name, f"column is missing: the optional columns {together} come together "
                            "(all of them or none)") for name in absent]
    descriptor = resource.schema.to_descriptor()
    descriptor["fields"] = [f for f in descriptor["fields"] if f["name"] not in absent]
    if problems and set(descriptor.get("primaryKey", [])) & set(absent):
        descriptor.pop("primaryKey")  # a key without its column would report every municipality's row twice
    elif "primaryKey" in descriptor:
        descriptor["primaryKey"] = [f for f in descriptor["primaryKey"] if f not in absent]
    if "foreignKeys" in descriptor:
        descriptor["foreignKeys"] = [fk for fk in descriptor["foreignKeys"] if not set(fk["fields"]) & set(absent)]
    resource.schema = Schema.from_descriptor(descriptor)
    return problems


def _municipality_name_problems(file: str, text: str) -> list[Problem]:
    """Return a problem for every row whose municipality name differs from the code's first name."""
    try:
        frame = pd.read_csv(io.StringIO(text), usecols=[MUNICIPALITY_CODE, MUNICIPALITY_NAME], dtype=str,
                            keep_default_na=False)
    except (pd.errors.ParserError, ValueError):
        return []  # a malformed table: frictionless reports its rows
    frame = frame.assign(row=range(2, len(frame) + 2)).loc[lambda f: f[MUNICIPALITY_CODE] != ""]
    first = frame.drop_duplicates(MUNICIPALITY_CODE).set_index(MUNICIPALITY_CODE)
    expected = frame[MUNICIPALITY_CODE].map(first[MUNICIPALITY_NAME])
    bad = frame.loc[frame[MUNICIPALITY_NAME] != expected]
    return [
        Problem(file, int(row), MUNICIPALITY_NAME,
                f"name {name!r} differs from {first.at[code, MUNICIPALITY_NAME]!r}, the name of {code} in row "
                f"{first.at[code, 'row']} (one name per municipality code)")
        for code, name, row in zip(bad[MUNICIPALITY_CODE], bad[MUNICIPALITY_NAME], bad["row"])
    ]


# --- validation cache ----------------------------------------------------------------------------

def cache_dir() -> Path:
    """Return the directory that records validated files (`PARTICIPATIE_CACHE_DIR`, or the default)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    return Path.home() / ".cache" / "participatie" / "validated"


def _code_digest() -> bytes:
    """Return a digest of what decides a verdict besides the data: this code and frictionless."""
    digest = hashlib.sha256(frictionless.__version__.encode())
    for module in (__file__, periods.__file__):
        digest.update(Path(module).read_bytes())
    return digest.digest()


def _cache_key(package: Package, resource, directory: Path, raw: bytes) -> str:
    """Return the hash of every input of a resource's verdict: code, descriptor, schema, file, references."""
    digest = hashlib.sha256(_code_digest())
    descriptor = (directory / DESCRIPTOR).read_bytes()
    digest.update(descriptor)
    schema_path = next((r.get("schema") for r in json.loads(descriptor).get("resources", [])
                        if r.get("name") == resource.name and isinstance(r.get("schema"), str)), None)
    if schema_path and (directory / schema_path).is_file():
        digest.update((directory / schema_path).read_bytes())
    digest.update(json.dumps(resource.schema.to_descriptor(), sort_keys=True).encode())  # narrowed schema
    digest.update(f"\0{resource.name}\0{resource.path}\0".encode())
    digest.update(hashlib.sha256(raw).digest())
    referenced = sorted({fk["reference"].get("resource") or resource.name for fk in resource.schema.foreign_keys})
    for name in referenced:
        other = package.get_resource(name) if package.has_resource(name) else None
        other_path = directory / other.path if other is not None else None
        digest.update(f"\0{name}\0".encode())
        digest.update(hashlib.sha256(other_path.read_bytes()).digest() if other_path and other_path.is_file() else b"-")
    return digest.hexdigest()


def _cache_hit(key: str) -> bool:
    return (cache_dir() / key).is_file()


def _cache_store(key: str, file: str) -> None:
    """Record a clean verdict; a cache that cannot be written only costs time, so errors are ignored."""
    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        (directory / key).write_text(f"{file}\n", encoding="utf-8")
    except OSError:
        pass


def _decoding_problems(file: str, raw: bytes) -> list[Problem]:
    try:
        raw.decode("utf-8")
        return []  # the common case: no line needs to be looked at
    except UnicodeDecodeError:
        pass
    problems = []
    header: list[str] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        try:
            text = line.decode("utf-8")
            if number == 1:
                header = next(csv.reader([text.lstrip("\ufeff")]), [])
        except UnicodeDecodeError as error:
            before = line[: error.start].decode("utf-8", errors="replace")
            index = len(next(csv.reader([before]), [""])) - 1 if before else 0
            column = header[index] if 0 <= index < len(header) else f"#{index + 1}"
            problems.append(
                Problem(file, number, column, f"bytes {line[error.start:error.end]!r} are not UTF-8 (save the file as UTF-8)")
            )
    return problems


def _problem_from_error(file: str, error, key_columns: str, resource) -> Problem:
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None) or None
    if error.type == "extra-label":
        return Problem(file, 1, getattr(error, "label", None) or "(blank)", "unknown column (not in the descriptor)")
    if error.type == "missing-label":
        return Problem(file, 1, column, "required column is missing")
    if error.type == "duplicate-label":
        return Problem(file, 1, getattr(error, "label", None), "column appears more than once")
    if error.type == "primary-key":
        column = key_columns
        message = "duplicate key: another row has the same " + key_columns.replace("+", ", ")
    elif error.type == "foreign-key":
        references = resource.schema.foreign_keys
        column = next(
            (
                fk["fields"][0]
                for fk in references
                if f'"{fk["fields"][0]}"' in error.message or fk["fields"][0] in error.message
            ),
            None,
        )
        message = error.message.split(": ", 1)[-1]
    elif error.type in {"extra-cell", "missing-cell"}:
        message = error.message
        column = column or "(row length)"
    else:
        message = error.message
    return Problem(file, row, column, f"[{error.type}] {message}")


def _period_problems(file: str, text: str) -> list[Problem]:
    problems = []
    verdicts: dict[str, str | None] = {}  # period text -> error message (None: a real period)
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        value = (row.get("period") or "").strip()
        if not value:
            continue  # a missing period is reported by the schema's `required`
        if value not in verdicts:
            try:
                periods.parse(value)
                verdicts[value] = None
            except ValueError as error:
                verdicts[value] = str(error)
        if verdicts[value] is not None:
            problems.append(Problem(file, number, "period", verdicts[value]))
    return problems


def _read_table(package: Package, name: str, directory: Path) -> pd.DataFrame:
    resource = package.get_resource(name)
    types = {f.name: f.type for f in resource.schema.fields}  # narrowed to the file's optional columns
    dtype = {column: "string" for column, kind in types.items() if kind in {"string", "date"}}
    frame = pd.read_csv(directory / resource.path, dtype=dtype, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    types = {column: kind for column, kind in types.items() if column in frame.columns}
    for column, kind in types.items():
        if kind == "boolean":
            frame[column] = frame[column].astype("string").str.lower().map({"true": True, "false": False}).astype(bool)
        elif kind == "integer":
            frame[column] = frame[column].astype("Int64")
        elif kind == "number":
            frame[column] = frame[column].astype(float)
    return frame


def enrich_figures(table: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Return a figure table with parsed periods (start, end, Dutch label) and the indicator's label."""
    parsed = table["period"].map({text: periods.parse(text) for text in table["period"].unique()})
    return table.assign(
        label=table["indicator"].map(indicators["label"]),
        period_start=parsed.map(lambda p: p.start),
        period_end=parsed.map(lambda p: p.end),
        period_label=parsed.map(lambda p: p.label),
    )


def descriptor(data_dir: str | Path | None = None) -> dict:
    """Return the Data Package descriptor of a data directory as a dict."""
    return json.loads((resolve_data_dir(data_dir) / DESCRIPTOR).read_text(encoding="utf-8"))
