"""Tests of the beschut werk chapter: analyses, facts, the rules its rendered text keeps, checks, charts and tables,
on the bundled data and changed copies.

The words are in chapters/beschut_werk.tekst.md (the paragraphs) and chapters/beschut_werk.labels.yml (charts,
tables, checks); their wording is the editors'. These tests pin the facts the words are made from (numbers,
periods, letters, pages, directions) and the rules every rendered block keeps (every figure cited, no codes,
no undefined numbers, the register). The chapter on the fixture of later letters:
tests/test_beschut_werk_living.py; its municipal editions: tests/test_beschut_werk_municipal.py.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.figures import checks
from participatie.figures.facts import Figure, Letter
from participatie.presentation import charts as house_charts
from participatie.presentation import labels, tables, text, vocabulary
from participatie.themes.beschut_werk import THEME, analysis, charts
from participatie.themes.beschut_werk import tables as bw_tables
from participatie.themes.beschut_werk.checks import CHECKS
from participatie.themes.beschut_werk.facts import facts

from conftest import CHAPTERS, REPO
from helpers import assert_house_chart, phrases_of_five_words, plain, set_value

JUNE_2018_P4 = "Tweede Kamer, 29 817, nr. 145 (15 juni 2018), p. 4"
THEME_DIR = REPO / "src" / "participatie" / "themes" / "beschut_werk"
GLUE = re.compile(r"\{glue:md\}`([^`]+)`")
# A number a reader must be able to trace: digits left after dates, years, quarters and page references.
NOT_A_FIGURE = re.compile(
    r"\((?:[^()]*)\)|\b(?:19|20)\d\d\b|(?:eerste|tweede|derde|vierde) kwartaal|"
    r"\d+ (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
)
CITED = re.compile(r"\([^()]*(?:p\. \d|eigen berekening)[^()]*\)|eigen berekeningen?\b")
UNDEFINED = re.compile(r"\b(?:nan|inf|infinity)\b|∞|(?<!\S)–(?!\S)", re.IGNORECASE)
# A word of a reader's phrase (not a field name such as 'periode:N').
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:tk|ek)-\d|\bGM\d{4}\b|Figure\(|Letter\(")


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def feiten(hoofdstuk):
    return hoofdstuk.facts


@pytest.fixture(scope="module")
def blocks(hoofdstuk):
    """Return every rendered block of the text file, as a reader reads it (Markdown escapes resolved)."""
    return {name: plain(value) for name, value in hoofdstuk.text().items()}


def _sentences(paragraph: str) -> list[str]:
    return re.split(r"(?<=[.)])\s+(?=[A-Z])", paragraph)


def _where(figure: Figure) -> tuple:
    return figure.value, figure.period, figure.letter.id if figure.letter else None, figure.page


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "advices_by_year",
        "assessments_by_applicant",
        "citizen_assessments_by_month",
        "working_counts",
        "cumulative_advices",
        "working_vs_advised",
        "fill_rate",
        "regeling_places",
    ],
)
def test_analysis_frames_have_snake_case_columns(figures, name):
    frame = getattr(analysis, name)(figures)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


# --- analyses on the bundled data --------------------------------------------------------------


def test_value_reads_the_printed_figure(figures):
    assert analysis.value(figures, "positive_advices", "2017", source_id=analysis.JUNE_2018) == 1650
    assert analysis.value(figures, "assessments", analysis.JAN_MAY_2017, "gemeente") == 320


def test_advices_by_year_puts_every_period_in_its_calendar_year(figures):
    frame = analysis.advices_by_year(figures)
    assert list(frame.columns) == ["year", "period", "kind", "advices", "qualifier", "source_id", "page"]
    assert sorted(set(frame["year"])) == [2015, 2016, 2017, 2018]
    realised = frame.loc[frame["kind"] == analysis.REALISED].set_index("year")["advices"]
    assert realised.to_dict() == {2015: 116, 2016: 388, 2017: 1650}
    part = frame.loc[frame["kind"] == analysis.PART_YEAR].iloc[0]
    assert (part["year"], part["period"], part["advices"]) == (2018, analysis.Q1_2018, 490)
    extrapolated = frame.loc[frame["kind"] == analysis.EXTRAPOLATED]
    assert extrapolated["advices"].tolist() == [1442, 1960]
    assert extrapolated["source_id"].tolist() == [analysis.JUNE_2017, analysis.JUNE_2018]


def test_observed_tells_a_count_from_a_letters_extrapolation(figures):
    advices = figures.loc[(figures["indicator"] == "positive_advices") & figures["category"].isna()]
    observed = analysis.observed(advices)
    assert not observed[advices["value"] == 1442].any() and observed[advices["value"] == 1650].all()


def test_assessments_by_applicant_leaves_out_a_total_that_repeats_the_only_applicant(figures):
    table = analysis.assessments_by_applicant(figures)
    assert table["category"].tolist() == ["gemeente", "burger", "totaal", "gemeente"]
    assert table["period"].tolist()[-1] == "2016"
    total = table.set_index(["category", "period"]).loc[("totaal", analysis.JAN_MAY_2017)]
    assert (total["assessments"], total["positive"], total["share_printed"]) == (890, 601, 71)
    assert total["share_recomputed"] == pytest.approx(67.53, abs=0.01)


def test_citizen_assessments_by_month(figures):
    frame = analysis.citizen_assessments_by_month(figures)
    assert frame["period"].tolist() == ["2017-01", "2017-03", "2017-05"]
    assert frame["date"].tolist() == ["2017-01-01", "2017-03-01", "2017-05-01"]
    assert frame["assessments"].tolist() == [12, 144, 179]
    assert analysis.by_month(figures, "share_positive_advices", "gemeente")["value"].tolist() == [78, 84, 84]


def test_working_counts_keep_the_count_of_places_apart(figures):
    frame = analysis.working_counts(figures)
    places = frame.loc[frame["series"] == analysis.PLACES_COUNTED]
    assert places[["date", "value", "source_id"]].values.tolist() == [["2016-12-31", 200, analysis.APRIL_2017]]
    assert set(frame.loc[frame["series"] == analysis.WORKING, "value"]) == {313, 1184, 1465}


def test_cumulative_advices_printed_forecast_and_our_sum(figures):
    frame = analysis.cumulative_advices(figures).set_index("date")
    assert frame["value"].to_dict() == {"2016-12-31": 504, "2017-12-31": 2154, "2018-03-31": 2644, "2018-12-31": 4114}
    assert frame["kind"].tolist() == [analysis.COMPUTED, analysis.PRINTED, analysis.PRINTED, analysis.EXTRAPOLATED]


def test_working_vs_advised_keeps_every_end_2016_count(figures):
    frame = analysis.working_vs_advised(figures)
    end_2016 = frame.loc[frame["date"] == analysis.END_2016]
    assert end_2016["working"].tolist() == [200, 313]
    assert end_2016["working_series"].tolist() == [analysis.PLACES_COUNTED, analysis.WORKING]
    assert (end_2016["advised"] == 116 + 388).all() and (end_2016["advised_kind"] == analysis.COMPUTED).all()
    march = frame.loc[frame["date"] == analysis.MARCH_2018].iloc[0]
    assert march["share_working"] == pytest.approx(100 * 1465 / 2644) and march["advised_kind"] == analysis.PRINTED
    assert (march["source_id"], march["advised_source_id"]) == (analysis.SEPT_2018, analysis.JUNE_2018)
    assert analysis.END_2018 not in set(frame["date"])  # no share against a forecast


def test_counts_at_joins_the_letters_that_agree(figures):
    counts = analysis.counts_at(figures, analysis.END_2016)
    assert counts["value"].tolist() == [200, 313]
    assert counts["source_ids"].tolist()[1] == (analysis.JUNE_2018, analysis.SEPT_2018)


def test_latest_figures(figures):
    latest = analysis.latest_working(figures)
    assert (latest["period"], latest["value"], latest["source_id"]) == (analysis.MARCH_2018, 1465, analysis.SEPT_2018)
    count, places = analysis.latest_against_regeling(figures)
    assert (count["date"], count["value"], places["value"]) == (analysis.END_2017, 1184, 2600)


def test_regeling_places_per_year_end(figures):
    places = analysis.regeling_places(figures)
    assert places[["period", "value"]].values.tolist() == [[analysis.END_2017, 2600], [analysis.END_2018, 4600]]
    assert places["source_ids"].tolist()[0] == (analysis.JUNE_2017, analysis.JUNE_2018)


def test_the_30000_is_a_projection_not_the_regeling(figures):
    projected = figures.loc[figures["indicator"] == "projected_sheltered_workplaces"]
    assert projected[["period", "value"]].values.tolist() == [["2050", 30000]]
    assert not (figures.loc[figures["indicator"] == "regeling_sheltered_workplaces", "value"] == 30000).any()


def test_working_growth(figures):
    assert analysis.working_growth(figures) == pytest.approx(100 * (1465 / 1184 - 1))


def test_fill_rate_inputs(figures):
    assert analysis.fill_rate_inputs(figures).to_dict() == {
        "working": 1184,
        "places": 2600,
        "hours_worked": 25,
        "hours_per_place": 31,
    }


def test_fill_rate_by_hours_gives_the_letters_37(figures):
    rates = analysis.fill_rate(figures).set_index("measure")["fill_rate"]
    assert rates[analysis.PERSONS] == pytest.approx(100 * 1184 / 2600)
    assert rates[analysis.HOURS] == pytest.approx(100 * 1184 * 25 / (2600 * 31))
    assert round(rates[analysis.HOURS]) == rates[analysis.PRINTED] == 37


def test_money(figures):
    rows = analysis.money(figures)
    assert list(dict.fromkeys(rows["indicator"])) == list(analysis.MONEY_INDICATORS)
    retained = rows.loc[rows["indicator"] == "bonus_retained", "value"].iloc[0]
    assert retained == pytest.approx(9.8)


# --- the facts the text is made from ---------------------------------------------------------------


def test_facts_are_one_flat_set_without_words(hoofdstuk, feiten):
    assert THEME.facts is facts and THEME.prefix == "bw"
    assert feiten == hoofdstuk.facts and set(facts(hoofdstuk)) < set(feiten)
    for name, value in facts(hoofdstuk).items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        # No sentence in the facts: strings are codes, ISO periods or labels of the data.
        assert not (isinstance(value, str) and len(value.split()) > 3), (name, value)


def test_the_letters_by_role(feiten):
    assert {name: feiten[name].id for name in ("june_2017", "june_2018", "sept_2018")} == {
        "june_2017": "ek-33981-n",
        "june_2018": "tk-29817-145",
        "sept_2018": "ek-34775-ak",
    }
    assert all(isinstance(feiten[name], Letter) for name in ("june_2017", "june_2018", "sept_2018"))


def test_facts_of_the_advices_name_their_letter_and_page(feiten):
    assert [_where(f) for f in feiten["advices_realised"]] == [
        (116, "2015", "tk-29817-145", 3),
        (388, "2016", "tk-29817-145", 3),
        (1650, "2017", "tk-29817-145", 4),
    ]
    assert [_where(f) for f in feiten["advices_part_year"]] == [(490, analysis.Q1_2018, "tk-29817-145", 4)]
    assert _where(feiten["advices_cumulative"]) == (2644, analysis.MARCH_2018, "tk-29817-145", 4)


def test_facts_of_the_extrapolations_and_what_became_of_them(feiten):
    made_2017, made_2018 = feiten["extrapolations"]
    assert (made_2017["year"], _where(made_2017["forecast"])) == ("2017", (1442, "2017", "ek-33981-n", 10))
    assert _where(made_2017["realised"]) == (1650, "2017", "tk-29817-145", 4)
    assert made_2017["gap"] == pytest.approx(100 * (1650 / 1442 - 1))  # ours: the realised count exceeded it
    assert made_2017["realised"].value > made_2017["forecast"].value
    assert (made_2018["year"], _where(made_2018["forecast"])) == ("2018", (1960, "2018", "tk-29817-145", 4))
    assert made_2018["realised"] is None and made_2018["gap"] is None
    assert _where(made_2018["cumulative"]) == (4114, analysis.END_2018, "tk-29817-145", 4)


def test_facts_of_the_applicants(feiten):
    assert _where(feiten["assessments_2016"]) == (540, "2016", "ek-33981-n", 9)
    assert (feiten["assessments_jan_may"].value, feiten["assessments_jan_may_burger"].value) == (890, 570)
    burger, gemeente = feiten["requests_2017_burger"], feiten["requests_2017_gemeente"]
    assert (_where(burger), _where(gemeente)) == ((1700, "2017", "tk-29817-145", 4), (1400, "2017", "tk-29817-145", 4))
    assert vocabulary.comparison(burger, gemeente) == "meer dan"  # nationally citizens asked more
    assert (feiten["share_jan_may_gemeente"].value, feiten["share_jan_may_burger"].value) == (82, 60)
    moves = {
        m["applicant"]: (m["first"].value, m["first"].period, m["last"].value, m["last"].period)
        for m in feiten["share_moves"]
    }
    assert moves == {"burger": (58, "2017-01", 64, "2017-05"), "gemeente": (78, "2017-01", 84, "2017-05")}


def test_facts_of_the_printed_total_share_against_the_counts(feiten):
    assert (feiten["total_share_printed"], feiten["total_positive"], feiten["total_assessed"]) == (71, 601, 890)
    assert feiten["total_share_ours"] == pytest.approx(100 * 601 / 890)
    assert feiten["total_share_rounds"] is False  # 68% is not the printed 71%
    assert feiten["unweighted_share"] == 71 and feiten["unweighted_rounds"] is True  # (82 + 60) / 2: the printed 71%


def test_facts_of_the_monthly_assessments(feiten):
    assert [_where(f) for f in feiten["citizen_months"]] == [
        (12, "2017-01", "ek-33981-n", 9),
        (144, "2017-03", "ek-33981-n", 9),
        (179, "2017-05", "ek-33981-n", 9),
    ]
    assert feiten["citizen_months_trend"] == "up" and feiten["citizen_months_gaps"] is True


def test_facts_of_the_people_working_and_the_latest_state(feiten):
    assert _where(feiten["working_2017"]) == (1184, analysis.END_2017, "tk-29817-145", 4)
    assert _where(feiten["working_end_2017"]) == (1184, analysis.END_2017, "ek-34775-ak", 2)
    assert _where(feiten["working_march_2018"]) == (1465, analysis.MARCH_2018, "ek-34775-ak", 2)
    assert feiten["working_growth"] == pytest.approx(100 * (1465 / 1184 - 1)) and feiten["working_growth_rounds"]
    assert _where(feiten["working_growth_printed"]) == (24, analysis.Q1_2018, "ek-34775-ak", 2)
    assert _where(feiten["working_latest"]) == (1465, analysis.MARCH_2018, "ek-34775-ak", 2)
    assert feiten["working_latest_is_march_2018"] is True


def test_facts_of_the_share_working(feiten):
    assert _where(feiten["share_working_2017"]) == (55, analysis.END_2017, "tk-29817-145", 4)
    assert _where(feiten["cumulative_2017"]) == (2154, analysis.END_2017, "tk-29817-145", 4)
    latest = feiten["share_working_latest"]
    assert latest["date"] == analysis.MARCH_2018 and latest["share"] == pytest.approx(100 * 1465 / 2644)
    assert _where(latest["working"]) == (1465, analysis.MARCH_2018, "ek-34775-ak", 2)
    assert _where(latest["advised"]) == (2644, analysis.MARCH_2018, "tk-29817-145", 4)
    (computed,) = feiten["cumulative_computed"]
    assert _where(computed["total"]) == (504, analysis.END_2016, "tk-29817-145", 3)  # 116 + 388, the last letter's page
    readings = {r["series"]: (r["share"], [_where(f)[2:] for f in r["figures"]]) for r in computed["readings"]}
    assert readings[analysis.PLACES_COUNTED][0] == pytest.approx(100 * 200 / 504)
    assert readings[analysis.PLACES_COUNTED][1] == [("tk-34352-56", 2)]
    assert readings[analysis.WORKING][0] == pytest.approx(100 * 313 / 504)
    assert readings[analysis.WORKING][1] == [("tk-29817-145", 4), ("ek-34775-ak", 2)]


def test_facts_of_the_end_2016_counts_and_their_kind_of_difference(feiten):
    counts = [(c["series"], [_where(f) for f in c["figures"]]) for c in feiten["counts_2016"]]
    assert counts == [
        (analysis.PLACES_COUNTED, [(200, analysis.END_2016, "tk-34352-56", 2)]),
        (analysis.WORKING, [(313, analysis.END_2016, "tk-29817-145", 4), (313, analysis.END_2016, "ek-34775-ak", 2)]),
    ]
    assert feiten["counts_2016_kind"] == "measure"  # workplaces (April 2017) against people (later letters)


def test_facts_of_the_regeling_a_number_up_to_which(feiten):
    assert [(f.value, f.period) for f in feiten["national_regeling"]] == [
        (2600, analysis.END_2017),
        (4600, analysis.END_2018),
    ]
    assert [_where(f)[2:] for f in feiten["national_regeling_sources"]] == [
        ("ek-33981-n", 9),
        ("tk-29817-145", 3),
        ("tk-29817-145", 3),
        ("ek-34775-ak", 2),
    ]
    assert 30000 not in {f.value for f in feiten["national_regeling"]}  # the 30.000 is a projection
    assert _where(feiten["national_projected_2050"]) == (30000, "2050", "tk-29817-145", 3)
    structural = feiten["national_financed_structural"]
    assert (structural.value, structural.qualifier, feiten["national_financed_from"]) == (30000, "ruim", "2048")
    latest = feiten["regeling_latest"]
    assert _where(latest["count"]) == (1184, analysis.END_2017, "ek-34775-ak", 2)
    assert latest["places"].value == 2600 and vocabulary.comparison(latest["count"], latest["places"]) == "minder dan"
    assert [_where(f)[2:] for f in latest["sources"]] == [("ek-33981-n", 9), ("tk-29817-145", 3)]
    assert _where(feiten["national_regeling_2018"]) == (4600, analysis.END_2018, "ek-34775-ak", 2)


def test_facts_of_the_fill_rate_mark_ours_and_the_printed(feiten):
    assert (feiten["fill_working"], feiten["fill_places"], feiten["fill_hours_worked"], feiten["fill_hours_per_place"]) == (
        1184,
        2600,
        25,
        31,
    )
    assert feiten["fill_persons"] == pytest.approx(100 * 1184 / 2600)
    assert feiten["fill_hours"] == pytest.approx(100 * 1184 * 25 / (2600 * 31)) and feiten["fill_hours_rounds"] is True
    assert _where(feiten["fill_rate_2017"]) == (37, analysis.END_2017, "tk-29817-145", 4)
    assert feiten["hours_worked_2017"].qualifier == "circa"
    assert _where(feiten["national_hours_per_place"]) == (31, "2017/..", "tk-29817-145", 4)


def test_facts_of_the_money_and_the_inspectorate(feiten):
    assert [(m["label"], m["figure"].value) for m in feiten["money"]][-1] == ("Bonus niet uitgekeerd", pytest.approx(9.8))
    assert _where(feiten["national_stimulus"]) == (100, "2016/2020", "ek-33981-n", 7)
    assert feiten["national_bonus_retained"].value == pytest.approx(9.8)
    before, after = feiten["national_not_offering_2015"], feiten["national_not_offering_2016"]
    assert (before.value, after.value) == (20, 27) and vocabulary.change(before, after) == "steeg"
    assert _where(feiten["national_bonus_duration"]) == (5, "2015/2019", "tk-29817-145", 8)
    assert _where(feiten["national_placement_months"]) == (3, "2018", "tk-29817-145", 4)
    assert _where(feiten["national_share_amsterdam_rotterdam"]) == (91, "2015-01/2018-03", "tk-29817-145", 5)
    regional, school = feiten["national_participants_regional"], feiten["national_participants_school"]
    assert vocabulary.value(regional) == vocabulary.value(school) == "ruim 600"


def test_in_the_national_edition_every_figure_fact_names_its_letter(feiten):
    def figures_in(value):
        if isinstance(value, Figure):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from figures_in(item)
        elif isinstance(value, list):
            for item in value:
                yield from figures_in(item)

    # The regeling's numbers per period are joined from several letters; their sources carry the letters.
    plain = {"regeling_places", "national_regeling"}
    found = [f for name, value in feiten.items() if name not in plain for f in figures_in(value)]
    places = feiten["regeling_latest"]["places"]
    uncited = [f for f in found if f.letter is None and f is not places]
    assert len(found) > 60 and not uncited, uncited


# --- the text file and the notebook ----------------------------------------------------------------------------


def test_every_block_is_glued_by_its_literal_name_and_every_glue_has_a_block(hoofdstuk, blocks):
    notebook = nbformat.read(CHAPTERS / "beschut_werk.ipynb", as_version=4)
    used = [m for cell in notebook.cells if cell.cell_type == "markdown" for m in GLUE.findall(cell.source)]
    assert sorted(used) == sorted(set(used)), "a block glued twice"
    assert set(used) == set(blocks) - {THEME.finding_block}
    assert THEME.finding_block in blocks and all(re.fullmatch(r"bw_[a-z0-9_]+", name) for name in blocks)
    source = notebook.cells[next(i for i, c in enumerate(notebook.cells) if "open_chapter" in c.source)].source
    assert (
        "hoofdstuk.glue_text()" in source and "from participatie.themes.beschut_werk import THEME, charts, tables" in source
    )
    calls = [
        c.source
        for c in notebook.cells
        if c.cell_type == "code" and "hoofdstuk" in c.source and "open_chapter" not in c.source
    ]
    assert all(re.fullmatch(r"(charts|tables)\.[a-z_]+\(hoofdstuk\)|hoofdstuk\.[a-z_]+\(\)", call) for call in calls), calls


def test_the_text_file_opens_with_a_comment_that_lists_every_fact_it_uses(feiten):
    source = (REPO / THEME.text_file).read_text(encoding="utf-8")
    comment = source.split("#}")[0]
    assert source.startswith("{#") and "Feiten" in comment
    used = set(re.findall(r"\b[a-z][a-z0-9_]+\b", re.sub(r"\{#.*?#\}", "", source, flags=re.S))) & set(feiten)
    assert used and all(re.search(rf"\b{name}\b", comment) for name in used), sorted(n for n in used if n not in comment)


def test_blocks_have_no_undefined_numbers_codes_or_empty_paragraphs(blocks):
    for name, value in blocks.items():
        assert value.strip(), name
        assert not UNDEFINED.search(value), (name, UNDEFINED.search(value))
        assert not CODE.search(value), (name, CODE.search(value))
        assert "\n\n" not in value, name  # one paragraph per block


def test_every_figure_in_the_text_is_cited_or_marked_as_ours(blocks):
    """A sentence that states a figure cites the letter's page or says the figure is ours; a sentence that runs on
    from a cited one (or into one) may leave that to its neighbour."""
    uncovered = []
    for name, value in blocks.items():
        sentences = _sentences(value)
        cited = [bool(CITED.search(s)) for s in sentences]
        for i, sentence in enumerate(sentences):
            if not re.search(r"\d", NOT_A_FIGURE.sub("", sentence)):
                continue
            if not (cited[i] or (i and cited[i - 1]) or (i + 1 < len(cited) and cited[i + 1])):
                uncovered.append(f"{name}: {sentence}")
    assert not uncovered, uncovered


def test_the_finding_cites_the_latest_count_and_every_letter_of_the_comparison(hoofdstuk, feiten, blocks):
    finding = blocks["bw_finding"]
    latest = feiten["working_latest"]
    assert plain(vocabulary.cite(latest)) in finding and vocabulary.letter(latest) in finding
    assert hoofdstuk.finding() == hoofdstuk.text()["bw_finding"]
    for figure in [feiten["regeling_latest"]["count"], *feiten["regeling_latest"]["sources"]]:
        assert plain(vocabulary.ref(figure)) in finding


def test_directions_in_the_text_follow_the_numbers(feiten, blocks):
    # Each direction word the text uses is the one its numbers give (vocabulary.change and comparison).
    end, march = feiten["working_end_2017"], feiten["working_march_2018"]
    assert vocabulary.change(end, march, "een stijging", "een daling", "geen verandering") in blocks["bw_working"]
    assert (
        vocabulary.comparison(feiten["requests_2017_burger"], feiten["requests_2017_gemeente"], "meer", "minder")
        + (" aanvragen van burgers")
        in blocks["bw_applicants"]
    )
    for move in feiten["share_moves"]:
        assert vocabulary.change(move["first"], move["last"]) + " het aandeel positief" in blocks["bw_shares"]


def test_register_no_je_form_no_book_as_actor(blocks):
    prose_text = " ".join(blocks.values())
    assert not re.search(r"\b(je|jij|jouw)\b", prose_text, re.IGNORECASE)
    assert "het boek" not in prose_text.lower() and "dit boek" not in prose_text.lower()


def test_headings_are_static_and_carry_no_magnitude_or_direction():
    notebook = nbformat.read(CHAPTERS / "beschut_werk.ipynb", as_version=4)
    headings = [
        line
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("#")
    ]
    assert len(headings) >= 9
    for heading in headings:
        assert not re.search(r"\d|glue|sprong|steeg|daalde|meer dan|minder dan|\?", heading), heading
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(
        "remove-input" in cell.metadata.get("tags", []) or "remove-cell" in cell.metadata.get("tags", []) for cell in code
    )


def test_the_theme_has_the_six_modules_and_no_reader_phrase_in_its_code():
    assert sorted(p.name for p in THEME_DIR.glob("*.py")) == [
        "__init__.py",
        "analysis.py",
        "charts.py",
        "checks.py",
        "facts.py",
        "tables.py",
    ]
    phrases = [f"{path.name}: {found}" for path in THEME_DIR.glob("*.py") for found in phrases_of_five_words(path)]
    assert not phrases, phrases


def test_labels_are_read_from_the_label_file(hoofdstuk):
    words = text.labels(THEME.labels_file)
    assert hoofdstuk.label("advices.title") == words["advices"]["title"]
    assert hoofdstuk.label("words.applicant") == {"gemeente": "Gemeente", "burger": "Burger", "totaal": "Totaal"}
    assert "31 uur per week" in hoofdstuk.label("regeling.subtitle")  # a template on the national facts
    assert set(words["checks"]) == {check.id for check in CHECKS}


# --- checks ------------------------------------------------------------------------------------


def test_checks_registered_for_the_theme(hoofdstuk):
    assert THEME.checks == CHECKS
    result = hoofdstuk.checks().set_index("id")
    verdicts = result["verdict"]
    assert verdicts["bw-aandeel-positief-totaal-2017"] == checks.DISCREPANCY
    assert "niet hoe het totaal is berekend" in result.loc["bw-aandeel-positief-totaal-2017", "claim"]
    assert (verdicts.drop("bw-aandeel-positief-totaal-2017") != checks.DISCREPANCY).all()
    # A check that rests on an assumption of ours gets that verdict whatever its outcome (one rule).
    assert verdicts["bw-vervulling-regeling-2017"] == checks.ASSUMPTION
    assert verdicts["bw-extrapolatie-2017"] == checks.ASSUMPTION
    assert "uren" in result.loc["bw-vervulling-regeling-2017", "assumption"]
    assert result.loc["bw-extrapolatie-2017", "assumption"] and not result.loc["bw-extrapolatie-2018", "assumption"]
    assert verdicts["bw-groei-1e-kwartaal-2018"] != checks.DISCREPANCY
    assert len(verdicts) >= 15
    assert all(check.claim and check.formula for check in CHECKS)


# --- charts and tables ---------------------------------------------------------------------------

CHARTS = [charts.advices, charts.assessments, charts.citizen_months, charts.working_vs_advised, charts.regeling]


def _public(module) -> list:
    return [
        getattr(module, name)
        for name in dir(module)
        if not name.startswith("_") and getattr(getattr(module, name), "__module__", "") == module.__name__
    ]


def test_every_public_function_of_charts_and_tables_is_one_chart_or_table(hoofdstuk):
    assert set(_public(charts)) == set(CHARTS)
    assert {f.__name__ for f in _public(bw_tables)} == {"fill_rate", "money"}
    assert all(isinstance(make(hoofdstuk), tables.Table) for make in _public(bw_tables))


@pytest.mark.parametrize("make_chart", CHARTS, ids=lambda f: f.__name__)
def test_charts_have_title_description_source_and_table(hoofdstuk, make_chart):
    figure = make_chart(hoofdstuk)
    assert isinstance(figure, house_charts.ChartFigure)
    assert_house_chart(figure)
    assert "Brief, pagina" in figure.table.columns


def test_chart_advices_has_one_category_per_year_and_sets_extrapolations_apart(hoofdstuk):
    figure = charts.advices(hoofdstuk)
    assert figure.table["Jaar"].unique().tolist() == ["2015", "2016", "2017", "2018"]
    assert set(figure.table["Soort"]) == set(hoofdstuk.label("advices.kind").values()) | {
        hoofdstuk.label("words.extrapolated")
    }
    assert figure.table.loc[figure.table["Periode"] == "eerste kwartaal 2018", "Jaar"].tolist() == ["2018"]
    fill = figure.spec()["layer"][0]["encoding"]["fill"]["scale"]
    # the letters' extrapolation in the book's look for a letter's own estimate: a tint, not our grey
    assert fill["range"] == [house_charts.PRIMARY, house_charts.SECONDARY, house_charts.tint(house_charts.PRIMARY)]
    assert "Eerste Kamer, 33 981, N (30 juni 2017), p. 10" in figure.table["Brief, pagina"].tolist()


def test_chart_assessments_separates_periods_and_marks_our_subtraction(hoofdstuk):
    figure = charts.assessments(hoofdstuk)
    spec = figure.spec()
    assert spec["facet"]["row"]["field"] == "periode"
    fill = spec["spec"]["encoding"]["fill"]["scale"]
    assert labels.COMPUTED in fill["domain"][1] and fill["range"] == [house_charts.PRIMARY, house_charts.MUTED]
    assert figure.table["% positief (eigen berekening)"].tolist() == [82, 60, 68, 72]


def test_chart_citizen_months_draws_points_without_a_line(hoofdstuk):
    spec = charts.citizen_months(hoofdstuk).spec()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert "line" not in marks


def test_chart_working_vs_advised_names_each_letter_and_our_sum(hoofdstuk):
    table = charts.working_vs_advised(hoofdstuk).table
    computed = table.loc[table["Soort"] == labels.COMPUTED]
    assert computed[["Peildatum", "Aantal"]].values.tolist() == [["eind 2016", "504"]]
    advised = table.loc[table["Aantal"] == "2.154"].iloc[0]
    assert advised["Brief, pagina"] == JUNE_2018_P4
    places = table.loc[table["Aantal"] == "200"].iloc[0]
    assert (
        places["Reeks"] == hoofdstuk.label("words.series")["places_counted"] and "21 april 2017" in places["Brief, pagina"]
    )
    assert table.loc[table["Aantal"] == "4.114", "Soort"].tolist() == [hoofdstuk.label("words.extrapolated")]


def test_chart_regeling_puts_every_value_at_its_own_date(hoofdstuk):
    figure = charts.regeling(hoofdstuk)
    table = figure.table
    working = table.loc[table["Eenheid"] == "personen"]
    assert working["Peildatum"].tolist() == ["eind 2016", "eind 2017", "31 maart 2018"]
    regeling = table.loc[table["Eenheid"] == "plekken"]
    assert regeling[["Peildatum", "Aantal"]].values.tolist() == [["eind 2017", "2.600"], ["eind 2018", "4.600"]]
    assert regeling["Reeks"].iloc[0] == hoofdstuk.label("words.series")["regeling"]
    assert "tick" in str(figure.spec())


def test_tables(hoofdstuk):
    fill = bw_tables.fill_rate(hoofdstuk)
    assert isinstance(fill, tables.Table)
    text_ = fill._repr_mimebundle_()["text/plain"]
    assert "46" in text_ and "1.184 × circa 25 uur / (2.600 × 31 uur)" in text_ and "36,7" not in text_
    assert fill.frame["Maatstaf"].tolist() == ["Personen", "Uren", labels.PRINTED.capitalize()]
    assert fill.frame["Soort"].tolist()[:2] == [labels.COMPUTED, labels.COMPUTED]
    money = bw_tables.money(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "€ 9,8 mln" in money and "€ 100 mln" in money and "100,0" not in money
    assert "Eerste Kamer, 33 981, N (30 juni 2017), p. 7" in money


# --- on changed data -------------------------------------------------------------------------


def test_analyses_facts_and_texts_follow_changed_data(unindexed_data_copy):
    match = {"indicator": "working_sheltered_workplace", "period": analysis.END_2017}
    assert set_value(unindexed_data_copy / "beschut_werk.csv", match, "1300") == 2  # both letters' copies
    changed = open_chapter(THEME, unindexed_data_copy)
    rates = analysis.fill_rate(changed.figures).set_index("measure")["fill_rate"]
    assert rates[analysis.PERSONS] == pytest.approx(100 * 1300 / 2600)
    assert analysis.working_growth(changed.figures) == pytest.approx(100 * (1465 / 1300 - 1))
    feiten = changed.facts
    assert feiten["fill_persons"] == pytest.approx(50) and feiten["working_2017"].value == 1300
    assert feiten["working_growth"] == pytest.approx(100 * (1465 / 1300 - 1)) and not feiten["working_growth_rounds"]
    working = plain(changed.text()["bw_working"])
    assert vocabulary.count(1300) in working and vocabulary.pct(feiten["working_growth"]) in working
    verdicts = changed.checks().set_index("id")["verdict"]
    # The 37% recomputed in hours rests on our reading of the letter: a difference is no discrepancy in it.
    assert verdicts["bw-vervulling-regeling-2017"] == checks.ASSUMPTION


def test_a_fall_is_worded_as_a_fall_and_ours_stands_beside_the_printed(unindexed_data_copy):
    match = {"indicator": "working_sheltered_workplace", "period": analysis.MARCH_2018}
    assert set_value(unindexed_data_copy / "beschut_werk.csv", match, "1000") == 1
    changed = open_chapter(THEME, unindexed_data_copy)
    feiten = changed.facts
    end, march = feiten["working_end_2017"], feiten["working_march_2018"]
    assert (end.value, march.value) == (1184, 1000) and vocabulary.change(end, march) == "daalde"
    # The size is ours (without sign: the direction comes from the numbers); the letter's 24% no longer follows.
    assert feiten["working_growth"] == pytest.approx(100 * (1 - 1000 / 1184)) and not feiten["working_growth_rounds"]
    working = plain(changed.text()["bw_working"])
    fall = vocabulary.change(end, march, "een stijging", "een daling", "geen verandering")
    assert fall == "een daling" and f"{fall} van {vocabulary.pct(feiten['working_growth'])}" in working
    assert "een stijging" not in working
    assert vocabulary.pct(feiten["working_growth_printed"]) in working  # the printed figure beside ours
