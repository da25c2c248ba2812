"""themes.bijstand_financiering on the bundled data and on changed copies: the analyses, checks, revisions, charts,
tables and glued texts; and the shared interval arithmetic as this chapter uses it.

Municipal editions and data with later letters: tests/test_bijstand_editions.py.
"""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.data.package import LETTERS_DIR
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.figures.rounding import Interval, printed_interval, rounding_margin
from participatie.presentation import labels
from participatie.presentation.formatting import bound_text, range_text
from participatie.themes.bijstand_financiering import THEME, analysis, presentation, prose

from helpers import assert_house_chart, read_rows, set_value


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def texts(hoofdstuk):
    return prose.key_figures(hoofdstuk)


def _edit(data_dir, match, value):
    """Change one figure in a copied data directory; its letter's page index goes, as the figure is no longer printed."""
    path = data_dir / f"{THEME.name}.csv"
    assert set_value(path, match, value) == 1
    [source_id] = {row["source_id"] for row in read_rows(path)[0] if all(row[k] == v for k, v in match.items())}
    (data_dir / LETTERS_DIR / f"{source_id}.json").unlink(missing_ok=True)


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    ["buig_results", "single_year_results", "participation_budget_parts", "target_group_shift", "benefit_corrections"],
)
def test_analysis_frames_have_snake_case_columns(f, name):
    frame = getattr(analysis, name)(f)
    assert all(re.fullmatch(r"[a-z_0-9]+", column) for column in frame.columns)


# --- interval arithmetic (figures.rounding, presentation.formatting) ---------------------------


def test_interval_arithmetic_widens_correctly():
    a, b = Interval(1, 2, 3), Interval(10, 20, 30)
    assert (a + b) == Interval(11, 22, 33)
    assert (b - a) == Interval(7, 18, 29)
    assert (a * b) == Interval(10, 40, 90)
    assert (b / a) == Interval(10 / 3, 10, 30)
    assert (5 - a) == Interval(2, 3, 4) and (a * 2) == Interval(2, 4, 6) and (6 / a) == Interval(2, 3, 6)
    assert a.width == 2 and a.contains(3) and not a.contains(3.1)


def test_interval_overlap_and_errors():
    assert Interval(1, 2, 3).overlap(Interval(2.5, 4, 5)) == (2.5, 3)
    assert Interval(1, 2, 3).overlap(Interval(4, 5, 6)) is None
    for divisor in (Interval(-1, 0, 1), Interval.exact(0), 0):  # a divisor that may be zero: no bounds
        assert (Interval(1, 2, 3) / divisor).undefined
    undefined = Interval.not_defined()
    assert (undefined + 1).undefined and (undefined * Interval(1, 2, 3)).undefined and (6 / undefined).undefined
    assert Interval(1, 2, 3).overlap(undefined) is None and range_text(undefined, "euro_mln") == "–"
    with pytest.raises(ValueError):
        Interval(1, math.nan, 3)
    with pytest.raises(ValueError):
        Interval(3, 2, 1)
    assert Interval.exact(4) == Interval(4, 4, 4) and Interval.around(10, 0.5) == Interval(9.5, 10, 10.5)


@pytest.mark.parametrize(
    "value, qualifier, margin",
    [
        (4.8, None, 0.05),
        (142, None, 0.5),
        (270, "circa", 5),
        (270, None, 0.5),
        (300, "circa", 50),
        (35, "circa", 0.5),
        (0.12, None, 0.005),
        (612.709, None, 0.0005),
        (5.8, None, 0.05),
    ],
)
def test_rounding_margin(value, qualifier, margin):
    assert rounding_margin(value, qualifier) == pytest.approx(margin)


def test_printed_interval_converts_miljard_to_miljoen(f):
    assert printed_interval(f, "buig_macro_budget", "2017") == Interval(5750, 5800, 5850)
    deficit = printed_interval(f, "buig_deficit", "2016")
    assert (deficit.low, deficit.high) == (265, 275)


def test_bound_and_range_text_round_outwards():
    assert bound_text(5463.9, 0, "low") == "5.463" and bound_text(5789.47, 0, "high") == "5.790"
    assert bound_text(5600.0, 0, "high") == "5.600"
    assert range_text(Interval(5463.9, 5625, 5789.47), "euro_mln") == "€ 5.463–5.790 mln"
    assert range_text(Interval(1.021, 1.03, 1.036), "euro", 2, joiner=" en ") == "€ 1,02 en 1,04"


# --- the macrobudget BUIG ---------------------------------------------------------------------


def test_buig_results_sign_convention_and_preliminary_mark(f):
    frame = analysis.buig_results(f)
    assert frame["result"].tolist() == [300, -270, -35]
    assert frame["kind"].tolist() == [analysis.SURPLUS, analysis.DEFICIT, analysis.DEFICIT]
    assert frame["cumulative"].tolist() == [False, False, True]
    assert frame["preliminary"].tolist() == [False, True, False]  # ek-33981-n p. 13: preliminary expenditure
    assert frame["share"].iloc[1] == 4.8 and frame["share"].iloc[2] == 0.12 and pd.isna(frame["share"].iloc[0])
    assert frame["period"].tolist() == ["2013", "2016", "2012/2016"]


def test_single_years_latest_and_summed_result(f):
    assert analysis.single_year_results(f)["period"].tolist() == ["2013", "2016"]
    latest = analysis.latest_result(f)
    assert (latest["period"], latest["result"], latest["source_id"]) == ("2016", -270, analysis.JUNE_2017)
    summed = analysis.cumulative_result(f)
    assert (summed["period"], summed["result"]) == ("2012/2016", -35)
    assert analysis.years_without_result(f, "2012/2016") == ["2012", "2014", "2015"]


def test_budget_2016_is_implied_by_the_2017_figures(f):
    budget = analysis.budget_2016(f)
    assert (budget.low, budget.mid, budget.high) == (5800 - 50 - 142.5, 5800 - 142, 5800 + 50 - 141.5)


def test_deficit_share_2016_and_its_range_over_the_rounding(f):
    share = analysis.deficit_share_2016(f)
    assert share == pytest.approx(100 * 270 / (5800 - 142))
    assert round(share, 1) == fig.value(f, "buig_deficit_share", "2016")
    spread = analysis.deficit_share_2016_range(f)
    assert spread.low == pytest.approx(100 * 265 / 5708.5) and spread.high == pytest.approx(100 * 275 / 5607.5)
    assert (round(spread.low, 1), round(spread.high, 1)) == (4.6, 4.9)


def test_a_budget_that_rounds_to_nothing_implies_no_budget_2016(data_copy):
    _edit(data_copy, {"indicator": "buig_macro_budget", "period": "2017"}, "0.1")
    changed = open_chapter(THEME, data_copy)
    assert analysis.budget_2016(changed.figures).undefined
    assert math.isnan(analysis.deficit_share_2016(changed.figures))
    assert prose.key_figures(changed)["bf_budget_2016"] == "–"
    assert "daaruit is geen macrobudget 2016 af te leiden" in prose.key_figures(changed)["bf_p_budget_2017"]


def test_the_deficit_share_check_rests_on_an_assumption(data_copy):
    _edit(data_copy, {"indicator": "buig_deficit_share", "period": "2016"}, "6.0")
    changed = open_chapter(THEME, data_copy)
    result = changed.checks().set_index("id")
    # Out of its tolerance, a check that rests on our assumption is no discrepancy in the letter.
    assert result.loc["bf-tekort-aandeel-2016", "verdict"] == checks.ASSUMPTION
    assert "afgeleid" in result.loc["bf-tekort-aandeel-2016", "assumption"]


# --- the participatiebudget ---------------------------------------------------------------------


def test_participation_budget_parts_add_up(f):
    frame = analysis.participation_budget_parts(f).set_index("year")
    assert frame.index.tolist() == ["2017", "2018", "2019", "2020", "2021"]
    for year in frame.index:
        parts = fig.value(f, "participation_budget", year, category="klassiek") + fig.value(
            f, "participation_budget", year, category="nieuw"
        )
        assert frame.loc[year, "sum"] == pytest.approx(parts)
    assert frame.loc["2021", "sum"] == pytest.approx(699.725) and frame.loc["2021", "printed_total"] == 699.724
    assert frame["margin"].tolist() == pytest.approx([0.001] * 5)
    assert frame["verdict"].tolist() == [checks.EXACT] * 4 + [checks.ROUNDED]
    assert set(frame["source_id"]) == {analysis.JUNE_2017} and set(frame["page"]) == {5}


def test_participation_budget_follows_changed_data(data_copy):
    _edit(data_copy, {"indicator": "participation_budget", "category": "klassiek", "period": "2021"}, "513.7")
    changed = open_chapter(THEME, data_copy)
    frame = analysis.participation_budget_parts(changed.figures).set_index("year")
    assert frame.loc["2021", "sum"] == pytest.approx(513.7 + 185.953)
    assert frame.loc["2021", "verdict"] == checks.DISCREPANCY
    verdicts = changed.checks().set_index("id")["verdict"]
    assert verdicts["bf-participatiebudget-som-2021"] == checks.DISCREPANCY and verdicts.iloc[0] == checks.DISCREPANCY
    text = prose.key_figures(changed)["bf_p_pb_sum"]
    assert "tellen niet in elk jaar op tot het gedrukte totaal" in text and "in 2021 € 0,071 mln" in text


def test_target_group_shift(f):
    frame = analysis.target_group_shift(f).set_index("year")
    assert frame.loc["2017", "new_share"] == pytest.approx(100 * 89.853 / 612.709)
    assert frame.loc["2021", "new_share"] == pytest.approx(100 * 185.953 / 699.725)
    assert frame.loc["2021", "classic_change"] == pytest.approx(513.772 - 522.856)
    assert frame.loc["2021", "new_growth"] == pytest.approx(185.953 - 145.183)
    assert pd.isna(frame.loc["2017", "new_growth"])
    assert frame["new_share"].is_monotonic_increasing


def test_flat_since():
    assert analysis.flat_since(pd.Series([522.856, 511.136, 513.779, 513.775, 513.772], index=list("abcde"))) == "b"
    assert analysis.flat_since(pd.Series([1.0, 2.0, 3.0, 4.0], index=list("abcd"))) is None
    assert analysis.flat_since(pd.Series([0.0, 0.0, 0.0], index=list("abc"))) == "a"
    assert analysis.flat_since(pd.Series([1.0, 5.0, 5.01], index=list("abc"))) is None  # one later value is no level


def test_newest_total_and_structural_level(f):
    total = analysis.newest_letter_total(f)
    assert (total["period"], total["value"], total["source_id"]) == ("2018", 622, analysis.JUNE_2018)
    level = analysis.structural_level(f)
    assert (level["period"], level["value"], level["unit"]) == ("2018/..", 1.2, "euro_mld")


# --- benefit levels -------------------------------------------------------------------------------


def test_benefit_corrections(f):
    frame = analysis.benefit_corrections(f).set_index("category")
    assert frame["months"].tolist() == [6, 6, 6, 6]
    assert frame.loc["aow_70", "overpaid_period"] == pytest.approx(6 * 0.72)
    assert frame.loc["bijstand_100", "rise"] == 5.33 and frame.loc["bijstand_100", "rise_qualifier"] == ""
    assert frame.loc["aow_50", "rise"] == 5.2 and frame.loc["aow_50", "rise_qualifier"] == "circa"
    assert frame.loc["aow_50", "scheme"] == "aow" and frame.loc["aow_50", "percentage"] == 50
    assert set(frame["overpaid_span"]) == {"2017-01/2017-06"} and set(frame["rise_period"]) == {"2017-07-01"}


# --- key figures and glued paragraphs ------------------------------------------------------------


def test_key_figures_are_dutch_text(hoofdstuk, texts):
    assert texts == hoofdstuk.key_figures()
    assert texts["bf_deficit_2016"] == "circa € 270 mln" and texts["bf_deficit_share_2016"] == "4,8%"
    assert texts["bf_budget_2016"] == "€ 5.658 mln" and texts["bf_deficit_cum_share"] == "0,12%"
    assert texts["bf_share_new_first"] == "14,7%" and texts["bf_share_new_last"] == "26,6%"
    assert texts["bf_classic_change"] == "€ 9,1 mln" and texts["bf_new_change"] == "€ 96,1 mln"
    assert texts["bf_over_aow_50"] == "€ 0,52" and texts["bf_rise_aow_70"] == "circa € 6,65"
    assert texts["bf_rise_aow_50"] == "circa € 5,20" and texts["bf_ioaz_norm_eerste"] == "€ 23.444"
    assert texts["bf_recipients"] == "474.000" and texts["bf_pp_other"] == "minder dan € 4.000"
    assert texts["bf_overpaid_max_period"] == "€ 4,32" and texts["bf_ioaz_years"] == "3 jaar"
    assert all(isinstance(v, str) and v for v in texts.values())
    assert all(k.startswith("bf_") for k in texts)


def test_every_number_bearing_paragraph_is_one_glued_text(texts):
    paragraphs = {k for k in texts if k.startswith("bf_p_")}
    assert paragraphs == {*prose.PARAGRAPHS, "bf_p_sources", "bf_p_checks", "bf_p_revisions"}
    assert all(texts[k] for k in paragraphs)


def test_texts_cite_letters_by_date_and_page_never_by_id(texts):
    every = " ".join(texts.values())
    assert not re.search(r"\b(?:tk|ek)-\d", every), "a raw letter id reaches the reader"
    assert "Eerste Kamer\\, 33 981\\, N, p. 13" in texts["bf_p_buig_2016"]
    assert "Eerste Kamer\\, 33 981\\, N, p. 14" in texts["bf_p_budget_2017"]
    assert "Tweede Kamer\\, 29 817\\, nr\\. 145, p. 7" in texts["bf_p_pb_2018"]
    assert "Tweede Kamer\\, 34 352\\, nr\\. 56, p. 3" in texts["bf_p_per_person"]
    assert not re.search(r"\bhet boek\b|\bje\b|\bjij\b", every, re.IGNORECASE)


def test_paragraphs_state_what_the_letters_state(texts):
    buig = texts["bf_p_buig_2016"]
    assert "voorlopige uitgaven over 2016" in buig and "circa € 270 mln" in buig and "4,8%" in buig
    assert "€ 85 mln in 2016 en € 90 mln in 2017" in buig and "maar beperkt gebruik" in buig
    years = texts["bf_p_buig_years"]
    assert "systematiek over de jaren heen goed werkt" in years and "Voor 2012, 2014 en 2015" in years
    budget = texts["bf_p_budget_2017"]
    assert "ruwweg € 5,7 mld (eigen berekening)" in budget and "€ 142 mln meer dan" in budget
    assert "€ 26 mln hoger geraamd" in budget and "staat in geen van de brieven" in budget
    table = texts["bf_p_pb_table"]
    assert "licht toe" in table and "daalt in 2018 tot € 511,136 mln en blijft daarna vrijwel gelijk" in table
    assert "2,1 keer zoveel (eigen berekening)" in table and "geraamde budgetten, niet om uitgaven" in table
    assert "in maart 2017 474.000 mensen" in table
    groups = texts["bf_p_pb_groups"]
    assert "niet geoormerkt" in groups and "€ 15,2 mln tot € 21,2 mln per jaar en in 2021 met € 40,8 mln" in groups
    assert "ging naar" not in groups
    assert "in 2021 op een afrondingsverschil van € 0,001 mln na" in texts["bf_p_pb_sum"]
    assert (
        "afronding, geen bijstelling" in texts["bf_p_pb_2018"] and "€ 1,2 mld per jaar, structureel" in texts["bf_p_pb_2018"]
    )
    assert "686" not in texts["bf_p_pb_2018"]  # the structural split was our own projection (dropped)
    assert "ten hoogste € 4,32 per persoon (eigen berekening)" in texts["bf_p_overpaid"]
    assert "niet gecorrigeerd" in texts["bf_p_overpaid"]
    assert "circa € 5,20 (bij 50%)" in texts["bf_p_rise"] and "Welk deel daarvan" in texts["bf_p_rise"]
    ioaz = texts["bf_p_ioaz"]
    assert "laatste 3 jaar" in ioaz and "€ 494 en € 868 hoger" in ioaz and "VNG en gemeenten" in ioaz
    assert "tussen 4,6% en 4,9% (eigen berekening)" in texts["bf_p_checks"]
    assert texts["bf_p_revisions"].startswith("Eén cijfer staat") and "afronding" in texts["bf_p_revisions"]


def test_the_finding_states_the_latest_result_and_its_letter(texts):
    finding = texts["bf_finding"]
    assert finding.startswith("Over 2016 was er volgens de brief van 30 juni 2017 landelijk een tekort van circa € 270 mln")
    assert "voorlopige uitgaven" in finding and "€ 622 mln in 2018" in finding and "brief van 15 juni 2018" in finding
    assert 2 <= len(re.findall(r"\.\s+(?=[A-Z])", finding)) + 1 <= 3
    assert r"(Eerste Kamer\, 33 981\, N, p. 13)" in finding and r"(Tweede Kamer\, 29 817\, nr\. 145, p. 7)." in finding


# --- checks and revisions -----------------------------------------------------------------------------


def test_checks_of_the_theme(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert len(result) == len(THEME.checks) == 6
    assert (result["verdict"] != checks.DISCREPANCY).all()
    assert result.loc["bf-participatiebudget-som-2021", "verdict"] == checks.ROUNDED
    assert result.loc["bf-participatiebudget-som-2019", "verdict"] == checks.EXACT
    assert result.loc["bf-tekort-aandeel-2016", "verdict"] == checks.ROUNDED
    assert result.loc["bf-tekort-aandeel-2016", "assumption"]
    # A comparison between two letters is a revision, not a cross-check.
    assert "bf-participatiebudget-2018-brief-2018" not in result.index


def test_the_2018_total_is_a_rounding_between_two_letters(hoofdstuk):
    changed = hoofdstuk.revisions()
    assert set(changed["period"]) == {"2018"} and set(changed["kind"]) == {"rounding"}
    assert sorted(changed["value"]) == [622, 622.149]


# --- charts and tables ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["chart_buig_results", "chart_participation_budget"])
def test_charts_follow_the_house_rules(hoofdstuk, name):
    figure = getattr(presentation, name)(hoofdstuk)
    assert_house_chart(figure)
    assert all(", p. " in cell for cell in figure.table["Bron"])  # every value names its letter and page


def test_chart_buig_results_draws_single_years_with_the_preliminary_one_marked(hoofdstuk):
    figure = presentation.chart_buig_results(hoofdstuk)
    assert figure.table["Periode"].tolist() == ["2013", "2016 (voorlopig)"]
    assert figure.table["Status"].tolist() == ["–", "voorlopig"]
    assert "opgeteld" not in " ".join(figure.table["Periode"])
    spec = figure.spec()
    assert "2016 voorlopig" in spec["title"]["subtitle"] and "?" not in spec["title"]["text"]
    assert "Niet getekend: het opgetelde resultaat over 2012–2016" in spec["description"]


def test_chart_participation_budget_has_no_structural_rule(hoofdstuk):
    figure = presentation.chart_participation_budget(hoofdstuk)
    spec = figure.spec()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert "rule" not in marks
    assert "Geraamde bedragen" in spec["title"]["subtitle"] and "meicirculaire 2017" in spec["title"]["subtitle"]
    assert list(figure.table.columns) == ["Jaar", "Klassiek", "Nieuw", "Totaal (brief)", "Som (eigen berekening)", "Bron"]
    assert figure.table["Som (eigen berekening)"].tolist() == pytest.approx(
        analysis.participation_budget_parts(hoofdstuk.figures)["sum"].tolist()
    )


def _plain(table):
    return table._repr_mimebundle_()["text/plain"]


def test_benefit_corrections_table_marks_our_computation(hoofdstuk):
    table = presentation.benefit_corrections_table(hoofdstuk)
    assert list(table.frame.columns) == [
        "Uitkering",
        "Te veel per maand, januari–juni 2017 (brief)",
        "Te veel over 6 maanden (eigen berekening)",
        "Stijging per maand per 1 juli 2017 (brief)",
    ]
    text = _plain(table)
    assert "€ 4,32" in text and "circa € 5,20" in text and "AOW, 50%" in text and "omgerekend" not in text


def test_other_figures_table_uses_the_shared_shape(hoofdstuk):
    table = presentation.other_figures_table(hoofdstuk)
    assert list(table.frame.columns) == [labels.COLUMN_TEXT[c] for c in ("label", "period_label", "value", "note", "letter")]
    text = _plain(table)
    assert "474.000" in text and "€ 114 mln" in text and "minder dan € 4.000" in text and "(per jaar)" in text
    assert "30 juni 2017, p. 5" in text and "vanaf 2015 (structureel)" in text.split("Aangenomen")[1]
    assert "Re-integratiebudget per persoon (intensieve begeleiding)" in text
    per_person = table.frame.loc[table.frame[labels.COLUMN_TEXT["label"]].str.startswith("Re-integratiebudget")]
    assert set(per_person[labels.COLUMN_TEXT["period_label"]]) == {"2015"}  # at the introduction, not 'structureel'
    assert table.caption.startswith("Bron: ")
