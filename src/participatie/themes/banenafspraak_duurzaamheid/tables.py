"""Banenafspraak: voortgang en duurzaamheid van de banen: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...presentation import formatting, tables
from ...presentation.labels import COLUMN_TEXT
from . import analysis
from .analysis import REALISED_PACE
from .labels import INDICATOR_TEXT, PACE_TITLE, PAGE_VIEW_GROUP, UNDATED, UNDATED_PERIOD, letters_pages, moment


def pace_table(chapter) -> tables.Table:
    """Return our computation of the yearly pace needed for the final target, beside the pace realised before.

    The pace needed is rounded to three significant digits ('circa'): it rests on a linear spread of
    the jobs still to be created, not on a path in the afspraak.
    """
    frame = analysis.required_pace(chapter.figures)
    realised = frame["measure"] == REALISED_PACE
    shown = pd.DataFrame(
        {
            "Maatstaf": [
                "gerealiseerd" if done else f"nodig tot {formatting.period_label(end)}"
                for done, end in zip(realised, frame["end"])
            ],
            "Van": formatting.period_labels(frame["start"]),
            "Tot": formatting.period_labels(frame["end"]),
            "Banen erbij": frame["to_create"],
            "Jaren": frame["years"],
            "Banen per jaar": [
                formatting.number(v) if done else f"circa {formatting.number(analysis.rounded(v))}"
                for v, done in zip(frame["per_year"], realised)
            ],
        }
    )
    return tables.show(shown, {"Banen erbij": 0}, caption=PACE_TITLE)


def _figures(chapter, rows: pd.DataFrame, suffix: pd.Series | None = None) -> tables.Table:
    # Printed figures as a reader checks them: indicator, period, value with unit and hedge, letter and page.
    # A figure without peildatum says so instead of showing the letter's date as if it were one.
    label = rows["indicator"].map(INDICATOR_TEXT).fillna(rows["label"])
    dates = rows["source_date"].map(lambda d: formatting.long_date(pd.Timestamp(d).date()))
    period = [
        UNDATED_PERIOD.format(date=d) if i in UNDATED else moment(p)
        for i, p, d in zip(rows["indicator"], rows["period"], dates)
    ]
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: label + (suffix if suffix is not None else ""),
            COLUMN_TEXT["period_label"]: period,
            COLUMN_TEXT["value"]: [formatting.row_text(row) for _, row in rows.iterrows()],
            COLUMN_TEXT["letter"]: letters_pages(chapter, rows["source_id"], rows["page"]),
        }
    )
    return tables.show(shown, caption=chapter.source_line(rows))


def support_table(chapter) -> tables.Table:
    """Return the figures on support and provisions (provisions, wage subsidy, jobcoach, register) as printed."""
    return _figures(chapter, analysis.support(chapter.figures))


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures of the letters (EU quota, calculator, ICT costs, MKB campaign) as printed."""
    rows = analysis.other_figures(chapter.figures)
    return _figures(chapter, rows, rows["category"].map(PAGE_VIEW_GROUP).fillna(""))
