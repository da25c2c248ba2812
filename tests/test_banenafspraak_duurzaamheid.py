"""Tests of the banenafspraak chapter: analyses, texts, checks, charts and tables, on the bundled data and changed copies.

The later letters of the fixture (a living publication) are tested in test_banenafspraak_living.py, the
municipal editions in test_banenafspraak_municipal.py.
"""

from __future__ import annotations

import math
import re

import nbformat
import pytest

from participatie.book import open_chapter
from participatie.data import page_index
from participatie.figures import checks
from participatie.figures import lookup as fig
from participatie.presentation import charts, labels, tables
from participatie.themes.banenafspraak_duurzaamheid import THEME, analysis, presentation, prose, prose_notes
from participatie.themes.banenafspraak_duurzaamheid.checks import CHECKS

from conftest import CHAPTERS, DATA
from helpers import assert_house_chart, set_value

DATA_FILE = f"{THEME.name}.csv"
RAW_CODE = re.compile(r"\b(?:ek|tk)-\d|\b[a-z]+_[a-z_]+\b")  # a letter id or a snake_case code


@pytest.fixture(scope="module")
def opened():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def f(opened):
    return opened.figures


@pytest.fixture(scope="module")
def texts(opened):
    return prose.key_figures(opened)


def value(f, indicator, period, category=None, source_id=None):
    return fig.value(f, indicator, period, category=category, source_id=source_id)


def plain(markdown: str) -> str:
    """Return glued Markdown as a reader reads it (escapes and emphasis marks removed)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("**", "").replace("*", "")


# --- the analysis layer: pure pandas, codes instead of Dutch words ----------------------------


@pytest.mark.parametrize(
    "name",
    ["required_pace", "jobs_path", "municipal_target_group", "retention_by_background", "retention_outcomes", "contracts"],
)
def test_analysis_frames_have_snake_case_columns(f, name):
    frame = getattr(analysis, name)(f)
    assert all(re.fullmatch(r"[a-z_]+", column) for column in frame.columns)


def test_policy_dates_are_printed_on_their_pages():
    # The background's dates are constants of the analysis; the letters print them on the cited pages.
    indexes = page_index.load_indexes(DATA / "letters")
    for source_id, page, number in [
        ("ek-33981-n", 16, 2013),  # sociaal akkoord van april 2013
        ("ek-33981-n", 16, 2025),  # eind 2025
        ("ek-34775-ak", 2, 2015),  # vanaf 2015
        ("tk-29817-145", 2, 2026),  # oplopend tot 2026
        ("ek-33981-n", 19, 2016),  # factsheets sinds november 2016
        ("ek-33981-n", 19, 2018),  # herhaling in het voorjaar van 2018
    ]:
        assert page_index.printed_on_page(indexes[source_id], page, number), (source_id, page, number)
    assert analysis.AGREEMENT.startswith("2013") and analysis.LAW_IN_FORCE == "2015" and analysis.RISING_UNTIL == "2026"
    assert prose_notes.FACTSHEETS_SINCE == "2016-11" and prose_notes.STUDY_REPEATED == "2018"


def test_value_reads_the_printed_figure(f):
    assert analysis.value(f, "extra_jobs_target", analysis.DEADLINE, "markt") == 100000


def test_rounded_keeps_three_significant_digits():
    assert analysis.rounded(11012) == 11000 and analysis.rounded(10434.9) == 10400 and analysis.rounded(69600, 2) == 70000
    assert analysis.rounded(95) == 95 and analysis.rounded(0) == 0 and math.isnan(analysis.rounded(math.nan))


def test_latest_and_previous_realisation(f):
    latest, before = analysis.latest_realisation(f), analysis.previous_realisation(f)
    assert (latest["period"], latest["value"], latest["source_id"]) == (analysis.END_2017, 36904, analysis.SEPT_2018)
    # The exact count of end 2016 (June 2018), not the hedged "ruim 22.000" of June 2017.
    assert (before["period"], before["value"], before["source_id"]) == (analysis.END_2016, 22554, analysis.JUNE_2018)


def test_final_and_intermediate_targets(f):
    goal = analysis.final_target(f)
    assert (goal["period"], goal["value"]) == (analysis.DEADLINE, 125000)
    assert analysis.intermediate_targets(f) == [analysis.END_2016]
    assert analysis.target_at(f, analysis.END_2017) is None
    assert analysis.target_at(f, analysis.END_2016)["value"] == 20500


def test_progress_is_computed_from_the_latest_count(f):
    now = analysis.progress(f)
    remaining = value(f, "extra_jobs_target", analysis.DEADLINE, "totaal") - value(
        f, "extra_jobs_realised", analysis.END_2017, "totaal"
    )
    assert now["share_of_goal"] == pytest.approx(100 * 36904 / 125000)
    assert now["to_create"] == remaining == 88096 and now["years"] == 8
    assert now["per_year"] == pytest.approx(88096 / 8)
    assert now["realised_change"] == 36904 - 22554 and now["realised_years"] == 1
    assert math.isnan(now["target"]) and now["target_source_id"] is None  # no target for end 2017 in the letters


def test_required_pace_has_one_deadline(f):
    pace = analysis.required_pace(f).set_index("measure")
    assert pace["end"].tolist() == [analysis.DEADLINE, analysis.END_2017]  # no second, inclusive deadline
    assert pace.loc[analysis.NEEDED, "per_year"] == pytest.approx(11012)
    assert pace.loc[analysis.REALISED_PACE, "per_year"] == 14350


def test_jobs_path_draws_every_printed_period_and_one_computed_path(f):
    frame = analysis.jobs_path(f)
    realised = frame.loc[frame["series"] == analysis.REALISED]
    assert realised["count"].tolist() == [22554, 36904]  # "ruim 22.000" is not drawn beside the exact count
    assert set(frame.loc[frame["series"] == analysis.TARGET, "date"]) == {analysis.END_2016, analysis.DEADLINE}
    paths = frame.loc[frame["series"] == analysis.PATH]
    assert set(paths["kind"]) == {analysis.COMPUTED} and paths["date"].tolist() == [analysis.END_2017, analysis.DEADLINE]
    assert paths["source_id"].isna().all()
    final = frame.loc[(frame["series"] == analysis.TARGET) & (frame["date"] == analysis.DEADLINE)].iloc[0]
    assert final["source_ids"] == (analysis.JUNE_2017, analysis.JUNE_2018) and final["pages"] == (16, 2)
    assert "2026-12-31" not in set(frame["date"])


def test_municipal_target_group_derives_q4_2016(f):
    frame = analysis.municipal_target_group(f)
    level = value(f, "municipal_target_group_working", analysis.Q4_2017)
    change = value(f, "municipal_target_group_working_change", analysis.CHANGE_Q4)
    assert frame["working"].tolist() == [level - change, level] == [9400, 21400]
    assert frame["kind"].tolist() == [analysis.COMPUTED, analysis.PRINTED]
    assert (frame["level"].iloc[0], frame["change"].iloc[0]) == (21400, 12000)
    assert analysis.municipal_factor(f) == pytest.approx(21400 / 9400)


def test_reintegration_change(f):
    row = analysis.reintegration_change(f)
    assert (row["start"], row["end"]) == ("2015-01-01", analysis.END_2017)
    assert row["increase"] == 190000 - 161000
    assert row["increase_pct"] == pytest.approx(100 * 29000 / 161000)


def test_retention_by_background_order_and_values(f):
    frame = analysis.retention_by_background(f)
    assert frame["category"].tolist() == list(analysis.BACKGROUNDS) == ["wsw", "wajong", "participatiewet", "totaal"]
    assert frame["share"].tolist() == [94, 80, 71, 87]


def test_retention_outcomes_are_the_printed_shares_only(f):
    frame = analysis.retention_outcomes(f).set_index("outcome")
    assert list(frame.index) == [analysis.WORKING, analysis.WORKING_ALL_MEASUREMENTS, analysis.NOT_WORKING]
    assert frame["share"].tolist() == [87, 83, 10]  # no "unexplained rest": the letter does not say they add up
    assert frame["qualifier"].tolist() == ["bijna", "circa", "bijna"]
    assert analysis.persons_working_again(f) == pytest.approx(0.87 * 80000)


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


def test_letters_until_the_text(f, opened):
    assert analysis.letters_until(f, opened.theme.text_until) == ["tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"]


# --- the texts the prose glues in ------------------------------------------------------------


def test_key_figures_are_named_and_carry_no_raw_codes(texts):
    assert all(name.startswith("ba_") for name in texts) and THEME.key_figures is prose.key_figures
    for name, text in texts.items():
        assert not RAW_CODE.search(plain(text)), (name, text)
        assert "het boek" not in text and "berekend door" not in text and "nan" not in text.split()


def test_intro_figures_stay_available(texts):
    # The introduction quotes these by name until it takes the chapter's finding.
    assert texts["ba_target_total"] == "125.000" and texts["ba_real_2017"] == "36.904" and texts["ba_working"] == "bijna 87%"
    assert texts["ba_share_of_target_latest"] == "30%" and texts["ba_latest_period"] == "eind 2017"


def test_latest_state_names_period_letter_and_our_computations(texts):
    latest = plain(texts["ba_p_latest"])
    for part in ["eind 2017", "36.904", "7 september 2018", "Eerste Kamer, 34 775, AK, p. 2", "30%", "125.000", "88.096"]:
        assert part in latest, part
    assert "8 jaar tot eind 2025 is dat circa 11.000 per jaar (eigen berekening)" in latest
    assert "nam het aantal toe met 14.350 (eigen berekening); dat is meer dan het gelijkmatige tempo" in latest
    assert "behalve het tussendoel voor eind 2016" in latest
    assert "2026" not in latest and "29,5" not in latest and "11.012" not in latest


def test_the_agreement_and_the_law_are_dated_and_attributed(texts):
    text = plain(texts["ba_p_agreement"])
    assert "sociaal akkoord van april 2013" in text and "Sinds 2015" in text
    assert "Eerste Kamer, 33 981, N, p. 16" in text and "Eerste Kamer, 34 775, AK, p. 2" in text


def test_the_end_date_is_one_reading(texts):
    target = plain(texts["ba_p_target"])
    assert "eind 2025" in target and "oplopen tot 2026, wat met dat eindpunt overeenstemt" in target
    assert "tot en met" not in target and "eind 2026" not in " ".join(texts.values())


def test_end_2016_names_the_rounding(texts):
    text = plain(texts["ba_p_end_2016"])
    assert "2.054 meer dan het tussendoel (eigen berekening)" in text and "ruim 22.000" in text
    assert "is een afronding (zie Revisies)" in text and "110,0%" not in text and "vermoedelijk" not in text


def test_the_share_without_work_is_cited_in_words(texts):
    text = plain(texts["ba_p_without_work"])
    assert "ruim de helft van de mensen uit de doelgroep van de banenafspraak" in text
    assert "Eerste Kamer, 34 775, AK, p. 2" in text and "Tweede Kamer, 29 817, nr. 145, p. 2" in text
    assert not re.search(r"\d+%", text)  # the letters give no percentage
    assert "ruim de helft" in plain(texts["ba_finding"])


def test_the_gemeentelijke_doelgroep_is_what_the_letters_say(texts):
    group = plain(texts["ba_p_municipal_group"])
    assert "Een omschrijving van de gemeentelijke doelgroep geven de brieven niet" in group
    assert "niet gelijk aan de ‘nieuwe doelgroep’" in group
    working = plain(texts["ba_p_municipal_working"])
    assert "circa 9.400 (eigen berekening)" in working and "meer dan verdubbeld (eigen berekening)" in working
    assert "128" not in working and "deze gemeentelijke doelgroep" not in working


def test_study_texts_make_no_assumptions_of_their_own(texts):
    shares = plain(texts["ba_p_study_shares"])
    assert "circa 70.000 mensen weer of nog (eigen berekening)" in shares
    assert "blijkt niet uit de brief" in shares and "niet dat dit aandeel en het aandeel dat weer of nog werkte" in shares
    for gone in ("66.400", "2.400", "13%", "procentpunt", "pensioen", "overlijden"):
        assert gone not in shares
    hours = plain(texts["ba_p_contracts_hours"])
    assert "ongeveer tweederde" in hours and "iets onder" not in hours
    assert "had in beide jaren circa 45% een vast contract" in plain(texts["ba_p_contracts_persons"])


def test_campaign_cites_the_letters_claim_and_our_ratio(texts):
    text = plain(texts["ba_p_campaign"])
    assert "ten minste een verdubbeling" in text and "2,0 tot 2,6 keer zoveel (eigen berekening)" in text
    assert "(eigen aanname)" in text


def test_finding_for_the_introduction(texts):
    finding = plain(texts["ba_finding"])
    assert finding.startswith("Eind 2017 waren er volgens de brief van 7 september 2018 36.904 extra banen")
    assert "30% van de 125.000 banen" in finding and "april 2013" in finding
    assert len(re.findall(r"(?<!p)\. ", finding)) + 1 == 2  # two sentences


# --- checks and revisions ----------------------------------------------------------------------


def test_checks_verdicts(opened):
    assert THEME.checks == CHECKS
    result = opened.checks().set_index("id")
    assert set(result.index) == {"ba-doel-markt-plus-overheid", "ba-niet-meer-aan-het-werk"}
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.EXACT
    # 100 − 87 against 10 rests on our assumption that the two shares make up the whole group: no discrepancy.
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.ASSUMPTION
    assert result.loc["ba-niet-meer-aan-het-werk", "recomputed"] == 13
    assert "100%" in result.loc["ba-niet-meer-aan-het-werk", "assumption"]
    assert (result["verdict"] != checks.DISCREPANCY).all()


def test_the_two_counts_of_end_2016_are_a_rounding(opened):
    changed = opened.revisions()
    assert set(changed["indicator"]) == {"extra_jobs_realised"} and set(changed["kind"]) == {"rounding"}
    assert "ruim 22.000" in opened.revisions_table()._repr_mimebundle_()["text/plain"]


# --- charts and tables -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["chart_jobs", "chart_retention_by_background", "chart_retention_outcomes", "chart_municipal", "chart_contracts"]
)
def test_charts_are_complete_figures(opened, name):
    figure = getattr(presentation, name)(opened)
    assert isinstance(figure, charts.ChartFigure)
    assert_house_chart(figure)
    assert "berekend door het boek" not in str(figure.spec()) and "lezing" not in str(figure.spec())


@pytest.mark.parametrize(
    "name", ["chart_retention_by_background", "chart_retention_outcomes", "chart_municipal", "chart_contracts"]
)
def test_chart_tooltips_and_tables_name_letter_and_page(opened, name):
    figure = getattr(presentation, name)(opened)
    assert "Brief" in str(figure.spec()["layer"] if "layer" in figure.spec() else figure.spec()["hconcat"])
    assert figure.table["Brief"].str.match(r"(Eerste|Tweede) Kamer, .*, p\. \d+$").all()


def test_chart_jobs_draws_one_deadline_and_marks_our_path(opened):
    figure = presentation.chart_jobs(opened)
    table = figure.table
    assert set(table["Soort"]) == {labels.PRINTED, labels.COMPUTED}
    assert table["Peildatum"].tolist() == ["eind 2016", "eind 2016", "eind 2017", "eind 2017", "eind 2025", "eind 2025"]
    assert "2026" not in str(figure.spec()["datasets"]) and "2026" not in figure.spec()["description"]
    assert table.loc[table["Soort"] == labels.COMPUTED, "Brief"].eq("–").all()
    assert "Eerste Kamer, 34 775, AK (7 september 2018), p. 2" in set(table["Brief"])
    assert "Eerste Kamer, 34 775, AK" in figure.source_line
    spec = figure.spec()
    assert isinstance(spec["title"]["subtitle"], str)  # no values from newer letters: nothing drawn open
    assert "Open symbolen" not in spec["description"]


def test_charts_use_the_shared_legend_for_printed_and_computed(opened):
    colour = presentation.chart_municipal(opened).spec()["layer"][0]["encoding"]["color"]["scale"]
    assert set(colour["domain"]) == {labels.PRINTED, labels.COMPUTED}


def test_chart_municipal_marks_the_derived_bar(opened):
    table = presentation.chart_municipal(opened).table
    assert table.loc[table["Soort"] == labels.COMPUTED, "Berekening"].iloc[0] == "21.400 − 12.000, beide afgerond"
    assert table["Kwartaal"].tolist() == ["4e kwartaal 2016", "4e kwartaal 2017"]


def test_chart_retention_outcomes_has_no_rest_and_marks_the_unclear_base(opened):
    figure = presentation.chart_retention_outcomes(opened)
    assert figure.table["Uitkomst"].tolist() == [
        "weer of nog aan het werk",
        "op alle tussenliggende peilmomenten aan het werk",
        "niet meer aan het werk",
    ]
    assert figure.table["Aandeel"].tolist() == ["bijna 87%", "circa 83%", "bijna 10%"]
    assert figure.table["Afbakening"].tolist()[1] == "noemer niet eenduidig"
    assert "?" not in figure.spec()["title"]["text"] and "personen" not in " ".join(figure.table.columns).lower()


def test_chart_contracts_has_two_panels_with_their_own_axes(opened):
    spec = presentation.chart_contracts(opened).spec()
    titles = [panel["layer"][0]["encoding"]["y"]["axis"]["title"] for panel in spec["hconcat"]]
    assert titles == ["% van de verloonde uren", "% van de werkende Wajongers"]
    assert presentation.chart_contracts(opened).table["Aandeel"].tolist() == ["67%", "65%", "circa 45%", "circa 45%"]


@pytest.mark.parametrize("name, rows", [("pace_table", 2), ("support_table", 6), ("other_figures_table", 10)])
def test_tables(opened, name, rows):
    table = getattr(presentation, name)(opened)
    assert isinstance(table, tables.Table) and len(table.frame) == rows
    assert "<table" in table._repr_mimebundle_()["text/html"]


def test_pace_table_rounds_the_pace_needed(opened):
    table = presentation.pace_table(opened)
    assert list(table.frame.columns) == ["Maatstaf", "Van", "Tot", "Banen erbij", "Jaren", "Banen per jaar"]
    assert table.frame["Maatstaf"].tolist() == ["nodig tot eind 2025", "gerealiseerd"]
    assert table.frame["Banen per jaar"].tolist() == ["circa 11.000", "14.350"]
    assert table.caption == f"Tempo ({labels.COMPUTED}, gelijkmatig verdeeld)"


def test_figure_tables_name_the_letter_in_full_and_no_false_peildatum(opened):
    support = presentation.support_table(opened).frame
    assert support["Brief"].str.match(r"Tweede Kamer, .* \(\d+ \w+ \d{4}\), p\. \d$").all()
    assert "Werkend met loonkostensubsidie en/of jobcoach" in set(support["Indicator"])
    assert "peildatum niet vermeld (brief van 15 juni 2018)" in set(support["Periode"])
    assert "begin 2015" in set(support["Periode"]) and "Toelichting" not in support.columns
    other = presentation.other_figures_table(opened).frame
    assert "71.572" in set(other["Waarde"]) and "minder dan 25" in set(other["Waarde"])
    assert "Europese landen met een quotumregeling" in set(other["Indicator"])
    ict = other.loc[other["Indicator"].str.startswith("ICT-kosten")].iloc[0]
    assert ict["Periode"] == "2017" and "structureel" not in " ".join(other["Periode"])


def test_the_notebook_glues_every_paragraph_and_its_headings_carry_no_numbers(texts):
    notebook = nbformat.read(CHAPTERS / f"{THEME.name}.ipynb", as_version=4)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    used = set(re.findall(r"\{glue:md\}`(ba_[a-z0-9_]+)`", markdown))
    assert used <= set(texts) and {n for n in texts if n.startswith("ba_p_")} <= used
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings[0] == f"# {THEME.title}" and not any(re.search(r"\d|\?", h) for h in headings)
    # Outside the glued texts, the prose types no number.
    assert not re.search(r"\d", re.sub(r"\{glue:md\}`[^`]+`", "", markdown).replace(headings[0], ""))


# --- on changed data -------------------------------------------------------------------------


def _set(data_dir, indicator, period, new, source_id=None, category=None):
    match = {"indicator": indicator, "period": period}
    match |= {"source_id": source_id} if source_id else {}
    match |= {"category": category} if category else {}
    assert set_value(data_dir / DATA_FILE, match, str(new)) == 1


def test_analyses_follow_changed_data(unindexed_data_copy):
    _set(unindexed_data_copy, "extra_jobs_realised", analysis.END_2017, 40904)
    _set(unindexed_data_copy, "municipal_target_group_working", analysis.Q4_2017, 22400)
    _set(unindexed_data_copy, "not_working_after_one_year_share", analysis.STUDY, 13)
    changed = open_chapter(THEME, unindexed_data_copy)
    pace = analysis.required_pace(changed.figures).set_index("measure")
    assert pace.loc[analysis.NEEDED, "per_year"] == pytest.approx((125000 - 40904) / 8)
    assert analysis.municipal_target_group(changed.figures)["working"].iloc[0] == 10400
    texts = prose.key_figures(changed)
    assert "circa 10.400 (eigen berekening)" in texts["ba_p_municipal_working"]
    assert "40.904" in texts["ba_p_latest"] and "circa 10.500 per jaar" in texts["ba_p_latest"]
    result = changed.checks().set_index("id")
    assert result.loc["ba-niet-meer-aan-het-werk", "verdict"] == checks.EXACT


def test_a_lower_count_turns_the_wording(unindexed_data_copy):
    # A count below the one before: the text says it fell and that the pace was below the even pace.
    _set(unindexed_data_copy, "extra_jobs_realised", analysis.END_2017, 20000)
    text = prose.key_figures(open_chapter(THEME, unindexed_data_copy))["ba_p_latest"]
    assert "nam het aantal af met 2.554 (eigen berekening); dat is minder dan het gelijkmatige tempo" in text


def test_check_flags_a_target_whose_parts_no_longer_add_up(unindexed_data_copy):
    _set(
        unindexed_data_copy, "extra_jobs_target", analysis.DEADLINE, 30000, source_id=analysis.JUNE_2018, category="overheid"
    )
    result = open_chapter(THEME, unindexed_data_copy).checks().set_index("id")
    assert result.loc["ba-doel-markt-plus-overheid", "verdict"] == checks.DISCREPANCY
    assert result.loc["ba-doel-markt-plus-overheid", "recomputed"] == 130000
