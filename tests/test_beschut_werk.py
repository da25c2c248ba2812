"""Tests of the beschut werk chapter: analyses, texts, checks, charts and tables, on the bundled data and changed copies.

The chapter on the fixture of later letters: tests/test_beschut_werk_living.py; its municipal editions:
tests/test_beschut_werk_municipal.py.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.figures import checks
from participatie.presentation import charts, labels, tables
from participatie.themes.beschut_werk import THEME, analysis, presentation, prose
from participatie.themes.beschut_werk.checks import CHECKS

from conftest import CHAPTERS
from helpers import assert_house_chart, set_value

JUNE_2018_P4 = "Tweede Kamer, 29 817, nr. 145 (15 juni 2018), p. 4"


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def texts(hoofdstuk):
    return prose.key_figures(hoofdstuk)


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


def test_extrapolation_error(figures):
    assert analysis.extrapolation_error(figures) == pytest.approx(100 * (1650 / 1442 - 1))


def test_assessments_by_applicant_leaves_out_a_total_that_repeats_the_only_applicant(figures):
    table = analysis.assessments_by_applicant(figures)
    assert table["category"].tolist() == ["gemeente", "burger", "totaal", "gemeente"]
    assert table["period"].tolist()[-1] == "2016"
    total = table.set_index(["category", "period"]).loc[("totaal", analysis.JAN_MAY_2017)]
    assert (total["assessments"], total["positive"], total["share_printed"]) == (890, 601, 71)
    assert total["share_recomputed"] == pytest.approx(67.53, abs=0.01)


def test_unweighted_total_share_equals_the_printed_71(figures):
    assert analysis.unweighted_total_share(figures) == 71


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
    assert analysis.latest_share_working(figures)["date"] == analysis.MARCH_2018
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


# --- the texts the prose glues in ------------------------------------------------------------


def test_key_figures_are_dutch_text_rounded_as_the_letters_print(texts):
    assert all(name.startswith("bw_") for name in texts)
    assert texts["bw_adv_2017"] == "1.650" and texts["bw_fill_hours"] == "37%" and texts["bw_fill_persons"] == "46%"
    assert texts["bw_share_total_weighted"] == "68%" and texts["bw_work_2016_april"] == "200"
    assert texts["bw_growth_recomputed"] == "24%" and texts["bw_projection_2050"] == "30.000"
    assert all(isinstance(v, str) and v for v in texts.values())
    assert THEME.key_figures is prose.key_figures


def test_paragraphs_state_the_rule_of_the_regeling_as_the_letters_do(texts):
    regeling = texts["bw_p_regeling"]
    assert "tot hoeveel beschut werkplekken" in regeling and "niet te halen" in regeling and "minimaal" not in regeling
    assert "2.600 plekken voor eind 2017 en 4.600 plekken voor eind 2018" in regeling and "30.000" not in regeling
    projection = texts["bw_p_projection"]
    assert "ruim 30.000" in projection and "30.000 plaatsen in 2050" in projection
    assert "geen aantallen uit de regeling" in projection and "onjuist" in projection


def test_paragraphs_mark_our_computations_and_hypotheses(texts):
    assert "14% meer dan doorgetrokken (eigen berekening)" in texts["bw_p_extrapolations"]
    assert "geen correctie" in texts["bw_p_extrapolations"]
    total = texts["bw_p_total_share"]
    assert "Uit de aantallen volgt 68%" in total and "vermoeden" in total and "71%" in total
    assert "46%" in texts["bw_p_fill"] and "hoe de brief rekende, staat er niet bij" in texts["bw_p_fill"]
    share = texts["bw_p_share_working"]
    assert "504" in share and "40%" in share and "62%" in share and "eigen berekening" in share


def test_paragraphs_cite_the_letter_and_page_of_each_figure(texts):
    assert "(Tweede Kamer\\, 29 817\\, nr\\. 145, p. 3–4)" in texts["bw_p_advices"]
    assert (
        "Tweede Kamer\\, 34 352\\, nr\\. 56, p. 2" in texts["bw_p_counts_2016"]
        and "tegenstrijdig" in texts["bw_p_counts_2016"]
    )
    assert "vaker tot een positief advies (82%) dan aanvragen van burgers (60%)" in texts["bw_p_shares"]
    assert "steeg het aandeel positief van 58%" in texts["bw_p_shares"]
    assert "meer aanvragen van burgers (1.700) dan van gemeenten (1.400)" in texts["bw_p_applicants"]


def test_latest_state_sentences_name_the_latest_period_and_letter(texts):
    assert texts["bw_p_working"].endswith("Dat is de laatste stand in de brieven.")
    assert "een stijging van 24%" in texts["bw_p_working"]
    assert "is eind 2017: toen werkten volgens de brief van 7 september 2018" in texts["bw_p_level"]
    finding = texts["bw_finding"]
    assert "op 31 maart 2018 1.465 mensen" in finding and "7 september 2018" in finding and "geen minimum" in finding


def test_register_no_je_form_no_book_as_actor(texts):
    prose_text = " ".join(texts.values())
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


# --- checks ------------------------------------------------------------------------------------


def test_checks_registered_for_the_theme(hoofdstuk):
    assert THEME.checks == CHECKS
    result = hoofdstuk.checks().set_index("id")
    verdicts = result["verdict"]
    assert verdicts["bw-aandeel-positief-totaal-2017"] == checks.DISCREPANCY
    assert "niet hoe het totaal is berekend" in result.loc["bw-aandeel-positief-totaal-2017", "claim"]
    assert (verdicts.drop("bw-aandeel-positief-totaal-2017") != checks.DISCREPANCY).all()
    assert verdicts["bw-vervulling-regeling-2017"] == checks.ROUNDED
    assert "uren" in result.loc["bw-vervulling-regeling-2017", "assumption"]
    assert result.loc["bw-extrapolatie-2017", "assumption"] and not result.loc["bw-extrapolatie-2018", "assumption"]
    assert verdicts["bw-groei-1e-kwartaal-2018"] != checks.DISCREPANCY
    assert len(verdicts) >= 15


# --- charts and tables ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_chart",
    [
        presentation.chart_advices,
        presentation.chart_assessments,
        presentation.chart_citizen_months,
        presentation.chart_working_vs_advised,
        presentation.chart_regeling,
    ],
)
def test_charts_have_title_description_source_and_table(hoofdstuk, make_chart):
    figure = make_chart(hoofdstuk)
    assert isinstance(figure, charts.ChartFigure)
    assert_house_chart(figure)
    assert "Brief, pagina" in figure.table.columns


def test_chart_advices_has_one_category_per_year_and_sets_extrapolations_apart(hoofdstuk):
    figure = presentation.chart_advices(hoofdstuk)
    assert figure.table["Jaar"].unique().tolist() == ["2015", "2016", "2017", "2018"]
    assert set(figure.table["Soort"]) == {
        "gerealiseerd, heel jaar",
        "gerealiseerd, deel van het jaar",
        "doorgetrokken in de brief",
    }
    assert figure.table.loc[figure.table["Periode"] == "1e kwartaal 2018", "Jaar"].tolist() == ["2018"]
    colour = figure.spec()["layer"][0]["encoding"]["color"]["scale"]
    assert colour["range"] == [charts.PRIMARY, charts.SECONDARY, charts.MUTED]  # the extrapolation drawn as derived
    assert "Eerste Kamer, 33 981, N (30 juni 2017), p. 10" in figure.table["Brief, pagina"].tolist()


def test_chart_assessments_separates_periods_and_marks_our_subtraction(hoofdstuk):
    figure = presentation.chart_assessments(hoofdstuk)
    spec = figure.spec()
    assert spec["facet"]["row"]["field"] == "periode"
    outcomes = spec["spec"]["encoding"]["color"]["scale"]["domain"]
    assert labels.COMPUTED in outcomes[1]
    assert figure.table["% positief (eigen berekening)"].tolist() == [82, 60, 68, 72]


def test_chart_citizen_months_draws_points_without_a_line(hoofdstuk):
    spec = presentation.chart_citizen_months(hoofdstuk).spec()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert "line" not in marks


def test_chart_working_vs_advised_names_each_letter_and_our_sum(hoofdstuk):
    table = presentation.chart_working_vs_advised(hoofdstuk).table
    computed = table.loc[table["Soort"] == labels.COMPUTED]
    assert computed[["Peildatum", "Aantal"]].values.tolist() == [["eind 2016", "504"]]
    advised = table.loc[table["Aantal"] == "2.154"].iloc[0]
    assert advised["Brief, pagina"] == JUNE_2018_P4
    places = table.loc[table["Aantal"] == "200"].iloc[0]
    assert "werkplekken" in places["Reeks"] and "21 april 2017" in places["Brief, pagina"]
    assert table.loc[table["Aantal"] == "4.114", "Soort"].tolist() == ["doorgetrokken in de brief"]


def test_chart_regeling_puts_every_value_at_its_own_date(hoofdstuk):
    figure = presentation.chart_regeling(hoofdstuk)
    table = figure.table
    working = table.loc[table["Eenheid"] == "personen"]
    assert working["Peildatum"].tolist() == ["eind 2016", "eind 2017", "31 maart 2018"]
    regeling = table.loc[table["Eenheid"] == "plekken"]
    assert regeling[["Peildatum", "Aantal"]].values.tolist() == [["eind 2017", "2.600"], ["eind 2018", "4.600"]]
    assert "maximum" in regeling["Reeks"].iloc[0]
    assert "tick" in str(figure.spec())


def test_tables(hoofdstuk):
    fill = presentation.fill_rate_table(hoofdstuk)
    assert isinstance(fill, tables.Table)
    text = fill._repr_mimebundle_()["text/plain"]
    assert "46" in text and "1.184 × circa 25 uur / (2.600 × 31 uur)" in text and "36,7" not in text
    assert fill.frame["Maatstaf"].tolist() == ["Personen", "Uren", labels.PRINTED.capitalize()]
    assert fill.frame["Soort"].tolist()[:2] == [labels.COMPUTED, labels.COMPUTED]
    money = presentation.money_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "€ 9,8 mln" in money and "€ 100 mln" in money and "100,0" not in money
    assert "Eerste Kamer, 33 981, N (30 juni 2017), p. 7" in money


# --- on changed data -------------------------------------------------------------------------


def test_analyses_and_texts_follow_changed_data(unindexed_data_copy):
    match = {"indicator": "working_sheltered_workplace", "period": analysis.END_2017}
    assert set_value(unindexed_data_copy / "beschut_werk.csv", match, "1300") == 2  # both letters' copies
    changed = open_chapter(THEME, unindexed_data_copy)
    rates = analysis.fill_rate(changed.figures).set_index("measure")["fill_rate"]
    assert rates[analysis.PERSONS] == pytest.approx(100 * 1300 / 2600)
    assert analysis.working_growth(changed.figures) == pytest.approx(100 * (1465 / 1300 - 1))
    texts = prose.key_figures(changed)
    assert texts["bw_fill_persons"] == "50%" and "1.300" in texts["bw_p_working"]
    verdicts = changed.checks().set_index("id")["verdict"]
    # The 37% recomputed in hours rests on our reading of the letter: a difference is no discrepancy in it.
    assert verdicts["bw-vervulling-regeling-2017"] == checks.ASSUMPTION


def test_a_fall_is_worded_as_a_fall(unindexed_data_copy):
    match = {"indicator": "working_sheltered_workplace", "period": analysis.MARCH_2018}
    assert set_value(unindexed_data_copy / "beschut_werk.csv", match, "1000") == 1
    texts = prose.key_figures(open_chapter(THEME, unindexed_data_copy))
    # The direction and size follow the counts; the letter's 24% no longer does, and stands beside ours.
    assert "een daling van 16% (eigen berekening; de brief noemt 24%, p. 2)" in texts["bw_p_working"]
