"""De sociale werkvoorziening in cijfers: the chapter's charts, in Dutch (the analyses' codes get their words
from the theme's labels).

Every chart draws every period its series has in the data. Printed figures are solid, our computations
grey and dashed, and values from a letter newer than the chapter's text (or expectations) open, so that a
reader never takes one for the other. Tooltips and data tables name the letter and page of each value.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, formatting
from ...presentation import labels as shared
from . import analysis
from .labels import (
    EXPECTED_TEXT,
    INDICATION_TEXT,
    MUNICIPAL_EXPECTED,
    kind_texts,
    legend_order,
    stock_moment,
    where_printed,
)

OPEN = "#FFFFFF"  # the fill of an open bar or point: an expectation, or a value from a newer letter
FILL = {
    shared.PRINTED: charts.PRIMARY,
    shared.MUNICIPAL_FIGURE: charts.PRIMARY,
    EXPECTED_TEXT: OPEN,
    MUNICIPAL_EXPECTED: OPEN,
    shared.NEWER_LETTER: OPEN,
    shared.COMPUTED: charts.MUTED,
}
NEWER_NOTE = (
    " Waarden uit brieven die nieuwer zijn dan de tekst van dit hoofdstuk zijn open getekend "
    f"(legenda: {shared.NEWER_LETTER})."
)
PARTS = [INDICATION_TEXT[analysis.TOTAL], INDICATION_TEXT[analysis.FIRST], INDICATION_TEXT[analysis.REPEAT]]


def _styles(field: str, domain: list[str]) -> dict:
    """Return the encodings of the kinds in `domain`: printed solid, computed grey and dashed, others open."""
    return {
        "color": alt.Color(
            f"{field}:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=[FILL[d] for d in domain])
        ),
        "strokeDash": alt.StrokeDash(
            f"{field}:N",
            title=None,
            sort=domain,
            scale=alt.Scale(domain=domain, range=[[4, 3] if d == shared.COMPUTED else [1, 0] for d in domain]),
        ),
        "stroke": alt.value(charts.PALETTE[4]),
    }


def _bars(frame: pd.DataFrame, *, x: alt.X, y: alt.Y, tooltip: list, label_format: str = ",.0f") -> alt.LayerChart:
    """Return vertical bars styled by their kind (column `herkomst`), each with its value above it."""
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    bars = base.mark_bar(strokeWidth=1.5, size=60).encode(**_styles("herkomst", legend_order(frame["herkomst"])))
    return bars + base.mark_text(dy=-8).encode(text=alt.Text(y.shorthand, format=label_format))


def _newer_note(frame: pd.DataFrame) -> str:
    return NEWER_NOTE if (frame["herkomst"] == shared.NEWER_LETTER).any() else ""


def _source(frame: pd.DataFrame, texts: pd.Series) -> pd.Series:
    """Return the 'Bron' cell per value: where it is printed, and for our computations what they start from."""
    where = pd.Series(texts, index=frame.index)
    computed = frame["kind"] == analysis.COMPUTED
    return where.where(~computed, shared.COMPUTED + " uit: " + where)


def chart_indications(chapter) -> charts.ChartFigure:
    """Return the bars of Wsw-indicaties per year: the totals, and the parts of every year that has them with their sum."""
    rows = analysis.indications(chapter.figures)
    frame = pd.DataFrame(
        {
            "jaar": rows["period"],
            "soort": rows["part"].map(INDICATION_TEXT),
            "indicaties": rows["indications"],
            "herkomst": kind_texts(chapter, rows["kind"], rows["source_id"]),
            "source_id": rows["source_id"],
            "kind": rows["kind"],
        }
    )
    frame["bron"] = _source(frame, where_printed(chapter, rows["source_id"], rows["page"]))
    is_total, is_sum = rows["part"] == analysis.TOTAL, rows["part"] == analysis.SUM_OF_PARTS
    newer = frame["herkomst"] == shared.NEWER_LETTER
    frame["staaf"] = frame["jaar"] + ": " + is_total.map({True: "totaal", False: "eerste + herindicaties"})
    frame["onderdeel"] = frame["soort"].where(~newer, shared.NEWER_LETTER)
    stack = frame.loc[~is_sum]
    texts = pd.concat(
        [
            frame.loc[is_total].assign(tekst=frame.loc[is_total, "indicaties"].map(formatting.number)),
            frame.loc[is_sum].assign(
                tekst="som: " + frame.loc[is_sum, "indicaties"].map(formatting.number) + f" ({shared.COMPUTED})"
            ),
        ]
    )
    order = list(dict.fromkeys(stack.sort_values(["jaar", "staaf"], ascending=[True, False])["staaf"]))
    kinds = PARTS + ([shared.NEWER_LETTER] if newer.any() else [])
    fills = [charts.PRIMARY, charts.SECONDARY, charts.PALETTE[2], OPEN][: len(kinds)]
    tooltip = [
        alt.Tooltip("jaar:N", title="Jaar"),
        alt.Tooltip("soort:N", title="Soort"),
        alt.Tooltip("indicaties:Q", title="Indicaties", format=",.0f"),
        alt.Tooltip("herkomst:N", title="Herkomst"),
        alt.Tooltip("bron:N", title="Bron"),
    ]
    bars = (
        alt.Chart(stack)
        .mark_bar(stroke=charts.PALETTE[4], strokeWidth=1)
        .encode(
            y=alt.Y("staaf:N", sort=order, title=None),
            x=alt.X("indicaties:Q", stack="zero", axis=charts.value_axis("indicaties")),
            color=alt.Color("onderdeel:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=fills)),
            order=alt.Order("onderdeel:N", sort="ascending"),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(texts)
        .mark_text(align="left", dx=6)
        .encode(y=alt.Y("staaf:N", sort=order), x=alt.X("indicaties:Q"), text="tekst:N", tooltip=tooltip)
    )
    years = formatting.period_labels(frame.loc[is_total, "jaar"]).tolist()
    parted = formatting.period_labels(frame.loc[is_sum, "jaar"]).tolist()
    chart = (bars + labels).properties(
        width=charts.WIDTH,
        height=max(120, 45 * len(order)),
        title=charts.title(
            "Uitgevoerde Wsw-indicaties per jaar", "Totaal per jaar; waar gegeven ook eerste indicaties en herindicaties"
        ),
    )
    description = f"Liggende staven met het totale aantal uitgevoerde Wsw-indicaties in {', '.join(years)}." + (
        f" Voor {', '.join(parted)} ook een gestapelde staaf van eerste indicaties en herindicaties, met hun som "
        f"({shared.COMPUTED}) ernaast."
        if parted
        else ""
    )
    return charts.figure(
        chart,
        description=description + _newer_note(frame),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "soort", "indicaties", "herkomst", "bron"]].rename(columns=str.capitalize),
    )


def chart_waiting_list(chapter) -> charts.ChartFigure:
    """Return the bars of the Wsw waiting list: every printed stand, and the starts implied by the printed decreases."""
    rows = analysis.waiting_list(chapter.figures)
    n = formatting.number
    frame = pd.DataFrame(
        {
            "moment": rows["date"].map(stock_moment),
            "personen": rows["persons"],
            "herkomst": kind_texts(chapter, rows["kind"], rows["source_id"]),
            "berekening": [
                f"eindstand {n(end)} + daling {n(decrease)}" if kind == analysis.COMPUTED else "–"
                for kind, end, decrease in zip(rows["kind"], rows["end_stock"], rows["decrease"])
            ],
            "source_id": rows["source_id"],
            "kind": rows["kind"],
        }
    )
    frame["bron"] = _source(frame, where_printed(chapter, rows["source_id"], rows["page"]))
    chart = _bars(
        frame,
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=charts.value_axis("personen", "Personen op de wachtlijst")),
        tooltip=[
            alt.Tooltip("moment:N", title="Moment"),
            alt.Tooltip("personen:Q", title="Personen", format=",.0f"),
            alt.Tooltip("herkomst:N", title="Herkomst"),
            alt.Tooltip("berekening:N", title="Berekening"),
            alt.Tooltip("bron:N", title="Bron"),
        ],
    ).properties(
        width=charts.WIDTH,
        height=260,
        title=charts.title(
            "Wsw-wachtlijst per moment", f"Beginstand van een jaar: eindstand plus daling ({shared.COMPUTED})"
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Staven met het aantal mensen op de Wsw-wachtlijst per moment. De stand aan het begin van een jaar is "
            f"berekend uit de eindstand en de daling ({shared.COMPUTED}) en daarom grijs en gestreept."
        )
        + _newer_note(frame),
        source_line=chapter.source_line(frame),
        table=frame[["moment", "personen", "herkomst", "berekening", "bron"]].rename(columns=str.capitalize),
    )


def _share_chart(chapter, indicator: str, title: str, subtitle: str, what: str) -> charts.ChartFigure:
    """Return the bars of one printed share per period, each with its value, letter and page."""
    rows = analysis.share_series(chapter.figures, indicator)
    frame = pd.DataFrame(
        {
            "periode": formatting.period_labels(rows["period"]),
            "procent": rows["percent"],
            "herkomst": kind_texts(chapter, rows["kind"], rows["source_id"]),
            "bron": where_printed(chapter, rows["source_id"], rows["page"]),
            "source_id": rows["source_id"],
        }
    )
    chart = _bars(
        frame,
        x=alt.X("periode:N", sort=frame["periode"].tolist(), title=None),
        y=alt.Y("procent:Q", axis=charts.value_axis("procent")),
        tooltip=[
            alt.Tooltip("periode:N", title="Periode"),
            alt.Tooltip("procent:Q", title="Procent", format=",.1~f"),
            alt.Tooltip("herkomst:N", title="Herkomst"),
            alt.Tooltip("bron:N", title="Bron"),
        ],
        label_format=",.1~f",
    ).properties(width=charts.WIDTH, height=240, title=charts.title(title, subtitle))
    return charts.figure(
        chart,
        description=f"Staven met {what} in {', '.join(dict.fromkeys(frame['periode']))}." + _newer_note(frame),
        source_line=chapter.source_line(frame),
        table=frame[["periode", "procent", "herkomst", "bron"]].rename(columns=str.capitalize),
        table_formats={"Procent": 1},
    )


def chart_seconded_share(chapter) -> charts.ChartFigure:
    """Return the bars of the printed share of people with a Wsw-dienstbetrekking who work seconded (gedetacheerd)."""
    return _share_chart(
        chapter,
        "wsw_seconded_share",
        "Aandeel gedetacheerden onder mensen met een Wsw-dienstbetrekking",
        "Procent per jaar, uit de Wsw-statistiek",
        "het percentage mensen met een Wsw-dienstbetrekking dat gedetacheerd werkt",
    )


def chart_regular_share(chapter) -> charts.ChartFigure:
    """Return the bars of the printed share of Wsw employees working at a regular employer."""
    return _share_chart(
        chapter,
        "wsw_regular_employer_share",
        "Aandeel Wsw-werknemers bij een reguliere werkgever",
        "Procent per jaar; een ander cijfer dan het aandeel gedetacheerden",
        "het percentage Wsw-werknemers dat bij een reguliere werkgever werkt",
    )


def chart_budget(chapter) -> charts.ChartFigure:
    """Return the Wsw budget for municipalities as points: the amounts and the expectations printed, nothing between."""
    rows = analysis.budget(chapter.figures)
    frame = pd.DataFrame(
        {
            "jaar": rows["year"],
            "miljoen_euro": rows["mln_euro"],
            "herkomst": kind_texts(chapter, rows["kind"], rows["source_id"]),
            "bron": where_printed(chapter, rows["source_id"], rows["page"]),
            "source_id": rows["source_id"],
        }
    )
    expected = rows["kind"] == analysis.EXPECTED
    frame["tekst"] = [
        formatting.value_text(v, "euro_mln") + (f" (verwachting {y})" if e else f" ({y})")
        for v, y, e in zip(frame["miljoen_euro"], frame["jaar"], expected)
    ]
    domain = legend_order(frame["herkomst"])
    x = alt.X(
        "jaar:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=60), axis=alt.Axis(format="d", tickMinStep=1)
    )
    y = alt.Y("miljoen_euro:Q", axis=charts.value_axis("euro_mln"), scale=alt.Scale(zero=True))
    tooltip = [
        alt.Tooltip("jaar:Q", title="Jaar", format="d"),
        alt.Tooltip("miljoen_euro:Q", title="Miljoen euro", format=",.0f"),
        alt.Tooltip("herkomst:N", title="Herkomst"),
        alt.Tooltip("bron:N", title="Bron"),
    ]
    points = (
        alt.Chart(frame)
        .mark_point(size=130, opacity=1, strokeWidth=2, filled=False, color=charts.PRIMARY)
        .encode(
            x=x,
            y=y,
            tooltip=tooltip,
            fill=alt.Fill(
                "herkomst:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=[FILL[d] for d in domain])
            ),
        )
    )
    labels = alt.Chart(frame).mark_text(dy=-16).encode(x=x, y=y, text="tekst:N")
    subtitle = "Geen bedragen voor de tussenliggende jaren in de " + ("gegevens" if chapter.municipal else "brief")
    chart = (points + labels).properties(
        width=charts.WIDTH,
        height=260,
        title=charts.title("Wsw-middelen voor gemeenten: bedrag en verwachting", subtitle),
    )
    years = ", ".join(str(y) for y in frame["jaar"])
    return charts.figure(
        chart,
        description=(
            f"Punten met de Wsw-middelen voor gemeenten in {years}, zonder lijn ertussen: bedragen voor de "
            "tussenliggende jaren zijn niet gegeven. Een bedrag voor een jaar na de datum van de brief is een "
            "verwachting en is open getekend."
        )
        + _newer_note(frame),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "miljoen_euro", "herkomst", "bron"]]
        .assign(jaar=frame["jaar"].astype(str))
        .rename(columns={"jaar": "Jaar", "miljoen_euro": "Miljoen euro", "herkomst": "Herkomst", "bron": "Bron"}),
    )
