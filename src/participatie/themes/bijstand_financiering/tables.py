"""Financiering van bijstand en re-integratie: the chapter's tables, in Dutch."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import formatting, shapes, tables
from ...presentation import labels as shared
from . import analysis
from .labels import LABEL_SUFFIX, MUNICIPAL_SUFFIX, PRINTED_SUFFIX, SCHEME_TEXT

OTHER_FIGURES = (
    "bijstand_recipients",
    "asylum_advance_budget",
    "esf_active_inclusion_budget",
    "reintegration_budget_per_person",
    "new_target_group_inflow_assumption",
)


def benefit_corrections_table(chapter) -> tables.Table:
    """Return per benefit level the overpayment per month in early 2017, its sum over the months and the July rise.

    With one period of overpayment (the letters' data) the headers name it; with several (data that add
    other years) a column names each row's period.
    """
    frame = analysis.benefit_corrections(chapter.figures)
    if frame.empty:
        return tables.show(frame)
    suffix = MUNICIPAL_SUFFIX if chapter.municipal else PRINTED_SUFFIX
    one = frame["overpaid_span"].nunique() == 1
    span = f", {formatting.period_label(frame['overpaid_span'].iloc[0])}" if one else ""
    rise = frame["rise_period"].dropna()
    raised = f" per {formatting.period_label(rise.iloc[0])}" if one and not rise.empty else ""
    months = formatting.number(int(frame["months"].max()))
    euro = lambda v, q="": formatting.value_text(v, "euro", 2, q) if pd.notna(v) else "–"  # noqa: E731
    shown = {
        "Uitkering": [
            f"{SCHEME_TEXT[s]}, {formatting.value_text(p, 'procent')}" for s, p in zip(frame["scheme"], frame["percentage"])
        ],
        f"Te veel per maand{span}{suffix}": [
            euro(v, q) for v, q in zip(frame["overpaid_monthly"], frame["overpaid_qualifier"])
        ],
        f"Te veel over {months} maanden ({shared.COMPUTED})": [euro(v) for v in frame["overpaid_period"]],
        f"Stijging per maand{raised}{suffix}": [euro(v, q) for v, q in zip(frame["rise"], frame["rise_qualifier"])],
    }
    if not one:
        shown = {shared.COLUMN_TEXT["period_label"]: formatting.period_labels(frame["overpaid_span"]).tolist(), **shown}
    return tables.show(pd.DataFrame(shown))


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures on money and numbers (recipients, advances, ESF, budget per person, inflow)."""
    rows = pd.concat([lookup.select(chapter.figures, indicator) for indicator in OTHER_FIGURES]).reset_index(drop=True)
    suffix = pd.Series(
        [LABEL_SUFFIX.get(c, LABEL_SUFFIX.get(i, "")) for c, i in zip(rows["category"].fillna(""), rows["indicator"])],
        index=rows.index,
    )
    return shapes.edition_figures_table(chapter, rows, label_suffix=suffix)
