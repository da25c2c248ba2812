"""themes.bijstand_financiering on the bundled data and on changed copies: the analyses, checks, revisions, charts,
tables, the facts the text file needs, and the rules its rendered text keeps; and the shared interval arithmetic
as this chapter uses it.

The words themselves are in chapters/bijstand_financiering.tekst.md and .labels.yml; the text snapshots
(tests/snapshots, `python -m participatie texts --check`) say when a word changes. Municipal editions and data
with later letters: tests/test_bijstand_editions.py.
"""

from __future__ import annotations

import math
import re

import nbformat
import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.data.package import LETTERS_DIR
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.figures.facts import Figure, Letter
from participatie.figures.rounding import Interval, printed_interval, rounding_margin
from participatie.presentation import labels, vocabulary
from participatie.presentation import text as engine
from participatie.themes.bijstand_financiering import THEME, analysis, charts, tables
from participatie.themes.bijstand_financiering.facts import facts
from participatie.tools.texts import GLUE

from conftest import CHAPTERS, REPO
from helpers import assert_house_chart, plain, read_rows, set_value, walk

JUNE_2017, JUNE_2018, APRIL_2017 = "ek-33981-n", "tk-29817-145", "tk-34352-56"


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(hoofdstuk):
    return hoofdstuk.figures


@pytest.fixture(scope="module")
def feiten(hoofdstuk):
    return hoofdstuk.facts


@pytest.fixture(scope="module")
def texts(hoofdstuk):
    """The rendered blocks as a reader reads them (Markdown escapes resolved)."""
    return {name: plain(text) for name, text in hoofdstuk.text().items()}


def _edit(data_dir, match, value):
    """Change one figure in a copied data directory; its letter's page index goes, as the figure is no longer printed."""
    path = data_dir / f"{THEME.name}.csv"
    assert set_value(path, match, value) == 1
    [source_id] = {row["source_id"] for row in read_rows(path)[0] if all(row[k] == v for k, v in match.items())}
    (data_dir / LETTERS_DIR / f"{source_id}.json").unlink(missing_ok=True)


def cited_pages(text: str, found: Letter) -> set[int] | None:
    """Return the pages a text cites for a letter by its Kamerstuk, '(Eerste Kamer, 33 981, N, p. 13)' (None: not cited)."""
    pattern = re.escape(f"{found.chamber}, {found.reference}") + r", p\. ([\d–, en]+?)[;)]"
    spans = re.findall(pattern, text)
    if not spans:
        return None
    return set(vocabulary.page_numbers([part for span in spans for part in re.split(r", | en ", span)]))


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


def test_interval_errors():
    for divisor in (Interval(-1, 0, 1), Interval.exact(0), 0):  # a divisor that may be zero: no bounds
        assert (Interval(1, 2, 3) / divisor).undefined
    undefined = Interval.not_defined()
    assert (undefined + 1).undefined and (undefined * Interval(1, 2, 3)).undefined and (6 / undefined).undefined
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


def test_buig_results_sign_convention_and_preliminary_mark(f):
    frame = analysis.buig_results(f)
    assert frame["result"].tolist() == [300, -270, -35]
    assert frame["kind"].tolist() == [analysis.SURPLUS, analysis.DEFICIT, analysis.DEFICIT]
    assert frame["cumulative"].tolist() == [False, False, True]
    assert frame["preliminary"].tolist() == [False, True, False]  # ek-33981-n p. 13: preliminary expenditure
    assert frame["share"].iloc[1] == 4.8 and frame["share"].iloc[2] == 0.12 and pd.isna(frame["share"].iloc[0])
    assert frame["period"].tolist() == ["2013", "2016", "2012/2016"]


def test_single_years_latest_focus_and_summed_result(f):
    assert analysis.single_year_results(f)["period"].tolist() == ["2013", "2016"]
    latest = analysis.latest_result(f)
    assert (latest["period"], latest["result"], latest["source_id"]) == ("2016", -270, analysis.JUNE_2017)
    focus = analysis.focus_result(f)
    assert (focus["period"], focus["source_id"]) == analysis.FOCUS == ("2016", JUNE_2017)
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
    assert changed.facts["budget_2016"] is None and changed.facts["budget_2017"].value == 0.1
    assert changed.facts["deficit_share_low"] is None  # no range of the recomputed share either
    said = plain(changed.text()["bf_budget_2017"])
    assert "€ 0,1 mld" in said and "–" not in said and not re.search(r"\bnan\b", said.lower())  # 'financiële' is no NaN


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
    [gap] = changed.facts["sum_discrepancies"]
    assert gap["year"] == "2021" and gap["gap"] == pytest.approx(0.071) and changed.facts["sum_roundings"] == []
    assert vocabulary.value(gap["gap"], "euro_mln", 3) in plain(changed.text()["bf_pb_sum"])  # the text states the gap


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


# --- the facts the text needs ------------------------------------------------------------------------


def test_facts_are_the_chapters_facts_and_hold_no_words(hoofdstuk, feiten):
    common = {"municipal": False, "place": None, "code": None, "synthetic": False}
    assert feiten == common | {"letters": hoofdstuk.finder.letters, "labels": hoofdstuk.labels} | facts(hoofdstuk)
    for name, value in facts(hoofdstuk).items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        for item in walk(value):
            # Text in the facts is an ISO period, a year or a code; the data's own words aside: a revised figure's
            # name, and the surname of a letter's sender (sources.csv).
            data_words = {r["label"] for r in feiten["revisions"]} | set(feiten["senders"].values())
            if isinstance(item, str) and item not in data_words:
                assert re.fullmatch(r"[\w./\-]+", item), (name, item)


def test_facts_of_the_results_on_the_macrobudget(feiten):
    focus = feiten["focus_result"]
    assert (focus["figure"].value, focus["figure"].qualifier, focus["figure"].period) == (270, "circa", "2016")
    assert (focus["result"], focus["deficit"], focus["share"], focus["preliminary"]) == (-270, True, 4.8, True)
    assert (focus["figure"].letter.id, focus["figure"].page) == (JUNE_2017, 13)
    assert feiten["latest_result"] == focus and feiten["newest_result"] is None  # the latest is the one explained
    [surplus] = feiten["other_results"]
    assert (surplus["figure"].period, surplus["result"], surplus["deficit"], surplus["share"]) == ("2013", 300, False, None)
    summed = feiten["summed_result"]
    assert (summed["figure"].period, summed["result"], summed["share"], summed["figure"].page) == (
        "2012/2016",
        -35,
        0.12,
        13,
    )
    assert feiten["summed_missing_years"] == ["2012", "2014", "2015"]
    assert [(a.value, a.period, a.page) for a in feiten["advances"]] == [(85, "2016", 13), (90, "2017", 13)]


def test_facts_of_the_macrobudget_2017(feiten):
    budget = feiten["budget_2017"]
    assert (budget.value, budget.unit, budget.letter.id, budget.page) == (5.8, "euro_mld", JUNE_2017, 14)
    assert feiten["budget_increase"].value == 142 and feiten["budget_revision"].value == 26
    implied = feiten["budget_2016"]
    assert implied.value == pytest.approx((5800 - 142) / 1000) and implied.unit == "euro_mld" and implied.letter is None
    assert feiten["budget_2016_decimals"] == 1  # as precise as the printed 5,8
    assert feiten["budget_2017_later"] is None  # the definitive budget 2017 is in none of the letters


def test_facts_of_the_participatiebudget(feiten):
    assert (feiten["pb_first_year"], feiten["pb_last_year"]) == ("2017", "2021")
    assert (feiten["pb_start"], feiten["pb_end"]) == (612.709, 699.724)  # the printed totals
    assert [x.id for x in feiten["pb_letters"]] == [JUNE_2017] and feiten["pb_from_june_2017"]
    assert [(c["letter"].id, c["page"]) for c in feiten["pb_citations"]] == [(JUNE_2017, 5)]
    # The classic part falls to 2018 and stays level after; the new part rises 2,1-fold.
    assert feiten["classic_first"] > feiten["classic_flat_value"] == 511.136
    assert (feiten["classic_flat_year"], feiten["classic_flat_second"]) == ("2018", True)
    assert feiten["new_factor"] == pytest.approx(185.953 / 89.853)
    assert feiten["sum_checked"] and feiten["sum_discrepancies"] == []
    assert [(g["year"], round(g["gap"], 3)) for g in feiten["sum_roundings"]] == [("2021", 0.001)]
    assert (round(feiten["share_new_first"], 1), round(feiten["share_new_last"], 1)) == (14.7, 26.6)
    assert feiten["classic_change"] == pytest.approx(-9.084) and feiten["new_change"] == pytest.approx(96.1)
    assert (feiten["growth_until"], feiten["growth_last_year"]) == ("2020", "2021")
    assert (round(feiten["growth_small"], 1), round(feiten["growth_large"], 1), round(feiten["growth_last"], 1)) == (
        15.2,
        21.2,
        40.8,
    )
    assert feiten["growth_rising"] and not feiten["growth_falling"] and feiten["growth_unusual"]


def test_facts_of_the_reintegration_money(feiten):
    total, level = feiten["reintegration_total"], feiten["structural_level"]
    assert (total.value, total.period, total.letter.id, total.page) == (622, "2018", JUNE_2018, 7)
    assert (level.value, level.unit, level.period, level.letter.id) == (1.2, "euro_mld", "2018/..", JUNE_2018)
    assert feiten["structural_rises"]  # € 1,2 mld is more than € 622 mln
    earlier = feiten["total_revision"]
    assert (earlier["figure"].value, earlier["figure"].letter.id, earlier["figure"].page) == (622.149, JUNE_2017, 5)
    assert earlier["kind"] == "rounding" and earlier["from_table"]
    recipients = feiten["recipients"]
    assert (recipients.value, recipients.period, recipients.letter.id, recipients.page) == (474000, "2017-03", JUNE_2017, 5)
    assert feiten["inflow"].value == 10000 and feiten["inflow"].period == "2015/.."
    intensive, other = feiten["per_person_intensive"], feiten["per_person_other"]
    assert (intensive.value, intensive.qualifier, intensive.letter.id, intensive.page) == (4000, "circa", APRIL_2017, 3)
    assert (other.value, other.qualifier) == (4000, "minder_dan")
    assert (feiten["esf_first"].value, feiten["esf_first"].period) == (114, "2014/2016")


def test_facts_of_the_benefit_levels_and_the_ioaz(feiten):
    assert (feiten["overpaid_span"], feiten["overpaid_months"], feiten["overpaid_most"]) == ("2017-01/2017-06", 6, 4.32)
    schemes = {s["scheme"]: s for s in feiten["overpaid_by_scheme"]}
    assert list(schemes) == ["aow", "bijstand"]
    assert [(x["amount"].value, x["percentage"]) for x in schemes["aow"]["levels"]] == [(0.52, 50), (0.72, 70)]
    assert (feiten["overpaid_cited"].letter.id, feiten["overpaid_cited"].page) == (JUNE_2017, 15)
    assert feiten["rise_period"] == "2017-07-01"
    rises = {s["scheme"]: s for s in feiten["rise_by_scheme"]}
    assert rises["aow"]["total"] == pytest.approx(5.2 + 6.65) and rises["aow"]["levels"][0]["amount"].qualifier == "circa"
    assert [n.value for n in feiten["ioaz_norms"]] == [23444, 24362]
    assert [n.value for n in feiten["ioaz_corrections"]] == [494, 868] and feiten["ioaz_correction_total"] == 1362
    assert (feiten["national_ioaz_years"].value, feiten["national_ioaz_years"].unit) == (3, "jaren")
    assert feiten["corrected_from"] == "2017-07-01"


def test_facts_of_the_checks_revisions_and_letters(feiten):
    assert (round(feiten["deficit_share_low"], 1), round(feiten["deficit_share_high"], 1)) == (4.6, 4.9)
    [revised] = feiten["revisions"]
    assert (revised["label"], revised["period"], revised["kind"]) == ("Participatiebudget", "2018", "rounding")
    assert [(x.value, x.letter.id) for x in revised["figures"]] == [(622.149, JUNE_2017), (622, JUNE_2018)]
    assert feiten["main_letter"].id == JUNE_2017 and feiten["june_2017_letter"].id == JUNE_2017
    assert [x.id for x in feiten["other_letters"]] == [APRIL_2017, JUNE_2018]  # oldest first
    # Who signed: Klijnsma the letters of 2017, Van Ark that of 2018 (sources.csv, as the letters are signed).
    assert feiten["senders"][JUNE_2017] == feiten["senders"][APRIL_2017] == "Klijnsma"
    assert feiten["senders"][JUNE_2018] == "Van Ark"
    assert [(s["name"], [x.id for x in s["letters"]]) for s in feiten["letters_by_sender"]] == [
        ("Klijnsma", [APRIL_2017, JUNE_2017]),
        ("Van Ark", [JUNE_2018]),
    ]


def test_derived_means_computed_by_the_letter_from_other_printed_figures(f):
    # Results on the macrobudget, changes against budgets the letters do not print, and the corrections of the
    # benefit levels and IOAZ norms are the ministry's figures, not computations from other printed figures.
    derived = f.loc[f["derived"], ["indicator", "period"]].apply(tuple, axis=1).tolist()
    assert derived == [("buig_deficit_share", "2016")]  # from the printed deficit and the budgets of p. 14


def test_the_2016_percentage_reads_as_the_letter_prints_it(texts):
    # ek-33981-n p. 13 prints "(4,8%)" behind the deficit without saying of what; the text does not add it.
    for name in ("bf_buig_2016", "bf_finding"):
        assert "4,8%" in texts[name] and "4,8% van het macrobudget" not in texts[name], name
    assert "zonder te zeggen waarvan" in texts["bf_buig_2016"]


# --- the text: named blocks, glued in the notebook, and the rules their words keep ---------------------


def _glued_names(notebook) -> list[str]:
    cells = nbformat.read(notebook, as_version=4).cells
    return [name for c in cells if c.cell_type == "markdown" for name in GLUE.findall(c.source)]


def test_every_block_is_glued_once_under_its_name_and_the_finding_in_the_introduction(hoofdstuk):
    blocks = set(hoofdstuk.text())
    names = _glued_names(CHAPTERS / "bijstand_financiering.ipynb")
    assert sorted(names) == sorted(blocks - {THEME.finding_block}) and len(names) == len(set(names))
    assert all(re.fullmatch(r"bf_[a-z0-9_]+", name) for name in blocks)
    assert f"{{glue:md}}`{THEME.finding_block}`" in (REPO / "intro.ipynb").read_text(encoding="utf-8")
    assert hoofdstuk.finding() == hoofdstuk.text()[THEME.finding_block]


def test_every_block_says_something_and_nothing_undefined(texts):
    for name, text in texts.items():
        assert text.strip(), name
        assert "\n\n" not in text, f"{name}: one paragraph"
        assert not re.search(r"\b(?:nan|inf|None|Figure|Letter)\b|∞", text), (name, text)
        assert not re.search(r"\b(?:tk|ek)-\d", text), f"{name}: a raw letter id reaches the reader"
        assert not re.search(r"\b[a-z]+_[a-z_0-9]+\b|\b(?:deficit|surplus|rounding)\b", text), f"{name}: a code"
        assert not re.search(r"\bhet boek\b|\bje\b|\bjij\b", text, re.IGNORECASE), name


def test_every_printed_figure_a_paragraph_states_is_cited_to_its_letter_and_page(feiten, texts):
    figures = [item for value in feiten.values() for item in walk(value) if isinstance(item, Figure) and item.letter]
    stated = 0
    for name, text in texts.items():
        for figure in figures:
            if not re.search(re.escape(vocabulary.value(figure)) + r"(?![\d,])", text):
                continue
            stated += 1
            pages = cited_pages(text, figure.letter)
            if pages is None:  # named by its date: 'de brief van 30 juni 2017', 'de tabel van 30 juni 2017'
                assert vocabulary.letter_date(figure) in text, (name, figure)
            else:
                assert figure.page in pages, (name, figure)  # provenance: the page that prints it
    assert stated >= 20


def test_the_text_follows_the_facts_it_is_given(hoofdstuk, feiten):
    # The direction words follow the numbers: a rise of the classic part reads as a rise, a zero result as none.
    changed = dict(feiten)
    changed["classic_flat_year"], changed["classic_last"] = None, feiten["classic_first"] + 10
    changed["focus_result"] = feiten["focus_result"] | {"result": 0.0}
    said = {name: plain(t) for name, t in engine.blocks(THEME.text_file, changed).items()}
    assert "klassieke doelgroep stijgt van" in said["bf_pb_table"]
    assert "geen tekort of overschot" in said["bf_buig_2016"] and "tekort van circa € 270" not in said["bf_buig_2016"]


# --- checks and revisions -----------------------------------------------------------------------------


def test_checks_of_the_theme(hoofdstuk):
    result = hoofdstuk.checks().set_index("id")
    assert len(result) == len(THEME.checks) == 6
    assert (result["verdict"] != checks.DISCREPANCY).all()
    assert result.loc["bf-participatiebudget-som-2021", "verdict"] == checks.ROUNDED
    assert result.loc["bf-participatiebudget-som-2019", "verdict"] == checks.EXACT
    # One rule for a check on an assumption of the book: its verdict is the assumption, whatever the outcome.
    assert result.loc["bf-tekort-aandeel-2016", "verdict"] == checks.ASSUMPTION
    assert result.loc["bf-tekort-aandeel-2016", "assumption"]
    # A comparison between two letters is a revision, not a cross-check.
    assert "bf-participatiebudget-2018-brief-2018" not in result.index
    # The claims come from the label file, one per year of the table.
    assert (
        all("2019" in c.claim for c in THEME.checks if c.id.endswith("2019")) and len({c.claim for c in THEME.checks}) == 6
    )


def test_the_2018_total_is_a_rounding_between_two_letters(hoofdstuk):
    changed = hoofdstuk.revisions()
    assert set(changed["period"]) == {"2018"} and set(changed["kind"]) == {"rounding"}
    assert sorted(changed["value"]) == [622, 622.149]


# --- charts and tables ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["buig_results", "participation_budget"])
def test_charts_follow_the_house_rules(hoofdstuk, name):
    figure = getattr(charts, name)(hoofdstuk) if name != "buig_results" else tables.buig_results(hoofdstuk)
    if name != "buig_results":  # two results are no chart: a table with the chart's source line and downloads
        assert_house_chart(figure)
    assert all(", p. " in cell for cell in figure.table["Bron"])  # every value names its letter and page


def _public(module) -> list[str]:
    """Return the public functions a module defines itself (not those it imports)."""
    own = {name: value for name, value in vars(module).items() if getattr(value, "__module__", "") == module.__name__}
    return sorted(name for name, value in own.items() if callable(value) and not name.startswith("_"))


def test_every_public_function_is_a_chart_or_a_table_the_notebook_shows():
    assert _public(charts) == ["participation_budget"]
    assert _public(tables) == ["benefit_corrections", "buig_results", "other_figures"]
    shown = "".join(c.source for c in nbformat.read(CHAPTERS / "bijstand_financiering.ipynb", as_version=4).cells)
    for name in _public(charts):
        assert f"charts.{name}(hoofdstuk)" in shown
    for name in _public(tables):
        assert f"tables.{name}(hoofdstuk)" in shown


def test_table_buig_results_gives_single_years_with_the_preliminary_one_marked(hoofdstuk):
    figure = tables.buig_results(hoofdstuk)
    assert figure.table["Periode"].tolist() == ["2013", "2016 (voorlopig)"]
    assert figure.table["Status"].tolist() == ["–", "voorlopig"]
    assert "opgeteld" not in " ".join(figure.table["Periode"]) and "?" not in figure.title
    assert figure.source_line.startswith("Bron: ") and "pp-chart-excel" in figure._repr_mimebundle_()["text/html"]


def test_chart_participation_budget_has_no_structural_rule(hoofdstuk):
    figure = charts.participation_budget(hoofdstuk)
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
    table = tables.benefit_corrections(hoofdstuk)
    assert list(table.frame.columns) == [
        "Uitkering",
        "Te veel per maand, januari–juni 2017 (brief)",
        "Te veel over 6 maanden (eigen berekening)",
        "Stijging per maand per 1 juli 2017 (brief)",
    ]
    text = _plain(table)
    assert "€ 4,32" in text and "circa € 5,20" in text and "AOW, 50%" in text and "omgerekend" not in text


def test_other_figures_table_uses_the_shared_shape(hoofdstuk):
    table = tables.other_figures(hoofdstuk)
    assert list(table.frame.columns) == [labels.COLUMN_TEXT[c] for c in ("label", "period_label", "value", "note", "letter")]
    text = _plain(table)
    assert "474.000" in text and "€ 114 mln" in text and "minder dan € 4.000" in text and "(per jaar)" in text
    # The amounts per person and the assumed inflow belong to the introduction of the Participatiewet, as the
    # letters say (tk-34352-56 p. 3, ek-33981-n p. 5): no bare year, and no 'structureel' the letter does not write.
    introduction = "bij de invoering van de Participatiewet (2015)"
    assert "30 juni 2017, p. 5" in text and introduction in text.split("Aangenomen")[1] and "structureel" not in text
    assert "Re-integratiebudget per persoon (intensieve begeleiding)" in text
    per_person = table.frame.loc[table.frame[labels.COLUMN_TEXT["label"]].str.startswith("Re-integratiebudget")]
    assert set(per_person[labels.COLUMN_TEXT["period_label"]]) == {introduction}
    assert table.caption.startswith("Bron: ")
