"""Banenafspraak: banen en hoe lang ze duren: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures.checks import Check
from .analysis import (
    DEADLINE,
    END_2016,
    JUNE_2017,
    JUNE_2018,
    STUDY,
    _v,
)


def _checks():
    yield (Check(
        "ba-doel-markt-plus-overheid", "125.000 banen = 100.000 in de marktsector + 25.000 bij de overheid",
        "extra_jobs_target", DEADLINE, JUNE_2018,
        lambda f: _v(f, "extra_jobs_target", DEADLINE, "markt") + _v(f, "extra_jobs_target", DEADLINE, "overheid"),
        "marktsector + overheid", 0, "totaal"))
    yield (Check(
        "ba-banen-eind-2016-afgerond", "'Ruim 22.000' extra banen eind 2016 (juni 2017) tegenover de latere telling",
        "extra_jobs_realised", END_2016, JUNE_2017,
        lambda f: _v(f, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018),
        "telling eind 2016 uit de brief van juni 2018 (ruim 22.000 dekt 22.000 tot 23.000)", 999, "totaal"))
    yield (Check(
        "ba-niet-meer-aan-het-werk", "Bijna 10% werkt na een jaar niet meer, naast bijna 87% dat wel werkt",
        "not_working_after_one_year_share", STUDY, JUNE_2017,
        lambda f: 100 - _v(f, "working_after_one_year_share", STUDY, "totaal"),
        "100 − aandeel dat na een jaar (weer) werkt", 1, "totaal"))



CHECKS = tuple(_checks())
