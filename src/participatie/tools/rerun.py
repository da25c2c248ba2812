"""Re-running the book on new data: validate, execute the notebooks in parallel, build, and publish safely.

    python -m participatie rerun --data-dir DIR --out OUT [--chapters NAMES] [--jobs N]
                                 [--gemeente CODE] [--scheduler ADDRESS] [--force] [--pdf]

Data directories and command-line values come from others; the result is a public web page. So:
- The data directory is only read, and only what its descriptor lists is published (see `data.package`).
- OUT may not be, contain or lie inside the repository or the data directory. An existing OUT is replaced
  only with --force and only when an earlier rerun wrote it (it holds the marker file .participatie-rerun);
  the same holds for OUT.failed, where a failed run keeps its executed notebooks.
- Everything is written to a staging folder beside OUT and moved into place only when every notebook ran
  and the book built. One run at a time per OUT (a lock file beside it); a run that was killed leaves a
  stale staging folder that the next run removes, and its worker processes and kernels end with it.
- The notebooks read a copy of the data package in the staging folder (what the descriptor lists and the
  page indexes), by a path relative to the notebook: no notebook or page holds the runner's folders, and
  a folder named `{2019}` or with bytes that are not UTF-8 is a folder like any other.
- Ctrl-C ends the run with one line; nothing is replaced.
"""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..book import toc
from ..data import package
from ..data.editions import InvalidMunicipalityCode, check_municipality_code
from ..data.validation import validate
from .execute import Outcome
from .outdir import (
    REPO,
    Lock,
    RerunError,
    check_out,
    check_replaceable,
    mark,
    remove_stale_staging,
    replace,
    staging_folder,
)
from .workers import Job, check_scheduler, run_distributed, run_local

# The print edition's file name (book.pdf.PDF_NAME, not imported: WeasyPrint loads only when a PDF is made).
PDF_NAME = "boek.pdf"
# Files the book needs besides its notebooks (the citation page includes the changelog).
BOOK_FILES = ("_config.yml", "CHANGELOG.md")
# The appendix that lists what the data add, change or remove (it takes a `compare_to` parameter).
CHANGES_DOCUMENT = "appendices/wijzigingen"
# Where the notebooks find the copies of the data and of --compare-to: in the book, and beside it.
DATA_COPY, COMPARE_COPY = "data", "../compare"
# A partial edition: a link to a chapter it leaves out stays text, and the introduction's list of the
# chapters (a tableofcontents directive) may be empty.
PARTIAL_WARNINGS = ["myst.xref_missing", "etoc.tableofcontents"]


@dataclass(frozen=True)
class Result:
    """A finished rerun: where the book is and what became of each notebook."""

    out: Path
    outcomes: list[Outcome]
    pdf: Path | None = None


def notebook_documents() -> list[str]:
    """Return the book's documents that are notebooks, in table-of-contents order."""
    return [d for d in toc.documents() if (REPO / f"{d}.ipynb").is_file()]


def select(names: list[str] | None) -> list[str]:
    """Return the notebook documents named (by stem or path); all of them when names is None."""
    available = notebook_documents()
    if not names:
        return available
    by_name = {Path(d).name: d for d in available} | {d: d for d in available}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        shown = ", ".join(repr(n)[:60] for n in unknown)
        raise RerunError(f"unknown chapter(s) {shown}; choose from: {', '.join(Path(d).name for d in available)}")
    return list(dict.fromkeys(by_name[n] for n in names))


def _check_valid(directory: Path, shown: str) -> None:
    """Raise RerunError naming every problem of a data directory (`shown` names it in the message)."""
    problems = validate(directory)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems)
        raise RerunError(f"{len(problems)} problem(s) in {shown}; nothing was run:\n{listed}")


def _out_folders(out: str | Path, force: bool, data_dir: Path) -> tuple[Path, Path]:
    """Return OUT and OUT.failed, absolute, after every check that can be made before the run."""
    out_path = Path(out).expanduser()
    if out_path.is_symlink():
        raise RerunError(f"OUT {out_path} is a symbolic link; rerun writes only to a real folder")
    out = out_path.resolve()
    failed_dir = out.with_name(f"{out.name}.failed")
    for folder in (out, failed_dir):
        check_out(folder, {"repository": REPO, "data directory": data_dir})
    check_replaceable(out, force, "OUT")
    check_replaceable(failed_dir, True, "OUT.failed")
    return out, failed_dir


# --- staging and the book ------------------------------------------------------------------------


def copy_package(data_dir: Path, target: Path) -> None:
    """Copy what the book reads of a data package: the files it publishes and the letters' page indexes."""
    descriptor = package.read_descriptor(data_dir)
    letters = data_dir / package.LETTERS_DIR
    indexes = [] if letters.is_symlink() or not letters.is_dir() else sorted(letters.glob("*.json"))
    names = package.published_files(data_dir, descriptor)
    names += [f"{package.LETTERS_DIR}/{p.name}" for p in indexes if p.is_file() and not p.is_symlink()]
    for name in names:
        copied = target / name
        copied.parent.mkdir(parents=True, exist_ok=True)
        copied.write_bytes((data_dir / name).read_bytes())


def job_parameters(document: str, gemeente: str | None, compare: bool) -> dict:
    """Return a notebook's parameters: the data copy (and --compare-to's) relative to the notebook's folder."""
    here = posixpath.dirname(document) or "."
    parameters = {"data_dir": posixpath.relpath(DATA_COPY, here)} | ({"gemeente": gemeente} if gemeente else {})
    if compare and document == CHANGES_DOCUMENT:
        parameters["compare_to"] = posixpath.relpath(COMPARE_COPY, here)
    return parameters


def _stage_book(staging: Path, documents: list[str], data_dir: Path) -> Path:
    book = staging / "book"
    book.mkdir(parents=True)
    for name in BOOK_FILES:
        shutil.copy2(REPO / name, book / name)
    copy_package(data_dir, book / DATA_COPY)  # what the notebooks read and the book publishes for download
    if documents == notebook_documents():
        shutil.copy2(REPO / "_toc.yml", book / "_toc.yml")
        for document in toc.documents():
            source = REPO / f"{document}.md"
            if source.is_file():
                (book / document).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, book / f"{document}.md")
    else:
        # A partial edition gets a plain root page: it lists the chapters of this edition.
        (book / "index.md").write_text(
            "# Heruitvoering\n\nHoofdstukken in deze editie:\n\n```{tableofcontents}\n```\n", encoding="utf-8"
        )
        contents = {"format": "jb-book", "root": "index", "chapters": [{"file": d} for d in documents]}
        (book / "_toc.yml").write_text(yaml.safe_dump(contents, sort_keys=False), encoding="utf-8")
        config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8"))
        sphinx_config = config.setdefault("sphinx", {}).setdefault("config", {})
        sphinx_config["suppress_warnings"] = [*sphinx_config.get("suppress_warnings", []), *PARTIAL_WARNINGS]
        (book / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return book


def _without_print_link(book: Path) -> None:
    """Leave out the web edition's link to the print edition (book.sphinx_ext): this run writes no PDF."""
    path = book / "_config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.setdefault("sphinx", {}).setdefault("config", {})["participatie_print_edition"] = ""
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _print_edition(result: Path, data_dir: Path) -> None:
    """Write the print edition beside the web edition's index.html (its link) and as OUT/boek.pdf."""
    from ..book import pdf

    try:
        built = pdf.build(result / "html", result / "html" / PDF_NAME, data_dir, result.parent / "book")
    except Exception as error:  # WeasyPrint, vl-convert or a page without an article
        raise RerunError(f"the print edition did not build: {type(error).__name__}: {error}") from error
    shutil.copy2(built.path, result / PDF_NAME)


def _build(book: Path) -> None:
    program = Path(sys.executable).with_name("jupyter-book")
    command = [str(program), "build", str(book), "--warningiserror", "--nitpick", "--keep-going", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, errors="backslashreplace")
    if result.returncode != 0:
        raise RerunError(f"the book did not build:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")


def rerun(
    data_dir: str | Path,
    out: str | Path,
    chapters: list[str] | None = None,
    jobs: int = 1,
    gemeente: str | None = None,
    force: bool = False,
    scheduler: str | None = None,
    show_progress: bool = True,
    compare_to: str | Path | None = None,
    pdf: bool = False,
) -> Result:
    """Validate data_dir, execute the chosen notebooks on it and build the book into out (with pdf also
    OUT/boek.pdf and OUT/html/boek.pdf, which the web edition then links to).

    Raises RerunError (with every data problem, or the failed notebooks and cells) when anything fails;
    OUT is then left as it was.
    """
    try:
        data_dir = package.resolve_data_dir(data_dir)
        if gemeente is not None:
            check_municipality_code(gemeente)
    except (FileNotFoundError, InvalidMunicipalityCode) as error:
        raise RerunError(str(error)) from None
    if scheduler:
        check_scheduler(scheduler)
    try:
        out, failed_dir = _out_folders(out, force, data_dir)
    except OSError as error:  # a name too long, a folder without permission
        raise RerunError(f"OUT {out}: {error.strerror or error}") from None
    documents = select(chapters)
    _check_valid(data_dir, str(data_dir))
    compared = None  # the appendix of changes compares with the bundled data unless told otherwise
    if compare_to is not None:
        try:
            compared = package.resolve_data_dir(compare_to)
        except FileNotFoundError as error:
            raise RerunError(f"--compare-to: {error}") from None
        _check_valid(compared, f"--compare-to {compared}")
    work = [Job(d, job_parameters(d, gemeente, compared is not None)) for d in documents]

    out.parent.mkdir(parents=True, exist_ok=True)
    with Lock(out):
        check_replaceable(out, force, "OUT")  # again, now that no other run can write it
        remove_stale_staging(out)
        staging = staging_folder(out)
        keep = False
        try:
            book = _stage_book(staging, documents, data_dir)
            if compared is not None:
                copy_package(compared, staging / posixpath.basename(COMPARE_COPY))
            if not pdf:
                _without_print_link(book)
            if scheduler:
                outcomes = run_distributed(work, book, scheduler, show_progress)
            else:
                outcomes = run_local(work, book, max(1, jobs), show_progress)
            failed = [o for o in outcomes if not o.ok]
            if failed:
                kept = staging / "failed"
                book.rename(kept)
                mark(kept, data_dir)
                check_replaceable(failed_dir, True, "OUT.failed")
                replace(kept, failed_dir)
                lines = "\n".join(
                    f"  - {o.document}: cell {o.failed_cell or '?'} failed: {o.error}\n"
                    f"    executed notebook: {failed_dir / (o.document + '.ipynb')}"
                    for o in failed
                )
                raise RerunError(f"{len(failed)} notebook(s) failed; {out} was not changed:\n{lines}")
            _build(book)
            result = staging / "result"
            result.mkdir()
            shutil.move(str(book / "_build" / "html"), result / "html")
            if pdf:
                _print_edition(result, data_dir)
            for document in documents:
                target = result / "notebooks" / f"{document}.ipynb"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(book / f"{document}.ipynb", target)
            mark(result, data_dir)
            try:
                replace(result, out)
            except OSError as error:
                keep = True  # the finished book is not thrown away; the next run on OUT removes it
                raise RerunError(
                    f"the book was built but could not be moved into {out} ({error.strerror or error}); "
                    f"it is kept in {result} until the next run on OUT"
                ) from None
        finally:
            if not keep:
                shutil.rmtree(staging, ignore_errors=True)
    return Result(out, sorted(outcomes, key=lambda o: documents.index(o.document)), out / PDF_NAME if pdf else None)
