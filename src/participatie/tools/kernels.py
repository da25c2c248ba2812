"""Kernels on private Unix sockets wherever a notebook runs: nbval (a pytest plugin) and papermill from the shell.

The executor (`tools.execute`) starts its kernels with `kernel_config`: their sockets live in a private
temporary folder instead of on TCP ports, which two kernels started at once can both be handed ("Kernel
didn't respond in 60 seconds", "Kernel died before replying to kernel_info"). The other places a kernel
starts get the same here:

- **nbval.** The package registers this module as a pytest plugin (`pytest11` entry point in
  pyproject.toml), so every pytest run in the environment — `make test`, the benchmark's nbval run, a test
  that runs pytest in a subprocess — gives nbval a kernel manager with private sockets before any
  notebook's kernel starts.
- **papermill.** `python -m participatie.tools.kernels papermill IN OUT [-p NAME VALUE ...]` runs a
  notebook as papermill's command line does (the kernel in the current folder, `-p` values read as papermill
  reads them), with private sockets, and exits 1 when a cell fails, printing the error. The tests run
  notebooks "as an analyst does" through it.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

from .execute import START_TIMEOUT, kernel_config

_root: Path | None = None


def socket_root() -> Path:
    """Return this process's private folder for kernel sockets (made once, removed when the process ends)."""
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="participatie-kernels-"))
        atexit.register(shutil.rmtree, _root, True)
    return _root


def use_private_sockets_for_nbval() -> bool:
    """Make nbval start its kernels with private sockets; return whether nbval is installed."""
    try:
        import nbval.kernel
    except ImportError:
        return False
    if not getattr(nbval.kernel.KernelManager, "participatie_private", False):
        from jupyter_client.manager import KernelManager

        class PrivateSocketKernelManager(KernelManager):
            """A kernel manager whose every kernel talks over sockets in its own folder."""

            participatie_private = True

            def __init__(self, **kwargs):
                folder = Path(tempfile.mkdtemp(prefix="k", dir=socket_root()))
                super().__init__(**{**kernel_config(folder)["KernelManager"], **kwargs})

        nbval.kernel.KernelManager = PrivateSocketKernelManager
    return True


def pytest_configure(config) -> None:
    """pytest hook (this module is a pytest11 plugin): patch nbval before it starts any kernel."""
    use_private_sockets_for_nbval()


def papermill(notebook: str | Path, out: str | Path, parameters: dict | None = None):
    """Execute a notebook with papermill as its command line would, on private sockets; return the notebook."""
    import papermill as pm
    from traitlets.config import Config

    folder = Path(tempfile.mkdtemp(prefix="k", dir=socket_root()))
    try:
        return pm.execute_notebook(
            str(notebook),
            str(out),
            parameters=parameters or None,
            kernel_name="python3",
            progress_bar=False,
            start_timeout=START_TIMEOUT,
            config=Config(kernel_config(folder)),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """`papermill IN OUT [-p NAME VALUE ...]`: papermill's command on private sockets."""
    import argparse

    from papermill.cli import _resolve_type
    from papermill.exceptions import PapermillExecutionError

    parser = argparse.ArgumentParser(prog="python -m participatie.tools.kernels")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("papermill", help="execute a notebook like papermill, kernels on private sockets")
    run.add_argument("notebook")
    run.add_argument("out")
    run.add_argument("-p", "--parameters", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"))
    args = parser.parse_args(argv)
    parameters = {name: _resolve_type(value) for name, value in args.parameters}  # as papermill's -p reads them
    try:
        papermill(args.notebook, args.out, parameters)
    except PapermillExecutionError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
