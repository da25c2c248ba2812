"""Shared test fixtures: repository paths, data copies, and skips that CI treats as failures."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from participatie.tools import kernels

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
CHAPTERS = REPO / "chapters"
BUILD_HTML = REPO / "_build" / "html"
# What no run of the book on other data may change: the repository's notebooks and data.
UNTOUCHED = (CHAPTERS, DATA, REPO / "appendices")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# nbval's kernels, like ours (participatie.tools.execute), talk over Unix sockets in a private folder, not
# over TCP ports: kernels started at once on both workers (nbval, rerun --jobs, papermill) can otherwise be
# handed the same free port ("Kernel didn't respond in 60 seconds"). The package's pytest plugin
# (participatie.tools.kernels, a pytest11 entry point) does that before nbval starts a kernel; this call
# only repeats it for a run with plugin autoloading switched off.
kernels.use_private_sockets_for_nbval()


@pytest.hookimpl(optionalhook=True)  # a run without xdist (-p no:xdist) has no such hook
def pytest_xdist_auto_num_workers(config) -> int:
    """Return one xdist worker per core and one more (`-n auto`): a worker often waits (for a kernel, a rerun's
    subprocesses, the browser, or an edition another worker builds), and the extra worker uses that time. On 2
    cores the whole suite took 299 s with 2 workers, 265 s with 3 and 275 s with 4."""
    return (os.cpu_count() or 1) + 1


# The modules that build, rerun or visit whole editions, slowest first (their tests' summed --durations on 2
# cores, waits for a shared edition included). xdist hands each worker one module at a time in collection order
# (`--dist loadfile --no-loadscope-reorder` in pyproject.toml); starting these first keeps the end of the run
# from waiting on one long module while the other workers have nothing to do. test_pdf builds the session's
# later-letters edition (conftest.later_edition); test_rerun, which reads it too, starts after the first three,
# so that no worker waits at the start for an edition another is building.
SLOW_FIRST = (
    "test_pdf.py",
    "test_untrusted_markup.py",
    "test_municipal_editions.py",
    "test_browser.py",
    "test_rerun.py",
    "test_notebooks.py",
    "test_gemeente.py",
    "test_synthetic.py",
)


def pytest_collection_modifyitems(items) -> None:
    """Put the modules of SLOW_FIRST first, in its order; every other item keeps its place (a stable sort)."""
    rank = {name: number for number, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def skip_or_fail(reason: str) -> None:
    """Skip a test on a machine that lacks something, but fail in CI, where nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a skip counts as a failure)")
    pytest.skip(reason)


@pytest.fixture
def repository_unchanged():
    """Fail the test when it changed the repository's notebooks or data (a run on other data must not)."""
    from helpers import tree_digest

    before = tree_digest(*UNTOUCHED)
    yield
    assert tree_digest(*UNTOUCHED) == before, "the run changed chapters/, data/ or appendices/"


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
    """Point the validation cache at a folder of this test session, shared by its xdist workers (papermill's
    kernels inherit the environment). Entries are keyed by the hash of every input and written atomically, so
    a verdict one worker recorded saves the other worker the same validation, and no user's cache is read."""
    folder = session_root(tmp_path_factory) / "validated"
    folder.mkdir(exist_ok=True)
    previous = os.environ.get("PARTICIPATIE_CACHE_DIR")
    os.environ["PARTICIPATIE_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("PARTICIPATIE_CACHE_DIR", None)
    else:
        os.environ["PARTICIPATIE_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def synthetic_data(tmp_path_factory, validation_cache) -> Path:
    """Return a synthetic per-gemeente data directory (default seed and years), made and validated once per
    test session for all xdist workers, so later loads hit the validation cache. Tests only read it."""
    from participatie.data import validate
    from participatie.tools import synthetic

    def make(folder: Path) -> None:
        synthetic.generate(folder / "data")
        assert validate(folder / "data") == []

    return once_per_session(tmp_path_factory, "synthetic", make) / "data"


def session_root(tmp_path_factory) -> Path:
    """Return the folder of this test session that its xdist workers share (the parent of their base folders)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_session(tmp_path_factory, name: str, make) -> Path:
    """Return a folder that `make(folder)` fills once per test session, shared by the xdist workers.

    The workers of one session share the parent of their base temporary folders; a lock file there makes the
    first worker build the folder and the others wait for it, so an expensive edition is built once, not once
    per worker. A failed build leaves no mark, so each waiting worker tries again and reports its own failure.
    """
    root = session_root(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@dataclass(frozen=True)
class Edition:
    """A book rerun by the command line in a test session: its data, OUT folder and the command's result."""

    data: Path
    out: Path
    returncode: int
    stdout: str
    stderr: str
    added: dict
    refused: dict  # the same command without --force on an earlier rerun's folder: returncode, stderr, earlier_kept
    repository_unchanged: bool  # chapters/, data/ and appendices/ hash the same after the runs as before


# The pages the real later letters change (see later_edition).
LATER_PAGES = ["intro", "banenafspraak_duurzaamheid", "beschut_werk", "wijzigingen"]
PRIVATE_FILE = "not-in-the-package.txt"  # a file in the data folder the descriptor does not list: never published


@pytest.fixture(scope="session")
def later_edition(tmp_path_factory, validation_cache) -> Edition:
    """Return the book rerun with `--pdf` on the bundled data plus the two real later letters (once).

    One edition serves every test of the living publication (the text that follows the data, the changes
    appendix, the print edition of a rerun, the chapters' notebooks executed on newer data) and of the
    command's own promises: it runs the pages those letters change (LATER_PAGES: the introduction, the two
    chapters they add figures to, the changes appendix) with two jobs, on data that hold a private file, into
    the folder of an earlier rerun, first without --force (refused) and then with it. The other chapters run on
    newer letters of their own in their modules' tests.
    """
    from helpers import add_later_letters, earlier_run, tree_digest

    def make(folder: Path) -> None:
        data, out = folder / "data", folder / "editie-2019"
        shutil.copytree(DATA, data)
        added = add_later_letters(data)
        (data / PRIVATE_FILE).write_text("private notes", encoding="utf-8")
        earlier = earlier_run(out, data)
        before = tree_digest(*UNTOUCHED)
        command = [sys.executable, "-m", "participatie", "rerun", "--no-progress", "--chapters", *LATER_PAGES]
        command += ["--data-dir", str(data), "--out", str(out)]
        refused = subprocess.run(command, capture_output=True, text=True, timeout=600)
        refusal = {"returncode": refused.returncode, "stderr": refused.stderr, "earlier_kept": earlier.exists()}
        result = subprocess.run([*command, "--pdf", "--jobs", "2", "--force"], capture_output=True, text=True, timeout=1800)
        (folder / "result.json").write_text(
            json.dumps(
                {
                    "returncode": result.returncode,
                    "stdout": result.stdout,
                    "stderr": result.stderr,
                    "added": added,
                    "refused": refusal,
                    "repository_unchanged": tree_digest(*UNTOUCHED) == before,
                }
            ),
            encoding="utf-8",
        )

    folder = once_per_session(tmp_path_factory, "later-edition", make)
    result = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    return Edition(folder / "data", folder / "editie-2019", **result)


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> dict:
    """Return the built book's print edition as the PDF tests read it (pdf_pages.print_edition), read once per
    session for every worker and module that reads it."""
    import pdf_pages

    return pdf_pages.print_edition(tmp_path_factory)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """Return headless Debian Chromium, one per worker: Playwright's sync API allows one instance per thread."""
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does so as root)")
    from playwright.sync_api import sync_playwright  # pinned in requirements.txt

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()
