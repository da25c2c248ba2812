"""Re-running the book on new data: validate, execute the chapters in parallel with papermill, build.

    python -m participatie rerun --data-dir DIR --out OUT [--chapters NAMES] [--jobs N]
                                 [--gemeente CODE] [--scheduler ADDRESS] [--force]

Safety: the repository's chapters/ and data/ are only read. Everything is written to a staging folder
beside OUT and moved into place only when every chapter ran and the book built; an existing OUT is
replaced only with --force. When a chapter fails, its executed notebook (with the failing cell and the
error) is kept in OUT.failed/ and the command names the chapter and the cell.
"""

from __future__ import annotations

import os
import queue as queue_module
import shutil
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import Manager
from pathlib import Path

import nbformat
import yaml

from . import data

REPO = Path(__file__).resolve().parents[2]
ENGINE_NAME = "participatie-progress"
# Files the book needs besides its notebooks (the citation page includes the changelog).
BOOK_FILES = ("_config.yml", "CHANGELOG.md")


class RerunError(RuntimeError):
    """A rerun that cannot start or did not finish; the message says why and what was kept."""


@dataclass(frozen=True)
class Job:
    """One notebook to execute: its document path in the book (e.g. chapters/beschut_werk)."""

    document: str
    parameters: dict

    @property
    def name(self) -> str:
        """Return the short name a user passes to --chapters (the file's stem)."""
        return Path(self.document).name


@dataclass(frozen=True)
class Outcome:
    """What became of one job: success, or the failing cell and its error."""

    document: str
    ok: bool
    cells: int
    failed_cell: int | None = None  # 1-based position of the failing code cell
    error: str = ""


def book_documents(repo: Path = REPO) -> list[str]:
    """Return the book's documents in table-of-contents order (root first), without suffixes."""
    toc = yaml.safe_load((repo / "_toc.yml").read_text(encoding="utf-8"))
    documents = [toc["root"]]
    for part in toc.get("parts", []):
        documents += [entry["file"] for entry in part.get("chapters", [])]
    return documents


def notebook_documents(repo: Path = REPO) -> list[str]:
    """Return the book's documents that are notebooks, in table-of-contents order."""
    return [d for d in book_documents(repo) if (repo / f"{d}.ipynb").is_file()]


def select(names: list[str] | None, repo: Path = REPO) -> list[str]:
    """Return the notebook documents named (by stem or path); all of them when names is None."""
    available = notebook_documents(repo)
    if not names:
        return available
    by_name = {Path(d).name: d for d in available} | {d: d for d in available}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise RerunError(f"unknown chapter(s) {', '.join(unknown)}; choose from: {', '.join(Path(d).name for d in available)}")
    return list(dict.fromkeys(by_name[n] for n in names))


def code_cells(document: str, repo: Path = REPO) -> int:
    """Return how many code cells a notebook has (the unit of the progress bar)."""
    notebook = nbformat.read(repo / f"{document}.ipynb", as_version=4)
    return sum(1 for cell in notebook.cells if cell.cell_type == "code")


# --- execution (in worker processes) -------------------------------------------------------------

_progress_queue = None


def _register_engine() -> None:
    """Register a papermill engine that reports every finished cell to the progress queue."""
    from papermill.engines import NBClientEngine, papermill_engines

    class ProgressEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            complete = nb_man.cell_complete

            def reporting_complete(cell, cell_index=None, **more):
                complete(cell, cell_index=cell_index, **more)
                if _progress_queue is not None and cell.cell_type == "code":
                    _progress_queue.put(1)

            nb_man.cell_complete = reporting_complete
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register(ENGINE_NAME, ProgressEngine)


def execute_job(job: Job, source: str, target: str, progress=None) -> Outcome:
    """Execute one notebook with papermill from source to target; return its outcome (never raises)."""
    global _progress_queue
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _progress_queue = progress
    _register_engine()
    cells = sum(1 for cell in nbformat.read(source, as_version=4).cells if cell.cell_type == "code")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        papermill.execute_notebook(
            source, target, parameters=job.parameters, engine_name=ENGINE_NAME, progress_bar=False,
            cwd=str(Path(target).parent), kernel_name="python3", execution_timeout=600,
        )
    except PapermillExecutionError as error:
        return Outcome(job.document, False, cells, error.exec_count or error.cell_index + 1,
                       f"{error.ename}: {error.evalue}")
    except Exception as error:  # a kernel that died or a notebook that cannot be read
        return Outcome(job.document, False, cells, None, f"{type(error).__name__}: {error}")
    finally:
        _progress_queue = None
        _hide_injected_parameters(Path(target))
    return Outcome(job.document, True, cells)


def _hide_injected_parameters(path: Path) -> None:
    """Tag papermill's injected-parameters cell remove-cell, like the parameters cell it follows."""
    if not path.is_file():
        return
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags and "remove-cell" not in tags:
            cell.metadata["tags"] = [*tags, "remove-cell"]
    nbformat.write(notebook, path)


def _run_local(jobs: list[Job], staging: Path, workers: int, show_progress: bool, repo: Path) -> list[Outcome]:
    from tqdm import tqdm

    total = sum(code_cells(j.document, repo) for j in jobs)
    outcomes: list[Outcome] = []
    with Manager() as manager, tqdm(total=total, unit="cel", desc="cellen", disable=not show_progress,
                                    file=sys.stderr) as cell_bar, \
            tqdm(total=len(jobs), unit="hoofdstuk", desc="hoofdstukken", disable=not show_progress,
                 file=sys.stderr) as chapter_bar:
        progress = manager.Queue()
        stop = threading.Event()

        def drain() -> None:
            while not stop.is_set() or not progress.empty():
                try:
                    cell_bar.update(progress.get(timeout=0.1))
                except queue_module.Empty:
                    continue

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(execute_job, job, str(repo / f"{job.document}.ipynb"),
                                   str(staging / "book" / f"{job.document}.ipynb"), progress) for job in jobs]
            for future in as_completed(futures):
                outcomes.append(future.result())
                chapter_bar.update(1)
        stop.set()
        reader.join()
    return outcomes


def _run_distributed(jobs: list[Job], staging: Path, scheduler: str, show_progress: bool, repo: Path) -> list[Outcome]:
    """Hand the chapter runs to a Dask distributed scheduler (progress per chapter)."""
    from distributed import Client, as_completed as dask_completed
    from tqdm import tqdm

    outcomes = []
    with Client(scheduler) as client, tqdm(total=len(jobs), unit="hoofdstuk", desc="hoofdstukken",
                                           disable=not show_progress, file=sys.stderr) as bar:
        futures = [client.submit(execute_job, job, str(repo / f"{job.document}.ipynb"),
                                 str(staging / "book" / f"{job.document}.ipynb"), None, pure=False)
                   for job in jobs]
        for future in dask_completed(futures):
            outcomes.append(future.result())
            bar.update(1)
    return outcomes


# --- staging and the book ------------------------------------------------------------------------

def _stage_book(staging: Path, documents: list[str], data_dir: Path, repo: Path) -> Path:
    book = staging / "book"
    book.mkdir(parents=True)
    for name in BOOK_FILES:
        shutil.copy2(repo / name, book / name)
    shutil.copytree(data_dir, book / "data", ignore=shutil.ignore_patterns(".*"))  # published for download
    everything = notebook_documents(repo)
    if documents == everything:
        shutil.copy2(repo / "_toc.yml", book / "_toc.yml")
        for document in book_documents(repo):
            source = repo / f"{document}.md"
            if source.is_file():
                (book / document).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, book / f"{document}.md")
    else:
        # A partial edition gets a plain root page: the introduction links every chapter.
        (book / "index.md").write_text("# Heruitvoering\n\nHoofdstukken in deze editie:\n\n```{tableofcontents}\n```\n",
                                       encoding="utf-8")
        toc = {"format": "jb-book", "root": "index", "chapters": [{"file": d} for d in documents]}
        (book / "_toc.yml").write_text(yaml.safe_dump(toc, sort_keys=False), encoding="utf-8")
    return book


def _build(book: Path) -> None:
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(book),
               "--warningiserror", "--nitpick", "--keep-going", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RerunError(f"the book did not build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")


def _replace(result: Path, out: Path) -> None:
    if out.exists():
        old = out.with_name(f".{out.name}.old")
        if old.exists():
            shutil.rmtree(old)
        out.rename(old)
        result.rename(out)
        shutil.rmtree(old)
    else:
        result.rename(out)


def rerun(data_dir: str | Path, out: str | Path, chapters: list[str] | None = None, jobs: int = 1,
          gemeente: str | None = None, force: bool = False, scheduler: str | None = None,
          show_progress: bool = True, repo: Path = REPO) -> list[Outcome]:
    """Validate data_dir, execute the chosen chapters on it and build the book into out; return outcomes.

    Raises RerunError (with every data problem, or the failed chapters and cells) when anything fails;
    out is then left as it was.
    """
    data_dir = Path(data_dir).resolve()
    out = Path(out).resolve()
    if out.exists() and not force:
        raise RerunError(f"{out} exists; pass --force to replace it")
    if str(out).startswith(str(repo.resolve() / "chapters")) or str(out).startswith(str(repo.resolve() / "data")):
        raise RerunError("OUT may not lie inside the repository's chapters/ or data/")
    problems = data.validate(data_dir)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise RerunError(f"{len(problems)} problem(s) in {data_dir}; nothing was run:\n{listed}")
    documents = select(chapters, repo)
    parameters = {"data_dir": str(data_dir)} | ({"gemeente": gemeente} if gemeente else {})
    work = [Job(d, parameters) for d in documents]

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    try:
        book = _stage_book(staging, documents, data_dir, repo)
        if scheduler:
            outcomes = _run_distributed(work, staging, scheduler, show_progress, repo)
        else:
            outcomes = _run_local(work, staging, max(1, jobs), show_progress, repo)
        failed = [o for o in outcomes if not o.ok]
        if failed:
            kept = out.with_name(f"{out.name}.failed")
            if kept.exists():
                shutil.rmtree(kept)
            (staging / "book").rename(kept)
            lines = "\n".join(
                f"  - {o.document}: cell {o.failed_cell if o.failed_cell else '?'} failed: {o.error}\n"
                f"    executed notebook: {kept / (o.document + '.ipynb')}" for o in failed)
            raise RerunError(f"{len(failed)} chapter(s) failed; {out} was not changed:\n{lines}")
        _build(book)
        result = staging / "result"
        result.mkdir()
        shutil.move(str(book / "_build" / "html"), result / "html")
        for document in documents:
            target = result / "notebooks" / f"{document}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(book / f"{document}.ipynb", target)
        _replace(result, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    order = {d: i for i, d in enumerate(documents)}
    return sorted(outcomes, key=lambda o: order[o.document])


def default_jobs() -> int:
    """Return the default number of worker processes: the machine's cores."""
    return os.cpu_count() or 1
