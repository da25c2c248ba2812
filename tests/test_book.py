"""book.book and book.appendix: the whole book on one load, the book-wide tables, and the theme records."""

import csv
import tomllib

import nbformat
import pytest
import yaml

import participatie
from participatie.book import appendix, book, open_book, toc
from participatie.figures import checks
from participatie.presentation import text, vocabulary
from participatie.themes import BY_NAME, THEMES

from conftest import DATA, REPO


@pytest.fixture(scope="module")
def boek():
    return open_book()


def _count_rows(path):
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_table_of_contents_is_generated_from_the_declaration():
    assert (REPO / "_toc.yml").read_text(encoding="utf-8") == toc.text(), "run: python -m participatie toc"
    assert all((REPO / f"{page}.ipynb").is_file() or (REPO / f"{page}.md").is_file() for page in toc.documents())
    found = [*REPO.glob("*/*.ipynb"), *(p for p in REPO.glob("appendices/*.md") if not p.name.endswith(".tekst.md"))]
    pages = {p.with_suffix("").relative_to(REPO).as_posix() for p in found}
    assert pages - {"intro"} <= set(toc.documents()), "a page of the repository is missing from the book"


def test_themes_are_the_chapters_of_the_table_of_contents_in_order():
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [
        entry["file"] for part in toc["parts"] for entry in part["chapters"] if entry["file"].startswith("chapters/")
    ]
    assert chapters == [theme.document for theme in THEMES]
    for theme in THEMES:
        heading = nbformat.read(REPO / theme.notebook, as_version=4).cells[0].source.splitlines()[0]
        assert heading == f"# {theme.title}"


def test_the_descriptor_says_which_tables_each_chapter_reads():
    from participatie.data.package import read_descriptor

    named = {r["name"]: r.get("x-theme") for r in read_descriptor(DATA)["resources"]}
    assert set(filter(None, named.values())) == {t.name for t in THEMES}, (
        "an x-theme names no chapter, or a chapter no table"
    )
    assert [name for name, theme in named.items() if theme is None] == ["sources", "indicators"]  # every chapter reads them
    assert all(theme.figure_table in (None, theme.name) and theme.resources for theme in THEMES)
    assert {row["theme"] for row in _count_rows(DATA / "indicators.csv")} <= {t.name for t in THEMES}


def test_the_book_loads_and_validates_the_data_once(monkeypatch):
    from participatie.book import book as book_module

    calls = []
    real = book_module.load
    monkeypatch.setattr(book_module, "load", lambda *a, **k: calls.append(a) or real(*a, **k))
    opened = book_module.open_book()
    assert len(calls) == 1 and list(opened.chapters) == [t.name for t in THEMES]


def test_sources_overview_counts_every_row_that_cites_a_letter(boek):
    overview = appendix.sources_overview(boek).set_index("source_id")
    expected = {}
    for name in (
        "beschut_werk",
        "wsw_statistiek",
        "banenafspraak_duurzaamheid",
        "bijstand_financiering",
        "pilots",
        "pilots_findings",
        "policy_timeline",
    ):
        for row in _count_rows(DATA / f"{name}.csv"):
            expected[row["source_id"]] = expected.get(row["source_id"], 0) + 1
    assert (overview["figures"] + overview["other_rows"]).to_dict() == expected
    assert list(overview["date"]) == sorted(overview["date"])
    assert overview.loc["tk-29817-126", "chapters"] == ["pilots_werken_naar_vermogen", "wsw_statistiek"]


def test_sources_table_links_to_chapters(boek):
    html = appendix.sources_table(boek)._repr_mimebundle_()["text/html"]
    assert '<a href="../chapters/wsw_statistiek.html">De sociale werkvoorziening in cijfers</a>' in html


def test_all_checks_cover_every_theme_with_discrepancies_first(boek):
    result = boek.all_checks()
    order = result["verdict"].map(checks.VERDICT_ORDER)
    assert order.is_monotonic_increasing
    assert set(result["chapter"]) == {t.name for t in THEMES if t.checks}
    # The printed 71% of the June 2017 table is no share of the printed counts: a real discrepancy in the letter.
    assert "bw-aandeel-positief-totaal-2017" in set(result.loc[result["verdict"] == checks.DISCREPANCY, "id"])


def test_checks_table_has_links_and_verdicts(boek):
    bundle = boek.checks_table()._repr_mimebundle_()
    assert "wijkt af" in bundle["text/plain"] and 'href="../chapters/' in bundle["text/html"]


def test_revisions_include_the_end_2016_beschut_werk_figures(boek):
    revised = boek.all_revisions()
    rows = revised.loc[(revised["indicator"] == "working_sheltered_workplace") & (revised["period"] == "2016-12-31")]
    assert sorted(rows["value"]) == [200, 313, 313]
    assert "(laatste)" in boek.revisions_table()._repr_mimebundle_()["text/plain"]


def test_counts_agree_with_the_parts(boek):
    totals = boek.counts()
    result = boek.all_checks()
    assert totals["checks"] == len(result) == sum(len(t.checks) for t in THEMES)
    assert totals["discrepancies"] == (result["verdict"] == "afwijking").sum() >= 1
    assert totals["assumptions"] == (result["verdict"] == checks.ASSUMPTION).sum() >= 1
    assert totals["figures"] == sum(len(_count_rows(DATA / f"{t.name}.csv")) for t in THEMES if t.figure_table)
    assert totals["letters"] == 5
    assert boek.facts["letters_count"] == 5 and boek.facts["counts"] == totals
    assert text.blocks("intro.tekst.md", boek.facts)["book_letters"] == "vijf"


def test_the_book_facts_name_the_first_and_last_letter_and_the_other_tables(boek):
    facts = boek.facts
    assert (facts["first_letter"].id, facts["last_letter"].id) == ("tk-29817-126", "ek-34775-ak")
    assert facts["rows"] == {name: len(_count_rows(DATA / f"{name}.csv")) for name in facts["rows"]}
    assert set(facts["rows"]) == {"pilots", "pilots_findings", "policy_timeline"} and not facts["municipal"]
    blocks = text.blocks("appendices/bronnen.tekst.md", facts)
    assert (blocks["src_first"], blocks["src_last"]) == ("12 juli 2013", "7 september 2018")


def test_the_checks_sentence_follows_the_counts(boek):
    counts = boek.counts()
    sentence = text.block(text.SHARED, "checks_sentence", {"counts": counts, "municipal": False})
    n = counts["discrepancies"]  # the words follow the count (two since the 6,2% of begeleid werken is one)
    said = f"{vocabulary.plural(n, 'wijkt', 'wijken')} er {vocabulary.words(n)} af"
    assert f"Van de {counts['checks']} berekeningen" in sentence and said in sentence
    assert f"{vocabulary.words(counts['assumptions']).capitalize()} andere berusten op een eigen aanname" in sentence
    one = counts | {"discrepancies": 0, "assumptions": 0, "rounded": 1}
    sentence = text.block(text.SHARED, "checks_sentence", {"counts": one, "municipal": False})
    assert "wijken er geen af" in sentence and "aanname" not in sentence and "Eén klopt op afronding" in sentence
    municipal = text.block(text.SHARED, "checks_sentence", {"counts": counts, "municipal": True})
    assert "gemeentelijke editie" in municipal and str(counts["checks"]) not in municipal
    none = counts | {"revised_figures": 0}
    assert text.block(text.SHARED, "revisions_sentence", {"counts": none, "municipal": False}).startswith("Geen cijfer")
    assert text.block(text.SHARED, "revisions_sentence", {"counts": counts, "municipal": True}) == ""


def test_data_dictionary_describes_every_column_of_every_file(boek):
    dictionary = appendix.data_dictionary(boek)
    for path in DATA.glob("*.csv"):
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert set(dictionary.loc[dictionary["file"] == path.name, "field"]) == set(header), path.name
    assert (dictionary["description"] != "").all()


def test_files_table_links_every_file(boek):
    html = appendix.files_table(boek)._repr_mimebundle_()["text/html"]
    for path in [*DATA.glob("*.csv"), DATA / "datapackage.json"]:
        assert f'href="../_static/data/{path.name}"' in html
    for path in DATA.glob("*.csv"):  # and the copy for a Dutch Excel (book.web.publish_excel)
        assert f'href="../_static/excel/{path.name}" download>voor Excel</a>' in html
    assert "pilots.csv" in appendix.fields_table(boek, file="pilots.csv")._repr_mimebundle_()["text/plain"]


def test_a_chapter_link_escapes_its_title(boek):
    assert boek.link("beschut_werk") == '<a href="../chapters/beschut_werk.html">Beschut werk</a>'
    assert book.Book is type(boek) and BY_NAME["beschut_werk"] is boek.chapters["beschut_werk"].theme


def test_versions_agree_everywhere():
    version = participatie.__version__
    assert tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"] == version
    assert yaml.safe_load((REPO / "CITATION.cff").read_text())["version"] == version
    assert f"versie {version}" in (REPO / "appendices" / "citeren.md").read_text(encoding="utf-8")
    assert f"## {version} " in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert yaml.safe_load((REPO / "CITATION.cff").read_text())["license"] == "CC-BY-4.0"
