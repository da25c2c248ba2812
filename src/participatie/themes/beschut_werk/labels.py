"""Beschut werk: the theme's own Dutch words (shared words: presentation.labels) and how a cell names its letter."""

from __future__ import annotations

import pandas as pd

from ...presentation import references
from ...presentation.charts import PALETTE
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import NEWER_LETTER
from ...presentation.labels import PRINTED as PRINTED_TEXT
from .analysis import (
    ADVISED,
    COMPUTED,
    EXTRAPOLATED,
    HOURS,
    PART_YEAR,
    PERSONS,
    PLACES_COUNTED,
    PRINTED,
    REALISED,
    REGELING,
    WORKING,
)

APPLICANT = {"gemeente": "Gemeente", "burger": "Burger", "totaal": "Totaal"}
# What a letter computed for a period that had not yet ended (an extrapolation), as readers see it.
EXTRAPOLATED_TEXT = "doorgetrokken in de brief"
ADVICE_KIND = {
    REALISED: "gerealiseerd, heel jaar",
    PART_YEAR: "gerealiseerd, deel van het jaar",
    EXTRAPOLATED: EXTRAPOLATED_TEXT,
}
KIND = {PRINTED: PRINTED_TEXT, COMPUTED: COMPUTED_TEXT, EXTRAPOLATED: EXTRAPOLATED_TEXT}
SERIES = {
    WORKING: "mensen aan het werk",
    PLACES_COUNTED: "beschutte werkplekken (opgave in werkplekken)",
    ADVISED: "positieve adviezen (cumulatief)",
    REGELING: "plekken in de regeling (maximum waartoe gemeenten verplicht zijn)",
}
UNIT = {WORKING: "personen", PLACES_COUNTED: "werkplekken", ADVISED: "adviezen", REGELING: "plekken"}
MEASURE = {PERSONS: "Personen", HOURS: "Uren", PRINTED: PRINTED_TEXT.capitalize()}
# In a municipal edition a figure is the municipality's own, printed in no letter, and no letter carried it forward.
MUNICIPAL_TEXT, MUNICIPAL_EXTRAPOLATED = "cijfer van de gemeente", "doortrekking (cijfer van de gemeente)"
POSITIVE = "positief advies"
OTHER = f"geen positief advies ({COMPUTED_TEXT}: beoordelingen − positief)"
NEWER = NEWER_LETTER
# Open symbols and bars are white inside; outlines and the regeling's marks dark grey.
WHITE, DARK = "#FFFFFF", PALETTE[4]


def present(order: list[str], values: pd.Series) -> list[str]:
    """Return the values of `order` that occur in `values`, in that order (a legend without absent entries)."""
    return [v for v in order if v in set(values)]


def kind_words(chapter) -> dict[str, str]:
    """Return the words for printed, computed and carried-forward figures in this edition."""
    if chapter.municipal:
        return KIND | {PRINTED: MUNICIPAL_TEXT, EXTRAPOLATED: MUNICIPAL_EXTRAPOLATED}
    return KIND


def advice_words(chapter) -> dict[str, str]:
    """Return the words for the kinds of an advices count in this edition."""
    return ADVICE_KIND | ({EXTRAPOLATED: MUNICIPAL_EXTRAPOLATED} if chapter.municipal else {})


def letter_pages(chapter, source_ids, pages) -> list[str]:
    """Return 'letter, p. N' per figure; in a municipal edition, that the figure is the municipality's."""
    if chapter.municipal:
        return chapter.letters_of(list(source_ids))
    return references.letter_page(list(source_ids), list(pages), chapter.sources)


def letters_pages(chapter, source_ids: tuple, pages: tuple) -> str:
    """Return every letter that prints one value, each with its page ('…, p. 4; …, p. 2')."""
    return "; ".join(letter_pages(chapter, source_ids, pages)[: 1 if chapter.municipal else None])


def newer(chapter, frame: pd.DataFrame) -> pd.Series:
    """Return, per row with `source_id`, whether its letter is newer than the chapter's text (never for our sums)."""
    return chapter.from_newer_letters(frame).fillna(False).astype(bool)
