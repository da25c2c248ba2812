"""Shared test fixtures: repository paths, data copies, and skips that CI treats as failures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from participatie.tools import kernels

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CHAPTERS = REPO / "chapters"
BUILD_HTML = REPO / "_build" / "html"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# nbval's kernels, like ours (participatie.tools.execute), talk over Unix sockets in a private folder, not
# over TCP ports: kernels started at once on both workers (nbval, rerun --jobs, papermill) can otherwise be
# handed the same free port ("Kernel didn't respond in 60 seconds"). The package's pytest plugin
# (participatie.tools.kernels, a pytest11 entry point) does that before nbval starts a kernel; this call
# only repeats it for a run with plugin autoloading switched off.
kernels.use_private_sockets_for_nbval()


def skip_or_fail(reason: str) -> None:
    """Skip a test on a machine that lacks something, but fail in CI, where nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a skip counts as a failure)")
    pytest.skip(reason)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """Return a private copy of the bundled data directory that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def unindexed_data_copy(data_copy: Path) -> Path:
    """Return a data copy without the letters' page indexes, for tests that change printed values.

    With an index, validation refuses a value that is not printed on its cited page (provenance), as it
    should for real data; a test that changes a figure to see the change flow through plays an analyst
    whose data have no page index.
    """
    shutil.rmtree(data_copy / "letters")
    return data_copy


@pytest.fixture(scope="session", autouse=True)
def validation_cache(tmp_path_factory) -> Path:
    """Point the validation cache at a private folder (papermill's kernels inherit the environment)."""
    folder = tmp_path_factory.mktemp("validated")
    previous = os.environ.get("PARTICIPATIE_CACHE_DIR")
    os.environ["PARTICIPATIE_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("PARTICIPATIE_CACHE_DIR", None)
    else:
        os.environ["PARTICIPATIE_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def synthetic_data(tmp_path_factory, validation_cache) -> Path:
    """Return a synthetic per-gemeente data directory (default seed and years), made once per session
    (per worker) and validated once, so later loads hit the validation cache."""
    from participatie.data import validate
    from participatie.tools import synthetic

    target = tmp_path_factory.mktemp("synthetic") / "data"
    synthetic.generate(target)
    assert validate(target) == []
    return target
