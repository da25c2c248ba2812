"""Loading a validated data directory into typed pandas tables: one `Dataset` per load.

Nothing is read before it validated (`validate`); a data directory with any problem raises
`DataValidationError` listing every problem at once, by file, row and column. Unicode direction controls
are removed from every string of the tables and the descriptor here, where the data enter the book
(`untrusted.without_bidi`): they would reverse the book's own text around a value.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from . import periods
from .package import (
    REFERENCE_RESOURCES,
    SYNTHETIC,
    DataValidationError,
    read_descriptor,
    read_schema,
    resolve_data_dir,
)
from .untrusted import BIDI_CONTROLS, without_bidi
from .validation import validate

_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))
_BIDI_BYTES = [character.encode("utf-8") for character in BIDI_CONTROLS]


@dataclass
class Dataset:
    """The validated tables of a data directory, as pandas DataFrames keyed by resource name."""

    data_dir: Path
    descriptor: dict
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

    @property
    def synthetic(self) -> bool:
        """Return whether the descriptor marks the figures as synthetic (never for publication)."""
        return bool(self.descriptor.get(SYNTHETIC))

    def figures(self, name: str) -> pd.DataFrame:
        """Return a figure table with parsed periods and the indicator's label (municipal rows as they are)."""
        return self._figures[name]

    @cached_property
    def _figures(self) -> dict[str, pd.DataFrame]:
        return {
            name: enrich_figures(table, self.indicators)
            for name, table in self.tables.items()
            if name not in REFERENCE_RESOURCES and "indicator" in table.columns
        }


def load(data_dir: str | Path | None = None, resources: list[str] | None = None) -> Dataset:
    """Return the validated dataset (all resources, or those named plus the reference tables).

    Raises DataValidationError listing every problem of the files it reads. Loading the same unchanged
    files again in one process returns a copy of the first load.
    """
    directory = resolve_data_dir(data_dir)
    found = _load(directory, None if resources is None else tuple(resources), _fingerprint(directory))
    return Dataset(found.data_dir, found.descriptor, {n: t.copy() for n, t in found.tables.items()}, dict(found.paths))


def _fingerprint(directory: Path) -> tuple:
    return tuple(
        sorted((p.relative_to(directory).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in directory.rglob("*"))
    )


# Datasets this process validated and read, by directory, resources and the files' sizes and times: a page
# that opens the same data again (the text snapshots render every page in one process) reads them once.
@lru_cache(maxsize=8)
def _load(directory: Path, resources: tuple[str, ...] | None, fingerprint: tuple) -> Dataset:
    descriptor = read_descriptor(directory)
    entries = {entry["name"]: entry for entry in descriptor["resources"]}
    wanted = list(entries) if resources is None else list(dict.fromkeys([*REFERENCE_RESOURCES, *resources]))
    problems = validate(directory, wanted)
    if problems:
        raise DataValidationError(problems)
    tables = {name: _read_table(entries[name], directory) for name in wanted}
    return Dataset(directory, without_bidi(descriptor), tables, {name: entries[name]["path"] for name in wanted})


def _read_table(entry: dict, directory: Path) -> pd.DataFrame:
    """Return a validated resource's file as a table, each column typed as its schema field (no type: string)."""
    schema = entry.get("schema") or {"fields": []}
    schema = read_schema(directory, schema) if isinstance(schema, str) else schema
    raw = (directory / entry["path"]).read_bytes()
    bidi = any(character in raw for character in _BIDI_BYTES)  # rare: translating every cell costs seconds
    frame = pd.read_csv(
        io.BytesIO(raw), dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig", compression=None
    )
    for schema_field in schema.get("fields", []):
        column, kind = schema_field["name"], schema_field.get("type", "string")
        if column not in frame.columns:
            continue  # an optional column the file leaves out
        if kind in {"string", "date"}:
            frame[column] = frame[column].astype("string")
            if bidi:
                frame[column] = frame[column].str.translate(_NO_BIDI)
        elif kind == "boolean":
            frame[column] = frame[column].str.lower().map({"true": True, "false": False}).astype(bool)
        elif kind == "integer":
            frame[column] = pd.to_numeric(frame[column]).astype("Int64")
        elif kind == "number":
            frame[column] = pd.to_numeric(frame[column]).astype(float)
    return frame


def enrich_figures(table: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Return a figure table with parsed periods (start, end, kind) and the indicator's label from indicators.csv."""
    parsed = table["period"].map({text: periods.parse(text) for text in table["period"].unique()})
    return table.assign(
        label=table["indicator"].map(indicators["label"]),
        period_start=parsed.map(lambda p: p.start),
        period_end=parsed.map(lambda p: p.end),
        period_kind=parsed.map(lambda p: p.kind),
    )
