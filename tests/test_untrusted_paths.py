"""Folders and command-line values from others, second round: never write through a link or over what the
program did not write, refuse what cannot work before the run with a message, and let any valid folder name
work. Unit-level: what only a built book shows (folders named like {2019} with bytes that are not UTF-8, an
empty private OUT, no published sources, a partial edition with the introduction) is checked on the runs that
test_untrusted_markup and test_rerun make anyway."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from participatie.data import package
from participatie.tools import cli, outdir, rerun, synthetic, workers

from conftest import DATA, REPO

# --- never touch what the program did not write --------------------------------------------------------------


def _lock(out: Path) -> None:
    with outdir.Lock(out):
        pass


def test_the_lock_never_follows_a_link_or_rewrites_a_file_that_is_no_lock(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    lock = tmp_path / ".out.lock"
    lock.symlink_to(victim)
    with pytest.raises(rerun.RerunError, match="symbolic link"):
        _lock(tmp_path / "out")
    lock.unlink()
    os.link(victim, lock)  # a hard link: the same file under the lock's name
    with pytest.raises(rerun.RerunError, match="not a lock"):
        _lock(tmp_path / "out")
    lock.unlink()
    lock.write_text("my notes, not a process id")
    with pytest.raises(rerun.RerunError, match="not a lock"):
        _lock(tmp_path / "out")
    assert victim.read_text() == "precious" and lock.read_text() == "my notes, not a process id"
    lock.write_text("12345")  # a stale lock of a killed run is taken over
    _lock(tmp_path / "out")
    assert lock.read_text() == str(os.getpid())


def _foreign_synthetic_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps({"x-synthetic": True, "resources": []}))
    (folder / "my-thesis.docx").write_text("four years of work")


def test_synthetic_never_replaces_a_folder_it_did_not_write(tmp_path, capsys):
    folder = tmp_path / "scriptie"
    _foreign_synthetic_folder(folder)  # says x-synthetic, but no marker of the generator
    small = ["--municipalities", "2", "--years", "1"]
    assert cli.main(["synthetic", "--out", str(folder), *small]) == 1
    assert cli.main(["synthetic", "--out", str(folder), *small, "--force"]) == 1
    assert "holds no synthetic data written by this command" in capsys.readouterr().err
    assert (folder / "my-thesis.docx").read_text() == "four years of work"


def test_synthetic_replaces_its_own_output_only_with_force(tmp_path):
    folder = tmp_path / "synthetisch"
    synthetic.generate(folder, count=2, years=1)
    assert (folder / synthetic.MARKER).is_file()
    with pytest.raises(FileExistsError, match="pass --force"):
        synthetic.generate(folder, count=2, years=1)
    synthetic.generate(folder, count=3, years=1, force=True)
    assert "GM9003" in (folder / "beschut_werk.csv").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".synthetisch.*staging*"))


def test_synthetic_never_writes_into_its_source(data_copy):
    with pytest.raises(FileExistsError, match="lies inside the source data directory"):
        synthetic.generate(data_copy / "synthetic", source=data_copy, count=2, years=1)
    assert not (data_copy / "synthetic").exists()


def test_an_empty_out_is_filled_in_place_and_keeps_its_mode(tmp_path):
    target = tmp_path / "editie"
    target.mkdir(mode=0o700)
    target.chmod(0o700)
    before = target.stat()
    result = tmp_path / "result"
    (result / "html").mkdir(parents=True)
    (result / "html" / "index.html").write_text("<p>boek</p>")
    outdir.mark(result, DATA)
    outdir.replace(result, target)
    after = target.stat()
    assert (after.st_ino, stat.S_IMODE(after.st_mode)) == (before.st_ino, 0o700)
    assert outdir.written_by_rerun(target) and (target / "html" / "index.html").read_text() == "<p>boek</p>"


def test_letters_index_writes_only_a_letter_id_into_the_letters_folder(tmp_path, monkeypatch, capsys):
    data = tmp_path / "repo" / "data"
    (data / "letters").mkdir(parents=True)
    monkeypatch.setattr(package, "bundled_data_dir", lambda: data)
    letter = tmp_path / "brief.txt"
    letter.write_text("Eerste pagina met 1.465 personen.\n", encoding="utf-8")
    for source_id in ("../../x", "tk-1-1/../../../x", "tk-1-1\n"):
        assert cli.main(["letters", "index", str(letter), "--source-id", source_id]) == 1
        assert "is not a letter id" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["brief.txt"]


# --- a message, never a traceback ----------------------------------------------------------------------------


def test_an_address_that_is_no_scheduler_is_refused_before_anything_runs(tmp_path, capsys):
    with pytest.raises(rerun.RerunError, match="not the address of a Dask scheduler"):
        rerun.rerun(DATA, tmp_path / "out", ["beschut_werk"], scheduler="not-a-scheduler", show_progress=False)
    assert not list(tmp_path.iterdir())
    command = ["rerun", "--data-dir", str(DATA), "--out", str(tmp_path / "out"), "--scheduler", "tcp://", "--no-progress"]
    assert cli.main(command) == 1 and "rerun failed: --scheduler 'tcp://'" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "SCHEDULER_TIMEOUT", "1s")
    with pytest.raises(rerun.RerunError, match="cannot reach the scheduler tcp://127.0.0.1:9"):
        rerun.rerun(DATA, tmp_path / "out", ["beschut_werk"], scheduler="tcp://127.0.0.1:9", show_progress=False)
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.staging-*"))


def test_a_mount_point_is_refused_before_the_run(tmp_path, monkeypatch):
    out = tmp_path / "mounted"
    out.mkdir()
    monkeypatch.setattr(os.path, "ismount", lambda path: Path(path) == out)
    with pytest.raises(rerun.RerunError, match="is a mount point"):
        outdir.check_out(out, {"repository": REPO})
