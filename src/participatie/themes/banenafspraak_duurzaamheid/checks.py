"""Banenafspraak: voortgang en duurzaamheid van de banen: the claims of the letters that we recompute.

The comparison of "ruim 22.000" (June 2017) with 22.554 (June 2018) extra jobs at the end of 2016 is no
cross-check: it compares two letters, and the revisions (figures.revisions) classify it as a rounding.
"""

from __future__ import annotations

from ...figures.checks import Check
from .analysis import DEADLINE, JUNE_2017, JUNE_2018, STUDY, share_not_working_implied
from .analysis import value as _v

# Plain data: each check names the printed figure and how we recompute it (figures.checks.Check).
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
        id="ba-niet-meer-aan-het-werk",
        claim="Bijna 10% werkt na een jaar niet meer, naast bijna 87% dat weer of nog werkt",
        indicator="not_working_after_one_year_share",
        period=STUDY,
        source_id=JUNE_2017,
        recompute=share_not_working_implied,
        formula="100 − aandeel dat na een jaar weer of nog werkt",
        tolerance=1,
        category="totaal",
        # The letter prints both shares (ek-33981-n p. 18) but does not say that they make up the whole group.
        assumption="De aandelen die een jaar later wel en niet meer werkten, vormen samen de hele groep (100%)",
    ),
)
