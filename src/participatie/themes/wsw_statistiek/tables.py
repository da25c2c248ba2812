"""De sociale werkvoorziening in cijfers: the tables the chapter shows (`tables.money(hoofdstuk)` …).

Every public function is one table of the notebook; it takes the chapter and returns the table. The
words (column headings, row names, statuses) are labels of the chapter's label file (`chapter.label`).

A table that compares letters (the figures several letters print, with or without a difference) is about
the national figures the letters print; a municipal edition says so instead of attributing its own
figures to a letter.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import labels as shared
from ...presentation import tables as house
from ...presentation import vocabulary
from . import analysis
from .charts import _where_printed


def _periods(chapter, frame: pd.DataFrame) -> list[str]:
    """Return the period of each figure as a reader says it; 'not given' where the letters give none."""
    labels = vocabulary.period_labels(frame["period"])
    missing = chapter.label("period_not_given")
    return [missing if i in analysis.ASSUMED_PERIOD else label for i, label in zip(frame["indicator"], labels)]


def efficiency_cut(chapter) -> house.Table:
    """Return the efficiency cut per Wsw employee and on the total Wsw budget (a yearly amount), with letter and pages."""
    frame = analysis.efficiency_cut(chapter.figures)
    columns = chapter.label("efficiency_cut.columns")
    per = _where_printed(chapter, frame["source_id"], frame["page"])
    total = _where_printed(chapter, frame["total_source_id"], frame["total_page"])
    one_letter = (frame["source_id"] == frame["total_source_id"]) & (frame["page"] != frame["total_page"])
    sources = []
    for p, t, page, same in zip(per, total, frame["total_page"], one_letter):
        if p == t:
            sources.append(p)
        elif same and not chapter.municipal:
            sources.append(chapter.label("efficiency_cut.total_page", where=p, page=str(page)))
        else:
            sources.append(chapter.label("efficiency_cut.total_elsewhere", where=p, total=t))
    shown = pd.DataFrame(
        {
            columns["year"]: frame["year"],
            columns["per_employee"]: [
                vocabulary.value_text(v, "euro", None, q or None)
                for v, q in zip(frame["cut_per_employee"], frame["cut_per_employee_qualifier"])
            ],
            columns["total"]: [vocabulary.value_text(v, "euro_mln") for v in frame["cut_total_mln"]],
            columns["source"]: sources,
        }
    )
    return house.show(shown)


def money(chapter) -> house.Table:
    """Return the money figures by topic, with their status (ministry figure, financing basis, expectation …) and source.

    A period the letters do not give reads 'niet genoemd' (the data's period there is our assumption).
    """
    frame = analysis.money_figures(chapter.figures)
    columns, items, status = (chapter.label(f"money.{key}") for key in ("columns", "items", "status"))
    kinds = [
        status["claim"] if claim else status["basis"] if basis else status["expected"] if expected else status["ministry"]
        for claim, basis, expected in zip(frame["cited_claim"], frame["financing_basis"], frame["expected"])
    ]
    # In a municipal edition every amount is the municipality's; an amount for a later year is its expectation.
    expected = chapter.label("kinds")["municipal_expected"]
    municipal = [expected if e else status["municipal"] for e in frame["expected"]]
    labels = vocabulary.period_labels(frame["period"])
    missing = chapter.label("period_not_given")
    shown = pd.DataFrame(
        {
            columns["item"]: [items.get(i, label) for i, label in zip(frame["indicator"], frame["label"])],
            columns["period"]: [missing if assumed else label for assumed, label in zip(frame["period_assumed"], labels)],
            columns["amount"]: [house.figure_value(row) for _, row in frame.iterrows()],
            columns["status"]: municipal if chapter.municipal else kinds,
            columns["source"]: _where_printed(chapter, frame["source_id"], frame["page"]),
        }
    )
    return house.show(shown)


def repeated_figures(chapter) -> house.Table:
    """Return the figures that several letters print, side by side: whether the letters agree, and if not, the kind.

    One table for both: figures repeated with the same value, and revisions (figures.revisions names the
    kind of each difference: rounding, a forecast replaced by an outcome, or a conflict).
    """
    if chapter.municipal:
        return house.show(pd.DataFrame(), empty=chapter.label("repeated_figures.national_only"))
    frame = analysis.repeated_figures(chapter.figures)
    revised = chapter.revisions()
    kinds = (
        {tuple(r): k for r, k in zip(revised[[*lookup.KEY, "source_id"]].fillna("").to_numpy(), revised["kind"])}
        if not revised.empty
        else {}
    )
    kind = [
        shared.REVISION_KIND_TEXT[kinds[key]] if key in kinds else vocabulary.MISSING
        for key in map(tuple, frame[[*lookup.KEY, "source_id"]].fillna("").to_numpy())
    ]
    shown = pd.DataFrame(
        {
            shared.COLUMN_TEXT["label"]: frame["label"],
            shared.COLUMN_TEXT["period_label"]: _periods(chapter, frame),
            shared.COLUMN_TEXT["value"]: [house.figure_value(row) for _, row in frame.iterrows()],
            shared.COLUMN_TEXT["source"]: _where_printed(chapter, frame["source_id"], frame["page"]),
            chapter.label("repeated_figures.agree"): frame["values_agree"],
            shared.COLUMN_TEXT["kind"]: kind,
        }
    )
    return house.show(shown)
