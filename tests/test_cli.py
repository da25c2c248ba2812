import shutil
import subprocess
import sys

import nbformat

from participatie import cli
from conftest import CHAPTERS


def test_validate_ok(capsys):
    assert cli.main(["validate"]) == 0
    assert "0 problem(s)" in capsys.readouterr().out


def test_validate_reports_problems(data_copy, capsys):
    (data_copy / "beschut_werk.csv").write_text("", encoding="utf-8")
    assert cli.main(["validate", "--data-dir", str(data_copy)]) == 1
    assert "beschut_werk.csv, row 1, column -: file is empty" in capsys.readouterr().err


def test_execute_is_deterministic_and_keeps_a_failing_notebook(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    assert cli.execute_notebook(path) is True
    first = path.read_text()
    assert "42" in first and "timestamp" not in first and '"execution"' not in first
    assert cli.execute_notebook(path) is False and path.read_text() == first

    notebook.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('kapot')"))
    nbformat.write(notebook, path)
    before = path.read_bytes()
    assert cli.main(["execute", str(path)]) == 1
    assert path.read_bytes() == before


def test_module_entry_point_help():
    result = subprocess.run([sys.executable, "-m", "participatie", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "validate" in result.stdout and "execute" in result.stdout
