"""The command line and the one notebook executor (used by make and by rerun)."""

import subprocess
import sys

import nbformat

from participatie.tools import cli, execute


def test_validate_ok(capsys):
    assert cli.main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "0 problem(s)" in out and "provenance checked against the page indexes of" in out


def test_validate_reports_problems(data_copy, capsys):
    (data_copy / "beschut_werk.csv").write_text("", encoding="utf-8")
    assert cli.main(["validate", "--data-dir", str(data_copy)]) == 1
    assert "beschut_werk.csv, row 1, column -: file is empty" in capsys.readouterr().err


def test_validate_names_a_missing_or_wrong_directory(tmp_path, capsys):
    assert cli.main(["validate", "--data-dir", str(tmp_path / "nowhere")]) == 1
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "file.csv").write_text("x")
    assert cli.main(["validate", "--data-dir", str(tmp_path / "file.csv")]) == 1
    assert "is a file, not a directory" in capsys.readouterr().err


def _notebook(tmp_path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "n.ipynb"
    nbformat.write(notebook, path)
    return path


def test_execute_in_place_is_deterministic_and_writes_only_on_change(tmp_path):
    path = _notebook(tmp_path, "print(6 * 7)")
    assert execute.execute(path).changed is True
    first = path.read_text()
    assert "42" in first and "timestamp" not in first and '"execution"' not in first and "papermill" not in first
    assert '"tags": []' not in first, "tags papermill added are dropped"
    outcome = execute.execute(path)
    assert outcome.ok and outcome.changed is False and path.read_text() == first


def test_execute_keeps_a_failing_notebook_as_it_was(tmp_path, capsys):
    path = _notebook(tmp_path, "x = 1", "raise RuntimeError('kapot')")
    before = path.read_bytes()
    outcome = execute.execute(path)
    assert (outcome.ok, outcome.failed_cell, outcome.error) == (False, 2, "RuntimeError: kapot")
    assert path.read_bytes() == before
    assert cli.main(["execute", str(path)]) == 1 and "cell 2 failed" in capsys.readouterr().err
    assert path.read_bytes() == before and not list(tmp_path.glob(".n.*"))


def test_execute_into_a_target_keeps_the_error_and_hides_injected_parameters(tmp_path):
    path = _notebook(tmp_path, "x = 1", "raise RuntimeError(f'kapot {x}')")
    source = nbformat.read(path, as_version=4)
    source.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(source, path)
    target = tmp_path / "out" / "n.ipynb"
    outcome = execute.execute(path, target, {"x": 5})
    assert not outcome.ok and "kapot 5" in outcome.error
    executed = nbformat.read(target, as_version=4)
    [injected] = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected.metadata["tags"] == ["injected-parameters", "remove-cell"] and "x = 5" in injected.source
    assert any(o.get("output_type") == "error" for c in executed.cells for o in c.get("outputs", []))


def test_module_entry_point_help():
    result = subprocess.run([sys.executable, "-m", "participatie", "--help"], capture_output=True, text=True)
    for command in ("validate", "execute", "rerun", "synthetic", "letters", "makedeps"):
        assert command in result.stdout


def test_the_installed_command_runs():
    # pyproject's [project.scripts] names the function the installed `participatie` command calls; a wrong module
    # path installs fine and fails only when run (ModuleNotFoundError), so the script itself is run here.
    from importlib.metadata import entry_points
    from pathlib import Path

    (script,) = entry_points(group="console_scripts", name="participatie")
    assert script.load() is cli.main
    command = Path(sys.executable).with_name("participatie")
    assert command.is_file(), f"{command} is not installed (make setup installs the package)"
    shown = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert "rerun" in shown.stdout and "validate" in shown.stdout
    checked = subprocess.run([str(command), "validate"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0 and "0 problem(s)" in checked.stdout, checked.stderr[-2000:]
