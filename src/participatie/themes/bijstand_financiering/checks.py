"""Financiering van bijstand en re-integratie: the claims of the letters that are recomputed from other figures.

The comparison of the June 2018 total for 2018 with the June 2017 table is no cross-check but a
comparison between two letters: it is a revision (figures.revisions), shown in the chapter's Revisies.
"""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from . import analysis
from .analysis import CLASSIC, JUNE_2017, NEW, TOTAL

TABLE_YEARS = ("2017", "2018", "2019", "2020", "2021")  # the years of the participatiebudget table of June 2017


def _parts_sum(year: str):
    """Return the recomputation of a year's participatiebudget: the classic plus the new target group."""
    return lambda figures: (
        lookup.value(figures, "participation_budget", year, category=CLASSIC, source_id=JUNE_2017)
        + lookup.value(figures, "participation_budget", year, category=NEW, source_id=JUNE_2017)
    )


CHECKS = (
    *(
        Check(
            f"bf-participatiebudget-som-{year}",
            f"Participatiebudget {year}: totaal is klassieke plus nieuwe doelgroep (tabel meicirculaire 2017)",
            "participation_budget",
            year,
            JUNE_2017,
            _parts_sum(year),
            "klassieke doelgroep + nieuwe doelgroep",
            0.001,
            category=TOTAL,
        )
        for year in TABLE_YEARS
    ),
    Check(
        "bf-tekort-aandeel-2016",
        "Tekort op het macrobudget BUIG 2016 als percentage van het macrobudget",
        "buig_deficit_share",
        "2016",
        JUNE_2017,
        analysis.deficit_share_2016,
        "tekort 2016 / (macrobudget 2017 − toename t.o.v. 2016) × 100",
        0.05,
        assumption=(
            "het macrobudget 2016 staat niet in de brief en is afgeleid uit het afgeronde macrobudget 2017 min de "
            "toename; het gedrukte percentage wordt op dat afgeleide budget betrokken, en binnen de afronding van de "
            "gebruikte bedragen loopt de herberekende waarde enkele tienden van een procentpunt uiteen"
        ),
    ),
)
