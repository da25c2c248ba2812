"""The synthetic per-gemeente data: size, labels, determinism, exact re-aggregation, no period collisions,
and a chapter run on it that prints the same numbers as on the bundled data, on a small page."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from participatie.book import open_book, open_chapter
from participatie.data import editions, load, package, periods
from participatie.data.package import read_descriptor
from participatie.themes import BY_NAME
from participatie.tools import cli, synthetic

from conftest import CHAPTERS, DATA
from helpers import glued, papermill

FIGURE_TABLES = [
    r["name"]
    for r in json.loads((DATA / "datapackage.json").read_text())["resources"]
    if r.get("schema") == synthetic.FIGURE_SCHEMA
]
KEY = ["indicator", "dimension", "category", "period"]
PAGE_LIMIT = 250_000


def _text(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def test_at_least_100000_rows_for_every_municipality(synthetic_data):
    counts = {name: len(_text(synthetic_data / f"{name}.csv")) for name in FIGURE_TABLES}
    bundled = sum(len(_text(DATA / f"{name}.csv")) for name in FIGURE_TABLES)
    assert sum(counts.values()) >= synthetic.MIN_ROWS
    assert sum(counts.values()) == bundled * synthetic.MUNICIPALITIES * synthetic.DEFAULT_YEARS  # nothing collided
    table = _text(synthetic_data / "beschut_werk.csv")
    assert table["gemeente_code"].nunique() == 342 and table["gemeente_naam"].nunique() == 342
    assert (table.groupby("gemeente_code")["gemeente_naam"].nunique() == 1).all()


def test_municipalities_are_clearly_synthetic():
    places = synthetic.municipalities()
    assert len(places) == 342 and places["gemeente_code"].is_unique
    assert places["gemeente_code"].str.fullmatch(r"GM\d{4}").all()
    assert (places["gemeente_code"].str[2:].astype(int) >= 9000).all()  # never a real CBS code
    assert places["gemeente_naam"].str.startswith("Synthetische gemeente ").all()


def test_everything_is_labelled_synthetic(synthetic_data):
    descriptor = read_descriptor(synthetic_data)
    assert "SYNTHETISCH" in descriptor["title"] and "synthetisch" in descriptor["name"]
    assert descriptor[package.SYNTHETIC] is True
    assert (synthetic_data / "README.md").read_text(encoding="utf-8").startswith("# SYNTHETISCHE GEGEVENS")
    for name in FIGURE_TABLES:
        assert _text(synthetic_data / f"{name}.csv")["note"].str.startswith(synthetic.NOTE_PREFIX).all(), name
    assert package.SYNTHETIC not in read_descriptor(package.bundled_data_dir()), "the bundled data are real"


def test_other_files_are_copied_unchanged(synthetic_data):
    for name in ("sources.csv", "indicators.csv", "pilots.csv", "policy_timeline.csv"):
        assert (synthetic_data / name).read_bytes() == (DATA / name).read_bytes(), name


def test_the_figure_schema_requires_and_keys_the_municipality(synthetic_data):
    # Every table has the municipality columns, so the directory's schema says so in plain Table Schema.
    bundled = json.loads((DATA / synthetic.FIGURE_SCHEMA).read_text(encoding="utf-8"))
    schema = json.loads((synthetic_data / synthetic.FIGURE_SCHEMA).read_text(encoding="utf-8"))
    assert schema == package.with_optional_columns(bundled)
    fields = {field["name"]: field for field in schema["fields"]}
    assert fields["gemeente_code"]["constraints"]["required"] and fields["gemeente_naam"]["constraints"]["required"]
    assert schema["primaryKey"][-1] == "gemeente_code" and schema["fieldsMatch"] == "equal"


def test_same_seed_same_bytes_other_seed_other_values(synthetic_data, tmp_path):
    assert cli.main(["synthetic", "--out", str(tmp_path / "again")]) == 0
    for path in sorted(synthetic_data.rglob("*")):
        if path.is_file():
            assert (tmp_path / "again" / path.relative_to(synthetic_data)).read_bytes() == path.read_bytes(), path.name
    synthetic.generate(tmp_path / "other", seed=7, years=1)
    other = _text(tmp_path / "other" / "beschut_werk.csv")["value"]
    assert other.tolist() != _text(synthetic_data / "beschut_werk.csv")["value"].iloc[: len(other)].tolist()


def test_generate_refuses_a_folder_with_other_content(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="holds no synthetic data"):
        synthetic.generate(tmp_path, years=1)
    assert cli.main(["synthetic", "--out", str(tmp_path), "--years", "1"]) == 1
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_extra_periods_never_collide_with_real_ones(synthetic_data):
    for name in FIGURE_TABLES:
        bundled = _text(DATA / f"{name}.csv")
        made = _text(synthetic_data / f"{name}.csv").drop_duplicates([*KEY, "source_id"])
        real = set(map(tuple, bundled[KEY].to_numpy()))
        extra = made.iloc[len(bundled) :]
        assert len(extra) == len(bundled) * (synthetic.DEFAULT_YEARS - 1)
        assert not set(map(tuple, extra[KEY].to_numpy())) & real, name
        for period in extra["period"].unique():
            periods.parse(period)


def test_shift_period():
    assert synthetic.shift_period("2017-01/2017-05", 10) == "2007-01/2007-05"
    assert synthetic.shift_period("2018/..", 20) == "1998/.."
    assert synthetic.shift_period("2016-12-31", 10) == "2006-12-31"
    assert synthetic.shift_period("2016-02-29", 10) is None  # 2006 had no 29 February


def test_municipal_values_aggregate_exactly_to_the_bundled_figures(synthetic_data):
    for name in FIGURE_TABLES:
        bundled = load(resources=[name]).tables[name]
        made = load(synthetic_data, resources=[name]).tables[name]
        national = editions.national(made).iloc[: len(bundled)]
        columns = [c for c in bundled.columns if c != "note"]
        pd.testing.assert_frame_equal(national[columns], bundled[columns], check_exact=True, obj=name)
        assert (synthetic.NOTE_PREFIX + bundled["note"]).tolist() == national["note"].tolist()


def test_rounding_splits_add_up_exactly():
    import numpy as np

    exact = np.array([[0.4, 0.4, 0.2], [1.6, 1.7, 1.7]])
    result = synthetic._round_to_totals(exact, np.array([1, 5]))
    assert result.sum(axis=1).tolist() == [1, 5] and (np.abs(result - exact) < 1).all()
    assert synthetic._format_units(np.array([1234, -5, 7, 12]), np.array([2, 1, 0, 3])).tolist() == [
        "12.34",
        "-0.5",
        "7",
        "0.012",
    ]


def test_the_text_follows_the_extra_periods_of_the_synthetic_data(synthetic_data):
    # The chapters' text follows every period in the data: the synthetic periods 10 years back show up.
    texts = open_chapter(BY_NAME["beschut_werk"], synthetic_data).text()
    assert (
        "eind 2007" in texts["bw_regeling"]
        and "eind 2007" not in open_chapter(BY_NAME["beschut_werk"]).text()["bw_regeling"]
    )


@pytest.fixture(scope="module")
def one_period(tmp_path_factory) -> Path:
    """Return synthetic data with the real periods only (years=1), made once for this module's tests."""
    folder = tmp_path_factory.mktemp("one-period") / "data"
    synthetic.generate(folder, years=1)
    return folder


def test_every_chapter_key_figure_equal_with_one_period(one_period):
    # The extra periods feed the analyses of whole series (wsw_statistiek, bijstand_financiering);
    # with the real periods only, every key figure of every chapter and the book is the same.
    one, bundled = open_book(one_period), open_book()
    assert {n: c.text() for n, c in one.chapters.items()} == {n: c.text() for n, c in bundled.chapters.items()}
    assert one.facts["counts"] == bundled.facts["counts"]


# --- a chapter run with papermill on the synthetic data ---------------------------------------------


@pytest.mark.slow
def test_papermill_on_synthetic_data_prints_the_bundled_numbers_on_a_small_page(one_period, tmp_path):
    # One period per figure: municipal rows that add up to exactly the bundled figures (see the module doc).
    out = tmp_path / "beschut_werk.ipynb"
    result = papermill(str(CHAPTERS / "beschut_werk.ipynb"), str(out), data_dir=str(one_period))
    assert result.returncode == 0, result.stderr[-3000:]
    run = nbformat.read(out, as_version=4)
    stored = nbformat.read(CHAPTERS / "beschut_werk.ipynb", as_version=4)
    assert glued(run) == glued(stored) and len(glued(run)) >= 15
    assert out.stat().st_size < PAGE_LIMIT, f"{out.stat().st_size:,} bytes"
    specs = [
        o["data"][key]
        for c in run.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        for key in o.get("data", {})
        if key.startswith("application/vnd.vegalite")
    ]
    assert specs and all(sum(len(v) for v in spec.get("datasets", {}).values()) < 5000 for spec in specs)
    notes = [
        o["data"]["text/markdown"]
        for c in run.cells
        if c.cell_type == "code" and "edition_note" in c.source
        for o in c.outputs
        if "text/markdown" in o.get("data", {})
    ]
    assert len(notes) == 1 and "SYNTHETISCHE GEGEVENS" in notes[0] and "Gemeentelijke" not in notes[0]
