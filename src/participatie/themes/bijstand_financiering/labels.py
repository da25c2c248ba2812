"""Financiering van bijstand en re-integratie: the theme's own Dutch words (shared words: presentation.labels).

The analysis gives codes (kinds of result, target groups, schemes, kinds of revision); their Dutch names
live here.
"""

from __future__ import annotations

from ...figures.revisions import CONFLICT, FORECAST, ROUNDING
from .analysis import CLASSIC, DEFICIT, NEW, SURPLUS

RESULT_TEXT = {SURPLUS: "overschot", DEFICIT: "tekort"}
NO_RESULT = "geen tekort of overschot"
GROUP_TEXT = {CLASSIC: "klassieke doelgroep", NEW: "nieuwe doelgroep"}
SCHEME_TEXT = {"aow": "AOW", "bijstand": "bijstand"}
BENEFIT_NOUN = {"aow": "AOW-uitkeringen", "bijstand": "bijstandsuitkeringen"}
PRELIMINARY_MARK = "voorlopig"
# Added to an indicator's label in the table of other figures, per category or per indicator.
LABEL_SUFFIX = {
    "intensief": " (intensieve begeleiding)",
    "overig": " (overige nieuwe doelgroep)",
    "new_target_group_inflow_assumption": " (per jaar)",
}
# What a difference between two letters' values means for the reader (figures.revisions kinds).
KIND_SENTENCE = {
    ROUNDING: "het verschil is een afronding, geen bijstelling",
    FORECAST: "de latere brief vervangt een raming door een uitkomst",
    CONFLICT: "het verschil is niet door afronding te verklaren, en de brieven zeggen niet waarom",
}
# Column suffixes of a table: a figure as a letter printed it, or the municipality's own figure.
PRINTED_SUFFIX, MUNICIPAL_SUFFIX = " (brief)", " (gemeente)"
