"""Financiering van bijstand en re-integratie: the letters' claims recomputed from other figures.

Their Dutch words are under `checks:` in the chapter's label file. The June 2018 total for 2018 against the June
2017 table is a revision between two letters (figures.revisions), not a cross-check.
"""

from __future__ import annotations

from ...figures import lookup
from ...figures.checks import Check
from ...presentation import text
from ..record import CHAPTERS_DIR
from . import analysis
from .analysis import CLASSIC, JUNE_2017, NEW, TOTAL

LABELS = f"{CHAPTERS_DIR}/bijstand_financiering.labels.yml"

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
            text.label(LABELS, "checks.participation_budget_sum.claim", {"year": year}),
            "participation_budget",
            year,
            JUNE_2017,
            _parts_sum(year),
            text.label(LABELS, "checks.participation_budget_sum.formula"),
            0.001,
            category=TOTAL,
        )
        for year in TABLE_YEARS
    ),
    Check(
        "bf-tekort-aandeel-2016",
        text.label(LABELS, "checks.deficit_share_2016.claim"),
        "buig_deficit_share",
        "2016",
        JUNE_2017,
        analysis.deficit_share_2016,
        text.label(LABELS, "checks.deficit_share_2016.formula"),
        0.05,
        assumption=text.label(LABELS, "checks.deficit_share_2016.assumption"),
    ),
)
