"""Pilots Werken naar Vermogen: the chapter's charts and tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, tables
from .analysis import (
    LANES,
    PRECISION_SHAPE,
    X_MAX,
    differing_accounts,
    findings_by_topic,
    milestone_labels,
    number_word,
    pilots_overview,
    timeline,
)


def pilots_table(chapter) -> tables.Table:
    """Return the four pilots as a Dutch table, one block per pilot: aim, period, scale, findings and source pages.

    The table is long (one row per item of a pilot) rather than wide, so that the long texts of aim
    and findings keep a readable column width on the page.
    """
    frame = pilots_overview(chapter.table("pilots"), chapter.table("pilots_findings"), chapter.sources)
    single_letter = frame["source_id"].nunique() == 1
    items = (("Doel", "doel"), ("Periode", "periode"), ("Schaal", "schaal"), ("Belangrijkste bevindingen", "bevindingen"),
             ("Bron", "pagina" if single_letter else "bron"))
    rows = [
        {"Pilot": f"{pilot['pilot']}. {pilot['naam']}" if i == 0 else "", "Onderdeel": item, "Inhoud": pilot[column]}
        for _, pilot in frame.iterrows() for i, (item, column) in enumerate(items)
    ]
    return tables.show(pd.DataFrame(rows), caption=chapter.source_line(frame) if single_letter else None)


def findings_table(chapter) -> tables.Table:
    """Return the pilots' findings grouped by topic (each topic named once), with pilots and page."""
    frame = findings_by_topic(chapter.table("pilots_findings"), chapter.table("pilots"))
    first = ~frame["onderwerp"].duplicated()
    single_letter = frame["source_id"].nunique() == 1
    source = ([f"p. {int(p)}" for p in frame["page"]] if single_letter
              else [f"{chapter.reference(s)}, p. {int(p)}" for s, p in zip(frame["source_id"], frame["page"])])
    shown = pd.DataFrame({
        "Onderwerp": frame["onderwerp"].where(first, ""), "Bevinding": frame["bevinding"],
        "Pilot": frame["pilots"], "Bron": source,
    })
    return tables.show(shown, caption=chapter.source_line(frame) if single_letter else None)


def differing_accounts_table(chapter) -> tables.Table:
    """Return the matters on which the letters tell the story differently, their versions side by side."""
    frame = differing_accounts(chapter.table("policy_timeline"), chapter.sources)
    shown = pd.DataFrame({
        "Kwestie": frame["kwestie"].where(~frame["kwestie"].duplicated(), ""), "Brief": frame["brief"],
        "Pagina": frame["pagina"], "Gedateerd": frame["datering"], "Wat de brief zegt (samengevat)": frame["gebeurtenis"],
    })
    return tables.show(shown, {"Pagina": lambda v: str(int(v))})


def chart_timeline(chapter) -> charts.ChartFigure:
    """Return the vertical timeline of the policy path: every event as a point by strand, key milestones labelled."""
    frame = timeline(chapter.table("policy_timeline"), chapter.sources)
    labels = milestone_labels(frame)
    lanes = [lane for lane, _ in LANES]
    first_year, last_year = int(frame["datum"].dt.year.min()), int(frame["datum"].dt.year.max())
    y_domain = [f"{first_year}-01-01", f"{last_year + 1}-01-01"]
    plotted = frame.assign(
        datum=frame["datum"].dt.strftime("%Y-%m-%d"), begin=frame["begin"].astype(str), eind=frame["eind"].astype(str),
        kern=frame["kernmoment"].map({True: "kernmoment", False: "overige gebeurtenis"}),
    ).drop(columns=["kernlabel"])
    y = alt.Y("datum:T", title=None, scale=alt.Scale(domain=y_domain, reverse=True),
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1}, grid=True, labelFontSize=11,
                            labelBaseline="top", labelOffset=3))
    x_axis = alt.Axis(title=None, orient="top", values=list(range(len(lanes))), grid=False, domain=False, ticks=False,
                      labelAngle=-35, labelAlign="left", labelBaseline="bottom", labelLimit=260, labelFontSize=11, labelOverlap=False,
                      labelExpr=" : ".join(f"datum.value == {i} ? {lane!r}" for i, lane in enumerate(lanes)) + " : ''")
    x = alt.X("x:Q", axis=x_axis, scale=alt.Scale(domain=[-0.3, X_MAX], nice=False, zero=False))
    colour = alt.Color("spoor:N", title="Spoor", legend=None, scale=alt.Scale(domain=lanes, range=charts.PALETTE[:len(lanes)]))
    tooltip = [alt.Tooltip("datum_tekst:N", title="Datum"), alt.Tooltip("gebeurtenis:N", title="Gebeurtenis"),
               alt.Tooltip("spoor:N", title="Spoor"), alt.Tooltip("bron:N", title="Bron"),
               alt.Tooltip("nauwkeurigheid:N", title="Datum bekend tot op")]
    spans = alt.Chart(plotted).transform_filter("datum.precision != 'day'").mark_rule(strokeWidth=2, opacity=0.45).encode(
        x=x, y=alt.Y("begin:T", scale=alt.Scale(domain=y_domain, reverse=True)), y2="eind:T", color=colour, tooltip=tooltip)
    shapes = list(PRECISION_SHAPE)
    points = alt.Chart(plotted).mark_point(filled=True, opacity=0.9).encode(
        x=x, y=y, color=colour,
        shape=alt.Shape("nauwkeurigheid:N", title="Datum bekend tot op", sort=shapes,
                        scale=alt.Scale(domain=shapes, range=[PRECISION_SHAPE[s] for s in shapes])),
        size=alt.Size("kern:N", legend=None, scale=alt.Scale(domain=["kernmoment", "overige gebeurtenis"], range=[150, 45])),
        stroke=alt.Stroke("kern:N", legend=None, scale=alt.Scale(domain=["kernmoment", "overige gebeurtenis"], range=["#0b0c0c", "#ffffff"])),
        strokeWidth=alt.value(1),
        tooltip=tooltip,
    )
    leaders = alt.Chart(labels.assign(datum=labels["datum"].dt.strftime("%Y-%m-%d"))).mark_rule(
        strokeDash=[2, 3], color="#6f777b", strokeWidth=1).encode(x="x:Q", x2="label_x:Q", y="datum:T")
    texts = alt.Chart(labels.assign(datum=labels["datum"].dt.strftime("%Y-%m-%d"))).mark_text(
        align="left", baseline="top", dx=4, dy=-7, fontSize=11.5, lineBreak="\n").encode(
        x=alt.X("label_x:Q"), y=alt.Y("datum:T"), text="regels:N",
        tooltip=[alt.Tooltip("tekst:N", title="Kernmoment")])
    chart = alt.layer(spans, leaders, points, texts).properties(
        width=charts.WIDTH, height=60 * (last_year + 1 - first_year),
        title=charts.title("Van de pilots naar het breed offensief",
                           "Beleidsgebeurtenissen die de brieven noemen, per spoor; kernmomenten gelabeld"),
    )
    table = pd.DataFrame({
        "Datum": frame["datum_tekst"], "Spoor": frame["spoor"], "Kernmoment": frame["kernmoment"],
        "Gebeurtenis": frame["gebeurtenis"], "Bron": frame["bron"],
    })
    return charts.figure(
        chart,
        description=(f"Verticale tijdlijn van {first_year} tot en met {last_year} met {len(frame)} beleidsgebeurtenissen uit de brieven "
                     f"als punten in {number_word(len(lanes))} kolommen, één per spoor: {', '.join(lanes)}. De vorm van een punt zegt "
                     "hoe precies de brief de datum geeft (dag, maand of alleen jaar; een streep toont dan de hele maand of het hele jaar). "
                     "Grote omrande punten zijn kernmomenten, rechts met datum en omschrijving gelabeld: "
                     + "; ".join(labels["tekst"]) + "."),
        source_line=chapter.source_line(frame),
        table=table,
    )
