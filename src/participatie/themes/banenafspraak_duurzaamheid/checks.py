"""Banenafspraak: voortgang en duurzaamheid van de banen: the claims of the letters that we recompute.

Their words (claim, formula, assumption) are in the chapter's label file under `checks`. "Ruim 22.000" (June 2017)
against 22.554 (June 2018) extra jobs at the end of 2016 is no cross-check: the revisions call it a rounding.
"""

from __future__ import annotations

from ...figures import lookup as fig
from ...figures.checks import Check
from ...presentation import text
from ..record import CHAPTERS_DIR
from .analysis import DEADLINE, JUNE_2017, JUNE_2018, STUDY, share_not_working_implied

# The theme's name, and its label file (`THEME.labels_file`), which holds the checks' words.
NAME = "banenafspraak_duurzaamheid"
LABELS = f"{CHAPTERS_DIR}/{NAME}{text.LABELS_SUFFIX}"


def _check(check_id: str, **fields) -> Check:
    # A check of a total, with its words from the label file.
    return Check(id=check_id, category="totaal", **fields, **text.label(LABELS, f"checks.{check_id}"))


CHECKS = (
    _check(
        "ba-doel-markt-plus-overheid",
        indicator="extra_jobs_target",
        period=DEADLINE,
        source_id=JUNE_2018,
        recompute=lambda f: sum(fig.value(f, "extra_jobs_target", DEADLINE, category=c) for c in ("markt", "overheid")),
        tolerance=0,
    ),
    # The letter prints both shares (ek-33981-n p. 18) but does not say that they make up the whole group.
    _check(
        "ba-niet-meer-aan-het-werk",
        indicator="not_working_after_one_year_share",
        period=STUDY,
        source_id=JUNE_2017,
        recompute=share_not_working_implied,
        tolerance=1,
    ),
)
