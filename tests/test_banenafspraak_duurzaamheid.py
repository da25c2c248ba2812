"""Tests of the banenafspraak chapter: analyses, texts, checks, charts and tables, on the bundled data and changed copies."""

from __future__ import annotations

import re
import shutil

import pytest

from participatie.book import open_chapter
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.presentation import charts, labels, tables
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, presentation, prose
from participatie.themes.banenafspraak_duurzaamheid.checks import CHECKS

from helpers import assert_house_chart, set_value

DATA_FILE = f"{THEME.name}.csv"


@pytest.fixture(scope="module")
def opened():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(opened):
    return opened.figures


def value(f, indicator, period, category=None, source_id=None):
    return fig.value(f, indicator, period, category=category, source_id=source_id)


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "realised_vs_target",
        "required_pace",
        "jobs_path",
        "municipal_target_group",
        "retention_by_background",
        "retention_outcomes",
        "contracts",
    ],
)
def test_analysis_frames_have_snake_case_columns(f, name):
    frame = getattr(analysis, name)(f)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


# --- analyses on the bundled data --------------------------------------------------------------


def test_value_reads_the_printed_figure(f):
    assert analysis.value(f, "extra_jobs_target", analysis.DEADLINE, "markt") == 100000


def test_realised_vs_target_uses_both_letters_and_computes_the_ratio(f):
    frame = analysis.realised_vs_target(f).set_index("source_id")
    target = value(f, "extra_jobs_target", analysis.END_2016, "totaal")
    latest = value(f, "extra_jobs_realised", analysis.END_2016, "totaal", analysis.JUNE_2018)
    assert frame.loc[analysis.JUNE_2018, "difference"] == latest - target == 2054
    assert frame.loc[analysis.JUNE_2018, "share_of_target"] == pytest.approx(100 * 22554 / 20500)
    assert frame.loc[analysis.JUNE_2017, "qualifier"] == "ruim"
    assert list(frame.index) == [analysis.JUNE_2018, analysis.JUNE_2017]  # latest letter first


def test_latest_realisation_is_the_three_measurement(f):
    row = analysis.latest_realisation(f)
    assert (row["period"], row["value"], row["source_id"]) == (analysis.END_2017, 36904, analysis.SEPT_2018)


def test_share_of_target(f):
    assert analysis.share_of_target(f) == pytest.approx(100 * 36904 / 125000)


def test_required_pace_for_both_deadline_readings(f):
    pace = analysis.required_pace(f).set_index("reading")
    remaining = value(f, "extra_jobs_target", analysis.DEADLINE, "totaal") - value(
        f, "extra_jobs_realised", analysis.END_2017, "totaal"
    )
    assert pace["end"].tolist() == [analysis.DEADLINE, analysis.DEADLINE_INCLUSIVE, analysis.END_2017]
    assert pace.loc[analysis.EXCLUSIVE, "years"] == 8 and pace.loc[analysis.INCLUSIVE, "years"] == 9
    assert pace.loc[analysis.EXCLUSIVE, "to_create"] == remaining == 88096
    assert pace.loc[analysis.EXCLUSIVE, "per_year"] == pytest.approx(remaining / 8) == pytest.approx(11012)
    assert pace.loc[analysis.INCLUSIVE, "per_year"] == pytest.approx(remaining / 9)
    assert pace.loc[analysis.REALISED_PACE, "per_year"] == 36904 - 22554


def test_jobs_path_marks_computed_paths_and_keeps_hedged_counts_out(f):
    frame = analysis.jobs_path(f)
    realised = frame.loc[frame["series"] == analysis.REALISED, "count"].tolist()
    assert realised == [22554, 36904]  # "ruim 22.000" is not drawn beside the exact count
    paths = frame.loc[frame["series"] == analysis.PATH]
    assert set(paths["kind"]) == {analysis.COMPUTED} and len(paths) == 4
    assert set(paths["path_to"]) == {analysis.DEADLINE, analysis.DEADLINE_INCLUSIVE}
    assert set(paths.loc[paths["date"] != analysis.END_2017, "count"]) == {125000}
    assert (frame["series"] == analysis.TARGET_INCLUSIVE).sum() == 1
    both = frame.loc[(frame["series"] == analysis.TARGET) & (frame["date"] == analysis.DEADLINE), "source_ids"].iloc[0]
    assert both == (analysis.JUNE_2017, analysis.JUNE_2018)  # the end-2025 target is printed in two letters


def test_pace_series_names_deadline_and_pace(f):
    pace = analysis.required_pace(f).iloc[0]
    assert presentation.pace_series(pace) == "lineair pad tot eind 2025: 11.012 per jaar"


def test_municipal_target_group_derives_q4_2016(f):
    frame = analysis.municipal_target_group(f)
    level = value(f, "municipal_target_group_working", analysis.Q4_2017)
    change = value(f, "municipal_target_group_working_change", analysis.CHANGE_Q4)
    assert frame["working"].tolist() == [level - change, level] == [9400, 21400]
    assert frame["kind"].tolist() == [analysis.COMPUTED, analysis.PRINTED]
    assert frame["period"].tolist() == [analysis.Q4_2016, analysis.Q4_2017]
    assert (frame["level"].iloc[0], frame["change"].iloc[0]) == (21400, 12000)


def test_municipal_growth(f):
    assert analysis.municipal_growth(f) == pytest.approx(100 * (21400 / 9400 - 1))


def test_reintegration_change(f):
    row = analysis.reintegration_change(f)
    assert (row["start"], row["end"]) == ("2015-01-01", analysis.END_2017)
    assert row["increase"] == 190000 - 161000
    assert row["increase_pct"] == pytest.approx(100 * 29000 / 161000)


def test_retention_by_background_order_and_values(f):
    frame = analysis.retention_by_background(f)
    assert frame["category"].tolist() == list(analysis.BACKGROUNDS) == ["wsw", "wajong", "participatiewet", "totaal"]
    assert frame["share"].tolist() == [94, 80, 71, 87]


def test_retention_outcomes_leave_an_unexplained_rest(f):
    frame = analysis.retention_outcomes(f).set_index("outcome")
    working = value(f, "working_after_one_year_share", analysis.STUDY, "totaal")
    gone = value(f, "not_working_after_one_year_share", analysis.STUDY, "totaal")
    assert frame.loc[analysis.UNEXPLAINED, "share"] == 100 - working - gone == 3
    assert frame.loc[analysis.UNEXPLAINED, "kind"] == analysis.COMPUTED
    assert frame.loc[analysis.WORKING, "persons"] == pytest.approx(0.87 * 80000)
    assert frame["persons"].sum() == pytest.approx((87 + 83 + 10 + 3) / 100 * 80000)


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


def test_page_view_ratio(f):
    low, high = analysis.page_view_ratio(f)
    assert low == pytest.approx(9222 / 4500) and high == pytest.approx(9222 / 3500)
    assert low >= 2  # the letter's "ten minste een verdubbeling" holds against the upper bound


# --- the texts the prose glues in ------------------------------------------------------------


def test_key_figures(opened):
    texts = prose.key_figures(opened)
    assert all(name.startswith("ba_") for name in texts)
    assert texts["ba_real_2016"] == "22.554" and texts["ba_real_2016_early"] == "ruim 22.000"
    assert texts["ba_ratio_2016"] == "110,0%"
    assert texts["ba_pace_deadline"] == "11.012" and texts["ba_pace_inclusive"] == "9.788"
    assert texts["ba_pace_realised"] == "14.350" and texts["ba_remaining"] == "88.096"
    assert texts["ba_mun_q4_2016"] == "9.400"
    assert texts["ba_gap"] == "3 procentpunt" and texts["ba_persons_gap"] == "circa 2.400"
    assert texts["ba_deadline"] == "eind 2025" and texts["ba_deadline_inclusive"] == "eind 2026"
    assert texts["ba_register_municipal"] == "bijna 54.000"
    assert texts["ba_complement"] == "13%"
    assert THEME.key_figures is prose.key_figures


# --- checks --------------------------------------------------------------------------------


def test_checks_verdicts(opened):
    assert THEME.checks == CHECKS
    result = opened.checks().set_index("id")
    assert set(result.index) == {"ba-doel-markt-plus-overheid", "ba-banen-eind-2016-afgerond", "ba-niet-meer-aan-het-werk"}
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.EXACT
    assert result.loc["ba-banen-eind-2016-afgerond", "verdict"] == checks.ROUNDED
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-niet-meer-aan-het-werk", "recomputed"] == 13
    assert result.index[0] == "ba-niet-meer-aan-het-werk"  # discrepancies first


# --- charts and tables -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["chart_jobs", "chart_retention_by_background", "chart_retention_outcomes", "chart_municipal", "chart_contracts"]
)
def test_charts_are_complete_figures(opened, name):
    figure = getattr(presentation, name)(opened)
    assert isinstance(figure, charts.ChartFigure)
    assert_house_chart(figure)


def test_chart_jobs_labels_computed_paths(opened):
    figure = presentation.chart_jobs(opened)
    assert labels.COMPUTED in set(figure.table["Soort"])
    assert "gerealiseerd, eerdere opgave (ruim)" in set(figure.table["Reeks"])
    assert "lineair pad tot eind 2026: 9.788 per jaar" in set(figure.table["Reeks"])
    assert "Eerste Kamer, 34 775, AK" in figure.source_line


def test_charts_use_the_shared_legend_for_printed_and_computed(opened):
    for make_chart in (presentation.chart_municipal, presentation.chart_retention_outcomes):
        colour = make_chart(opened).spec()["layer"][0]["encoding"]["color"]["scale"]
        assert set(colour["domain"]) == {labels.PRINTED, labels.COMPUTED}


def test_chart_municipal_marks_the_derived_bar(opened):
    table = presentation.chart_municipal(opened).table
    assert table.loc[table["Soort"] == labels.COMPUTED, "Berekening"].iloc[0] == "21.400 − 12.000"
    assert table["Kwartaal"].tolist() == ["4e kwartaal 2016", "4e kwartaal 2017"]


def test_chart_contracts_groups_bars_per_quarter(opened):
    figure = presentation.chart_contracts(opened)
    assert figure.spec()["layer"][0]["encoding"]["xOffset"]["field"] == "kwartaal"
    assert figure.table["Kwalificatie"].tolist() == ["–", "–", "circa", "circa"]


@pytest.mark.parametrize("name, rows", [("pace_table", 3), ("support_table", 6), ("other_figures_table", 10)])
def test_tables(opened, name, rows):
    table = getattr(presentation, name)(opened)
    assert isinstance(table, tables.Table) and len(table.frame) == rows
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_pace_table_names_both_readings(opened):
    frame = presentation.pace_table(opened).frame
    assert frame["Maatstaf"].tolist() == ["nodig tot eind 2025", "nodig tot eind 2026", "gerealiseerd in 2017"]
    assert frame["Lezing"].iloc[2] == "stand eind 2017 min stand eind 2016"


def test_other_figures_table_keeps_campaign_figures(opened):
    frame = presentation.other_figures_table(opened).frame
    assert "71.572" in set(frame["Waarde"]) and "minder dan 25" in set(frame["Waarde"])
    assert set(frame["Brief"]) == {"30 juni 2017, p. 2", "30 juni 2017, p. 4", "30 juni 2017, p. 21"}
    assert presentation.other_figures_table(opened).caption == "Bron: Eerste Kamer, 33 981, N (30 juni 2017)."


# --- on changed data -------------------------------------------------------------------------


@pytest.fixture
def changed_copy(data_copy):
    """A data copy to change: without the letters' page indexes, since a changed value is printed in no letter."""
    shutil.rmtree(data_copy / "letters")
    return data_copy


def _set(data_dir, indicator, period, new, source_id=None, category=None):
    match = {"indicator": indicator, "period": period}
    match |= {"source_id": source_id} if source_id else {}
    match |= {"category": category} if category else {}
    assert set_value(data_dir / DATA_FILE, match, str(new)) == 1


def test_analyses_follow_changed_data(changed_copy):
    _set(changed_copy, "extra_jobs_realised", analysis.END_2017, 40904)
    _set(changed_copy, "municipal_target_group_working", analysis.Q4_2017, 22400)
    _set(changed_copy, "not_working_after_one_year_share", analysis.STUDY, 13)
    changed = open_chapter(THEME, changed_copy)
    pace = analysis.required_pace(changed.figures).set_index("reading")
    assert pace.loc[analysis.EXCLUSIVE, "per_year"] == pytest.approx((125000 - 40904) / 8)
    assert analysis.municipal_target_group(changed.figures)["working"].iloc[0] == 10400
    rest = analysis.retention_outcomes(changed.figures).set_index("outcome").loc[analysis.UNEXPLAINED, "share"]
    assert rest == 0
    assert prose.key_figures(changed)["ba_mun_q4_2016"] == "10.400"
    result = changed.checks().set_index("id")
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.EXACT


def test_check_flags_a_target_whose_parts_no_longer_add_up(changed_copy):
    _set(changed_copy, "extra_jobs_target", analysis.DEADLINE, 30000, source_id=analysis.JUNE_2018, category="overheid")
    result = open_chapter(THEME, changed_copy).checks().set_index("id")
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-doel-markt-plus-overheid", "recomputed"] == 130000
