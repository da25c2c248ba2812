"""De sociale werkvoorziening in cijfers: the chapter's tables, in Dutch.

Tables that recompute a letter's own claim or compare letters (the readings of the printed 6,2%, the
figures several letters print, with or without a revision) are about the national figures the letters print; a
municipal edition says so instead of attributing its own figures to a letter.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import formatting, tables
from ...presentation import labels as shared
from . import analysis
from .labels import (
    MONEY_LABEL,
    PERIOD_NOT_GIVEN,
    READING_FORMULA,
    READING_TEXT,
    STATUS_TEXT,
    where_printed,
)

RECOMPUTED = f"Uitkomst (%, {shared.COMPUTED})"


def _national_only() -> tables.Table:
    return tables.show(pd.DataFrame(), empty=shared.NATIONAL_ONLY)


def supported_employment_table(chapter) -> tables.Table:
    """Return the readings of the printed 6,2% for begeleid werken and whether each, rounded as printed, matches it."""
    if chapter.municipal:
        return _national_only()
    frame = analysis.supported_employment_readings(chapter.figures)
    n = formatting.number
    formula = [
        READING_FORMULA[r].format(numerator=n(a), denominator=n(b))
        for r, a, b in zip(frame["reading"], frame["numerator"], frame["denominator"])
    ]
    shown = pd.DataFrame(
        {
            "Lezing": frame["reading"].map(READING_TEXT),
            "Berekening": formula,
            RECOMPUTED: frame["percent"],
            "Gedrukt (%)": frame["printed"],
            "Past bij het gedrukte getal": frame["matches_printed"],
        }
    )
    return tables.show(shown, {RECOMPUTED: 1, "Gedrukt (%)": 1})


def efficiency_cut_table(chapter) -> tables.Table:
    """Return the efficiency cut per Wsw employee and on the total Wsw budget (a yearly amount), with letter and pages."""
    frame = analysis.efficiency_cut(chapter.figures)
    per = where_printed(chapter, frame["source_id"], frame["page"])
    total = where_printed(chapter, frame["total_source_id"], frame["total_page"])
    one_letter = (frame["source_id"] == frame["total_source_id"]) & (frame["page"] != frame["total_page"])
    total_page = [f"{p} (totaal: p. {tp})" for p, tp in zip(per, frame["total_page"])]
    shown = pd.DataFrame(
        {
            "Jaar": frame["year"],
            "Korting per Wsw-er": [
                formatting.value_text(v, "euro", None, q or None)
                for v, q in zip(frame["cut_per_employee"], frame["cut_per_employee_qualifier"])
            ],
            "Korting op de totale Wsw-middelen, per jaar": [
                formatting.value_text(v, "euro_mln") for v in frame["cut_total_mln"]
            ],
            "Bron": [
                p if p == t else both if same and not chapter.municipal else f"{p}; totaal: {t}"
                for p, t, both, same in zip(per, total, total_page, one_letter)
            ],
        }
    )
    return tables.show(shown)


def money_table(chapter) -> tables.Table:
    """Return the money figures by topic, with their status (ministry figure, expectation, quoted TV claim) and source.

    A period the letters do not give reads 'niet genoemd' (the data's period there is our assumption).
    """
    frame = analysis.money_figures(chapter.figures)
    period = [
        PERIOD_NOT_GIVEN if assumed else label
        for assumed, label in zip(frame["period_assumed"], formatting.period_labels(frame["period"]))
    ]
    status = [
        STATUS_TEXT["claim"] if claim else STATUS_TEXT["expected"] if expected else STATUS_TEXT["ministry"]
        for claim, expected in zip(frame["cited_claim"], frame["expected"])
    ]
    shown = pd.DataFrame(
        {
            "Post": [MONEY_LABEL.get(i, label) for i, label in zip(frame["indicator"], frame["label"])],
            "Periode": period,
            "Bedrag": [formatting.row_text(row) for _, row in frame.iterrows()],
            "Status": [STATUS_TEXT["municipal"]] * len(frame) if chapter.municipal else status,
            "Bron": where_printed(chapter, frame["source_id"], frame["page"]),
        }
    )
    return tables.show(shown)


def repeated_table(chapter) -> tables.Table:
    """Return the figures that several letters print, side by side: whether the letters agree, and if not, the kind.

    One table for both: figures repeated with the same value, and revisions (figures.revisions names the
    kind of each difference: rounding, a forecast replaced by an outcome, or a conflict).
    """
    if chapter.municipal:
        return _national_only()
    frame = analysis.repeated_figures(chapter.figures)
    revised = chapter.revisions()
    kinds = (
        {tuple(r): k for r, k in zip(revised[[*lookup.KEY, "source_id"]].fillna("").to_numpy(), revised["kind"])}
        if not revised.empty
        else {}
    )
    kind = [
        shared.REVISION_KIND_TEXT[kinds[key]] if key in kinds else "–"
        for key in map(tuple, frame[[*lookup.KEY, "source_id"]].fillna("").to_numpy())
    ]
    period = [
        PERIOD_NOT_GIVEN if i in analysis.ASSUMED_PERIOD else label
        for i, label in zip(frame["indicator"], formatting.period_labels(frame["period"]))
    ]
    shown = pd.DataFrame(
        {
            shared.COLUMN_TEXT["label"]: frame["label"],
            shared.COLUMN_TEXT["period_label"]: period,
            shared.COLUMN_TEXT["value"]: [formatting.row_text(row) for _, row in frame.iterrows()],
            shared.COLUMN_TEXT["source"]: where_printed(chapter, frame["source_id"], frame["page"]),
            "Gelijk in alle brieven": frame["values_agree"],
            shared.COLUMN_TEXT["kind"]: kind,
        }
    )
    return tables.show(shown)
