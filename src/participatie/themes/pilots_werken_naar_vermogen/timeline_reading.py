"""How the chapter reads each row of the policy timeline: its strand, the event it tells of, the matter it concerns.

The strands (lanes of the chart), the key milestones and the matters on which letters tell the story
differently are a reading of this chapter, not of the letters. They are written down here per row of
data/policy_timeline.csv, not guessed from words of the text: a row is found by its letter, its page
and a phrase of its text (which tells apart the rows of one page), so a corrected date or a reworded
text keeps its reading as long as the phrase stays. Rows of one event share an event code and are
drawn once (see `analysis.timeline`); the codes of key milestones are event codes too.

A row that no reading covers (a later letter added to the data) is its own event, not a milestone,
and goes to a strand by the fallback rule `lane_of`.

Two conventions of the data's text are read here as codes: a row whose text starts with
"Aangekondigd" tells of a plan the letter announces (not of something that happened), and a row whose
text says "eigen datering" carries a date that no letter gives (ours).
"""

from __future__ import annotations

from dataclasses import dataclass

# How precisely a letter dates an event (the data's codes), most precise first.
PRECISIONS = ("day", "month", "year")

# The strands, each drawn as its own column, in the order of the columns.
LANE_CODES = ("wage_instruments", "sheltered_work", "pilots_wsw", "participation_act")
DEFAULT_LANE = "participation_act"

# The key milestones of the policy path this chapter follows, in order: the pilots (start, last year,
# results to parliament), the sociaal akkoord (banenafspraak; loonkostensubsidie in place of
# loondispensatie), the two laws of 2015, the duty to offer beschut werk, and the plan for loondispensatie
# in the Participatiewet from the regeerakkoord to its end and the breed offensief.
MILESTONE_CODES = (
    "pilots_start",
    "pilots_last_year",
    "social_agreement",
    "pilot_results",
    "laws_in_force",
    "sheltered_work_duty",
    "coalition_agreement",
    "outline_memo",
    "no_wage_dispensation",
    "broad_offensive",
)

# Matters on which two letters tell the story differently, in the order the chapter discusses them.
MATTERS = ("banenafspraak_term", "sheltered_work_bonus", "thermometer_wsw", "sheltered_work_evaluation")

ANNOUNCED_PREFIX = "aangekondigd"
DATED_BY_BOOK_MARK = "eigen datering"

# The fallback rule for rows no reading covers: the first strand one of whose words the text names.
FALLBACK_WORDS = (
    ("wage_instruments", ("loonwaarde", "loondispensatie", "loonkostensubsidie")),
    ("sheltered_work", ("beschut",)),
    ("pilots_wsw", ("Werken naar Vermogen", "Wsw", "sw-bedrijf", "sociale werkplaats")),
)


@dataclass(frozen=True)
class Reading:
    """The chapter's reading of one row: found by letter, page and phrase; its strand, event and matter."""

    source_id: str
    page: int
    phrase: str
    lane: str
    event: str | None = None
    matter: str | None = None
    covered: bool = True


W, B, P, A = LANE_CODES  # short names for the table below

READINGS = (
    Reading("ek-33981-n", 16, "Wiw", A),
    Reading("tk-29817-126", 1, "opgezet", P, "pilots_start"),
    Reading("tk-29817-126", 2, "laatste jaar", P, "pilots_last_year"),
    Reading("tk-29817-126", 4, "Wet Werken naar Vermogen", P),
    Reading("tk-29817-126", 4, "sociaal akkoord", A, "social_agreement"),
    Reading("tk-29817-145", 2, "sociaal akkoord", A, "social_agreement", "banenafspraak_term"),
    Reading("tk-29817-126", 4, "Kernkaart", P),
    Reading("tk-29817-126", 4, "Werkkamer", A),
    Reading("tk-29817-126", 1, "toe haar te informeren", P),
    Reading("ek-33981-n", 16, "sociaal akkoord", A, "social_agreement", "banenafspraak_term"),
    Reading("tk-29817-126", 3, "hoofdlijnen", A),
    Reading("tk-29817-126", 1, "eindrapporten", P, "pilot_results"),
    Reading("ek-34775-ak", 2, "treden in werking", A, "laws_in_force"),
    Reading("tk-29817-145", 8, "geen nieuwe instroom", P),
    Reading("tk-29817-145", 2, "aangepaste omstandigheden", B),
    Reading("tk-29817-145", 7, "efficiencykorting", P),
    Reading("tk-29817-145", 8, "bonus", B, None, "sheltered_work_bonus"),
    Reading("ek-33981-n", 7, "achterblijft", B),
    Reading("ek-33981-n", 6, "ruime inzet van loonkostensubsidie", W),
    Reading("ek-33981-n", 7, "100 miljoen", B, None, "sheltered_work_bonus"),
    Reading("ek-33981-n", 4, "regelhulp", A),
    Reading("ek-33981-n", 7, "najaar 2016", B),
    Reading("tk-29817-145", 9, "SER", P),
    Reading("tk-34352-56", 2, "Inspectie SZW", A),
    Reading("ek-33981-n", 1, "Algemeen Overleg", A),
    Reading("ek-33981-n", 11, "wetsvoorstel Verplichting beschut werk", B),
    Reading("ek-33981-n", 3, "quotumbanen", A),
    Reading("tk-34352-56", 2, "lage-inkomensvoordeel", A),
    Reading("tk-34352-56", 2, "Thermometer", P, "thermometer_announced", "thermometer_wsw"),
    Reading("ek-33981-n", 4, "Bureau ICT-toetsing", A),
    Reading("ek-33981-n", 4, "TNO", A),
    Reading("tk-29817-145", 2, "regeerakkoord", W, "coalition_agreement"),
    Reading("ek-33981-n", 7, "instemming van beide Kamers", B, "sheltered_work_duty"),
    Reading("ek-33981-n", 8, "positief advies", B, "sheltered_work_duty"),
    Reading("ek-33981-n", 11, "Praktijkroute", W, "practice_route"),
    Reading("ek-33981-n", 9, "ministeriële regeling", B),
    Reading("tk-34352-56", 1, "brengen een manifest uit", A),
    Reading("tk-34352-56", 1, "reageert op het manifest", A),
    Reading("ek-33981-n", 7, "voor het eerst toegekend", B),
    Reading("ek-33981-n", 4, "calculator", W),
    Reading("ek-33981-n", 4, "rondetafelgesprek", A),
    Reading("ek-33981-n", 1, "informeert de Eerste Kamer", A),
    Reading("ek-33981-n", 2, "quotaregelingen", A),
    Reading("ek-33981-n", 6, "verbeteringen", A),
    Reading("ek-33981-n", 16, "structureel", W),
    Reading("ek-33981-n", 14, "een jaar uit", A),
    Reading("tk-29817-145", 6, "Wajongers", W, "wajong_provisions"),
    Reading("tk-29817-145", 2, "ervaringsonderzoeken", A),
    Reading("ek-34775-ak", 5, "werkgeversservicepunt", A),
    Reading("ek-33981-n", 2, "UWV herhaalt", A),
    Reading("ek-34775-ak", 1, "stuurt haar hoofdlijnennotitie", W, "outline_memo"),
    Reading("tk-29817-145", 1, "zendt", P),
    Reading("tk-29817-145", 1, "regeling van werkzaamheden", P),
    Reading("tk-29817-145", 8, "Cedris", P),
    Reading("tk-29817-145", 1, "dertigledendebat", B),
    Reading("ek-34775-ak", 3, "hoorzitting", A),
    Reading("ek-34775-ak", 1, "moties", W, "outline_debate"),
    Reading("tk-29817-145", 6, "SZW-gemeentebrief", B),
    Reading("tk-29817-145", 1, "reageert per brief", A),
    Reading("tk-29817-145", 8, "Thermometer", P, "thermometer_sent", "thermometer_wsw"),
    Reading("ek-34775-ak", 2, "drie-meting", A),
    Reading("ek-34775-ak", 2, "niet verder", W, "no_wage_dispensation"),
    Reading("ek-34775-ak", 3, "redenen", W, "no_wage_dispensation"),
    Reading("ek-34775-ak", 2, "breed offensief", A, "broad_offensive"),
    Reading("ek-34775-ak", 4, "standaardmethode", W, "standard_method"),
    Reading("ek-34775-ak", 4, "vrijlaten", W),
    Reading("ek-34775-ak", 5, "Wet banenafspraak en quotum", A),
    Reading("ek-34775-ak", 6, "evaluatie van beschut werk", B, "evaluation_started", "sheltered_work_evaluation"),
    Reading("ek-33981-n", 14, "worden de eindevaluaties", A),
    Reading("tk-29817-145", 8, "motie Voortman", B),
    Reading("tk-29817-145", 7, "evaluatie van beschut werk", B, "evaluation_planned", "sheltered_work_evaluation"),
)


def lane_of(event: str) -> str:
    """Return the strand of a row no reading covers: the first strand one of whose words the text names."""
    text = event.lower()
    for lane, words in FALLBACK_WORDS:
        if any(word.lower() in text for word in words):
            return lane
    return DEFAULT_LANE


def matching_readings(source_id: str, page: int, event: str) -> list[Reading]:
    """Return the readings that cover a row (the same letter and page, the phrase in its text)."""
    text = event.lower()
    return [r for r in READINGS if r.source_id == source_id and r.page == page and r.phrase.lower() in text]


def reading_of(source_id: str, page: int, event: str) -> Reading:
    """Return the chapter's reading of a row; a row no reading covers gets the fallback strand, uncovered."""
    found = matching_readings(source_id, page, event)
    if found:
        return found[0]
    return Reading(source_id, page, "", lane_of(event), covered=False)


def is_announced(event: str) -> bool:
    """Return whether a row tells of a plan the letter announces (its text starts with "Aangekondigd")."""
    return event.strip().lower().startswith(ANNOUNCED_PREFIX)
