"""Shared test fixtures: repository paths, data copies, and skips that CI treats as failures."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import nbval.kernel
import pytest
from jupyter_client.manager import KernelManager

from participatie.tools.execute import kernel_config

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CHAPTERS = REPO / "chapters"
BUILD_HTML = REPO / "_build" / "html"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# nbval's kernels, like ours (participatie.tools.execute), talk over Unix sockets in a private folder, not
# over TCP ports: kernels started at once on both workers (nbval, rerun --jobs, the browser tests' server)
# can otherwise be handed the same free port ("Kernel didn't respond in 60 seconds"). Patched at import,
# because nbval starts a notebook's kernel before any fixture runs.
_SOCKETS = Path(tempfile.mkdtemp(prefix="participatie-nbval-"))
atexit.register(shutil.rmtree, _SOCKETS, True)


class _PrivateSocketKernelManager(KernelManager):
    def __init__(self, **kwargs):
        folder = Path(tempfile.mkdtemp(prefix="k", dir=_SOCKETS))
        super().__init__(**kernel_config(folder)["KernelManager"], **kwargs)


nbval.kernel.KernelManager = _PrivateSocketKernelManager


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
