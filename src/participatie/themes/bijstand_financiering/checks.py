"""Financiering van bijstand en re-integratie: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from . import analysis
from .analysis import CLASSIC, JUNE_2017, JUNE_2018, NEW, TABLE_YEARS, TOTAL


def _parts_sum(year: str):
    """Return the recomputation of a year's participatiebudget: the classic plus the new target group."""
    return lambda figures: (
        lookup.value(figures, "participation_budget", year, category=CLASSIC)
        + lookup.value(figures, "participation_budget", year, category=NEW)
    )


def _total_2018_in_2017_table(figures) -> float:
    return lookup.value(figures, "participation_budget", "2018", category=TOTAL, source_id=JUNE_2017)


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
        "bf-participatiebudget-2018-brief-2018",
        "Re-integratiemiddelen 2018 in de brief van juni 2018 tegenover de tabel van juni 2017",
        "participation_budget",
        "2018",
        JUNE_2018,
        _total_2018_in_2017_table,
        "totaal 2018 uit de tabel van juni 2017 (meicirculaire 2017)",
        0.5,
        category=TOTAL,
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
    ),
)
