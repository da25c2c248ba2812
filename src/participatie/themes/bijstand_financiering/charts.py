"""Financiering van bijstand en re-integratie: the charts the notebook shows, one public function each.

Their words are in `chapters/bijstand_financiering.labels.yml` (`chapter.label`). Every chart draws every
period in the data; values from letters newer than the chapter's text are drawn as open bars and named
`labels.NEWER_LETTER`; tooltips and data tables name the letter and page of each value (in a municipal
edition: that the figure is the municipality's own).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, vocabulary
from ...presentation import labels as shared
from . import analysis


def participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget per target group and year, with the printed totals."""
    parts = analysis.participation_budget_parts(chapter.figures)
    newer = chapter.from_newer_letters(parts).to_numpy()
    sources = chapter.where_printed(parts["source_id"], parts["page"])
    groups, short = chapter.label("participation_budget.groups"), chapter.label("participation_budget.groups_short")
    base_frame = parts.assign(nieuwer=newer, brief=sources)
    long = pd.concat(
        [
            base_frame.assign(doelgroep=groups["classic"], kort=short["classic"], bedrag=base_frame["classic"], volgorde=0),
            base_frame.assign(doelgroep=groups["new"], kort=short["new"], bedrag=base_frame["new"], volgorde=1),
        ]
    )[["year", "doelgroep", "kort", "bedrag", "volgorde", "nieuwer", "brief"]].rename(columns={"year": "jaar"})
    long = long.assign(label=long["kort"] + "\n" + [vocabulary.number(v, 1) for v in long["bedrag"]]).drop(columns="kort")
    domain = [groups["classic"], groups["new"]]
    colours = dict(zip(domain, [charts.PRIMARY, charts.SECONDARY]))
    tooltip = chapter.label("participation_budget.tooltip")
    top_room = round(float(parts[["printed_total", "sum"]].max().max()) * 1.12)
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None, axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("jaar:N", title=tooltip["year"]),
            alt.Tooltip("doelgroep:N", title=tooltip["group"]),
            alt.Tooltip("bedrag:Q", title=tooltip["amount"], format=",.3f"),
            alt.Tooltip("brief:N", title=tooltip["source"]),
        ],
    )
    bars = base.mark_bar(size=56, strokeWidth=1.5).encode(
        # Room above the highest bar for its total on two lines.
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln"), scale=alt.Scale(domainMax=top_room)),
        # A newer letter's amount is open (charts.NEWER): white inside its group's outline.
        fill=alt.condition(
            "datum.nieuwer",
            alt.value(charts.kind_fill(charts.NEWER, charts.PRIMARY)),
            alt.Fill("doelgroep:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=list(colours.values()))),
        ),
        stroke=alt.Stroke(
            "doelgroep:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=list(colours.values()))
        ),
        order=alt.Order("volgorde:Q"),
    )
    inside = (
        base.mark_text(lineBreak="\n", fontSize=10)
        .encode(
            y=alt.Y("midden:Q"),
            text="label:N",
            color=alt.condition("datum.nieuwer", alt.value("black"), alt.value("white")),
        )
        .transform_stack(stack="bedrag", groupby=["jaar"], sort=[alt.SortField("volgorde")], as_=["onder", "boven"])
        .transform_calculate(midden="(datum.onder + datum.boven) / 2")
    )
    printed = parts["printed_total"].notna()
    top = parts["printed_total"].where(printed, parts["sum"])
    total_word, sum_word = chapter.label("participation_budget.printed_total"), chapter.label("participation_budget.sum")
    totals_frame = pd.DataFrame(
        {
            "jaar": parts["year"],
            "top": top,
            # On two lines, so that a total keeps within its bar's width on a phone.
            "tekst": [[total_word if p else sum_word, vocabulary.number(v, 3)] for p, v in zip(printed, top)],
        }
    )
    totals = alt.Chart(totals_frame).mark_text(dy=-18, baseline="bottom").encode(x="jaar:N", y="top:Q", text="tekst:N")
    words = {"newer": bool(newer.any()), "newer_letter": shared.NEWER_LETTER, "computed": shared.COMPUTED}
    chart = (bars + inside + totals).properties(
        width=charts.WIDTH,
        height=charts.HEIGHT,
        title=charts.title(
            chapter.label("participation_budget.title"), chapter.label("participation_budget.subtitle", **words)
        ),
    )
    columns = {key: chapter.label(f"participation_budget.columns.{key}", **words) for key in ("total", "sum")}
    table = pd.DataFrame(
        {
            chapter.label("participation_budget.columns.year"): parts["year"],
            chapter.label("participation_budget.columns.classic"): parts["classic"],
            chapter.label("participation_budget.columns.new"): parts["new"],
            columns["total"]: parts["printed_total"],
            columns["sum"]: parts["sum"],
            chapter.label("participation_budget.columns.source"): sources,
        }
    )
    amounts = [chapter.label(f"participation_budget.columns.{key}") for key in ("classic", "new")] + list(columns.values())
    return charts.figure(
        chart,
        description=chapter.label("participation_budget.description", **words),
        source_line=chapter.source_line(parts),
        table=table,
        table_formats=dict.fromkeys(amounts, 3),
    )
