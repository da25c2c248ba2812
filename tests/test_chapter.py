"""book.chapter: a theme's chapter on validated data, its checks and revisions tables, and its notes."""

import dataclasses

import pandas as pd
import pytest

from participatie.book import chapter, markup, open_chapter
from participatie.data import DataValidationError
from participatie.data.editions import InvalidMunicipalityCode
from participatie.themes import BY_NAME


def test_open_chapter_loads_theme_with_letter_dates():
    opened = open_chapter(BY_NAME["beschut_werk"])
    assert {"source_date", "label", "period_start", "period_end"} <= set(opened.figures.columns)
    assert opened.source_line().startswith("Bron: Tweede Kamer, 34 352, nr. 56 (21 april 2017)")
    assert opened.source_line().downloads == ("beschut_werk.csv",)


def test_open_chapter_with_other_tables_only():
    opened = open_chapter(BY_NAME["pilots_werken_naar_vermogen"])
    assert opened.figures.empty and len(opened.table("policy_timeline")) > 10
    assert opened.data_files == ("pilots.csv", "pilots_findings.csv", "policy_timeline.csv")


def test_open_chapter_raises_on_bad_data(data_copy):
    path = data_copy / "beschut_werk.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",200,", ",twee honderd,", 1), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"beschut_werk.csv, row 2, column value"):
        open_chapter(BY_NAME["beschut_werk"], data_copy)


@pytest.mark.parametrize("code", ["GM363", "0363", "gm0363", "GM0363<script>", "GM0363\n# kop", ""])
def test_open_chapter_refuses_a_code_that_is_no_cbs_code(code):
    with pytest.raises(InvalidMunicipalityCode, match="not a CBS municipality code"):
        open_chapter(BY_NAME["pilots_werken_naar_vermogen"], gemeente=code)


def test_checks_and_revisions_tables():
    opened = open_chapter(BY_NAME["beschut_werk"])
    checks_text = opened.checks_table()._repr_mimebundle_()["text/plain"]
    assert checks_text.splitlines()[1].strip().startswith("Aandeel positieve adviezen, alle aanvragers")
    assert "wijkt af" in checks_text
    revisions = opened.revisions_table()._repr_mimebundle_()["text/plain"]
    assert "(laatste)" in revisions and "200" in revisions and "313" in revisions


def test_glue_texts_glues_markdown(monkeypatch):
    glued = {}
    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: glued.update({name: (value.data, display)}))
    markup.glue_texts({"x": "1.234"})
    assert glued == {"x": ("1.234", False)}


def test_edition_note_escapes_the_municipality_name():
    opened = open_chapter(BY_NAME["beschut_werk"])
    opened.gemeente, opened.gemeente_naam = "GM0363", "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(chapter.edition_note([opened]).data)
    assert "<img" not in rendered and "<a " not in rendered and "&lt;img src=x" in rendered


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_only_a_letter_dated_after_the_text_is_newer(missing):
    # A row without a letter (our own sum) is never newer, however pandas writes the missing value.
    opened = open_chapter(BY_NAME["beschut_werk"])
    dates = opened.sources.set_index("id")["date"].astype(str)
    older = dates[dates <= opened.theme.text_until].index[0]
    later = opened.sources.iloc[0].to_dict() | {"id": "later-letter", "date": "2099-01-01"}
    opened = dataclasses.replace(opened, sources=pd.concat([opened.sources, pd.DataFrame([later])], ignore_index=True))
    for dtype in (object, "string"):
        frame = pd.DataFrame({"source_id": pd.Series([older, "later-letter", missing], index=[7, 8, 9], dtype=dtype)})
        newer = opened.from_newer_letters(frame)
        assert newer.dtype == bool and newer.to_dict() == {7: False, 8: True, 9: False}


def test_where_printed_names_the_letter_and_page_or_that_the_figure_is_municipal():
    from participatie.presentation.labels import MUNICIPAL_FIGURE

    national = open_chapter(BY_NAME["beschut_werk"])
    row = national.figures.iloc[0]
    where = national.where_printed(pd.Series([row["source_id"]]), pd.Series([row["page"]]))
    assert len(where) == 1 and where[0].endswith(f", p. {row['page']}") and "Kamer" in where[0]
    municipal = dataclasses.replace(national, gemeente="GM0363", gemeente_naam="Amsterdam")
    assert municipal.municipal
    assert municipal.where_printed([row["source_id"]] * 2, [row["page"]] * 2) == [MUNICIPAL_FIGURE] * 2
