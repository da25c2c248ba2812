"""Command line: validate data, execute notebooks, re-run the book on new data, and the letters' page index.

python -m participatie validate [--data-dir DIR]
python -m participatie execute chapters/beschut_werk.ipynb [...]
python -m participatie rerun --data-dir DIR --out OUT [--chapters NAMES] [--jobs N] [--gemeente CODE]
python -m participatie synthetic --out DIR [--seed N] [--years K] [--municipalities N]
python -m participatie letters index LETTER.txt --source-id ID [--out FILE]
python -m participatie letters verify --letters DIR [--index-dir DIR]
python -m participatie makedeps
python -m participatie pdf [--html _build/html] [--out _build/html/boek.pdf] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..data import package, page_index
from ..data.untrusted import terminal
from ..data.validation import validate


def say(*values: object, file=None) -> None:
    """Print a line with every control, direction and undecodable character escaped (`untrusted.terminal`):
    messages name files and cells from others, whose escape sequences must not reach the terminal."""
    print(*(terminal(value) for value in values), file=file)


def _cmd_validate(args: argparse.Namespace) -> int:
    directory = package.resolve_data_dir(args.data_dir)
    problems = validate(directory)
    for problem in problems:
        say(problem, file=sys.stderr)
    indexed = sorted(p.stem for p in (directory / package.LETTERS_DIR).glob("*.json"))
    say(
        f"{len(problems)} problem(s) in {directory}"
        + (f"; provenance checked against the page indexes of {', '.join(indexed)}" if indexed else "")
    )
    return 1 if problems else 0


def _cmd_execute(args: argparse.Namespace) -> int:
    from .execute import execute

    failed = 0
    for notebook in args.notebooks:
        outcome = execute(Path(notebook), timeout=args.timeout)
        if outcome.ok:
            say(f"{notebook}: executed ({'outputs changed' if outcome.changed else 'outputs unchanged'})")
            continue
        failed += 1
        say(
            f"{notebook}: cell {outcome.failed_cell or '?'} failed ({outcome.error}); the stored notebook is left unchanged",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _cmd_rerun(args: argparse.Namespace) -> int:
    from . import rerun

    names = [n for part in (args.chapters or []) for n in part.split(",") if n]
    try:
        result = rerun.rerun(
            args.data_dir,
            args.out,
            names or None,
            args.jobs,
            args.gemeente,
            args.force,
            args.scheduler,
            show_progress=not args.no_progress,
            compare_to=args.compare_to,
            pdf=args.pdf,
        )
    except rerun.RerunError as error:
        say(f"rerun failed: {error}", file=sys.stderr)
        return 1
    say(
        f"{len(result.outcomes)} notebook(s) executed; book in {result.out / 'html'}, "
        f"executed notebooks in {result.out / 'notebooks'}" + (f", PDF {result.pdf}" if result.pdf else "")
    )
    return 0


def _cmd_synthetic(args: argparse.Namespace) -> int:
    from . import synthetic

    try:
        written = synthetic.generate(args.out, seed=args.seed, years=args.years, count=args.municipalities, force=args.force)
    except (FileExistsError, ValueError) as error:
        say(f"synthetic: {error}", file=sys.stderr)
        return 1
    say(
        f"{sum(written.values()):,} synthetic figure rows ({', '.join(f'{n}: {c:,}' for n, c in written.items())}) "
        f"in {Path(args.out).resolve()}; SYNTHETISCH, never for publication"
    )
    return 0


def _cmd_letters_index(args: argparse.Namespace) -> int:
    try:
        source_id = page_index.check_source_id(args.source_id)  # it names the file: never a path
    except ValueError as error:
        say(f"letters index: {error}", file=sys.stderr)
        return 1
    out = args.out or package.bundled_data_dir() / package.LETTERS_DIR / f"{source_id}.json"
    try:
        index = page_index.build_index(args.letter.read_text(encoding="utf-8"), source_id)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        say(f"letters index: {args.letter}: {error}", file=sys.stderr)
        return 1
    text = page_index.dumps(index)
    summary = f"{len(index['pages'])} pages, {sum(len(p['numbers']) for p in index['pages'])} numbers"
    if out.is_symlink() or (out.exists() and not out.is_file()):
        say(f"letters index: {out} is not a regular file; it is left as it is", file=sys.stderr)
        return 1
    if out.exists() and out.read_text(encoding="utf-8") != text and not args.force:
        say(f"letters index: {out} exists and differs; pass --force to replace it", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8", newline="\n")
    partial.replace(out)
    say(f"wrote {out}: {summary}")
    return 0


def _cmd_letters_verify(args: argparse.Namespace) -> int:
    index_dir = args.index_dir or package.bundled_data_dir() / package.LETTERS_DIR
    if not args.letters.is_dir():
        say(f"letters verify: {args.letters} is no folder of letters (*.txt)", file=sys.stderr)
        return 1
    differences = page_index.verify(args.letters, index_dir)
    for line in differences:
        say(line, file=sys.stderr)
    say(f"{len(differences)} difference(s) between the page indexes in {index_dir} and the letters in {args.letters}")
    return 1 if differences else 0


def _cmd_makedeps(args: argparse.Namespace) -> int:
    from . import makedeps

    sys.stdout.write(makedeps.makefile())
    return 0


def _cmd_toc(args: argparse.Namespace) -> int:
    from ..book import toc

    changed = toc.write(args.out)
    print(f"toc: {args.out} {'written' if changed else 'unchanged'}")
    return 0


def _cmd_texts(args: argparse.Namespace) -> int:
    from . import texts

    return texts.main(check=args.check, only=args.pages)


def _cmd_pdf(args: argparse.Namespace) -> int:
    from ..book import pdf

    html_dir = Path(args.html)
    if not (html_dir / "index.html").is_file():
        say(f"pdf: {html_dir} holds no built book (index.html); run `make html` first", file=sys.stderr)
        return 1
    built = pdf.build(html_dir, args.out or html_dir / pdf.PDF_NAME, args.data_dir)
    say(f"wrote {built.path}: {built.pages} pages, {built.size / 1_000_000:.1f} MB in {built.seconds:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command line."""
    from . import rerun, synthetic, texts

    parser = argparse.ArgumentParser(prog="python -m participatie", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("validate", help="check every file of a data directory (cells, keys, provenance)")
    check.add_argument("--data-dir", default=None, help="data directory (default: the bundled data/)")
    check.set_defaults(func=_cmd_validate)

    execute = commands.add_parser("execute", help="execute notebooks in place, deterministically")
    execute.add_argument("notebooks", nargs="+", help="notebook files")
    execute.add_argument("--timeout", type=int, default=600, help="seconds a cell may run (default 600)")
    execute.set_defaults(func=_cmd_execute)

    again = commands.add_parser(
        "rerun",
        help="validate a data directory, execute the book on it in parallel and build it",
        description=rerun.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    again.add_argument("--data-dir", required=True, help="data directory with a datapackage.json (never written to)")
    again.add_argument("--out", required=True, help="new folder for the result: OUT/html and OUT/notebooks")
    again.add_argument(
        "--chapters",
        nargs="*",
        metavar="NAME",
        help="notebooks to run, by name (e.g. beschut_werk wsw_statistiek, or comma-separated); default: the whole book",
    )
    again.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes running notebooks in parallel (default: the number of cores)",
    )
    again.add_argument("--gemeente", metavar="CODE", help="municipal edition for a CBS code such as GM0363")
    again.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="hand the notebook runs to a Dask distributed scheduler, e.g. tcp://127.0.0.1:8786",
    )
    again.add_argument(
        "--force",
        action="store_true",
        help="replace OUT if an earlier rerun wrote it (only after success; never any other folder)",
    )
    again.add_argument(
        "--compare-to",
        metavar="DIR",
        help="data directory that the appendix 'Wijzigingen in de cijfers' compares with (default: the bundled data/)",
    )
    again.add_argument("--pdf", action="store_true", help="also write the print edition, OUT/boek.pdf")
    again.add_argument("--no-progress", action="store_true", help="no progress bars on standard error")
    again.set_defaults(func=_cmd_rerun)

    fake = commands.add_parser(
        "synthetic",
        help="write a SYNTHETIC per-gemeente data directory (for tests and benchmarks only)",
        description=synthetic.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fake.add_argument("--out", required=True, help="new or empty folder for the synthetic data directory")
    fake.add_argument(
        "--force", action="store_true", help="replace OUT if an earlier `synthetic` wrote it (never any other folder)"
    )
    fake.add_argument(
        "--seed",
        type=int,
        default=synthetic.DEFAULT_SEED,
        help=f"random seed; the same seed gives the same bytes (default {synthetic.DEFAULT_SEED})",
    )
    fake.add_argument(
        "--years",
        type=int,
        default=synthetic.DEFAULT_YEARS,
        help=f"periods per figure: the real one and years-1 shifted back by 10, 20, ... years "
        f"(default {synthetic.DEFAULT_YEARS}: over {synthetic.MIN_ROWS:,} rows from the bundled data)",
    )
    fake.add_argument(
        "--municipalities",
        type=int,
        default=synthetic.MUNICIPALITIES,
        help=f"how many municipalities, 1 to {synthetic.MUNICIPALITIES} (default {synthetic.MUNICIPALITIES})",
    )
    fake.set_defaults(func=_cmd_synthetic)

    letters = commands.add_parser("letters", help="the page index of the letters (numbers printed per page)")
    verbs = letters.add_subparsers(dest="verb", required=True)
    index = verbs.add_parser("index", help="write the page index of one letter from its text")
    index.add_argument("letter", type=Path, help="the letter as plain text (pages split by form feeds or as in the seeds)")
    index.add_argument("--source-id", required=True, help="the letter's id in sources.csv")
    index.add_argument("--out", type=Path, help="index file (default: data/letters/<source-id>.json)")
    index.add_argument("--force", action="store_true", help="replace an existing, different index")
    index.set_defaults(func=_cmd_letters_index)
    verify = verbs.add_parser("verify", help="rebuild every committed page index from the letters and compare")
    verify.add_argument("--letters", type=Path, required=True, help="folder holding the letters as *.txt")
    verify.add_argument("--index-dir", type=Path, help="folder of page indexes (default: data/letters)")
    verify.set_defaults(func=_cmd_letters_verify)

    deps = commands.add_parser("makedeps", help="print the Makefile rules that say which notebook reads what")
    deps.set_defaults(func=_cmd_makedeps)

    contents = commands.add_parser("toc", help="write _toc.yml from the theme records and the book's appendices")
    contents.add_argument("--out", type=Path, default=Path("_toc.yml"), help="file to write (default: _toc.yml)")
    contents.set_defaults(func=_cmd_toc)

    words = commands.add_parser(
        "texts",
        help="render the text of every page in every edition without a kernel; write tests/snapshots",
        description=texts.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    words.add_argument("--check", action="store_true", help="compare with tests/snapshots instead of writing")
    words.add_argument("pages", nargs="*", help="only these pages, e.g. chapters/beschut_werk (default: every page)")
    words.set_defaults(func=_cmd_texts)

    printed = commands.add_parser("pdf", help="write the print edition: the built book as one A4 PDF")
    printed.add_argument("--html", default="_build/html", help="the built book (default: _build/html)")
    printed.add_argument("--out", help="the PDF to write (default: HTML/boek.pdf, which every page links to)")
    printed.add_argument("--data-dir", help="data for the edition date (default: the book's published _static/data/)")
    printed.set_defaults(func=_cmd_pdf)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (Ctrl-C: one line and 130)."""
    try:
        args = build_parser().parse_args(argv)
        return args.func(args)
    except KeyboardInterrupt:
        say("interrupted (Ctrl-C); nothing was replaced", file=sys.stderr)
        return 130
    except (package.DataValidationError, FileNotFoundError) as error:
        say(error, file=sys.stderr)
        return 1
    except OSError as error:  # a name too long, a folder without permission, a full disk ...
        say(f"error: {error}", file=sys.stderr)
        return 1
