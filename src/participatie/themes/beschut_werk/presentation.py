"""Beschut werk: the chapter's charts and tables, in Dutch (the analyses' codes get their words here)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts, formatting, references, shapes, tables
from ...presentation.labels import COMPUTED
from ...presentation.labels import PRINTED as PRINTED_TEXT
from .analysis import (
    EXTRAPOLATED,
    HOURS,
    JAN_MAY_2017,
    JUNE_2018,
    PEOPLE_WORKING,
    PERSONS,
    PRINTED,
    REALISED,
    REGELING_PLACES,
    SEPT_2018,
    advices_per_period,
    assessments_by_applicant,
    citizen_assessments_by_month,
    fill_rate,
    fill_rate_inputs,
    money,
    regeling_vs_working,
    working_vs_advised,
)

# --- the theme's words -----------------------------------------------------------------------
APPLICANT = {"gemeente": "Gemeente", "burger": "Burger", "totaal": "Totaal"}
ADVICE_KIND = {REALISED: "gerealiseerd", EXTRAPOLATED: "extrapolatie in de brief"}
SERIES = {REGELING_PLACES: "plekken volgens de regeling", PEOPLE_WORKING: "mensen aan het werk"}
MEASURE = {PERSONS: "personen", HOURS: "uren", PRINTED: PRINTED_TEXT}
POSITIVE, OTHER = "positief advies", "geen positief advies"
ADVISED = "positief geadviseerd (cumulatief)"
WORKING, EARLIER = "aan het werk op een beschut werkplek", "eerdere opgave (april 2017)"


def _references(chapter, source_ids: pd.Series) -> list[str]:
    return references.references(source_ids.tolist(), chapter.sources)


def chart_advices(chapter) -> charts.ChartFigure:
    """Return the bar chart of positive advices per period, extrapolations set apart from counts."""
    advices = advices_per_period(chapter.figures)
    frame = pd.DataFrame(
        {
            "periode": formatting.period_labels(advices["period"]),
            "soort": advices["kind"].map(ADVICE_KIND),
            "adviezen": advices["advices"],
            "brief": _references(chapter, advices["source_id"]),
            "source_id": advices["source_id"],
            "page": advices["page"],
        }
    )
    kinds = [ADVICE_KIND[REALISED], ADVICE_KIND[EXTRAPOLATED]]
    order = list(dict.fromkeys(frame["periode"]))
    chart = shapes.grouped_bars(
        frame,
        x=alt.X("periode:N", sort=order, title=None),
        offset=alt.XOffset("soort:N", sort=kinds),
        y=alt.Y("adviezen:Q", axis=charts.value_axis("adviezen", "Positieve adviezen")),
        tooltip=[
            alt.Tooltip("periode:N", title="Periode"),
            alt.Tooltip("soort:N", title="Soort"),
            alt.Tooltip("adviezen:Q", title="Positieve adviezen", format=",.0f"),
            alt.Tooltip("brief:N", title="Brief"),
        ],
        encodings=charts.printed_or_derived("soort", kinds, {kinds[1]}, sort=False),
        text=alt.Text("adviezen:Q", format=",.0f"),
        dy=-7,
        stroke_width=1.5,
    ).properties(
        width=charts.WIDTH,
        height=charts.HEIGHT,
        title=charts.title(
            "Positieve adviezen beschut werk per periode",
            "Gerealiseerd volgens UWV en extrapolaties zoals de brieven die maken",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Staafdiagram van het aantal positieve adviezen beschut werk per jaar van 2015 tot en met 2017 en in "
            "het eerste kwartaal van 2018, met naast de gerealiseerde aantallen de extrapolaties voor 2017 en 2018 "
            "uit de brieven, gestippeld."
        ),
        source_line=chapter.source_line(frame),
        table=frame[["periode", "soort", "adviezen", "brief"]].rename(columns=str.capitalize),
    )


def _assessments(chapter) -> pd.DataFrame:
    # The chart's data under the names its spec has always used; "period_label" here is this frame's own
    # column (made from the periods), not the figure table's temporary display column.
    table = assessments_by_applicant(chapter.figures)
    return pd.DataFrame(
        {
            "category": table["category"],
            "period": table["period"],
            "period_label": formatting.period_labels(table["period"]),
            "beoordelingen": table["assessments"],
            "positief": table["positive"],
            "aandeel_gedrukt": table["share_printed"],
            "aandeel_herberekend": table["share_recomputed"],
            "aanvrager": table["category"].map(APPLICANT),
        }
    )


def chart_assessments(chapter) -> charts.ChartFigure:
    """Return the stacked bars of assessments by applicant: positive and other outcomes."""
    shown = _assessments(chapter)
    table = shown.loc[lambda f: f["category"] != "totaal"]
    long = pd.concat(
        [
            table.assign(uitkomst=POSITIVE, aantal=table["positief"]),
            table.assign(uitkomst=OTHER, aantal=table["beoordelingen"] - table["positief"]),
        ]
    )
    long = long.assign(groep=long["aanvrager"] + ", " + long["period_label"])
    order = list(dict.fromkeys(table["aanvrager"] + ", " + table["period_label"]))
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("groep:N", sort=order, title=None),
            x=alt.X("aantal:Q", stack="zero", axis=charts.value_axis("beoordelingen")),
            color=alt.Color(
                "uitkomst:N", title=None, sort=[POSITIVE, OTHER], scale=alt.Scale(range=[charts.PRIMARY, charts.SECONDARY])
            ),
            order=alt.Order("uitkomst:N", sort="descending"),
            tooltip=[
                alt.Tooltip("groep:N", title="Aanvrager en periode"),
                alt.Tooltip("uitkomst:N", title="Uitkomst"),
                alt.Tooltip("aantal:Q", title="Beoordelingen", format=",.0f"),
            ],
        )
        .properties(
            width=charts.WIDTH,
            height=160,
            title=charts.title(
                "Beoordelingen beschut werk door UWV, naar aanvrager",
                "Burgers konden pas vanaf 2017 zelf een advies aanvragen",
            ),
        )
    )
    data_table = pd.DataFrame(
        {
            "Aanvrager": shown["aanvrager"],
            "Periode": shown["period_label"],
            "Beoordelingen": shown["beoordelingen"],
            "Positief": shown["positief"],
            "% positief (brief)": shown["aandeel_gedrukt"],
            "% positief (herberekend)": shown["aandeel_herberekend"].round(1),
        }
    )
    return charts.figure(
        chart,
        description=(
            "Liggende gestapelde staven van de UWV-beoordelingen beschut werk in 2016 en januari tot en met mei 2017, "
            "voor aanvragen door gemeenten en door burgers, verdeeld in positieve adviezen en overige uitkomsten."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", period=JAN_MAY_2017)),
        table=data_table,
        table_formats={"% positief (herberekend)": 1},
    )


def chart_citizen_months(chapter) -> charts.ChartFigure:
    """Return the line of assessments requested by citizens in the months the letter gives."""
    months = citizen_assessments_by_month(chapter.figures)
    frame = pd.DataFrame(
        {
            "maand": formatting.period_labels(months["period"]),
            "datum": months["date"],
            "beoordelingen": months["assessments"],
        }
    )
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%B", tickCount={"interval": "month", "step": 1})),
        y=alt.Y("beoordelingen:Q", axis=charts.value_axis("beoordelingen")),
        tooltip=[
            alt.Tooltip("maand:N", title="Maand"),
            alt.Tooltip("beoordelingen:Q", format=",.0f", title="Beoordelingen"),
        ],
    )
    points = base.mark_line(point=True) + base.mark_text(dy=-10).encode(text=alt.Text("beoordelingen:Q", format=",.0f"))
    chart = points.properties(
        width=charts.WIDTH,
        height=220,
        title=charts.title(
            "Beoordelingen op aanvraag van burgers, 2017",
            "Alleen de maanden die de brief noemt; februari en april ontbreken",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Lijn met het aantal UWV-beoordelingen beschut werk op aanvraag van burgers in januari, maart en mei 2017."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", category="burger")),
        table=frame[["maand", "beoordelingen"]].rename(columns=str.capitalize),
    )


def chart_working_vs_advised(chapter) -> charts.ChartFigure:
    """Return people working on a beschut werkplek against the cumulative positive advices, per date."""
    frame = working_vs_advised(chapter.figures)
    frame = frame.assign(peildatum=formatting.period_labels(frame["date"]), brief=_references(chapter, frame["source_id"]))
    advised = frame.drop_duplicates("date").assign(reeks=ADVISED, aantal=lambda f: f["advised"])
    working = frame.assign(reeks=frame["latest"].map({True: WORKING, False: EARLIER}), aantal=frame["working"])
    long = pd.concat([advised, working]).rename(columns={"date": "datum"})[
        ["datum", "peildatum", "reeks", "aantal", "brief"]
    ]
    series = [ADVISED, WORKING, EARLIER]
    base = alt.Chart(long).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 3})),
        y=alt.Y("aantal:Q", axis=charts.value_axis("personen")),
        color=alt.Color(
            "reeks:N",
            title=None,
            sort=series,
            scale=alt.Scale(domain=series, range=[charts.SECONDARY, charts.PRIMARY, charts.PALETTE[2]]),
        ),
        tooltip=[
            alt.Tooltip("peildatum:N", title="Peildatum"),
            alt.Tooltip("reeks:N", title="Reeks"),
            alt.Tooltip("aantal:Q", title="Aantal", format=",.0f"),
            alt.Tooltip("brief:N", title="Brief"),
        ],
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:2])).mark_line()
    points = base.mark_point(filled=True, size=70).encode(
        shape=alt.Shape(
            "reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=["square", "circle", "triangle-up"])
        )
    )
    labels = base.mark_text(dx=8, align="left").encode(text=alt.Text("aantal:Q", format=",.0f"))
    chart = (lines + points + labels).properties(
        width=charts.WIDTH,
        height=280,
        title=charts.title(
            "Aan het werk tegenover positief geadviseerd",
            "Voor eind 2016 geven de brieven twee verschillende aantallen werkenden",
        ),
    )
    table = pd.DataFrame(
        {
            "Peildatum": frame["peildatum"],
            "Aan het werk": frame["working"],
            "Positief geadviseerd": frame["advised"],
            f"Geadviseerd {COMPUTED}": frame["advised_computed"],
            "% aan het werk": frame["share_working"].round(1),
            "Brief": frame["brief"],
        }
    )
    return charts.figure(
        chart,
        description=(
            "Punten en lijnen met het aantal mensen op een beschut werkplek en het cumulatieve aantal positieve adviezen "
            "eind 2016, eind 2017 en op 31 maart 2018; voor eind 2016 staan beide gepubliceerde aantallen werkenden."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_sheltered_workplace")),
        table=table,
        table_formats={"% aan het werk": 1},
    )


def _moment(target: str, counted_at: str) -> str:
    # "eind 2018 (werkenden: stand 31 maart)" where the count of people working is of an earlier date.
    label = formatting.period_label(target)
    if counted_at == target:
        return label
    day_month = formatting.period_label(counted_at).rsplit(" ", 1)[0]
    return f"{label} (werkenden: stand {day_month})"


def chart_regeling(chapter) -> charts.ChartFigure:
    """Return the bars of the regeling's places against the people actually working."""
    counts = regeling_vs_working(chapter.figures)
    moments = counts.loc[counts["series"] == PEOPLE_WORKING].set_index("target")["counted_at"]
    frame = pd.DataFrame(
        {
            "moment": [_moment(t, moments[t]) for t in counts["target"]],
            "reeks": counts["series"].map(SERIES),
            "aantal": counts["count"],
        }
    )
    series = [SERIES[REGELING_PLACES], SERIES[PEOPLE_WORKING]]
    colour = alt.Color(
        "reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=[charts.MUTED, charts.PRIMARY])
    )
    chart = shapes.grouped_bars(
        frame,
        x=alt.X("moment:N", title=None),
        offset=alt.XOffset("reeks:N", sort=series),
        y=alt.Y("aantal:Q", axis=charts.value_axis("werkplekken", "Plekken of personen")),
        tooltip=[
            alt.Tooltip("moment:N", title="Moment"),
            alt.Tooltip("reeks:N", title="Reeks"),
            alt.Tooltip("aantal:Q", title="Aantal", format=",.0f"),
        ],
        encodings={"color": colour},
        text=alt.Text("aantal:Q", format=",.0f"),
        dy=-7,
    ).properties(width=charts.WIDTH, height=260, title=charts.title("Ingroeipad van de regeling en werkelijke bezetting"))
    return charts.figure(
        chart,
        description=(
            "Staven met het aantal beschut werkplekken dat de regeling voor eind 2017 en eind 2018 verwacht, naast het "
            "aantal mensen dat eind 2017 en op 31 maart 2018 op een beschut werkplek werkte."
        ),
        source_line=chapter.source_line(pd.DataFrame({"source_id": [JUNE_2018, SEPT_2018]})),
        table=frame.rename(columns=str.capitalize),
    )


def fill_rate_table(chapter) -> tables.Table:
    """Return the fill-rate computation (persons, hours, printed) as a Dutch table."""
    frame = fill_rate(chapter.figures)
    x = fill_rate_inputs(chapter.figures)
    n = formatting.number
    formula = {
        PERSONS: f"{n(x['working'])} werkenden / {n(x['places'])} plekken",
        HOURS: f"{n(x['working'])} × {n(x['hours_worked'])} uur / ({n(x['places'])} × {n(x['hours_per_place'])} uur)",
        PRINTED: "–",
    }
    shown = pd.DataFrame(
        {
            "Maatstaf": frame["measure"].map(MEASURE).str.capitalize(),
            "Berekening": frame["measure"].map(formula),
            "Vervulling (%)": frame["fill_rate"],
        }
    )
    return tables.show(shown, {"Vervulling (%)": 1})


def money_table(chapter) -> tables.Table:
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) as a table."""
    rows = money(chapter.figures)
    shown = pd.DataFrame(
        {
            "Post": rows["label"],
            "Periode": formatting.period_labels(rows["period"]),
            "Miljoen euro": rows["value"],
            "Toelichting": rows["note"],
            "Bron": references.letter_page(rows["source_id"], rows["page"], chapter.sources),
        }
    )
    return tables.show(shown, {"Miljoen euro": 1})
