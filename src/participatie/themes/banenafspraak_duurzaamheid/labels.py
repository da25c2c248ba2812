"""Banenafspraak: banen en hoe lang ze duren: the theme's own Dutch words (shared words: presentation.labels)."""

from __future__ import annotations

import pandas as pd

from ...presentation import formatting
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import PRINTED as PRINTED_TEXT
from .analysis import (
    COMPUTED,
    EXCLUSIVE,
    HOURS_ALL,
    INCLUSIVE,
    NOT_WORKING,
    PERSONS_WAJONG,
    PRINTED,
    READING,
    REALISED,
    TARGET,
    TARGET_INCLUSIVE,
    UNEXPLAINED,
    WORKING,
    WORKING_ALL_MEASUREMENTS,
)

KIND = {PRINTED: PRINTED_TEXT, COMPUTED: COMPUTED_TEXT, READING: "lezing van de brief"}
ALTERNATIVE_TARGET = "doel bij de lezing tot en met 2026"
SERIES = {REALISED: "gerealiseerd", TARGET: "doel", TARGET_INCLUSIVE: ALTERNATIVE_TARGET}
EARLIER_COUNT = "gerealiseerd, eerdere opgave (ruim)"
READING_TEXT = {
    EXCLUSIVE: "eind 2025 (brief juni 2017; 'tot 2026' exclusief gelezen)",
    INCLUSIVE: "eind 2026 ('oplopend tot 2026' inclusief gelezen, brief juni 2018)",
}
BACKGROUND = {"wsw": "Wsw", "wajong": "Wajong", "participatiewet": "Participatiewet", "totaal": "Alle werkenden"}
OUTCOME = {
    WORKING: "weer of nog aan het werk",
    WORKING_ALL_MEASUREMENTS: "op alle peilmomenten aan het werk",
    NOT_WORKING: "niet meer aan het werk",
    UNEXPLAINED: "niet verklaard (rest)",
}
MEASURE = {HOURS_ALL: "uren, alle werkenden uit het register", PERSONS_WAJONG: "personen, Wajong"}
PAGE_VIEW_GROUP = {"ondergrens": " (ondergrens)", "bovengrens": " (bovengrens)"}


def pace_series(pace: pd.Series) -> str:
    """Return the Dutch name of a linear path to the target (a `required_pace` row): its deadline and pace per year."""
    return f"lineair pad tot {formatting.period_label(pace['end'])}: {formatting.number(pace['per_year'], 0)} per jaar"
