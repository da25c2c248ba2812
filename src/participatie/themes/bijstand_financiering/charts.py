"""Financiering van bijstand en re-integratie: the charts the notebook shows, one public function each.

Their words are in `chapters/bijstand_financiering.labels.yml` (`chapter.label`). Every chart draws every
period in the data; values from letters newer than the chapter's text are open bars, named `labels.NEWER_LETTER`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, shapes, vocabulary
from ...presentation import labels as shared
from . import analysis


def participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget per target group and year, with the printed totals."""

    def label(key: str, **values):
        return chapter.label(f"participation_budget.{key}", **values)

    parts = analysis.participation_budget_parts(chapter.figures)
    newer = chapter.from_newer_letters(parts).to_numpy()
    sources = chapter.where_printed(parts["source_id"], parts["page"])
    groups, short = label("groups"), label("groups_short")
    long = parts.assign(jaar=parts["year"], nieuwer=newer, brief=sources).melt(
        ["jaar", "nieuwer", "brief"], ["classic", "new"], "key", "bedrag"
    )
    long = long.assign(  # the group's short name and amount inside its bar
        doelgroep=long["key"].map(groups),
        volgorde=(long["key"] == "new").astype(int),
        label=long["key"].map(short) + "\n" + [vocabulary.number(v, 1) for v in long["bedrag"]],
    )[["jaar", "doelgroep", "bedrag", "volgorde", "nieuwer", "brief", "label"]]
    domain = [groups["classic"], groups["new"]]
    colours = alt.Scale(domain=domain, range=[charts.PRIMARY, charts.SECONDARY])
    tooltip = label("tooltip")
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None, axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("jaar:N", title=tooltip["year"]),
            alt.Tooltip("doelgroep:N", title=tooltip["group"]),
            alt.Tooltip("bedrag:Q", title=tooltip["amount"], format=",.3f"),
            alt.Tooltip("brief:N", title=tooltip["source"]),
        ],
    )
    top_room = round(float(parts[["printed_total", "sum"]].max().max()) * 1.12)  # room for a total on two lines
    bars = base.mark_bar(size=56, strokeWidth=1.5).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln"), scale=alt.Scale(domainMax=top_room)),
        # A newer letter's amount is open (charts.NEWER): white inside its group's outline.
        fill=alt.condition(
            "datum.nieuwer",
            alt.value(charts.kind_fill(charts.NEWER, charts.PRIMARY)),
            alt.Fill("doelgroep:N", title=None, sort=domain, scale=colours),
        ),
        stroke=alt.Stroke("doelgroep:N", title=None, sort=domain, scale=colours),
        order=alt.Order("volgorde:Q"),
    )
    inside = (
        base.mark_text(lineBreak="\n", fontSize=10)
        .encode(y="midden:Q", text="label:N", color=alt.condition("datum.nieuwer", alt.value("black"), alt.value("white")))
        .transform_stack(stack="bedrag", groupby=["jaar"], sort=[alt.SortField("volgorde")], as_=["onder", "boven"])
        .transform_calculate(midden="(datum.onder + datum.boven) / 2")
    )
    printed = parts["printed_total"].notna()
    top = parts["printed_total"].fillna(parts["sum"])
    # On two lines, so that a total keeps within its bar's width on a phone.
    text = [[label("printed_total" if p else "sum"), vocabulary.number(v, 3)] for p, v in zip(printed, top)]
    totals_frame = pd.DataFrame({"jaar": parts["year"], "top": top, "tekst": text})
    totals = alt.Chart(totals_frame).mark_text(dy=-18, baseline="bottom").encode(x="jaar:N", y="top:Q", text="tekst:N")
    words = {"newer": bool(newer.any()), "newer_letter": shared.NEWER_LETTER, "computed": shared.COMPUTED}
    heading = [label(f"columns.{key}", **words) for key in ("year", "classic", "new", "total", "sum")]
    table = parts[["year", "classic", "new", "printed_total", "sum"]].set_axis(heading, axis=1)
    table[label("columns.source")] = sources
    formats = dict.fromkeys(heading[1:], 3)
    layers, subtitle = bars + inside + totals, label("subtitle", **words)
    return shapes.labelled_chart(
        chapter, "participation_budget", layers, parts, table, formats, height=charts.HEIGHT, subtitle=subtitle, **words
    )
