"""Unit tests of the Wsw statistiek analyses, checks, charts and tables, on the bundled data and on changed copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import set_value

from participatie import chapter, checks, tables
from participatie import figures as fig
from participatie import wsw_statistiek as wsw
from participatie.labels import INTERPOLATION_MARK

THEME = "wsw_statistiek"


@pytest.fixture(scope="module")
def hoofdstuk():
    return chapter.open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


def _value(figures, indicator, period, category=None, source_id=None):
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _set_value(data_dir: Path, indicator: str, period: str, value: str, category: str = "") -> None:
    """Change one figure (every letter's copy of it) in a copied data directory."""
    match = {"indicator": indicator, "period": period, "category": category}
    assert set_value(data_dir / f"{THEME}.csv", match, value), f"no row {indicator} {period} {category}"


# --- analyses on the bundled data ------------------------------------------------------------

def test_indications_sum_of_parts_is_computed_from_the_data(figures):
    frame = wsw.indications(figures).set_index(["jaar", "soort"])
    parts = _value(figures, "wsw_indications", "2012", "eerste_indicatie") + _value(figures, "wsw_indications", "2012", "herindicatie")
    assert frame.loc[("2012", "som van de delen"), "indicaties"] == parts == 25821
    assert frame.loc[("2012", "som van de delen"), "herkomst"] == wsw.COMPUTED
    assert frame.loc[("2012", "totaal"), "indicaties"] == 25823
    assert frame.loc[("2011", "totaal"), "indicaties"] == 27607
    assert frame.loc[("2012", "totaal"), "herkomst"] == wsw.PRINTED


def test_indications_difference_is_two(figures):
    assert wsw.indications_difference(figures) == 2


def test_waiting_list_start_is_end_plus_decrease(figures):
    frame = wsw.waiting_list(figures).set_index("moment")
    assert frame.loc["begin 2012", "personen"] == 15655 + 5423 == 21078
    assert frame.loc["begin 2012", "herkomst"] == wsw.COMPUTED
    assert frame.loc["eind 2012", "personen"] == _value(figures, "wsw_waiting_list", "2012-12-31")


def test_implied_waiting_list_start_routes_agree_within_rounding(figures):
    frame = wsw.implied_waiting_list_start(figures)
    via_end, via_pct = frame.iloc[0], frame.iloc[1]
    assert via_end["beginstand"] == 21078
    assert via_pct["beginstand"] == pytest.approx(5423 / 0.257)
    assert via_pct["laagst"] == pytest.approx(5423 / 0.2575)
    assert via_pct["hoogst"] == pytest.approx(5423 / 0.2565)
    assert via_pct["laagst"] <= via_end["beginstand"] <= via_pct["hoogst"]


def test_workforce_shares_of_supported_employment(figures):
    frame = wsw.workforce(figures).set_index("datum")
    assert frame.loc["2012-01-01", "werknemers"] == 102124
    assert frame.loc["2012-12-31", "begeleid_werken"] == 6325
    assert frame.loc["2012-12-31", "aandeel_begeleid_werken"] == pytest.approx(100 * 6325 / 102445)


def test_supported_employment_readings_rise_does_not_match_but_share_does(figures):
    frame = wsw.supported_employment_readings(figures)
    assert frame.loc[0, "procent"] == pytest.approx(100 * (6325 / 6185 - 1))
    assert round(frame.loc[0, "procent"], 1) == 2.3
    assert frame["past_bij_gedrukt"].tolist() == [False, True, False]
    assert (frame["gedrukt"] == 6.2).all()


def test_outside_shares_adds_computed_supported_share_to_printed_seconded(figures):
    frame = wsw.outside_shares(figures)
    totals = frame.drop_duplicates("jaar").set_index("jaar")["totaal_jaar"]
    assert totals["2012"] == pytest.approx(26.8 + 100 * 6325 / 102445)
    assert totals["2011"] == pytest.approx(24.1 + 100 * 6185 / 102124)
    assert totals["2014"] == 34 and totals["2015"] == 38
    assert set(frame.loc[frame["onderdeel"] == wsw.SUPPORTED, "herkomst"]) == {wsw.COMPUTED}
    assert set(frame.loc[frame["onderdeel"] != wsw.SUPPORTED, "herkomst"]) == {wsw.PRINTED}


def test_budget_path_keeps_printed_points_and_labels_interpolation(figures):
    frame = wsw.budget_path(figures).set_index("jaar")
    assert frame.loc[2018, "miljoen_euro"] == 1921 and frame.loc[2018, "soort"] == wsw.PRINTED
    assert frame.loc[2050, "miljoen_euro"] == 0 and frame.loc[2050, "soort"] == wsw.PRINTED
    between = frame.loc[2019:2049]
    assert len(between) == 31 and (between["soort"] == INTERPOLATION_MARK).all()
    assert frame.loc[2034, "miljoen_euro"] == pytest.approx(1921 * (2050 - 2034) / 32)
    assert (frame["soort"] == wsw.PRINTED).sum() == 2


def test_budget_linear_decline(figures):
    assert wsw.budget_linear_decline(figures) == pytest.approx(1921 / 32)


def test_efficiency_cut_implies_employee_numbers(figures):
    frame = wsw.efficiency_cut(figures).set_index("jaar")
    assert frame.loc["2015", "impliciet_aantal_wsw_ers"] == pytest.approx(50e6 / 500) == 100_000
    assert frame.loc["2020", "impliciet_aantal_wsw_ers"] == pytest.approx(290e6 / 3000)
    assert round(frame.loc["2020", "impliciet_aantal_wsw_ers"], -2) == 96_700
    assert frame.loc["2015", "korting_per_wsw_er_kwalificatie"] == "circa"


def test_employees_counted_and_implied(figures):
    frame = wsw.employees_counted_and_implied(figures)
    assert frame["moment"].tolist() == ["begin 2012", "eind 2012", "2015", "2020"]
    assert frame["personen"].iloc[1] == 102445
    assert frame["herkomst"].iloc[2] == "afgeleid uit de efficiencykorting"


def test_money_figures_flags_zembla_and_assumed_periods(figures):
    frame = wsw.money_figures(figures)
    zembla = frame.loc[frame["post"] == "Bezuiniging volgens Zembla"].iloc[0]
    assert zembla["status"].startswith("bewering uit een tv-uitzending")
    assert zembla["periode"] == "niet in de brief; aangenomen: vanaf 2015"
    kerstens = frame.loc[frame["post"] == "Middelen motie Kerstens"]
    assert len(kerstens) == 2 and (kerstens["periode_in_brief"] == "nee, aangenomen").all()
    budget = frame.loc[frame["post"] == "Wsw-middelen"]
    assert (budget["status"] == "cijfer van het ministerie").all()


def test_repeated_figures_only_kerstens_and_equal(figures):
    frame = wsw.repeated_figures(figures)
    assert set(frame["indicator"]) == {"motie_kerstens_funds"}
    assert set(frame["source_id"]) == {wsw.APRIL_2017, wsw.JUNE_2018}
    assert frame["gelijk"].all()


def test_key_figures_texts(figures):
    texts = wsw.key_figures(figures)
    assert all(name.startswith("wsw_") for name in texts)
    assert texts["wsw_ind_sum_2012"] == "25.821"
    assert texts["wsw_ind_2012"] == "25.823"
    assert texts["wsw_ind_gap"] == "2"
    assert texts["wsw_wait_start_implied"] == "21.078"
    assert texts["wsw_bw_rise_printed"] == "6,2%"
    assert texts["wsw_bw_rise_recomputed"] == "2,3%"
    assert texts["wsw_bw_share_end"] == "6,17%"
    assert texts["wsw_cut_implied_2015"] == "100.000"
    assert texts["wsw_cut_implied_2020_rounded"] == "96.700"
    assert texts["wsw_budget_2018"] == "€ 1.921 mln"
    assert texts["wsw_zembla"] == "€ 1,2 mld"
    assert texts["wsw_contribution_2020"] == "circa € 22.700"


# --- checks ----------------------------------------------------------------------------------

def test_checks_verdicts(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert set(result.index) == {"wsw-indicaties-totaal-2012", "wsw-wachtlijst-daling-pct-2012",
                                 "wsw-begeleid-werken-stijging-2012"}
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.DISCREPANCY
    assert result.loc["wsw-indicaties-totaal-2012", "recomputed"] == 25821
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.DISCREPANCY
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "verdict"] == checks.ROUNDED
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "recomputed"] == pytest.approx(100 * 5423 / 21078)


# --- charts and tables -----------------------------------------------------------------------

CHARTS = ["chart_indications", "chart_waiting_list", "chart_outside_shares", "chart_budget_path", "chart_employees"]


@pytest.mark.parametrize("name", CHARTS)
def test_charts_have_description_source_and_table(hoofdstuk, name):
    figure = getattr(wsw, name)(hoofdstuk)
    spec = figure.spec()
    assert spec["description"]
    assert figure.source_line.startswith("Bron: ")
    assert not figure.table.empty
    bundle = figure._repr_mimebundle_()
    assert "pp-chart-" in bundle["text/html"]


def test_chart_budget_path_marks_interpolation(hoofdstuk):
    figure = wsw.chart_budget_path(hoofdstuk)
    assert set(figure.table["Soort"]) == {wsw.PRINTED, INTERPOLATION_MARK}
    assert "interpolatie" in str(figure.spec()["title"])
    assert "Tweede Kamer, 29 817, nr. 145" in figure.source_line


def test_chart_indications_table_has_computed_sum(hoofdstuk):
    table = wsw.chart_indications(hoofdstuk).table
    row = table.loc[table["Soort"] == "som van de delen"].iloc[0]
    assert row["Indicaties"] == 25821 and row["Herkomst"] == wsw.COMPUTED


def test_chart_waiting_list_and_employees_tables(hoofdstuk):
    assert wsw.chart_waiting_list(hoofdstuk).table["Personen"].tolist() == [21078, 15655]
    employees = wsw.chart_employees(hoofdstuk).table
    assert employees["Personen"].iloc[2] == 100_000


def test_chart_outside_shares_table(hoofdstuk):
    table = wsw.chart_outside_shares(hoofdstuk).table
    assert table.loc[table["Jaar"] == "2015", "Procent"].tolist() == [38]


@pytest.mark.parametrize("name", ["waiting_list_table", "supported_employment_table", "efficiency_cut_table",
                                  "money_table", "repeated_table"])
def test_tables_are_dutch_tables(hoofdstuk, name):
    table = getattr(wsw, name)(hoofdstuk)
    assert isinstance(table, tables.Table)
    assert not table.frame.empty
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_supported_employment_table_text(hoofdstuk):
    plain = wsw.supported_employment_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "2,26" in plain and "6,17" in plain and "nee" in plain and "ja" in plain


def test_efficiency_cut_table_text(hoofdstuk):
    plain = wsw.efficiency_cut_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "circa € 500" in plain and "96.667" in plain


# --- analyses follow changed data -------------------------------------------------------------

def test_indications_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_indications", "2012", "6638", category="eerste_indicatie")
    changed = chapter.open_chapter(THEME, data_copy)
    assert wsw.indications_difference(changed.figures) == 0
    result = changed.checks().set_index("id")
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.EXACT
    assert wsw.key_figures(changed.figures)["wsw_ind_sum_2012"] == "25.823"


def test_supported_employment_check_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_supported_employment_places", "2012-01-01", "5956")
    changed = chapter.open_chapter(THEME, data_copy)
    result = changed.checks().set_index("id")
    assert result.loc["wsw-begeleid-werken-stijging-2012", "recomputed"] == pytest.approx(100 * (6325 / 5956 - 1))
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.ROUNDED


def test_budget_path_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_budget", "2018", "1600")
    changed = chapter.open_chapter(THEME, data_copy)
    frame = wsw.budget_path(changed.figures).set_index("jaar")
    assert frame.loc[2018, "miljoen_euro"] == 1600
    assert frame.loc[2034, "miljoen_euro"] == pytest.approx(800)
    assert wsw.budget_linear_decline(changed.figures) == pytest.approx(50)


def test_efficiency_cut_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_efficiency_cut_total", "2020", "240")
    changed = chapter.open_chapter(THEME, data_copy)
    frame = wsw.efficiency_cut(changed.figures).set_index("jaar")
    assert frame.loc["2020", "impliciet_aantal_wsw_ers"] == pytest.approx(80_000)


def test_waiting_list_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_waiting_list", "2012-12-31", "16000")
    changed = chapter.open_chapter(THEME, data_copy)
    frame = wsw.waiting_list(changed.figures).set_index("moment")
    assert frame.loc["begin 2012", "personen"] == 16000 + 5423
    verdict = changed.checks().set_index("id").loc["wsw-wachtlijst-daling-pct-2012", "verdict"]
    assert verdict == checks.DISCREPANCY  # 5.423 / 21.423 = 25,3%, not 25,7%
