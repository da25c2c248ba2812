from datetime import date

import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.themes.pilots_werken_naar_vermogen import THEME, analysis, labels, presentation, prose

from helpers import assert_house_chart, edit_rows


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def tijdlijn(hoofdstuk):
    return analysis.timeline(hoofdstuk.table("policy_timeline"))


@pytest.fixture(scope="module")
def rijen(hoofdstuk):
    return presentation.timeline_rows(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)


# --- analysis: rules on the data ---------------------------------------------------------------


def test_pilot_numbers():
    assert analysis.pilot_numbers("2;3") == [2, 3] and analysis.pilot_numbers("4") == [4]


def test_placement_puts_year_on_1_july_and_month_on_the_15th():
    assert analysis.placement("2015", "year") == (date(2015, 1, 1), date(2015, 7, 1), date(2015, 12, 31))
    assert analysis.placement("2016-02", "month") == (date(2016, 2, 1), date(2016, 2, 15), date(2016, 2, 29))
    assert analysis.placement("2018-09-07", "day") == (date(2018, 9, 7),) * 3
    with pytest.raises(ValueError):
        analysis.placement("2018", "quarter")


def test_lane_of_takes_the_first_matching_strand():
    assert analysis.lane_of("De staatssecretaris ziet af van loondispensatie in de Participatiewet") == "wage_instruments"
    assert analysis.lane_of("Met de Participatiewet sluit de Wsw; voortaan beschut werk") == "sheltered_work"
    assert analysis.lane_of("Start van vier pilots") == "pilots_wsw"
    assert analysis.lane_of("Een hoorzitting in de Tweede Kamer") == analysis.DEFAULT_LANE == "participation_act"


def test_codes_have_dutch_names():
    assert set(labels.TOPIC_TEXT) == set(analysis.TOPICS)
    assert set(labels.LANE_TEXT) == set(analysis.LANE_CODES)
    assert set(labels.MILESTONE_TEXT) == set(analysis.MILESTONE_CODES)
    assert set(labels.MATTER_TEXT) == {code for code, _ in analysis.DIFFERING_ACCOUNTS}
    assert set(labels.PRECISION_TEXT) == set(labels.PRECISION_SHAPE) == set(analysis.PRECISIONS)


# --- analysis on the bundled data --------------------------------------------------------------


def test_pilots_overview(hoofdstuk):
    frame = analysis.pilots_overview(hoofdstuk.table("pilots"), hoofdstuk.table("pilots_findings"))
    assert frame["pilot"].tolist() == [1, 2, 3, 4]
    assert set(zip(frame["period_start"], frame["period_end"])) == {(2009, 2012)} and set(frame["years"]) == {4}
    assert frame["scale_value"].isna().tolist() == [True, True, True, False]
    assert (frame["scale_value"].iloc[3], frame["scale_unit"].iloc[3]) == (32.0, "gemeenten")
    # pilot 4's own findings run from page 2 to page 4; the others' from page 2 only
    assert frame["page"].tolist() == [1] * 4
    assert frame["finding_pages"].tolist() == [[2], [2], [2], [2, 3, 4]]
    assert set(frame["source_id"]) == {"tk-29817-126"}


def test_pilots_summary_and_wage_dispensation_pilot(hoofdstuk):
    pilots = hoofdstuk.table("pilots")
    assert analysis.pilots_summary(pilots) == {"pilots": 4, "first_year": 2009, "last_year": 2012, "longest_years": 4}
    pilot = analysis.wage_dispensation_pilot(pilots)
    assert (int(pilot["pilot"]), pilot["scale_value"], pilot["scale_unit"]) == (4, 32.0, "gemeenten")


def test_findings_by_topic_groups_general_lessons_first(hoofdstuk):
    findings = hoofdstuk.table("pilots_findings")
    frame = analysis.findings_by_topic(findings, hoofdstuk.table("pilots"))
    assert len(frame) == len(findings) == 30
    assert frame["topic"].drop_duplicates().tolist() == list(analysis.TOPICS)
    general = frame.loc[frame["topic"] == "overig"]
    assert general["all_pilots"].all() and set(map(tuple, general["pilots"])) == {(1, 2, 3, 4)}
    assert set(map(tuple, frame.loc[frame["topic"] == "sw_bedrijf", "pilots"])) == {(2, 3)}
    assert set(map(tuple, frame.loc[frame["topic"] == "loonwaarde", "pilots"])) == {(4,)}
    assert not frame.loc[frame["topic"] != "overig", "all_pilots"].any()


def test_findings_per_topic_adds_up_to_all_findings(hoofdstuk):
    findings = hoofdstuk.table("pilots_findings")
    counts = analysis.findings_per_topic(findings).set_index("topic")["findings"]
    assert counts.sum() == len(findings)
    assert counts.to_dict() == {
        "overig": 6,
        "werkgevers": 5,
        "dienstverlening": 5,
        "sw_bedrijf": 4,
        "loonwaarde": 6,
        "loondispensatie": 4,
    }


def test_years_to_standard_method(hoofdstuk):
    events = hoofdstuk.table("policy_timeline")
    assert analysis.years_to_standard_method(events, hoofdstuk.sources, "tk-29817-126") == 2018 - 2013
    without = events.loc[~events["event"].str.contains("standaardmethode")]
    assert analysis.years_to_standard_method(without, hoofdstuk.sources, "tk-29817-126") is None


def test_milestones_found_by_date_and_word(hoofdstuk):
    events = hoofdstuk.table("policy_timeline")
    marks = analysis.milestones(events)
    assert len(marks) == len(analysis.MILESTONES) == 10 and marks.index.is_unique
    assert sorted(marks) == sorted(analysis.MILESTONE_CODES)
    marked = events.loc[marks.index]
    assert sorted(marked["date"]) == sorted(d for _, d, _ in analysis.MILESTONES)
    decision = marked.loc[marked["event"].str.contains("ziet af van loondispensatie")]
    assert decision[["date", "source_id", "page"]].values.tolist() == [["2018-09-07", "ek-34775-ak", 2]]
    assert marks[decision.index[0]] == "no_wage_dispensation"


def test_timeline_places_sorts_and_codes_every_event(hoofdstuk, tijdlijn):
    assert len(tijdlijn) == len(hoofdstuk.table("policy_timeline")) == 66
    assert tijdlijn["plotted"].is_monotonic_increasing
    assert tijdlijn["plotted"].iloc[0] == pd.Timestamp("2004-07-01")
    assert tijdlijn["plotted"].iloc[-1] == pd.Timestamp("2019-07-01")
    plotted = tijdlijn["plotted"].dt.date
    assert (tijdlijn["start"] <= plotted).all() and (plotted <= tijdlijn["end"]).all()
    duty = tijdlijn.loc[tijdlijn["event"].str.contains("wettelijk verplicht beschut werk")].iloc[0]
    assert (duty["date"], duty["source_id"], duty["page"], duty["lane"]) == ("2017-01-01", "ek-33981-n", 7, "sheltered_work")
    assert duty["is_milestone"] and duty["milestone"] == "sheltered_work_duty"
    assert tijdlijn["is_milestone"].sum() == 10 and tijdlijn["lane"].isin(analysis.LANE_CODES).all()
    assert tijdlijn["milestone"].dropna().isin(analysis.MILESTONE_CODES).all()


def test_timeline_summary(tijdlijn):
    assert analysis.timeline_summary(tijdlijn) == {
        "events": 66,
        "letters": 5,
        "first_year": 2004,
        "last_year": 2019,
        "year_only": 27,
        "month_only": 5,
        "milestones": 10,
    }


def test_differing_accounts_side_by_side(hoofdstuk):
    frame = analysis.differing_accounts(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)
    assert frame["matter"].tolist() == ["banenafspraak_term"] * 2 + ["sheltered_work_evaluation"] * 2
    assert frame["source_id"].tolist() == ["ek-33981-n", "tk-29817-145", "tk-29817-145", "ek-34775-ak"]
    assert frame["page"].tolist() == [16, 2, 7, 6]
    assert frame["event"].iloc[0].count("eind 2025") == 1 and "tot 2026" in frame["event"].iloc[1]
    assert list(zip(frame["date"], frame["precision"])) == [
        ("2013-04", "month"),
        ("2013", "year"),
        ("2019", "year"),
        ("2018", "year"),
    ]


# --- the theme's Dutch texts -------------------------------------------------------------------


def test_number_word():
    assert [labels.number_word(n) for n in (4, 10, 12)] == ["vier", "tien", "twaalf"]
    assert labels.number_word(66) == "66" and labels.number_word(1234) == "1.234"


def test_pilots_text():
    assert labels.pilots_text([3, 2], False) == "2 en 3"
    assert labels.pilots_text([1, 2, 4], False) == "1, 2 en 4"
    assert labels.pilots_text([4, 3, 2, 1], True) == "alle pilots"
    assert labels.pilots_text([4], False) == "4"


def test_pages_text():
    assert labels.pages_text([2, 3, 2, 4]) == "p. 2–4"
    assert labels.pages_text([2, 4]) == "p. 2, 4"
    assert labels.pages_text([3]) == "p. 3" and labels.pages_text([]) == ""


def test_scale_text():
    assert labels.scale_text(32.0, "gemeenten") == "32 gemeenten"
    assert labels.scale_text(1200.0, "personen") == "1.200 personen"
    assert labels.scale_text(12.5, "procent") == "12,5%"
    assert labels.scale_text(float("nan"), None) == "–"


def test_date_text_is_as_precise_as_the_letter():
    assert labels.date_text("2015", "year") == "2015"
    assert labels.date_text("2013-04", "month") == "april 2013"
    assert labels.date_text("2018-03-27", "day") == "27 maart 2018"


def test_key_figures_are_dutch_text(hoofdstuk):
    texts = prose.key_figures(hoofdstuk)
    assert texts == hoofdstuk.key_figures()
    assert texts["pil_aantal"] == "vier" and (texts["pil_start"], texts["pil_eind"]) == ("2009", "2012")
    assert texts["pil_jaren"] == "vier" and texts["pil_sporen"] == "vier"
    assert texts["pil_loondispensatie_schaal"] == "32 gemeenten" and texts["pil_loondispensatie_nr"] == "4"
    assert texts["pil_bevindingen"] == "30" and texts["pil_bevindingen_loonwaarde"] == "zes"
    assert texts["pil_bevindingen_loondispensatie"] == "vier"
    assert texts["pil_gebeurtenissen"] == "66" and texts["pil_brieven"] == "vijf"
    assert (texts["pil_eerste_jaar"], texts["pil_laatste_jaar"]) == ("2004", "2019")
    assert (texts["pil_alleen_jaar"], texts["pil_alleen_maand"]) == ("27", "5")
    assert texts["pil_jaren_tot_standaard"] == "vijf" and texts["pil_kernmomenten"] == "tien"
    assert all(name.startswith("pil_") and isinstance(v, str) and v for name, v in texts.items())


def test_no_checks_registered_for_the_theme(hoofdstuk):
    assert THEME.checks == () and not THEME.has_figure_table
    assert THEME.other_tables == ("pilots", "pilots_findings", "policy_timeline")
    assert hoofdstuk.checks().empty


# --- the timeline's layout ---------------------------------------------------------------------


def test_timeline_rows_give_dutch_texts_and_sources(rijen):
    assert len(rijen) == 66 and rijen["datum"].is_monotonic_increasing
    assert rijen["bron"].str.match(r"^(Tweede|Eerste) Kamer, .*, p\. \d+$").all()
    duty = rijen.loc[rijen["gebeurtenis"].str.contains("wettelijk verplicht beschut werk")].iloc[0]
    assert (duty["spoor"], duty["datum_tekst"], duty["kernlabel"]) == (
        "Beschut werk",
        "1 januari 2017",
        "Gemeenten verplicht beschut werk aan te bieden",
    )
    assert rijen["spoor"].isin(labels.LANE_TEXT.values()).all()
    assert set(rijen["nauwkeurigheid"]) == set(labels.PRECISION_TEXT.values())


def test_timeline_slots_keep_overlapping_events_apart(rijen):
    # within a strand, two events in the same column are more than the gap apart
    for (_, _), group in rijen.groupby(["spoor", "slot"]):
        ordered = group.sort_values("begin")
        gaps = [(b - e).days for e, b in zip(ordered["eind"].iloc[:-1], ordered["begin"].iloc[1:])]
        assert all(g > presentation.SLOT_GAP_DAYS for g in gaps)
    same_day = rijen.loc[rijen["date"] == "2018-09-07"]
    assert same_day.groupby("spoor")["x"].nunique().eq(same_day.groupby("spoor").size()).all()


def test_milestone_labels_join_labels_of_one_day(rijen):
    marks = presentation.milestone_labels(rijen)
    assert len(marks) == 9 and marks["datum"].is_monotonic_increasing
    assert marks["tekst"].iloc[-1] == "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief"
    assert marks["tekst"].iloc[0] == "2009 – Start van de pilots Werken naar Vermogen"
    assert (marks["label_x"] > marks["x"]).all()


# --- tables and chart --------------------------------------------------------------------------


def test_pilots_table(hoofdstuk):
    table = presentation.pilots_table(hoofdstuk)
    frame = table.frame
    assert len(frame) == 4 * 5 and frame["Pilot"].ne("").sum() == 4
    assert frame.loc[frame["Onderdeel"] == "Schaal", "Inhoud"].tolist() == ["–", "–", "–", "32 gemeenten"]
    assert frame.loc[frame["Onderdeel"] == "Periode", "Inhoud"].tolist() == ["2009–2012"] * 4
    assert frame.loc[frame["Onderdeel"] == "Bron", "Inhoud"].tolist() == (
        ["p. 1; bevindingen p. 2"] * 3 + ["p. 1; bevindingen p. 2–4"]
    )
    assert table.caption == "Bron: Tweede Kamer, 29 817, nr. 126 (12 juli 2013)."
    assert "4. Loondispensatie" in table._repr_mimebundle_()["text/html"]


def test_findings_table(hoofdstuk):
    table = presentation.findings_table(hoofdstuk)
    frame = table.frame
    assert len(frame) == 30 and frame["Onderwerp"].ne("").sum() == len(labels.TOPIC_TEXT)
    assert frame["Onderwerp"].iloc[0] == "Algemene lessen"
    assert frame["Bron"].str.match(r"^p\. [234]$").all()
    assert set(frame["Pilot"]) >= {"alle pilots", "2 en 3", "4"}


def test_differing_accounts_table(hoofdstuk):
    table = presentation.differing_accounts_table(hoofdstuk)
    assert table.frame["Gedateerd"].tolist() == ["april 2013", "2013", "2019", "2018"]
    plain = table._repr_mimebundle_()["text/plain"]
    assert "Evaluatie van beschut werk" in plain and "Eerste Kamer, 34 775, AK (7 september 2018)" in plain


def test_chart_timeline(hoofdstuk):
    figure = presentation.chart_timeline(hoofdstuk)
    assert_house_chart(figure)
    spec = figure.spec()
    assert "66 beleidsgebeurtenissen" in spec["description"]
    assert "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief" in spec["description"]
    assert figure.source_line.count("Kamer,") == 5
    assert len(figure.table) == 66 and figure.table["Kernmoment"].sum() == 10
    colours = {c for layer in spec["layer"] for c in layer["encoding"].get("color", {}).get("scale", {}).get("range", [])}
    assert len(colours) <= 4


# --- the analyses follow changed data ----------------------------------------------------------


def test_analyses_follow_changed_data(data_copy):
    def bigger_pilot(rows):
        for row in rows:
            if row["pilot"] == "4":
                row["scale_value"] = "40"
        return rows

    def drop_decision(rows):
        return [r for r in rows if not (r["date"] == "2018-09-07" and "ziet af van loondispensatie" in r["event"])]

    def more_findings(rows):
        return [*rows, dict(rows[-1], topic="loonwaarde", finding="Een extra bevinding.")]

    def regeerakkoord_on_a_day(rows):
        for row in rows:
            if "regeerakkoord" in row["event"].lower():
                row["date"], row["precision"] = "2017-10-10", "day"
        return rows

    edit_rows(data_copy / "pilots.csv", bigger_pilot)
    edit_rows(data_copy / "pilots_findings.csv", more_findings)
    edit_rows(data_copy / "policy_timeline.csv", drop_decision)
    edit_rows(data_copy / "policy_timeline.csv", regeerakkoord_on_a_day)
    changed = open_chapter(THEME, data_copy)
    texts = prose.key_figures(changed)
    assert texts["pil_loondispensatie_schaal"] == "40 gemeenten"
    assert texts["pil_bevindingen"] == "31" and texts["pil_bevindingen_loonwaarde"] == "zeven"
    assert texts["pil_gebeurtenissen"] == "65" and texts["pil_kernmomenten"] == "negen"
    assert texts["pil_alleen_jaar"] == "26"
    events = analysis.timeline(changed.table("policy_timeline"))
    deal = events.loc[events["event"].str.contains("regeerakkoord", case=False)].iloc[0]
    assert deal["plotted"] == pd.Timestamp("2017-10-10") and deal["milestone"] == "coalition_agreement"
    assert "no_wage_dispensation" not in set(events["milestone"].dropna())
    rows = presentation.timeline_rows(changed.table("policy_timeline"), changed.sources)
    deal_text = rows.loc[rows["gebeurtenis"].str.contains("regeerakkoord", case=False), "datum_tekst"].iloc[0]
    assert deal_text == "10 oktober 2017"
    milestone_labels = presentation.milestone_labels(rows)["tekst"].tolist()
    assert milestone_labels[-1] == "7 september 2018 – Breed offensief"
    assert "10 oktober 2017 – Regeerakkoord: loondispensatie in de Participatiewet" in milestone_labels


def test_tables_name_the_letter_per_row_when_they_draw_on_several(data_copy):
    def second_letter(rows):
        for row in rows:
            if row["pilot"] in ("1", "1;2;3;4"):
                row["source_id"] = "tk-29817-145"
        return rows

    edit_rows(data_copy / "pilots.csv", second_letter)
    edit_rows(data_copy / "pilots_findings.csv", second_letter)
    changed = open_chapter(THEME, data_copy)
    pilots = presentation.pilots_table(changed)
    assert pilots.caption is None
    sources = pilots.frame.loc[pilots.frame["Onderdeel"] == "Bron", "Inhoud"].tolist()
    assert sources[0].startswith("Tweede Kamer, 29 817, nr. 145 (") and sources[0].endswith("), p. 1; bevindingen p. 2")
    assert sources[3] == "Tweede Kamer, 29 817, nr. 126 (12 juli 2013), p. 1; bevindingen p. 2–4"
    findings = presentation.findings_table(changed)
    assert findings.caption is None
    assert findings.frame["Bron"].str.match(r"^Tweede Kamer, 29 817, nr. 1(26|45) \(.*\), p\. [234]$").all()
