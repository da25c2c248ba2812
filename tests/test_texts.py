"""The book's words as text: snapshots of every page, glue names that match their blocks, the text engine's rules.

`tests/snapshots/<edition>/<page>.md` holds the text of every page of the national edition and of a municipal
edition on synthetic data, as a reader reads it. A change of wording shows there as a readable diff
(`make teksten` writes them); these tests fail when the book's text and its snapshots differ.
"""

from __future__ import annotations

import re
from datetime import date

import nbformat
import pytest

from participatie.book import toc
from participatie.figures.facts import Figure, Letter
from participatie.presentation import text
from participatie.presentation.vocabulary import Md
from participatie.themes import THEMES
from participatie.tools import texts

from conftest import REPO

GLUED = re.compile(r"\{glue:md\}`([^`]+)`")
NOTEBOOKS = sorted([REPO / "intro.ipynb", *(REPO / "chapters").glob("*.ipynb"), *(REPO / "appendices").glob("*.ipynb")])


@pytest.fixture(scope="module")
def rendered():
    """Return the text of every page of the municipal edition, rendered in this process (as `make teksten` does).

    The national edition's text is compared through the stored outputs of the notebooks (below), which nbval
    in turn compares with a fresh execution; rendering it here again would add nothing.
    """
    return texts.render_all([edition for edition in texts.EDITIONS if edition.synthetic])


@pytest.fixture(scope="module")
def snapshots() -> dict[str, dict[str, str]]:
    """Return every committed snapshot: {edition: {page: text}}."""
    return {
        edition.name: {page: texts.snapshot_path(edition.name, page).read_text(encoding="utf-8") for page in toc.documents()}
        for edition in texts.EDITIONS
    }


def test_the_municipal_edition_reads_as_its_snapshot(rendered):
    diff = texts.differences(rendered)
    assert not diff, "the book's text differs from tests/snapshots (run `make teksten` and read the diff):\n" + diff[:6000]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_the_stored_outputs_read_as_the_national_snapshot(path):
    page = path.relative_to(REPO).with_suffix("").as_posix()
    snapshot = texts.snapshot_path("landelijk", page).read_text(encoding="utf-8")
    assert texts.notebook_text(path) == snapshot, f"{page}: re-execute the notebook (make execute)"


def test_no_page_of_any_edition_misses_a_value_or_shows_a_code(snapshots):
    bad = re.compile(r"\[ONTBREEKT|\b(?:nan|NaN|inf|None)\b|\b(?:tk|ek)-\d{5}|Figure\(|Letter\(|\{\{|\{%")
    found = [
        f"{edition}/{page}: {match.group(0)!r} in …{body[max(0, match.start() - 60) : match.end() + 20]}…"
        for edition, pages in snapshots.items()
        for page, body in pages.items()
        if page != "appendices/gegevens"  # the data dictionary names the codes of the data on purpose
        for match in bad.finditer(body)
    ]
    assert not found, found[:10]


def _glued_names(path) -> set[str]:
    notebook = nbformat.read(path, as_version=4)
    return {name for cell in notebook.cells if cell.cell_type == "markdown" for name in GLUED.findall(cell.source)}


def _blocks(path: str) -> set[str]:
    return set(text.markdown_environment().get_template(path).blocks)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_a_chapter_glues_exactly_the_blocks_of_its_text_file(theme):
    blocks = _blocks(theme.text_file)
    assert theme.finding_block in blocks
    assert _glued_names(REPO / theme.notebook) == blocks - {theme.finding_block}
    assert all(name.startswith(f"{theme.prefix}_") for name in blocks), sorted(blocks)


@pytest.mark.parametrize("page", ["intro", *(p.stem for p in (REPO / "appendices").glob("*.tekst.md"))])
def test_a_book_page_glues_exactly_the_blocks_of_its_text_file(page):
    page = page if page == "intro" else f"appendices/{page.removesuffix('.tekst')}"
    expected = _blocks(f"{page}.tekst.md")
    if page == "intro":
        expected |= {theme.finding_block for theme in THEMES}
    assert _glued_names(REPO / f"{page}.ipynb") == expected


def test_pages_without_a_text_file_glue_nothing():
    with_text = {p.name.removesuffix(".tekst.md") for p in (REPO / "appendices").glob("*.tekst.md")}
    for path in (REPO / "appendices").glob("*.ipynb"):
        if path.stem not in with_text:
            assert not _glued_names(path), path.name


# --- the engine's rules ----------------------------------------------------------------------------------

LETTER = Letter("tk-29817-145", date(2018, 6, 15), "Tweede Kamer", "29 817, nr. 145")


def _render(source: str, **facts) -> str:
    return text.tidy(text.markdown_environment().from_string(source).render(**facts))


def test_data_strings_are_escaped_and_the_vocabulary_is_not():
    out = _render("{{ name }} {{ f | count }} ", name="*Gem* [x](y)", f=Figure(1465, "personen", "2018"))
    assert out == r"\*Gem\* \[x\]\(y\) 1.465"
    unlettered = _render("{{ f | count }}", f=Figure(2, "personen", "2018"))
    assert unlettered == "2"
    cited = _render("{{ f | cite }}", f=Figure(1465, "personen", "2018-03-31", letter=LETTER, page=4))
    assert cited == r"(Tweede Kamer\, 29 817\, nr\. 145, p. 4)"


def test_an_undefined_fact_or_a_number_without_a_filter_fails():
    with pytest.raises(Exception, match="undefined"):
        _render("De stand is {{ missing | count }}.")
    for value in (1234.5, 7, Figure(1, "personen", "2018"), LETTER):
        with pytest.raises(text.TextError, match="needs a filter"):
            _render("{{ x }}", x=value)


def test_a_municipal_figure_cannot_be_cited_to_a_letter():
    with pytest.raises(ValueError, match="no letter"):
        _render("{{ f | cite }}", f=Figure(12, "personen", "2018"))


def test_blocks_become_paragraphs_and_lists_stay_lists():
    out = text.tidy("Een zin\n  die verder gaat .\n\n- punt een\n- punt twee\n  loopt door\n")
    assert out == "Een zin die verder gaat.\n\n- punt een\n- punt twee loopt door"


def test_macros_and_set_blocks_are_not_escaped_twice():
    source = "{% macro m(f) %}{{ f | cite }}{% endmacro %}{% set s %}a, b{% endset %}{{ m(f) }} {{ s }}"
    out = _render(source, f=Figure(1, "personen", "2018", letter=LETTER, page=4))
    assert out == r"(Tweede Kamer\, 29 817\, nr\. 145, p. 4) a, b" and isinstance(Md(out), str)


def test_a_list_reads_as_dutch():
    out = _render("{% for x in xs %}{{ x }}{{ sep(loop) }}{% endfor %}", xs=["a", "b", "c"])
    assert out == "a, b en c"


def _block_over(folder) -> str:
    """Return block `a` of `p.tekst.md` in folder, as a new kernel renders it (a new environment, the cache as set)."""
    from jinja2 import FileSystemLoader

    environment = text._environment(text._markdown_value, text._join, text._bytecode_cache())
    assert environment.bytecode_cache is not None
    environment.loader = FileSystemLoader(str(folder))
    template = environment.get_template("p.tekst.md")
    return "".join(template.blocks["a"](template.new_context()))


@pytest.fixture
def pages(tmp_path, monkeypatch):
    """A folder with one text file `p.tekst.md` (block `a`: "Een zin."), its compilations kept in tmp_path/cache."""
    from participatie.data import validation

    monkeypatch.setenv(validation.CACHE_ENV, str(tmp_path / "cache"))
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "p.tekst.md").write_text("{% block a %}Een zin.{% endblock %}", encoding="utf-8")
    return folder


def test_a_compiled_text_file_is_reused_until_its_text_changes(tmp_path, pages):
    assert _block_over(pages) == "Een zin."  # one kernel compiles the file and keeps the result
    kept = list((tmp_path / "cache" / "templates").rglob("*.cache"))
    assert len(kept) == 1 and (kept[0].stat().st_mode & 0o777) == 0o600 and (kept[0].parent.stat().st_mode & 0o777) == 0o700
    (pages / "p.tekst.md").write_text("{% block a %}Een andere zin.{% endblock %}", encoding="utf-8")
    assert _block_over(pages) == "Een andere zin."  # the next kernel compiles the changed text, never runs the old


def test_compiled_text_files_are_kept_only_in_a_folder_no_one_else_can_write(tmp_path, monkeypatch):
    from participatie.data import validation

    shared = tmp_path / "shared"
    (shared / "templates").mkdir(parents=True)
    (shared / "templates").chmod(0o777)  # a folder others may write to: code planted there would run
    monkeypatch.setenv(validation.CACHE_ENV, str(shared))
    assert text._bytecode_cache() is None
    monkeypatch.setenv(validation.CACHE_ENV, str(tmp_path / "own"))
    assert text._bytecode_cache() is not None
    monkeypatch.setenv(validation.CACHE_ENV, str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert text._bytecode_cache() is None  # no cache folder can be made: every file is compiled, nothing fails


def test_a_cache_folder_that_goes_away_only_costs_the_compiling(tmp_path, monkeypatch, pages):
    import shutil

    removed = []
    original = text._bytecode_cache

    def cache_then_remove():  # the folder is made and checked, then removed before the compiled file is kept
        made = original()
        shutil.rmtree(tmp_path / "cache")
        removed.append(made)
        return made

    monkeypatch.setattr(text, "_bytecode_cache", cache_then_remove)
    assert _block_over(pages) == "Een zin." and removed and not (tmp_path / "cache").exists()
