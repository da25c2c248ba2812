"""De sociale werkvoorziening in cijfers: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...presentation import formatting, references, tables
from ...presentation import labels as shared
from . import analysis
from .labels import METHOD_TEXT, READING_FORMULA, READING_TEXT, STATUS_TEXT, assumed_period


def waiting_list_table(chapter) -> tables.Table:
    """Return the implied start-of-2012 waiting list by both routes, with the range the rounded percentage allows."""
    frame = analysis.implied_waiting_list_start(chapter.figures)
    method = [
        METHOD_TEXT[m].format(percentage=formatting.value_text(p, "procent"))
        for m, p in zip(frame["method"], frame["percentage"])
    ]
    shown = pd.DataFrame(
        {
            "Berekening": method,
            "Beginstand 2012": frame["start"].round(0),
            "Laagst": frame["low"].round(0),
            "Hoogst": frame["high"].round(0),
        }
    )
    return tables.show(shown, {"Beginstand 2012": 0, "Laagst": 0, "Hoogst": 0})


def supported_employment_table(chapter) -> tables.Table:
    """Return the readings of the printed 6,2% for begeleid werken and whether each matches it."""
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
            "Uitkomst (%)": frame["percent"],
            "Gedrukt (%)": frame["printed"],
            "Past bij het gedrukte getal": frame["matches_printed"],
        }
    )
    return tables.show(shown, {"Uitkomst (%)": 2, "Gedrukt (%)": 1})


def efficiency_cut_table(chapter) -> tables.Table:
    """Return the efficiency cut per Wsw employee and in total, with the number of Wsw employees it implies."""
    frame = analysis.efficiency_cut(chapter.figures)
    shown = pd.DataFrame(
        {
            "Jaar": frame["year"],
            "Korting per Wsw-er": [
                formatting.value_text(v, "euro", None, q or None)
                for v, q in zip(frame["cut_per_employee"], frame["cut_per_employee_qualifier"])
            ],
            "Korting totaal (mln euro)": frame["cut_total_mln"],
            "Impliciet aantal Wsw-ers (berekend)": frame["implied_employees"].round(0),
            "Bron": references.references(frame["source_id"].tolist(), chapter.sources),
        }
    )
    return tables.show(shown, {"Impliciet aantal Wsw-ers (berekend)": 0})


def money_table(chapter) -> tables.Table:
    """Return the money figures with their status (ministry figure or quoted TV claim) and period (printed or assumed)."""
    frame = analysis.money_figures(chapter.figures)
    period = [
        assumed_period(p) if assumed else label
        for p, assumed, label in zip(frame["period"], frame["period_assumed"], formatting.period_labels(frame["period"]))
    ]
    shown = pd.DataFrame(
        {
            "Post": frame["label"],
            "Periode": period,
            "Bedrag": [formatting.row_text(row) for _, row in frame.iterrows()],
            "Status": frame["cited_claim"].map(STATUS_TEXT),
            "Bron": references.letter_page(frame["source_id"], frame["page"], chapter.sources),
        }
    )
    return tables.show(shown)


def repeated_table(chapter) -> tables.Table:
    """Return the figures that several letters print, side by side, with whether the letters agree."""
    frame = analysis.repeated_figures(chapter.figures)
    shown = pd.DataFrame(
        {
            shared.COLUMN_TEXT["label"]: frame["label"],
            shared.COLUMN_TEXT["period_label"]: formatting.period_labels(frame["period"]),
            shared.COLUMN_TEXT["value"]: [formatting.value_text(v, u) for v, u in zip(frame["value"], frame["unit"])],
            shared.COLUMN_TEXT["letter"]: references.references(frame["source_id"].tolist(), chapter.sources),
            shared.COLUMN_TEXT["page"]: frame["page"],
            "Gelijk in alle brieven": frame["values_agree"],
        }
    )
    return tables.show(shown)
