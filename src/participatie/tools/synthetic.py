"""Synthetic per-gemeente data: a complete, clearly labelled data directory for tests and benchmarks.

The figures in `data/` are national. To test the municipal dimension of the data model (and the speed of
loading, validating and charting on large files), `generate` writes a copy of a data directory whose
figure tables hold, for every bundled figure, one row per municipality:

- **Municipalities.** No package on the registries this project can reach ships the CBS list of the 342
  municipalities offline (`cbsodata` and the like fetch it from CBS at run time, which the book never
  does). The generator therefore invents them: codes `GM9001` to `GM9342` and names
  `Synthetische gemeente 001` to `342`. The codes have the real form (`GM` and four digits), but CBS has
  never given a municipality a code from 9000 up, so no synthetic code can be mistaken for a real one.
- **Periods.** Each figure keeps its own period, and `years - 1` extra periods are made by shifting the
  period back by 10, 20, ... years (`2017-01/2017-05` → `2007-01/2007-05`). A shifted row is skipped
  when its figure (indicator, dimension, category, period) already exists, so no synthetic period ever
  collides with a real one.
- **Values.** A count or an amount (a unit in `ADDITIVE_UNITS`) is split over the municipalities
  with seeded random shares (a size per municipality, the same for every figure, times a little noise
  per figure), in the figure's printed decimals, by largest remainder: the municipal values add up
  *exactly* to the national one. Any other value (a percentage, a number of hours or
  months) gets a seeded deviation per municipality whose mean over the municipalities is exactly zero.
  Shares and deviations depend on the figure and its period, not on the letter, so letters that agree
  nationally agree in every municipality too. Aggregating back (`data.editions.national`) therefore gives the
  bundled figures exactly. Single municipal values are not plausible: they are for testing only, and
  a small national count leaves many municipalities at zero (a municipal edition of an analysis that
  divides by such a figure fails for them).
- **Labels.** The descriptor's name and title say SYNTHETISCH and it carries `"x-synthetic": true`
  (chapters run on such data show a note saying so); every note starts with `SYNTHETISCH: `, and the
  README of the directory starts with a warning. Synthetic data is never written into the repository and
  never shown in the published book.
- **Where.** As `rerun` writes OUT (`outdir`): never into the repository or the source data, never over a
  folder this command did not write. The directory is made in a private staging folder beside OUT and moved
  into place when complete; it holds the marker `.participatie-synthetic`, and only a folder with that marker
  is replaced, with --force (a descriptor that merely says `"x-synthetic": true` proves nothing). An
  existing empty folder is filled in place.

    python -m participatie synthetic --out DIR [--seed N] [--years K] [--municipalities N]
"""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from ..data import package as data
from ..data import periods
from ..data.values import ADDITIVE_UNITS
from . import outdir

MARKER = ".participatie-synthetic"

MUNICIPALITIES = 342
FIRST_CODE = 9001  # CBS municipality codes have never reached 9000
DEFAULT_SEED = 2018
YEAR_STEP = 10  # extra periods lie 10, 20, ... years before the real ones
LABEL = "SYNTHETISCH"
NOTE_PREFIX = f"{LABEL}: "
FIGURE_SCHEMA = "schemas/figures.json"
SIZE_SPREAD = 1.0  # sigma of the log-normal municipal sizes
SHARE_NOISE = 0.05  # sigma of the log-normal noise on each figure's shares (small: figures stay in proportion)
DEVIATION = 0.10  # largest relative deviation of a non-additive municipal value
MIN_ROWS = 100_000
# Enough periods for at least MIN_ROWS rows from the bundled 180 figures (180 × 342 × 2 = 123,120).
DEFAULT_YEARS = 2
_YEAR = re.compile(r"(?<![\d-])(\d{4})")  # a year at the start of a period or of its end
FIGURE_KEY = ["indicator", "dimension", "category", "period"]


def municipalities(count: int = MUNICIPALITIES) -> pd.DataFrame:
    """Return the synthetic municipalities: code (GM9001 …) and name (Synthetische gemeente 001 …)."""
    if not 1 <= count <= MUNICIPALITIES:
        raise ValueError(f"the number of municipalities must be between 1 and {MUNICIPALITIES}")
    numbers = np.arange(1, count + 1)
    return pd.DataFrame(
        {
            data.MUNICIPALITY_CODE: [f"GM{FIRST_CODE + i - 1:04d}" for i in numbers],
            data.MUNICIPALITY_NAME: [f"Synthetische gemeente {i:03d}" for i in numbers],
        }
    )


def shift_period(period: str, years: int) -> str | None:
    """Return a period moved back by whole years, or None when it does not exist then (29 February)."""
    shifted = _YEAR.sub(lambda m: f"{int(m.group(1)) - years:04d}", period)
    try:
        periods.parse(shifted)
    except ValueError:
        return None
    return shifted


def generate(
    out: str | Path,
    *,
    seed: int = DEFAULT_SEED,
    years: int = DEFAULT_YEARS,
    source: str | Path | None = None,
    count: int = MUNICIPALITIES,
    force: bool = False,
) -> dict[str, int]:
    """Write a synthetic per-gemeente data directory to `out`; return the rows written per figure table.

    `source` defaults to the bundled data directory. `out` must not exist, be empty, or (with force) hold an
    earlier directory of this command, proved by its marker (FileExistsError otherwise); the same seed and
    years always give the same bytes.
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    source_dir = data.resolve_data_dir(source)
    places = municipalities(count)
    try:
        target = Path(out).expanduser()
        if target.is_symlink():
            raise outdir.RerunError(f"{target} is a symbolic link; synthetic writes only to a real folder")
        target = target.resolve()
        outdir.check_out(target, {"repository": outdir.REPO, "source data directory": source_dir})
        _replaceable(target, force)
        target.parent.mkdir(parents=True, exist_ok=True)
        with outdir.Lock(target):
            _replaceable(target, force)
            outdir.remove_stale_staging(target)
            staging = outdir.staging_folder(target)
            try:
                folder = staging / "data"
                written = _write(folder, source_dir, places, seed, years)
                outdir.mark(folder, None, MARKER, "participatie synthetic")
                outdir.replace(folder, target, MARKER)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    except outdir.RerunError as error:
        raise FileExistsError(str(error)) from None
    return written


def _replaceable(target: Path, force: bool) -> None:
    try:
        outdir.check_replaceable(target, force, "OUT", MARKER, "synthetic")
    except outdir.RerunError as error:
        if "was not written by" in str(error):
            raise outdir.RerunError(
                f"{target} is not empty and holds no synthetic data written by this command (no {MARKER} in it); "
                "it is never replaced, even with --force: choose an empty or new directory"
            ) from None
        raise


def _write(target: Path, source_dir: Path, places: pd.DataFrame, seed: int, years: int) -> dict[str, int]:
    """Write the synthetic directory into a new folder `target` (a copy of the source with municipal tables)."""
    shutil.copytree(source_dir, target, symlinks=True)
    descriptor = data.read_descriptor(source_dir)
    written = {}
    for index, resource in enumerate(descriptor["resources"]):
        if resource.get("schema") != FIGURE_SCHEMA:
            continue
        table = pd.read_csv(source_dir / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8-sig")
        rng = np.random.default_rng([seed, index])
        synthetic = municipal_table(table, places, rng, years)
        synthetic.to_csv(target / resource["path"], index=False, lineterminator="\n", encoding="utf-8")
        written[resource["name"]] = len(synthetic)
    # The tables now have the municipality columns: their schema says so in plain Table Schema (required,
    # keyed), so that `frictionless validate` accepts the directory as our validation does.
    if written:
        schema = json.loads((source_dir / FIGURE_SCHEMA).read_text(encoding="utf-8"))
        widened = json.dumps(data.with_optional_columns(schema), indent=2, ensure_ascii=False)
        (target / FIGURE_SCHEMA).write_text(widened + "\n", encoding="utf-8")
    descriptor["name"] = f"{LABEL.lower()}-{descriptor['name']}"
    descriptor["title"] = f"{LABEL} — {descriptor['title']}"
    descriptor["description"] = (
        f"{LABEL}: synthetic per-municipality data for tests and benchmarks, not real figures. "
        + descriptor.get("description", "")
    )
    descriptor[data.SYNTHETIC] = True
    (target / data.DESCRIPTOR).write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    readme = target / "README.md"
    original = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    readme.write_text(
        f"# {LABEL}E GEGEVENS — NIET ECHT\n\nDeze map is gemaakt door `python -m participatie synthetic` "
        f"(seed {seed}, {years} periode(n) per cijfer) voor tests en metingen. De gemeenten en hun cijfers zijn "
        "verzonnen; opgeteld (of gemiddeld) per cijfer geven ze de landelijke cijfers uit de brieven.\n\n---\n\n" + original,
        encoding="utf-8",
    )
    return written


def municipal_table(table: pd.DataFrame, places: pd.DataFrame, rng: np.random.Generator, years: int) -> pd.DataFrame:
    """Return a national figure table (all columns as text) split into one row per municipality and period."""
    base = _with_extra_periods(table, years)
    group = base.groupby(FIGURE_KEY, sort=True).ngroup().to_numpy()
    groups, count = group.max() + 1, len(places)
    sizes = rng.lognormal(0.0, SIZE_SPREAD, count)
    weights = sizes * rng.lognormal(0.0, SHARE_NOISE, (groups, count))
    shares = weights / weights.sum(axis=1, keepdims=True)
    deviations = rng.uniform(-DEVIATION, DEVIATION, (groups, count))
    deviations -= deviations.mean(axis=1, keepdims=True)

    decimals = base["value"].str.extract(r"\.(\d+)$")[0].str.len().fillna(0).astype(int).to_numpy()
    scale = 10.0**decimals
    units = np.rint(base["value"].astype(float).to_numpy() * scale).astype(np.int64)  # value in printed decimals
    additive = base["unit"].isin(ADDITIVE_UNITS).to_numpy()
    split = np.sign(units)[:, None] * _round_to_totals(np.abs(units)[:, None] * shares[group], np.abs(units))
    spread = units[:, None] + _round_to_totals(units[:, None] * deviations[group], np.zeros_like(units))
    values = np.where(additive[:, None], split, spread)  # rows × municipalities, in printed decimals

    rows = len(base)
    frame = base.loc[base.index.repeat(count)].reset_index(drop=True)
    frame[data.MUNICIPALITY_CODE] = np.tile(places[data.MUNICIPALITY_CODE].to_numpy(), rows)
    frame[data.MUNICIPALITY_NAME] = np.tile(places[data.MUNICIPALITY_NAME].to_numpy(), rows)
    frame["value"] = _format_units(values.ravel(), np.repeat(decimals, count))
    frame["note"] = NOTE_PREFIX + frame["note"]
    return frame


def _with_extra_periods(table: pd.DataFrame, years: int) -> pd.DataFrame:
    """Return the table followed by copies shifted back 10, 20, ... years, skipping colliding figures."""
    taken = set(map(tuple, table[FIGURE_KEY].to_numpy()))
    parts = [table]
    for step in range(1, years):
        back = YEAR_STEP * step
        shifted = table.assign(period=table["period"].map(lambda p, back=back: shift_period(p, back)))
        shifted = shifted.loc[shifted["period"].notna()]
        keys = list(map(tuple, shifted[FIGURE_KEY].to_numpy()))
        shifted = shifted.loc[[k not in taken for k in keys]]
        taken.update(map(tuple, shifted[FIGURE_KEY].to_numpy()))
        parts.append(shifted)
    return pd.concat(parts, ignore_index=True)


def _round_to_totals(exact: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Return integers, each the floor or ceiling of `exact`, whose rows add up to `totals` (largest remainder)."""
    floor = np.floor(exact)
    remainder = exact - floor
    short = np.clip(totals - floor.sum(axis=1).astype(np.int64), 0, exact.shape[1])
    order = np.argsort(-remainder, axis=1, kind="stable")
    bump = np.zeros_like(floor)
    np.put_along_axis(bump, order, (np.arange(exact.shape[1])[None, :] < short[:, None]).astype(float), axis=1)
    result = (floor + bump).astype(np.int64)
    if not np.array_equal(result.sum(axis=1), totals):
        raise ArithmeticError("municipal values do not add up to the national value")
    return result


def _format_units(units: np.ndarray, decimals: np.ndarray) -> np.ndarray:
    """Return integers in 10^-decimals as decimal text (1234, 2 → '12.34'; -5, 1 → '-0.5'), exactly (decimal)."""
    texts = [f"{Decimal(unit).scaleb(-places):f}" for unit, places in zip(units.tolist(), decimals.tolist())]
    return np.array(texts, dtype=object)
