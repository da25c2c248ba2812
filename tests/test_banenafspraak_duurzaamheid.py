"""Tests of the banenafspraak chapter: analyses, facts, the rendered text, checks, charts and tables, on the bundled
data and changed copies.

The facts (`facts.facts`) are tested as numbers, periods, letters and pages; the rendered text
(`Chapter.text()`, the blocks of chapters/banenafspraak_duurzaamheid.tekst.md, and the notebook's own Markdown)
is tested against rules: every figure cited, no codes, no "nan", the words following the numbers. The later
letters of the fixture (a living publication) are tested in test_banenafspraak_living.py, the municipal
editions in test_banenafspraak_municipal.py.
"""

from __future__ import annotations

import inspect
import json
import math
import re
from datetime import date

import jinja2.meta
import nbformat
import pytest
import yaml

from participatie.book import open_chapter
from participatie.data import page_index
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.figures.facts import Figure, Letter
from participatie.presentation import charts as house
from participatie.presentation import labels, tables, text, vocabulary
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, charts
from participatie.themes.banenafspraak_duurzaamheid import tables as chapter_tables
from participatie.themes.banenafspraak_duurzaamheid.checks import CHECKS, LABELS
from participatie.themes.banenafspraak_duurzaamheid.facts import facts as theme_facts

from conftest import CHAPTERS, DATA, REPO
from helpers import assert_house_chart, set_value
from helpers import plain_without_emphasis as plain

DATA_FILE = f"{THEME.name}.csv"
RAW_CODE = re.compile(r"\b(?:ek|tk)-\d|\b[a-z]+_[a-z_]+\b")  # a letter id or a snake_case code
BAD = re.compile(r"\b(?:nan|inf|infinity|None)\b|Figure\(|Letter\(|∞", re.IGNORECASE)
GLUE = re.compile(r"\{glue:md\}`([^`]+)`")
# Sentences end at '. ' before a capital or an emphasis mark; 'p. 3' and 'nr. 145' are followed by a digit.
SENTENCE = re.compile(r"(?<=[.)])\s+(?=[A-Z*])")
# What a sentence may hold without citing a figure: years, dates, quarters, and whatever stands in brackets.
NO_FIGURE = re.compile(
    r"\((?:[^()]*)\)|\b(?:19|20)\d\d\b|(?:eerste|tweede|derde|vierde) kwartaal|\d+ (?:januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december)"
)
CITED = re.compile(r"\([^()]*(?:p\. \d|eigen berekening)[^()]*\)")
CITATION = re.compile(r"\((?:(?:Eerste|Tweede) Kamer, [^()]*?, p\. [\d–, en]+(?:; )?)+\)")
# The paragraph blocks of the text file (the others are values the notebook's Markdown puts inline).
PARAGRAPHS = [
    "ba_measure",
    "ba_target",
    "ba_end_2016",
    "ba_end_2017",
    "ba_latest",
    "ba_without_work",
    "ba_municipal_working",
    "ba_provisions",
    "ba_support_people",
    "ba_study_shares",
    "ba_study_background",
    "ba_contracts_hours",
    "ba_contracts_persons",
    "ba_limit_path",
    "ba_finding",
]
# The charts and tables the notebook shows: the public functions of the theme's charts and tables modules.
CHARTS, TABLES = (
    [n for n, f in inspect.getmembers(m, inspect.isfunction) if f.__module__ == m.__name__ and not n.startswith("_")]
    for m in (charts, chapter_tables)
)


@pytest.fixture(scope="module")
def opened():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(opened):
    return opened.figures


@pytest.fixture(scope="module")
def facts(opened):
    return opened.facts


@pytest.fixture(scope="module")
def texts(opened):
    return opened.text()


@pytest.fixture(scope="module")
def notebook():
    return nbformat.read(CHAPTERS / f"{THEME.name}.ipynb", as_version=4)


def value(f, indicator, period, category=None, source_id=None):
    return fig.value(f, indicator, period, category=category, source_id=source_id)


def markdown_of(notebook) -> str:
    return "\n\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def page_prose(notebook, texts) -> list[str]:
    """Return the paragraphs of the chapter's Markdown as a reader reads them, the glued blocks put in."""
    page = GLUE.sub(lambda m: texts[m.group(1)], markdown_of(notebook))
    return [plain(p) for p in re.split(r"\n\s*\n|\n- ", page) if p.strip() and not p.startswith("#")]


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    ["required_pace", "jobs_path", "municipal_target_group", "retention_by_background", "retention_outcomes", "contracts"],
)
def test_analysis_frames_have_snake_case_columns(f, name):
    frame = getattr(analysis, name)(f)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


def test_policy_dates_are_printed_on_their_pages(facts):
    # The background's dates are facts of the text; the letters print them on the cited pages.
    indexes = page_index.load_indexes(DATA / "letters")
    for source_id, page, number in [
        ("ek-33981-n", 16, 2013),  # sociaal akkoord van april 2013
        ("ek-33981-n", 16, 2025),  # eind 2025
        ("ek-34775-ak", 2, 2015),  # vanaf 2015
        ("tk-29817-145", 2, 2026),  # oplopend tot 2026
        ("ek-33981-n", 19, 2016),  # factsheets sinds november 2016
        ("ek-33981-n", 19, 2018),  # herhaling in het voorjaar van 2018
    ]:
        assert page_index.printed_on_page(indexes[source_id], page, number), (source_id, page, number)
    assert facts["agreement"] == "2013-04" and facts["law_in_force"] == "2015" and facts["rising_until"] == "2026"
    assert facts["deadline"] == "2025-12-31" and facts["factsheets_since"] == "2016-11" and facts["study_repeated"] == "2018"


def test_rounded_keeps_three_significant_digits():
    assert analysis.rounded(11012) == 11000 and analysis.rounded(10434.9) == 10400 and analysis.rounded(69600, 2) == 70000
    assert analysis.rounded(95) == 95 and analysis.rounded(0) == 0 and math.isnan(analysis.rounded(math.nan))


def test_latest_and_previous_realisation(f):
    latest, before = analysis.latest_realisation(f), analysis.previous_realisation(f)
    assert (latest["period"], latest["value"], latest["source_id"]) == (analysis.END_2017, 36904, analysis.SEPT_2018)
    # The exact count of end 2016 (June 2018), not the hedged "ruim 22.000" of June 2017.
    assert (before["period"], before["value"], before["source_id"]) == (analysis.END_2016, 22554, analysis.JUNE_2018)
    assert analysis.exact_realisation(f, analysis.END_2016)["value"] == 22554
    assert analysis.exact_realisation(f, "2019-12-31") is None


def test_final_and_intermediate_targets(f):
    goal = analysis.final_target(f)
    assert (goal["period"], goal["value"]) == (analysis.DEADLINE, 125000)
    assert analysis.intermediate_targets(f) == [analysis.END_2016]
    assert analysis.target_at(f, analysis.END_2017) is None
    assert analysis.target_at(f, analysis.END_2016)["value"] == 20500


def test_progress_is_computed_from_the_latest_count(f):
    now = analysis.progress(f)
    remaining = value(f, "extra_jobs_target", analysis.DEADLINE, "totaal") - value(
        f, "extra_jobs_realised", analysis.END_2017, "totaal"
    )
    assert now["share_of_goal"] == pytest.approx(100 * 36904 / 125000)
    assert now["to_create"] == remaining == 88096 and now["years"] == 8
    assert now["per_year"] == pytest.approx(88096 / 8)
    assert now["realised_change"] == 36904 - 22554 and now["realised_years"] == 1
    assert math.isnan(now["target"]) and now["target_source_id"] is None  # no target for end 2017 in the letters


def test_required_pace_has_one_deadline(f):
    pace = analysis.required_pace(f).set_index("measure")
    assert pace["end"].tolist() == [analysis.DEADLINE, analysis.END_2017]  # no second, inclusive deadline
    assert pace.loc[analysis.NEEDED, "per_year"] == pytest.approx(11012)
    assert pace.loc[analysis.REALISED_PACE, "per_year"] == 14350


def test_jobs_path_draws_every_printed_period_and_one_computed_path(f):
    frame = analysis.jobs_path(f)
    realised = frame.loc[frame["series"] == analysis.REALISED]
    assert realised["count"].tolist() == [22554, 36904]  # "ruim 22.000" is not drawn beside the exact count
    assert set(frame.loc[frame["series"] == analysis.TARGET, "date"]) == {analysis.END_2016, analysis.DEADLINE}
    paths = frame.loc[frame["series"] == analysis.PATH]
    assert set(paths["kind"]) == {analysis.COMPUTED} and paths["date"].tolist() == [analysis.END_2017, analysis.DEADLINE]
    assert paths["source_id"].isna().all()
    final = frame.loc[(frame["series"] == analysis.TARGET) & (frame["date"] == analysis.DEADLINE)].iloc[0]
    assert final["source_ids"] == (analysis.JUNE_2017, analysis.JUNE_2018) and final["pages"] == (16, 2)
    assert "2026-12-31" not in set(frame["date"])


def test_municipal_target_group_derives_q4_2016(f):
    frame = analysis.municipal_target_group(f)
    level = value(f, "municipal_target_group_working", analysis.Q4_2017)
    change = value(f, "municipal_target_group_working_change", analysis.CHANGE_Q4)
    assert frame["working"].tolist() == [level - change, level] == [9400, 21400]
    assert frame["kind"].tolist() == [analysis.COMPUTED, analysis.PRINTED]
    assert (frame["level"].iloc[0], frame["change"].iloc[0]) == (21400, 12000)
    assert analysis.municipal_factor(f) == pytest.approx(21400 / 9400)


def test_reintegration_change(f):
    row = analysis.reintegration_change(f)
    assert (row["start"], row["end"]) == ("2015-01-01", analysis.END_2017)
    assert row["increase"] == 190000 - 161000
    assert row["increase_pct"] == pytest.approx(100 * 29000 / 161000)


def test_retention_by_background_order_and_values(f):
    frame = analysis.retention_by_background(f)
    assert frame["category"].tolist() == list(analysis.BACKGROUNDS) == ["wsw", "wajong", "participatiewet", "totaal"]
    assert frame["share"].tolist() == [94, 80, 71, 87]


def test_retention_outcomes_are_the_printed_shares_only(f):
    frame = analysis.retention_outcomes(f).set_index("outcome")
    assert list(frame.index) == [analysis.WORKING, analysis.WORKING_ALL_MEASUREMENTS, analysis.NOT_WORKING]
    assert frame["share"].tolist() == [87, 83, 10]  # no "unexplained rest": the letter does not say they add up
    assert frame["qualifier"].tolist() == ["bijna", "circa", "bijna"]


def test_share_not_working_implied(f):
    assert analysis.share_not_working_implied(f) == 13


def test_contracts(f):
    frame = analysis.contracts(f)
    hours = frame.loc[frame["measure"] == analysis.HOURS_ALL]
    assert hours["share_permanent"].tolist() == [67, 65]
    assert frame.loc[frame["measure"] == analysis.PERSONS_WAJONG, "qualifier"].eq("circa").all()


def test_support_and_other_figures_are_printed_rows(f):
    assert list(dict.fromkeys(analysis.support(f)["indicator"])) == list(analysis.SUPPORT_INDICATORS)
    assert len(analysis.other_figures(f)) == 10


# --- the facts: numbers, periods, letters and pages (no words) -----------------------------------


def test_the_theme_record_points_at_its_words(opened):
    assert THEME.facts is theme_facts and THEME.prefix == "ba" and THEME.labels_file == LABELS
    assert THEME.title == yaml.safe_load((REPO / LABELS).read_text(encoding="utf-8"))["title"]
    assert (REPO / THEME.text_file).is_file() and THEME.finding_block == "ba_finding"


def test_facts_are_named_values_without_words(facts):
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in facts)
    for name, fact in facts.items():
        if isinstance(fact, str) and name not in ("place", "code"):
            assert re.fullmatch(r"[\d/-]+|[a-z_]+", fact), (name, fact)  # an ISO period or a code, never words
    figures = {name for name, fact in facts.items() if isinstance(fact, Figure)}
    assert len(figures) > 40 and all(facts[name].letter is not None for name in figures)  # national: all cited


def test_the_letters_are_facts_with_their_dates(facts):
    for name, source_id, day in [
        ("letter_april_2017", "tk-34352-56", date(2017, 4, 21)),
        ("letter_june_2017", "ek-33981-n", date(2017, 6, 30)),
        ("letter_june_2018", "tk-29817-145", date(2018, 6, 15)),
        ("letter_september_2018", "ek-34775-ak", date(2018, 9, 7)),
    ]:
        assert isinstance(facts[name], Letter) and (facts[name].id, facts[name].date) == (source_id, day)
    assert (facts["text_letter_count"], facts["text_letters_from"], facts["text_letters_until"]) == (4, "2017-04", "2018-09")


def _is(fact, value, letter, page, period=None, qualifier=None):
    assert isinstance(fact, Figure), fact
    assert (fact.value, fact.letter.id, fact.page, fact.qualifier) == (value, letter, page, qualifier), fact
    assert period is None or fact.period == period, fact


def test_the_target_and_the_counts(facts):
    _is(facts["target_total"], 125000, "tk-29817-145", 2, analysis.DEADLINE)
    _is(facts["target_market"], 100000, "tk-29817-145", 2)
    _is(facts["target_government"], 25000, "tk-29817-145", 2)
    _is(facts["target_2016"], 20500, "tk-29817-145", 2, analysis.END_2016)
    _is(facts["realised_2016"], 22554, "tk-29817-145", 2, analysis.END_2016)
    # The June 2017 letter's rounded count of the same moment, and the kind of difference the revisions name.
    _is(facts["realised_2016_early"], 22000, "ek-33981-n", 16, analysis.END_2016, "ruim")
    assert facts["realised_2016_revision"] == "rounding" and labels.REVISION_KIND_TEXT["rounding"] == "afronding"
    _is(facts["national_realised_2017"], 36904, "ek-34775-ak", 2, analysis.END_2017)


def test_the_latest_state_and_the_pace_are_computed_from_the_data(facts):
    _is(facts["jobs_latest"], 36904, "ek-34775-ak", 2, analysis.END_2017)
    _is(facts["jobs_goal"], 125000, "tk-29817-145", 2, analysis.DEADLINE)  # of two letters that agree, the newest
    _is(facts["jobs_previous"], 22554, "tk-29817-145", 2, analysis.END_2016)
    assert facts["jobs_share_of_goal"] == pytest.approx(29.5232) and facts["jobs_target_latest"] is None
    assert (facts["jobs_to_create"], facts["jobs_years"], facts["jobs_per_year_rounded"]) == (88096, 8, 11000)
    assert (facts["jobs_change"], facts["jobs_change_years"]) == (14350, 1) and facts["jobs_counts_from_two_letters"]
    assert facts["jobs_change_per_year"] > facts["jobs_per_year"]  # faster than the even pace
    assert facts["intermediate_targets"] == [analysis.END_2016]


def test_the_gemeentelijke_doelgroep(facts):
    _is(facts["group_q4_2017"], 21400, "tk-29817-145", 2, analysis.Q4_2017)
    assert facts["group_q4_2016"] == 9400 and facts["group_factor"] > 2 and facts["group_latest"] is None
    _is(facts["register"], 54000, "tk-29817-145", 2, analysis.REGISTER_DATE, "bijna")


def test_support_and_provisions(facts):
    _is(facts["provisions_first"], 161000, "tk-29817-145", 2, "2015-01-01")
    _is(facts["provisions_last"], 190000, "tk-29817-145", 2, analysis.END_2017)
    assert facts["provisions_change"] == 29000 and facts["provisions_change_pct"] == pytest.approx(18.01, abs=0.01)
    assert (
        vocabulary.moment(facts["provisions_first"]) == "begin 2015"
        and vocabulary.moment(facts["provisions_last"]) == "eind 2017"
    )
    _is(facts["wage_subsidy"], 4500, "tk-34352-56", 2, analysis.END_2016, "circa")
    _is(facts["below_minimum_wage"], 15000, "tk-29817-145", 2, "2017-11")
    _is(facts["wajong_without_support"], 60, "tk-34352-56", 3, "2015", "meer_dan")


def test_the_study_and_the_contracts(facts):
    _is(facts["study_base"], 80000, "ek-33981-n", facts["study_base"].page, analysis.Q3_2015, "circa")
    _is(facts["study_working"], 87, "ek-33981-n", 18, analysis.STUDY, "bijna")
    _is(facts["study_working_throughout"], 83, "ek-33981-n", 18, analysis.STUDY, "circa")
    _is(facts["study_not_working"], 10, "ek-33981-n", 18, analysis.STUDY, "bijna")
    assert facts["study_persons_working"] == 70000  # 87% of circa 80.000 (69.600), to two significant digits
    assert [facts[f"retention_{c}"].value for c in ("wsw", "wajong", "participatiewet")] == [94, 80, 71]
    assert (facts["retention_highest"], facts["retention_lowest"]) == ("wsw", "participatiewet")
    _is(facts["hours_2015"], 67, "ek-33981-n", 18, analysis.Q3_2015)
    _is(facts["hours_2016"], 65, "ek-33981-n", 18, analysis.Q3_2016)
    assert facts["hours_change"] == -2
    _is(facts["wajong_permanent_2015"], 45, "ek-33981-n", 19, analysis.Q3_2015, "circa")
    _is(facts["starters_temporary"], 89, "ek-33981-n", 19, "2014")


def test_the_other_figures_are_the_letters(facts):
    _is(facts["quota_countries"], 19, "ek-33981-n", 2)
    _is(facts["calculator_steps"], 7, "ek-33981-n", 4, "2017-05-15", "maximaal")
    # The sentence's verb carries the hedge ("kan oplopen tot", "overschrijdt de grens van"): the fact has none.
    _is(facts["calculator_benefit_limit"], 19000, "ek-33981-n", 4)
    _is(facts["ict_cost_threshold"], 5, "ek-33981-n", 4)
    _is(facts["campaign_impressions"], 71572, "ek-33981-n", 21, "2017-01/2017-06")
    _is(facts["campaign_views_usual_low"], 3500, "ek-33981-n", 21, "2017-04")
    assert facts["campaign_ratio_low"] == pytest.approx(9222 / 4500) and facts["campaign_ratio_high"] == pytest.approx(
        9222 / 3500
    )
    assert facts["campaign_ratio_low"] >= 2  # the letter's "ten minste een verdubbeling" holds against the upper bound


# --- the words: the text file's blocks and the notebook's Markdown ----------------------------


def test_the_text_file_uses_only_facts_and_lists_them(facts):
    source = (REPO / THEME.text_file).read_text(encoding="utf-8")
    header = re.match(r"\{#(.*?)#\}", source, re.S)
    assert header, "the text file starts with a comment saying what it is and which facts it uses"
    assigned = set(re.findall(r"\{% set (\w+)", source)) | set(re.findall(r"\{% macro (\w+)", source))
    used = jinja2.meta.find_undeclared_variables(text.markdown_environment().parse(source)) - {"sep", "shared"} - assigned
    assert used <= set(facts), used - set(facts)
    assert not [name for name in used if not re.search(rf"\b{name}\b", header.group(1))], "a fact missing from the header"
    labelled = (REPO / THEME.labels_file).read_text(encoding="utf-8")
    unused = {n for n in facts if n not in used and not re.search(rf"\b{n}\b", labelled)} - {
        "code",
        "synthetic",
        "letters",
        "labels",
    }
    assert not unused, f"facts that no text or label uses: {unused}"


def test_every_block_is_glued_under_its_name_and_every_glue_has_a_block(texts, notebook):
    names = GLUE.findall(markdown_of(notebook))
    assert all(re.fullmatch(r"ba_[a-z0-9_]+", name) for name in texts)
    assert set(names) == set(texts) - {"ba_finding"}  # the introduction glues the finding, the chapter does not
    assert set(PARAGRAPHS) <= set(texts)


def test_the_set_up_cell_and_the_code_cells_are_short_calls(notebook):
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "hoofdstuk.glue_text()" in code[1].source and "import THEME, charts, tables" in code[1].source
    calls = [c.source for c in code[2:]]
    assert {f"charts.{name}(hoofdstuk)" for name in CHARTS} | {f"tables.{name}(hoofdstuk)" for name in TABLES} <= set(calls)
    assert all(re.fullmatch(r"(?:charts|tables|hoofdstuk)\.\w+\((?:hoofdstuk)?\)", call) for call in calls)
    assert [c.metadata.get("tags") for c in code[:2]] == [["parameters", "remove-cell"], ["remove-input"]]


def test_headings_carry_no_numbers_and_the_notebook_types_no_figure(notebook):
    markdown = markdown_of(notebook)
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings[0] == f"# {THEME.title}" and not any(re.search(r"\d|\?", h) for h in headings)
    # Outside the glued values, the notebook's Markdown types a number only in a citation of a letter's page, and
    # in the assumption of the check it quotes.
    assumption = next(c.assumption for c in CHECKS if c.assumption)
    rest = GLUE.sub("", markdown).replace(assumption[0].lower() + assumption[1:], "")
    rest = re.sub(r"\(p\. [\d–, en]+\)", "", CITATION.sub("", rest))  # a later citation of the same letter: its page
    assert not re.search(r"\d", rest), re.findall(r".{30}\d.{10}", rest)


def test_the_checks_paragraph_links_to_the_appendix_and_names_the_assumption_of_the_checks(notebook):
    # The verdicts are explained once, in the appendix; the chapter links to it and names its own assumption.
    section = markdown_of(notebook).split("## Rekencontrole", 1)[1].split("##", 1)[0]
    assert "](../appendices/rekencontrole.ipynb)" in section
    for verdict in (checks.EXACT, checks.ROUNDED, checks.DISCREPANCY, checks.ASSUMPTION):
        assert f"*{labels.VERDICT_TEXT[verdict]}*" not in section, verdict
    assumption = next(c.assumption for c in CHECKS if c.assumption).rstrip(".")
    assert f"De vergelijking neemt aan: {assumption[0].lower()}{assumption[1:]}; dat zegt de brief niet." in section
    assert "Revisies" not in markdown_of(notebook) and "revisie" not in markdown_of(notebook)


def test_the_text_carries_no_codes_and_nothing_undefined(texts, notebook):
    for name, block in texts.items():
        assert block.strip(), name
        assert not RAW_CODE.search(plain(block)) and not BAD.search(block), (name, block)
        assert "het boek" not in block and "berekend door" not in block
    for paragraph in page_prose(notebook, texts):
        assert not RAW_CODE.search(paragraph) and not BAD.search(paragraph), paragraph


def test_every_sentence_with_a_figure_cites_its_letter_or_marks_our_computation(texts):
    uncited = [
        f"{name}: {sentence}"
        for name in PARAGRAPHS
        for sentence in SENTENCE.split(plain(texts[name]))
        if re.search(r"\d", NO_FIGURE.sub("", sentence)) and not CITED.search(sentence)
    ]
    assert not uncited, uncited


def _cited_pages(text: str, previous: str | None = None) -> set[tuple[str, int]]:
    """Return the (Kamerstuk, page) pairs that the citations of a text name.

    A bare "(p. N)" cites the Kamerstuk the paragraph named last (`previous`): a paragraph names its letter once.
    """
    pairs = set()
    for bracket in re.findall(r"\(([^()]*p\. [^()]*)\)", text):
        for part in bracket.split("; "):
            found = re.match(r"(?:(?:Eerste|Tweede) Kamer, (.*), )?p\. (.*)$", part)
            if found and (found.group(1) or previous):
                pages = vocabulary.page_numbers(re.split(r", | en ", found.group(2)))
                pairs |= {(found.group(1) or previous, page) for page in pages}
    return pairs


def _last_kamerstuk(text: str) -> str | None:
    """Return the Kamerstuk that the last full citation in a text names (None if there is none)."""
    named = re.findall(r"(?:Eerste|Tweede) Kamer, ([^()]*?), p\. ", text)
    return named[-1] if named else None


def test_every_figure_from_a_letter_is_cited_with_its_page(facts, texts, notebook):
    """The first citation after a figure's first mention in its paragraph names its letter and page."""
    source = (REPO / THEME.text_file).read_text(encoding="utf-8")
    blocks = dict(re.findall(r"\{% block (\w+) %\}(.*?)\{% endblock %\}", source, re.S))

    def printed(names):  # the figures from a letter that these blocks use
        used = {n for name in names for n in re.findall(r"\b[a-z][a-z0-9_]+\b", blocks[name])}
        return {n: facts[n] for n in used if isinstance(facts.get(n), Figure) and facts[n].letter}

    # A paragraph of the text file, or of the notebook with its glued values put in.
    paragraphs = [(texts[name], printed([name])) for name in PARAGRAPHS]
    for paragraph in re.split(r"\n\s*\n|\n- ", markdown_of(notebook)):
        paragraphs.append((GLUE.sub(lambda m: texts[m.group(1)], paragraph), printed(GLUE.findall(paragraph))))
    uncited, checked = [], 0
    for paragraph, figures in paragraphs:
        paragraph = plain(paragraph)
        for name, figure in figures.items():
            mention = re.search(rf"(?<![\d.,]){re.escape(vocabulary.number(figure))}(?![\d]|[.,]\d)", paragraph)
            # The final target as the base of our share of it is cited where the target is stated (ba_target).
            if name == "jobs_goal" or not mention:
                continue
            citation = re.compile(r"\((?:(?:Eerste|Tweede) Kamer[^()]*)?p\. [^()]*\)").search(paragraph, mention.end())
            checked += 1
            previous = _last_kamerstuk(paragraph[: citation.start()]) if citation else None
            if not citation or (figure.letter.reference, figure.page) not in _cited_pages(citation.group(0), previous):
                uncited.append(f"{name}: {paragraph[mention.start() : mention.start() + 120]}")
    assert checked > 40 and not uncited, uncited


def test_a_bare_page_follows_a_citation_in_its_paragraph(texts, notebook):
    # A paragraph names its letter once; a bare "(p. N)" needs a full citation before it in the same paragraph.
    for paragraph in page_prose(notebook, texts):
        for bare in re.finditer(r"\(p\. [\d–, en]+\)", paragraph):
            assert _last_kamerstuk(paragraph[: bare.start()]), paragraph[: bare.end()]


def test_no_figure_is_marked_as_computed_by_a_letter(f):
    # `derived` means: computed by the letter from other printed figures. The UWV study's shares, the increase of
    # the gemeentelijke doelgroep (its base is not printed) and the Wajong shares are results the letters report.
    assert not f["derived"].any(), f.loc[f["derived"], ["indicator", "period"]]


def test_citations_name_the_kamerstuk_and_the_page(texts, notebook):
    for paragraph in page_prose(notebook, texts):
        assert not re.search(r"\(brief van", paragraph), paragraph
        for bracket in re.findall(r"\((?:Eerste|Tweede) Kamer[^()]*\)", paragraph):
            assert CITATION.fullmatch(bracket), bracket


def test_the_words_follow_the_facts(texts, facts):
    latest = plain(texts["ba_latest"])
    # The latest state: its period, count and letter; the pace and the comparison with it (ours).
    assert vocabulary.period(facts["jobs_latest"]) in latest and vocabulary.number(facts["jobs_latest"]) in latest
    assert vocabulary.letter(facts["jobs_latest"]) in latest and plain(vocabulary.cite(facts["jobs_latest"])) in latest
    assert f"circa {vocabulary.number(facts['jobs_per_year_rounded'])} per jaar (eigen berekening)" in latest
    assert "nam het aantal toe" in latest and "meer dan het gelijkmatige tempo" in latest  # 14.350 > 11.012 a year
    assert "2026" not in latest and "11.012" not in latest  # one deadline; the pace rounded as the letters round
    # The end date: one reading (eind 2025), the June 2018 letter's "tot 2026" said to agree with it.
    assert not any("eind 2026" in block for block in texts.values())
    # The end of 2016: the difference with the intermediate target, and the revisions' word for the two counts.
    end_2016 = plain(texts["ba_end_2016"])
    assert f"{vocabulary.number(facts['realised_2016'].value - facts['target_2016'].value)} meer dan" in end_2016
    kind = labels.REVISION_KIND_TEXT[facts["realised_2016_revision"]]
    assert f"is een {kind} (zie Verschillen tussen brieven)" in end_2016 and "Revisies" not in end_2016
    # The share without work is in words only: the letters give no percentage.
    assert not re.search(r"\d+%", texts["ba_without_work"])
    # A growth of more than twice reads so; the path names the intermediate targets the letters print.
    assert "meer dan verdubbeld (eigen berekening)" in plain(texts["ba_municipal_working"])
    assert "behalve het tussendoel voor eind 2016 drukken" in latest and "Alleen het tussendoel" in texts["ba_limit_path"]


def test_finding_for_the_introduction(opened, facts):
    finding = plain(opened.finding())
    assert finding.startswith(vocabulary.sentence(vocabulary.period(facts["jobs_latest"])))
    assert plain(vocabulary.cite(facts["jobs_latest"])) in finding and "(eigen berekening)" in finding
    assert vocabulary.pct(facts["jobs_share_of_goal"]) in finding and vocabulary.period(facts["agreement"]) in finding
    assert "diezelfde brief" in finding  # the latest count is the September 2018 letter's, which says the rest too
    assert len(SENTENCE.split(finding)) == 2 and not re.search(r"\d+%[^()]*geen werk", finding)


# --- checks and revisions ----------------------------------------------------------------------


def test_checks_verdicts(opened):
    assert THEME.checks == CHECKS
    result = opened.checks().set_index("id")
    assert set(result.index) == {"ba-doel-markt-plus-overheid", "ba-niet-meer-aan-het-werk"}
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.EXACT
    # 100 − 87 against 10 rests on our assumption that the two shares make up the whole group: no discrepancy.
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.ASSUMPTION
    assert result.loc["ba-niet-meer-aan-het-werk", "recomputed"] == 13
    assert "100%" in result.loc["ba-niet-meer-aan-het-werk", "assumption"]
    assert (result["verdict"] != checks.DISCREPANCY).all()


def test_the_checks_words_are_in_the_label_file():
    words = yaml.safe_load((REPO / LABELS).read_text(encoding="utf-8"))["checks"]
    assert set(words) == {c.id for c in CHECKS}
    for check in CHECKS:
        assert (check.claim, check.formula, check.assumption) == tuple(
            words[check.id].get(k) for k in ("claim", "formula", "assumption")
        )


def test_the_two_counts_of_end_2016_are_a_rounding(opened):
    changed = opened.revisions()
    assert set(changed["indicator"]) == {"extra_jobs_realised"} and set(changed["kind"]) == {"rounding"}
    assert "ruim 22.000" in opened.revisions_table()._repr_mimebundle_()["text/plain"]


# --- charts and tables -----------------------------------------------------------------------


def test_the_charts_and_tables_are_the_notebooks():
    expected_charts = [
        "extra_jobs",
        "permanent_contracts",
        "retention_by_background",
        "retention_outcomes",
    ]
    # Two quarters of the gemeentelijke doelgroep are two numbers: a table, not a chart.
    assert expected_charts == CHARTS and TABLES == ["municipal_target_group", "other_figures", "pace", "support"]


@pytest.mark.parametrize("name", CHARTS)
def test_charts_are_complete_figures(opened, name):
    figure = getattr(charts, name)(opened)
    assert isinstance(figure, house.ChartFigure)
    assert_house_chart(figure)
    spec = json.dumps(figure.spec(), ensure_ascii=False)
    assert "berekend door het boek" not in spec and "lezing" not in spec and not BAD.search(spec)
    assert "{{" not in spec and "{%" not in spec  # every label rendered


@pytest.mark.parametrize("name", [n for n in CHARTS if n != "extra_jobs"])
def test_chart_tooltips_and_tables_name_letter_and_page(opened, name):
    figure = getattr(charts, name)(opened)
    assert "Brief" in str(figure.spec()["layer"] if "layer" in figure.spec() else figure.spec()["hconcat"])
    assert figure.table["Brief"].str.match(r"(Eerste|Tweede) Kamer, .*, p\. \d+$").all()


def test_chart_extra_jobs_draws_one_deadline_and_marks_our_path(opened):
    figure = charts.extra_jobs(opened)
    table = figure.table
    assert set(table["Soort"]) == {labels.PRINTED, labels.COMPUTED}
    assert table["Peildatum"].tolist() == ["eind 2016", "eind 2016", "eind 2017", "eind 2017", "eind 2025", "eind 2025"]
    # One deadline: 2026 is no date drawn; only the June 2018 letter's own words at the final target name it.
    rows = [r for d in figure.spec()["datasets"].values() for r in d]
    assert not any("2026" in str(v) for r in rows for k, v in r.items() if k != "brief")
    assert "2026" not in figure.spec()["description"]
    assert table.loc[table["Soort"] == labels.COMPUTED, "Brief"].eq("–").all()
    assert "Eerste Kamer, 34 775, AK (7 september 2018), p. 2" in set(table["Brief"])
    rising = opened.label("extra_jobs.rising_until")
    assert "‘oplopend tot 2026’" in rising
    assert (
        f"Eerste Kamer, 33 981, N (30 juni 2017), p. 16; Tweede Kamer, 29 817, nr. 145 (15 juni 2018), p. 2 ({rising})"
        in set(table["Brief"])
    )
    assert "Eerste Kamer, 34 775, AK" in figure.source_line
    spec = figure.spec()
    assert isinstance(spec["title"]["subtitle"], str)  # no values from newer letters: nothing drawn open
    assert "Open symbolen" not in spec["description"]
    assert set(table["Reeks"]) == set(opened.label("extra_jobs.series").values())


def test_table_municipal_target_group_marks_the_derived_quarter(opened):
    figure = chapter_tables.municipal_target_group(opened)
    assert figure.source_line.startswith("Bron: ") and "pp-chart-csv" in figure._repr_mimebundle_()["text/html"]
    table = figure.table
    computed = table.loc[table["Soort"] == labels.COMPUTED]
    assert computed["Berekening"].iloc[0].startswith("21.400 − 12.000") and computed["Personen"].iloc[0] == 9400
    assert table["Kwartaal"].tolist() == ["vierde kwartaal 2016", "vierde kwartaal 2017"]


def test_chart_retention_outcomes_has_no_rest_and_marks_the_unclear_base(opened):
    figure = charts.retention_outcomes(opened)
    words = opened.label("retention_outcomes.outcomes")
    assert figure.table["Uitkomst"].tolist() == [
        words[o] for o in (analysis.WORKING, analysis.WORKING_ALL_MEASUREMENTS, analysis.NOT_WORKING)
    ]
    assert figure.table["Aandeel"].tolist() == ["bijna 87%", "circa 83%", "bijna 10%"]
    assert figure.table["Afbakening"].tolist()[1] == opened.label("retention_outcomes.bases")["unclear"]
    assert "?" not in figure.spec()["title"]["text"] and "personen" not in " ".join(figure.table.columns).lower()


def test_chart_permanent_contracts_has_two_panels_with_their_own_axes(opened):
    spec = charts.permanent_contracts(opened).spec()
    titles = [panel["layer"][0]["encoding"]["y"]["axis"]["title"] for panel in spec["hconcat"]]
    axes = opened.label("permanent_contracts.y_axes")
    assert titles == [axes[analysis.HOURS_ALL], axes[analysis.PERSONS_WAJONG]] and titles[0] != titles[1]
    assert charts.permanent_contracts(opened).table["Aandeel"].tolist() == ["67%", "65%", "circa 45%", "circa 45%"]


@pytest.mark.parametrize("name, rows", [("pace", 2), ("support", 6), ("other_figures", 10)])
def test_tables(opened, name, rows):
    table = getattr(chapter_tables, name)(opened)
    assert isinstance(table, tables.Table) and len(table.frame) == rows
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_pace_table_rounds_the_pace_needed(opened):
    table = chapter_tables.pace(opened)
    assert list(table.frame.columns) == list(opened.label("pace.columns").values())
    assert table.frame.iloc[:, 0].tolist() == [
        opened.label("pace.needed", end=analysis.DEADLINE),
        opened.label("pace.realised"),
    ]
    assert table.frame.iloc[:, 5].tolist() == ["circa 11.000", "14.350"]
    assert labels.COMPUTED in table.caption


def test_figure_tables_name_the_letter_in_full_and_no_false_peildatum(opened):
    support = chapter_tables.support(opened).frame
    assert support["Brief"].str.match(r"Tweede Kamer, .* \(\d+ \w+ \d{4}\), p\. \d$").all()
    names = opened.label("figures.indicators")
    assert names["persons_wage_subsidy_or_jobcoach"] in set(support["Indicator"])
    assert opened.label("figures.undated", date="15 juni 2018") in set(support["Periode"])
    assert "begin 2015" in set(support["Periode"]) and "Toelichting" not in support.columns
    other = chapter_tables.other_figures(opened).frame
    assert "71.572" in set(other["Waarde"]) and "minder dan 25" in set(other["Waarde"])
    assert names["eu_countries_with_quota_system"] in set(other["Indicator"])
    bounds = [f"({word})" for word in opened.label("figures.groups").values()]
    assert other["Indicator"].str.endswith(tuple(bounds)).sum() == 2  # the usual page views: lower and upper bound
    ict = other.loc[other["Indicator"] == names["quota_levy_ict_project_costs"]].iloc[0]
    # A maximum or a threshold without a year in the letter gets none in the table; the campaign its own words.
    assert ict["Periode"] == opened.label("figures.no_period", date="30 juni 2017")
    assert "structureel" not in " ".join(other["Periode"]) and "januari–juni" not in " ".join(other["Periode"])
    assert (other["Periode"] == opened.label("figures.past_half_year", date="30 juni 2017")).sum() == 3


# --- on changed data -------------------------------------------------------------------------


def _set(data_dir, indicator, period, new, source_id=None, category=None):
    match = {"indicator": indicator, "period": period}
    match |= {"source_id": source_id} if source_id else {}
    match |= {"category": category} if category else {}
    assert set_value(data_dir / DATA_FILE, match, str(new)) == 1


def test_analyses_facts_and_text_follow_changed_data(unindexed_data_copy):
    _set(unindexed_data_copy, "extra_jobs_realised", analysis.END_2017, 40904)
    _set(unindexed_data_copy, "municipal_target_group_working", analysis.Q4_2017, 22400)
    _set(unindexed_data_copy, "not_working_after_one_year_share", analysis.STUDY, 13)
    changed = open_chapter(THEME, unindexed_data_copy)
    pace = analysis.required_pace(changed.figures).set_index("measure")
    assert pace.loc[analysis.NEEDED, "per_year"] == pytest.approx((125000 - 40904) / 8)
    assert analysis.municipal_target_group(changed.figures)["working"].iloc[0] == 10400
    facts, texts = changed.facts, changed.text()
    assert (
        facts["group_q4_2016"] == 10400 and facts["jobs_latest"].value == 40904 and facts["jobs_per_year_rounded"] == 10500
    )
    assert "circa 10.400 (eigen berekening)" in plain(texts["ba_municipal_working"])
    assert "40.904" in texts["ba_latest"] and "circa 10.500 per jaar" in texts["ba_latest"]
    result = changed.checks().set_index("id")
    # A check on an assumption keeps its verdict when the numbers happen to agree (one rule, whatever the outcome).
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.ASSUMPTION
    assert result.loc["ba-niet-meer-aan-het-werk", "recomputed"] == 13


def test_a_lower_count_turns_the_wording(unindexed_data_copy):
    # A count below the one before: the text says it fell, by how much, and that the pace was below the even pace.
    _set(unindexed_data_copy, "extra_jobs_realised", analysis.END_2017, 20000)
    changed = open_chapter(THEME, unindexed_data_copy)
    facts, latest = changed.facts, plain(changed.text()["ba_latest"])
    assert facts["jobs_change"] == -2554 and facts["jobs_change_per_year"] < facts["jobs_per_year"]
    assert "nam het aantal af met 2.554 (eigen berekening); dat is minder dan het gelijkmatige tempo" in latest
    assert "toe" not in latest.split("nam het aantal")[1].split()[0]


def test_check_flags_a_target_whose_parts_no_longer_add_up(unindexed_data_copy):
    _set(
        unindexed_data_copy, "extra_jobs_target", analysis.DEADLINE, 30000, source_id=analysis.JUNE_2018, category="overheid"
    )
    result = open_chapter(THEME, unindexed_data_copy).checks().set_index("id")
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-doel-markt-plus-overheid", "recomputed"] == 130000
