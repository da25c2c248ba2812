"""Pilots Werken naar Vermogen: the theme's Dutch words and texts.

The analysis gives codes (topics, strands, milestones, date precisions, matters); their Dutch names
live here, with the theme's texts: counts as words, which pilots a finding comes from ("alle pilots"),
page texts, scale texts and date texts as precise as the letter. Shared words come from
`presentation.labels`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from babel.dates import format_date

from ...presentation import formatting, references
from ...presentation.labels import LOCALE, NEWER_LETTER
from .analysis import span

TOPIC_TEXT = {
    "overig": "Algemene lessen",
    "werkgevers": "Werkgevers",
    "dienstverlening": "Dienstverlening van gemeenten en UWV",
    "sw_bedrijf": "Sw-bedrijf",
    "loonwaarde": "Loonwaarde",
    "loondispensatie": "Loondispensatie",
}
PRECISION_TEXT = {"day": "dag", "month": "maand", "year": "alleen jaar"}
LANE_TEXT = {
    "wage_instruments": "Loonwaarde, loondispensatie, loonkostensubsidie",
    "sheltered_work": "Beschut werk",
    "pilots_wsw": "Pilots en Wsw",
    "participation_act": "Participatiewet en banenafspraak",
}
# The strands as a phrase inside a sentence.
LANE_PHRASE = {
    "wage_instruments": "loonwaarde, loondispensatie en loonkostensubsidie",
    "sheltered_work": "beschut werk",
    "pilots_wsw": "de pilots en de Wsw",
    "participation_act": "de Participatiewet en de banenafspraak in het algemeen",
}
# The strands' names on a narrow screen, where the long names do not fit above their columns.
LANE_SHORT_TEXT = {
    "wage_instruments": "Loonwaarde",
    "sheltered_work": "Beschut werk",
    "pilots_wsw": "Pilots, Wsw",
    "participation_act": "Participatiewet",
}
# The label of each key milestone beside the timeline.
MILESTONE_TEXT = {
    "pilots_start": "Start van de pilots Werken naar Vermogen",
    "pilots_last_year": "Laatste jaar van de pilots",
    "social_agreement": "Sociaal akkoord: banenafspraak",
    "pilot_results": "Uitkomsten van de pilots naar de Tweede Kamer",
    "laws_in_force": "Participatiewet en Wet banenafspraak van kracht",
    "sheltered_work_duty": "Plicht beschut werk bij positief advies, tot het aantal uit de regeling",
    "coalition_agreement": "Regeerakkoord: loondispensatie in de Participatiewet",
    "outline_memo": "Hoofdlijnennotitie loondispensatie",
    "no_wage_dispensation": "Geen loondispensatie in de Participatiewet",
    "broad_offensive": "breed offensief",
}
# A key milestone as a phrase inside a sentence (the latest step on the policy path).
MILESTONE_PHRASE = {
    "pilots_start": "de start van de pilots Werken naar Vermogen",
    "pilots_last_year": "het laatste jaar van de pilots",
    "social_agreement": "het sociaal akkoord met de banenafspraak",
    "pilot_results": "het toezenden van de uitkomsten van de pilots aan de Tweede Kamer",
    "laws_in_force": "de inwerkingtreding van de Participatiewet en de Wet banenafspraak en quotum arbeidsbeperkten",
    "sheltered_work_duty": "de plicht van gemeenten om bij een positief advies beschut werk te bieden",
    "coalition_agreement": "de aankondiging in het regeerakkoord van loondispensatie in de Participatiewet",
    "outline_memo": "de hoofdlijnennotitie over loondispensatie in de Participatiewet",
    "no_wage_dispensation": "het besluit van de staatssecretaris om loondispensatie niet in de Participatiewet op te nemen",
    "broad_offensive": "de aankondiging van een breed offensief voor meer werk voor mensen met een arbeidsbeperking",
}
MATTER_TEXT = {
    "banenafspraak_term": "Termijn van de banenafspraak uit het sociaal akkoord",
    "sheltered_work_bonus": "Periode van de bonus beschut werk",
    "thermometer_wsw": "Thermometer Wsw",
    "sheltered_work_evaluation": "Evaluatie van beschut werk",
}
ALL_PILOTS_TEXT = "alle pilots"
MILESTONE_KIND_TEXT = {True: "kernmoment", False: "overige gebeurtenis"}
# Remarks on an event in the chart's tooltip and table.
ANNOUNCED_TEXT = "aangekondigd plan"
DATED_BY_BOOK_TEXT = "jaar niet in de brieven; eigen datering"
NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


# --- texts ------------------------------------------------------------------------------------


def number_word(n: int) -> str:
    """Return a small count as a Dutch word (vier), larger ones in digits with Dutch separators."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else formatting.number(n)


def pilots_text(numbers: list[int], all_pilots: bool) -> str:
    """Return which pilots a finding comes from, in Dutch: 4, 2 en 3, or alle pilots."""
    if all_pilots:
        return ALL_PILOTS_TEXT
    words = [str(n) for n in sorted(numbers)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


pages_text = references.pages_text  # the book's one page style (p. 2, p. 2–4, p. 2 en 4)


def scale_text(value: float | None, unit: str | None) -> str:
    """Return a pilot's scale as Dutch text (32 gemeenten), or – when the letter gives none."""
    if value is None or pd.isna(value):
        return "–"
    text = formatting.value_text(value, unit)
    return text if text != formatting.number(value) else f"{text} {unit}"


def date_text(date_value: str, precision: str) -> str:
    """Return an event's date as a Dutch reader writes it, as precise as the letter: 2015, april 2013, 27 maart 2018."""
    first, _ = span(date_value, precision)
    if precision == "day":
        return formatting.long_date(first)
    if precision == "month":
        return format_date(first, "MMMM y", locale=LOCALE)
    return str(first.year)


def month_text(day: date) -> str:
    """Return a day's month and year in Dutch: juni 2017."""
    return format_date(day, "MMMM y", locale=LOCALE)


def letters_text(pairs, sources: pd.DataFrame) -> str:
    """Return the letters and pages an event comes from: 'reference, p. N; reference, p. M' (pages of one letter joined)."""
    pages: dict[str, list[int]] = {}
    for source_id, page in pairs:
        pages.setdefault(source_id, []).append(int(page))
    return "; ".join(f"{references.reference(s, sources)}, {pages_text(p)}" for s, p in pages.items())


def enumeration(items: list[str]) -> str:
    """Return items that may hold commas or 'en' as a Dutch enumeration: a; b; c; en d."""
    return items[0] if len(items) == 1 else "; ".join(items[:-1]) + "; en " + items[-1]


def remarks_text(announced: bool, dated_by_book: bool, newer: bool) -> str:
    """Return the remarks on an event for the tooltip and table (aangekondigd plan; eigen datering; nieuwere brief)."""
    parts = [ANNOUNCED_TEXT if announced else "", DATED_BY_BOOK_TEXT if dated_by_book else "", NEWER_LETTER if newer else ""]
    return "; ".join(p for p in parts if p)
