"""Where a rerun (or `synthetic`) may write its result, and how it replaces an earlier one: never what it did not write.

OUT may not be, contain or lie inside the repository or the data directory (compared by path parts, so
`data_export/` beside `data/` is fine), and may not be a mount point (the result is built beside OUT and
moved into place, which a mount point refuses). A folder rerun wrote holds the marker file
`.participatie-rerun` (`synthetic` writes `.participatie-synthetic`); only such a folder is ever replaced
(with --force), never an arbitrary folder and never a file. An existing empty folder is filled in place,
so it keeps its mode and owner. One run at a time per OUT: an exclusive lock on a file beside it (released
by the kernel even when a run is killed), which is created without following a link and only ever
rewritten when it is a lock (a private regular file holding a process id). A killed run's staging
folder, a private folder of its own (mkdtemp) marked too, is removed by the next run.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

from .. import __version__

REPO = Path(__file__).resolve().parents[3]
MARKER = ".participatie-rerun"
STAGING_MARKER = ".participatie-staging"
LOCK_BYTES = 32  # a lock holds a process id: anything larger is not a lock this program wrote


class RerunError(RuntimeError):
    """A rerun that cannot start or did not finish; the message says why and what was kept."""


def check_out(out: Path, protected: dict[str, Path]) -> None:
    """Raise RerunError when OUT is, contains or lies inside a protected folder (by path parts), or is a mount point."""
    for what, folder in protected.items():
        folder = folder.resolve()
        if out.is_relative_to(folder):
            raise RerunError(f"OUT {out} lies inside the {what} {folder}; choose a folder outside it")
        if folder.is_relative_to(out):
            raise RerunError(f"OUT {out} contains the {what} {folder}; choose a folder that holds neither")
    if os.path.ismount(out):
        raise RerunError(
            f"OUT {out} is a mount point; the result is built beside OUT and moved into place, which a mount "
            "point does not allow: choose a new folder inside it"
        )


def written_by_rerun(folder: Path, marker: str = MARKER) -> bool:
    """Return whether a folder is one this program wrote (a real directory holding its marker, a regular file)."""
    proof = folder / marker
    return folder.is_dir() and not folder.is_symlink() and proof.is_file() and not proof.is_symlink()


def check_replaceable(folder: Path, force: bool, what: str, marker: str = MARKER, writer: str = "rerun") -> None:
    """Raise RerunError unless the folder may be (re)written: absent, empty, or written by `writer` (with --force)."""
    if folder.is_symlink():
        raise RerunError(f"{what} {folder} is a symbolic link; {writer} writes only to a real folder")
    if not folder.exists():
        return
    if not folder.is_dir():
        raise RerunError(f"{what} {folder} is a file, not a folder; {writer} never replaces a file")
    if not any(folder.iterdir()):
        return
    if not written_by_rerun(folder, marker):
        raise RerunError(
            f"{what} {folder} exists and was not written by {writer} (no {marker} in it); "
            f"{writer} never replaces it, even with --force; choose another folder"
        )
    if not force:
        raise RerunError(f"{what} {folder} exists (an earlier {writer}); pass --force to replace it")


def mark(folder: Path, data_dir: Path | None, marker: str = MARKER, writer: str = "participatie rerun") -> None:
    """Write the marker that proves a folder is this program's (into a folder it just made)."""
    content = {"written_by": writer, "version": __version__} | ({"data_dir": str(data_dir)} if data_dir else {})
    (folder / marker).write_text(json.dumps(content, indent=1) + "\n", encoding="utf-8")


class Lock:
    """An exclusive lock on OUT (a file beside it), so that two runs never write the same OUT at once."""

    def __init__(self, out: Path):
        self.path = out.with_name(f".{out.name}.lock")
        self.handle = None

    def __enter__(self) -> Lock:
        import fcntl

        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            descriptor = os.open(self.path, flags, 0o600)
        except OSError as error:
            why = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror
            raise RerunError(f"cannot use the lock file {self.path} ({why}); remove it, or choose another OUT") from None
        info = os.fstat(descriptor)
        held = os.pread(descriptor, LOCK_BYTES + 1, 0).strip() if stat.S_ISREG(info.st_mode) else b"?"
        is_lock = (
            stat.S_ISREG(info.st_mode) and info.st_nlink == 1 and (not held or (held.isdigit() and len(held) < LOCK_BYTES))
        )
        if not is_lock:
            os.close(descriptor)
            raise RerunError(
                f"{self.path} exists and is not a lock this program wrote (a private file holding a process id); "
                "it is left as it is: remove it, or choose another OUT"
            )
        self.handle = os.fdopen(descriptor, "r+", encoding="utf-8")
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


def staging_folder(out: Path) -> Path:
    """Return a new private staging folder beside OUT (made with mkdtemp: never an existing path), marked."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    (staging / STAGING_MARKER).write_text(str(os.getpid()), encoding="utf-8")
    return staging


def remove_stale_staging(out: Path) -> list[Path]:
    """Remove staging folders of earlier runs on OUT that never finished (only folders rerun marked)."""
    removed = []
    for folder in out.parent.glob(f".{out.name}.staging-*"):
        if written_by_rerun(folder, STAGING_MARKER):
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def replace(result: Path, target: Path, marker: str = MARKER) -> None:
    """Move a finished result into place: over an earlier result (checked before; it keeps the old folder's
    mode), into an empty folder (filled in place, its marker last), or to where nothing is."""
    if written_by_rerun(target, marker):
        os.chmod(result, stat.S_IMODE(target.stat().st_mode))
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / "previous")
        result.rename(target)
        shutil.rmtree(old)
    elif not target.is_dir() or target.is_symlink():
        result.rename(target)
    elif any(target.iterdir()):  # an empty folder is filled in place; nothing in it is ever replaced
        raise RerunError(f"{target} is no longer empty; nothing was moved into it")
    else:
        for entry in sorted(result.iterdir(), key=lambda entry: entry.name == marker):  # the marker last: then it is ours
            destination = target / entry.name
            if entry.is_dir() and not entry.is_symlink():
                entry.rename(destination)  # fails onto a file or a folder with content that appeared meanwhile
            else:
                os.link(entry, destination)  # fails when a file appeared there meanwhile
                entry.unlink()
