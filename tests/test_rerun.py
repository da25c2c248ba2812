"""`python -m participatie rerun`: parallel re-runs of the book on another data directory, safe by construction."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from participatie.tools import cli, execute, outdir, rerun

from conftest import DATA, PRIVATE_FILE, REPO
from helpers import earlier_run, edit_rows


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "participatie", "rerun", "--no-progress", *args],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=cwd,
    )


def test_help_documents_every_option():
    result = subprocess.run([sys.executable, "-m", "participatie", "rerun", "--help"], capture_output=True, text=True)
    for option in ("--data-dir", "--out", "--chapters", "--jobs", "--gemeente", "--scheduler", "--force", "--no-progress"):
        assert option in result.stdout


def test_select_by_name_and_unknown_names():
    assert rerun.select(["beschut_werk", "chapters/wsw_statistiek"]) == ["chapters/beschut_werk", "chapters/wsw_statistiek"]
    assert rerun.select(None)[0] == "intro" and "appendices/bronnen" in rerun.select(None)
    with pytest.raises(rerun.RerunError, match="unknown chapter.*nonsense.*choose from"):
        rerun.select(["nonsense"])


def test_kernels_use_private_unix_sockets_where_the_path_allows(tmp_path):
    short = execute.kernel_config(Path("/tmp/k1"))["KernelManager"]
    assert short == {"connection_file": "/tmp/k1/kernel.json", "transport": "ipc", "ip": "/tmp/k1/kernel"}
    deep = execute.kernel_config(tmp_path / ("x" * 90))["KernelManager"]  # a socket path would exceed 107 bytes
    assert "transport" not in deep and deep["connection_file"].endswith("/kernel.json")


def test_code_cells_counts_the_progress_unit():
    notebook = nbformat.read(REPO / "chapters" / "beschut_werk.ipynb", as_version=4)
    assert execute.code_cells(REPO / "chapters" / "beschut_werk.ipynb") == sum(c.cell_type == "code" for c in notebook.cells)


# --- never destroy what rerun did not write -----------------------------------------------------------


@pytest.mark.parametrize(
    "where", ["repository", "inside repository", "data", "inside data", "parent of data", "parent of repository"]
)
def test_out_may_not_be_contain_or_lie_in_the_repository_or_the_data(where, data_copy):
    out = {
        "repository": REPO,
        "inside repository": REPO / "chapters" / "x",
        "data": data_copy,
        "inside data": data_copy / "out",
        "parent of data": data_copy.parent,
        "parent of repository": REPO.parent,
    }[where]
    with pytest.raises(rerun.RerunError, match="lies inside|contains"):
        rerun.rerun(data_copy, out, ["beschut_werk"], show_progress=False)


def test_a_folder_that_merely_starts_with_the_same_letters_is_fine():
    sibling = DATA.with_name("data_export")
    outdir.check_out(sibling.resolve(), {"data directory": DATA, "repository": REPO / "chapters"})  # no error


def _refused(capsys, *args: str) -> str:
    """Run `participatie rerun` in this process on the bundled data; assert it refused (exit 1) and return what it said.

    The refusals come before any notebook runs, so the command's own entry point is called here rather than a new
    Python process per case (the command line as a process: test_help_documents_every_option, later_edition).
    """
    capsys.readouterr()
    assert cli.main(["rerun", "--no-progress", "--data-dir", str(DATA), *args]) == 1
    said = capsys.readouterr().err
    assert "Traceback" not in said, said
    return said


def test_existing_folder_not_written_by_rerun_is_never_replaced(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    for extra in ([], ["--force"]):
        assert "was not written by rerun" in _refused(capsys, "--out", str(out), "--chapters", "beschut_werk", *extra)
        assert (out / "keep.txt").read_text() == "mine"


def test_a_file_is_never_replaced(tmp_path, capsys):
    out = tmp_path / "notes.txt"
    out.write_text("mine")
    assert "is a file" in _refused(capsys, "--out", str(out), "--chapters", "beschut_werk", "--force")
    assert out.read_text() == "mine"


def test_a_failed_folder_not_written_by_rerun_is_never_replaced(tmp_path, capsys):
    (tmp_path / "out.failed").mkdir()
    (tmp_path / "out.failed" / "keep.txt").write_text("mine")
    assert "OUT.failed" in _refused(capsys, "--out", str(tmp_path / "out"), "--chapters", "beschut_werk")
    assert (tmp_path / "out.failed" / "keep.txt").read_text() == "mine"


def test_a_symlinked_out_is_refused(tmp_path, capsys):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").symlink_to(tmp_path / "elsewhere")
    assert "symbolic link" in _refused(capsys, "--out", str(tmp_path / "out"), "--chapters", "beschut_werk")


@pytest.mark.slow
def test_a_second_run_on_the_same_out_stops_with_a_clear_message(tmp_path):
    out = tmp_path / "out"
    with outdir.Lock(out), pytest.raises(rerun.RerunError, match=r"another rerun \(process \d+\) is writing"):
        rerun.rerun(DATA, out, ["beschut_werk"], show_progress=False)
    assert not out.exists()


def test_a_stale_staging_folder_is_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    stale = tmp_path / ".out.staging-dead"
    stale.mkdir()
    (stale / outdir.STAGING_MARKER).write_text("12345")
    other = tmp_path / ".out.staging-not-ours"
    other.mkdir()
    assert outdir.remove_stale_staging(out) == [stale]
    assert not stale.exists() and other.exists()  # only folders rerun marked


def _descendants(pid: int) -> list[int]:
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


@pytest.fixture
def run_temp():
    """A temporary folder for one run (TMPDIR), short enough for Unix socket paths; removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="t"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _start_rerun(out: Path, chapters: list[str], temporary: Path, *more: str, **popen) -> subprocess.Popen:
    """Start `participatie rerun` on the bundled data in the background, its temporary files in `temporary`."""
    command = [sys.executable, "-m", "participatie", "rerun", "--no-progress", "--data-dir", str(DATA), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--chapters", *chapters, *more], env={**os.environ, "TMPDIR": str(temporary)}, **popen
    )


def _kernels(pid: int) -> list[int]:
    """Return the kernel processes below a process (a process that ends meanwhile is skipped)."""
    found = []
    for child in _descendants(pid):
        try:
            if "ipykernel" in " ".join(psutil.Process(child).cmdline()):
                found.append(child)
        except psutil.Error:  # ended meanwhile, or a zombie
            pass
    return found


def _wait_for_a_kernel(pid: int, seconds: float = 120) -> list[int]:
    """Wait until a run has started a kernel; return the kernels found (empty when none started in time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if kernels := _kernels(pid):
            return kernels
        time.sleep(0.1)
    return []


@pytest.mark.slow
def test_a_killed_run_leaves_no_processes_and_its_staging_is_cleaned_next_time(tmp_path, run_temp, repository_unchanged):
    out = tmp_path / "out"
    # TMPDIR: a killed run cannot remove its kernels' socket folder
    process = _start_rerun(
        out,
        ["beschut_werk", "wsw_statistiek"],
        run_temp,
        "--jobs",
        "2",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert _wait_for_a_kernel(process.pid), "no kernel started"
    children = _descendants(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
        psutil.pid_exists(p) and psutil.Process(p).status() != "zombie" for p in children
    ):
        time.sleep(0.5)
    alive = [p for p in children if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
    assert alive == [], f"left behind: {[' '.join(psutil.Process(p).cmdline())[:80] for p in alive]}"
    assert list(tmp_path.glob(".out.staging-*")) and not out.exists()
    assert outdir.remove_stale_staging(out) and not list(tmp_path.glob(".out.staging-*"))


@pytest.mark.slow
def test_ctrl_c_ends_with_one_line(tmp_path, run_temp):
    temporary = run_temp  # the run's kernels' socket folders go there
    process = _start_rerun(
        tmp_path / "out",
        ["beschut_werk"],
        temporary,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # A job started in the background (`make test &`, a CI runner without job control) inherits SIGINT
        # ignored, and Python then never raises KeyboardInterrupt: the run gets the default a terminal gives.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    started = time.monotonic()
    found = _wait_for_a_kernel(process.pid)
    assert found and process.poll() is None, (
        f"no kernel seen while the run was executing (returncode {process.poll()} after {time.monotonic() - started:.0f} s)"
    )
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends to the whole foreground group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr[-2000:]
    lines = [line for line in stderr.strip().splitlines() if not line.startswith("[IPKernelApp]")]  # kernel start-up notes
    assert lines == ["interrupted (Ctrl-C); nothing was replaced"], stderr[-2000:]
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.staging-*"))
    assert not list(temporary.glob("participatie-kernel*")), "a stopped run leaves its kernels' socket folders"


# --- runs --------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_rerun_two_chapters_and_the_introduction_in_parallel_builds_a_book(later_edition):
    # The session's later-letters edition (conftest.later_edition) is that run: the introduction, two chapters and
    # an appendix with --jobs 2 on a data copy that holds a private file, into an earlier rerun's folder. Without
    # --force the command refused and kept that folder; with --force it replaced it once the new book was built
    # (a failure keeps it: the next test). Its rows flowing into the pages: test_living.
    refused, out = later_edition.refused, later_edition.out
    assert refused["returncode"] == 1 and "pass --force" in refused["stderr"] and refused["earlier_kept"]
    assert later_edition.returncode == 0, later_edition.stderr[-3000:]
    assert later_edition.repository_unchanged
    assert json.loads((out / outdir.MARKER).read_text())["written_by"] == "participatie rerun"
    assert not (out / "html" / "marker-of-the-first-run").exists()
    assert not list(out.parent.glob(f".{out.name}.*staging*")) and not list(out.parent.glob(f".{out.name}.old-*"))
    assert (out / "html" / "chapters" / "beschut_werk.html").is_file() and (out / "html" / "intro.html").is_file()
    executed = nbformat.read(out / "notebooks" / "chapters" / "beschut_werk.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "remove-cell" in injected[0].metadata["tags"]
    published = out / "html" / "_static" / "data"
    assert (published / "beschut_werk.csv").is_file() and not (published / PRIVATE_FILE).exists()


def test_bad_data_is_reported_at_once_and_nothing_runs(data_copy, tmp_path):
    def edit(rows):
        rows[1]["value"] = "veel"
        rows[4]["period"] = "2017-13"
        return rows

    edit_rows(data_copy / "beschut_werk.csv", edit)
    (data_copy / "wsw_statistiek.csv").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = _cli("--data-dir", str(data_copy), "--out", str(out))
    assert result.returncode == 1
    for expected in (
        "beschut_werk.csv, row 3, column value",
        "beschut_werk.csv, row 6, column period",
        "wsw_statistiek.csv, row 1, column -",
        "nothing was run",
    ):
        assert expected in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.*staging*"))


@pytest.mark.slow
def test_failing_chapter_is_named_with_its_cell_and_kept(data_copy, tmp_path, repository_unchanged):
    # Valid data that the chapter cannot use: the count of people working in beschut werk is gone.
    edit_rows(
        data_copy / "beschut_werk.csv", lambda rows: [r for r in rows if r["indicator"] != "working_sheltered_workplace"]
    )
    out = tmp_path / "out"
    first = earlier_run(out, data_copy)  # --force replaces it only after a success, so it stays
    result = _cli(
        "--data-dir", str(data_copy), "--out", str(out), "--chapters", "beschut_werk", "wsw_statistiek", "--jobs", "2",
        "--force",
    )  # fmt: skip
    assert result.returncode == 1
    assert "chapters/beschut_werk: cell 3 failed: KeyError" in result.stderr
    kept = tmp_path / "out.failed" / "chapters" / "beschut_werk.ipynb"
    notebook = nbformat.read(kept, as_version=4)
    assert any(o.get("output_type") == "error" for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert outdir.written_by_rerun(tmp_path / "out.failed")
    assert first.read_text() == "x" and outdir.written_by_rerun(out)  # the earlier run, untouched


@pytest.mark.slow
def test_rerun_large_per_gemeente_data_national_on_a_local_dask_cluster(synthetic_data, tmp_path, repository_unchanged):
    # One run for two behaviours: notebook runs handed to a Dask scheduler, and the national edition of 100k+
    # per-gemeente rows, which aggregates before charting so pages stay small. (A municipal edition of the same
    # data: test_gemeente's papermill run; runs in local worker processes: every other rerun here.)
    import distributed  # pinned in requirements.txt

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, processes=True
    ) as cluster:
        out = tmp_path / "nl"
        national = rerun.rerun(
            synthetic_data, out, ["beschut_werk"], scheduler=cluster.scheduler_address, show_progress=False
        )
    assert [o.ok for o in national.outcomes] == [True]
    html = out / "html" / "chapters" / "beschut_werk.html"
    assert html.stat().st_size < 200_000 and "SYNTHETISCH" in html.read_text(encoding="utf-8").upper()


@pytest.mark.parametrize("code", ["GM363", "<script>", "GM0363 ", "0363"])
def test_gemeente_must_be_a_cbs_code(code, tmp_path):
    with pytest.raises(rerun.RerunError, match="not a CBS municipality code"):
        rerun.rerun(DATA, tmp_path / "out", ["pilots_werken_naar_vermogen"], gemeente=code, show_progress=False)


def test_removing_the_socket_folder_ends_only_the_processes_started_on_it(tmp_path):
    from participatie.tools import workers

    folder = tmp_path / "participatie-kernels-x"
    (folder / "k1").mkdir(parents=True)
    code = "import time; time.sleep(60)"
    orphan = subprocess.Popen([sys.executable, "-c", code, str(folder / "k1" / "kernel.json")])
    other = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "elsewhere" / "kernel.json")])
    try:
        workers._remove_sockets(folder)
        assert orphan.wait(timeout=10) is not None and not folder.exists()
        assert other.poll() is None, "a process that names another folder is left alone"
    finally:
        for process in (orphan, other):
            process.kill()
            process.wait()
