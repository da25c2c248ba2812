"""Tests of the beschut werk chapter: analyses, texts, checks, charts and tables, on the bundled data and changed copies."""

from __future__ import annotations

import re
import shutil

import pytest

from participatie.book import open_chapter
from participatie.figures import checks
from participatie.presentation import charts, labels, tables
from participatie.themes.beschut_werk import THEME, analysis, presentation, prose
from participatie.themes.beschut_werk.checks import CHECKS

from helpers import assert_house_chart, set_value


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "advices_per_period",
        "assessments_by_applicant",
        "citizen_assessments_by_month",
        "working_vs_advised",
        "fill_rate",
        "regeling_vs_working",
    ],
)
def test_analysis_frames_have_snake_case_columns(figures, name):
    frame = getattr(analysis, name)(figures)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


# --- analyses on the bundled data --------------------------------------------------------------


def test_value_reads_the_printed_figure(figures):
    assert analysis.value(figures, "positive_advices", "2017", source_id=analysis.JUNE_2018) == 1650
    assert analysis.value(figures, "assessments", analysis.JAN_MAY_2017, "gemeente") == 320


def test_advices_per_period_sets_extrapolations_apart(figures):
    frame = analysis.advices_per_period(figures)
    assert list(frame.columns) == ["period", "kind", "advices", "source_id", "page"]
    realised = frame.loc[frame["kind"] == analysis.REALISED].set_index("period")["advices"]
    assert realised.to_dict() == {"2015": 116, "2016": 388, "2017": 1650, analysis.Q1_2018: 490}
    extrapolated = frame.loc[frame["kind"] == analysis.EXTRAPOLATED]
    assert extrapolated["advices"].tolist() == [1442, 1960]
    assert extrapolated["source_id"].tolist() == [analysis.JUNE_2017, analysis.JUNE_2018]


def test_extrapolation_error(figures):
    assert analysis.extrapolation_error(figures) == pytest.approx(100 * (1650 / 1442 - 1))


def test_assessments_by_applicant_recomputes_the_weighted_total(figures):
    table = analysis.assessments_by_applicant(figures)
    assert table["category"].tolist() == ["gemeente", "burger", "totaal", "gemeente", "totaal"]
    total = table.set_index(["category", "period"]).loc[("totaal", analysis.JAN_MAY_2017)]
    assert (total["assessments"], total["positive"], total["share_printed"]) == (890, 601, 71)
    assert total["share_recomputed"] == pytest.approx(67.53, abs=0.01)


def test_unweighted_total_share_explains_the_printed_71(figures):
    assert analysis.unweighted_total_share(figures) == 71


def test_citizen_assessments_by_month(figures):
    frame = analysis.citizen_assessments_by_month(figures)
    assert frame["period"].tolist() == ["2017-01", "2017-03", "2017-05"]
    assert frame["date"].tolist() == ["2017-01-01", "2017-03-01", "2017-05-01"]
    assert frame["assessments"].tolist() == [12, 144, 179]


def test_working_vs_advised_keeps_both_end_2016_figures(figures):
    frame = analysis.working_vs_advised(figures)
    end_2016 = frame.loc[frame["date"] == analysis.END_2016]
    assert end_2016["working"].tolist() == [200, 313] and end_2016["latest"].tolist() == [False, True]
    assert end_2016["source_id"].tolist() == [analysis.APRIL_2017, analysis.SEPT_2018]
    assert end_2016["advised"].iloc[0] == 116 + 388 and end_2016["advised_computed"].all()
    march = frame.loc[frame["date"] == analysis.MARCH_2018].iloc[0]
    assert march["share_working"] == pytest.approx(100 * 1465 / 2644) and not march["advised_computed"]


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


def test_regeling_vs_working(figures):
    frame = analysis.regeling_vs_working(figures)
    assert frame["count"].tolist() == [2600, 1184, 4600, 1465]
    assert frame["series"].nunique() == 2
    assert frame["counted_at"].tolist() == [analysis.END_2017, analysis.END_2017, analysis.END_2018, analysis.MARCH_2018]


def test_money(figures):
    rows = analysis.money(figures)
    assert list(dict.fromkeys(rows["indicator"])) == list(analysis.MONEY_INDICATORS)
    retained = rows.loc[rows["indicator"] == "bonus_retained", "value"].iloc[0]
    assert retained == pytest.approx(9.8)


# --- the texts the prose glues in ------------------------------------------------------------


def test_key_figures_are_dutch_text(hoofdstuk):
    texts = prose.key_figures(hoofdstuk)
    assert all(name.startswith("bw_") for name in texts)
    assert texts["bw_adv_2017"] == "1.650" and texts["bw_fill_hours"] == "36,7%"
    assert texts["bw_share_total_weighted"] == "67,5%" and texts["bw_work_2016_april"] == "200"
    assert texts["bw_growth_recomputed"] == "23,7%" and texts["bw_fill_persons"] == "45,5%"
    assert all(isinstance(v, str) and v for v in texts.values())
    assert THEME.key_figures is prose.key_figures


# --- checks ------------------------------------------------------------------------------------


def test_checks_registered_for_the_theme(hoofdstuk):
    assert THEME.checks == CHECKS
    verdicts = hoofdstuk.checks().set_index("id")["verdict"]
    assert verdicts["bw-aandeel-positief-totaal-2017"] == checks.DISCREPANCY
    assert (verdicts.drop("bw-aandeel-positief-totaal-2017") != checks.DISCREPANCY).all()
    assert verdicts["bw-vervulling-regeling-2017"] == checks.ROUNDED
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


def test_chart_advices_sets_the_letters_extrapolations_apart(hoofdstuk):
    figure = presentation.chart_advices(hoofdstuk)
    assert set(figure.table["Soort"]) == {"gerealiseerd", "extrapolatie in de brief"}
    assert figure.table["Periode"].tolist()[-2:] == ["1e kwartaal 2018", "2018"]
    colour = figure.spec()["layer"][0]["encoding"]["color"]["scale"]
    assert colour["range"] == [charts.PRIMARY, charts.MUTED]  # the extrapolation drawn as derived


def test_chart_regeling_groups_bars_per_moment(hoofdstuk):
    figure = presentation.chart_regeling(hoofdstuk)
    assert figure.table["Moment"].unique().tolist() == ["eind 2017", "eind 2018 (werkenden: stand 31 maart)"]
    assert figure.spec()["layer"][0]["encoding"]["xOffset"]["field"] == "reeks"


def test_chart_working_vs_advised_names_the_earlier_count(hoofdstuk):
    table = presentation.chart_working_vs_advised(hoofdstuk).table
    assert table["Peildatum"].tolist() == ["eind 2016", "eind 2016", "eind 2017", "31 maart 2018"]
    assert table[f"Geadviseerd {labels.COMPUTED}"].tolist() == [True, True, False, False]


def test_tables(hoofdstuk):
    fill = presentation.fill_rate_table(hoofdstuk)
    assert isinstance(fill, tables.Table)
    text = fill._repr_mimebundle_()["text/plain"]
    assert "36,7" in text and "45,5" in text and "1.184 × 25 uur / (2.600 × 31 uur)" in text
    assert fill.frame["Maatstaf"].tolist() == ["Personen", "Uren", labels.PRINTED.capitalize()]
    money = presentation.money_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "9,8" in money and "100" in money
    assert "Eerste Kamer, 33 981, N (30 juni 2017), p." in money


# --- on changed data -------------------------------------------------------------------------


@pytest.fixture
def changed_copy(data_copy):
    """A data copy to change: without the letters' page indexes, since a changed value is printed in no letter."""
    shutil.rmtree(data_copy / "letters")
    return data_copy


def test_analyses_follow_changed_data(changed_copy):
    match = {"indicator": "working_sheltered_workplace", "period": analysis.END_2017}
    assert set_value(changed_copy / "beschut_werk.csv", match, "1300") == 2  # both letters' copies
    changed = open_chapter(THEME, changed_copy)
    rates = analysis.fill_rate(changed.figures).set_index("measure")["fill_rate"]
    assert rates[analysis.PERSONS] == pytest.approx(100 * 1300 / 2600)
    assert analysis.working_growth(changed.figures) == pytest.approx(100 * (1465 / 1300 - 1))
    assert prose.key_figures(changed)["bw_fill_persons"] == "50,0%"
    verdicts = changed.checks().set_index("id")["verdict"]
    assert verdicts["bw-vervulling-regeling-2017"] == checks.DISCREPANCY
