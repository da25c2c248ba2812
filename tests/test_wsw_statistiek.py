"""themes.wsw_statistiek: the analyses, facts, checks, charts, tables and the rendered text, on the bundled data
and on changed copies.

The words live in chapters/wsw_statistiek.tekst.md and .labels.yml; these tests pin the facts (numbers,
periods, directions, letters and pages) and hold the rendered text to the rules: every figure cited with
its letter and page, no codes, no 'nan', every block glued under its name. Municipal editions are tested
in test_wsw_municipal.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.data.package import LETTERS_DIR
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.figures.facts import Figure, Letter
from participatie.presentation import labels, shapes, tables, text, vocabulary
from participatie.themes.wsw_statistiek import THEME, analysis
from participatie.themes.wsw_statistiek import charts as wsw_charts
from participatie.themes.wsw_statistiek import tables as wsw_tables
from participatie.themes.wsw_statistiek.facts import facts

from conftest import CHAPTERS, REPO
from helpers import (
    LATER_LETTERS,
    add_later_letters,
    assert_house_chart,
    glued,
    papermill,
    phrases_of_five_words,
    plain,
    read_rows,
    set_value,
    write_rows,
)

CHARTS = ["indications"]
# Two numbers are no chart: the waiting list, the two shares and the budget are tables with their source line.
TABLE_FIGURES = ["waiting_list", "seconded_share", "regular_employer_share", "budget"]
TABLES = ["efficiency_cut", "money", "repeated_figures", *TABLE_FIGURES]
THEME_DIR = REPO / "src" / "participatie" / "themes" / "wsw_statistiek"
GLUE = re.compile(r"\{glue:md\}`([^`]+)`")
CITATION = re.compile(r"\(((?:Tweede|Eerste) Kamer, [^()]*)\)")
BAD = re.compile(r"\b(?:nan|inf|infinity|None|Figure|Letter)\b|∞|\{\{|\}\}|\{%", re.IGNORECASE)


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def f(hoofdstuk):
    return hoofdstuk.facts


@pytest.fixture(scope="module")
def texts(hoofdstuk):
    return hoofdstuk.text()


def cited(texts: dict[str, str]) -> dict[str, set[int]]:
    """Return every letter the texts cite ('Tweede Kamer, 29 817, nr. 126') with the pages cited for it."""
    found: dict[str, set[int]] = {}
    for block in texts.values():
        for group in CITATION.findall(plain(block)):
            for item in group.split("; "):
                where, _, pages = item.partition(", p. ")
                found.setdefault(where, set()).update(vocabulary.page_numbers(pages.split(" en ")) if pages else [])
    return found


def letter_ref(letter: Letter) -> str:
    return f"{letter.chamber}, {letter.reference}"


def _value(figures, indicator, period, category=None):
    return fig.value(figures, indicator, period, category=category)


def _set_value(data_dir: Path, indicator: str, period: str, value: str, category: str = "") -> None:
    """Change one figure (every letter's copy of it) in a copied data directory, dropping those letters' page indexes."""
    path, match = data_dir / f"{THEME.name}.csv", {"indicator": indicator, "period": period, "category": category}
    assert set_value(path, match, value), f"no row {indicator} {period} {category}"
    letters = {row["source_id"] for row in read_rows(path)[0] if all(row[k] == v for k, v in match.items())}
    for source_id in letters:
        (data_dir / LETTERS_DIR / f"{source_id}.json").unlink(missing_ok=True)


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    ["indications", "waiting_list", "budget", "efficiency_cut", "money_figures", "repeated_figures"],
)  # fmt: skip
def test_analysis_frames_have_snake_case_columns(figures, name):
    frame = getattr(analysis, name)(figures)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


def test_share_series_have_snake_case_columns_and_stay_apart(figures):
    seconded = analysis.share_series(figures, "wsw_seconded_share")
    regular = analysis.share_series(figures, "wsw_regular_employer_share")
    assert all(re.fullmatch(r"[a-z_]+", c) for c in seconded.columns)
    assert seconded["period"].tolist() == ["2011", "2012"] and seconded["percent"].tolist() == [24.1, 26.8]
    assert regular["period"].tolist() == ["2014", "2015"] and regular["percent"].tolist() == [34, 38]
    assert set(seconded["source_id"]) == {analysis.JULY_2013} and set(regular["source_id"]) == {analysis.APRIL_2017}


# --- analyses on the bundled data ------------------------------------------------------------


def test_series_and_latest_two(figures):
    rows = analysis.series(figures, "wsw_employees")
    assert rows["period"].tolist() == ["2012-01-01", "2012-12-31"]
    previous, latest = analysis.latest_two(figures, "wsw_employees")
    assert (previous["value"], latest["value"]) == (102124, 102445)
    previous, latest = analysis.latest_two(figures, "wsw_indications", analysis.TOTAL)
    assert (previous["period"], latest["period"]) == ("2011", "2012")
    assert analysis.latest_two(figures, "no_such_indicator") == (None, None)


def test_indications_sum_of_parts_is_computed_from_the_data(figures):
    frame = analysis.indications(figures).set_index(["period", "part"])
    parts = _value(figures, "wsw_indications", "2012", "eerste_indicatie") + _value(
        figures, "wsw_indications", "2012", "herindicatie"
    )
    assert frame.loc[("2012", analysis.SUM_OF_PARTS), "indications"] == parts == 25821
    assert frame.loc[("2012", analysis.SUM_OF_PARTS), "kind"] == analysis.COMPUTED
    assert frame.loc[("2012", analysis.TOTAL), "indications"] == 25823
    assert frame.loc[("2011", analysis.TOTAL), "indications"] == 27607
    assert frame.loc[("2012", analysis.TOTAL), "kind"] == analysis.PRINTED
    assert frame.index.get_level_values("part").tolist() == [
        analysis.TOTAL,
        analysis.TOTAL,
        analysis.SUM_OF_PARTS,
        analysis.FIRST,
        analysis.REPEAT,
    ]
    assert analysis.parts_periods(figures) == ["2012"]


def test_waiting_list_start_is_end_plus_decrease(figures):
    frame = analysis.waiting_list(figures).set_index("date")
    assert frame.index.tolist() == ["2012-01-01", "2012-12-31"]
    assert frame.loc["2012-01-01", "persons"] == 15655 + 5423 == 21078
    assert frame.loc["2012-01-01", "kind"] == analysis.COMPUTED
    assert (frame.loc["2012-01-01", "end_stock"], frame.loc["2012-01-01", "decrease"]) == (15655, 5423)
    assert frame.loc["2012-12-31", "persons"] == _value(figures, "wsw_waiting_list", "2012-12-31")
    assert frame.loc["2012-12-31", "kind"] == analysis.PRINTED
    assert set(frame["page"]) == {4}


def test_waiting_list_decrease_pct(figures):
    assert analysis.waiting_list_decrease_pct(figures) == pytest.approx(100 * 5423 / 21078)


def test_supported_employment_rise(figures):
    assert analysis.supported_employment_rise(figures) == pytest.approx(100 * (6325 / 6185 - 1))


def test_the_printed_rise_in_supported_employment_is_no_rise_of_the_printed_places(figures):
    """The letter of July 2013 calls its 6,2% "een stijging" of the places (p. 4); its own counts give 2,3%."""
    assert round(analysis.supported_employment_rise(figures), 1) == 2.3
    assert _value(figures, "wsw_supported_employment_places_increase_pct", "2012-01/2012-12") == 6.2
    assert not hasattr(analysis, "supported_employment_readings")  # no second reading: the letter says what it is


def test_derived_means_computed_by_the_letter_from_other_printed_figures(figures):
    """`derived`: the letter computed the figure from figures it prints (docs/redactie.md, §4), nothing else."""
    derived = set(figures.loc[figures["derived"], "indicator"])
    assert derived == {"wsw_waiting_list_decrease_pct", "wsw_supported_employment_places_increase_pct"}
    not_derived = {
        "wsw_waiting_list_decrease",  # from a start stand the letter does not print
        "wsw_seconded_share",  # no counts behind the shares are printed
        "wsw_regular_employer_share",
        "wsw_volume_below_forecast",  # neither the realised volume nor the forecast is printed
        "wsw_efficiency_cut_total",  # the number of Wsw-ers behind it is not printed
    }
    assert not (not_derived & derived)


def test_budget_holds_only_the_printed_years(figures):
    frame = analysis.budget(figures).set_index("year")
    assert frame.index.tolist() == [2018, 2050]  # no interpolated years: the letter gives none
    assert frame.loc[2018, "mln_euro"] == 1921 and frame.loc[2018, "kind"] == analysis.PRINTED
    assert frame.loc[2050, "mln_euro"] == 0 and frame.loc[2050, "kind"] == analysis.EXPECTED
    current, expected = analysis.budget_rows(figures)
    assert (current["period"], expected["period"]) == ("2018", "2050")
    assert not hasattr(analysis, "budget_path") and not hasattr(analysis, "budget_linear_decline")


def test_efficiency_cut_without_implied_employees(figures):
    frame = analysis.efficiency_cut(figures).set_index("year")
    assert "implied_employees" not in frame.columns and not hasattr(analysis, "employees_counted_and_implied")
    assert frame.loc["2015", "cut_per_employee_qualifier"] == "circa"
    assert frame.loc["2020", "cut_per_employee_qualifier"] == ""
    assert frame.loc["2020", "cut_total_mln"] == 290 and frame.loc["2020", "cut_per_employee"] == 3000
    assert (frame.loc["2015", "total_page"], frame.loc["2020", "total_page"]) == (7, 8)


def test_money_figures_flags_zembla_assumed_periods_and_the_expectation(figures):
    frame = analysis.money_figures(figures)
    assert frame["indicator"].tolist()[:2] == ["wsw_budget", "wsw_budget"]
    assert frame["indicator"].iloc[-1] == "wsw_cuts_cited_by_zembla"
    indexed = frame.set_index("indicator")
    assert (
        indexed.loc["wsw_cuts_cited_by_zembla", "cited_claim"] and indexed.loc["wsw_cuts_cited_by_zembla", "period_assumed"]
    )
    kerstens = indexed.loc[["motie_kerstens_funds"]]
    assert len(kerstens) == 2 and kerstens["period_assumed"].all() and not kerstens["cited_claim"].any()
    assert frame.loc[frame["expected"], ["indicator", "period"]].values.tolist() == [["wsw_budget", "2050"]]


def test_repeated_figures_only_kerstens_and_equal(figures):
    frame = analysis.repeated_figures(figures)
    assert set(frame["indicator"]) == {"motie_kerstens_funds"}
    assert set(frame["source_id"]) == {analysis.APRIL_2017, analysis.JUNE_2018}
    assert frame["values_agree"].all()


def test_the_new_manifesto_row_is_printed_on_its_page(figures):
    row = fig.row(figures, "manifesto_signatory_municipalities", "2017-03-28")
    assert (row["value"], row["source_id"], row["page"]) == (209, analysis.APRIL_2017, 1)


# --- the vocabulary this theme added (presentation.vocabulary, '# --- added for wsw_statistiek') ---------


def test_moments_and_periods_in_a_sentence():
    assert [vocabulary.moment(p) for p in ("2012-01-01", "2012-12-31", "2015", "2020/..")] == [
        "begin 2012",
        "eind 2012",
        "2015",
        "vanaf 2020 (structureel)",
    ]
    assert [vocabulary.when(p) for p in ("2012", "2012-01-01", "2012-12-31", "2017-03-28", "2012-01/2012-12")] == [
        "in 2012",
        "begin 2012",
        "eind 2012",
        "op 28 maart 2017",
        "in 2012",
    ]
    assert vocabulary.when(Figure(5, "aantal", "2020/..")) == "vanaf 2020 (structureel)"


def test_value_or_nil_and_a_citation_with_extra_pages(f):
    assert vocabulary.value_or_nil(f["budget_expected"]) == "nul" and vocabulary.value(f["budget_expected"]) == "€ 0 mln"
    assert vocabulary.value_or_nil(f["budget_current"]) == "€ 1.921 mln"
    assert vocabulary.value_or_nil(Figure(0, "personen", "2012")) == "0"
    both = vocabulary.cite([f["budget_current"], None, (f["june_2018"], 8)])
    assert plain(both) == "(Tweede Kamer, 29 817, nr. 145, p. 7–8)"
    other = vocabulary.cite([f["workforce_latest"], (f["june_2018"], 8)])
    assert plain(other) == "(Tweede Kamer, 29 817, nr. 126, p. 4; Tweede Kamer, 29 817, nr. 145, p. 8)"
    assert {"moment", "when", "value_or_nil", "cite"} <= set(text.FILTERS)


# --- the facts ---------------------------------------------------------------------------------


def _figure(fact: Figure, value, period: str, letter: str, page: int, unit: str | None = None) -> None:
    assert isinstance(fact, Figure), fact
    assert (fact.value, fact.period, fact.letter.id, fact.page) == (value, period, letter, page)
    assert unit is None or fact.unit == unit


def test_facts_are_named_values_without_words(f):
    theme_facts = facts(open_chapter(THEME))
    assert set(theme_facts) <= set(f) and {"municipal", "place", "code", "synthetic"} <= set(f)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in theme_facts)
    allowed = (Figure, Letter, int, float, bool, str, list, type(None))
    assert all(isinstance(value, allowed) for value in theme_facts.values())
    assert [x.id for x in f["chapter_letters"]] == [
        analysis.JULY_2013,
        analysis.APRIL_2017,
        analysis.JUNE_2017,
        analysis.JUNE_2018,
    ]
    assert f["june_2018"].id == analysis.JUNE_2018 and str(f["june_2018"].date) == "2018-06-15"
    _figure(f["manifesto"], 209, "2017-03-28", analysis.APRIL_2017, 1)


def test_facts_of_the_indications(f):
    _figure(f["indications_previous"], 27607, "2011", analysis.JULY_2013, 4)
    _figure(f["indications_latest"], 25823, "2012", analysis.JULY_2013, 4)
    assert f["indications_change"] == -1784 and f["indications_change_pct"] == pytest.approx(100 * 1784 / 27607)
    assert f["parts_year"] == "2012" and (f["parts_first"].value, f["parts_repeat"].value) == (6636, 19185)
    assert (f["parts_sum"], f["parts_total"], f["parts_gap"]) == (25821, 25823, -2)
    assert f["parts_repeat_pct"] == pytest.approx(100 * 19185 / 25823)
    _figure(f["cause_total"], 25823, "2012", analysis.JULY_2013, 4)
    assert f["cause_section"] == "Wsw statistiek 2010" and not f["first_2011_printed"]


def test_facts_of_the_waiting_list(f):
    _figure(f["waiting_stand"], 15655, "2012-12-31", analysis.JULY_2013, 4)
    _figure(f["waiting_decrease"], 5423, "2012-01/2012-12", analysis.JULY_2013, 4)
    _figure(f["waiting_decrease_pct"], 25.7, "2012-01/2012-12", analysis.JULY_2013, 4)
    assert (f["waiting_start_day"], f["waiting_start"]) == ("2012-01-01", 21078)
    assert f["waiting_recomputed_pct"] == pytest.approx(100 * 5423 / 21078) and f["waiting_decimals"] == 1
    assert f["waiting_pct_fits"] and f["waiting_same_cause"]


def test_facts_of_the_workforce_and_the_shares(f):
    _figure(f["workforce_previous"], 102124, "2012-01-01", analysis.JULY_2013, 4)
    _figure(f["workforce_latest"], 102445, "2012-12-31", analysis.JULY_2013, 4)
    assert f["workforce_change"] == 321
    assert f["workforce_change_pct"] == pytest.approx(100 * 321 / 102124) and f["workforce_letter_says_same"]
    assert f["places_change"] == 140 and f["places_printed_pct"].value == 6.2 and f["places_decimals"] == 1
    assert f["places_rise_pct"] == pytest.approx(100 * (6325 / 6185 - 1)) and not f["places_pct_fits"]
    assert f["places_share_of_staff"] == pytest.approx(100 * 6325 / 102445)  # the places counted within the workforce
    assert "places_share_end_pct" not in f
    assert f["seconded_change"] == pytest.approx(2.7) and f["seconded_decimals"] == 1
    _figure(f["regular_latest"], 38, "2015", analysis.APRIL_2017, 1)
    assert f["regular_change"] == 4 and f["regular_decimals"] == 0
    assert f["seconded_national"] == f["seconded_latest"]  # the national edition: its own figures are national


def test_facts_of_the_money(f):
    _figure(f["budget_current"], 1921, "2018", analysis.JUNE_2018, 7, "euro_mln")
    _figure(f["budget_expected"], 0, "2050", analysis.JUNE_2018, 7, "euro_mln")
    _figure(f["cut_per_first"], 500, "2015", analysis.JUNE_2018, 7, "euro")
    assert f["cut_per_first"].qualifier == "circa" and f["cut_per_last"].value == 3000
    _figure(f["cut_total_last"], 290, "2020", analysis.JUNE_2018, 8, "euro_mln")
    _figure(f["cut_place"], 22700, "2020/..", analysis.JUNE_2017, 5, "euro")
    assert f["cut_place_from"] == "2020"
    _figure(f["volume_latest"], 300, "2016", analysis.APRIL_2017, 2, "arbeidsjaren")
    assert f["volume_below"] and f["volume_size"].qualifier == "circa"
    _figure(f["kerstens"], 30, "2015", analysis.JUNE_2018, 8, "euro_mln")
    assert [x.id for x in f["kerstens_letters"]] == [analysis.APRIL_2017, analysis.JUNE_2018] and f["kerstens_same"]
    _figure(f["zembla"], 1.2, "2015/..", analysis.JUNE_2018, 7, "euro_mld")


def test_facts_of_the_checks_and_revisions(f, hoofdstuk):
    assumed = {c.claim: c.assumption for c in THEME.checks if c.assumption}
    assert {c["claim"]: c["assumption"] for c in f["checks_assumed"]} == assumed and len(assumed) == 1
    assert f["checks_count"] == len(THEME.checks) == 3
    rise = [c.claim for c in THEME.checks if c.id == "wsw-begeleid-werken-stijging-2012"]
    assert f["checks_discrepant"] == rise
    assert f["revised_count"] == 0 == len(hoofdstuk.revisions()) and f["revision_kinds"] == []
    assert f["repeated_alike"] == ["Middelen motie Kerstens"] and f["repeated_period_assumed"]


# --- the rendered text: the rules ----------------------------------------------------------------------


def test_every_block_is_glued_under_its_name_and_the_finding_by_the_introduction(texts):
    notebook = (CHAPTERS / "wsw_statistiek.ipynb").read_text(encoding="utf-8")
    markdown = [c.source for c in nbformat.reads(notebook, as_version=4).cells if c.cell_type == "markdown"]
    used = [name for source in markdown for name in GLUE.findall(source)]
    assert all(re.fullmatch(r"wsw_[a-z_]+", name) for name in texts)
    assert sorted(used) == sorted(set(texts) - {THEME.finding_block})  # each block once, no name without a block
    assert THEME.finding_block in texts and "{glue:md}`wsw_finding`" in (REPO / "intro.ipynb").read_text(encoding="utf-8")
    source = (REPO / THEME.text_file).read_text(encoding="utf-8")
    assert source.startswith("{#") and "Feiten" in source.split("#}")[0]


def test_the_text_holds_no_codes_nan_or_raw_values(texts):
    for name, block in texts.items():
        reader = plain(block)
        assert reader and not BAD.search(reader), (name, reader)
        assert not re.search(r"\b(?:tk|ek)-\d|wsw_[a-z]|\d\.\d{1,2}%|\d\.0\b", reader), (name, reader)


def test_every_figure_the_text_states_is_cited_with_its_letter_and_page(f, texts):
    """A figure printed in a letter, where the text states it, is cited in the chapter with its letter and page."""
    pages = cited(texts)
    reader = " ".join(plain(t) for t in texts.values())
    stated = 0
    for name, fact in f.items():
        if not isinstance(fact, Figure) or fact.letter is None:
            continue
        shown = plain(vocabulary.value_or_nil(fact))
        if not re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d]|[.,]\d)", reader):
            continue
        stated += 1
        assert fact.page in pages.get(letter_ref(fact.letter), set()), (name, shown, pages)
    assert stated >= 20


def test_every_citation_names_a_page_the_letter_has(texts):
    """Provenance: a cited page exists in the letter's page index (data/letters)."""
    import json

    sizes = {}
    for path in (REPO / "data" / LETTERS_DIR).glob("*.json"):
        index = json.loads(path.read_text(encoding="utf-8"))
        sizes[index["source_id"]] = max(p["page"] for p in index["pages"])
    letters = {letter_ref(x): x.id for x in open_chapter(THEME).national_finder.letters.values()}
    for where, pages in cited(texts).items():
        assert where in letters, where
        assert pages and max(pages) <= sizes[letters[where]], (where, pages)


def test_directions_follow_the_numbers(f, texts):
    n = vocabulary.number
    assert f"{n(1784)} {vocabulary.direction(f['indications_change'], 'meer', 'minder')}" in texts["wsw_indications"]
    assert f"{n(321)} {vocabulary.direction(f['workforce_change'], 'meer', 'minder')}" in texts["wsw_workforce"]
    assert vocabulary.pct(f["indications_change_pct"], 1) in plain(texts["wsw_indications"])
    assert vocabulary.value(f["seconded_change"], "procentpunt", 1) in texts["wsw_seconded"]
    assert vocabulary.pct(f["waiting_recomputed_pct"], 1) in plain(texts["wsw_waiting_list"])
    assert vocabulary.pct(f["places_rise_pct"], 1) in plain(texts["wsw_supported_employment"])


def test_the_finding_states_the_latest_count_and_the_money_with_their_letters(f, hoofdstuk):
    finding = plain(hoofdstuk.finding())
    for fact in (f["workforce_latest"], f["budget_current"]):
        assert plain(vocabulary.value(fact)) in finding and letter_ref(fact.letter) in finding
    assert plain(vocabulary.cite([f["budget_current"], f["budget_expected"], (f["june_2018"], 8)])) in finding
    sentences = re.split(r"(?<=[a-z)])\.(?:\s+|$)", re.sub(r"\b(?:nr|p)\.", "", finding))
    assert 2 <= len([s for s in sentences if s]) <= 3


def test_the_checks_paragraph_names_each_assumption(texts):
    reader = plain(texts["wsw_checks"])
    for check in THEME.checks:
        if check.assumption:
            assert check.assumption in reader and check.claim in reader


def _phrases(path: Path) -> list[str]:
    """Return the phrases of five words or more in a theme module (docstrings aside). The theme's record names
    the chapter by its title (the notebook's heading): that one is no phrase of the text."""
    return phrases_of_five_words(path, skip_keywords=("title",))


def test_no_dutch_phrase_of_five_words_in_the_theme_code(tmp_path):
    """Words live in the text and label files: no string literal of the theme is a phrase of five words."""
    phrases = {path.name: _phrases(path) for path in sorted(THEME_DIR.glob("*.py"))}
    assert not any(phrases.values()), phrases
    sample = tmp_path / "sample.py"  # the rule finds a phrase where there is one
    sample.write_text('"""Een docstring van meer dan vijf woorden."""\nA = "een zin van vijf woorden"\nB = "wsw_code"\n')
    assert _phrases(sample) == ["een zin van vijf woorden"]
    assert sorted(phrases) == ["__init__.py", "analysis.py", "charts.py", "checks.py", "facts.py", "tables.py"]


# --- checks ----------------------------------------------------------------------------------


def test_checks_verdicts(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert (
        set(result.index)
        == {c.id for c in THEME.checks}
        == {"wsw-indicaties-totaal-2012", "wsw-wachtlijst-daling-pct-2012", "wsw-begeleid-werken-stijging-2012"}
    )
    # The sum of the parts rests on an assumption the letter does not make: its outcome says nothing of the letter.
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.ASSUMPTION
    assert result.loc["wsw-indicaties-totaal-2012", "recomputed"] == 25821
    # The letter calls its 6,2% "een stijging" of the places (p. 4); its own counts give 2,3%: a discrepancy.
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.DISCREPANCY
    assert result.loc["wsw-begeleid-werken-stijging-2012", "recomputed"] == pytest.approx(100 * (6325 / 6185 - 1))
    assert not result.loc["wsw-begeleid-werken-stijging-2012", "assumption"]
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "verdict"] == checks.ROUNDED
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "recomputed"] == pytest.approx(100 * 5423 / 21078)


def test_the_words_of_the_checks_are_labels(hoofdstuk):
    words = hoofdstuk.label("checks")
    for check in THEME.checks:
        assert (check.claim, check.formula) == (words[check.id]["claim"], words[check.id]["formula"])
        assert check.assumption == words[check.id].get("assumption")


# --- charts and tables -----------------------------------------------------------------------


def test_charts_and_tables_are_the_public_functions_of_their_modules():
    def public(module):
        return sorted(
            n for n, v in vars(module).items() if callable(v) and not n.startswith("_") and v.__module__ == module.__name__
        )

    assert public(wsw_charts) == sorted(CHARTS) and public(wsw_tables) == sorted(TABLES)


@pytest.mark.parametrize("name", CHARTS)
def test_charts_follow_the_house_rules_and_name_letter_and_page(hoofdstuk, name):
    figure = getattr(wsw_charts, name)(hoofdstuk)
    assert_house_chart(figure)
    assert "pp-chart-" in figure._repr_mimebundle_()["text/html"]
    assert figure.table["Bron"].str.contains(r", p\. \d").all()
    assert "Bron" in str(figure.spec())  # every tooltip names the letter and page
    assert labels.NEWER_LETTER not in str(figure.spec())  # the bundled data hold no letter newer than the text


def test_chart_indications_marks_the_sum_as_ours(hoofdstuk):
    figure = wsw_charts.indications(hoofdstuk)
    row = figure.table.loc[figure.table["Soort"] == hoofdstuk.label("indications.parts")["sum_of_parts"]].iloc[0]
    assert row["Indicaties"] == 25821 and row["Herkomst"] == labels.COMPUTED
    assert row["Bron"].startswith(f"{labels.COMPUTED} uit: Tweede Kamer, 29 817, nr. 126")
    assert hoofdstuk.label("indications.sum", sum="25.821") in str(figure.spec())


def test_chart_waiting_list_draws_the_computed_start_as_computed(hoofdstuk):
    figure = wsw_tables.waiting_list(hoofdstuk)
    table = figure.table.rename(columns=str.capitalize)
    assert table["Personen"].tolist() == [21078, 15655] and table["Moment"].tolist() == ["begin 2012", "eind 2012"]
    assert table["Berekening"].tolist() == [hoofdstuk.label("waiting_list.calculation", end=15655, decrease=5423), "–"]
    assert table["Herkomst"].tolist() == [labels.COMPUTED, labels.PRINTED]
    html = figure._repr_mimebundle_()["text/html"]
    assert figure.source_line.startswith("Bron: ") and 'class="pp-download pp-chart-csv"' in html and "<table" in html


def test_the_two_shares_are_two_tables_of_printed_figures(hoofdstuk):
    seconded = wsw_tables.seconded_share(hoofdstuk).table
    regular = wsw_tables.regular_employer_share(hoofdstuk).table
    assert seconded["Periode"].tolist() == ["2011", "2012"] and regular["Periode"].tolist() == ["2014", "2015"]
    assert set(seconded["Herkomst"]) == set(regular["Herkomst"]) == {labels.PRINTED}
    assert regular["Bron"].tolist() == ["Tweede Kamer, 34 352, nr. 56 (21 april 2017), p. 1"] * 2


def test_table_budget_gives_the_amount_and_the_expectation(hoofdstuk):
    figure = wsw_tables.budget(hoofdstuk)
    assert figure.table["Jaar"].tolist() == ["2018", "2050"]
    assert figure.table["Herkomst"].tolist() == [labels.PRINTED, hoofdstuk.label("kinds")["expected"]]
    assert "Tweede Kamer, 29 817, nr. 145" in figure.source_line


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_dutch_tables(hoofdstuk, name):
    table = getattr(wsw_tables, name)(hoofdstuk)
    frame = table.table if name in TABLE_FIGURES else table.frame
    assert isinstance(table, shapes.TableFigure if name in TABLE_FIGURES else tables.Table) and not frame.empty
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_supported_employment_text_says_what_the_letter_calls_the_percentage(texts):
    reader = plain(texts["wsw_supported_employment"])
    assert "«een stijging van 6,2%»" in reader and "2,3%" in reader
    assert "lezing" not in reader and "aandeel" not in reader  # no reading the letter does not give


def test_share_tables_show_the_precision_the_letter_prints(hoofdstuk):
    regular = wsw_tables.regular_employer_share(hoofdstuk)._repr_mimebundle_()["text/html"]
    seconded = wsw_tables.seconded_share(hoofdstuk)._repr_mimebundle_()["text/html"]
    assert ">34<" in regular and ">34,0<" not in regular and ">24,1<" in seconded


def test_efficiency_cut_table_text(hoofdstuk):
    frame = wsw_tables.efficiency_cut(hoofdstuk).frame
    assert frame.columns.tolist() == list(hoofdstuk.label("efficiency_cut.columns").values())
    assert frame.iloc[:, 1].tolist() == ["circa € 500", "€ 3.000"]
    assert frame.iloc[0, -1].endswith("p. 7") and frame.iloc[1, -1].endswith("p. 7 (totaal: p. 8)")


def test_money_table_periods_and_statuses(hoofdstuk):
    frame = wsw_tables.money(hoofdstuk).frame
    status = hoofdstuk.label("money.status")
    zembla = frame.loc[frame["Post"] == "Bezuiniging volgens Zembla"].iloc[0]
    assert zembla["Status"] == status["claim"] and zembla["Periode"] == hoofdstuk.label("period_not_given")
    kerstens = frame.loc[frame["Post"] == "Middelen motie Kerstens"]
    assert len(kerstens) == 2 and (kerstens["Periode"] == hoofdstuk.label("period_not_given")).all()
    budget = frame.loc[frame["Post"] == "Wsw-middelen"]
    assert budget["Status"].tolist() == [status["ministry"], status["expected"]]
    place = frame.loc[frame["Post"] == hoofdstuk.label("money.items")["wsw_state_contribution_per_place"]]
    assert place["Status"].tolist() == [status["basis"]]  # the June 2017 letter: what the financing assumed
    assert hoofdstuk.label("money.items")["wsw_efficiency_cut_total"] in set(frame["Post"])
    assert frame["Bron"].str.contains(r", p\. \d$").all()
    assert frame["Post"].tolist()[0] == "Wsw-middelen" and frame["Post"].tolist()[-1] == "Bezuiniging volgens Zembla"


def test_repeated_table_shows_no_assumed_period(hoofdstuk):
    frame = wsw_tables.repeated_figures(hoofdstuk).frame
    assert frame["Periode"].tolist() == [hoofdstuk.label("period_not_given")] * 2
    assert frame[hoofdstuk.label("repeated_figures.agree")].all()
    assert frame["Soort verschil"].tolist() == ["–", "–"] and hoofdstuk.revisions().empty


# --- the facts and the text follow changed data ------------------------------------------------------


def test_indications_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_indications", "2012", "6638", category="eerste_indicatie")
    changed = open_chapter(THEME, data_copy)
    # One rule for a check on an assumption: its verdict says so, whether the outcome confirms the letter or not.
    assert changed.checks().set_index("id").loc["wsw-indicaties-totaal-2012", "verdict"] == checks.ASSUMPTION
    assert changed.facts["parts_gap"] == 0 and changed.facts["parts_sum"] == 25823
    assert changed.text()["wsw_indications_sum"] != open_chapter(THEME).text()["wsw_indications_sum"]


def test_supported_employment_check_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_supported_employment_places", "2012-01-01", "5956")
    changed = open_chapter(THEME, data_copy)
    result = changed.checks().set_index("id")
    assert result.loc["wsw-begeleid-werken-stijging-2012", "recomputed"] == pytest.approx(100 * (6325 / 5956 - 1))
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.ROUNDED
    assert changed.facts["places_rise_pct"] == pytest.approx(100 * (6325 / 5956 - 1))
    assert changed.facts["places_pct_fits"] and changed.facts["checks_discrepant"] == []
    totals = [c.claim for c in THEME.checks if c.id == "wsw-indicaties-totaal-2012"]
    assert [c["claim"] for c in changed.facts["checks_assumed"]] == totals
    assert "afwijking" not in changed.text()["wsw_supported_employment"]


def test_waiting_list_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_waiting_list", "2012-12-31", "16000")
    changed = open_chapter(THEME, data_copy)
    assert analysis.waiting_list(changed.figures).set_index("date").loc["2012-01-01", "persons"] == 16000 + 5423
    verdict = changed.checks().set_index("id").loc["wsw-wachtlijst-daling-pct-2012", "verdict"]
    assert verdict == checks.DISCREPANCY  # 5.423 / 21.423 = 25,3%, not 25,7%: no assumption behind this one
    assert not changed.facts["waiting_pct_fits"] and changed.facts["waiting_start"] == 21423
    assert "25,3%" in changed.text()["wsw_waiting_list"]


def test_a_revision_shows_in_the_table_and_the_text_with_its_kind(data_copy):
    path = data_copy / "wsw_statistiek.csv"
    rows, fields = read_rows(path)
    [later] = [r for r in rows if r["indicator"] == "motie_kerstens_funds" and r["source_id"] == analysis.JUNE_2018]
    later["value"] = "35"
    write_rows(path, rows, fields)
    (data_copy / LETTERS_DIR / f"{analysis.JUNE_2018}.json").unlink()
    changed = open_chapter(THEME, data_copy)
    conflict = labels.REVISION_KIND_TEXT["conflict"]
    frame = wsw_tables.repeated_figures(changed).frame
    assert frame["Soort verschil"].tolist() == [conflict, conflict]
    assert not frame[changed.label("repeated_figures.agree")].any()
    assert changed.facts["revised_count"] == 1 and changed.facts["revision_kinds"] == [conflict]
    assert not changed.facts["kerstens_same"] and changed.facts["repeated_alike"] == []
    assert plain(changed.text()["wsw_revisions"]).startswith("Eén ") and conflict in changed.text()["wsw_revisions"]


def test_directions_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_employees", "2012-12-31", "101000")
    _set_value(data_copy, "wsw_regular_employer_share", "2015", "30")
    changed = open_chapter(THEME, data_copy)
    assert changed.facts["workforce_change"] == -1124 and changed.facts["regular_change"] == -4
    assert f"1.124 {vocabulary.direction(-1, 'meer', 'minder')}" in changed.text()["wsw_workforce"]
    assert f"4 procentpunt {vocabulary.direction(-1, 'meer', 'minder')}" in changed.text()["wsw_regular_employer"]


# --- a later letter: the text follows the latest period, and its values are drawn apart -----------------


def _add_newer_wsw_rows(data_dir: Path) -> None:
    """Add Wsw figures of a letter newer than the text (a row of the fixture's letter tk-34352-189, as an analyst would)."""
    sources, fields = read_rows(data_dir / "sources.csv")
    write_rows(data_dir / "sources.csv", [*sources, *read_rows(LATER_LETTERS / "sources.csv")[0]], fields)
    path = data_dir / "wsw_statistiek.csv"
    rows, fields = read_rows(path)
    base = dict(
        dimension="",
        category="",
        qualifier="",
        derived="false",
        source_id="tk-34352-189",
        page="2",
        section="x",
        note="Test.",
    )
    new = [
        dict(base, indicator="wsw_regular_employer_share", period="2016", value="41", unit="procent"),
        dict(base, indicator="wsw_employees", period="2018-12-31", value="80000", unit="personen"),
        dict(base, indicator="wsw_budget", period="2019", value="1850", unit="euro_mln"),
    ]
    write_rows(path, [*rows, *new], fields)


def test_a_newer_letter_moves_the_latest_state_and_is_drawn_apart(unindexed_data_copy):
    _add_newer_wsw_rows(unindexed_data_copy)
    newer = open_chapter(THEME, unindexed_data_copy)
    f = newer.facts
    _figure(f["regular_latest"], 41, "2016", "tk-34352-189", 2)
    _figure(f["regular_previous"], 38, "2015", analysis.APRIL_2017, 1)
    _figure(f["workforce_latest"], 80000, "2018-12-31", "tk-34352-189", 2)
    _figure(f["budget_current"], 1850, "2019", "tk-34352-189", 2)
    texts = newer.text()
    refs = cited(texts)
    assert {2} <= refs["Tweede Kamer, 34 352, nr. 189"] and {1} <= refs["Tweede Kamer, 34 352, nr. 56"]
    regular = plain(texts["wsw_regular_employer"])
    assert "41%" in regular and "38%" in regular and plain(vocabulary.letter(f["regular_latest"])) in regular
    finding = plain(texts["wsw_finding"])
    assert "80.000" in finding and "€ 1.850 mln" in finding and vocabulary.when(f["workforce_latest"]) in finding
    assert plain(vocabulary.cite([f["budget_current"], f["budget_expected"], (f["june_2018"], 8)])) in finding
    assert vocabulary.when(f["workforce_latest"]) in texts["wsw_unsaid_staff"]
    regular_table = wsw_tables.regular_employer_share(newer)
    assert regular_table.table["Periode"].tolist() == ["2014", "2015", "2016"]
    assert regular_table.table["Herkomst"].tolist() == [labels.PRINTED, labels.PRINTED, labels.NEWER_LETTER]
    budget = wsw_tables.budget(newer)
    assert budget.table["Jaar"].tolist() == ["2018", "2019", "2050"]
    assert budget.table["Herkomst"].tolist()[1] == labels.NEWER_LETTER
    for name in CHARTS:
        assert_house_chart(getattr(wsw_charts, name)(newer))
    for name in TABLES:
        getattr(wsw_tables, name)(newer)
    assert newer.edition_note() is not None


def test_the_fixture_letters_leave_the_chapter_as_it_is(data_copy, texts):
    add_later_letters(data_copy)  # they hold no Wsw figures
    later = open_chapter(THEME, data_copy)
    assert later.text() == texts and later.edition_note() is None


@pytest.mark.slow
def test_papermill_on_a_newer_letter(unindexed_data_copy, tmp_path):
    _add_newer_wsw_rows(unindexed_data_copy)
    out = tmp_path / "wsw_statistiek.ipynb"
    result = papermill(str(CHAPTERS / "wsw_statistiek.ipynb"), str(out), data_dir=str(unindexed_data_copy))
    assert result.returncode == 0, result.stderr[-3000:]
    run = glued(nbformat.read(out, as_version=4))
    assert set(run) == set(open_chapter(THEME).text()) - {THEME.finding_block}
    assert "41%" in run["wsw_regular_employer"] and "20 november 2019" in run["wsw_regular_employer"]
