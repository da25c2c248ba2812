"""Banenafspraak: voortgang en duurzaamheid van de banen: the tables the chapter shows, one public function each.

Their headings, captions and reader names are the chapter's labels (`chapter.label`); the columns of the
tables of printed figures are the book's shared column names.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts as house_charts
from ...presentation import labels as shared
from ...presentation import shapes, tables, vocabulary
from ...presentation import tables as house
from ...presentation.labels import COLUMN_TEXT
from . import analysis
from .analysis import COMPUTED, NO_PERIOD, PAST_HALF_YEAR, REALISED_PACE, UNDATED
from .charts import _kind, _letters_pages, _table


def municipal_target_group(chapter) -> shapes.TableFigure:
    """Return the gemeentelijke doelgroep at work per quarter in the data (two numbers: a table), Q4 2016 our derivation."""
    group = analysis.municipal_target_group(chapter.figures)
    computed = group["kind"] == COMPUTED
    # Our derivation (no letter) is never newer.
    newer = chapter.from_newer_letters(group.assign(source_id=group["source_id"].where(~computed)))
    frame = pd.DataFrame(
        {
            "kwartaal": vocabulary.period_labels(group["period"]),
            "werkend": group["working"],
            "soort": [shared.NEWER_LETTER if n else _kind(chapter, k) for k, n in zip(group["kind"], newer)],
            "berekening": [
                chapter.label("municipal_target_group.calculation", level=level, change=change) if c else vocabulary.MISSING
                for c, level, change in zip(computed, group["level"], group["change"])
            ],
            "brief": _letters_pages(chapter, group["source_id"], group["page"]),
        }
    )
    return shapes.table_figure(
        _table(frame, chapter.label("municipal_target_group.fields"), list(frame.columns)),
        title=chapter.label("municipal_target_group.title"),
        source_line=chapter.source_line(fig.select(chapter.figures, "municipal_target_group_working")),
    )


def pace(chapter) -> house.Table:
    """Return our computation of the yearly pace needed for the final target, beside the pace realised before.

    The pace needed is rounded to three significant digits ('circa'): it rests on a linear spread of
    the jobs still to be created, not on a path in the afspraak.
    """
    frame = analysis.required_pace(chapter.figures)
    realised = frame["measure"] == REALISED_PACE
    titles = chapter.label("pace.columns")
    shown = pd.DataFrame(
        {
            titles["measure"]: [
                chapter.label("pace.realised") if done else chapter.label("pace.needed", end=end)
                for done, end in zip(realised, frame["end"])
            ],
            titles["start"]: vocabulary.period_labels(frame["start"]),
            titles["end"]: vocabulary.period_labels(frame["end"]),
            titles["to_create"]: frame["to_create"],
            titles["years"]: frame["years"],
            titles["per_year"]: [
                vocabulary.number(v) if done else vocabulary.value_text(analysis.rounded(v), "aantal", None, "circa")
                for v, done in zip(frame["per_year"], realised)
            ],
        }
    )
    return house.show(shown, {titles["to_create"]: 0}, caption=chapter.label("pace.caption"))


def support(chapter) -> house.Table:
    """Return the figures on support and provisions (provisions, wage subsidy, jobcoach, register) as printed."""
    return _figures(chapter, analysis.support(chapter.figures))


def other_figures(chapter) -> house.Table:
    """Return the remaining figures of the letters (EU quota, calculator, ICT costs, MKB campaign) as printed.

    They are no municipal quantities: every edition shows the letters' national figures, as the text does.
    """
    rows = analysis.other_figures(chapter.national)
    groups = chapter.label("figures.groups")
    return _figures(chapter, rows, [f" ({groups[c]})" if c in groups else "" for c in rows["category"]], national=True)


def _period(chapter, indicator: str, period: str, date: str) -> str:
    # The period as the letter gives it: none (a peildatum, a year) where it names none, its own words for the
    # campaign's half year; never the letter's date or our assumption shown as if the letter printed it.
    if indicator in UNDATED:
        return chapter.label("figures.undated", date=date)
    if indicator in NO_PERIOD:
        return chapter.label("figures.no_period", date=date)
    if indicator in PAST_HALF_YEAR:
        return chapter.label("figures.past_half_year", date=date)
    return vocabulary.moment(period)


def _figures(chapter, rows: pd.DataFrame, suffixes: list[str] | None = None, national: bool = False) -> house.Table:
    # Printed figures as a reader checks them: indicator, period, value with unit and hedge, letter and page.
    # A figure without peildatum says so instead of showing the letter's date as if it were one.
    names = rows["indicator"].map(chapter.label("figures.indicators")).fillna(rows["label"])
    dates = rows["source_date"].map(lambda d: vocabulary.long_date(pd.Timestamp(d).date()))
    period = [_period(chapter, i, p, d) for i, p, d in zip(rows["indicator"], rows["period"], dates)]
    ids, pages = list(rows["source_id"]), [int(p) for p in rows["page"]]
    municipal = chapter.municipal and not national
    letters = chapter.letters_of(ids) if municipal else tables.letter_pages(ids, pages, chapter.sources)
    hedges = [q if isinstance(q, str) else None for q in rows["qualifier"]]
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: names + pd.Series(suffixes or [""] * len(rows), index=rows.index),
            COLUMN_TEXT["period_label"]: period,
            COLUMN_TEXT["value"]: [
                vocabulary.value_text(v, unit, None, q) for v, unit, q in zip(rows["value"], rows["unit"], hedges)
            ],
            COLUMN_TEXT["letter"]: letters,
        }
    )
    if municipal or not chapter.municipal:
        return house.show(shown, caption=chapter.source_line(rows))
    return house.show(shown, caption=house_charts.SourceLine(tables.sources_line(ids, chapter.sources), chapter.data_files))
