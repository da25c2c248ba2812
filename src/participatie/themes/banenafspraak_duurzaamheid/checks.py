"""Banenafspraak: banen en hoe lang ze duren: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures.checks import Check
from .analysis import DEADLINE, END_2016, JUNE_2017, JUNE_2018, STUDY, share_not_working_implied
from .analysis import value as _v

# Plain data: each check names the printed figure and how the book recomputes it (figures.checks.Check).
CHECKS = (
    Check(
        id="ba-doel-markt-plus-overheid",
        claim="125.000 banen = 100.000 in de marktsector + 25.000 bij de overheid",
        indicator="extra_jobs_target",
        period=DEADLINE,
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "extra_jobs_target", DEADLINE, "markt") + _v(f, "extra_jobs_target", DEADLINE, "overheid"),
        formula="marktsector + overheid",
        tolerance=0,
        category="totaal",
    ),
    Check(
        id="ba-banen-eind-2016-afgerond",
        claim="'Ruim 22.000' extra banen eind 2016 (juni 2017) tegenover de latere telling",
        indicator="extra_jobs_realised",
        period=END_2016,
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018),
        formula="telling eind 2016 uit de brief van juni 2018 (ruim 22.000 dekt 22.000 tot 23.000)",
        tolerance=999,
        category="totaal",
    ),
    Check(
        id="ba-niet-meer-aan-het-werk",
        claim="Bijna 10% werkt na een jaar niet meer, naast bijna 87% dat wel werkt",
        indicator="not_working_after_one_year_share",
        period=STUDY,
        source_id=JUNE_2017,
        recompute=share_not_working_implied,
        formula="100 − aandeel dat na een jaar (weer) werkt",
        tolerance=1,
        category="totaal",
    ),
)
