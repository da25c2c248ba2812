"""The page index of the letters (participatie.data.page_index): page rule, printed numbers, index files,
every figure against the committed indexes in data/letters/, and the build and verify commands.

Needs no copy of the letters: it runs on any clone, from the committed indexes alone.
"""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from participatie.data import page_index
from participatie.tools.cli import main

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
INDEX_DIR = DATA / "letters"

RESOURCES = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
FIGURE_TABLES = [r["path"] for r in RESOURCES if r.get("schema") == "schemas/figures.json"]
FOOTER = "Tweede Kamer, vergaderjaar 2017–2018, 99 999, nr. 1"

# A synthetic letter: page 1 ends with a printed footer, page 3 starts at a line led by one space.
LETTER = (
    "Brief van de staatssecretaris\n"
    "Eind 2017 werkten 1.184 mensen op een beschut werk-\n"
    "  plek.\n"
    f"{FOOTER} 1\n"
    "\n"
    "Op 31 maart 2018 waren het er 1.465; het budget was € 23.444,00.\n"
    " \n"
    "Een stijging van 24% (23,7%).\n"
    " Derde pagina: 612,709 miljoen en 0,5 procent, ruim 125 000 banen.\n"
)


@pytest.fixture(scope="module")
def indexes() -> dict[str, dict]:
    return page_index.load_indexes(INDEX_DIR)


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- page rule -------------------------------------------------------------------------------------------------


def test_pages_start_at_lines_led_by_one_space():
    text = " Kop op de eerste regel\ntekst\n \nna een tabel\n Tweede pagina\nmeer\n  twee spaties\n Derde\n"
    pages = page_index.split_pages(text)
    assert pages == [" Kop op de eerste regel tekst na een tabel", " Tweede pagina meer twee spaties", " Derde"]


def test_a_printed_footer_ends_its_page():
    pages = page_index.split_pages(LETTER)
    assert len(pages) == 3
    assert pages[0].endswith(f"{FOOTER} 1 ")  # the blank line after the footer stays on its page
    assert pages[0].count("werkplek.") == 1  # a word hyphenated across lines is joined
    assert pages[1].startswith("Op 31 maart 2018") and "Een stijging" in pages[1]
    assert pages[2].startswith(" Derde pagina")


def test_a_footer_must_print_the_page_the_rule_gives():
    with pytest.raises(ValueError, match="footer says page 2 but the page rule gives 1"):
        page_index.split_pages(f"tekst\n{FOOTER} 2\nmeer\n")
    text = f"een\n{FOOTER} 1\ntwee\n Derde\n{FOOTER} 3\n"
    assert len(page_index.split_pages(text)) == 3


def test_form_feeds_break_pages():
    assert page_index.split_pages("eerste\nregel\fTweede\n\fderde\n\f") == ["eerste regel", "Tweede", "derde"]
    assert page_index.split_pages("a\f\fc\f") == ["a", "", "c"]  # a blank page stays a page
    assert page_index.split_pages("a\n Twee\f Drie\n") == ["a", " Twee", " Drie"]  # no empty page in between
    with_footers = f"x\n{FOOTER} 1\fy\n{FOOTER} 2\f"
    assert len(page_index.split_pages(with_footers)) == 2
    with pytest.raises(ValueError, match="footer says page 1"):
        page_index.split_pages(f"x\fy\n{FOOTER} 1\n")


# --- numbers as printed ----------------------------------------------------------------------------------------


def test_thousands_dots_and_years():
    tokens = page_index.number_tokens("In 2017 werkten 1.465 mensen, in totaal 1.465.000 uur (nr. 126).")
    assert {"2017", "1.465", "1.465.000", "126"} <= set(tokens)
    assert not {"1", "465", "000", "1.465.0"} & set(tokens)


def test_cents_and_decimal_commas():
    tokens = page_index.number_tokens("Een bedrag van € 23.444,00 en 612,709 miljoen; 0,5 procent; € 5,20 per uur.")
    assert {"23.444,00", "612,709", "0,5", "5,20"} <= set(tokens)
    assert not {"23.444", "444", "612", "709", "0", "5", "20"} & set(tokens)


def test_percentages():
    tokens = page_index.number_tokens("een stijging van 24% (berekend 23,7%), min 3 %.")
    assert {"24", "23,7", "3"} <= set(tokens)


def test_space_grouped_thousands_give_the_group_and_its_parts():
    assert page_index.number_tokens("ruim 1 465 personen") == ["1", "1 465", "465"]
    tokens = page_index.number_tokens("1 465 000 euro")
    assert {"1 465 000", "1 465", "465 000", "1", "465"} <= set(tokens)
    assert page_index.number_tokens("in 2017 2018 en 1 4650") == ["1", "2017", "2018", "4650"]
    assert "34 352" in page_index.number_tokens("Kamerstuk 34 352, nr. 56")


def test_number_words_in_lower_case():
    tokens = page_index.number_tokens("Drie gemeenten, TWAALF regio's en één loket; honderd of duizend banen.")
    assert {"drie", "twaalf", "één", "honderd", "duizend"} <= set(tokens)
    assert page_index.number_tokens("Geen cijfers.") == ["een"]  # as the text checker: also inside a longer word


def test_tokens_are_sorted_unique_and_normalised():
    tokens = page_index.number_tokens("5 en 5 en\n 12 en 2017-\n 2018")
    assert tokens == sorted(set(tokens)) and tokens.count("5") == 1
    assert "20172018" in tokens  # a line-end hyphen joins, as the normalisation of the text checker does


def test_spellings():
    assert page_index.spellings(1465) == ["1.465", "1465", "1 465", "1.465,00"]
    assert "612,709" in page_index.spellings(612.709) and "0,5" in page_index.spellings(0.5)
    assert "vier" in page_index.spellings(4)


# --- index documents -------------------------------------------------------------------------------------------


def test_index_of_a_letter():
    index = page_index.build_index(LETTER, "tk-99999-1")
    assert set(index) == {"format", "source_id", "text_sha256", "pages"} and index["format"] == 1
    assert [p["page"] for p in index["pages"]] == [1, 2, 3]
    pages = page_index.split_pages(LETTER)
    assert [p["sha256"] for p in index["pages"]] == [hashlib.sha256(t.encode()).hexdigest() for t in pages]
    assert index["text_sha256"] == page_index.text_sha256(LETTER)
    assert "1.184" in index["pages"][0]["numbers"] and "1.465" in index["pages"][1]["numbers"]
    assert {"612,709", "0,5", "125 000"} <= set(index["pages"][2]["numbers"])


def test_index_round_trip_and_deterministic_bytes(tmp_path):
    first = page_index.dumps(page_index.build_index(LETTER, "tk-99999-1"))
    second = page_index.dumps(page_index.build_index(LETTER, "tk-99999-1"))
    assert first == second and first.endswith("}\n") and "€" not in first
    assert page_index.dumps(page_index.build_index("één", "tk-1-1")).count("één") == 1  # ensure_ascii=False
    path = tmp_path / "tk-99999-1.json"
    path.write_text(first, encoding="utf-8")
    assert page_index.read_index(path) == json.loads(first)
    assert page_index.dumps(page_index.read_index(path)) == first
    assert list(json.loads(first)) == sorted(json.loads(first))


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "invalid JSON"),
        ('{"format": 2, "source_id": "x", "text_sha256": "0", "pages": []}', "format is 2"),
        ("[]", "exactly format"),
    ],
)
def test_a_malformed_index_names_its_file(tmp_path, content, problem):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem) as error:
        page_index.read_index(path)
    assert str(path) in str(error.value)


def test_an_index_with_unsorted_numbers_or_gaps_is_malformed(tmp_path):
    index = page_index.build_index(LETTER, "tk-99999-1")
    index["pages"][2]["numbers"].reverse()
    (tmp_path / "a.json").write_text(page_index.dumps(index), encoding="utf-8")
    with pytest.raises(ValueError, match="page 3: numbers must be sorted and unique"):
        page_index.read_index(tmp_path / "a.json")
    index = page_index.build_index(LETTER, "tk-99999-1")
    del index["pages"][1]
    (tmp_path / "b.json").write_text(page_index.dumps(index), encoding="utf-8")
    with pytest.raises(ValueError, match="has page 3, expected 2"):
        page_index.read_index(tmp_path / "b.json")


def test_load_indexes_names_files_by_source_id(tmp_path):
    (tmp_path / "tk-1-1.json").write_text(page_index.dumps(page_index.build_index(LETTER, "tk-2-2")), encoding="utf-8")
    with pytest.raises(ValueError, match="tk-1-1.json: holds the index of 'tk-2-2'"):
        page_index.load_indexes(tmp_path)


# --- the committed indexes ---------------------------------------------------------------------------------------


def test_every_letter_has_a_committed_index(indexes):
    sources = {row["id"] for row in read_rows(DATA / "sources.csv")}
    cited = {row["source_id"] for table in [*FIGURE_TABLES, "pilots.csv"] for row in read_rows(DATA / table)}
    assert cited <= set(indexes) and sources <= set(indexes)
    for source_id, index in indexes.items():
        assert (INDEX_DIR / f"{source_id}.json").read_text(encoding="utf-8") == page_index.dumps(index)


def test_committed_page_counts_match_the_printed_footers(indexes):
    # As tests/test_provenance.py: the page rule gives 4, 3, 6, 9 and 22 pages (footers checked when built).
    counts = {sid: len(index["pages"]) for sid, index in indexes.items()}
    assert counts == {"tk-29817-126": 4, "tk-34352-56": 3, "ek-34775-ak": 6, "tk-29817-145": 9, "ek-33981-n": 22}


def test_the_checker_catches_a_wrong_page(indexes):
    letter = indexes["ek-34775-ak"]
    assert page_index.printed_on_page(letter, 2, 1465)
    assert not page_index.printed_on_page(letter, 1, 1465)
    assert not page_index.printed_on_page(letter, 0, 1465) and not page_index.printed_on_page(letter, 7, 1465)


@pytest.mark.parametrize("table", FIGURE_TABLES)
def test_every_figure_is_printed_on_its_page(indexes, table):
    rows = read_rows(DATA / table)
    assert rows and {row["source_id"] for row in rows} <= set(indexes)  # none skipped for want of an index
    assert page_index.missing_figure_rows(rows, indexes) == []


def test_every_pilot_scale_is_printed_on_its_page(indexes):
    rows = read_rows(DATA / "pilots.csv")
    assert any(row["scale_value"] for row in rows)
    assert page_index.missing_figure_rows(rows, indexes, value_field="scale_value") == []


def test_a_changed_value_is_reported_with_file_row_and_page(indexes):
    rows = read_rows(DATA / "beschut_werk.csv")
    number = next(
        n for n, row in enumerate(rows, start=2) if row["source_id"] == "ek-34775-ak" and float(row["value"]) == 1465
    )
    changed = [dict(row) for row in rows]
    changed[number - 2]["value"] = "1466"
    row = changed[number - 2]
    assert page_index.missing_figure_rows(changed, indexes) == [
        (
            number,
            f"{row['indicator']} {row['period']}: value 1466 is not printed on page 2 of ek-34775-ak (page index ek-34775-ak.json)",
        )
    ]
    changed[number - 2].update(value="1465", page="7")
    [(row_number, message)] = page_index.missing_figure_rows(changed, indexes)
    assert row_number == number and "page 7 of ek-34775-ak does not exist (the letter has 6 pages)" in message


def test_rows_of_a_letter_without_index_are_skipped(indexes):
    rows = [{"source_id": "tk-1-1", "page": "1", "value": "5", "indicator": "x", "period": "2017"}]
    assert page_index.missing_figure_rows(rows, indexes) == []


# --- verify and the command line -------------------------------------------------------------------------------


@pytest.fixture
def letter_and_index(tmp_path) -> tuple[Path, Path]:
    letters_dir, index_dir = tmp_path / "letters", tmp_path / "index"
    letters_dir.mkdir()
    index_dir.mkdir()
    (letters_dir / "000_hash_named.txt").write_text(LETTER, encoding="utf-8")
    (index_dir / "tk-99999-1.json").write_text(
        page_index.dumps(page_index.build_index(LETTER, "tk-99999-1")), encoding="utf-8"
    )
    return letters_dir, index_dir


def test_verify_finds_the_letter_by_its_text_hash(letter_and_index):
    letters_dir, index_dir = letter_and_index
    assert page_index.verify(letters_dir, index_dir) == []


def test_verify_names_the_page_whose_number_changed(letter_and_index):
    letters_dir, index_dir = letter_and_index
    (letters_dir / "000_hash_named.txt").unlink()
    (letters_dir / "tk-99999-1.txt").write_text(LETTER.replace("1.465", "1.466"), encoding="utf-8")
    differences = page_index.verify(letters_dir, index_dir)
    assert differences[0].startswith("tk-99999-1: text hash differs")
    assert "tk-99999-1 page 2: text hash differs" in differences
    assert "tk-99999-1 page 2: numbers differ (only in the index: ['1.465']; only in the letter: ['1.466'])" in differences
    assert not any("page 1" in line or "page 3" in line for line in differences)


def test_verify_reports_a_missing_letter_and_a_page_count(letter_and_index):
    letters_dir, index_dir = letter_and_index
    (letters_dir / "000_hash_named.txt").unlink()
    [missing] = page_index.verify(letters_dir, index_dir)
    assert missing.startswith(f"tk-99999-1: no letter in {letters_dir}")
    (letters_dir / "tk-99999-1.txt").write_text(LETTER.split(" Derde")[0], encoding="utf-8")
    assert "tk-99999-1: page count differs (committed 3, letter 2)" in page_index.verify(letters_dir, index_dir)


def test_build_and_verify_through_the_command_line(tmp_path, capsys):
    letter, out = tmp_path / "tk-99999-1.txt", tmp_path / "letters" / "tk-99999-1.json"
    letter.write_text(LETTER, encoding="utf-8")
    build = ["letters", "index", str(letter), "--source-id", "tk-99999-1", "--out", str(out)]
    assert main(build) == 0
    assert "3 pages" in capsys.readouterr().out and page_index.read_index(out)["source_id"] == "tk-99999-1"
    assert main(build) == 0
    capsys.readouterr()
    verify = ["letters", "verify", "--letters", str(tmp_path), "--index-dir", str(out.parent)]
    assert main(verify) == 0 and "0 difference(s)" in capsys.readouterr().out

    letter.write_text(LETTER.replace("24%", "25%"), encoding="utf-8")
    assert main(verify) == 1
    assert "tk-99999-1 page 2: numbers differ" in capsys.readouterr().err
    before = out.read_text(encoding="utf-8")
    assert main(build) == 1 and out.read_text(encoding="utf-8") == before  # refuses to overwrite
    assert "--force" in capsys.readouterr().err
    assert main([*build, "--force"]) == 0 and out.read_text(encoding="utf-8") != before
    assert main(verify) == 0
    assert main(["letters", "verify", "--letters", str(tmp_path / "nowhere")]) == 1


def test_runs_as_a_module(tmp_path):
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "participatie",
            "letters",
            "index",
            str(tmp_path / "brief.txt"),
            "--source-id",
            "tk-99999-1",
            "--out",
            str(tmp_path / "i" / "tk-99999-1.json"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "3 pages" in run.stdout


def test_validation_reports_a_figure_not_printed_on_its_page(data_copy):
    # Provenance is part of validating a data directory: the bundled data's check is this same check.
    from participatie.data import validate

    rows = read_rows(data_copy / "beschut_werk.csv")
    number = next(n for n, row in enumerate(rows, start=2) if row["source_id"] == "ek-34775-ak" and row["value"] == "1465")
    rows[number - 2]["value"] = "1466"
    with open(data_copy / "beschut_werk.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    [problem] = validate(data_copy)
    assert (problem.file, problem.row, problem.column) == ("beschut_werk.csv", number, "page")
    assert "1466 is not printed on page 2 of ek-34775-ak" in problem.message
