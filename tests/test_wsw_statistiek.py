"""themes.wsw_statistiek: the analyses, checks, charts, tables and glued texts, on the bundled data and on changed copies.

Municipal editions are tested in test_wsw_municipal.py; values from letters newer than the text here.
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
from participatie.presentation import charts as house
from participatie.presentation import labels, tables
from participatie.themes.wsw_statistiek import THEME, analysis, presentation, prose
from participatie.themes.wsw_statistiek.labels import EXPECTED_TEXT, stock_moment
from participatie.themes.wsw_statistiek.sentences import printed_decimals, when

from conftest import CHAPTERS
from helpers import LATER_LETTERS, add_later_letters, assert_house_chart, glued, papermill, read_rows, set_value, write_rows

CHARTS = ["chart_indications", "chart_waiting_list", "chart_seconded_share", "chart_regular_share", "chart_budget"]
TABLES = ["supported_employment_table", "efficiency_cut_table", "money_table", "repeated_table"]


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def figures(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def texts(hoofdstuk):
    return prose.key_figures(hoofdstuk)


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
    ["indications", "waiting_list", "workforce", "supported_employment_readings", "budget", "efficiency_cut",
     "money_figures", "repeated_figures"],
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


def test_indications_difference_is_two(figures):
    assert analysis.indications_difference(figures) == 2 == analysis.indications_difference(figures, "2012")


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


def test_stock_moment_and_sentence_pieces():
    assert [stock_moment(p) for p in ("2012-01-01", "2012-12-31", "2015", "2020/..")] == [
        "begin 2012",
        "eind 2012",
        "2015",
        "vanaf 2020 (structureel)",
    ]
    assert [when(p) for p in ("2012", "2012-01-01", "2012-12-31", "2017-03-28")] == [
        "in 2012",
        "begin 2012",
        "eind 2012",
        "op 28 maart 2017",
    ]
    assert (printed_decimals(25.7), printed_decimals(15655), printed_decimals(0.05)) == (1, 0, 2)


# --- the glued texts ----------------------------------------------------------------------------


def test_key_figures_are_the_chapter_paragraphs_and_the_finding(hoofdstuk, texts):
    assert texts == hoofdstuk.key_figures()
    assert all(name.startswith("wsw_") for name in texts)
    assert set(prose.PARAGRAPHS) | {"wsw_finding"} <= set(texts)
    notebook = (CHAPTERS / "wsw_statistiek.ipynb").read_text(encoding="utf-8")
    used = set(re.findall(r"\{glue:md\}`(wsw_[a-z_]+)`", notebook))
    assert used == set(prose.PARAGRAPHS)
    # Names other pages glue (the introduction) stay available.
    assert (texts["wsw_budget_2018"], texts["wsw_budget_2050"]) == ("€ 1.921 mln", "€ 0 mln")
    assert (texts["wsw_bw_rise_printed"], texts["wsw_bw_rise_recomputed"]) == ("6,2%", "2,3%")


def test_paragraphs_cite_letters_and_mark_our_computations(texts):
    ref126 = "Tweede Kamer\\, 29 817\\, nr\\. 126, p. 4"
    assert ref126 in texts["wsw_p_indications"] and "27.607 in 2011 en 25.823 in 2012" in texts["wsw_p_indications"]
    assert "1.784 minder (6,5%; eigen berekening)" in texts["wsw_p_indications"]
    assert "74% van het totaal (eigen berekening)" in texts["wsw_p_indications"]
    assert "25.821 (eigen berekening), 2 minder dan het gedrukte totaal van 25.823" in texts["wsw_p_indications_sum"]
    assert "geen vastgestelde fout" in texts["wsw_p_indications_sum"]
    assert "waarschijnlijk gedaald" in texts["wsw_p_indications_cause"]  # the letter's hedge is kept
    assert "«Wsw statistiek 2010»" in texts["wsw_p_indications_cause"]
    assert (
        "21.078 (eigen berekening" in texts["wsw_p_waiting"]
        and "afgerond 25,7% (eigen berekening)" in texts["wsw_p_waiting"]
    )
    assert "321 meer (0,3%; eigen berekening)" in texts["wsw_p_workforce"] and "onze lezing" in texts["wsw_p_workforce"]
    assert "2,7 procentpunt meer (eigen berekening)" in texts["wsw_p_seconded"]
    assert "2,3%" in texts["wsw_p_supported"] and "6,2% (eigen berekening)" in texts["wsw_p_supported"]
    assert "Welke lezing de brief bedoelt, blijkt er niet uit" in texts["wsw_p_supported"]
    assert "34% in 2014 en 38% in 2015" in texts["wsw_p_regular"] and "4 procentpunt meer" in texts["wsw_p_regular"]
    assert "p. 8–9" in texts["wsw_p_kerstens"] and "telkens even hoog" in texts["wsw_p_kerstens"]
    assert "geen cijfer van het ministerie" in texts["wsw_p_zembla"]


def test_money_paragraphs_state_the_rules_as_the_letters_do(texts):
    budget = texts["wsw_p_budget"]
    assert "€ 1.921 mln in 2018" in budget and "nul in 2050" in budget
    assert "verwachting, geen vastgesteld budget" in budget and "niet geoormerkt" in budget
    assert "tussenliggende jaren geeft de brief niet" in budget
    cut = texts["wsw_p_cut"]
    assert "2015 tot en met 2020" in cut and "circa € 500 in 2015 en € 3.000 in 2020" in cut
    assert "€ 50 mln in 2015 en € 290 mln in 2020, telkens per jaar" in cut and "p. 7–8" in cut
    assert "circa € 22.700, structureel vanaf 2020" in cut and "jaarbedrag" in cut
    assert "voorlopige cijfers" in texts["wsw_p_volume"] and "Ook in 2015" in texts["wsw_p_volume"]


def test_no_text_draws_quotients_interpolations_or_guesses(texts):
    joined = " ".join(texts.values())
    for gone in ("96.7", "96.666", "100.000", "interpolatie", "€ 60 mln", "Deel je", "het boek", "kennelijk",
                 "lijkt een vergissing", "aangenomen: ", "gewone werkgever", "minder mensen zich aanmeldden"):  # fmt: skip
        assert gone not in joined, gone
    assert not re.search(r"\bje\b", joined)


def test_the_finding_states_the_latest_count_and_the_money(texts):
    finding = texts["wsw_finding"]
    assert "eind 2012: 102.445, volgens de brief van 12 juli 2013" in finding
    assert "€ 1.921 mln in 2018" in finding and "tot nul in 2050" in finding and "naar verwachting" in finding
    sentences = re.split(r"(?<=[a-z)])\.(?:\s+|$)", re.sub(r"\b(?:nr\\?|p)\.", "", finding))
    assert 2 <= len([s for s in sentences if s]) <= 3


def test_the_checks_paragraph_names_each_assumption(texts):
    text = texts["wsw_p_checks"]
    assert "berusten er 2 op zo'n aanname" in text
    for check in THEME.checks:
        if check.assumption:
            assert check.assumption in text
    assert "Geen enkel Wsw-cijfer staat met verschillende waarden" in texts["wsw_p_revisions"]
    assert "«Middelen motie Kerstens»" in texts["wsw_p_revisions"]


# --- checks ----------------------------------------------------------------------------------


def test_checks_verdicts(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert (
        set(result.index)
        == {c.id for c in THEME.checks}
        == {"wsw-indicaties-totaal-2012", "wsw-wachtlijst-daling-pct-2012", "wsw-begeleid-werken-stijging-2012"}
    )
    # Both differences rest on an assumption the letter does not make: no discrepancy in the letter.
    assert result.loc["wsw-indicaties-totaal-2012", "verdict"] == checks.ASSUMPTION
    assert result.loc["wsw-indicaties-totaal-2012", "recomputed"] == 25821
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.ASSUMPTION
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "verdict"] == checks.ROUNDED
    assert result.loc["wsw-wachtlijst-daling-pct-2012", "recomputed"] == pytest.approx(100 * 5423 / 21078)
    assert (result["verdict"] != checks.DISCREPANCY).all()


# --- charts and tables -----------------------------------------------------------------------


@pytest.mark.parametrize("name", CHARTS)
def test_charts_follow_the_house_rules_and_name_letter_and_page(hoofdstuk, name):
    figure = getattr(presentation, name)(hoofdstuk)
    assert_house_chart(figure)
    assert "pp-chart-" in figure._repr_mimebundle_()["text/html"]
    assert figure.table["Bron"].str.contains(r", p\. \d").all()
    assert "Bron" in str(figure.spec())  # every tooltip names the letter and page
    assert labels.NEWER_LETTER not in str(figure.spec())  # the bundled data hold no letter newer than the text


def test_chart_indications_marks_the_sum_as_ours(hoofdstuk):
    figure = presentation.chart_indications(hoofdstuk)
    row = figure.table.loc[figure.table["Soort"] == "som van de soorten"].iloc[0]
    assert row["Indicaties"] == 25821 and row["Herkomst"] == labels.COMPUTED
    assert row["Bron"].startswith(f"{labels.COMPUTED} uit: Tweede Kamer, 29 817, nr. 126")
    assert "som: 25.821 (eigen berekening)" in str(figure.spec())
    assert "twee minder" not in str(figure.spec()["title"])


def test_chart_waiting_list_draws_the_computed_start_as_computed(hoofdstuk):
    figure = presentation.chart_waiting_list(hoofdstuk)
    table = figure.table
    assert table["Personen"].tolist() == [21078, 15655] and table["Moment"].tolist() == ["begin 2012", "eind 2012"]
    assert table["Berekening"].tolist() == ["eindstand 15.655 + daling 5.423", "–"]
    assert table["Herkomst"].tolist() == [labels.COMPUTED, labels.PRINTED]
    color = figure.spec()["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(color["domain"], color["range"])) == {labels.PRINTED: house.PRIMARY, labels.COMPUTED: house.MUTED}


def test_the_two_shares_are_two_charts_of_printed_figures(hoofdstuk):
    seconded = presentation.chart_seconded_share(hoofdstuk).table
    regular = presentation.chart_regular_share(hoofdstuk).table
    assert seconded["Periode"].tolist() == ["2011", "2012"] and regular["Periode"].tolist() == ["2014", "2015"]
    assert set(seconded["Herkomst"]) == set(regular["Herkomst"]) == {labels.PRINTED}
    assert regular["Bron"].tolist() == ["Tweede Kamer, 34 352, nr. 56 (21 april 2017), p. 1"] * 2


def test_chart_budget_draws_two_points_and_no_line(hoofdstuk):
    figure = presentation.chart_budget(hoofdstuk)
    assert figure.table["Jaar"].tolist() == ["2018", "2050"]
    assert figure.table["Herkomst"].tolist() == [labels.PRINTED, EXPECTED_TEXT]
    spec = figure.spec()
    assert "line" not in str([layer["mark"] for layer in spec["layer"]])
    assert "interpolatie" not in str(spec) and "verwachting 2050" in str(spec)
    assert "Tweede Kamer, 29 817, nr. 145" in figure.source_line


@pytest.mark.parametrize("name", TABLES)
def test_tables_are_dutch_tables(hoofdstuk, name):
    table = getattr(presentation, name)(hoofdstuk)
    assert isinstance(table, tables.Table) and not table.frame.empty
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_supported_employment_table_text(hoofdstuk):
    plain = presentation.supported_employment_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "groei van het aantal plaatsen" in plain and "(6.325 / 6.185 − 1) × 100" in plain
    assert "2,3" in plain and "6,2" in plain and "2,26" not in plain and "nee" in plain and "ja" in plain
    assert "eigen berekening" in plain and "zoals de brief het noemt" not in plain


def test_efficiency_cut_table_text(hoofdstuk):
    frame = presentation.efficiency_cut_table(hoofdstuk).frame
    assert frame.columns.tolist() == ["Jaar", "Korting per Wsw-er", "Korting op de totale Wsw-middelen, per jaar", "Bron"]
    assert frame["Korting per Wsw-er"].tolist() == ["circa € 500", "€ 3.000"]
    assert frame["Bron"].iloc[0].endswith("p. 7") and frame["Bron"].iloc[1].endswith("p. 7 (totaal: p. 8)")


def test_money_table_periods_and_statuses(hoofdstuk):
    frame = presentation.money_table(hoofdstuk).frame
    zembla = frame.loc[frame["Post"] == "Bezuiniging volgens Zembla"].iloc[0]
    assert zembla["Status"].startswith("bewering uit een tv-uitzending") and zembla["Periode"] == "niet genoemd"
    kerstens = frame.loc[frame["Post"] == "Middelen motie Kerstens"]
    assert len(kerstens) == 2 and (kerstens["Periode"] == "niet genoemd").all()
    budget = frame.loc[frame["Post"] == "Wsw-middelen"]
    assert budget["Status"].tolist() == ["cijfer van het ministerie", "verwachting in de brief"]
    assert "Efficiencykorting op de totale Wsw-middelen (per jaar)" in set(frame["Post"])
    assert frame["Bron"].str.contains(r", p\. \d$").all()
    assert frame["Post"].tolist()[0] == "Wsw-middelen" and frame["Post"].tolist()[-1] == "Bezuiniging volgens Zembla"


def test_repeated_table_shows_no_assumed_period(hoofdstuk):
    frame = presentation.repeated_table(hoofdstuk).frame
    assert frame["Periode"].tolist() == ["niet genoemd", "niet genoemd"] and frame["Gelijk in alle brieven"].all()
    assert frame["Soort verschil"].tolist() == ["–", "–"] and hoofdstuk.revisions().empty
    assert not hasattr(presentation, "revisions_table")  # no empty table: the paragraph says there are no revisions


# --- analyses follow changed data -------------------------------------------------------------


def test_indications_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_indications", "2012", "6638", category="eerste_indicatie")
    changed = open_chapter(THEME, data_copy)
    assert analysis.indications_difference(changed.figures) == 0
    assert changed.checks().set_index("id").loc["wsw-indicaties-totaal-2012", "verdict"] == checks.EXACT
    assert "precies het gedrukte totaal" in prose.key_figures(changed)["wsw_p_indications_sum"]


def test_supported_employment_check_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_supported_employment_places", "2012-01-01", "5956")
    changed = open_chapter(THEME, data_copy)
    result = changed.checks().set_index("id")
    assert result.loc["wsw-begeleid-werken-stijging-2012", "recomputed"] == pytest.approx(100 * (6325 / 5956 - 1))
    assert result.loc["wsw-begeleid-werken-stijging-2012", "verdict"] == checks.ROUNDED


def test_waiting_list_follows_changed_data(data_copy):
    _set_value(data_copy, "wsw_waiting_list", "2012-12-31", "16000")
    changed = open_chapter(THEME, data_copy)
    assert analysis.waiting_list(changed.figures).set_index("date").loc["2012-01-01", "persons"] == 16000 + 5423
    verdict = changed.checks().set_index("id").loc["wsw-wachtlijst-daling-pct-2012", "verdict"]
    assert verdict == checks.DISCREPANCY  # 5.423 / 21.423 = 25,3%, not 25,7%: no assumption behind this one
    assert "past niet bij die beginstand" in prose.key_figures(changed)["wsw_p_waiting"]


def test_a_revision_shows_in_the_table_and_the_text_with_its_kind(data_copy):
    path = data_copy / "wsw_statistiek.csv"
    rows, fields = read_rows(path)
    [later] = [r for r in rows if r["indicator"] == "motie_kerstens_funds" and r["source_id"] == analysis.JUNE_2018]
    later["value"] = "35"
    write_rows(path, rows, fields)
    (data_copy / LETTERS_DIR / f"{analysis.JUNE_2018}.json").unlink()
    changed = open_chapter(THEME, data_copy)
    frame = presentation.repeated_table(changed).frame
    assert frame["Soort verschil"].tolist() == ["tegenstrijdig", "tegenstrijdig"]
    assert not frame["Gelijk in alle brieven"].any()
    text = prose.key_figures(changed)
    assert (
        text["wsw_p_revisions"].startswith("1 Wsw-cijfer staat met verschillende waarden")
        and "tegenstrijdig" in text["wsw_p_revisions"]
    )
    assert "niet overal even hoog" in text["wsw_p_kerstens"]


def test_directions_follow_changed_data(data_copy):
    _set_value(data_copy, "wsw_employees", "2012-12-31", "101000")
    _set_value(data_copy, "wsw_regular_employer_share", "2015", "30")
    changed = prose.key_figures(open_chapter(THEME, data_copy))
    assert "1.124 minder (1,1%; eigen berekening)" in changed["wsw_p_workforce"]
    assert "4 procentpunt minder" in changed["wsw_p_regular"]


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
    texts = prose.key_figures(newer)
    letter, ref = "de brief van 20 november 2019", "Tweede Kamer\\, 34 352\\, nr\\. 189, p. 2"
    assert "38% in 2015 volgens de brief van 21 april 2017" in texts["wsw_p_regular"]
    assert f"41% in 2016 volgens {letter} ({ref})" in texts["wsw_p_regular"]
    assert "De brief geeft dit cijfer direct na" not in texts["wsw_p_regular"]  # that sentence is about April 2017
    assert f"eind 2018: 80.000, volgens {letter}" in texts["wsw_finding"] and "€ 1.850 mln in 2019" in texts["wsw_finding"]
    assert f"volgens {letter} € 1.850 mln in 2019" in texts["wsw_p_budget"]
    assert "Na de telling eind 2018" in texts["wsw_p_unsaid_staff"]
    regular = presentation.chart_regular_share(newer)
    assert regular.table["Periode"].tolist() == ["2014", "2015", "2016"]
    assert regular.table["Herkomst"].tolist() == [labels.PRINTED, labels.PRINTED, labels.NEWER_LETTER]
    assert labels.NEWER_LETTER in regular.spec()["description"]
    budget = presentation.chart_budget(newer)
    assert budget.table["Jaar"].tolist() == ["2018", "2019", "2050"]
    assert budget.table["Herkomst"].tolist()[1] == labels.NEWER_LETTER
    for name in CHARTS:
        assert_house_chart(getattr(presentation, name)(newer))
    for name in TABLES:
        getattr(presentation, name)(newer)
    assert "Nieuwere cijfers" in newer.edition_note().data


def test_the_fixture_letters_leave_the_chapter_as_it_is(data_copy, texts):
    add_later_letters(data_copy)  # they hold no Wsw figures
    later = open_chapter(THEME, data_copy)
    assert prose.key_figures(later) == texts and later.edition_note() is None


@pytest.mark.slow
def test_papermill_on_a_newer_letter(unindexed_data_copy, tmp_path):
    _add_newer_wsw_rows(unindexed_data_copy)
    out = tmp_path / "wsw_statistiek.ipynb"
    result = papermill(str(CHAPTERS / "wsw_statistiek.ipynb"), str(out), data_dir=str(unindexed_data_copy))
    assert result.returncode == 0, result.stderr[-3000:]
    run = glued(nbformat.read(out, as_version=4))
    assert "41% in 2016" in run["wsw_p_regular"] and "20 november 2019" in run["wsw_p_regular"]
