"""The data package on disk: where it is, its descriptor, and the files its resources name.

A data directory holds `datapackage.json` (Frictionless Data Package with Table Schemas) and the files
it lists. Data directories come from others (a colleague, a municipality), so nothing here trusts them:
the descriptor must be a local JSON object, and every path it names must be a relative path to a
regular file inside the directory — no URL, no absolute path, no `..`, no symbolic link, no control or
direction character, no compressed file, no file over the size limit — and every schema (inline or a file)
must have the shape frictionless expects, with patterns `untrusted.pattern_problem` accepts. What fails
is reported as a `Problem` (file, row, column, message) that never echoes a target's contents; a problem
shows control characters escaped (`untrusted.terminal`), so a cell cannot drive the terminal it is shown on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .untrusted import (
    BIDI_CONTROLS,
    COMPRESSED_SUFFIXES,
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_JSON_BYTES,
    JsonProblem,
    pattern_problem,
    read_json,
    terminal,
)

DESCRIPTOR = "datapackage.json"
# Custom field property of the descriptor: the column may be left out of a file (see `with_optional_columns`).
OPTIONAL = "x-optional"
# Custom schema property: the primary key of a file that has the optional columns (see `with_optional_columns`).
OPTIONAL_KEY = "x-primaryKeyWithOptional"
MUNICIPALITY_CODE, MUNICIPALITY_NAME = "gemeente_code", "gemeente_naam"
# Custom top-level property of a descriptor whose figures are synthetic (see `tools.synthetic`).
SYNTHETIC = "x-synthetic"
# Resources every chapter needs besides its own tables: the letters and the indicator definitions.
REFERENCE_RESOURCES = ("sources", "indicators")
# Files published beside the resources (see `published_files`).
COMPANION_FILES = ("README.md", "LICENSE.md")
# The page index of each letter (see `page_index`), one JSON file per source id.
LETTERS_DIR = "letters"
_REMOTE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")  # http:, https:, file:, s3:, C: ...
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")
MAX_RESOURCES = 100


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, located by file, row (1 = header) and column."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        row = f"row {self.row}" if self.row is not None else "row -"
        column = f"column {terminal(self.column, False)}" if self.column else "column -"
        return f"{terminal(self.file, False)}, {row}, {column}: {terminal(self.message, False)}"

    def sort_key(self) -> tuple:
        """Return the key that orders problems by file, row and column."""
        return (self.file, self.row or 0, self.column or "", self.message)


class DataValidationError(ValueError):
    """Raised with every problem found in a data directory; each names file, row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the data:\n{lines}")


def bundled_data_dir() -> Path:
    """Return the repository's bundled `data/` directory (the chapters' default `data_dir`)."""
    candidate = Path(__file__).resolve().parents[3] / "data"
    if not (candidate / DESCRIPTOR).is_file():
        raise FileNotFoundError("The bundled data/ directory was not found next to the package; pass data_dir explicitly.")
    return candidate


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """Return the data directory to use (absolute): the given one, or the bundled one when None or empty."""
    if data_dir is None or str(data_dir) == "":
        return bundled_data_dir()
    path = Path(data_dir).expanduser()
    descriptor = path / DESCRIPTOR
    try:
        if not path.exists():
            raise FileNotFoundError(f"data directory {path} does not exist")
        if not path.is_dir():
            raise FileNotFoundError(f"data directory {path} is a file, not a directory")
        if descriptor.is_symlink() or not descriptor.is_file():
            raise FileNotFoundError(f"{descriptor}: no Data Package descriptor (a regular file {DESCRIPTOR}) in {path}")
        return path.resolve()
    except FileNotFoundError:
        raise
    except OSError as error:  # a name too long, a folder without permission ...
        raise FileNotFoundError(f"data directory {path} cannot be read: {error.strerror or error}") from None


def read_descriptor(directory: Path) -> dict:
    """Return the descriptor of a data directory; raise DataValidationError when it is no usable JSON object."""
    try:
        descriptor = read_json(directory / DESCRIPTOR)
    except JsonProblem as error:
        raise DataValidationError([Problem(DESCRIPTOR, error.line, None, str(error))]) from None
    except OSError as error:
        raise DataValidationError([Problem(DESCRIPTOR, None, None, f"cannot be read: {error.strerror}")]) from None
    problems = descriptor_problems(descriptor, directory)
    if problems:
        raise DataValidationError(problems)
    return descriptor


def read_schema(directory: Path, path: str) -> object:
    """Return the JSON value of a schema file the descriptor names (JsonProblem or OSError when unreadable)."""
    return read_json(directory.joinpath(*PurePosixPath(path.replace("\\", "/")).parts))


def descriptor_problems(descriptor: object, directory: Path) -> list[Problem]:
    """Return what makes a descriptor unusable: not an object, no resources, a path that is not local, a bad schema."""
    if not isinstance(descriptor, dict):
        return [Problem(DESCRIPTOR, None, None, "the descriptor must be a JSON object with a list of resources")]
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return [Problem(DESCRIPTOR, None, "resources", "the descriptor lists no resources")]
    if len(resources) > MAX_RESOURCES:
        message = f"the descriptor lists {len(resources):,} resources; at most {MAX_RESOURCES} are allowed"
        return [Problem(DESCRIPTOR, None, "resources", message)]
    problems = []
    names = set()
    for number, resource in enumerate(resources, start=1):
        where = f"resources[{number}]"
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            problems.append(Problem(DESCRIPTOR, None, where, "a resource must be an object with a name"))
            continue
        if resource["name"] in names:
            problems.append(Problem(DESCRIPTOR, None, where, f"resource name {resource['name']!r} appears twice"))
        names.add(resource["name"])
        message = path_problem(resource.get("path"), directory, MAX_FILE_BYTES)
        if message:
            problems.append(Problem(DESCRIPTOR, None, f"{where}.path", message))
        schema = resource.get("schema")
        if isinstance(schema, dict):
            problems += schema_problems(schema, DESCRIPTOR, f"{where}.schema")
        elif schema is not None:
            message = path_problem(schema, directory, MAX_JSON_BYTES)
            if message:
                problems.append(Problem(DESCRIPTOR, None, f"{where}.schema", message))
                continue
            try:
                problems += schema_problems(read_schema(directory, schema), schema, None)
            except JsonProblem as error:
                problems.append(Problem(schema, error.line, None, f"not a valid JSON schema file: {error}"))
            except OSError as error:
                problems.append(Problem(schema, None, None, f"cannot be read: {error.strerror}"))
    return list(dict.fromkeys(problems))  # a schema file shared by several resources: its problems once


def _names(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(item, str) for item in value))


def schema_problems(schema: object, file: str, where: str | None) -> list[Problem]:
    """Return what makes a Table Schema unusable before frictionless reads it: its shape, its size, a
    foreign key to another package, a pattern `untrusted.pattern_problem` refuses."""

    def problem(message: str) -> Problem:
        return Problem(file, None, where, message)

    if not isinstance(schema, dict):
        return [problem("a schema must be a JSON object with a list of fields")]
    fields = schema.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
        return [problem("the schema's fields must be a list of objects, each with a name")]
    if len(fields) > MAX_COLUMNS:
        return [problem(f"the schema has {len(fields):,} fields; at most {MAX_COLUMNS} are allowed")]
    problems = []
    for schema_field in fields:
        name, constraints = schema_field["name"], schema_field.get("constraints", {})
        if not isinstance(schema_field.get("type", ""), str) or not isinstance(constraints, dict):
            problems.append(problem(f"field {name!r}: type must be a string and constraints an object"))
        elif "pattern" in constraints and pattern_problem(constraints["pattern"]):
            problems.append(problem(f"field {name!r}: {pattern_problem(constraints['pattern'])}"))
    if "primaryKey" in schema and not _names(schema["primaryKey"]):
        problems.append(problem("primaryKey must be a field name or a list of field names"))
    if not isinstance(schema.get("missingValues", []), list) or not _names(schema.get("missingValues", [])):
        problems.append(problem("missingValues must be a list of strings"))
    keys = schema.get("foreignKeys", [])
    if not isinstance(keys, list):
        return [*problems, problem("foreignKeys must be a list of objects")]
    for key in keys:
        reference = key.get("reference") if isinstance(key, dict) else None
        if not isinstance(reference, dict) or not _names(key.get("fields")) or not _names(reference.get("fields")):
            problems.append(problem("a foreign key must be an object with fields and a reference (an object with fields)"))
        elif reference.get("package"):
            problems.append(problem("a foreign key may not refer to another package"))
        elif not isinstance(reference.get("resource", ""), str):
            problems.append(problem("a foreign key's reference must name its resource by a string"))
    return problems


def path_problem(value: object, directory: Path, limit: int = MAX_FILE_BYTES) -> str | None:
    """Return why a path from a descriptor may not be read (None: a regular file inside the directory, at
    most `limit` bytes, not compressed)."""
    if not isinstance(value, str) or not value.strip():
        return "must be one relative file path (a list of paths or an empty path is not supported)"
    if _REMOTE.match(value) or value.startswith(("/", "\\", "~")):
        return "must be a relative path inside the data directory (no URL, no absolute path)"
    if _UNPRINTABLE.search(value):
        return "must not contain control, line break or text direction characters"
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if ".." in parts:
        return "must stay inside the data directory (no '..')"
    if value.lower().endswith(COMPRESSED_SUFFIXES):
        return f"{value} is a compressed file; save it uncompressed (compressed files are not read)"
    target = directory.joinpath(*parts)
    try:
        if any(directory.joinpath(*parts[:end]).is_symlink() for end in range(1, len(parts) + 1)):
            return f"{value} is a symbolic link; only regular files inside the data directory are read"
        if not target.exists():
            return f"{value} does not exist"
        if target.is_dir():
            return f"{value} is a directory, not a file"
        if not target.is_file():
            return f"{value} is not a regular file"
        if not target.resolve().is_relative_to(directory.resolve()):
            return "must stay inside the data directory"
        size = target.stat().st_size
        if size > limit:
            return f"{value} has {size:,} bytes; at most {limit:,} are allowed"
    except OSError as error:
        return f"{value} cannot be read: {error.strerror or error}"
    return None


def resource_paths(descriptor: dict) -> dict[str, str]:
    """Return each resource's file path as the descriptor writes it, keyed by resource name."""
    return {r["name"]: r["path"] for r in descriptor["resources"]}


def published_files(directory: Path, descriptor: dict) -> list[str]:
    """Return the files a book publishes for download: the descriptor, its resources and schemas, README, LICENSE.

    Every path has passed `path_problem`; companion files are included only when they are regular files.
    """
    files = [DESCRIPTOR]
    for resource in descriptor["resources"]:
        files.append(resource["path"])
        if isinstance(resource.get("schema"), str):
            files.append(resource["schema"])
    files += [name for name in COMPANION_FILES if (directory / name).is_file() and not (directory / name).is_symlink()]
    return list(dict.fromkeys(files))


def with_optional_columns(schema: dict) -> dict:
    """Return the Table Schema of a file that has the schema's optional columns (a per-gemeente figure table).

    The descriptor marks optional fields `"x-optional": true` with `"fieldsMatch": "superset"`, so the standard's
    tools accept a file with or without them. A file that has them must fill them in every row and is keyed
    by them too (`x-primaryKeyWithOptional`): the schema returned says so in plain Table Schema.
    """
    widened = {key: value for key, value in schema.items() if key != OPTIONAL_KEY}
    optional = {field["name"] for field in schema.get("fields", []) if field.get(OPTIONAL)}
    if not optional:
        return widened
    fields = []
    for field in schema["fields"]:
        if field["name"] in optional:
            field = {key: value for key, value in field.items() if key != OPTIONAL}
            field["constraints"] = {**field.get("constraints", {}), "required": True}
        fields.append(field)
    widened["fields"] = fields
    widened["primaryKey"] = list(schema.get(OPTIONAL_KEY) or schema.get("primaryKey") or [])
    widened["fieldsMatch"] = "equal"
    return widened
