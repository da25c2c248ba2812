"""The build is a make graph; `make test` renders the committed notebooks and never re-executes them."""

import shutil
import subprocess

from conftest import REPO, skip_or_fail


def _make(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("make") is None:
        skip_or_fail("make is not installed")
    return subprocess.run(["make", *args], cwd=REPO, capture_output=True, text=True)


def test_make_test_renders_without_executing_any_notebook():
    # nbval must compare the committed outputs with a fresh run, not a fresh run with a fresh run.
    # -W: as if every notebook had just changed (nothing is touched); -n: print what would run.
    changed = [f"-W{notebook}" for notebook in ("intro.ipynb", "chapters/beschut_werk.ipynb", "appendices/revisies.ipynb")]
    dry = _make("-n", *changed, "test").stdout
    assert "jupyter-book build" in dry and "pytest" in dry
    assert "participatie execute" not in dry and "papermill" not in dry, dry


def test_make_book_executes_and_html_is_up_to_date_after_the_test_build():
    assert "participatie execute chapters/beschut_werk.ipynb" in _make("-n", "-Wchapters/beschut_werk.ipynb", "book").stdout
    result = _make("-q", "html")
    assert result.returncode == 0, "make html would do work with nothing changed:\n" + _make("-n", "html").stdout


def test_the_tests_left_the_notebooks_and_data_as_committed():
    if not (REPO / ".git").exists():
        skip_or_fail("not a git checkout: cannot compare the notebooks with the committed ones")
    result = subprocess.run(
        ["git", "status", "--porcelain", "--", "chapters", "appendices", "intro.ipynb", "data"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_makefile_dependencies_come_from_the_theme_records():
    from participatie.themes import THEMES
    from participatie.tools.makedeps import makefile

    rules = makefile()
    for theme in THEMES:
        line = next(rule for rule in rules.splitlines() if rule.startswith(f"$(EXECUTED)/{theme.document}.done:"))
        assert f"src/participatie/themes/{theme.name}/*.py" in line
        assert all(f"data/{name}.csv" in line for name in theme.resources)
