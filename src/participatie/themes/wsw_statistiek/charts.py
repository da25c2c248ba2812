"""De sociale werkvoorziening in cijfers: the chapter's charts, in Dutch (the analyses' codes get their words
from the theme's labels)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup
from ...presentation import charts, formatting, references, shapes
from ...presentation import labels as shared
from . import analysis
from .analysis import COMPUTED, INTERPOLATED, PRINTED, SECONDED, SUPPORTED
from .labels import INDICATION_TEXT, KIND_TEXT, PART_TEXT, stock_moment


def chart_indications(chapter) -> charts.ChartFigure:
    """Return the bars of Wsw-indicaties: the printed totals beside the sum of the printed 2012 parts."""
    rows = analysis.indications(chapter.figures)
    frame = pd.DataFrame(
        {
            "jaar": rows["period"],
            "soort": rows["part"].map(INDICATION_TEXT),
            "indicaties": rows["indications"],
            "herkomst": rows["kind"].map(KIND_TEXT),
            "brief": references.references(rows["source_id"].tolist(), chapter.sources),
            "source_id": rows["source_id"],
        }
    )
    parts = frame.loc[rows["part"].isin([analysis.FIRST, analysis.REPEAT])]
    totals = frame.loc[rows["part"] == analysis.TOTAL]
    total_sum = frame.loc[rows["part"] == analysis.SUM_OF_PARTS]
    stack = pd.concat(
        [
            totals.assign(staaf=totals["jaar"] + ": totaal in de brief", onderdeel="totaal"),
            parts.assign(staaf=parts["jaar"] + ": eerste + herindicaties", onderdeel=parts["soort"]),
        ]
    )
    texts = pd.concat(
        [
            totals.assign(staaf=totals["jaar"] + ": totaal in de brief", tekst=totals["indicaties"].map(formatting.number)),
            total_sum.assign(
                staaf=total_sum["jaar"] + ": eerste + herindicaties",
                tekst="som: " + total_sum["indicaties"].map(formatting.number) + " (berekend)",
            ),
        ]
    )
    order = list(dict.fromkeys(stack.sort_values(["jaar", "onderdeel"], ascending=[True, False])["staaf"]))
    kinds = [INDICATION_TEXT[analysis.TOTAL], INDICATION_TEXT[analysis.FIRST], INDICATION_TEXT[analysis.REPEAT]]
    bars = (
        alt.Chart(stack)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=alt.Y("staaf:N", sort=order, title=None),
            x=alt.X("indicaties:Q", stack="zero", axis=charts.value_axis("indicaties")),
            color=alt.Color(
                "onderdeel:N",
                title=None,
                sort=kinds,
                scale=alt.Scale(domain=kinds, range=[charts.PRIMARY, charts.SECONDARY, charts.PALETTE[2]]),
            ),
            order=alt.Order("onderdeel:N", sort="ascending"),
            tooltip=[
                alt.Tooltip("staaf:N", title="Staaf"),
                alt.Tooltip("onderdeel:N", title="Onderdeel"),
                alt.Tooltip("indicaties:Q", title="Indicaties", format=",.0f"),
            ],
        )
    )
    text = (
        alt.Chart(texts)
        .mark_text(align="right", dx=-6, color="white", fontWeight="bold")
        .encode(y=alt.Y("staaf:N", sort=order), x=alt.X("indicaties:Q"), text="tekst:N")
    )
    chart = (bars + text).properties(
        width=charts.WIDTH,
        height=170,
        title=charts.title(
            "Uitgevoerde Wsw-indicaties", "De delen van 2012 tellen op tot twee minder dan het gedrukte totaal"
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Liggende staven met het totaal aantal Wsw-indicaties in 2011 en 2012 zoals de brief het geeft, en voor "
            "2012 een gestapelde staaf van eerste indicaties en herindicaties waarvan de som, door het boek berekend, "
            "twee lager uitkomt dan het gedrukte totaal."
        ),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "soort", "indicaties", "herkomst"]].rename(columns=str.capitalize),
    )


def chart_waiting_list(chapter) -> charts.ChartFigure:
    """Return the bars of the Wsw waiting list: the implied start of 2012 (computed) and the printed end of 2012."""
    rows = analysis.waiting_list(chapter.figures)
    n = formatting.number
    frame = pd.DataFrame(
        {
            "moment": rows["date"].map(stock_moment),
            "datum": rows["date"],
            "personen": rows["persons"],
            "herkomst": rows["kind"].map(KIND_TEXT),
            "berekening": [
                f"eindstand {n(end)} + daling {n(decrease)}" if kind == COMPUTED else "–"
                for kind, end, decrease in zip(rows["kind"], rows["end_stock"], rows["decrease"])
            ],
        }
    )
    chart = shapes.labelled_bars(
        frame,
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=charts.value_axis("personen", "Personen op de wachtlijst")),
        kind="herkomst",
        kinds=[shared.COMPUTED, shared.PRINTED],
        computed={shared.COMPUTED},
        tooltip=[
            alt.Tooltip("moment:N", title="Moment"),
            alt.Tooltip("herkomst:N", title="Herkomst"),
            alt.Tooltip("personen:Q", title="Personen", format=",.0f"),
            alt.Tooltip("berekening:N", title="Berekening"),
        ],
        size=80,
        stroke_width=2,
    ).properties(
        width=charts.WIDTH,
        height=260,
        title=charts.title(
            "Wachtlijst Wsw in 2012", "De beginstand staat niet in de brief: eindstand plus de gedrukte daling"
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Twee staven: het aantal mensen op de Wsw-wachtlijst begin 2012, door het boek berekend uit de eindstand en "
            "de daling en daarom grijs en gestreept, en het gedrukte aantal eind 2012."
        ),
        source_line=chapter.source_line(lookup.select(chapter.figures, "wsw_waiting_list")),
        table=frame[["moment", "personen", "herkomst", "berekening"]].rename(columns=str.capitalize),
    )


def chart_outside_shares(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the share of Wsw employees working outside the sw-bedrijf, per year."""
    rows = analysis.outside_shares(chapter.figures)
    frame = pd.DataFrame(
        {
            "jaar": rows["year"],
            "onderdeel": rows["part"].map(PART_TEXT),
            "procent": rows["percent"],
            "herkomst": rows["kind"].map(KIND_TEXT),
            "stand": rows["as_of"].map(stock_moment),
            "source_id": rows["source_id"],
            "totaal_jaar": rows["year_total"],
            "volgorde": (rows["part"] == SUPPORTED).astype(int),  # the computed part on top
        }
    )
    domain = [PART_TEXT[SECONDED], PART_TEXT[SUPPORTED], PART_TEXT[analysis.REGULAR]]
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:N", title=None),
        tooltip=[
            alt.Tooltip("jaar:N", title="Jaar"),
            alt.Tooltip("onderdeel:N", title="Onderdeel"),
            alt.Tooltip("procent:Q", title="Procent", format=",.1f"),
            alt.Tooltip("herkomst:N", title="Herkomst"),
            alt.Tooltip("stand:N", title="Stand"),
        ],
    )
    bars = base.mark_bar(strokeWidth=1.5, size=60).encode(
        y=alt.Y("procent:Q", stack="zero", axis=charts.value_axis("procent", "Procent van de Wsw-werknemers")),
        color=alt.Color(
            "onderdeel:N",
            title=None,
            sort=domain,
            scale=alt.Scale(domain=domain, range=[charts.PRIMARY, charts.MUTED, charts.SECONDARY]),
        ),
        strokeDash=alt.StrokeDash(
            "onderdeel:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=[[1, 0], [4, 3], [1, 0]])
        ),
        stroke=alt.value(charts.PALETTE[4]),
        order=alt.Order("volgorde:Q", sort="ascending"),
    )
    totals = (
        base.transform_aggregate(totaal="sum(procent)", groupby=["jaar"])
        .mark_text(dy=-8)
        .encode(y=alt.Y("totaal:Q"), text=alt.Text("totaal:Q", format=",.1~f"))
    )
    chart = (bars + totals).properties(
        width=charts.WIDTH,
        height=280,
        title=charts.title(
            "Wsw-werknemers die buiten het sw-bedrijf werken",
            "2011–2012: gedetacheerd (brief) + begeleid werken (berekend); 2014–2015: bij een reguliere werkgever (brief)",
        ),
    )
    table = pd.DataFrame(
        {
            "Jaar": frame["jaar"],
            "Onderdeel": frame["onderdeel"],
            "Procent": frame["procent"].round(1),
            "Herkomst": frame["herkomst"],
            "Stand": frame["stand"],
        }
    )
    return charts.figure(
        chart,
        description=(
            "Gestapelde staven per jaar met het percentage Wsw-werknemers buiten het sw-bedrijf: voor 2011 en 2012 het "
            "gedrukte aandeel gedetacheerden met daarboven het door het boek berekende aandeel begeleid werken in grijs "
            "met een gestreepte rand, voor 2014 en 2015 het gedrukte aandeel bij een reguliere werkgever."
        ),
        source_line=chapter.source_line(frame),
        table=table,
        table_formats={"Procent": 1},
    )


def chart_budget_path(chapter) -> charts.ChartFigure:
    """Return the Wsw budget 2018–2050: the two printed points and a dashed straight line labelled as interpolation."""
    rows = analysis.budget_path(chapter.figures)
    frame = pd.DataFrame({"jaar": rows["year"], "miljoen_euro": rows["mln_euro"], "soort": rows["kind"].map(KIND_TEXT)})
    printed = frame.loc[rows["kind"] == PRINTED]
    x = alt.X("jaar:Q", title=None, scale=alt.Scale(nice=False, padding=20), axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("miljoen_euro:Q", axis=charts.value_axis("euro_mln"))
    tooltip = [
        alt.Tooltip("jaar:Q", title="Jaar", format="d"),
        alt.Tooltip("soort:N", title="Soort"),
        alt.Tooltip("miljoen_euro:Q", title="Miljoen euro", format=",.0f"),
    ]
    line = (
        alt.Chart(frame).mark_line(strokeDash=[6, 4], color=charts.MUTED, strokeWidth=2.5).encode(x=x, y=y, tooltip=tooltip)
    )
    points = (
        alt.Chart(printed)
        .mark_point(filled=True, size=110, opacity=1, color=charts.PRIMARY)
        .encode(x=x, y=y, tooltip=tooltip)
    )
    named = printed.assign(tekst=printed["miljoen_euro"].map(lambda v: formatting.value_text(v, "euro_mln")) + " (brief)")
    values = alt.Chart(named.iloc[:1]).mark_text(align="left", dx=12).encode(x=x, y=y, text="tekst:N") + alt.Chart(
        named.iloc[1:]
    ).mark_text(align="right", dx=-4, dy=-16).encode(x=x, y=y, text="tekst:N")
    middle = frame.loc[rows["kind"] == INTERPOLATED].iloc[[len(frame) // 2 - 1]]
    note = (
        alt.Chart(middle.assign(tekst=f"rechte lijn: {shared.INTERPOLATION_MARK}"))
        .mark_text(align="left", dx=10, dy=-10, color="#505a5f", fontStyle="italic")
        .encode(x=x, y=y, text="tekst:N")
    )
    chart = (line + points + values + note).properties(
        width=charts.WIDTH,
        height=280,
        title=charts.title(
            "Wsw-middelen voor gemeenten, 2018–2050",
            "Alleen 2018 en 2050 staan in de brief; de lijn ertussen is een interpolatie, geen brongegeven",
        ),
    )
    table = pd.DataFrame(
        {"Jaar": frame["jaar"].astype(str), "Miljoen euro": frame["miljoen_euro"].round(1), "Soort": frame["soort"]}
    )
    return charts.figure(
        chart,
        description=(
            "Twee punten met de Wsw-middelen voor gemeenten zoals de brief van juni 2018 ze noemt, voor 2018 en nul "
            "in 2050, verbonden door een grijze gestippelde rechte lijn die het boek als interpolatie tekent; de brief "
            "geeft geen bedragen voor de tussenliggende jaren."
        ),
        source_line=chapter.source_line(lookup.select(chapter.figures, "wsw_budget")),
        table=table,
        table_formats={"Miljoen euro": 1},
    )


def chart_employees(chapter) -> charts.ChartFigure:
    """Return the bars of Wsw employees counted in 2012 beside the numbers the efficiency cut implies for 2015 and 2020."""
    rows = analysis.employees_counted_and_implied(chapter.figures)
    frame = pd.DataFrame(
        {
            "moment": rows["period"].map(stock_moment),
            "personen": rows["persons"],
            "herkomst": rows["kind"].map(KIND_TEXT),
            "source_id": rows["source_id"],
        }
    )
    chart = shapes.labelled_bars(
        frame,
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=charts.value_axis("personen", "Wsw-werknemers")),
        kind="herkomst",
        kinds=list(dict.fromkeys(frame["herkomst"])),
        computed={shared.COMPUTED},
        tooltip=[
            alt.Tooltip("moment:N", title="Moment"),
            alt.Tooltip("herkomst:N", title="Herkomst"),
            alt.Tooltip("personen:Q", title="Wsw-werknemers", format=",.0f"),
        ],
        size=60,
        stroke_width=2,
    ).properties(
        width=charts.WIDTH,
        height=260,
        title=charts.title(
            "Wsw-werknemers: geteld en afgeleid",
            "2015 en 2020: totale korting gedeeld door de korting per Wsw-er (berekend, grijs)",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Staven met het aantal Wsw-werknemers begin en eind 2012 volgens de Wsw-statistiek, en grijs gestreept het "
            "aantal dat volgt uit de efficiencykorting in 2015 en 2020 (totale korting gedeeld door de korting per Wsw-er)."
        ),
        source_line=chapter.source_line(frame),
        table=frame[["moment", "personen", "herkomst"]].rename(columns=str.capitalize),
    )
