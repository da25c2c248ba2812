"""Every kernel the tests and tools start talks over private Unix sockets, not TCP ports (a port that two kernels
started at once are both handed kills one of them: "Kernel died before replying to kernel_info"): nbval's in
this run, nbval's in a pytest run of its own (as the benchmark and the stale-output test start one), and the
papermill runs of the tests."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import nbformat
import nbval.kernel
import pytest

from participatie.tools import kernels

from helpers import papermill

# A cell that prints how its own kernel talks to its client (the connection file the kernel was started with).
TRANSPORT = 'import json, ipykernel\nprint(json.load(open(ipykernel.get_connection_file()))["transport"])'


def _notebook(path, stored: str | None = None):
    cell = nbformat.v4.new_code_cell(TRANSPORT)
    if stored is not None:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=stored + "\n")]
        cell.execution_count = 1
    notebook = nbformat.v4.new_notebook(cells=[cell])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def test_the_package_registers_its_pytest_plugin_and_nbval_uses_private_sockets(tmp_path):
    (plugin,) = entry_points(group="pytest11", name="participatie-kernels")
    assert plugin.load() is kernels
    assert getattr(nbval.kernel.KernelManager, "participatie_private", False)
    manager = nbval.kernel.KernelManager(kernel_name="python3")
    assert manager.transport == "ipc" and manager.ip.startswith(str(kernels.socket_root()))
    assert kernels.use_private_sockets_for_nbval() and nbval.kernel.KernelManager is type(manager)


@pytest.mark.slow
def test_nbval_in_a_pytest_run_of_its_own_starts_its_kernel_on_a_unix_socket(tmp_path):
    # The benchmark runs nbval as `pytest --nbval ... -o addopts=` on the notebooks alone, where tests/conftest.py
    # is never read: the stored output "ipc" matches only when the plugin gave the kernel a Unix socket.
    notebook = _notebook(tmp_path / "transport.ipynb", stored="ipc")
    command = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, "-o", "addopts=", "-q", str(notebook)], capture_output=True, text=True, cwd=tmp_path, timeout=300
    )
    assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout[-3000:]


@pytest.mark.slow
def test_the_tests_papermill_runs_start_their_kernel_on_a_unix_socket(tmp_path):
    notebook = _notebook(tmp_path / "transport.ipynb")
    result = papermill(notebook, tmp_path / "out.ipynb")
    assert result.returncode == 0, result.stderr[-3000:]
    (cell,) = nbformat.read(tmp_path / "out.ipynb", as_version=4).cells
    assert "".join(output.get("text", "") for output in cell.outputs).strip() == "ipc"


@pytest.mark.slow
def test_the_papermill_command_reports_a_failing_cell(tmp_path):
    notebook = tmp_path / "fails.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise ValueError('kapot: ' + word)")]), notebook
    )
    nb = nbformat.read(notebook, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell("word = 'x'", metadata={"tags": ["parameters"]}))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, notebook)
    result = papermill(notebook, tmp_path / "out.ipynb", word="vaas")
    assert result.returncode == 1 and "ValueError" in result.stderr and "kapot: vaas" in result.stderr
