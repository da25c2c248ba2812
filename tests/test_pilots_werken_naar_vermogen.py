import re
from datetime import date

import nbformat
import pandas as pd
import pytest

from participatie.book import open_chapter
from participatie.figures.facts import Figure
from participatie.presentation import vocabulary
from participatie.presentation.labels import NEWER_LETTER
from participatie.themes.pilots_werken_naar_vermogen import THEME, analysis, charts, tables

from conftest import CHAPTERS
from helpers import LATER_LETTERS, assert_house_chart, edit_rows, glued, papermill, read_rows, write_rows


@pytest.fixture(scope="module")
def hoofdstuk():
    return open_chapter(THEME)


@pytest.fixture(scope="module")
def tijdlijn(hoofdstuk):
    return analysis.timeline(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)


@pytest.fixture(scope="module")
def rijen(hoofdstuk):
    return charts._rows(hoofdstuk)


@pytest.fixture(scope="module")
def feiten(hoofdstuk):
    return hoofdstuk.facts


@pytest.fixture(scope="module")
def teksten(hoofdstuk):
    return hoofdstuk.text()


# --- analysis: rules on the data ---------------------------------------------------------------


def _event_of(frame: pd.DataFrame, code: str) -> pd.Series | None:
    """Return the event with this code from `analysis.timeline` (None when the data do not have it)."""
    hits = frame.loc[frame["event_code"] == code]
    return None if hits.empty else hits.iloc[0]


def test_pilot_numbers():
    assert analysis.pilot_numbers("2;3") == [2, 3] and analysis.pilot_numbers("4") == [4]


def test_span_and_placement_keep_an_event_on_its_side_of_the_letter():
    assert analysis.span("2016-02", "month") == (date(2016, 2, 1), date(2016, 2, 29))
    assert analysis.placement("2015", "year") == (date(2015, 1, 1), date(2015, 7, 2), date(2015, 12, 31))
    assert analysis.placement("2018-09-07", "day", date(2018, 9, 7)) == (date(2018, 9, 7),) * 3
    # what happened ends by the letter; a plan starts no earlier than the letter that announces it
    assert analysis.placement("2013", "year", date(2013, 7, 12))[2] == date(2013, 7, 12)
    first, anchor, last = analysis.placement("2018", "year", date(2018, 9, 7), announced=True)
    assert (first, last) == (date(2018, 9, 7), date(2018, 12, 31)) and first <= anchor <= last
    assert analysis.placement("2019", "year", date(2018, 6, 15), announced=True)[0] == date(2019, 1, 1)
    with pytest.raises(ValueError):
        analysis.span("2018", "quarter")
    with pytest.raises(ValueError):  # a date more precise than its code
        analysis.span("2016-02-03", "month")


def test_every_row_of_the_timeline_has_exactly_one_reading_and_every_reading_one_row(hoofdstuk):
    events = hoofdstuk.table("policy_timeline")
    used = []
    for _, row in events.iterrows():
        found = analysis.matching_readings(row["source_id"], int(row["page"]), row["event"])
        assert len(found) == 1, (row["date"], row["source_id"], row["page"], row["event"][:50])
        used.append(found[0])
    assert sorted(map(repr, used)) == sorted(map(repr, analysis.readings()))
    assert {r.lane for r in analysis.readings()} == set(analysis.LANE_CODES)


def test_reading_of_a_row_no_reading_covers_uses_the_fallback_strand():
    assert analysis.reading_of("tk-0", 1, "Iets over loondispensatie").lane == "wage_instruments"
    assert analysis.reading_of("tk-0", 1, "Beschut werk groeit").lane == "sheltered_work"
    uncovered = analysis.reading_of("tk-0", 1, "Een hoorzitting")
    assert (uncovered.lane, uncovered.event, uncovered.covered) == (analysis.DEFAULT_LANE, None, False)
    # the quotum purchase pilot is no pilot Werken naar Vermogen: the reading files it with the Participatiewet
    assert analysis.reading_of("ek-33981-n", 3, "bereid tot een pilot over quotumbanen").lane == "participation_act"
    assert analysis.is_announced("Aangekondigd: iets") and not analysis.is_announced("Iets aangekondigd")


def test_codes_have_dutch_names(hoofdstuk):
    words = hoofdstuk.labels
    assert set(words["topic"]) == set(analysis.TOPICS)
    assert set(words["lane"]) == set(words["lane_short"]) == set(words["lane_phrase"]) == set(analysis.LANE_CODES)
    assert set(words["milestone"]) == set(words["milestone_phrase"]) == set(analysis.MILESTONE_CODES)
    assert set(words["matter"]) == set(analysis.MATTERS)
    assert set(words["precision"]) == set(analysis.PRECISIONS)


# --- analysis on the bundled data --------------------------------------------------------------


def test_pilots_overview_uses_the_letters_names(hoofdstuk):
    frame = analysis.pilots_overview(hoofdstuk.table("pilots"), hoofdstuk.table("pilots_findings"))
    assert frame["pilot"].tolist() == [1, 2, 3, 4]
    assert frame["name"].tolist() == [
        "Meer werkplekken bij werkgevers",
        "Omslag sw-bedrijven",
        "Integrale dienstverlening op Werkpleinen",
        "Van klant naar werken met loondispensatie",
    ]
    assert set(zip(frame["period_start"], frame["period_end"])) == {(2009, 2012)}
    assert frame["scale_value"].isna().tolist() == [True, True, True, False]
    assert (frame["scale_value"].iloc[3], frame["scale_unit"].iloc[3]) == (32.0, "gemeenten")
    # pilot 4's own findings run from page 2 to page 4; the others' from page 2 only
    assert frame["page"].tolist() == [1] * 4
    # aim and scale on page 1, the years (up to and including 2012) on page 2
    assert frame["pages"].tolist() == [[1, 2]] * 4 and analysis.period_page("tk-0", 3) == 3
    assert frame["finding_pages"].tolist() == [[2], [2], [2], [2, 3, 4]]
    assert set(frame["source_id"]) == {"tk-29817-126"}
    assert not frame["findings"].str.contains("één loket|werkgeversinitiatieven|klik").any()


def test_pilots_summary_and_wage_dispensation_pilot(hoofdstuk):
    pilots = hoofdstuk.table("pilots")
    assert analysis.pilots_summary(pilots) == {"pilots": 4, "first_year": 2009, "last_year": 2012}
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


def test_accounts_read_every_row(hoofdstuk):
    rows = analysis.accounts(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)
    assert len(rows) == 71 and rows["covered"].all()
    assert rows["lane"].isin(analysis.LANE_CODES).all()
    # no event is drawn on the wrong side of its letter
    assert (rows.loc[~rows["announced"], "end"] <= rows.loc[~rows["announced"], "letter_date"]).all()
    assert (rows.loc[rows["announced"], "start"] >= rows.loc[rows["announced"], "letter_date"]).all()
    assert rows.loc[rows["dated_by_book"], "event_code"].tolist() == ["coalition_agreement"]


def test_timeline_draws_each_event_once(tijdlijn):
    assert len(tijdlijn) == 67
    assert list(tijdlijn["start"]) == sorted(tijdlijn["start"])
    assert tijdlijn["event_code"].is_unique
    deal = _event_of(tijdlijn, "social_agreement")
    # the sociaal akkoord, told by three letters, is one event of April 2013 (the one letter that gives the month)
    assert (deal["date"], deal["precision"], deal["source_id"], deal["lane"]) == (
        "2013-04",
        "month",
        "ek-33981-n",
        "participation_act",
    )
    assert deal["sources"] == (("tk-29817-126", 4), ("ek-33981-n", 16), ("tk-29817-145", 2))
    assert deal["newest_source_id"] == "tk-29817-145" and deal["accounts"] == 3
    duty = _event_of(tijdlijn, "sheltered_work_duty")
    assert duty["sources"] == (("ek-33981-n", 7), ("ek-33981-n", 8)) and "tot het aantal" in duty["event"]
    decision = _event_of(tijdlijn, "no_wage_dispensation")
    assert decision["sources"] == (("ek-34775-ak", 2), ("ek-34775-ak", 3)) and decision["milestone"]
    assert _event_of(tijdlijn, "no_such_event") is None
    assert sorted(tijdlijn.loc[tijdlijn["milestone"], "event_code"]) == sorted(analysis.MILESTONE_CODES)
    quotum = tijdlijn.loc[tijdlijn["event"].str.contains("quotumbanen")].iloc[0]
    assert quotum["lane"] == "participation_act"


def test_timeline_summary(tijdlijn):
    assert analysis.timeline_summary(tijdlijn) == {
        "events": 67,
        "accounts": 71,
        "letters": 5,
        "first_year": 2004,
        "last_year": 2019,
        "year_only": 24,
        "month_only": 5,
        "milestones": 10,
        "announced": 6,
        "merged": 3,
    }


def test_latest_step_is_the_decision_of_september_2018(tijdlijn):
    step = analysis.latest_step(tijdlijn)
    assert set(step["date"]) == {"2018-09-07"} and set(step["source_id"]) == {"ek-34775-ak"}
    assert step["event_code"].tolist()[:2] == ["no_wage_dispensation", "broad_offensive"]
    assert not step["announced"].any()


def test_differing_accounts_side_by_side(hoofdstuk):
    frame = analysis.differing_accounts(hoofdstuk.table("policy_timeline"), hoofdstuk.sources)
    assert frame["matter"].drop_duplicates().tolist() == list(analysis.MATTERS)
    assert frame["source_id"].tolist() == [
        "ek-33981-n",
        "tk-29817-145",
        "tk-34352-56",
        "tk-29817-145",
        "tk-29817-145",
        "ek-34775-ak",
    ]
    assert frame["page"].tolist() == [16, 2, 2, 8, 7, 6]
    assert "eind 2025" in frame["event"].iloc[0] and "tot 2026" in frame["event"].iloc[1]
    # the bonus beschut werk is no difference between letters: the budget's years (2016–2020, bonus awarded up
    # to and including 2020, first for places of 2015 and 2016) and five years from 2015 agree
    assert "sheltered_work_bonus" not in analysis.MATTERS
    bonus = [r for r in analysis.readings() if "bonus" in r.phrase or "100 miljoen" in r.phrase]
    assert len(bonus) == 2 and not any(r.matter for r in bonus)


# --- the theme's words: facts, and the rules over the rendered text ---------------------------


def test_vocabulary_for_this_chapter():
    assert [vocabulary.words(n) for n in (4, 10, 12)] == ["vier", "tien", "twaalf"]
    assert vocabulary.words(66) == "66" and vocabulary.words(1234) == "1.234"
    assert tables._pilots([3, 2], False, "alle pilots") == "2 en 3"
    assert tables._pilots([1, 2, 4], False, "alle pilots") == "1, 2 en 4"
    assert tables._pilots([4, 3, 2, 1], True, "alle pilots") == "alle pilots"
    assert vocabulary.pages_text([2, 3, 2, 4]) == "p. 2–4" and vocabulary.pages_text([2, 4]) == "p. 2 en 4"
    assert tables._scale(32.0, "gemeenten") == "32 gemeenten" and tables._scale(1200.0, "personen") == "1.200 personen"
    assert tables._scale(12.5, "procent") == "12,5%" and tables._scale(float("nan"), None) == "–"
    assert vocabulary.date_at("2015", "year") == "2015" and vocabulary.date_at("2013-04", "month") == "april 2013"
    assert vocabulary.date_at("2018-03-27", "day") == "27 maart 2018" and vocabulary.date_at(None) == "–"
    assert vocabulary.month(date(2017, 6, 30)) == "juni 2017"


def test_letters_and_remarks_of_the_timeline(hoofdstuk):
    letters = hoofdstuk.finder.letters
    text = charts._letters_text((("ek-33981-n", 7), ("ek-33981-n", 8), ("ek-34775-ak", 2)), letters)
    assert text == "Eerste Kamer, 33 981, N (30 juni 2017), p. 7–8; Eerste Kamer, 34 775, AK (7 september 2018), p. 2"
    remark = hoofdstuk.labels["remark"]
    assert charts._remarks(remark, True, True, True) == f"{remark['announced']}; {remark['dated_by_book']}; {NEWER_LETTER}"
    assert charts._remarks(remark, False, False, False) == ""


def test_facts_of_the_chapter(feiten):
    assert (feiten["pilots"], feiten["first_year"], feiten["last_year"]) == (4, "2009", "2012")
    assert feiten["pilots_letter"].id == "tk-29817-126" and feiten["conclusions_page"] == 3
    assert feiten["period_page"] == 2
    assert feiten["scale"] == Figure(32.0, "gemeenten", "2009")
    assert (feiten["findings"], feiten["findings_wage_value"], feiten["findings_wage_dispensation"]) == (30, 6, 4)
    assert (feiten["events"], feiten["merged"], feiten["timeline_letters"]) == (67, 3, 5)
    assert (feiten["timeline_first_year"], feiten["timeline_last_year"]) == ("2004", "2019")
    assert (feiten["year_only"], feiten["month_only"], feiten["announced"], feiten["milestones"]) == (24, 5, 6, 10)
    assert feiten["matters"] == 3 and feiten["lanes"] == list(analysis.LANE_CODES)
    assert feiten["shared_labels"] == [{"events": 2, "date": "2018-09-07", "precision": "day"}]
    event = feiten["event"]
    assert event["social_agreement"] == {"date": "2013-04", "precision": "month"}
    assert event["laws_in_force"]["date"] == "2015" and event["sheltered_work_duty"]["date"] == "2017-01-01"
    assert event["coalition_agreement"]["date"] == "2017" and event["no_wage_dispensation"]["date"] == "2018-09-07"
    assert event["three_measurement"] == {"date": "2018-07-02", "precision": "day"}
    assert event["inspectorate_youth"] == {"date": "2016-10", "precision": "month"}
    assert all(event.values()), [code for code, found in event.items() if not found]
    step = feiten["step"]
    assert (step["date"], step["letter"].id, step["page"]) == ("2018-09-07", "ek-34775-ak", 2)
    assert step["milestones"] == ["no_wage_dispensation", "broad_offensive"]


def test_every_block_renders_and_cites_in_the_house_style(teksten, feiten):
    assert set(teksten) >= {"pil_count", "pil_latest_step", "pil_finding"}
    assert all(name.startswith("pil_") and text for name, text in teksten.items() if name != "pil_shared_labels")
    assert not any(re.search(r"\bnan\b|\binf\b|tk-\d|ek-\d", text) for text in teksten.values())
    letter = r"(Eerste Kamer\, 34 775\, AK, p. 2)"  # escaped for Markdown
    assert teksten["pil_latest_step"].endswith(letter) and "7 september 2018" in teksten["pil_latest_step"]
    finding = teksten["pil_finding"]
    assert r"(Tweede Kamer\, 29 817\, nr\. 126, p. 2–3)" in finding and finding.endswith(f"{letter}.")
    assert finding.startswith("De brief van 12 juli 2013") and "kabinet" not in finding
    assert "kan zijn, maar ook een ingewikkeld instrument is" in finding  # useful "can be", complicated "is"
    assert len(re.findall(r"\.\s+(?=[A-Z])", finding)) == 1  # two sentences
    assert teksten["pil_year_only"] == "24" and teksten["pil_month_only"] == "vijf" and teksten["pil_events"] == "67"
    assert feiten["accounts"] == 71 and teksten["pil_accounts"] == "71"  # rows in the letters, drawn as 67 events
    assert teksten["pil_date_three_measurement"] == "2 juli 2018" and teksten["pil_date_inspectorate"] == "oktober 2016"


def test_a_municipal_edition_labels_the_finding_national():
    chapter = open_chapter(THEME, gemeente="GM0363")
    first = chapter.finding().split(":")[0]
    assert "Landelijk" in first and "GM0363" not in chapter.finding()
    assert chapter.facts["code"] == "GM0363" and not chapter.facts["municipal"]


def test_no_checks_registered_for_the_theme(hoofdstuk):
    assert THEME.checks == () and THEME.figure_table is None
    assert THEME.other_tables == ("pilots", "pilots_findings", "policy_timeline")
    assert hoofdstuk.checks().empty


# --- the timeline's layout ---------------------------------------------------------------------


def test_timeline_rows_give_dutch_texts_and_sources(hoofdstuk, rijen):
    assert len(rijen) == 67 and list(rijen["begin"]) == sorted(rijen["begin"])
    assert rijen["bron"].str.match(r"^(Tweede|Eerste) Kamer, .*, p\. \d+").all()
    duty = rijen.loc[rijen["gebeurtenis"].str.contains("beide Kamers")].iloc[0]
    assert (duty["spoor"], duty["datum_tekst"], duty["kernlabel"]) == (
        "Beschut werk",
        "1 januari 2017",
        "Plicht beschut werk bij positief advies, tot het aantal uit de regeling",
    )
    assert duty["bron"] == "Eerste Kamer, 33 981, N (30 juni 2017), p. 7–8"
    words = hoofdstuk.labels
    assert rijen["spoor"].isin(words["lane"].values()).all() and not rijen["nieuwer"].any()
    assert set(rijen["nauwkeurigheid"]) == set(words["precision"].values())
    deal = rijen.loc[rijen["kernlabel"] == words["milestone"]["coalition_agreement"]].iloc[0]
    assert deal["opmerking"] == words["remark"]["dated_by_book"]
    assert (rijen["opmerking"] == words["remark"]["announced"]).sum() == 6
    # the review by the Bureau ICT-toetsing: the letter gives no year, so the event is the letter's report of it
    review = rijen.loc[rijen["gebeurtenis"].str.contains("Bureau ICT-toetsing")].iloc[0]
    assert (review["datum_tekst"], review["opmerking"]) == ("30 juni 2017", "")


def test_timeline_slots_keep_overlapping_events_apart(rijen):
    # within a strand, two events in the same column are more than the gap apart
    for (_, _), group in rijen.groupby(["spoor", "slot"]):
        ordered = group.sort_values("begin")
        gaps = [(b - e).days for e, b in zip(ordered["eind"].iloc[:-1], ordered["begin"].iloc[1:])]
        assert all(g > charts.SLOT_GAP_DAYS for g in gaps)


def test_milestone_labels_join_labels_of_one_day_and_never_overlap(rijen):
    marks = charts._milestone_labels(rijen, "eigen datering")
    assert len(marks) == 9 and list(marks["anker"]) == sorted(marks["anker"])
    assert marks["tekst"].iloc[-1] == "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief"
    assert marks["tekst"].iloc[0] == "2009 – Start van de pilots Werken naar Vermogen"
    assert "2017 (eigen datering) – Regeerakkoord: loondispensatie in de Participatiewet" in set(marks["tekst"])
    assert (marks["label_at"] >= marks["anker"]).all()
    for (above, lines), below in zip(zip(marks["label_at"], marks["regels"]), marks["label_at"].iloc[1:]):
        assert (below - above).days >= charts.LINE_DAYS * (lines.count("\n") + 1)
    assert all(len(line) <= charts.LABEL_CHARACTERS for text in marks["regels"] for line in text.split("\n"))


# --- tables and chart --------------------------------------------------------------------------


def test_pilots_table(hoofdstuk):
    table = tables.pilots(hoofdstuk)
    frame = table.frame
    assert len(frame) == 4 * 5 and frame["Pilot"].ne("").sum() == 4
    assert frame.loc[frame["Onderdeel"] == "Omvang", "Inhoud"].tolist() == ["–", "–", "–", "32 gemeenten"]
    assert frame.loc[frame["Onderdeel"] == "Looptijd", "Inhoud"].tolist() == ["2009 tot en met 2012"] * 4
    assert frame.loc[frame["Onderdeel"] == "Bron", "Inhoud"].tolist() == (
        ["p. 1–2; bevindingen p. 2"] * 3 + ["p. 1–2; bevindingen p. 2–4"]
    )
    assert table.caption == "Bron: Tweede Kamer, 29 817, nr. 126 (12 juli 2013)."
    assert "4. Van klant naar werken met loondispensatie" in table._repr_mimebundle_()["text/html"]


def test_findings_table(hoofdstuk):
    table = tables.findings(hoofdstuk)
    frame = table.frame
    assert len(frame) == 30 and frame["Onderwerp"].ne("").sum() == len(hoofdstuk.labels["topic"])
    assert frame["Onderwerp"].iloc[0] == "Algemene lessen"
    assert frame["Bron"].str.match(r"^p\. [234]$").all()
    assert set(frame["Pilot"]) >= {"alle pilots", "2 en 3", "4"}


def test_differing_accounts_table(hoofdstuk):
    table = tables.differing_accounts(hoofdstuk)
    assert table.frame["Datum"].tolist() == [
        "april 2013",
        "2013",
        "2017",
        "15 juni 2018",
        "2019",
        "7 september 2018",
    ]
    assert table.frame["Kwestie"].ne("").sum() == 3
    assert not table.frame["Kwestie"].str.contains("bonus", case=False).any()
    plain = table._repr_mimebundle_()["text/plain"]
    assert "Evaluatie van beschut werk" in plain and "Eerste Kamer, 34 775, AK (7 september 2018), p. 6" in plain


def test_chart_timeline(hoofdstuk):
    figure = charts.timeline(hoofdstuk)
    assert_house_chart(figure)
    spec = figure.spec()
    assert "67 gebeurtenissen" in spec["description"] and "Aangekondigde plannen (6)" in spec["description"]
    assert "7 september 2018 – Geen loondispensatie in de Participatiewet; breed offensief" in spec["description"]
    assert "nieuwere brief" not in spec["description"]
    assert figure.source_line.count("Kamer,") == 5
    assert len(figure.table) == 67 and figure.table["Kernmoment"].sum() == 10
    lane_colours = {
        c for layer in spec["layer"] for c in layer["encoding"].get("color", {}).get("scale", {}).get("range", [])
    }
    assert len(lane_colours) <= 4
    # a narrow screen (a phone) drops the label column: the x domain and the labels' opacity follow the width
    text = str(spec)
    assert "width >= 560 ?" in text and "'Participatiewet'" in text


# --- the analyses follow changed data ----------------------------------------------------------


def test_analyses_follow_changed_data(data_copy):
    def bigger_pilot(rows):
        for row in rows:
            if row["pilot"] == "4":
                row["scale_value"] = "40"
        return rows

    def drop_decision(rows):
        return [
            r for r in rows if not (r["date"] == "2018-09-07" and r["page"] in ("2", "3") and "offensief" not in r["event"])
        ]

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
    facts = changed.facts
    assert facts["scale"].value == 40 and (facts["findings"], facts["findings_wage_value"]) == (31, 7)
    assert (facts["events"], facts["milestones"], facts["year_only"]) == (66, 9, 23)
    assert facts["event"]["coalition_agreement"] == {"date": "2017-10-10", "precision": "day"}
    assert facts["event"]["no_wage_dispensation"] is None and facts["step"]["milestones"] == ["broad_offensive"]
    texts = changed.text()
    assert texts["pil_year_coalition"] == "10 oktober 2017" and texts["pil_date_decision"] == "–"
    assert "op 7 september 2018, de aankondiging van een breed offensief" in texts["pil_latest_step"]
    events = analysis.timeline(changed.table("policy_timeline"), changed.sources)
    deal = _event_of(events, "coalition_agreement")
    assert deal["anchor"] == date(2017, 10, 10) and deal["milestone"]  # the reading keeps the mark of a corrected date
    assert _event_of(events, "no_wage_dispensation") is None
    rows = charts._rows(changed)
    assert (
        rows.loc[rows["gebeurtenis"].str.contains("regeerakkoord", case=False), "datum_tekst"].iloc[0] == "10 oktober 2017"
    )
    milestone_labels = charts._milestone_labels(rows, "eigen datering")["tekst"].tolist()
    assert milestone_labels[-1] == "7 september 2018 – Breed offensief"
    assert "10 oktober 2017 (eigen datering) – Regeerakkoord: loondispensatie in de Participatiewet" in milestone_labels


def test_tables_name_the_letter_per_row_when_they_draw_on_several(data_copy):
    def second_letter(rows):
        for row in rows:
            if row["pilot"] in ("1", "1;2;3;4"):
                row["source_id"] = "tk-29817-145"
        return rows

    edit_rows(data_copy / "pilots.csv", second_letter)
    edit_rows(data_copy / "pilots_findings.csv", second_letter)
    changed = open_chapter(THEME, data_copy)
    pilots = tables.pilots(changed)
    assert pilots.caption is None
    sources = pilots.frame.loc[pilots.frame["Onderdeel"] == "Bron", "Inhoud"].tolist()
    assert sources[0].startswith("Tweede Kamer, 29 817, nr. 145 (") and sources[0].endswith("), p. 1; bevindingen p. 2")
    assert sources[3] == "Tweede Kamer, 29 817, nr. 126 (12 juli 2013), p. 1–2; bevindingen p. 2–4"
    findings = tables.findings(changed)
    assert findings.caption is None
    assert findings.frame["Bron"].str.match(r"^Tweede Kamer, 29 817, nr. 1(26|45) \(.*\), p\. [234]$").all()


# --- a later letter: the text follows the data -------------------------------------------------

LATER_EVENT = {
    "date": "2019-07-04",
    "precision": "day",
    "event": "De staatssecretaris meldt de Tweede Kamer de resultaten van de banenafspraak tot en met eind 2018.",
    "source_id": "tk-34352-166",
    "page": "1",
    "section": "De resultaten over 2018",
}


@pytest.fixture
def later_data(unindexed_data_copy):
    """A data copy with the two later letters of the fixture and one event of the first in the timeline."""
    sources, fields = read_rows(unindexed_data_copy / "sources.csv")
    write_rows(unindexed_data_copy / "sources.csv", [*sources, *read_rows(LATER_LETTERS / "sources.csv")[0]], fields)
    edit_rows(unindexed_data_copy / "policy_timeline.csv", lambda rows: [*rows, LATER_EVENT])
    return unindexed_data_copy


def test_a_later_letter_becomes_the_latest_step_and_is_drawn_apart(later_data):
    later = open_chapter(THEME, later_data)
    step = later.facts["step"]
    assert (step["date"], step["letter"].id, step["page"], step["milestones"]) == ("2019-07-04", "tk-34352-166", 1, [])
    assert (later.facts["timeline_letters"], later.facts["events"]) == (6, 68)
    texts = later.text()
    letter = r"(Tweede Kamer\, 34 352\, nr\. 166, p. 1)"
    assert "op 4 juli 2019" in texts["pil_latest_step"] and texts["pil_latest_step"].endswith(letter)
    assert "banenafspraak tot en met eind 2018»" in texts["pil_latest_step"]
    assert later.finding().endswith(f"{letter}.") and "is van 4 juli 2019: «" in later.finding()
    rows = charts._rows(later)
    newer = rows.loc[rows["nieuwer"]]
    assert newer["datum_tekst"].tolist() == ["4 juli 2019"] and newer["spoor"].tolist() == [
        "Participatiewet en banenafspraak"
    ]
    assert newer["opmerking"].tolist() == [NEWER_LETTER]
    figure = charts.timeline(later)
    assert "Gebeurtenissen uit een nieuwere brief (1) hebben een open ring." in figure.spec()["description"]
    assert figure.table["Opmerking"].tolist()[-1] == NEWER_LETTER  # the plans of 2019 start earlier
    assert "Tweede Kamer, 34 352, nr. 166 (4 juli 2019)" in figure.source_line


def test_the_notebook_runs_on_data_with_a_later_letter(later_data, tmp_path):
    out = tmp_path / "pilots.ipynb"
    result = papermill(CHAPTERS / "pilots_werken_naar_vermogen.ipynb", out, data_dir=str(later_data))
    assert result.returncode == 0, result.stderr[-3000:]
    texts = glued(nbformat.read(out, as_version=4))
    assert "op 4 juli 2019" in texts["pil_latest_step"] and texts["pil_letters"] == "zes"


def test_rows_with_markup_in_their_text_reach_the_glued_prose_escaped(later_data):
    def poisoned(rows):
        rows[-1]["event"] = "<b>x</b> [k](javascript:y)"
        return rows

    edit_rows(later_data / "policy_timeline.csv", poisoned)
    step = open_chapter(THEME, later_data).text()["pil_latest_step"]
    assert r"\<b\>x\<\/b\> \[k\]\(javascript\:y\)" in step and "<b>" not in step


def test_frames_stay_frames_without_rows():
    empty = pd.DataFrame(columns=["date", "precision", "event", "source_id", "page", "section"])
    sources = pd.DataFrame({"id": ["x"], "date": ["2018-01-01"]})
    assert analysis.differing_accounts(empty, sources).empty
