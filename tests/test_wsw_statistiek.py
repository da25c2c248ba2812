"""themes.wsw_statistiek: the analyses, checks, charts, tables and glued texts, on the bundled data and on changed copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from participatie.book import open_chapter
from participatie.data.package import LETTERS_DIR
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.presentation import labels, tables
from participatie.themes.wsw_statistiek import THEME, analysis, presentation, prose
from participatie.themes.wsw_statistiek.labels import stock_moment

from helpers import assert_house_chart, read_rows, set_value


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


def _value(figures, indicator, period, category=None):
    return fig.value(figures, indicator, period, category=category)


def _set_value(data_dir: Path, indicator: str, period: str, value: str, category: str = "") -> None:
    """Change one figure (every letter's copy of it) in a copied data directory.

    A changed figure is no longer the one its letter prints, so the copy drops that letter's page index
    (figures citing a letter without an index are not checked against its pages).
    """
    path, match = data_dir / f"{THEME.name}.csv", {"indicator": indicator, "period": period, "category": category}
    assert set_value(path, match, value), f"no row {indicator} {period} {category}"
    letters = {row["source_id"] for row in read_rows(path)[0] if all(row[k] == v for k, v in match.items())}
    for source_id in letters:
        (data_dir / LETTERS_DIR / f"{source_id}.json").unlink(missing_ok=True)


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    [
        "indications",
        "waiting_list",
        "implied_waiting_list_start",
        "workforce",
        "supported_employment_readings",
        "outside_shares",
        "budget_path",
        "efficiency_cut",
        "employees_counted_and_implied",
        "money_figures",
        "repeated_figures",
    ],
)
def test_analysis_frames_have_snake_case_columns(figures, name):
    frame = getattr(analysis, name)(figures)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


# --- analyses on the bundled data ------------------------------------------------------------


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


def test_indications_difference_is_two(figures):
    assert analysis.indications_difference(figures) == 2


def test_waiting_list_start_is_end_plus_decrease(figures):
    frame = analysis.waiting_list(figures).set_index("date")
    assert frame.loc["2012-01-01", "persons"] == 15655 + 5423 == 21078
    assert frame.loc["2012-01-01", "kind"] == analysis.COMPUTED
    assert (frame.loc["2012-01-01", "end_stock"], frame.loc["2012-01-01", "decrease"]) == (15655, 5423)
    assert frame.loc["2012-12-31", "persons"] == _value(figures, "wsw_waiting_list", "2012-12-31")
    assert frame.loc["2012-12-31", "kind"] == analysis.PRINTED


def test_waiting_list_decrease_pct(figures):
    assert analysis.waiting_list_decrease_pct(figures) == pytest.approx(100 * 5423 / 21078)


def test_implied_waiting_list_start_routes_agree_within_rounding(figures):
    frame = analysis.implied_waiting_list_start(figures).set_index("method")
    via_end, via_pct = frame.loc[analysis.VIA_END], frame.loc[analysis.VIA_PERCENTAGE]
    assert via_end["start"] == 21078
    assert via_pct["start"] == pytest.approx(5423 / 0.257)
    assert via_pct["low"] == pytest.approx(5423 / 0.2575)
    assert via_pct["high"] == pytest.approx(5423 / 0.2565)
    assert via_pct["low"] <= via_end["start"] <= via_pct["high"]
    assert via_pct["percentage"] == 25.7


def test_workforce_shares_of_supported_employment(figures):
    frame = analysis.workforce(figures).set_index("date")
    assert frame.loc["2012-01-01", "employees"] == 102124
    assert frame.loc["2012-12-31", "supported_places"] == 6325
    assert frame.loc["2012-12-31", "supported_share"] == pytest.approx(100 * 6325 / 102445)


def test_supported_employment_rise(figures):
    assert analysis.supported_employment_rise(figures) == pytest.approx(100 * (6325 / 6185 - 1))


def test_supported_employment_readings_rise_does_not_match_but_share_does(figures):
    frame = analysis.supported_employment_readings(figures)
    assert frame["reading"].tolist() == [analysis.RISE, analysis.SHARE_END, analysis.SHARE_START]
    assert frame.loc[0, "percent"] == pytest.approx(100 * (6325 / 6185 - 1))
    assert round(frame.loc[0, "percent"], 1) == 2.3
    assert frame["matches_printed"].tolist() == [False, True, False]
    assert (frame["printed"] == 6.2).all()
    assert (frame.loc[1, "numerator"], frame.loc[1, "denominator"]) == (6325, 102445)


def test_outside_shares_adds_computed_supported_share_to_printed_seconded(figures):
    frame = analysis.outside_shares(figures)
    totals = frame.drop_duplicates("year").set_index("year")["year_total"]
    assert totals["2012"] == pytest.approx(26.8 + 100 * 6325 / 102445)
    assert totals["2011"] == pytest.approx(24.1 + 100 * 6185 / 102124)
    assert totals["2014"] == 34 and totals["2015"] == 38
    assert set(frame.loc[frame["part"] == analysis.SUPPORTED, "kind"]) == {analysis.COMPUTED}
    assert set(frame.loc[frame["part"] != analysis.SUPPORTED, "kind"]) == {analysis.PRINTED}
    # 2011 borrows the stand of 1 January 2012 for its share in begeleid werken (an assumption of the book)
    assert frame.loc[(frame["year"] == "2011") & (frame["part"] == analysis.SUPPORTED), "as_of"].item() == "2012-01-01"


def test_budget_path_keeps_printed_points_and_marks_interpolation(figures):
    frame = analysis.budget_path(figures).set_index("year")
    assert frame.loc[2018, "mln_euro"] == 1921 and frame.loc[2018, "kind"] == analysis.PRINTED
    assert frame.loc[2050, "mln_euro"] == 0 and frame.loc[2050, "kind"] == analysis.PRINTED
    between = frame.loc[2019:2049]
    assert len(between) == 31 and (between["kind"] == analysis.INTERPOLATED).all()
    assert frame.loc[2034, "mln_euro"] == pytest.approx(1921 * (2050 - 2034) / 32)
    assert (frame["kind"] == analysis.PRINTED).sum() == 2


def test_budget_linear_decline(figures):
    assert analysis.budget_linear_decline(figures) == pytest.approx(1921 / 32)


def test_efficiency_cut_implies_employee_numbers(figures):
    frame = analysis.efficiency_cut(figures).set_index("year")
    assert frame.loc["2015", "implied_employees"] == pytest.approx(50e6 / 500) == 100_000
    assert frame.loc["2020", "implied_employees"] == pytest.approx(290e6 / 3000)
    assert round(frame.loc["2020", "implied_employees"], -2) == 96_700
    assert frame.loc["2015", "cut_per_employee_qualifier"] == "circa"
    assert frame.loc["2020", "cut_per_employee_qualifier"] == ""
    assert frame.loc["2020", "cut_total_mln"] == 290 and frame.loc["2020", "cut_per_employee"] == 3000


def test_employees_counted_and_implied(figures):
    frame = analysis.employees_counted_and_implied(figures)
    assert frame["period"].tolist() == ["2012-01-01", "2012-12-31", "2015", "2020"]
    assert frame["persons"].iloc[1] == 102445
    assert frame["kind"].tolist() == [analysis.PRINTED, analysis.PRINTED, analysis.COMPUTED, analysis.COMPUTED]


def test_money_figures_flags_zembla_and_assumed_periods(figures):
    frame = analysis.money_figures(figures).set_index("indicator")
    assert frame.loc["wsw_cuts_cited_by_zembla", "cited_claim"]
    assert frame.loc["wsw_cuts_cited_by_zembla", "period_assumed"]
    kerstens = frame.loc[["motie_kerstens_funds"]]
    assert len(kerstens) == 2 and kerstens["period_assumed"].all() and not kerstens["cited_claim"].any()
    budget = frame.loc[["wsw_budget"]]
    assert not budget["cited_claim"].any() and not budget["period_assumed"].any()
    assert frame["source_date"].is_monotonic_increasing


def test_repeated_figures_only_kerstens_and_equal(figures):
    frame = analysis.repeated_figures(figures)
    assert set(frame["indicator"]) == {"motie_kerstens_funds"}
    assert set(frame["source_id"]) == {analysis.APRIL_2017, analysis.JUNE_2018}
    assert frame["values_agree"].all()


def test_stock_moment_names_stocks_as_the_letters_do():
    assert [stock_moment(p) for p in ("2012-01-01", "2012-12-31", "2015", "2020/..")] == [
        "begin 2012",
        "eind 2012",
        "2015",
        "vanaf 2020 (structureel)",
    ]


def test_key_figures_texts(hoofdstuk):
    texts = prose.key_figures(hoofdstuk)
    assert texts == hoofdstuk.key_figures()
    assert all(name.startswith("wsw_") for name in texts)
    assert texts["wsw_ind_sum_2012"] == "25.821"
    assert texts["wsw_ind_2012"] == "25.823"
    assert texts["wsw_ind_gap"] == "2"
    assert texts["wsw_wait_start_implied"] == "21.078"
    assert texts["wsw_wait_pct_recomputed"] == "25,73%"
    assert texts["wsw_bw_rise_printed"] == "6,2%"
    assert texts["wsw_bw_rise_recomputed"] == "2,3%"
    assert texts["wsw_bw_share_end"] == "6,17%"
    assert texts["wsw_cut_implied_2015"] == "100.000"
    assert texts["wsw_cut_implied_2020_rounded"] == "96.700"
    assert texts["wsw_budget_2018"] == "€ 1.921 mln"
    assert texts["wsw_budget_interp_years"] == "31"
    assert texts["wsw_zembla"] == "€ 1,2 mld"
    assert texts["wsw_contribution_2020"] == "circa € 22.700"


# --- checks ----------------------------------------------------------------------------------


def test_checks_verdicts(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert (
        set(result.index)
        == {c.id for c in THEME.checks}
        == {"wsw-indicaties-totaal-2012", "wsw-wachtlijst-daling-pct-2012", "wsw-begeleid-werken-stijging-2012"}
    )
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.DISCREPANCY
    assert result.loc["wsw-indicaties-totaal-2012", "recomputed"] == 25821
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.DISCREPANCY
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "verdict"] == checks.ROUNDED
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "recomputed"] == pytest.approx(100 * 5423 / 21078)


# --- charts and tables -----------------------------------------------------------------------

CHARTS = ["chart_indications", "chart_waiting_list", "chart_outside_shares", "chart_budget_path", "chart_employees"]


@pytest.mark.parametrize("name", CHARTS)
def test_charts_follow_the_house_rules(hoofdstuk, name):
    figure = getattr(presentation, name)(hoofdstuk)
    assert_house_chart(figure)
    assert "pp-chart-" in figure._repr_mimebundle_()["text/html"]


def test_chart_budget_path_marks_interpolation(hoofdstuk):
    figure = presentation.chart_budget_path(hoofdstuk)
    assert set(figure.table["Soort"]) == {labels.PRINTED, labels.INTERPOLATION_MARK}
    assert "interpolatie" in str(figure.spec()["title"])
    assert "Tweede Kamer, 29 817, nr. 145" in figure.source_line


def test_chart_indications_table_has_computed_sum(hoofdstuk):
    table = presentation.chart_indications(hoofdstuk).table
    row = table.loc[table["Soort"] == "som van de delen"].iloc[0]
    assert row["Indicaties"] == 25821 and row["Herkomst"] == labels.COMPUTED


def test_chart_waiting_list_and_employees_tables(hoofdstuk):
    waiting = presentation.chart_waiting_list(hoofdstuk).table
    assert waiting["Personen"].tolist() == [21078, 15655]
    assert waiting["Moment"].tolist() == ["begin 2012", "eind 2012"]
    assert waiting["Berekening"].tolist() == ["eindstand 15.655 + daling 5.423", "–"]
    employees = presentation.chart_employees(hoofdstuk).table
    assert employees["Personen"].iloc[2] == 100_000
    assert employees["Herkomst"].tolist() == [labels.PRINTED, labels.PRINTED, labels.COMPUTED, labels.COMPUTED]


def test_printed_and_computed_bars_use_the_shared_legend(hoofdstuk):
    for make in (presentation.chart_waiting_list, presentation.chart_employees):
        bars = make(hoofdstuk).spec()["layer"][0]["encoding"]
        assert set(bars["color"]["scale"]["domain"]) == {labels.PRINTED, labels.COMPUTED}


def test_chart_outside_shares_table(hoofdstuk):
    table = presentation.chart_outside_shares(hoofdstuk).table
    assert table.loc[table["Jaar"] == "2015", "Procent"].tolist() == [38]
    assert table.loc[table["Jaar"] == "2011", "Stand"].tolist() == ["2011", "begin 2012"]


@pytest.mark.parametrize(
    "name", ["waiting_list_table", "supported_employment_table", "efficiency_cut_table", "money_table", "repeated_table"]
)
def test_tables_are_dutch_tables(hoofdstuk, name):
    table = getattr(presentation, name)(hoofdstuk)
    assert isinstance(table, tables.Table)
    assert not table.frame.empty
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_waiting_list_table_text(hoofdstuk):
    frame = presentation.waiting_list_table(hoofdstuk).frame
    assert frame["Berekening"].tolist() == ["eindstand + daling", "daling / 25,7%"]


def test_supported_employment_table_text(hoofdstuk):
    plain = presentation.supported_employment_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "2,26" in plain and "6,17" in plain and "nee" in plain and "ja" in plain
    assert "(6.325 / 6.185 − 1) × 100" in plain


def test_efficiency_cut_table_text(hoofdstuk):
    plain = presentation.efficiency_cut_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "circa € 500" in plain and "96.667" in plain


def test_money_table_flags_zembla_and_assumed_periods(hoofdstuk):
    frame = presentation.money_table(hoofdstuk).frame
    zembla = frame.loc[frame["Post"] == "Bezuiniging volgens Zembla"].iloc[0]
    assert zembla["Status"].startswith("bewering uit een tv-uitzending")
    assert zembla["Periode"] == "niet in de brief; aangenomen: vanaf 2015"
    kerstens = frame.loc[frame["Post"] == "Middelen motie Kerstens"]
    assert len(kerstens) == 2 and (kerstens["Periode"] == "niet in de brief; aangenomen: 2015").all()
    budget = frame.loc[frame["Post"] == "Wsw-middelen"]
    assert (budget["Status"] == "cijfer van het ministerie").all()


# --- analyses follow changed data -------------------------------------------------------------


def test_indications_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_indications", "2012", "6638", category="eerste_indicatie")
    changed = open_chapter(THEME, data_copy)
    assert analysis.indications_difference(changed.figures) == 0
    result = changed.checks().set_index("id")
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.EXACT
    assert prose.key_figures(changed)["wsw_ind_sum_2012"] == "25.823"


def test_supported_employment_check_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_supported_employment_places", "2012-01-01", "5956")
    changed = open_chapter(THEME, data_copy)
    result = changed.checks().set_index("id")
    assert result.loc["wsw-begeleid-werken-stijging-2012", "recomputed"] == pytest.approx(100 * (6325 / 5956 - 1))
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.ROUNDED


def test_budget_path_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_budget", "2018", "1600")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.budget_path(changed.figures).set_index("year")
    assert frame.loc[2018, "mln_euro"] == 1600
    assert frame.loc[2034, "mln_euro"] == pytest.approx(800)
    assert analysis.budget_linear_decline(changed.figures) == pytest.approx(50)


def test_efficiency_cut_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_efficiency_cut_total", "2020", "240")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.efficiency_cut(changed.figures).set_index("year")
    assert frame.loc["2020", "implied_employees"] == pytest.approx(80_000)


def test_waiting_list_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_waiting_list", "2012-12-31", "16000")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.waiting_list(changed.figures).set_index("date")
    assert frame.loc["2012-01-01", "persons"] == 16000 + 5423
    verdict = changed.checks().set_index("id").loc["wsw-wachtlijst-daling-pct-2012", "verdict"]
    assert verdict == checks.DISCREPANCY  # 5.423 / 21.423 = 25,3%, not 25,7%
