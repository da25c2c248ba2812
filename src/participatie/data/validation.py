"""Validating a data directory against its Data Package descriptor, row by row.

The descriptor (`datapackage.json`, Frictionless Table Schemas) is the single source of truth for the files'
columns, types and constraints, foreign keys and primary keys; `frictionless` checks every row against it.
This module adds what the descriptor cannot say. First the text of every file as `table` reads it (and the
limits of `untrusted`), so that no check looks away from a file the loader would read differently; then empty
tables, periods (`periods`), values (`values`), optional columns, one municipality name per code, and
provenance: a figure citing a letter with a page index (`page_index`) must be printed on the cited page.
Patterns are checked here, in bounded time (`table.pattern_problems`), not by frictionless; and frictionless
never sees a file over the limits: a foreign key to a table that failed them is left out.

Optional columns (`"x-optional": true`, the municipality columns of the figure tables) come together: a file
has all of them or none, and a file with them is checked against `package.with_optional_columns`.

Validation cache. A file that validated without problems gets a verdict outside data/
(`~/.cache/participatie/validated`, or `$PARTICIPATIE_CACHE_DIR`), keyed by the hash of everything the verdict
depends on (the file's bytes, descriptor and schema, the tables its foreign keys refer to, the page indexes,
this code and frictionless). Only an entry that parses, names the same key and validator and says "valid" skips the row
checks; anything else validates again. Problems are never cached. The key is computed from the files as
written, so a check whose every file has a verdict does not import frictionless at all.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import package, page_index, periods, table, untrusted, values
from .package import (
    DESCRIPTOR,
    LETTERS_DIR,
    MUNICIPALITY_CODE,
    MUNICIPALITY_NAME,
    OPTIONAL,
    DataValidationError,
    Problem,
    read_descriptor,
    read_schema,
    resolve_data_dir,
    with_optional_columns,
)

if TYPE_CHECKING:  # frictionless is imported where a file is checked: a load whose verdicts are all cached skips it
    from frictionless import Package

CACHE_ENV = "PARTICIPATIE_CACHE_DIR"
CACHE_FORMAT = 4


def validate(data_dir: str | Path | None = None, resources: list[str] | None = None) -> list[Problem]:
    """Return every problem in the files of a data directory (all resources, or those named), sorted."""
    directory = resolve_data_dir(data_dir)
    try:
        descriptor = read_descriptor(directory)
    except DataValidationError as error:
        return error.problems
    names = [entry["name"] for entry in descriptor["resources"]]
    unknown = [name for name in resources or [] if name not in names]
    if unknown:
        return [Problem(DESCRIPTOR, None, None, f"no resource named {name!r} in the descriptor") for name in unknown]
    wanted = names if resources is None else [n for n in names if n in resources]
    indexes, index_problems = _indexes(directory)
    keys = _cache_keys(directory, descriptor, wanted, indexes)
    if all(_cache_hit(key) for key in keys.values()):
        return sorted(index_problems, key=Problem.sort_key)  # these very files passed every check before
    try:
        package = frictionless_package(directory, descriptor)
    except DataValidationError as error:
        return error.problems
    unsafe = _unsafe_references(package, directory)
    problems = index_problems + [
        p for name in wanted for p in validate_resource(package, name, directory, indexes, unsafe, keys[name])
    ]
    return sorted(problems, key=Problem.sort_key)


def _unsafe_references(package: Package, directory: Path) -> set[str]:
    """Return the tables other tables' foreign keys refer to that frictionless may not read (see `table`)."""
    referenced = {
        key["reference"].get("resource") or resource.name
        for resource in package.resources
        for key in resource.schema.foreign_keys
    }
    return {
        name
        for name in referenced
        if package.has_resource(name) and table.read(name, (directory / package.get_resource(name).path).read_bytes()).fatal
    }


def frictionless_package(directory: Path, descriptor: dict) -> Package:
    """Return the frictionless Package of a data directory, built from a checked, local-only descriptor.

    Only the keys validation needs are passed on (no profiles, no remote schemas, no dialects), each
    schema is read from its local file, and frictionless reads files relative to the directory.
    """
    import frictionless

    resources = []
    for resource in descriptor["resources"]:
        schema = resource.get("schema") or {"fields": []}
        schema = read_schema(directory, schema) if isinstance(schema, str) else copy.deepcopy(schema)
        for schema_field in schema.get("fields", []):
            constraints = schema_field.get("constraints") or {}
            if "pattern" in constraints:  # checked by table.pattern_problems, in bounded time
                schema_field[table.PATTERN] = constraints.pop("pattern")
        csv = {"format": "csv", "encoding": "utf-8", "dialect": {"csv": {"delimiter": ","}}}
        resources.append({"name": resource["name"], "path": resource["path"], "schema": schema, **csv})
    try:
        return frictionless.Package.from_descriptor({"resources": resources}, basepath=str(directory))
    except frictionless.FrictionlessException as error:
        message = error.error.message
    except Exception as error:  # a shape of schema frictionless cannot read that `schema_problems` let through
        message = f"{type(error).__name__}: {error}"
    raise DataValidationError([Problem(DESCRIPTOR, None, None, f"not a valid Data Package: {message}")])


def validate_resource(
    package: Package, name: str, directory: Path, indexes: dict, unsafe: set[str], key: str
) -> list[Problem]:
    """Return the problems of one resource (text, header, cells, keys, periods, values, provenance).

    `unsafe`: tables that failed `table`'s checks (no foreign key lookups in them); `key`: see `_cache_keys`."""
    if _cache_hit(key):
        return []  # these very bytes passed every check, the text checks included
    resource = package.get_resource(name)
    file = resource.path
    parsed = table.read(file, (directory / file).read_bytes())
    if parsed.fatal:
        return parsed.problems
    header, rows = parsed.header, parsed.rows
    problems = parsed.problems + _narrow_schema(resource, header, unsafe)
    try:
        report = resource.validate()
    except Exception as error:  # frictionless failing on a file is a problem of the file, not a traceback
        message = f"frictionless could not check the file: {type(error).__name__}: {error}"
        return [*problems, Problem(file, None, None, message)]
    for task in report.tasks:
        problems += [_problem_from_error(file, error, resource) for error in task.errors]
    problems += table.pattern_problems(file, resource.schema, rows)
    if "period" in header:
        problems += _period_problems(file, rows)
    if "value" in header and "unit" in header:
        problems += values.problems(file, rows)
    if MUNICIPALITY_CODE in header and MUNICIPALITY_NAME in header:
        problems += _municipality_name_problems(file, rows)
    if {"source_id", "page"} <= set(header) and indexes:
        field = "value" if "value" in header else "scale_value" if "scale_value" in header else None
        if field:
            # A municipal figure is printed in no letter (letters give national figures): only national rows count.
            national = [{**row, field: ""} if row.get(MUNICIPALITY_CODE) else row for row in rows]
            problems += [
                Problem(file, row, "page", message)
                for row, message in page_index.missing_figure_rows(national, indexes, value_field=field)
            ]
    if not problems:
        _cache_store(key, file)
    return problems


def _indexes(directory: Path) -> tuple[dict, list[Problem]]:
    folder = directory / LETTERS_DIR
    if not folder.is_dir() or folder.is_symlink():
        return {}, []
    indexes, problems = {}, []
    for path in sorted(folder.glob("*.json")):
        try:
            if path.is_symlink() or not path.is_file():
                raise ValueError("a page index must be a regular file")
            index = page_index.read_index(path)
        except (OSError, ValueError) as error:
            problems.append(Problem(f"{LETTERS_DIR}/{path.name}", None, None, str(error)))
        else:
            indexes[index["source_id"]] = index
    return indexes, problems


def _narrow_schema(resource, header: list[str], unsafe: set[str]) -> list[Problem]:
    """Fit a schema with optional fields to the file: with them (`with_optional_columns`: required and keyed)
    or without; drop foreign keys to `unsafe` tables; report an incomplete set of optional fields."""
    from frictionless import Schema

    descriptor = resource.schema.to_descriptor()
    optional = [field["name"] for field in descriptor.get("fields", []) if field.get(OPTIONAL)]
    absent = [name for name in optional if name not in header]
    message = f"column is missing: the optional columns {', '.join(optional)} come together (all of them or none)"
    problems = [Problem(resource.path, 1, name, message) for name in absent] if len(absent) < len(optional) else []
    if optional:
        descriptor = with_optional_columns(descriptor)
        descriptor["fields"] = [f for f in descriptor["fields"] if f["name"] not in absent]
        if problems and set(descriptor.get("primaryKey", [])) & set(absent):
            descriptor.pop("primaryKey")  # a key without its column would report every municipality's row twice
        elif "primaryKey" in descriptor:
            descriptor["primaryKey"] = [f for f in descriptor["primaryKey"] if f not in absent]
    if "foreignKeys" in descriptor:
        descriptor["foreignKeys"] = [
            fk
            for fk in descriptor["foreignKeys"]
            if (fk["reference"].get("resource") or resource.name) not in unsafe and not set(fk["fields"]) & set(absent)
        ]
    resource.schema = Schema.from_descriptor(descriptor)
    return problems


def _municipality_name_problems(file: str, rows: list[dict]) -> list[Problem]:
    """Return a problem for every row whose municipality name differs from the code's first name."""
    first: dict[str, tuple[str, int]] = {}
    problems = []
    for number, row in enumerate(rows, start=2):
        code, name = row.get(MUNICIPALITY_CODE) or "", row.get(MUNICIPALITY_NAME) or ""
        if not code:
            continue
        known, where = first.setdefault(code, (name, number))
        if name != known:
            message = f"name {name!r} differs from {known!r}, the name of {code} in row {where}"
            problems.append(Problem(file, number, MUNICIPALITY_NAME, message + " (one name per municipality code)"))
    return problems


def _period_problems(file: str, rows: list[dict]) -> list[Problem]:
    problems, verdicts = [], {}  # period text -> error message (None: a real period)
    for number, row in enumerate(rows, start=2):
        value = (row.get("period") or "").strip()
        if value and value not in verdicts:  # a missing period is reported by the schema's `required`
            verdicts[value] = None
            try:
                periods.parse(value)
            except ValueError as error:
                verdicts[value] = str(error)
        if verdicts.get(value):
            problems.append(Problem(file, number, "period", verdicts[value]))
    return problems


def _problem_from_error(file: str, error, resource) -> Problem:
    row, message = getattr(error, "row_number", None), error.message
    column = getattr(error, "field_name", None) or None
    if error.type == "extra-label":
        return Problem(file, 1, getattr(error, "label", None) or "(blank)", "unknown column (not in the descriptor)")
    if error.type == "missing-label":
        return Problem(file, 1, column, "required column is missing")
    if error.type == "duplicate-label":
        return Problem(file, 1, getattr(error, "label", None), "column appears more than once")
    if error.type == "primary-key":
        column = "+".join(resource.schema.primary_key)
        message = "duplicate key: another row has the same " + column.replace("+", ", ")
    elif error.type == "foreign-key":
        column = next((fk["fields"][0] for fk in resource.schema.foreign_keys if fk["fields"][0] in message), None)
        message = message.split(": ", 1)[-1]
    elif error.type in {"extra-cell", "missing-cell"}:
        column = column or "(row length)"
    return Problem(file, row, column, f"[{error.type}] {message}")


# --- validation cache ----------------------------------------------------------------------------


def cache_dir() -> Path:
    """Return the directory that records validated files (`PARTICIPATIE_CACHE_DIR`, or the default)."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "participatie" / "validated").expanduser()


@functools.cache
def validator_version() -> str:
    """Return a digest of what decides a verdict besides the data: the validating code and frictionless."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{metadata.version('frictionless')}\0{pd.__version__}".encode())
    for path in (__file__, *(module.__file__ for module in (periods, values, page_index, table, untrusted, package))):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()


def _cache_keys(directory: Path, descriptor: dict, names: list[str], indexes: dict) -> dict[str, str]:
    """Return per resource the hash of every input of its verdict ("" if a file is unreadable), each file hashed
    once as written: code, descriptor, schema, file, referenced files (`_narrow_schema` fits to them), indexes."""

    @functools.cache
    def sha(path: str) -> bytes:
        return hashlib.sha256((directory / path).read_bytes()).digest()

    entries, keys, indexed = {e["name"]: e for e in descriptor["resources"]}, {}, json.dumps(indexes, sort_keys=True)
    for name in names:
        try:
            digest = hashlib.sha256(f"{validator_version()}\0{name}\0{entries[name]['path']}\0".encode())
            schema = entries[name].get("schema") or {"fields": []}
            digest.update(sha(DESCRIPTOR) + (sha(schema) if isinstance(schema, str) else b"-"))  # schema file as written
            schema = read_schema(directory, schema) if isinstance(schema, str) else schema
            digest.update(json.dumps(schema, sort_keys=True).encode() + sha(entries[name]["path"]))
            foreign_keys = (schema.get("foreignKeys") or []) if isinstance(schema, dict) else []
            for other in sorted({(fk.get("reference") or {}).get("resource") or name for fk in foreign_keys}):
                path = entries[other]["path"] if other in entries else None
                found = path is not None and (directory / path).is_file()
                digest.update(f"\0{other}\0".encode() + (sha(path) if found else b"-"))
            digest.update(indexed.encode())
            keys[name] = digest.hexdigest()
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            keys[name] = ""
    return keys


def _cache_hit(key: str) -> bool:
    """Return whether a valid verdict is recorded for exactly these inputs (a corrupt entry is no hit)."""
    if not key:
        return False
    try:
        entry = json.loads((cache_dir() / key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(entry, dict)
        and entry.get("key") == key
        and entry.get("verdict") == "valid"
        and entry.get("validator") == validator_version()
    )


def _cache_store(key: str, file: str) -> None:
    """Record a valid verdict; a cache that cannot be written only costs time, so errors are ignored."""
    if not key:
        return
    entry = {"key": key, "verdict": "valid", "validator": validator_version(), "file": file}
    try:
        directory = cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / f".{key}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")
        temporary.replace(directory / key)
    except OSError:
        pass
