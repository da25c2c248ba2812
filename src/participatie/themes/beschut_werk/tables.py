"""Beschut werk: the tables the chapter shows, one public function per table; their words are in
chapters/beschut_werk.labels.yml (`chapter.label`)."""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import tables, vocabulary
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import PRINTED as PRINTED_TEXT
from . import analysis
from .analysis import END_2017, HOURS, PERSONS, PRINTED
from .charts import _columns, _kind_words


def fill_rate(chapter) -> tables.Table:
    """Return the 2017 fill rate of the regeling by persons and by hours (ours) beside the printed figure."""
    figures = chapter.figures
    frame = analysis.fill_rate(figures)
    inputs = analysis.fill_rate_inputs(figures)
    values = {**inputs, "hours_worked": chapter.finder.figure("average_hours_worked", "2017")}  # with its hedge
    formula = {
        PERSONS: chapter.label("fill_rate.persons", **values),
        HOURS: chapter.label("fill_rate.hours", **values),
        PRINTED: "–",
    }
    printed = lookup.row(figures, "regeling_fill_rate", END_2017)
    where = chapter.where_printed([printed["source_id"]], [printed["page"]])[0]
    kind = {
        PERSONS: COMPUTED_TEXT,
        HOURS: COMPUTED_TEXT,
        PRINTED: where if chapter.municipal else f"{PRINTED_TEXT} ({where})",
    }
    measure = chapter.label("fill_rate.measure") | {PRINTED: _kind_words(chapter)[PRINTED].capitalize()}
    columns = _columns(chapter, "fill_rate")
    shown = pd.DataFrame(
        {
            columns["measure"]: frame["measure"].map(measure),
            columns["formula"]: frame["measure"].map(formula),
            columns["rate"]: frame["fill_rate"],
            columns["kind"]: frame["measure"].map(kind),
        }
    )
    return tables.show(shown, {columns["rate"]: 0})


def money(chapter) -> tables.Table:
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) at the precision printed."""
    rows = analysis.money(chapter.figures)
    columns = _columns(chapter, "money")
    periods = vocabulary.period_labels(rows["period"])
    bonus = rows["indicator"].str.startswith("bonus_").tolist()
    shown = pd.DataFrame(
        {
            columns["label"]: rows["label"],
            columns["period"]: [chapter.label("money.bonus_period", period=p) if b else p for p, b in zip(periods, bonus)],
            columns["amount"]: [tables.figure_value(row) for _, row in rows.iterrows()],
            columns["letter"]: chapter.where_printed(rows["source_id"], rows["page"]),
        }
    )
    return tables.show(shown)
