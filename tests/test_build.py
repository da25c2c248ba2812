"""The build is a make graph: with nothing changed it does nothing and leaves the tree as committed."""

import shutil
import subprocess

from conftest import REPO, skip_or_fail


def test_make_book_is_up_to_date_after_a_build():
    # `make test` builds the book first; asking make again must find nothing to do.
    if shutil.which("make") is None:
        skip_or_fail("make is not installed")
    result = subprocess.run(["make", "-q", "book"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, "make book would do work with nothing changed:\n" + subprocess.run(
        ["make", "-n", "book"], cwd=REPO, capture_output=True, text=True).stdout


def test_executing_the_chapters_left_them_as_committed():
    # Re-executed notebooks must be byte-identical to the stored ones (no timestamps, ids or paths).
    if not (REPO / ".git").exists():
        skip_or_fail("not a git checkout: cannot compare the chapters with the committed ones")
    result = subprocess.run(["git", "status", "--porcelain", "--", "chapters", "data"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout
