"""Financiering van bijstand en re-integratie: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...figures.rounding import Interval
from ...presentation import formatting, references, tables
from ...presentation import labels as shared
from ...presentation.formatting import bound_text, range_text
from . import analysis
from .labels import OTHER_CATEGORY_TEXT, OUTLOOK_TEXT, SCHEME_TEXT, UNIT_WORD, implied_budgets_shown

OTHER_FIGURES = (
    "bijstand_recipients",
    "asylum_advance_budget",
    "esf_active_inclusion_budget",
    "reintegration_budget_per_person",
    "new_target_group_inflow_assumption",
)


def implied_budgets_table(chapter) -> tables.Table:
    """Return the implied macrobudgets with their computation, rounding margins and bounds as a Dutch table."""
    frame = implied_budgets_shown(chapter.figures)
    shown = pd.DataFrame(
        {
            "Grootheid": frame["grootheid"],
            "Berekening": frame["berekening"],
            "Afrondingsmarges": frame["marges"],
            "Laagst (mln)": frame["laag"],
            "Midden (mln)": frame["midden"],
            "Hoogst (mln)": frame["hoog"],
        }
    )
    return tables.show(
        shown,
        {
            "Laagst (mln)": lambda v: bound_text(v, 0, "low"),
            "Midden (mln)": 0,
            "Hoogst (mln)": lambda v: bound_text(v, 0, "high"),
        },
    )


def participation_budget_table(chapter) -> tables.Table:
    """Return the participatiebudget table's parts against its printed totals, year by year, with the verdict."""
    parts = analysis.participation_budget_parts(chapter.figures)
    shown = pd.DataFrame(
        {
            "Jaar": parts["year"],
            "Klassieke doelgroep": parts["classic"],
            "Nieuwe doelgroep": parts["new"],
            "Som van de delen": parts["sum"],
            "Totaal (brief)": parts["printed_total"],
            "Verschil": parts["difference"],
            "Marge": parts["margin"],
            "Oordeel": parts["verdict"].map(shared.VERDICT_TEXT),
        }
    )
    return tables.show(
        shown,
        {
            c: 3
            for c in ("Klassieke doelgroep", "Nieuwe doelgroep", "Som van de delen", "Totaal (brief)", "Verschil", "Marge")
        },
    )


def structural_table(chapter) -> tables.Table:
    """Return the structural level of re-integration money against the table's last year, as a Dutch table."""
    frame = analysis.structural_outlook(chapter.figures)
    last = analysis.TABLE_YEARS[-1]
    shown = pd.DataFrame(
        {
            "Grootheid": [OUTLOOK_TEXT[k].format(last=last) for k in frame["key"]],
            "Laagst": frame["low"],
            "Midden": frame["mid"],
            "Hoogst": frame["high"],
            "Eenheid": frame["unit"].map(UNIT_WORD),
        }
    )
    return tables.show(
        shown, {"Laagst": lambda v: bound_text(v, 1, "low"), "Midden": 1, "Hoogst": lambda v: bound_text(v, 1, "high")}
    )


def benefit_corrections_table(chapter) -> tables.Table:
    """Return the 2017 benefit corrections per level: overpaid per month and in total, per full benefit, July rise."""
    frame = analysis.benefit_corrections(chapter.figures)
    months = int(frame["months"].max())
    euro = lambda v: formatting.value_text(v, "euro", 2)
    shown = pd.DataFrame(
        {
            "Uitkering": [
                f"{SCHEME_TEXT[s]}, {formatting.value_text(p, 'procent')}"
                for s, p in zip(frame["scheme"], frame["percentage"])
            ],
            "Te veel per maand (brief)": frame["overpaid_monthly"],
            f"Te veel over {months} maanden": frame["overpaid_period"],
            "Per maand, omgerekend naar 100%": frame["per_full_benefit"],
            "Marge omgerekend": [
                range_text(Interval(lo, lo, hi), "euro", 3) for lo, hi in zip(frame["per_full_low"], frame["per_full_high"])
            ],
            "Stijging per 1 juli (brief)": frame["rise_july"],
        }
    )
    return tables.show(
        shown,
        {
            "Te veel per maand (brief)": euro,
            f"Te veel over {months} maanden": euro,
            "Per maand, omgerekend naar 100%": euro,
            "Stijging per 1 juli (brief)": euro,
        },
    )


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures on money and numbers (advances, ESF, budget per person, inflow, recipients)."""
    rows = pd.concat([lookup.select(chapter.figures, indicator) for indicator in OTHER_FIGURES])
    shown = pd.DataFrame(
        {
            shared.COLUMN_TEXT["label"]: [
                f"{label} ({OTHER_CATEGORY_TEXT.get(c, c)})" if isinstance(c, str) else label
                for label, c in zip(rows["label"], rows["category"])
            ],
            shared.COLUMN_TEXT["period_label"]: formatting.period_labels(rows["period"]),
            shared.COLUMN_TEXT["value"]: [formatting.row_text(row) for _, row in rows.iterrows()],
            shared.COLUMN_TEXT["note"]: rows["note"],
            shared.COLUMN_TEXT["source"]: references.letter_page(rows["source_id"], rows["page"], chapter.sources),
        }
    )
    return tables.show(shown)
