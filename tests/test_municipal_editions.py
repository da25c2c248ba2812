"""Municipal editions are zero-safe: every analysis, chart and table runs for every synthetic municipality.

Small national counts split to 0 in many of the 342 synthetic municipalities (GM9001–GM9342), as real
municipal figures can be 0. A ratio to such a figure is not defined: it reads "–" in text and tables and
draws no mark, and never raises, never reads "inf" or "nan".

The data are generated once (the session fixture `synthetic_data`) and loaded once per theme; each
municipality's figures are filtered from them in memory with `figures.municipal`, as a municipal edition
(`chapter.open_chapter(theme, data_dir, gemeente=code)`) filters them. `key_figures` runs for all 342
municipalities; the chart_* and *_table functions (and the chapter's table of recomputed claims) run for
a deterministic sample only: the 20 smallest municipalities, where the zeros are, and 20 more spread
over the codes (SAMPLE). Time, measured on one core (pytest-xdist keeps a file on one worker): the
342 × 4 key figures take about 2 minutes (some 90 ms per edition, nearly all in figure look-ups), the
sample about 40 s, the two papermill runs 8 s; all charts and tables of all 342 would take about 13
minutes. The pilots chapter has no municipal figures (its municipal edition is the national one) and is
not run here. Two papermill runs of the smallest municipality (beschut_werk, bijstand_financiering)
check the notebooks end to end.
"""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

import nbformat
import numpy as np
import pandas as pd
import pytest

from participatie import chapter, charts, data, figures, synthetic, tables
from participatie.labels import VERDICT_TEXT
from conftest import CHAPTERS

THEMES = ["beschut_werk", "wsw_statistiek", "banenafspraak", "bijstand_financiering"]
SMALLEST, SPREAD = 20, 20  # the sample for charts and tables: the smallest municipalities, and some more
SAMPLE = SMALLEST + SPREAD
MAX_CHART_ROWS = 100  # a municipality's chart draws a handful of aggregated rows
BAD = re.compile(r"\b(?:nan|inf|infinity)\b|∞", re.IGNORECASE)  # what a ratio to zero must never print


@pytest.fixture(scope="module")
def loaded(synthetic_data):
    """Return every theme's figure table loaded once (with periods, labels and letters), and the sources."""
    dataset = data.load(synthetic_data, resources=THEMES)
    return {theme: figures.with_sources(data.enrich_figures(dataset.tables[theme], dataset.indicators),
                                        dataset.sources) for theme in THEMES}, dataset


@pytest.fixture(scope="module")
def by_size(loaded):
    """Return the municipality codes, smallest first: by the sum of their counts and amounts over all themes."""
    tables_ = loaded[0].values()
    additive = pd.concat([t.loc[t["unit"].isin(figures.ADDITIVE_UNITS), ["gemeente_code", "value"]] for t in tables_])
    return additive.groupby("gemeente_code")["value"].sum().sort_values(kind="stable").index.tolist()


def _sample(by_size: list[str]) -> list[str]:
    rest = sorted(by_size[SMALLEST:])
    return by_size[:SMALLEST] + rest[:: len(rest) // SPREAD][:SPREAD]


def _edition(loaded, theme: str, code: str) -> chapter.Chapter:
    """Return the municipal edition of a chapter, as open_chapter makes it, from the figures loaded once."""
    frames, dataset = loaded
    municipal = figures.municipal(frames[theme], code)
    return chapter.Chapter(theme, municipal, dataset.sources, dataset.data_dir, {}, (dataset.paths[theme],), code,
                           str(municipal[figures.MUNICIPALITY_NAME].iloc[0]), True)


def _makers(module) -> list[str]:
    return sorted(name for name, value in vars(module).items()
                  if (name.startswith("chart_") or name.endswith("_table")) and callable(value)
                  and getattr(value, "__module__", None) == module.__name__)


def _frames(chart) -> list[pd.DataFrame]:
    """Return the data frames a chart (with its layers) writes into the page."""
    own = [chart.data] if isinstance(getattr(chart, "data", None), pd.DataFrame) else []
    parts = [part for name in ("layer", "hconcat", "vconcat", "concat")
             if isinstance(getattr(chart, name, None), list) for part in getattr(chart, name)]
    return own + [frame for part in parts for frame in _frames(part)]


def _assert_clean(texts, where: str) -> None:
    bad = [text for text in texts if BAD.search(str(text))]
    assert not bad, f"{where}: {bad[:3]}"


def test_the_sample_holds_the_smallest_municipalities(by_size):
    sample = _sample(by_size)
    assert len(by_size) == synthetic.MUNICIPALITIES and len(set(sample)) == SAMPLE
    assert set(by_size[:SMALLEST]) <= set(sample) and sample == _sample(by_size)


def test_ratio_to_zero_or_missing_is_not_defined():
    assert figures.ratio(3, 4) == 0.75 and np.isnan(figures.ratio(3, 0)) and np.isnan(figures.ratio(3, float("nan")))
    shares = figures.ratio(pd.Series([1.0, 2.0, 3.0]), pd.Series([2.0, 0.0, np.nan]))
    assert shares.iloc[0] == 0.5 and shares.iloc[1:].isna().all()


@pytest.mark.parametrize("theme", THEMES)
def test_key_figures_of_every_municipality(theme, loaded, by_size):
    module = importlib.import_module(f"participatie.{theme}")
    undefined = 0
    for code in by_size:
        texts = module.key_figures(_edition(loaded, theme, code).figures)
        _assert_clean(texts.values(), f"{theme} {code} key figures")
        undefined += sum(text == "–" for text in texts.values())
    assert undefined, f"{theme}: no municipality without a defined ratio; the test no longer sees the zeros"


@pytest.mark.parametrize("theme", THEMES)
def test_charts_tables_and_checks_of_sampled_municipalities(theme, loaded, by_size):
    module = importlib.import_module(f"participatie.{theme}")
    verdicts = set()
    for code in _sample(by_size):
        edition = _edition(loaded, theme, code)
        checked = edition.checks_table()
        verdicts.update(checked.frame["Oordeel"])
        for made in [checked, *(getattr(module, name)(edition) for name in _makers(module))]:
            where = f"{theme} {code} {type(made).__name__}"
            if isinstance(made, tables.Table):
                _assert_clean(tables.formatted(made.frame, made.formats).to_numpy().ravel(), where)
                continue
            assert 0 < charts.inline_rows(made.chart) <= MAX_CHART_ROWS and len(made.table) <= MAX_CHART_ROWS, where
            for frame in _frames(made.chart):
                numbers = frame.select_dtypes("number").to_numpy(dtype=float)
                assert not np.isinf(numbers).any(), where
                _assert_clean(frame.select_dtypes(exclude="number").to_numpy().ravel(), where)
            _assert_clean([made.chart.description, *tables.formatted(made.table, made.table_formats).to_numpy().ravel()], where)
    assert verdicts <= set(VERDICT_TEXT.values())


def test_a_check_that_cannot_be_recomputed_says_so(loaded, by_size):
    importlib.import_module("participatie.beschut_werk")
    smallest = _edition(loaded, "beschut_werk", by_size[0])
    result = smallest.checks()
    missing = result.loc[result["recomputed"].isna()]
    assert not missing.empty and (missing["verdict"] == "niet_te_berekenen").all()
    assert result["verdict"].iloc[-len(missing):].eq("niet_te_berekenen").all()  # listed last
    assert VERDICT_TEXT["niet_te_berekenen"] in set(smallest.checks_table().frame["Oordeel"])


# --- papermill: the smallest municipality's edition of two chapters ---------------------------------------

def _glued(notebook) -> dict[str, str]:
    return {o["metadata"]["scrapbook"]["name"]: o["data"]["application/papermill.record/text/markdown"]
            for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if "scrapbook" in o.get("metadata", {})}


@pytest.mark.slow
@pytest.mark.parametrize("notebook", ["beschut_werk", "bijstand_financiering"])
def test_papermill_edition_of_the_smallest_municipality(notebook, synthetic_data, by_size, tmp_path):
    code = by_size[0]
    out = tmp_path / f"{notebook}.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(CHAPTERS / f"{notebook}.ipynb"), str(out), "-p", "data_dir",
         str(synthetic_data), "-p", "gemeente", code, "--no-progress-bar", "-k", "python3"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    glued = _glued(nbformat.read(out, as_version=4))
    assert len(glued) > 40 and "–" in glued.values()
    _assert_clean(glued.values(), f"{notebook} {code} glue")
