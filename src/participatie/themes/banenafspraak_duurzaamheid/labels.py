"""Banenafspraak: voortgang en duurzaamheid van de banen: the theme's own Dutch words (shared words:
presentation.labels)."""

from __future__ import annotations

from ...data import periods
from ...presentation import formatting
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import NEWER_LETTER
from ...presentation.labels import PRINTED as PRINTED_TEXT
from .analysis import (
    COMPUTED,
    HOURS_ALL,
    NOT_WORKING,
    PATH,
    PERSONS_WAJONG,
    PRINTED,
    REALISED,
    TARGET,
    WORKING,
    WORKING_ALL_MEASUREMENTS,
)

TITLE = "Banenafspraak: voortgang en duurzaamheid van de banen"
KIND = {PRINTED: PRINTED_TEXT, COMPUTED: COMPUTED_TEXT}
SERIES = {REALISED: "gerealiseerd", TARGET: "doel", PATH: f"gelijkmatig pad naar het einddoel ({COMPUTED_TEXT})"}
# A printed value from a letter newer than the chapter's text keeps its series and is drawn open.
NEWER = NEWER_LETTER
BACKGROUND = {"wsw": "Wsw", "wajong": "Wajong", "participatiewet": "Participatiewet", "totaal": "Alle werkenden"}
BACKGROUND_PHRASE = {
    "wsw": "mensen met een Wsw-achtergrond",
    "wajong": "mensen met een Wajong-achtergrond",
    "participatiewet": "mensen uit de doelgroep Participatiewet",
}
OUTCOME = {
    WORKING: "weer of nog aan het werk",
    WORKING_ALL_MEASUREMENTS: "op alle tussenliggende peilmomenten aan het werk",
    NOT_WORKING: "niet meer aan het werk",
}
# The letter does not say of which group the share working at all measurements is a share (BA-30).
OF_ALL, UNCLEAR_BASE = "aandeel van alle werkenden", "noemer niet eenduidig"
MEASURE = {HOURS_ALL: "Uren op een vast contract", PERSONS_WAJONG: "Werkende Wajongers met een vast contract"}
MEASURE_AXIS = {HOURS_ALL: "% van de verloonde uren", PERSONS_WAJONG: "% van de werkende Wajongers"}
PAGE_VIEW_GROUP = {"ondergrens": " (ondergrens)", "bovengrens": " (bovengrens)"}
# Reader labels for indicators whose label in indicators.csv carries an abbreviation or a wrong scope.
INDICATOR_TEXT = {
    "persons_wage_subsidy_or_jobcoach": "Werkend met loonkostensubsidie en/of jobcoach",
    "persons_provision_below_minimum_wage": "Voorziening voor mensen met loonwaarde onder het minimumloon",
    "wajong_working_without_support_share": "Wajongers bij een reguliere werkgever zonder begeleiding (%)",
    "target_group_register_persons": "Gemeentelijke doelgroep in het doelgroepregister",
    "eu_countries_with_quota_system": "Europese landen met een quotumregeling",
    "employer_calculator_max_annual_benefit": "Jaarlijks voordeel per werknemer volgens de calculator",
    "employer_calculator_steps": "Stappen in de calculator",
    "quota_levy_ict_project_costs": "ICT-kosten quotumheffing en inleenadministratie (project)",
    "mkb_employer_size_threshold": "Werknemers per werkgever in de MKB-campagne",
}
# A figure whose date is the letter's own because the letter names no peildatum.
UNDATED = {"target_group_register_persons", "eu_countries_with_quota_system"}
UNDATED_PERIOD = "peildatum niet vermeld (brief van {date})"
PACE_TITLE = f"Tempo ({COMPUTED_TEXT}, gelijkmatig verdeeld)"


def moment(period: str) -> str:
    """Return a period as a reader says it, with 1 January as 'begin <year>' (begin 2015, eind 2017, …)."""
    parsed = periods.parse(period)
    if parsed.kind == "moment" and (parsed.start.month, parsed.start.day) == (1, 1):
        return f"begin {parsed.start.year}"
    return formatting.period_label(period)


def letters_pages(chapter, source_ids, pages) -> list[str]:
    """Return per value the letters that print it with their pages ('Eerste Kamer, 33 981, N (30 juni 2017), p. 18'),
    joined by '; '; in a municipal edition that the value is the municipality's; '–' where no letter prints it.

    `source_ids` and `pages` hold one tuple (or one id and one page) per value.
    """
    cells = []
    for ids, numbers in zip(source_ids, pages):
        ids = (ids,) if isinstance(ids, str) else tuple(i for i in (ids or ()) if isinstance(i, str))
        numbers = (numbers,) if not isinstance(numbers, tuple) else numbers
        if not ids:
            cells.append("–")
        elif chapter.municipal:
            cells.append(chapter.letters_of(ids[:1])[0])
        else:
            refs = chapter.letters_of(list(ids))
            cells.append("; ".join(f"{ref}, p. {int(page)}" for ref, page in zip(refs, numbers)))
    return cells
