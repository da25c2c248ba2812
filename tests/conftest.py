"""Shared test fixtures: repository paths, data copies, and skips that CI treats as failures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CHAPTERS = REPO / "chapters"
BUILD_HTML = REPO / "_build" / "html"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


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
