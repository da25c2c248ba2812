"""Financiering van bijstand en re-integratie: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures.checks import Check
from .analysis import (
    JUNE_2017,
    JUNE_2018,
    TABLE_YEARS,
    _v,
    deficit_share_2016,
)


def _checks():
    for year in TABLE_YEARS:
        yield (Check(
            f"bf-participatiebudget-som-{year}",
            f"Participatiebudget {year}: totaal is klassieke plus nieuwe doelgroep (tabel meicirculaire 2017)",
            "participation_budget", year, JUNE_2017,
            lambda f, y=year: _v(f, "participation_budget", y, "klassiek") + _v(f, "participation_budget", y, "nieuw"),
            "klassieke doelgroep + nieuwe doelgroep", 0.001, "totaal"))
    yield (Check(
        "bf-participatiebudget-2018-brief-2018",
        "Re-integratiemiddelen 2018 in de brief van juni 2018 tegenover de tabel van juni 2017",
        "participation_budget", "2018", JUNE_2018,
        lambda f: _v(f, "participation_budget", "2018", "totaal", source_id=JUNE_2017),
        "totaal 2018 uit de tabel van juni 2017 (meicirculaire 2017)", 0.5, "totaal"))
    yield (Check(
        "bf-tekort-aandeel-2016", "Tekort op het macrobudget BUIG 2016 als percentage van het macrobudget",
        "buig_deficit_share", "2016", JUNE_2017, deficit_share_2016,
        "tekort 2016 / (macrobudget 2017 − toename t.o.v. 2016) × 100", 0.05))



CHECKS = tuple(_checks())
