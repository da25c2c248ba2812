"""Executing a rerun's notebooks: in worker processes of this machine, or on a Dask distributed cluster.

Workers end with the main process (even when it is killed) and leave Ctrl-C to it; their kernels talk over
Unix sockets in one folder of the run, which the main process removes however the run ends.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from .execute import Outcome, code_cells, execute
from .outdir import REPO, RerunError

# A Dask scheduler is named by an address with one of distributed's transports: tcp://HOST:PORT and the like.
SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")
SCHEDULER_TIMEOUT = "20s"  # to reach the scheduler; then the run fails with a message


@dataclass(frozen=True)
class Job:
    """One notebook to execute: its document path in the book (e.g. chapters/beschut_werk)."""

    document: str
    parameters: dict


_queue = None
_sockets = None


def _worker_init(progress, sockets: str) -> None:
    """Make a worker end with the main process (even when it is killed) and leave Ctrl-C to it."""
    global _queue, _sockets
    _queue, _sockets = progress, sockets
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The worker's and its kernels' own output (start-up notes, a kernel's traceback when a stopped run removes
    # its folder) would interleave with the run's report; what a notebook did is in its Outcome and its file.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:
            os._exit(1)  # the main process died before the line above ran


def _notebooks(job: Job, book: Path) -> tuple[str, str]:
    """Return the notebook a job reads (in the repository) and the one it writes (in the staged book)."""
    return str(REPO / f"{job.document}.ipynb"), str(book / f"{job.document}.ipynb")


def _execute_job(job: Job, source: str, target: str) -> Outcome:
    return execute(source, target, job.parameters, progress=_queue, document=job.document, sockets=_sockets)


def run_local(jobs: list[Job], book: Path, workers: int, show_progress: bool) -> list[Outcome]:
    # The kernels' socket folders go in one folder of this run, removed even when a worker was killed.
    sockets = tempfile.mkdtemp(prefix="participatie-kernels-")
    try:
        return _run_pool(jobs, book, workers, show_progress, sockets)
    finally:
        _remove_sockets(Path(sockets))


def _run_pool(jobs: list[Job], book: Path, workers: int, show_progress: bool, sockets: str) -> list[Outcome]:
    from tqdm import tqdm

    total = sum(code_cells(REPO / f"{j.document}.ipynb") for j in jobs)
    # spawn: the workers are children of this process, so they end with it (see _worker_init); forkserver
    # workers would be children of the fork server and outlive a killed run.
    context = multiprocessing.get_context("spawn")
    progress = context.Queue()
    outcomes: list[Outcome] = []
    stop = threading.Event()
    with (
        tqdm(total=total, unit="cel", desc="cellen", disable=not show_progress, file=sys.stderr) as cell_bar,
        tqdm(
            total=len(jobs), unit="hoofdstuk", desc="hoofdstukken", disable=not show_progress, file=sys.stderr
        ) as chapter_bar,
    ):

        def drain() -> None:
            while not stop.is_set():
                try:
                    cell_bar.update(progress.get(timeout=0.1))
                except (queue_module.Empty, OSError, EOFError, ValueError):
                    continue

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_worker_init, initargs=(progress, sockets)
        )
        try:
            futures = [pool.submit(_execute_job, job, *_notebooks(job, book)) for job in jobs]
            for future in as_completed(futures):
                outcomes.append(future.result())
                chapter_bar.update(1)
        except BaseException:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()  # kernels poll their worker and end with it
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            stop.set()
            reader.join()
    return outcomes


def _remove_sockets(folder: Path, seconds: float = 5.0) -> None:
    """Remove the run's socket folder. A kernel of a killed worker may still be starting (under load, for
    seconds) and would make its socket folder again (ipykernel creates its connection file's parent), so end
    every process started on a connection file in this folder first, then remove until the folder is gone."""
    _end_kernels_in(folder)
    deadline = time.monotonic() + seconds
    while folder.exists() and time.monotonic() < deadline:
        shutil.rmtree(folder, ignore_errors=True)
        if folder.exists():
            time.sleep(0.2)
            _end_kernels_in(folder)


def _end_kernels_in(folder: Path) -> None:
    """Kill this user's processes whose command line names a file in `folder` (the run's orphaned kernels)."""
    import psutil

    marker, me = str(folder) + os.sep, os.getuid()
    found = []
    for process in psutil.process_iter(["cmdline", "uids"]):
        try:
            mine = process.info["uids"] is not None and process.info["uids"].real == me
            if mine and process.pid != os.getpid() and any(marker in part for part in process.info["cmdline"] or ()):
                process.kill()
                found.append(process)
        except (psutil.Error, TypeError):
            continue
    psutil.wait_procs(found, timeout=3)


def check_scheduler(address: str) -> str:
    """Return a scheduler address of the form SCHEME://HOST:PORT; raise RerunError for anything else."""
    from distributed.comm.addressing import parse_address, parse_host_port

    shown = repr(address)[:80]
    try:
        scheme, location = parse_address(address, strict=True)
        if scheme not in SCHEDULER_SCHEMES:
            raise ValueError(scheme)
        parse_host_port(location)
    except (ValueError, TypeError):
        raise RerunError(
            f"--scheduler {shown} is not the address of a Dask scheduler (e.g. tcp://127.0.0.1:8786; transports: "
            f"{', '.join(SCHEDULER_SCHEMES)})"
        ) from None
    return address


def run_distributed(jobs: list[Job], book: Path, scheduler: str, show_progress: bool) -> list[Outcome]:
    """Hand the notebook runs to a Dask distributed scheduler (progress per chapter)."""
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError as error:
        raise ImportError("--scheduler needs Dask distributed: pip install 'participatie[dask]'") from error
    from tqdm import tqdm

    try:
        client = Client(check_scheduler(scheduler), timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise RerunError(f"cannot reach the scheduler {scheduler}: {type(error).__name__}: {error}") from None
    outcomes = []
    try:
        with (
            client,
            tqdm(total=len(jobs), unit="hoofdstuk", desc="hoofdstukken", disable=not show_progress, file=sys.stderr) as bar,
        ):
            futures = [
                client.submit(execute, *_notebooks(job, book), job.parameters, document=job.document, pure=False)
                for job in jobs
            ]
            for future in dask_completed(futures):
                outcomes.append(future.result())
                bar.update(1)
    except Exception as error:  # a worker that died, a connection that broke
        raise RerunError(f"the scheduler {scheduler} did not finish the run: {type(error).__name__}: {error}") from None
    return outcomes
