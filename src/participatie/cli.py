"""Command line: validate a data directory, execute chapter notebooks, re-run the book on new data.

    python -m participatie validate [--data-dir DIR]
    python -m participatie execute chapters/beschut_werk.ipynb [...]
    python -m participatie rerun --data-dir DIR --out OUT [--chapters NAMES] [--jobs N] [--gemeente CODE]
    python -m participatie synthetic --out DIR [--seed N] [--years K]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import data


def execute_notebook(path: Path, timeout: int = 600) -> bool:
    """Execute a notebook in place with deterministic outputs; return whether its file changed.

    The notebook is written only when every cell succeeded, so a failing run leaves the stored
    notebook (the regression reference) as it was.
    """
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    before = nbformat.writes(notebook)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,  # no timestamps in the stored notebook
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("papermill", None)
    after = nbformat.writes(notebook)
    if after != before:
        path.write_text(after if after.endswith("\n") else after + "\n", encoding="utf-8")
        return True
    return False


def _cmd_validate(args: argparse.Namespace) -> int:
    problems = data.validate(args.data_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) in {data.resolve_data_dir(args.data_dir)}")
    return 1 if problems else 0


def _cmd_execute(args: argparse.Namespace) -> int:
    from nbclient.exceptions import CellExecutionError

    failed = 0
    for notebook in args.notebooks:
        try:
            changed = execute_notebook(Path(notebook), args.timeout)
        except CellExecutionError as error:
            failed += 1
            print(f"{notebook}: a cell failed; the stored notebook is left unchanged.\n{error}", file=sys.stderr)
            continue
        print(f"{notebook}: executed ({'outputs changed' if changed else 'outputs unchanged'})")
    return 1 if failed else 0


def _cmd_rerun(args: argparse.Namespace) -> int:
    from . import rerun

    names = [n for part in (args.chapters or []) for n in part.split(",") if n]
    try:
        outcomes = rerun.rerun(args.data_dir, args.out, names or None, args.jobs, args.gemeente, args.force,
                               args.scheduler, show_progress=not args.no_progress)
    except rerun.RerunError as error:
        print(f"rerun failed: {error}", file=sys.stderr)
        return 1
    print(f"{len(outcomes)} notebook(s) executed; book in {Path(args.out).resolve() / 'html'}, "
          f"executed notebooks in {Path(args.out).resolve() / 'notebooks'}")
    return 0


def _cmd_synthetic(args: argparse.Namespace) -> int:
    from . import synthetic

    try:
        written = synthetic.generate(args.out, seed=args.seed, years=args.years)
    except (FileExistsError, ValueError) as error:
        print(f"synthetic: {error}", file=sys.stderr)
        return 1
    print(f"{sum(written.values()):,} synthetic figure rows ({', '.join(f'{n}: {c:,}' for n, c in written.items())}) "
          f"in {Path(args.out).resolve()}; SYNTHETISCH, never for publication")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the command line."""
    parser = argparse.ArgumentParser(prog="python -m participatie", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every file of a data directory against datapackage.json")
    validate.add_argument("--data-dir", default=None, help="data directory (default: the bundled data/)")
    validate.set_defaults(func=_cmd_validate)

    execute = commands.add_parser("execute", help="execute chapter notebooks in place, deterministically")
    execute.add_argument("notebooks", nargs="+", help="notebook files")
    execute.add_argument("--timeout", type=int, default=600, help="seconds a cell may run (default 600)")
    execute.set_defaults(func=_cmd_execute)

    from . import rerun

    again = commands.add_parser(
        "rerun", help="validate a data directory, execute the chapters on it in parallel and build a book",
        description=rerun.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    again.add_argument("--data-dir", required=True, help="data directory with a datapackage.json (never written to)")
    again.add_argument("--out", required=True,
                       help="folder for the result: OUT/html (the book) and OUT/notebooks (executed notebooks)")
    again.add_argument("--chapters", nargs="*", metavar="NAME",
                       help="notebooks to run, by name (e.g. beschut_werk wsw_statistiek, or comma-separated); "
                            "default: the whole book")
    again.add_argument("--jobs", type=int, default=rerun.default_jobs(),
                       help="worker processes running chapters in parallel (default: the number of cores)")
    again.add_argument("--gemeente", metavar="CODE", help="municipal edition for a CBS code such as GM0363 "
                                                          "(needs per-gemeente data)")
    again.add_argument("--scheduler", metavar="ADDRESS",
                       help="hand the chapter runs to a Dask distributed scheduler, e.g. tcp://127.0.0.1:8786")
    again.add_argument("--force", action="store_true", help="replace OUT if it exists (only after success)")
    again.add_argument("--no-progress", action="store_true", help="no progress bars on standard error")
    again.set_defaults(func=_cmd_rerun)

    from . import synthetic

    fake = commands.add_parser(
        "synthetic", help="write a SYNTHETIC per-gemeente data directory (for tests and benchmarks only)",
        description=synthetic.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    fake.add_argument("--out", required=True, help="new or empty folder for the synthetic data directory")
    fake.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED,
                      help=f"random seed; the same seed gives the same bytes (default {synthetic.DEFAULT_SEED})")
    fake.add_argument("--years", type=int, default=synthetic.DEFAULT_YEARS,
                      help=f"periods per figure: the real one and years-1 shifted back by 10, 20, ... years "
                           f"(default {synthetic.DEFAULT_YEARS}: over {synthetic.MIN_ROWS:,} rows from the bundled data)")
    fake.set_defaults(func=_cmd_synthetic)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (data.DataValidationError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
