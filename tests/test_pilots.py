from datetime import date

import pandas as pd
import pytest

from participatie import chapter, checks
from participatie import pilots as pil
from helpers import edit_rows


@pytest.fixture(scope="module")
def hoofdstuk():
    return chapter.open_chapter(None, tables=pil.TABLES)


@pytest.fixture(scope="module")
def tijdlijn(hoofdstuk):
    return pil.timeline(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)


# --- helpers ---------------------------------------------------------------------------------

def test_number_word():
    assert [pil.number_word(n) for n in (4, 10, 12)] == ["vier", "tien", "twaalf"]
    assert pil.number_word(66) == "66" and pil.number_word(1234) == "1.234"


def test_pilot_numbers_and_text():
    assert pil.pilot_numbers("2;3") == [2, 3] and pil.pilot_numbers("4") == [4]
    assert pil.pilots_text([3, 2], [1, 2, 3, 4]) == "2 en 3"
    assert pil.pilots_text([1, 2, 4], [1, 2, 3, 4]) == "1, 2 en 4"
    assert pil.pilots_text([4, 3, 2, 1], [1, 2, 3, 4]) == "alle pilots"
    assert pil.pilots_text([4], [1, 2, 3, 4]) == "4"


def test_pages_text():
    assert pil.pages_text([2, 3, 2, 4]) == "p. 2–4"
    assert pil.pages_text([2, 4]) == "p. 2, 4"
    assert pil.pages_text([3]) == "p. 3" and pil.pages_text([]) == ""


def test_scale_text():
    assert pil.scale_text(32.0, "gemeenten") == "32 gemeenten"
    assert pil.scale_text(1200.0, "personen") == "1.200 personen"
    assert pil.scale_text(12.5, "procent") == "12,5%"
    assert pil.scale_text(float("nan"), None) == "–"


def test_placement_puts_year_on_1_july_and_month_on_the_15th():
    assert pil.placement("2015", "year") == (date(2015, 1, 1), date(2015, 7, 1), date(2015, 12, 31))
    assert pil.placement("2016-02", "month") == (date(2016, 2, 1), date(2016, 2, 15), date(2016, 2, 29))
    assert pil.placement("2018-09-07", "day") == (date(2018, 9, 7),) * 3
    with pytest.raises(ValueError):
        pil.placement("2018", "quarter")


def test_date_text_is_as_precise_as_the_letter():
    assert pil.date_text("2015", "year") == "2015"
    assert pil.date_text("2013-04", "month") == "april 2013"
    assert pil.date_text("2018-03-27", "day") == "27 maart 2018"


def test_lane_of_takes_the_first_matching_strand():
    assert pil.lane_of("De staatssecretaris ziet af van loondispensatie in de Participatiewet") == pil.LANES[0][0]
    assert pil.lane_of("Met de Participatiewet sluit de Wsw; voortaan beschut werk") == "Beschut werk"
    assert pil.lane_of("Start van vier pilots") == "Pilots en Wsw"
    assert pil.lane_of("Een hoorzitting in de Tweede Kamer") == pil.DEFAULT_LANE


# --- analyses on the bundled data ------------------------------------------------------------

def test_pilots_overview(hoofdstuk):
    frame = pil.pilots_overview(hoofdstuk.table("pilots"), hoofdstuk.table("pilots_findings"), hoofdstuk.sources)
    assert frame["pilot"].tolist() == [1, 2, 3, 4]
    assert set(frame["periode"]) == {"2009–2012"} and set(frame["jaren"]) == {4}
    assert frame["schaal"].tolist() == ["–", "–", "–", "32 gemeenten"]
    # pilot 4's own findings run from page 2 to page 4; the others' from page 2 only
    assert frame["pagina"].tolist() == ["p. 1; bevindingen p. 2"] * 3 + ["p. 1; bevindingen p. 2–4"]
    assert frame["bron"].iloc[3] == "Tweede Kamer, 29 817, nr. 126 (12 juli 2013), p. 1; bevindingen p. 2–4"


def test_findings_by_topic_groups_general_lessons_first(hoofdstuk):
    findings = hoofdstuk.table("pilots_findings")
    frame = pil.findings_by_topic(findings, hoofdstuk.table("pilots"))
    assert len(frame) == len(findings) == 30
    assert frame["topic"].drop_duplicates().tolist() == list(pil.TOPIC_TEXT)
    assert set(frame.loc[frame["topic"] == "overig", "pilots"]) == {"alle pilots"}
    assert set(frame.loc[frame["topic"] == "sw_bedrijf", "pilots"]) == {"2 en 3"}
    assert set(frame.loc[frame["topic"] == "loonwaarde", "pilots"]) == {"4"}


def test_findings_per_topic_adds_up_to_all_findings(hoofdstuk):
    findings = hoofdstuk.table("pilots_findings")
    counts = pil.findings_per_topic(findings).set_index("topic")["bevindingen"]
    assert counts.sum() == len(findings)
    assert counts.to_dict() == {"overig": 6, "werkgevers": 5, "dienstverlening": 5, "sw_bedrijf": 4,
                                "loonwaarde": 6, "loondispensatie": 4}


def test_years_to_standard_method(hoofdstuk):
    events = hoofdstuk.table("policy_timeline")
    assert pil.years_to_standard_method(events, hoofdstuk.sources, "tk-29817-126") == 2018 - 2013
    without = events.loc[~events["event"].str.contains("standaardmethode")]
    assert pil.years_to_standard_method(without, hoofdstuk.sources, "tk-29817-126") is None


def test_milestones_found_by_date_and_word(hoofdstuk):
    events = hoofdstuk.table("policy_timeline")
    marks = pil.milestones(events)
    assert len(marks) == len(pil.MILESTONES) == 10
    marked = events.loc[marks.index]
    assert sorted(marked["date"]) == sorted(d for d, _, _ in pil.MILESTONES)
    decision = marked.loc[marked["event"].str.contains("ziet af van loondispensatie")]
    assert decision[["date", "source_id", "page"]].values.tolist() == [["2018-09-07", "ek-34775-ak", 2]]


def test_timeline_places_sorts_and_sources_every_event(hoofdstuk, tijdlijn):
    assert len(tijdlijn) == len(hoofdstuk.table("policy_timeline")) == 66
    assert tijdlijn["datum"].is_monotonic_increasing
    assert tijdlijn["datum"].iloc[0] == pd.Timestamp("2004-07-01") and tijdlijn["datum"].iloc[-1] == pd.Timestamp("2019-07-01")
    assert tijdlijn["bron"].str.match(r"^(Tweede|Eerste) Kamer, .*, p\. \d+$").all()
    duty = tijdlijn.loc[tijdlijn["gebeurtenis"].str.contains("wettelijk verplicht beschut werk")].iloc[0]
    assert (duty["date"], duty["source_id"], duty["page"], duty["spoor"]) == ("2017-01-01", "ek-33981-n", 7, "Beschut werk")
    assert duty["kernmoment"] and duty["datum_tekst"] == "1 januari 2017"
    assert tijdlijn["kernmoment"].sum() == 10 and tijdlijn["spoor"].isin([lane for lane, _ in pil.LANES]).all()


def test_timeline_slots_keep_overlapping_events_apart(tijdlijn):
    # within a strand, two events in the same column are more than the gap apart
    for (_, _), group in tijdlijn.groupby(["spoor", "slot"]):
        ordered = group.sort_values("begin")
        gaps = [(b - e).days for e, b in zip(ordered["eind"].iloc[:-1], ordered["begin"].iloc[1:])]
        assert all(g > pil.SLOT_GAP_DAYS for g in gaps)
    same_day = tijdlijn.loc[tijdlijn["date"] == "2018-09-07"]
    assert same_day.groupby("spoor")["x"].nunique().eq(same_day.groupby("spoor").size()).all()


def test_milestone_labels_join_labels_of_one_day(tijdlijn):
    labels = pil.milestone_labels(tijdlijn)
    assert len(labels) == 9 and labels["datum"].is_monotonic_increasing
    assert labels["tekst"].iloc[-1] == "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief"
    assert labels["tekst"].iloc[0] == "2009 – Start van de pilots Werken naar Vermogen"
    assert (labels["label_x"] > labels["x"]).all()


def test_differing_accounts_side_by_side(hoofdstuk):
    frame = pil.differing_accounts(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)
    assert frame["kwestie"].tolist() == [pil.DIFFERING_ACCOUNTS[0][0]] * 2 + [pil.DIFFERING_ACCOUNTS[1][0]] * 2
    assert frame["source_id"].tolist() == ["ek-33981-n", "tk-29817-145", "tk-29817-145", "ek-34775-ak"]
    assert frame["pagina"].tolist() == [16, 2, 7, 6]
    assert frame["gebeurtenis"].iloc[0].count("eind 2025") == 1 and "tot 2026" in frame["gebeurtenis"].iloc[1]
    assert frame["datering"].tolist() == ["april 2013", "2013", "2019", "2018"]


def test_key_figures_are_dutch_text(hoofdstuk):
    texts = pil.key_figures(hoofdstuk)
    assert texts["pil_aantal"] == "vier" and (texts["pil_start"], texts["pil_eind"]) == ("2009", "2012")
    assert texts["pil_loondispensatie_schaal"] == "32 gemeenten" and texts["pil_loondispensatie_nr"] == "4"
    assert texts["pil_bevindingen"] == "30" and texts["pil_bevindingen_loonwaarde"] == "zes"
    assert texts["pil_gebeurtenissen"] == "66" and texts["pil_brieven"] == "vijf"
    assert (texts["pil_alleen_jaar"], texts["pil_alleen_maand"]) == ("27", "5")
    assert texts["pil_jaren_tot_standaard"] == "vijf" and texts["pil_kernmomenten"] == "tien"
    assert all(name.startswith("pil_") and isinstance(v, str) and v for name, v in texts.items())


def test_no_checks_registered_for_the_theme(hoofdstuk):
    assert not [c for c in checks.REGISTRY.values() if c.theme == pil.THEME]
    assert hoofdstuk.checks().empty


# --- tables and chart ------------------------------------------------------------------------

def test_pilots_table(hoofdstuk):
    table = pil.pilots_table(hoofdstuk)
    frame = table.frame
    assert len(frame) == 4 * 5 and frame["Pilot"].ne("").sum() == 4
    assert frame.loc[frame["Onderdeel"] == "Schaal", "Inhoud"].tolist() == ["–", "–", "–", "32 gemeenten"]
    assert table.caption == "Bron: Tweede Kamer, 29 817, nr. 126 (12 juli 2013)."
    assert "4. Loondispensatie" in table._repr_mimebundle_()["text/html"]


def test_findings_table(hoofdstuk):
    table = pil.findings_table(hoofdstuk)
    frame = table.frame
    assert len(frame) == 30 and frame["Onderwerp"].ne("").sum() == len(pil.TOPIC_TEXT)
    assert frame["Bron"].str.match(r"^p\. [234]$").all()


def test_differing_accounts_table(hoofdstuk):
    plain = pil.differing_accounts_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "Evaluatie van beschut werk" in plain and "Eerste Kamer, 34 775, AK (7 september 2018)" in plain


def test_chart_timeline(hoofdstuk):
    figure = pil.chart_timeline(hoofdstuk)
    spec = figure.spec()
    assert spec["title"]["text"] and "66 beleidsgebeurtenissen" in spec["description"]
    assert "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief" in spec["description"]
    assert figure.source_line.startswith("Bron: ") and figure.source_line.count("Kamer,") == 5
    assert len(figure.table) == 66 and figure.table["Kernmoment"].sum() == 10
    html = figure._repr_mimebundle_()["text/html"]
    assert "http" not in html
    colours = {c for layer in spec["layer"] for c in layer["encoding"].get("color", {}).get("scale", {}).get("range", [])}
    assert len(colours) <= 4


# --- the analyses follow changed data --------------------------------------------------------

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
    changed = chapter.open_chapter(None, data_copy, tables=pil.TABLES)
    texts = pil.key_figures(changed)
    assert texts["pil_loondispensatie_schaal"] == "40 gemeenten"
    assert texts["pil_bevindingen"] == "31" and texts["pil_bevindingen_loonwaarde"] == "zeven"
    assert texts["pil_gebeurtenissen"] == "65" and texts["pil_kernmomenten"] == "negen"
    assert texts["pil_alleen_jaar"] == "26"
    events = pil.timeline(changed.table("policy_timeline"), changed.sources)
    deal = events.loc[events["gebeurtenis"].str.contains("regeerakkoord", case=False)].iloc[0]
    assert deal["datum"] == pd.Timestamp("2017-10-10") and deal["datum_tekst"] == "10 oktober 2017"
    labels = pil.milestone_labels(events)["tekst"].tolist()
    assert labels[-1] == "7 september 2018 – Breed offensief"
    assert "10 oktober 2017 – Regeerakkoord: loondispensatie in de Participatiewet" in labels
