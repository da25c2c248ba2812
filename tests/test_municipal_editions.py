"""Municipal editions are zero-safe: every analysis, chart and table runs for every synthetic municipality.

Small national counts split to 0 in many of the 342 synthetic municipalities (GM9001–GM9342), as real
municipal figures can be 0. A ratio to such a figure is not defined: it reads "–" in text and tables and
draws no mark, and never raises, never reads "inf" or "nan".

The data are generated once (the session fixture `synthetic_data`) and loaded once per theme; each
municipality's figures are filtered from them in memory with `editions.municipal`, as a municipal edition
(`open_chapter(theme, data_dir, gemeente=code)`) filters them. The zeros sit in the smallest
municipalities (the synthetic split is proportional to size), so the sweeps run on deterministic samples:
the rendered text for the 12 smallest and 4 more spread over the codes (KEY_SAMPLE), every chart and table
(the public functions of a theme's `charts` and `tables`) for the 8 smallest and 3 spread (SAMPLE). Earlier versions ran key figures for all 342
municipalities (about 2 minutes on one core, the largest part of `make test`); every defect they could
find lies in a municipality with zeros, which the samples hold. The pilots chapter has no municipal
figures (its municipal edition is the national one) and is not run here. Two papermill runs of the
smallest municipality check the notebooks end to end.
"""

from __future__ import annotations

import functools
import inspect
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from participatie.book.chapter import Chapter, load_figures
from participatie.data import load
from participatie.data.editions import MUNICIPALITY_NAME, municipal
from participatie.data.values import ADDITIVE_UNITS
from participatie.figures import lookup
from participatie.presentation import charts, shapes, tables
from participatie.presentation.labels import NATIONAL_ONLY
from participatie.themes import BY_NAME
from participatie.themes.banenafspraak_duurzaamheid import charts as ba_charts
from participatie.themes.banenafspraak_duurzaamheid import tables as ba_tables
from participatie.themes.beschut_werk import charts as bw_charts
from participatie.themes.beschut_werk import tables as bw_tables
from participatie.themes.bijstand_financiering import charts as bf_charts
from participatie.themes.bijstand_financiering import tables as bf_tables
from participatie.themes.wsw_statistiek import charts as wsw_charts
from participatie.themes.wsw_statistiek import tables as wsw_tables
from participatie.tools import synthetic

from conftest import CHAPTERS
from helpers import glued, papermill

# The charts and tables each chapter shows: every public function of its `charts` and `tables` modules.
PRESENTATION = {
    "beschut_werk": (bw_charts, bw_tables),
    "wsw_statistiek": (wsw_charts, wsw_tables),
    "banenafspraak_duurzaamheid": (ba_charts, ba_tables),
    "bijstand_financiering": (bf_charts, bf_tables),
}
THEMES = list(PRESENTATION)
SMALLEST, SPREAD = 8, 3  # the sample for charts and tables: the smallest municipalities, and some more
SAMPLE = SMALLEST + SPREAD
KEY_SMALLEST, KEY_SPREAD = 12, 4  # the sample for the texts
MAX_CHART_ROWS = 100  # a municipality's chart draws a handful of aggregated rows
BAD = re.compile(r"\b(?:nan|inf|infinity)\b|∞", re.IGNORECASE)  # what a ratio to zero must never print


@pytest.fixture(scope="module")
def loaded(synthetic_data):
    """Return every theme's figure table loaded once (with periods, labels and letters), and the sources."""
    dataset = load(synthetic_data, resources=THEMES)
    return {theme: load_figures(dataset.tables[theme], dataset) for theme in THEMES}, dataset


@pytest.fixture(scope="module")
def by_size(loaded):
    """Return the municipality codes, smallest first: by the sum of their counts and amounts over all themes."""
    tables_ = loaded[0].values()
    additive = pd.concat([t.loc[t["unit"].isin(ADDITIVE_UNITS), ["gemeente_code", "value"]] for t in tables_])
    return additive.groupby("gemeente_code")["value"].sum().sort_values(kind="stable").index.tolist()


@pytest.fixture(scope="module")
def edition(loaded):
    """Return a function that gives the municipal edition of a chapter, made once per module: the text and the
    chart sweeps share the editions of the municipalities both sample, and so each edition's facts."""
    return functools.cache(functools.partial(_edition, loaded))


def _sample(by_size: list[str], smallest: int = SMALLEST, spread: int = SPREAD) -> list[str]:
    rest = sorted(by_size[smallest:])
    return by_size[:smallest] + rest[:: len(rest) // spread][:spread]


def _edition(loaded, theme: str, code: str) -> Chapter:
    """Return the municipal edition of a chapter, as open_chapter makes it, from the figures loaded once."""
    frames, dataset = loaded
    rows = municipal(frames[theme], code)
    return Chapter(
        BY_NAME[theme],
        rows,
        dataset.sources,
        dataset.data_dir,
        {},
        (dataset.paths[theme],),
        code,
        str(rows[MUNICIPALITY_NAME].iloc[0]),
        True,
    )


def _makers(modules) -> list:
    """Return the public functions a theme's charts and tables modules define (each one a chart or a table)."""
    return [
        value
        for module in modules
        for name, value in sorted(vars(module).items())
        if not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module.__name__
    ]


def _frames(chart) -> list[pd.DataFrame]:
    """Return the data frames a chart (with its layers) writes into the page."""
    own = [chart.data] if isinstance(getattr(chart, "data", None), pd.DataFrame) else []
    parts = [
        part
        for name in ("layer", "hconcat", "vconcat", "concat")
        if isinstance(getattr(chart, name, None), list)
        for part in getattr(chart, name)
    ]
    return own + [frame for part in parts for frame in _frames(part)]


def _assert_clean(texts, where: str) -> None:
    bad = [text for text in texts if BAD.search(str(text))]
    assert not bad, f"{where}: {bad[:3]}"


def test_the_sample_holds_the_smallest_municipalities(by_size):
    sample = _sample(by_size)
    assert len(by_size) == synthetic.MUNICIPALITIES and len(set(sample)) == SAMPLE
    assert set(by_size[:SMALLEST]) <= set(sample) and sample == _sample(by_size)


def test_ratio_to_zero_or_missing_is_not_defined():
    assert lookup.ratio(3, 4) == 0.75 and np.isnan(lookup.ratio(3, 0)) and np.isnan(lookup.ratio(3, float("nan")))
    shares = lookup.ratio(pd.Series([1.0, 2.0, 3.0]), pd.Series([2.0, 0.0, np.nan]))
    assert shares.iloc[0] == 0.5 and shares.iloc[1:].isna().all()


@pytest.mark.parametrize("theme", THEMES)
def test_texts_of_the_sampled_municipalities(theme, edition, by_size):
    zeros = 0
    for code in _sample(by_size, KEY_SMALLEST, KEY_SPREAD):
        chapter = edition(theme, code)
        texts = chapter.text()
        _assert_clean(texts.values(), f"{theme} {code} texts")
        zeros += int(((chapter.figures["value"] == 0) & chapter.figures["unit"].isin(ADDITIVE_UNITS)).sum())
    assert zeros, f"{theme}: no sampled municipality has a zero count; the test no longer sees the zeros"


@pytest.mark.parametrize("theme", THEMES)
def test_charts_tables_and_checks_of_sampled_municipalities(theme, edition, by_size):
    makers = _makers(PRESENTATION[theme])
    assert len(makers) >= 2, theme
    for code in _sample(by_size):
        chapter = edition(theme, code)
        for made in (make(chapter) for make in makers):
            where = f"{theme} {code} {type(made).__name__}"
            if isinstance(made, tables.Table):
                _assert_clean(tables.formatted(made.frame, made.formats).to_numpy().ravel(), where)
                continue
            if isinstance(made, shapes.TableFigure):
                assert 0 < len(made.table) <= MAX_CHART_ROWS, where
                _assert_clean([made.title, *tables.formatted(made.table, made.table_formats).to_numpy().ravel()], where)
                continue
            assert 0 < charts.inline_rows(made.chart) <= MAX_CHART_ROWS and len(made.table) <= MAX_CHART_ROWS, where
            for frame in _frames(made.chart):
                numbers = frame.select_dtypes("number").to_numpy(dtype=float)
                assert not np.isinf(numbers).any(), where
                _assert_clean(frame.select_dtypes(exclude="number").to_numpy().ravel(), where)
            _assert_clean(
                [made.chart.description, *tables.formatted(made.table, made.table_formats).to_numpy().ravel()], where
            )


def test_cross_checks_and_revisions_are_national_only(loaded, by_size):
    # The checks recompute what a letter printed; a municipality's figures were printed in no letter.
    smallest = _edition(loaded, "beschut_werk", by_size[0])
    assert smallest.checks().empty and smallest.revisions().empty
    for table in (smallest.checks_table(), smallest.revisions_table()):
        assert NATIONAL_ONLY in table._repr_mimebundle_()["text/html"]
    assert smallest.source_line().startswith("Bron: cijfers per gemeente uit beschut_werk.csv")


# --- papermill: the smallest municipality's edition of two chapters ---------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("notebook", ["bijstand_financiering"])  # beschut_werk: test_gemeente
def test_papermill_edition_of_the_smallest_municipality(notebook, synthetic_data, by_size, tmp_path):
    code = by_size[0]
    out = tmp_path / f"{notebook}.ipynb"
    result = papermill(str(CHAPTERS / f"{notebook}.ipynb"), str(out), data_dir=str(synthetic_data), gemeente=code)
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert set(texts) == set(BY_NAME[notebook].facts and _blocks(notebook)) - {BY_NAME[notebook].finding_block}
    _assert_clean(texts.values(), f"{notebook} {code} glue")


def _blocks(notebook: str) -> set[str]:
    from participatie.presentation import text

    return set(text.markdown_environment().get_template(BY_NAME[notebook].text_file).blocks)
