"""Beschut werk: the chapter's charts and tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts, tables
from .analysis import (
    JAN_MAY_2017,
    JUNE_2018,
    REGELING,
    SEPT_2018,
    WORKING,
    advices_per_period,
    assessments_by_applicant,
    citizen_assessments_by_month,
    fill_rate,
    regeling_vs_working,
    working_vs_advised,
)


def chart_advices(chapter) -> charts.ChartFigure:
    """Return the bar chart of positive advices per period, extrapolations set apart from counts."""
    frame = advices_per_period(chapter.figures)
    order = list(dict.fromkeys(frame["periode"]))
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=order, title=None),
        xOffset=alt.XOffset("soort:N", sort=["gerealiseerd", "extrapolatie in de brief"]),
        y=alt.Y("adviezen:Q", axis=charts.value_axis("adviezen", "Positieve adviezen")),
        tooltip=[alt.Tooltip("periode:N", title="Periode"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("adviezen:Q", title="Positieve adviezen", format=",.0f"),
                 alt.Tooltip("brief:N", title="Brief")],
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(**charts.printed_or_derived(
        "soort", ["gerealiseerd", "extrapolatie in de brief"], {"extrapolatie in de brief"}, sort=False))
    labels = base.mark_text(dy=-7).encode(text=alt.Text("adviezen:Q", format=",.0f"))
    chart = (bars + labels).properties(
        width=charts.WIDTH, height=charts.HEIGHT,
        title=charts.title("Positieve adviezen beschut werk per periode",
                           "Gerealiseerd volgens UWV en extrapolaties zoals de brieven die maken"))
    return charts.figure(
        chart,
        description=("Staafdiagram van het aantal positieve adviezen beschut werk per jaar van 2015 tot en met 2017 en in "
                     "het eerste kwartaal van 2018, met naast de gerealiseerde aantallen de extrapolaties voor 2017 en 2018 "
                     "uit de brieven, gestippeld."),
        source_line=chapter.source_line(frame),
        table=frame[["periode", "soort", "adviezen", "brief"]].rename(columns=str.capitalize),
    )


def chart_assessments(chapter) -> charts.ChartFigure:
    """Return the stacked bars of assessments by applicant: positive and other outcomes."""
    table = assessments_by_applicant(chapter.figures).loc[lambda f: f["category"] != "totaal"]
    long = pd.concat([
        table.assign(uitkomst="positief advies", aantal=table["positief"]),
        table.assign(uitkomst="geen positief advies", aantal=table["beoordelingen"] - table["positief"]),
    ])
    long = long.assign(groep=long["aanvrager"] + ", " + long["period_label"])
    order = list(dict.fromkeys(table.assign(g=table["aanvrager"] + ", " + table["period_label"])["g"]))
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("groep:N", sort=order, title=None),
        x=alt.X("aantal:Q", stack="zero", axis=charts.value_axis("beoordelingen")),
        color=alt.Color("uitkomst:N", title=None, sort=["positief advies", "geen positief advies"],
                        scale=alt.Scale(range=[charts.PRIMARY, charts.SECONDARY])),
        order=alt.Order("uitkomst:N", sort="descending"),
        tooltip=[alt.Tooltip("groep:N", title="Aanvrager en periode"), alt.Tooltip("uitkomst:N", title="Uitkomst"),
                 alt.Tooltip("aantal:Q", title="Beoordelingen", format=",.0f")],
    ).properties(width=charts.WIDTH, height=160,
                 title=charts.title("Beoordelingen beschut werk door UWV, naar aanvrager",
                                    "Burgers konden pas vanaf 2017 zelf een advies aanvragen"))
    shown = assessments_by_applicant(chapter.figures)
    data_table = pd.DataFrame({
        "Aanvrager": shown["aanvrager"], "Periode": shown["period_label"], "Beoordelingen": shown["beoordelingen"],
        "Positief": shown["positief"], "% positief (brief)": shown["aandeel_gedrukt"],
        "% positief (herberekend)": shown["aandeel_herberekend"].round(1),
    })
    return charts.figure(
        chart,
        description=("Liggende gestapelde staven van de UWV-beoordelingen beschut werk in 2016 en januari tot en met mei 2017, "
                     "voor aanvragen door gemeenten en door burgers, verdeeld in positieve adviezen en overige uitkomsten."),
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", period=JAN_MAY_2017)),
        table=data_table, table_formats={"% positief (herberekend)": 1},
    )


def chart_citizen_months(chapter) -> charts.ChartFigure:
    """Return the line of assessments requested by citizens in the months the letter gives."""
    frame = citizen_assessments_by_month(chapter.figures)
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%B", tickCount={"interval": "month", "step": 1})),
        y=alt.Y("beoordelingen:Q", axis=charts.value_axis("beoordelingen")),
        tooltip=[alt.Tooltip("maand:N", title="Maand"), alt.Tooltip("beoordelingen:Q", format=",.0f", title="Beoordelingen")],
    )
    chart = (base.mark_line(point=True) + base.mark_text(dy=-10).encode(text=alt.Text("beoordelingen:Q", format=",.0f"))).properties(
        width=charts.WIDTH, height=220,
        title=charts.title("Beoordelingen op aanvraag van burgers, 2017",
                           "Alleen de maanden die de brief noemt; februari en april ontbreken"))
    return charts.figure(
        chart,
        description="Lijn met het aantal UWV-beoordelingen beschut werk op aanvraag van burgers in januari, maart en mei 2017.",
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", category="burger")),
        table=frame[["maand", "beoordelingen"]].rename(columns=str.capitalize),
    )


def chart_working_vs_advised(chapter) -> charts.ChartFigure:
    """Return people working on a beschut werkplek against the cumulative positive advices, per date."""
    frame = working_vs_advised(chapter.figures)
    advised = frame.drop_duplicates("datum").assign(reeks="positief geadviseerd (cumulatief)", aantal=lambda f: f["positief_geadviseerd"])
    working = frame.assign(
        reeks=frame["laatste_opgave"].map({True: "aan het werk op een beschut werkplek", False: "eerdere opgave (april 2017)"}),
        aantal=frame["werkend"])
    long = pd.concat([advised, working])[["datum", "peildatum", "reeks", "aantal", "brief"]]
    series = ["positief geadviseerd (cumulatief)", "aan het werk op een beschut werkplek", "eerdere opgave (april 2017)"]
    base = alt.Chart(long).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 3})),
        y=alt.Y("aantal:Q", axis=charts.value_axis("personen")),
        color=alt.Color("reeks:N", title=None, sort=series,
                        scale=alt.Scale(domain=series, range=[charts.SECONDARY, charts.PRIMARY, charts.PALETTE[2]])),
        tooltip=[alt.Tooltip("peildatum:N", title="Peildatum"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("aantal:Q", title="Aantal", format=",.0f"), alt.Tooltip("brief:N", title="Brief")],
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:2])).mark_line()
    points = base.mark_point(filled=True, size=70).encode(
        shape=alt.Shape("reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=["square", "circle", "triangle-up"])))
    labels = base.mark_text(dx=8, align="left").encode(text=alt.Text("aantal:Q", format=",.0f"))
    chart = (lines + points + labels).properties(
        width=charts.WIDTH, height=280,
        title=charts.title("Aan het werk tegenover positief geadviseerd",
                           "Voor eind 2016 geven de brieven twee verschillende aantallen werkenden"))
    table = pd.DataFrame({
        "Peildatum": frame["peildatum"], "Aan het werk": frame["werkend"], "Positief geadviseerd": frame["positief_geadviseerd"],
        "Geadviseerd berekend door het boek": frame["geadviseerd_berekend"], "% aan het werk": frame["aandeel_werkend"].round(1),
        "Brief": frame["brief"],
    })
    return charts.figure(
        chart,
        description=("Punten en lijnen met het aantal mensen op een beschut werkplek en het cumulatieve aantal positieve adviezen "
                     "eind 2016, eind 2017 en op 31 maart 2018; voor eind 2016 staan beide gepubliceerde aantallen werkenden."),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_sheltered_workplace")),
        table=table, table_formats={"% aan het werk": 1},
    )


def chart_regeling(chapter) -> charts.ChartFigure:
    """Return the bars of the regeling's places against the people actually working."""
    frame = regeling_vs_working(chapter.figures)
    series = [REGELING, WORKING]
    base = alt.Chart(frame).encode(
        x=alt.X("moment:N", title=None),
        xOffset=alt.XOffset("reeks:N", sort=series),
        y=alt.Y("aantal:Q", axis=charts.value_axis("werkplekken", "Plekken of personen")),
        tooltip=[alt.Tooltip("moment:N", title="Moment"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("aantal:Q", title="Aantal", format=",.0f")],
    )
    chart = (base.mark_bar().encode(color=alt.Color("reeks:N", title=None, sort=series,
                                                     scale=alt.Scale(domain=series, range=[charts.MUTED, charts.PRIMARY])))
             + base.mark_text(dy=-7).encode(text=alt.Text("aantal:Q", format=",.0f"))).properties(
        width=charts.WIDTH, height=260,
        title=charts.title("Ingroeipad van de regeling en werkelijke bezetting"))
    return charts.figure(
        chart,
        description=("Staven met het aantal beschut werkplekken dat de regeling voor eind 2017 en eind 2018 verwacht, naast het "
                     "aantal mensen dat eind 2017 en op 31 maart 2018 op een beschut werkplek werkte."),
        source_line=chapter.source_line(pd.DataFrame({"source_id": [JUNE_2018, SEPT_2018]})),
        table=frame.rename(columns=str.capitalize),
    )


def fill_rate_table(chapter) -> "tables.Table":
    """Return the fill-rate computation (persons, hours, printed) as a Dutch table."""

    frame = fill_rate(chapter.figures)
    shown = pd.DataFrame({
        "Maatstaf": frame["maatstaf"].str.capitalize(), "Berekening": frame["berekening"],
        "Vervulling (%)": frame["vervulling"],
    })
    return tables.show(shown, {"Vervulling (%)": 1})


def money_table(chapter) -> "tables.Table":
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) as a table."""

    rows = fig.select(chapter.figures, "stimulus_budget")
    for indicator in ("bonus_available", "bonus_paid", "bonus_retained"):
        rows = pd.concat([rows, fig.select(chapter.figures, indicator)])
    shown = pd.DataFrame({
        "Post": rows["label"], "Periode": rows["period_label"], "Miljoen euro": rows["value"],
        "Toelichting": rows["note"], "Bron": [f"{chapter.reference(s)}, p. {p}" for s, p in zip(rows["source_id"], rows["page"])],
    })
    return tables.show(shown, {"Miljoen euro": 1})
