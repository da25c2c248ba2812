"""Pilots Werken naar Vermogen: the theme's Dutch words and texts.

The analysis gives codes (topics, strands, milestones, date precisions, matters); their Dutch names
live here, with the theme's texts: counts as words, which pilots a finding comes from ("alle pilots"),
page texts, scale texts and date texts as precise as the letter. Shared words come from
`presentation.labels`.
"""

from __future__ import annotations

import pandas as pd
from babel.dates import format_date

from ...presentation import formatting
from ...presentation.labels import LOCALE
from .analysis import placement

TOPIC_TEXT = {
    "overig": "Algemene lessen",
    "werkgevers": "Werkgevers",
    "dienstverlening": "Dienstverlening van gemeenten en UWV",
    "sw_bedrijf": "Sw-bedrijf",
    "loonwaarde": "Loonwaarde",
    "loondispensatie": "Loondispensatie",
}
PRECISION_TEXT = {"day": "dag", "month": "maand", "year": "alleen jaar"}
PRECISION_SHAPE = {"day": "circle", "month": "square", "year": "diamond"}
LANE_TEXT = {
    "wage_instruments": "Loonwaarde, loondispensatie, loonkostensubsidie",
    "sheltered_work": "Beschut werk",
    "pilots_wsw": "Pilots en Wsw",
    "participation_act": "Participatiewet en banenafspraak",
}
MILESTONE_TEXT = {
    "pilots_start": "Start van de pilots Werken naar Vermogen",
    "pilots_last_year": "Laatste jaar van de pilots",
    "social_agreement": "Sociaal akkoord",
    "pilot_results": "Uitkomsten van de pilots naar de Kamer",
    "laws_in_force": "Participatiewet en Wet banenafspraak van kracht",
    "sheltered_work_duty": "Gemeenten verplicht beschut werk aan te bieden",
    "coalition_agreement": "Regeerakkoord: loondispensatie in de Participatiewet",
    "outline_memo": "Hoofdlijnennotitie loondispensatie",
    "no_wage_dispensation": "Geen loondispensatie in de Participatiewet",
    "broad_offensive": "breed offensief",
}
MATTER_TEXT = {
    "banenafspraak_term": "Termijn van de banenafspraak uit het sociaal akkoord",
    "sheltered_work_evaluation": "Evaluatie van beschut werk",
}
ALL_PILOTS_TEXT = "alle pilots"
MILESTONE_KIND_TEXT = {True: "kernmoment", False: "overige gebeurtenis"}
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


def pages_text(pages: list[int]) -> str:
    """Return a set of pages as Dutch page text: p. 2, p. 2–3, p. 2, 4."""
    unique = sorted(set(int(p) for p in pages))
    if not unique:
        return ""
    if unique == list(range(unique[0], unique[-1] + 1)) and len(unique) > 1:
        return f"p. {unique[0]}–{unique[-1]}"
    return "p. " + ", ".join(str(p) for p in unique)


def scale_text(value: float | None, unit: str | None) -> str:
    """Return a pilot's scale as Dutch text (32 gemeenten), or – when the letter gives none."""
    if value is None or pd.isna(value):
        return "–"
    text = formatting.value_text(value, unit)
    return text if text != formatting.number(value) else f"{text} {unit}"


def date_text(date_value: str, precision: str) -> str:
    """Return an event's date as a Dutch reader writes it, as precise as the letter: 2015, april 2013, 27 maart 2018."""
    first, _, _ = placement(date_value, precision)
    if precision == "day":
        return formatting.long_date(first)
    if precision == "month":
        return format_date(first, "MMMM y", locale=LOCALE)
    return str(first.year)
