"""Benchmark of the book's build and re-run workflow; prints a table (run with `make bench`).

Each timed row is the median of --repeat runs. Builds run in a scratch copy of the repository (the
tracked files), sharing this repository's .venv, so the working tree is never touched.

Targets (2 cores): cold build <= 1.5 x floor, where floor = (kernel start + imports) x notebooks / cores
+ the Sphinx write; no-change rebuild <= 4 s; rerun on 100k-row data <= 3 x rerun on the bundled data;
peak RSS <= 2 GB; each chapter page <= 200 KB beyond the shared Vega bundle; on one fresh clone
(set-up included), `make test` <= 2 x `make book`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

import nbformat
import psutil

REPO = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
# A scratch copy builds with this repository's virtual environment (already set up by `make book`);
# -o keeps make from ever reinstalling into it from the copy.
MAKE_BOOK = ["make", "book", f"VENV={REPO / '.venv'}", "-o", str(REPO / ".venv" / ".setup-done")]


def _run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int, int, str]:
    """Run a command; return its wall time, its whole process tree's peak RSS in bytes, its exit code and output."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    stop.set()
    sampler.join()
    return time.perf_counter() - start, peak, process.returncode, output.decode(errors="replace")


def _timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Run a command that must succeed (RuntimeError with its output's end); return its time and peak RSS."""
    seconds, peak, returncode, output = _run(command, cwd, env)
    if returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, peak


def _median(runs: list[tuple[float, int]]) -> tuple[float, int]:
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def _scratch_copy(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target / name)
    return target


def _rerun(data_dir: Path, out: Path, jobs: int) -> list[str]:
    """Return the command that re-runs the whole book on a data directory, replacing `out`."""
    options = ["--data-dir", str(data_dir), "--out", str(out), "--jobs", str(jobs), "--force", "--no-progress"]
    return [PYTHON, "-m", "participatie", "rerun", *options]


def floor_kernel(repeat: int) -> float:
    """Return the median time to start a kernel and import the package (one trivial notebook)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "floor.ipynb"
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("from participatie.book import open_book")])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        runs = []
        for _ in range(repeat):
            nbformat.write(notebook, path)
            runs.append(_timed([PYTHON, "-m", "participatie", "execute", str(path)], REPO))
        return _median(runs)[0]


def _row(name: str, value: str, note: str = "") -> None:
    """Print one row of the table as soon as it is measured (a long run shows progress)."""
    print(f"{name:<58}  {value:>10}  {note}", flush=True)


def _verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def _pytest_seconds(output: str) -> str:
    """Return pytest's own time from its last line ("1243 passed in 317.60s"), or nothing if it printed none."""
    found = re.findall(r"(\d+) passed.* in ([\d.]+)s", output)
    return f"pytest {found[-1][0]} passed in {float(found[-1][1]):.1f} s; " if found else ""


def _make_test(clone: Path, env: dict) -> tuple[float, int, str]:
    """Time `make test` in the clone; return its time, peak RSS and a note (pytest's own time; a failure)."""
    seconds, peak, returncode, output = _run(["make", "test"], clone, env)
    note = _pytest_seconds(output) if returncode == 0 else f"FAILED (exit {returncode}); "  # still a time to report
    return seconds, peak, note


class _CloneRun(NamedTuple):
    """One fresh clone's times (seconds), peak RSS (bytes) and notes (pytest's own time; a failure)."""

    book: float
    book_rss: int
    after: float
    after_note: str
    test: float
    test_rss: int
    note: str


def _one_fresh_clone() -> _CloneRun:
    """Time on one fresh clone of the committed HEAD: `make book` from nothing (no .venv, no _build: set-up
    included, as a new user meets it), `make test` after it (lint and pytest), then `make test` from nothing."""
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "clone"
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
        env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
        book, book_rss = _timed(["make", "book"], clone, env)
        after, _, after_note = _make_test(clone, env)
        for made in (".venv", "_build"):
            shutil.rmtree(clone / made)
        test, test_rss, note = _make_test(clone, env)
    return _CloneRun(book, book_rss, after, after_note, test, test_rss, note)


def fresh_clone_rows(clones: int = 1) -> list[tuple[str, str, str]]:
    """Time `make book` and `make test` on `clones` fresh clones, one after the other; return the rows.

    The rows give the median clone: the one whose `make test` from nothing is the median, so every ratio is one
    clone's. With more than one clone each note lists that row's time in every clone, slowest last: on 2 cores
    single runs differ by 15-20 %, so a target read from one clone can fall either side of the line."""
    runs = sorted((_one_fresh_clone() for _ in range(clones)), key=lambda run: run.test)
    run = runs[len(runs) // 2]

    def spread(field: str) -> str:
        values = sorted(getattr(each, field) for each in runs)
        return f"; clones: {', '.join(f'{value:.1f}' for value in values)} s" if clones > 1 else ""

    ratio = run.test / run.book
    return [
        (
            "fresh clone: make book (set-up included)",
            f"{run.book:.1f} s",
            f"peak RSS {run.book_rss / 2**20:.0f} MB{spread('book')}",
        ),
        (
            "fresh clone: make test after make book",
            f"{run.after:.1f} s",
            f"{run.after_note}{run.after / run.book:.2f} x make book{spread('after')}",
        ),
        (
            "fresh clone: make test (set-up included)",
            f"{run.test:.1f} s",
            f"{run.note}{ratio:.2f} x make book; target <= 2 x: {_verdict(ratio <= 2)}; "
            f"peak RSS {run.test_rss / 2**20:.0f} MB{spread('test')}",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark row and print the table; return 0."""
    parser = argparse.ArgumentParser(prog="python -m participatie.tools.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (the median is reported)")
    parser.add_argument("--fresh-clone-only", action="store_true", help="only the fresh clone's make book and make test")
    parser.add_argument(
        "--clones", type=int, default=1, help="fresh clones timed one after the other (the median clone is reported)"
    )
    args = parser.parse_args(argv)
    if args.clones < 1:
        parser.error("--clones must be at least 1")
    _row("row", "value", "note")
    _row("-" * 58, "-" * 10, "----")
    if args.fresh_clone_only:
        for row in fresh_clone_rows(args.clones):
            _row(*row)
        return 0
    cores = os.cpu_count() or 1
    notebooks = len(list(REPO.glob("chapters/*.ipynb"))) + len(list(REPO.glob("appendices/*.ipynb"))) + 1

    kernel = floor_kernel(args.repeat)
    _row("kernel start + imports (one notebook)", f"{kernel:.2f} s")

    with tempfile.TemporaryDirectory() as folder:
        scratch = _scratch_copy(Path(folder) / "book")
        cold, write = [], []
        for _ in range(args.repeat):
            shutil.rmtree(scratch / "_build", ignore_errors=True)
            cold.append(_timed(MAKE_BOOK, scratch))
            # The Sphinx write and the PDF alone: everything executed, only the HTML build and the PDF again.
            shutil.rmtree(scratch / "_build" / "html")
            (scratch / "_build" / ".html-done").unlink()
            for stale in (scratch / "_build").glob(".doctrees"):
                shutil.rmtree(stale)
            write.append(_timed(MAKE_BOOK, scratch))
        cold_time, cold_rss = _median(cold)
        write_time = _median(write)[0]
        floor = kernel * notebooks / cores + write_time
        _row("Sphinx write + PDF (all executed)", f"{write_time:.1f} s")
        _row(f"floor = {notebooks} x kernel / {cores} cores + write", f"{floor:.1f} s")
        _row(
            "cold book build (make book)",
            f"{cold_time:.1f} s",
            f"{cold_time / floor:.2f} x floor; target <= 1.5 x ({1.5 * floor:.1f} s): {_verdict(cold_time <= 1.5 * floor)}",
        )
        unchanged = _median([_timed(MAKE_BOOK, scratch) for _ in range(args.repeat)])[0]
        _row("rebuild, nothing changed", f"{unchanged:.2f} s", f"target <= 4 s: {_verdict(unchanged <= 4)}")
        changed = []
        for _ in range(args.repeat):
            (scratch / "data" / "beschut_werk.csv").touch()
            changed.append(_timed(MAKE_BOOK, scratch))
        _row("rebuild, one data file changed", f"{_median(changed)[0]:.1f} s", "re-executes its chapter + book pages")
        html = scratch / "_build" / "html"
        pdf_runs = []
        for _ in range(args.repeat):
            (html / "boek.pdf").unlink()
            pdf_runs.append(_timed(MAKE_BOOK, scratch))
        pdf_time, pdf_rss = _median(pdf_runs)
        import pypdf

        pages = len(pypdf.PdfReader(html / "boek.pdf").pages)
        _row(
            "print edition (make pdf)",
            f"{pdf_time:.1f} s",
            f"{pages} A4 pages, {(html / 'boek.pdf').stat().st_size / 1024:.0f} KB, peak RSS {pdf_rss / 2**20:.0f} MB",
        )
        static = sum(p.stat().st_size for p in (html / "_static").rglob("*") if p.is_file())
        bundle = sum(p.stat().st_size for p in (html / "_static" / "vega").glob("*.js"))
        _row("_static/ (all)", f"{static / 1024:.0f} KB", f"of which the Vega bundle {bundle / 1024:.0f} KB")
        for page in sorted(html.glob("chapters/*.html")) + sorted(html.glob("appendices/*.html")) + [html / "intro.html"]:
            size = page.stat().st_size / 1024
            _row(f"page {page.relative_to(html)}", f"{size:.0f} KB", f"target <= 200 KB: {_verdict(size <= 200)}")

    for row in fresh_clone_rows(args.clones):
        _row(*row)

    # nbval's kernels start on private Unix sockets here too: the package's pytest plugin (tools.kernels) loads in
    # every pytest run of the environment, not only where tests/conftest.py is read.
    nbval_command = [PYTHON, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-n", str(cores)]
    nbval_command += ["--dist", "loadfile", "-q", "chapters", "appendices", "intro.ipynb", "-o", "addopts="]
    nbval = _median([_timed(nbval_command, REPO) for _ in range(args.repeat)])[0]
    _row("nbval over all notebooks", f"{nbval:.1f} s")

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        bundled = {}
        for jobs in (1, 2):
            runs = [_timed(_rerun(REPO / "data", folder / f"out{jobs}", jobs), REPO) for _ in range(args.repeat)]
            bundled[jobs] = _median(runs)
            _row(
                f"rerun, bundled data, {jobs} job(s)",
                f"{bundled[jobs][0]:.1f} s",
                f"peak RSS {bundled[jobs][1] / 2**20:.0f} MB",
            )
        synthetic = folder / "synthetic"
        _timed([PYTHON, "-m", "participatie", "synthetic", "--out", str(synthetic)], REPO)
        rows_count = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in synthetic.glob("*.csv"))
        large = _median([_timed(_rerun(synthetic, folder / "outsyn", 2), REPO) for _ in range(args.repeat)])
        ratio = large[0] / bundled[2][0]
        _row(
            f"rerun, synthetic data ({rows_count:,} rows), 2 jobs",
            f"{large[0]:.1f} s",
            f"{ratio:.1f} x bundled; target <= 3 x: {_verdict(ratio <= 3)}",
        )
        _row(
            "peak RSS (rerun on synthetic data, all processes)",
            f"{large[1] / 2**20:.0f} MB",
            f"target <= 2048 MB: {_verdict(large[1] <= 2 * 2**30)}",
        )

    return 0


if __name__ == "__main__":
    sys.exit(main())
