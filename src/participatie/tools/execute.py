"""The one notebook executor, used by `make` (in place) and by `rerun` (into a staging folder).

It runs papermill (with parameters when given) and leaves a deterministic notebook: no timestamps, no
papermill bookkeeping, no tags papermill added, and papermill's injected-parameters cell hidden like the
parameters cell it follows. The committed notebooks are nbval's regression reference, so executing an
unchanged notebook on unchanged data must give the same bytes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path

import nbformat

TIMEOUT = 600
# Kernels talk over Unix sockets in a private temporary folder, not over TCP ports: two kernels started at
# once (rerun --jobs, the tests' workers) can otherwise be handed the same free port, and one client then
# waits for a kernel that never answers ("Kernel didn't respond in 60 seconds", papermill#239).
# (A Unix socket path is at most 107 bytes; where the temporary folder is too deep for that, kernels
# keep TCP.)
START_TIMEOUT = 120  # seconds for a kernel to answer its first message on a loaded 2-core machine
SOCKET_PATH_MAX = 100


def kernel_config(folder: Path) -> dict:
    """Return the kernel manager's settings for a kernel whose sockets and connection file live in `folder`."""
    settings = {"connection_file": str(folder / "kernel.json")}
    if len(str(folder / "kernel-99")) <= SOCKET_PATH_MAX:
        settings |= {"transport": "ipc", "ip": str(folder / "kernel")}
    return {"KernelManager": settings}


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What became of one notebook: success, or the failing cell and its error."""

    document: str
    ok: bool
    failed_cell: int | None = None  # 1-based position of the failing code cell
    error: str = ""
    changed: bool = False  # in place: whether the stored notebook was rewritten


def code_cells(path: str | Path) -> int:
    """Return how many code cells a notebook has (the unit of progress)."""
    return sum(1 for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "code")


def clean(notebook: nbformat.NotebookNode, tagged: set[int]) -> nbformat.NotebookNode:
    """Return the notebook without run-specific metadata; `tagged` are the cells that had tags before."""
    notebook.metadata.pop("papermill", None)
    for number, cell in enumerate(notebook.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags")
        if "injected-parameters" in (tags or []) and "remove-cell" not in tags:
            cell.metadata["tags"] = [*tags, "remove-cell"]
        elif tags == [] and number not in tagged:
            cell.metadata.pop("tags")
    return notebook


def execute(
    source: str | Path,
    target: str | Path | None = None,
    parameters: dict | None = None,
    progress=None,
    document: str | None = None,
    timeout: int = TIMEOUT,
    sockets: str | Path | None = None,
) -> Outcome:
    """Execute a notebook and return its outcome (never raises for a failing cell).

    In place (`target` None) the stored notebook is rewritten only when every cell succeeded and the result
    differs; into `target` it is written also when a cell failed (with the error in its output). The kernel's
    socket folder is made in `sockets` (default: the system's temporary folder): a caller that may kill this
    process passes one it removes itself.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    source = Path(source)
    name = document or str(source)
    original = nbformat.read(source, as_version=4)
    tagged = {i for i, cell in enumerate(original.cells) if "tags" in cell.metadata}
    output = Path(target) if target is not None else source
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".ipynb", prefix=f".{source.stem}.", dir=output.parent)
    os.close(handle)
    scratch = Path(temporary)
    outcome = Outcome(name, True)
    sockets = tempfile.mkdtemp(prefix="k", dir=sockets)  # ours alone (mode 700); removed below
    # papermill formats both paths with str.format and writes them into the notebook as UTF-8: it is given
    # names in that private folder, so that a folder named {2019} or with non-UTF-8 bytes is a folder.
    given, produced = Path(sockets) / "source.ipynb", Path(sockets) / "executed.ipynb"
    try:
        shutil.copyfile(source, given)
        papermill.execute_notebook(
            str(given),
            str(produced),
            parameters=parameters or None,
            progress_bar=False,
            cwd=str(source.parent if target is None else output.parent),
            kernel_name="python3",
            execution_timeout=timeout,
            start_timeout=START_TIMEOUT,
            log_output=False,
            config=Config(kernel_config(Path(sockets))),
            # nbclient's hook after each code cell that ran (with its reply): one unit of progress.
            on_cell_executed=None if progress is None else lambda **_: progress.put(1),
        )
    except PapermillExecutionError as error:
        outcome = Outcome(name, False, error.exec_count or error.cell_index + 1, f"{error.ename}: {error.evalue}")
    except Exception as error:  # a kernel that died or a notebook that cannot be read
        outcome = Outcome(name, False, None, f"{type(error).__name__}: {error}")
    finally:
        if produced.is_file():
            shutil.copyfile(produced, scratch)
        shutil.rmtree(sockets, ignore_errors=True)
    try:
        # In place, a failed run leaves the stored notebook as it was: it stays the regression reference.
        if not scratch.is_file() or scratch.stat().st_size == 0 or (target is None and not outcome.ok):
            return outcome
        executed = clean(nbformat.read(scratch, as_version=4), tagged)
        text = nbformat.writes(executed)
        text = text if text.endswith("\n") else text + "\n"
        if output.is_file() and output.read_text(encoding="utf-8") == text:
            return outcome
        scratch.write_text(text, encoding="utf-8")
        os.chmod(scratch, 0o644)  # mkstemp makes the file private; a notebook is not
        os.replace(scratch, output)
        return dataclasses.replace(outcome, changed=True)
    finally:
        scratch.unlink(missing_ok=True)
