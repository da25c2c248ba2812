import pandas as pd
import pytest

from participatie import chapter, data


def test_open_chapter_loads_theme_with_letter_dates():
    opened = chapter.open_chapter("beschut_werk")
    assert {"source_date", "source_reference", "period_label", "label"} <= set(opened.figures.columns)
    assert opened.source_line().startswith("Bron: Tweede Kamer, 34 352, nr. 56 (21 april 2017)")


def test_open_chapter_with_other_tables_only():
    opened = chapter.open_chapter(None, tables=("policy_timeline",))
    assert opened.figures.empty and len(opened.table("policy_timeline")) > 10


def test_open_chapter_raises_on_bad_data(data_copy):
    path = data_copy / "beschut_werk.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",200,", ",twee honderd,", 1), encoding="utf-8")
    with pytest.raises(data.DataValidationError, match=r"beschut_werk.csv, row 2, column value"):
        chapter.open_chapter("beschut_werk", data_copy)


def test_checks_and_revisions_tables():
    opened = chapter.open_chapter("beschut_werk")
    checks_text = opened.checks_table()._repr_mimebundle_()["text/plain"]
    assert checks_text.splitlines()[1].strip().startswith("Aandeel positieve adviezen, alle aanvragers")
    assert "wijkt af" in checks_text
    revisions = opened.revisions_table()._repr_mimebundle_()["text/plain"]
    assert "(laatste)" in revisions and "200" in revisions and "313" in revisions


def test_glue_texts_glues_markdown(monkeypatch):
    glued = {}
    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: glued.update({name: (value.data, display)}))
    chapter.glue_texts({"x": "1.234"})
    assert glued == {"x": ("1.234", False)}
