"""Where a rerun may write its result, and how it replaces an earlier one: never what rerun did not write.

OUT may not be, contain or lie inside the repository or the data directory (compared by path parts, so
`data_export/` beside `data/` is fine). A folder rerun wrote holds the marker file `.participatie-rerun`;
only such a folder is ever replaced (with --force), never an arbitrary folder and never a file. One run
at a time per OUT (an exclusive lock on a file beside it, released by the kernel even when a run is
killed); a killed run's staging folder, marked too, is removed by the next run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .. import __version__

MARKER = ".participatie-rerun"
STAGING_MARKER = ".participatie-staging"


class RerunError(RuntimeError):
    """A rerun that cannot start or did not finish; the message says why and what was kept."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_out(out: Path, protected: dict[str, Path]) -> None:
    """Raise RerunError when OUT is, contains or lies inside a protected folder (compared by path parts)."""
    for what, folder in protected.items():
        folder = folder.resolve()
        if _inside(out, folder):
            raise RerunError(f"OUT {out} lies inside the {what} {folder}; choose a folder outside it")
        if _inside(folder, out):
            raise RerunError(f"OUT {out} contains the {what} {folder}; choose a folder that holds neither")


def written_by_rerun(folder: Path) -> bool:
    """Return whether a folder is one a rerun wrote (a real directory holding the marker file)."""
    marker = folder / MARKER
    return folder.is_dir() and not folder.is_symlink() and marker.is_file() and not marker.is_symlink()


def check_replaceable(folder: Path, force: bool, what: str) -> None:
    """Raise RerunError unless the folder may be (re)written: absent, empty, or an earlier rerun's with --force."""
    if folder.is_symlink():
        raise RerunError(f"{what} {folder} is a symbolic link; rerun writes only to a real folder")
    if not folder.exists():
        return
    if not folder.is_dir():
        raise RerunError(f"{what} {folder} is a file, not a folder; rerun never replaces a file")
    if not any(folder.iterdir()):
        return
    if not written_by_rerun(folder):
        raise RerunError(
            f"{what} {folder} exists and was not written by rerun (no {MARKER} in it); "
            "rerun never replaces it, even with --force; choose another folder"
        )
    if not force:
        raise RerunError(f"{what} {folder} exists (an earlier rerun); pass --force to replace it")


def mark(folder: Path, data_dir: Path) -> None:
    (folder / MARKER).write_text(
        json.dumps({"written_by": "participatie rerun", "version": __version__, "data_dir": str(data_dir)}, indent=1) + "\n",
        encoding="utf-8",
    )


class Lock:
    """An exclusive lock on OUT (a file beside it), so that two runs never write the same OUT at once."""

    def __init__(self, out: Path):
        self.path = out.with_name(f".{out.name}.lock")
        self.handle = None

    def __enter__(self) -> Lock:
        import fcntl

        self.handle = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.handle.seek(0)
            holder = self.handle.read().strip() or "?"
            self.handle.close()
            raise RerunError(
                f"another rerun (process {holder}) is writing {self.path.with_name(self.path.name[1:-5])}; "
                "wait until it is done or choose another OUT"
            ) from None
        self.handle.seek(0)
        self.handle.truncate()
        self.handle.write(str(os.getpid()))
        self.handle.flush()
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()  # closing releases the lock; the kernel releases it too when the process is killed


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove staging folders of earlier runs on OUT that never finished (only folders rerun marked)."""
    removed = []
    for folder in out.parent.glob(f".{out.name}.staging-*"):
        if folder.is_dir() and not folder.is_symlink() and (folder / STAGING_MARKER).is_file():
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def replace(result: Path, target: Path) -> None:
    """Move a finished result into place; a target in the way is an earlier rerun's (checked before)."""
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / "previous")
        result.rename(target)
        shutil.rmtree(old)
    else:
        result.rename(target)
