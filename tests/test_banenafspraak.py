"""Tests of the banenafspraak chapter's analyses, checks, charts and tables on the bundled data."""

from __future__ import annotations

import pandas as pd
import pytest

from participatie import banenafspraak as ba, chapter, charts, checks, figures as fig, tables


@pytest.fixture(scope="module")
def opened():
    return chapter.open_chapter("banenafspraak")


@pytest.fixture(scope="module")
def f(opened):
    return opened.figures


def value(f, indicator, period, category=None, source_id=None):
    return fig.value(f, indicator, period, category=category, source_id=source_id)


def set_value(data_dir, indicator, period, new, source_id=None, category=None):
    path = data_dir / "banenafspraak.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    mask = (table["indicator"] == indicator) & (table["period"] == period)
    if source_id:
        mask &= table["source_id"] == source_id
    if category:
        mask &= table["category"] == category
    assert mask.sum() == 1
    table.loc[mask, "value"] = str(new)
    table.to_csv(path, index=False)


# --- analyses --------------------------------------------------------------------------------

def test_realised_vs_target_uses_both_letters_and_computes_the_ratio(f):
    frame = ba.realised_vs_target(f).set_index("source_id")
    target = value(f, "extra_jobs_target", ba.END_2016, "totaal")
    latest = value(f, "extra_jobs_realised", ba.END_2016, "totaal", ba.JUNE_2018)
    assert frame.loc[ba.JUNE_2018, "verschil"] == latest - target == 2054
    assert frame.loc[ba.JUNE_2018, "realisatie_pct"] == pytest.approx(100 * 22554 / 20500)
    assert frame.loc[ba.JUNE_2017, "kwalificatie"] == "ruim"
    assert list(frame.index) == [ba.JUNE_2018, ba.JUNE_2017]  # latest letter first


def test_latest_realisation_is_the_three_measurement(f):
    row = ba.latest_realisation(f)
    assert (row["period"], row["value"], row["source_id"]) == (ba.END_2017, 36904, ba.SEPT_2018)


def test_required_pace_for_both_deadline_readings(f):
    pace = ba.required_pace(f).set_index("deadline")
    remaining = value(f, "extra_jobs_target", ba.DEADLINE, "totaal") - value(f, "extra_jobs_realised", ba.END_2017, "totaal")
    assert pace.loc[ba.DEADLINE, "jaren"] == 8 and pace.loc[ba.DEADLINE_INCLUSIVE, "jaren"] == 9
    assert pace.loc[ba.DEADLINE, "per_jaar"] == pytest.approx(remaining / 8) == pytest.approx(11012)
    assert pace.loc[ba.DEADLINE_INCLUSIVE, "per_jaar"] == pytest.approx(remaining / 9)
    assert pace.loc[ba.END_2017, "per_jaar"] == 36904 - 22554


def test_jobs_path_marks_computed_paths_and_keeps_hedged_counts_out(f):
    frame = ba.jobs_path(f)
    realised = frame.loc[frame["reeks"] == "gerealiseerd", "aantal"].tolist()
    assert realised == [22554, 36904]  # "ruim 22.000" is not drawn beside the exact count
    paths = frame.loc[frame["reeks"].str.startswith("lineair pad")]
    assert set(paths["soort"]) == {ba.COMPUTED} and len(paths) == 4
    assert set(paths.loc[paths["datum"] != ba.END_2017, "aantal"]) == {125000}
    assert (frame["reeks"] == ba.ALTERNATIVE_TARGET).sum() == 1
    both = frame.loc[(frame["reeks"] == "doel") & (frame["datum"] == ba.DEADLINE), "brief"].iloc[0]
    assert "33 981" in both and "29 817" in both  # the end-2025 target is printed in two letters


def test_pace_series_names_deadline_and_pace(f):
    pace = ba.required_pace(f).iloc[0]
    assert ba.pace_series(pace) == "lineair pad tot eind 2025: 11.012 per jaar"


def test_municipal_target_group_derives_q4_2016(f):
    frame = ba.municipal_target_group(f)
    level = value(f, "municipal_target_group_working", ba.Q4_2017)
    change = value(f, "municipal_target_group_working_change", ba.CHANGE_Q4)
    assert frame["werkend"].tolist() == [level - change, level] == [9400, 21400]
    assert frame["soort"].tolist() == [ba.COMPUTED, ba.PRINTED]


def test_municipal_growth(f):
    assert ba.municipal_growth(f) == pytest.approx(100 * (21400 / 9400 - 1))


def test_reintegration_change(f):
    row = ba.reintegration_change(f).iloc[0]
    assert row["toename"] == 190000 - 161000
    assert row["toename_pct"] == pytest.approx(100 * 29000 / 161000)


def test_retention_by_background_order_and_values(f):
    frame = ba.retention_by_background(f)
    assert frame["category"].tolist() == ["wsw", "wajong", "participatiewet", "totaal"]
    assert frame["aandeel"].tolist() == [94, 80, 71, 87]


def test_retention_outcomes_leave_an_unexplained_rest(f):
    frame = ba.retention_outcomes(f).set_index("uitkomst")
    working = value(f, "working_after_one_year_share", ba.STUDY, "totaal")
    gone = value(f, "not_working_after_one_year_share", ba.STUDY, "totaal")
    assert frame.loc["niet verklaard (rest)", "aandeel"] == 100 - working - gone == 3
    assert frame.loc["niet verklaard (rest)", "soort"] == ba.COMPUTED
    assert frame.loc["weer of nog aan het werk", "personen"] == pytest.approx(0.87 * 80000)
    assert frame["personen"].sum() == pytest.approx((87 + 83 + 10 + 3) / 100 * 80000)


def test_contracts(f):
    frame = ba.contracts(f)
    hours = frame.loc[frame["maatstaf"].str.startswith("uren")]
    assert hours["aandeel_vast"].tolist() == [67, 65]
    assert frame.loc[frame["maatstaf"] == "personen, Wajong", "kwalificatie"].eq("circa").all()


def test_page_view_ratio(f):
    low, high = ba.page_view_ratio(f)
    assert low == pytest.approx(9222 / 4500) and high == pytest.approx(9222 / 3500)
    assert low >= 2  # the letter's "ten minste een verdubbeling" holds against the upper bound


def test_key_figures(f):
    texts = ba.key_figures(f)
    assert all(name.startswith("ba_") for name in texts)
    assert texts["ba_real_2016"] == "22.554" and texts["ba_real_2016_early"] == "ruim 22.000"
    assert texts["ba_ratio_2016"] == "110,0%"
    assert texts["ba_pace_deadline"] == "11.012" and texts["ba_pace_inclusive"] == "9.788"
    assert texts["ba_mun_q4_2016"] == "9.400"
    assert texts["ba_gap"] == "3 procentpunt" and texts["ba_persons_gap"] == "circa 2.400"
    assert texts["ba_deadline"] == "eind 2025" and texts["ba_deadline_inclusive"] == "eind 2026"
    assert texts["ba_register_municipal"] == "bijna 54.000"


# --- checks --------------------------------------------------------------------------------

def test_checks_verdicts(opened):
    result = opened.checks().set_index("id")
    assert set(result.index) == {"ba-doel-markt-plus-overheid", "ba-banen-eind-2016-afgerond", "ba-niet-meer-aan-het-werk"}
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.EXACT
    assert result.loc["ba-banen-eind-2016-afgerond", "verdict"] == checks.ROUNDED
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-niet-meer-aan-het-werk", "recomputed"] == 13
    assert result.index[0] == "ba-niet-meer-aan-het-werk"  # discrepancies first


# --- charts and tables -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["chart_jobs", "chart_retention_by_background", "chart_retention_outcomes",
                                  "chart_municipal", "chart_contracts"])
def test_charts_are_complete_figures(opened, name):
    figure = getattr(ba, name)(opened)
    assert isinstance(figure, charts.ChartFigure)
    spec = figure.spec()
    assert spec["description"] and spec["title"]["text"]
    assert figure.source_line.startswith("Bron: ")
    assert not figure.table.empty
    assert "text/html" in figure._repr_mimebundle_()


def test_chart_jobs_labels_computed_paths(opened):
    figure = ba.chart_jobs(opened)
    assert "berekend door het boek" in set(figure.table["Soort"])
    assert "gerealiseerd, eerdere opgave (ruim)" in set(figure.table["Reeks"])
    assert "Eerste Kamer, 34 775, AK" in figure.source_line


def test_chart_municipal_marks_the_derived_bar(opened):
    table = ba.chart_municipal(opened).table
    assert table.loc[table["Soort"] == ba.COMPUTED, "Berekening"].iloc[0] == "21.400 − 12.000"


@pytest.mark.parametrize("name, rows", [("pace_table", 3), ("support_table", 6), ("other_figures_table", 10)])
def test_tables(opened, name, rows):
    table = getattr(ba, name)(opened)
    assert isinstance(table, tables.Table) and len(table.frame) == rows
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_other_figures_table_keeps_campaign_figures(opened):
    frame = ba.other_figures_table(opened).frame
    assert "71.572" in set(frame["Waarde"]) and "minder dan 25" in set(frame["Waarde"])
    assert set(frame["Brief"]) == {"30 juni 2017, p. 2", "30 juni 2017, p. 4", "30 juni 2017, p. 21"}
    assert ba.other_figures_table(opened).caption == "Bron: Eerste Kamer, 33 981, N (30 juni 2017)."


# --- on changed data -------------------------------------------------------------------------

def test_analyses_follow_changed_data(data_copy):
    set_value(data_copy, "extra_jobs_realised", ba.END_2017, 40904)
    set_value(data_copy, "municipal_target_group_working", ba.Q4_2017, 22400)
    set_value(data_copy, "not_working_after_one_year_share", ba.STUDY, 13)
    changed = chapter.open_chapter("banenafspraak", data_copy)
    pace = ba.required_pace(changed.figures).set_index("deadline")
    assert pace.loc[ba.DEADLINE, "per_jaar"] == pytest.approx((125000 - 40904) / 8)
    assert ba.municipal_target_group(changed.figures)["werkend"].iloc[0] == 10400
    rest = ba.retention_outcomes(changed.figures).set_index("uitkomst").loc["niet verklaard (rest)", "aandeel"]
    assert rest == 0
    result = changed.checks().set_index("id")
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.EXACT


def test_check_flags_a_target_whose_parts_no_longer_add_up(data_copy):
    set_value(data_copy, "extra_jobs_target", ba.DEADLINE, 30000, source_id=ba.JUNE_2018, category="overheid")
    result = chapter.open_chapter("banenafspraak", data_copy).checks().set_index("id")
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-doel-markt-plus-overheid", "recomputed"] == 130000
