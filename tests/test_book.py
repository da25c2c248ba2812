import csv
import re
import tomllib

import pandas as pd
import pytest
import yaml

import participatie
from participatie import book, checks
from conftest import DATA, REPO


@pytest.fixture(scope="module")
def boek():
    return book.open_book()


def _count_rows(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_themes_match_the_table_of_contents_and_the_chapter_headings():
    import nbformat

    toc = (REPO / "_toc.yml").read_text(encoding="utf-8")
    for theme in book.THEMES:
        assert f"file: {theme.page}" in toc
        heading = nbformat.read(REPO / f"{theme.page}.ipynb", as_version=4).cells[0].source.splitlines()[0]
        assert heading == f"# {theme.title}"


def test_sources_overview_counts_every_row_that_cites_a_letter(boek):
    overview = book.sources_overview(boek).set_index("source_id")
    expected = {}
    for name in ("beschut_werk", "wsw_statistiek", "banenafspraak", "bijstand_financiering", "pilots",
                 "pilots_findings", "policy_timeline"):
        for row in _count_rows(DATA / f"{name}.csv"):
            expected[row["source_id"]] = expected.get(row["source_id"], 0) + 1
    assert overview["figures"].to_dict() == expected
    assert list(overview["date"]) == sorted(overview["date"])
    assert [t.module for t in overview.loc["tk-29817-126", "chapters"]] == ["pilots", "wsw_statistiek"]


def test_sources_table_links_to_chapters(boek):
    html = book.sources_table(boek)._repr_mimebundle_()["text/html"]
    assert '<a href="../chapters/wsw_statistiek.html">De sociale werkvoorziening in cijfers</a>' in html


def test_all_checks_cover_every_theme_with_discrepancies_first(boek):
    result = book.all_checks(boek)
    order = result["verdict"].map(checks.VERDICT_ORDER)
    assert order.is_monotonic_increasing
    assert set(result["chapter"]) == {t.module for t in book.THEMES if t.figure_table}
    assert {"bw-aandeel-positief-totaal-2017", "wsw-indicaties-totaal-2012"} <= set(
        result.loc[result["verdict"] == checks.DISCREPANCY, "id"])


def test_checks_table_has_links_and_verdicts(boek):
    bundle = book.checks_table(boek)._repr_mimebundle_()
    assert "wijkt af" in bundle["text/plain"] and 'href="../chapters/' in bundle["text/html"]


def test_revisions_include_the_end_2016_beschut_werk_figures(boek):
    revised = book.all_revisions(boek)
    rows = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == "2016-12-31")]
    assert sorted(rows["value"]) == [200, 313, 313]
    assert "(laatste)" in book.revisions_table(boek)._repr_mimebundle_()["text/plain"]


def test_counts_agree_with_the_parts(boek):
    totals = book.counts(boek)
    result = book.all_checks(boek)
    assert totals["checks"] == len(result) == len(checks.REGISTRY)
    assert totals["discrepancies"] == (result["verdict"] == "afwijking").sum() >= 2
    assert totals["figures"] == sum(len(_count_rows(DATA / f"{t.figure_table}.csv")) for t in book.THEMES if t.figure_table)
    assert totals["letters"] == 5
    assert book.count_texts(boek)["book_letters"] == "5"


def test_key_figures_merge_every_theme_without_clashes(boek):
    texts = book.key_figures(boek)
    for prefix in ("bw_", "wsw_", "ba_", "bf_", "pil_", "book_"):
        assert any(k.startswith(prefix) for k in texts), prefix
    assert texts["bw_work_2017"] == "1.184"


def test_data_dictionary_describes_every_column_of_every_file():
    dictionary = book.data_dictionary()
    for path in DATA.glob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(dictionary.loc[dictionary["file"] == path.name, "field"]) == set(header), path.name
    assert (dictionary["description"] != "").all()


def test_files_table_links_every_file():
    html = book.files_table()._repr_mimebundle_()["text/html"]
    for path in [*DATA.glob("*.csv"), DATA / "datapackage.json"]:
        assert f'href="../_static/data/{path.name}"' in html
    assert "Velden" not in html
    assert "pilots.csv" in book.fields_table(file="pilots.csv")._repr_mimebundle_()["text/plain"]


def test_versions_agree_everywhere():
    version = participatie.__version__
    assert tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"] == version
    assert yaml.safe_load((REPO / "CITATION.cff").read_text())["version"] == version
    assert f"versie {version}" in (REPO / "appendices" / "citeren.md").read_text(encoding="utf-8")
    assert f"## {version} " in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert yaml.safe_load((REPO / "CITATION.cff").read_text())["license"] == "CC-BY-4.0"
