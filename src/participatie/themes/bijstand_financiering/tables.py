"""Financiering van bijstand en re-integratie: the tables the notebook shows, one public function each.

Their words are in `chapters/bijstand_financiering.labels.yml` (`chapter.label`).
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import labels as shared
from ...presentation import shapes, vocabulary
from ...presentation import tables as shown_tables
from . import analysis

OTHER_FIGURES = (
    "bijstand_recipients",
    "asylum_advance_budget",
    "esf_active_inclusion_budget",
    "reintegration_budget_per_person",
    "new_target_group_inflow_assumption",
)


def buig_results(chapter) -> shapes.TableFigure:
    """Return the yearly results on the macrobudget BUIG (two numbers: a table), the preliminary one marked."""
    rows = analysis.single_year_results(chapter.figures)
    newer = chapter.from_newer_letters(rows).to_numpy()
    twice = rows["period"].duplicated(keep=False).to_numpy()
    kinds, column = chapter.label("buig_results.kinds"), chapter.label("buig_results.columns")
    share = chapter.label("buig_results.columns.share")  # a template: its words follow the edition
    status = [
        chapter.label("buig_results.status", preliminary=bool(early), newer=bool(new), newer_letter=shared.NEWER_LETTER)
        or vocabulary.MISSING
        for early, new in zip(rows["preliminary"], newer)
    ]
    periods = [
        chapter.label(
            "buig_results.bar_period",
            period=vocabulary.period(period),
            preliminary=bool(early),
            twice=bool(both),
            date=vocabulary.long_date(pd.Timestamp(day).date()),
        )
        for period, early, both, day in zip(rows["period"], rows["preliminary"], twice, rows["source_date"])
    ]
    table = pd.DataFrame(
        {
            column["period"]: periods,
            column["kind"]: rows["kind"].map(kinds).where(rows["result"] != 0, kinds["none"]),
            column["amount"]: [
                vocabulary.value_text(v, u, None, q)
                for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"].fillna(""))
            ],
            share: rows["share"],
            column["status"]: status,
            column["source"]: chapter.where_printed(rows["source_id"], rows["page"]),
        }
    )
    return shapes.labelled_table_figure(chapter, "buig_results", rows, table, {share: 1})


def benefit_corrections(chapter) -> shown_tables.Table:
    """Return per benefit level the overpayment per month in early 2017, its sum over the months and the July rise."""
    frame = analysis.benefit_corrections(chapter.figures)
    if frame.empty:
        return shown_tables.show(frame)
    # With one period of overpayment (the letters' data) the headers name it; with several a column does.
    one = frame["overpaid_span"].nunique() == 1
    rise = frame["rise_period"].dropna()
    words = {
        "span": frame["overpaid_span"].iloc[0] if one else None,
        "raised": rise.iloc[0] if one and not rise.empty else None,
        "months": int(frame["months"].max()),
        "computed": shared.COMPUTED,
    }
    schemes = chapter.label("benefit_corrections.schemes")

    def heading(key: str) -> str:
        return chapter.label(f"benefit_corrections.columns.{key}", **words)

    columns = {
        heading("benefit"): [
            f"{schemes[s]}, {vocabulary.value_text(p, 'procent')}" for s, p in zip(frame["scheme"], frame["percentage"])
        ],
        heading("overpaid"): shapes.value_texts(frame["overpaid_monthly"], "euro", frame["overpaid_qualifier"], 2),
        heading("overpaid_total"): shapes.value_texts(frame["overpaid_period"], "euro", [None] * len(frame), 2),
        heading("rise"): shapes.value_texts(frame["rise"], "euro", frame["rise_qualifier"], 2),
    }
    if not one:
        columns = {shared.COLUMN_TEXT["period_label"]: vocabulary.period_labels(frame["overpaid_span"]).tolist(), **columns}
    return shown_tables.show(pd.DataFrame(columns))


def other_figures(chapter) -> shown_tables.Table:
    """Return the remaining figures on money and numbers (recipients, advances, ESF, budget per person, inflow)."""
    rows = pd.concat([lookup.select(chapter.figures, indicator) for indicator in OTHER_FIGURES]).reset_index(drop=True)
    words, moments = chapter.label("other_figures.suffixes"), chapter.label("other_figures.periods")
    suffix = [words.get(c, words.get(i)) for c, i in zip(rows["category"].fillna(""), rows["indicator"])]
    # A figure the letter ties to a moment rather than a year (the amounts per person and the assumed inflow, set
    # at the introduction of the Participatiewet) shows that moment, with the year of the data.
    periods = [
        chapter.label(f"other_figures.periods.{i}", year=str(p)[:4]) if i in moments else shown
        for i, p, shown in zip(rows["indicator"], rows["period"], vocabulary.period_labels(rows["period"]))
    ]
    return shapes.edition_figures_table(chapter, rows, [f" ({s})" if s else "" for s in suffix], periods)
