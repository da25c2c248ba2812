"""Banenafspraak: banen en hoe lang ze duren: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...data import periods
from ...presentation import formatting, shapes, tables
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from . import analysis
from .analysis import REALISED_PACE
from .labels import PAGE_VIEW_GROUP, READING_TEXT


def _label(period: str) -> str:
    return formatting.period_label(period)


def pace_table(chapter) -> tables.Table:
    """Return the book's computation of the yearly pace needed for 125.000 jobs, beside the pace realised in 2017."""
    frame = analysis.required_pace(chapter.figures)
    realised = frame["reading"] == REALISED_PACE
    years = frame["end"].map(lambda p: periods.parse(p).sort_date.year)
    shown = pd.DataFrame(
        {
            "Maatstaf": [
                f"gerealiseerd in {year}" if done else f"nodig tot {_label(end)}"
                for done, end, year in zip(realised, frame["end"], years)
            ],
            "Lezing": [
                f"stand {_label(end)} min stand {_label(start)}" if done else READING_TEXT[reading]
                for done, reading, start, end in zip(realised, frame["reading"], frame["start"], frame["end"])
            ],
            "Van": formatting.period_labels(frame["start"]),
            "Tot": formatting.period_labels(frame["end"]),
            "Banen erbij": frame["to_create"],
            "Jaren": frame["years"],
            "Banen per jaar": frame["per_year"],
        }
    )
    return tables.show(shown, {"Banen per jaar": 0}, caption=f"Tempo, {COMPUTED_TEXT} (lineair)")


def support_table(chapter) -> tables.Table:
    """Return the figures on support by gemeenten (provisions, wage subsidy, jobcoach) as printed."""
    rows = analysis.support(chapter.figures)
    return shapes.figures_table(rows, caption=chapter.source_line(rows))


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures of the letters (EU quota, calculator, ICT costs, MKB campaign) as printed."""
    rows = analysis.other_figures(chapter.figures)
    group = rows["category"].map(PAGE_VIEW_GROUP).fillna("")
    return shapes.figures_table(rows, caption=chapter.source_line(rows), label_suffix=group)
