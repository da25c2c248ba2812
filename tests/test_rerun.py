"""`python -m participatie rerun`: safe, parallel re-runs of the book on another data directory."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from participatie import rerun
from conftest import CHAPTERS, DATA, REPO
from helpers import edit_rows


def _digest(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def repository_unchanged():
    before = _digest(CHAPTERS, DATA, REPO / "appendices")
    yield
    assert _digest(CHAPTERS, DATA, REPO / "appendices") == before


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "participatie", "rerun", "--no-progress", *args],
                          capture_output=True, text=True, timeout=900)


def test_help_documents_every_option():
    result = subprocess.run([sys.executable, "-m", "participatie", "rerun", "--help"], capture_output=True, text=True)
    for option in ("--data-dir", "--out", "--chapters", "--jobs", "--gemeente", "--scheduler", "--force", "--no-progress"):
        assert option in result.stdout


def test_select_by_name_and_unknown_names():
    assert rerun.select(["beschut_werk", "chapters/wsw_statistiek"]) == ["chapters/beschut_werk", "chapters/wsw_statistiek"]
    assert rerun.select(None)[0] == "intro" and "appendices/bronnen" in rerun.select(None)
    with pytest.raises(rerun.RerunError, match="unknown chapter.*nonsense.*choose from"):
        rerun.select(["nonsense"])


def test_code_cells_counts_the_progress_unit():
    notebook = nbformat.read(REPO / "chapters" / "beschut_werk.ipynb", as_version=4)
    assert rerun.code_cells("chapters/beschut_werk") == sum(c.cell_type == "code" for c in notebook.cells)


@pytest.mark.slow
def test_rerun_two_chapters_in_parallel_builds_a_book(data_copy, tmp_path, repository_unchanged):
    def edit(rows):
        for row in rows:
            if (row["indicator"], row["period"], row["source_id"]) == ("working_sheltered_workplace", "2018-03-31", "ek-34775-ak"):
                row["value"] = "98765"
        return rows

    edit_rows(data_copy / "beschut_werk.csv", edit)
    out = tmp_path / "out"
    result = _cli("--data-dir", str(data_copy), "--out", str(out), "--chapters", "beschut_werk", "wsw_statistiek",
                  "--jobs", "2")
    assert result.returncode == 0, result.stderr[-4000:]
    page = (out / "html" / "chapters" / "beschut_werk.html").read_text(encoding="utf-8")
    assert "98.765" in page and (out / "html" / "chapters" / "wsw_statistiek.html").is_file()
    assert (out / "html" / "_static" / "data" / "beschut_werk.csv").read_bytes() == (data_copy / "beschut_werk.csv").read_bytes()
    executed = nbformat.read(out / "notebooks" / "chapters" / "beschut_werk.ipynb", as_version=4)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in executed.cells)
    assert not list(tmp_path.glob(".out.staging-*")), "the staging folder is cleaned up"


@pytest.mark.slow
def test_rerun_whole_book_with_progress(tmp_path, repository_unchanged):
    out = tmp_path / "book"
    result = subprocess.run([sys.executable, "-m", "participatie", "rerun", "--data-dir", str(DATA), "--out", str(out),
                             "--jobs", "2"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "hoofdstukken: 100%" in result.stderr and "cellen: 100%" in result.stderr
    for document in rerun.notebook_documents():
        assert (out / "notebooks" / f"{document}.ipynb").is_file()
        assert (out / "html" / f"{document}.html").is_file()
    assert (out / "html" / "appendices" / "citeren.html").is_file()


def test_existing_out_needs_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = _cli("--data-dir", str(DATA), "--out", str(out), "--chapters", "beschut_werk")
    assert result.returncode == 1 and "pass --force" in result.stderr
    assert (out / "keep.txt").read_text() == "mine"


@pytest.mark.slow
def test_force_replaces_out_only_after_success(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.txt").write_text("old")
    result = _cli("--data-dir", str(DATA), "--out", str(out), "--chapters", "beschut_werk", "--force", "--jobs", "1")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (out / "old.txt").exists() and (out / "html" / "chapters" / "beschut_werk.html").is_file()


def test_bad_data_is_reported_at_once_and_nothing_runs(data_copy, tmp_path):
    def edit(rows):
        rows[1]["value"] = "veel"
        rows[4]["period"] = "2017-13"
        return rows

    edit_rows(data_copy / "beschut_werk.csv", edit)
    (data_copy / "wsw_statistiek.csv").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = _cli("--data-dir", str(data_copy), "--out", str(out))
    assert result.returncode == 1
    for expected in ("beschut_werk.csv, row 3, column value", "beschut_werk.csv, row 6, column period",
                     "wsw_statistiek.csv, row 1, column -", "nothing was run"):
        assert expected in result.stderr
    assert not out.exists() and not list(tmp_path.glob(".out.*"))


@pytest.mark.slow
def test_failing_chapter_is_named_with_its_cell_and_kept(data_copy, tmp_path, repository_unchanged):
    # Valid data that the chapter cannot use: the 2015 advices it cites are gone.
    edit_rows(data_copy / "beschut_werk.csv",
              lambda rows: [r for r in rows if not (r["indicator"] == "positive_advices" and r["period"] == "2015")])
    out = tmp_path / "out"
    result = _cli("--data-dir", str(data_copy), "--out", str(out), "--chapters", "beschut_werk", "wsw_statistiek",
                  "--jobs", "2")
    assert result.returncode == 1
    assert "chapters/beschut_werk: cell 3 failed: KeyError" in result.stderr
    assert "wsw_statistiek" not in result.stderr.split("failed;", 1)[1].split("executed notebook")[0].replace("beschut_werk", "")
    kept = tmp_path / "out.failed" / "chapters" / "beschut_werk.ipynb"
    notebook = nbformat.read(kept, as_version=4)
    assert any(o.get("output_type") == "error" for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert not out.exists()


@pytest.mark.slow
def test_rerun_on_a_local_dask_cluster(tmp_path, repository_unchanged):
    import distributed  # pinned in requirements.txt
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        out = tmp_path / "out"
        outcomes = rerun.rerun(DATA, out, ["beschut_werk"], scheduler=cluster.scheduler_address, show_progress=False)
    assert [o.ok for o in outcomes] == [True]
    assert (out / "html" / "chapters" / "beschut_werk.html").is_file()


def test_out_inside_the_repository_data_is_refused():
    with pytest.raises(rerun.RerunError, match="may not lie inside"):
        rerun.rerun(DATA, DATA / "out", ["beschut_werk"], show_progress=False)


@pytest.mark.slow
def test_rerun_large_per_gemeente_data_national_and_municipal(synthetic_data, tmp_path, repository_unchanged):
    # The national edition of 100k+ per-gemeente rows aggregates before charting: pages stay small.
    national = rerun.rerun(synthetic_data, tmp_path / "nl", ["beschut_werk", "banenafspraak_duurzaamheid"], jobs=2,
                           show_progress=False)
    assert all(o.ok for o in national)
    for page in ("beschut_werk", "banenafspraak_duurzaamheid"):
        html = tmp_path / "nl" / "html" / "chapters" / f"{page}.html"
        assert html.stat().st_size < 200_000 and "SYNTHETISCH" in html.read_text(encoding="utf-8").upper()
    # A municipal edition of the same data, for one CBS code.
    code = "GM9001"
    municipal = rerun.rerun(synthetic_data, tmp_path / "gm", ["beschut_werk"], gemeente=code, show_progress=False)
    assert municipal[0].ok
    executed = (tmp_path / "gm" / "notebooks" / "chapters" / "beschut_werk.ipynb").read_text(encoding="utf-8")
    assert code in executed
