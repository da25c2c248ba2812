"""Beschut werk: the charts of stocks over time (people at work, advices since the start, the regeling), in Dutch.

Every date in the data is drawn. Printed counts are filled symbols on a solid line; our own sums, the
letters' extrapolations and counts from letters newer than the chapter's text are open symbols (the
latter on a dashed line of their own), each kind with its own shape.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts, formatting
from .analysis import (
    ADVISED,
    COMPUTED,
    EXTRAPOLATED,
    PLACES_COUNTED,
    PRINTED,
    REGELING,
    WORKING,
    cumulative_advices,
    regeling_places,
    working_counts,
)
from .labels import DARK, NEWER, SERIES, UNIT, WHITE, kind_words, letters_pages, newer, present

SHAPES = {PRINTED: "circle", COMPUTED: "diamond", EXTRAPOLATED: "triangle-up"}
TOOLTIP = [
    alt.Tooltip("peildatum:N", title="Peildatum"),
    alt.Tooltip("reeks:N", title="Reeks"),
    alt.Tooltip("tekst:N", title="Aantal"),
    alt.Tooltip("eenheid:N", title="Eenheid"),
    alt.Tooltip("soort:N", title="Soort"),
    alt.Tooltip("brief:N", title="Brief, pagina"),
]
TOOLTIP_REGELING = [
    alt.Tooltip("peildatum:N", title="Peildatum"),
    alt.Tooltip("reeks:N", title="Reeks"),
    alt.Tooltip("tekst:N", title="Aantal"),
    alt.Tooltip("eenheid:N", title="Eenheid"),
    alt.Tooltip("brief:N", title="Brief, pagina"),
]


def _counts(chapter, rows: pd.DataFrame, series: pd.Series, kind: pd.Series) -> pd.DataFrame:
    """Return one point per date, series, kind and value (letters that print the same value joined)."""
    frame = rows.assign(
        reeks=series.map(SERIES).values,
        soort=kind.map(kind_words(chapter)).where(~newer(chapter, rows), NEWER).values,
        tekst=[
            formatting.value_text(v, "aantal", qualifier=q if isinstance(q, str) and q else None)
            for v, q in zip(rows["value"], rows["qualifier"])
        ],
    )
    grouped = frame.groupby(["date", "reeks", "soort", "tekst"], sort=False)
    return pd.DataFrame(
        [
            {
                "datum": d,
                "peildatum": formatting.period_label(g["period"].iloc[0]),
                "reeks": r,
                "soort": s,
                "aantal": float(g["value"].iloc[0]),
                "tekst": t,
                "eenheid": UNIT[g["_series"].iloc[0]],
                "brief": letters_pages(chapter, tuple(g["source_id"]), tuple(g["page"])),
                "source_id": g["source_id"].iloc[-1],
            }
            for (d, r, s, t), g in grouped
        ]
    )


def _working_points(chapter) -> pd.DataFrame:
    working = working_counts(chapter.figures).assign(_series=lambda f: f["series"])
    return _counts(chapter, working, working["series"], pd.Series(PRINTED, index=working.index))


def chart_working_vs_advised(chapter) -> charts.ChartFigure:
    """Return every count of people working on a beschut werkplek against the positive advices given so far."""
    advised = cumulative_advices(chapter.figures).assign(qualifier=None, _series=ADVISED)
    frame = pd.concat(
        [_working_points(chapter), _counts(chapter, advised, pd.Series(ADVISED, index=advised.index), advised["kind"])],
        ignore_index=True,
    ).sort_values(["datum", "reeks"], kind="stable")
    series = present([SERIES[WORKING], SERIES[PLACES_COUNTED], SERIES[ADVISED]], frame["reeks"])
    colours = {SERIES[WORKING]: charts.PRIMARY, SERIES[PLACES_COUNTED]: charts.PALETTE[2], SERIES[ADVISED]: charts.SECONDARY}
    chart = _points_and_lines(
        frame, series, [colours[s] for s in series], "Aantal (personen, werkplekken of adviezen)", kind_words(chapter)
    ).properties(
        width=charts.WIDTH,
        height=300,
        title=charts.title(
            "Mensen aan het werk op een beschut werkplek en positieve adviezen sinds de start",
            "Open symbolen: eigen berekening, doortrekking in een brief of cijfer uit een nieuwere brief",
        ),
    )
    table = frame[["peildatum", "reeks", "tekst", "soort", "brief"]].rename(
        columns={"peildatum": "Peildatum", "reeks": "Reeks", "tekst": "Aantal", "soort": "Soort", "brief": "Brief, pagina"}
    )
    return charts.figure(
        chart,
        description=(
            "Punten en lijnen per peildatum in de gegevens: het aantal mensen op een beschut werkplek, een opgave in "
            "werkplekken uit de brief van april 2017, en het cumulatieve aantal positieve adviezen. Gedrukte aantallen "
            "zijn gevulde symbolen op een doorgetrokken lijn; een eigen optelling, een doortrekking van een brief en "
            "cijfers uit brieven die nieuwer zijn dan de tekst staan als open symbolen."
        ),
        source_line=chapter.source_line(frame),
        table=table,
    )


def _points_and_lines(
    frame: pd.DataFrame, series: list[str], colours: list[str], axis_title: str, words: dict[str, str]
) -> alt.LayerChart:
    """Return points per series (filled when printed, open otherwise), lines through printed and through newer points.

    Labels stand right of a point; for a letter newer than the text on the left, and for a count of places
    below, so that labels of one date do not overlap.
    """
    shapes = {words[k]: shape for k, shape in SHAPES.items()} | {NEWER: "square"}
    kinds = present(list(shapes), frame["soort"])
    scale = alt.Scale(domain=series, range=colours)
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%b %Y"), scale=alt.Scale(padding=30)),
        y=alt.Y("aantal:Q", axis=charts.value_axis("aantal", axis_title)),
        tooltip=TOOLTIP,
    )
    printed, newest = alt.datum.soort == words[PRINTED], alt.datum.soort == NEWER
    colour = alt.Color("reeks:N", title=None, sort=series, scale=scale)
    lines = base.transform_filter(printed).mark_line().encode(color=colour) + base.transform_filter(newest).mark_line(
        strokeDash=[4, 3], strokeWidth=1.5
    ).encode(color=colour)
    # An open symbol is a coloured symbol with a white one inside (a stroke channel would merge with the legend).
    shape = alt.Shape(
        "soort:N",
        title=None,
        sort=kinds,
        scale=alt.Scale(domain=kinds, range=[shapes[k] for k in kinds]),
        legend=alt.Legend(symbolFillColor=DARK, symbolStrokeColor=DARK),
    )
    points = base.mark_point(size=100, filled=True, opacity=1).encode(color=colour, shape=shape) + base.transform_filter(
        ~printed
    ).mark_point(size=30, filled=True, opacity=1, color=WHITE).encode(shape=shape)
    places = alt.datum.reeks == SERIES[PLACES_COUNTED]
    text = {"text": "tekst:N", "color": colour}
    labels = (
        base.transform_filter(~newest & ~places).mark_text(dx=9, align="left").encode(**text)
        + base.transform_filter(newest).mark_text(dx=-9, align="right").encode(**text)
        + base.transform_filter(places).mark_text(dx=9, dy=11, align="left").encode(**text)
    )
    return lines + points + labels


def chart_regeling(chapter) -> charts.ChartFigure:
    """Return the people working on a beschut werkplek at their dates beside the regeling's numbers per year end."""
    places = regeling_places(chapter.figures)
    regeling = pd.DataFrame(
        {
            "datum": places["date"],
            "peildatum": formatting.period_labels(places["period"]),
            "reeks": SERIES[REGELING],
            "soort": kind_words(chapter)[PRINTED],
            "aantal": places["value"],
            "tekst": [formatting.number(v) for v in places["value"]],
            "eenheid": UNIT[REGELING],
            "brief": [letters_pages(chapter, s, p) for s, p in zip(places["source_ids"], places["pages"])],
            "source_id": [s[-1] for s in places["source_ids"]],
        }
    )
    working = _working_points(chapter).loc[lambda f: f["reeks"] == SERIES[WORKING]]
    frame = pd.concat([working, regeling], ignore_index=True).sort_values(["datum", "reeks"], kind="stable")
    series = [SERIES[WORKING], SERIES[REGELING]]
    colour = alt.Color("reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=[charts.PRIMARY, DARK]))
    people = _points_and_lines(working, series, [charts.PRIMARY, DARK], "Aantal (personen of plekken)", kind_words(chapter))
    ticks = (
        alt.Chart(regeling)
        .mark_tick(orient="horizontal", thickness=3, size=28)
        .encode(
            x=alt.X("datum:T"),
            y=alt.Y("aantal:Q"),
            color=colour,
            tooltip=TOOLTIP_REGELING,
        )
    )
    tick_labels = (
        alt.Chart(regeling).mark_text(dx=18, align="left", color=DARK).encode(x="datum:T", y="aantal:Q", text="tekst:N")
    )
    hours = _hours_per_place(chapter)
    chart = (people + ticks + tick_labels).properties(
        width=charts.WIDTH,
        height=280,
        title=charts.title(
            "Mensen op een beschut werkplek en de aantallen uit de ministeriële regeling",
            [
                f"Regeling: aantal tot waar gemeenten bij behoefte plekken moeten bieden (plekken van gemiddeld {hours})",
                "Werkenden: personen op de peildatum",
            ],
        ),
    )
    table = frame[["peildatum", "reeks", "tekst", "eenheid", "brief"]].rename(
        columns={
            "peildatum": "Peildatum",
            "reeks": "Reeks",
            "tekst": "Aantal",
            "eenheid": "Eenheid",
            "brief": "Brief, pagina",
        }
    )
    return charts.figure(
        chart,
        description=(
            "Punten met het aantal mensen op een beschut werkplek op elke peildatum in de gegevens, en korte "
            "horizontale streepjes met het aantal plekken in de ministeriële regeling voor het einde van elk jaar: "
            "het maximum waartoe gemeenten bij positieve adviezen verplicht zijn, in plekken, niet in personen. "
            "Cijfers uit brieven die nieuwer zijn dan de tekst staan als open symbolen op een gestippelde lijn."
        ),
        source_line=chapter.source_line(frame),
        table=table,
    )


def _hours_per_place(chapter) -> str:
    # A property of the regeling (national), also in a municipal edition.
    rows = fig.select(chapter.national, "assumed_hours_per_place")
    return formatting.row_text(rows.iloc[0]) if not rows.empty else "–"
