"""De sociale werkvoorziening in cijfers: the tables the chapter shows (`tables.money(hoofdstuk)` …).

Every public function is one table of the notebook: it takes the chapter and returns the table, with the words
of the chapter's label file (`chapter.label`). A table that compares letters is about the national figures the
letters print; a municipal edition says so instead of attributing its own figures to a letter.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...figures.rounding import decimals
from ...presentation import labels as shared
from ...presentation import shapes, vocabulary
from ...presentation import tables as house
from . import analysis
from .charts import _kind_texts, _source


def _periods(chapter, frame: pd.DataFrame) -> list[str]:
    """Return the period of each figure as a reader says it; 'not given' where the letters give none."""
    labels = vocabulary.period_labels(frame["period"])
    missing = chapter.label("period_not_given")
    return [missing if i in analysis.ASSUMED_PERIOD else label for i, label in zip(frame["indicator"], labels)]


def _figure(chapter, key: str, rows: pd.DataFrame, columns: dict[str, str], formats: dict | None = None, **values):
    """Return a few figures (two numbers are no chart) as a table titled by `key`: `values` with kind and source."""
    frame = pd.DataFrame(values).assign(
        herkomst=_kind_texts(chapter, rows), bron=_source(chapter, rows), source_id=rows["source_id"]
    )
    return shapes.labelled_table_figure(chapter, key, frame, shapes.data_table(frame, columns, list(columns)), formats)


def waiting_list(chapter) -> shapes.TableFigure:
    """Return the Wsw waiting list: every printed stand, and the starts implied by the printed decreases (ours)."""
    rows = analysis.waiting_list(chapter.figures)
    calculation = [
        chapter.label("waiting_list.calculation", end=end, decrease=decrease)
        if kind == analysis.COMPUTED
        else vocabulary.MISSING
        for kind, end, decrease in zip(rows["kind"], rows["end_stock"], rows["decrease"])
    ]
    moments = rows["date"].map(vocabulary.moment)
    columns = chapter.label("waiting_list.columns")
    return _figure(chapter, "waiting_list", rows, columns, moment=moments, personen=rows["persons"], berekening=calculation)


def _share(chapter, indicator: str, key: str) -> shapes.TableFigure:
    """Return one printed share per period, each with its letter and page, in the letters' precision."""
    rows = analysis.share_series(chapter.figures, indicator)
    columns = chapter.label("share_columns")
    # A table shows no precision a letter lacks: the decimals of the most precise value (34 → 0, 24,1 → 1).
    formats = {columns["procent"]: max((decimals(v) for v in rows["percent"].dropna()), default=0)}
    return _figure(
        chapter, key, rows, columns, formats, periode=vocabulary.period_labels(rows["period"]), procent=rows["percent"]
    )


def seconded_share(chapter) -> shapes.TableFigure:
    """Return the printed share of people with a Wsw-dienstbetrekking who work seconded (gedetacheerd)."""
    return _share(chapter, "wsw_seconded_share", "seconded_share")


def regular_employer_share(chapter) -> shapes.TableFigure:
    """Return the printed share of Wsw employees working at a regular employer."""
    return _share(chapter, "wsw_regular_employer_share", "regular_employer_share")


def budget(chapter) -> shapes.TableFigure:
    """Return the Wsw budget for municipalities: the amounts and the expectations printed (no years between)."""
    rows = analysis.budget(chapter.figures)
    columns = chapter.label("budget.columns")
    return _figure(chapter, "budget", rows, columns, jaar=rows["year"].astype(str), miljoen_euro=rows["mln_euro"])


def efficiency_cut(chapter) -> house.Table:
    """Return the efficiency cut per Wsw employee and on the total Wsw budget (a yearly amount), with letter and pages."""
    frame = analysis.efficiency_cut(chapter.figures)
    columns = chapter.label("efficiency_cut.columns")
    per = chapter.where_printed(frame["source_id"], frame["page"])
    total = chapter.where_printed(frame["total_source_id"], frame["total_page"])
    one_letter = (frame["source_id"] == frame["total_source_id"]) & (frame["page"] != frame["total_page"])
    sources = [
        p
        if p == t
        else chapter.label("efficiency_cut.total_page", where=p, page=str(page))
        if same and not chapter.municipal
        else chapter.label("efficiency_cut.total_elsewhere", where=p, total=t)
        for p, t, page, same in zip(per, total, frame["total_page"], one_letter)
    ]
    shown = pd.DataFrame(
        {
            columns["year"]: frame["year"],
            columns["per_employee"]: shapes.value_texts(
                frame["cut_per_employee"], "euro", frame["cut_per_employee_qualifier"]
            ),
            columns["total"]: [vocabulary.value_text(v, "euro_mln") for v in frame["cut_total_mln"]],
            columns["source"]: sources,
        }
    )
    return house.show(shown)


def money(chapter) -> house.Table:
    """Return the money figures by topic, with their status (ministry figure, financing basis, expectation …) and source."""
    frame = analysis.money_figures(chapter.figures)
    columns, items, status = (chapter.label(f"money.{key}") for key in ("columns", "items", "status"))
    if chapter.municipal:  # every amount is the municipality's; an amount for a later year is its expectation
        expected = chapter.label("kinds")["municipal_expected"]
        kinds = [expected if e else status["municipal"] for e in frame["expected"]]
    else:
        kinds = [
            status["claim"] if claim else status["basis"] if basis else status["expected"] if e else status["ministry"]
            for claim, basis, e in zip(frame["cited_claim"], frame["financing_basis"], frame["expected"])
        ]
    shown = pd.DataFrame(
        {
            columns["item"]: [items.get(i, label) for i, label in zip(frame["indicator"], frame["label"])],
            columns["period"]: _periods(chapter, frame),
            columns["amount"]: [house.figure_value(row) for _, row in frame.iterrows()],
            columns["status"]: kinds,
            columns["source"]: chapter.where_printed(frame["source_id"], frame["page"]),
        }
    )
    return house.show(shown)


def repeated_figures(chapter) -> house.Table:
    """Return the figures that several letters print, side by side: whether the letters agree, and if not, the kind."""
    if chapter.municipal:
        return house.show(pd.DataFrame(), empty=chapter.label("repeated_figures.national_only"))
    frame = analysis.repeated_figures(chapter.figures)
    revised = chapter.revisions()
    keys = [*lookup.KEY, "source_id"]
    kinds = dict(zip(map(tuple, revised[keys].fillna("").to_numpy()), revised["kind"]))
    shown = pd.DataFrame(
        {
            shared.COLUMN_TEXT["label"]: frame["label"],
            shared.COLUMN_TEXT["period_label"]: _periods(chapter, frame),
            shared.COLUMN_TEXT["value"]: [house.figure_value(row) for _, row in frame.iterrows()],
            shared.COLUMN_TEXT["source"]: chapter.where_printed(frame["source_id"], frame["page"]),
            chapter.label("repeated_figures.agree"): frame["values_agree"],
            shared.COLUMN_TEXT["kind"]: [
                shared.REVISION_KIND_TEXT[kinds[key]] if key in kinds else vocabulary.MISSING
                for key in map(tuple, frame[keys].fillna("").to_numpy())
            ],
        }
    )
    return house.show(shown)
