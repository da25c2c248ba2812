"""Beschut werk: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import formatting, tables
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import PRINTED as PRINTED_TEXT
from .analysis import END_2017, HOURS, PERSONS, PRINTED, fill_rate, fill_rate_inputs, money
from .labels import MEASURE, MUNICIPAL_TEXT, letter_pages


def fill_rate_table(chapter) -> tables.Table:
    """Return the 2017 fill rate of the regeling by persons and by hours (ours) beside the printed figure."""
    figures = chapter.figures
    frame = fill_rate(figures)
    x = fill_rate_inputs(figures)
    n = formatting.number
    hours = fig.row(figures, "average_hours_worked", "2017")
    hedge = f"{hours['qualifier']} " if isinstance(hours["qualifier"], str) and hours["qualifier"] else ""
    printed = fig.row(figures, "regeling_fill_rate", END_2017)
    formula = {
        PERSONS: f"{n(x['working'])} werkenden / {n(x['places'])} plekken",
        HOURS: f"{n(x['working'])} × {hedge}{n(x['hours_worked'])} uur / ({n(x['places'])} × {n(x['hours_per_place'])} uur)",
        PRINTED: "–",
    }
    where = letter_pages(chapter, [printed["source_id"]], [printed["page"]])[0]
    kind = {
        PERSONS: COMPUTED_TEXT,
        HOURS: COMPUTED_TEXT,
        PRINTED: where if chapter.municipal else f"{PRINTED_TEXT} ({where})",
    }
    measure = MEASURE | ({PRINTED: MUNICIPAL_TEXT.capitalize()} if chapter.municipal else {})
    shown = pd.DataFrame(
        {
            "Maatstaf": frame["measure"].map(measure),
            "Berekening": frame["measure"].map(formula),
            "Vervulling (%)": frame["fill_rate"],
            "Soort": frame["measure"].map(kind),
        }
    )
    return tables.show(shown, {"Vervulling (%)": 0})


def money_table(chapter) -> tables.Table:
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) at the precision printed."""
    rows = money(chapter.figures)
    shown = pd.DataFrame(
        {
            "Post": rows["label"],
            "Periode": formatting.period_labels(rows["period"]),
            "Bedrag": [formatting.row_text(row) for _, row in rows.iterrows()],
            "Brief, pagina": letter_pages(chapter, rows["source_id"], rows["page"]),
        }
    )
    return tables.show(shown)
