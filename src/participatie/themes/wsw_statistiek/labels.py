"""De sociale werkvoorziening in cijfers: the theme's own Dutch words (shared words: presentation.labels).

The analysis gives codes (kinds, parts, readings); their Dutch names live here, with the way the letters
name the moment of a stock ('begin 2012') and the cell that names where a value comes from: the letter
and page in the national edition, the municipality's data in a municipal one (no letter printed those).
"""

from __future__ import annotations

import pandas as pd

from ...data import periods
from ...presentation import formatting, references
from ...presentation import labels as shared
from . import analysis
from .analysis import COMPUTED, EXPECTED, PRINTED

EXPECTED_TEXT = "verwachting in de brief"
MUNICIPAL_EXPECTED = "verwachting (cijfer van de gemeente)"
KIND_TEXT = {PRINTED: shared.PRINTED, COMPUTED: shared.COMPUTED, EXPECTED: EXPECTED_TEXT}
MUNICIPAL_KIND_TEXT = {PRINTED: shared.MUNICIPAL_FIGURE, COMPUTED: shared.COMPUTED, EXPECTED: MUNICIPAL_EXPECTED}
# Legend order: printed figures first, then expectations, figures from newer letters, our computations.
KIND_ORDER = [
    shared.PRINTED,
    shared.MUNICIPAL_FIGURE,
    EXPECTED_TEXT,
    MUNICIPAL_EXPECTED,
    shared.NEWER_LETTER,
    shared.COMPUTED,
]
INDICATION_TEXT = {
    analysis.TOTAL: "totaal",
    analysis.SUM_OF_PARTS: "som van de soorten",
    analysis.FIRST: "eerste indicaties",
    analysis.REPEAT: "herindicaties",
}
READING_TEXT = {
    analysis.RISE: "groei van het aantal plaatsen",
    analysis.SHARE_END: "aandeel van de plaatsen in het werknemersbestand eind 2012",
    analysis.SHARE_START: "aandeel van de plaatsen in het werknemersbestand begin 2012",
}
READING_FORMULA = {
    analysis.RISE: "({numerator} / {denominator} − 1) × 100",
    analysis.SHARE_END: "{numerator} / {denominator} × 100",
    analysis.SHARE_START: "{numerator} / {denominator} × 100",
}
START_OF_YEAR = "begin {year}"
PERIOD_NOT_GIVEN = "niet genoemd"
STATUS_TEXT = {
    "ministry": "cijfer van het ministerie",
    "expected": "verwachting in de brief",
    "claim": "bewering uit een tv-uitzending, aangehaald",
    "municipal": "cijfer van de gemeente",
}
# Money figures whose indicator label leaves out what the letter adds (a yearly amount).
MONEY_LABEL = {
    "wsw_efficiency_cut_total": "Efficiencykorting op de totale Wsw-middelen (per jaar)",
    "wsw_state_contribution_per_place": "Rijksbijdrage per plek in de sw-sector",
}


def stock_moment(period: str) -> str:
    """Return the moment of a stock as the letters say it: 'begin 2012' for 1 January, else the period's label."""
    parsed = periods.parse(period)
    if parsed.kind == "moment" and (parsed.start.month, parsed.start.day) == (1, 1):
        return START_OF_YEAR.format(year=parsed.start.year)
    return formatting.period_label(period)


def kind_texts(chapter, kinds: pd.Series, source_ids: pd.Series) -> pd.Series:
    """Return the legend word of each value: printed, expected or computed, and apart: from a newer letter.

    In a municipal edition a printed value is the municipality's own (no letter printed it). A value
    from a letter newer than the chapter's text is drawn apart (labels.NEWER_LETTER), unless we computed it.
    """
    words = kinds.map(MUNICIPAL_KIND_TEXT if chapter.municipal else KIND_TEXT)
    newer = chapter.from_newer_letters(pd.DataFrame({"source_id": source_ids.to_numpy()})).to_numpy()
    return words.where(~(newer & (kinds != COMPUTED).to_numpy()), shared.NEWER_LETTER)


def legend_order(texts: pd.Series) -> list[str]:
    """Return the legend words that occur, in the house order (printed first, our computations last)."""
    present = set(texts)
    return [word for word in KIND_ORDER if word in present]


def where_printed(chapter, source_ids, pages) -> list[str]:
    """Return per value the letter and page that print it ('Tweede Kamer, 29 817, nr. 145 (15 juni 2018), p. 7').

    In a municipal edition: that the value is the municipality's own (`chapter.letters_of`).
    """
    source_ids, pages = list(source_ids), list(pages)
    if chapter.municipal:
        return chapter.letters_of(source_ids)
    return references.letter_page(source_ids, pages, chapter.sources)
