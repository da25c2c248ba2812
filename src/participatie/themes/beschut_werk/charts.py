"""Beschut werk: the chapter's charts, in Dutch (the analyses' codes get their words here).

Every time chart draws every period the data hold. Values from letters newer than the chapter's text
(`Chapter.from_newer_letters`) are drawn apart, as open symbols or bars named `labels.NEWER_LETTER`; our
own sums and the letters' extrapolations are drawn apart from printed counts as well.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, formatting
from .analysis import (
    COMPUTED,
    EXTRAPOLATED,
    PART_YEAR,
    PRINTED,
    REALISED,
    advices_by_year,
    assessments_by_applicant,
    citizen_assessments_by_month,
)
from .checks import CHECKS
from .labels import APPLICANT, DARK, NEWER, OTHER, POSITIVE, WHITE, advice_words, kind_words, letter_pages, newer, present


def _formula(indicator: str, period: str, source_id: str) -> str:
    # How the letter computed a figure, as our cross-check recomputes it ("–" for a printed count).
    found = [c.formula for c in CHECKS if (c.indicator, c.period, c.source_id) == (indicator, period, source_id)]
    return found[0] if found else "–"


def chart_advices(chapter) -> charts.ChartFigure:
    """Return the bars of positive advices per calendar year: counts, a part-year count, the letters' extrapolations."""
    advices = advices_by_year(chapter.figures)
    words = advice_words(chapter)
    kind = advices["kind"].map(words).where(~newer(chapter, advices), NEWER)
    frame = pd.DataFrame(
        {
            "jaar": advices["year"].astype(str),
            "periode": formatting.period_labels(advices["period"]),
            "soort": kind,
            "adviezen": advices["advices"],
            "brief": letter_pages(chapter, advices["source_id"], advices["page"]),
            "berekening": [
                _formula("positive_advices", p, s) if k == EXTRAPOLATED else "–"
                for p, s, k in zip(advices["period"], advices["source_id"], advices["kind"])
            ],
            "source_id": advices["source_id"],
        }
    )
    styles = {
        words[REALISED]: (charts.PRIMARY, [1, 0]),
        words[PART_YEAR]: (charts.SECONDARY, [1, 0]),
        words[EXTRAPOLATED]: (charts.MUTED, [4, 3]),
        NEWER: (WHITE, [1, 0]),
    }
    kinds = present(list(styles), frame["soort"])
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:O", title=None),
        xOffset=alt.XOffset("soort:N", sort=kinds),
        y=alt.Y("adviezen:Q", axis=charts.value_axis("adviezen", "Positieve adviezen")),
        tooltip=[
            alt.Tooltip("periode:N", title="Periode"),
            alt.Tooltip("soort:N", title="Soort"),
            alt.Tooltip("adviezen:Q", title="Positieve adviezen", format=",.0f"),
            alt.Tooltip("berekening:N", title="Berekening in de brief"),
            alt.Tooltip("brief:N", title="Brief, pagina"),
        ],
    )
    bars = base.mark_bar(strokeWidth=1.5, stroke=DARK).encode(
        color=alt.Color(
            "soort:N",
            title=None,
            sort=kinds,
            scale=alt.Scale(domain=kinds, range=[styles[k][0] for k in kinds]),
        ),
        strokeDash=alt.StrokeDash(
            "soort:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=[styles[k][1] for k in kinds])
        ),
    )
    chart = (bars + base.mark_text(dy=-7).encode(text=alt.Text("adviezen:Q", format=",.0f"))).properties(
        width=charts.WIDTH,
        height=charts.HEIGHT,
        title=charts.title(
            "Positieve adviezen beschut werk per jaar",
            "Gerealiseerde aantallen en de doortrekkingen die de brieven zelf maakten (grijs, gestippeld)",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Staafdiagram van het aantal positieve adviezen beschut werk per kalenderjaar, voor elk jaar in de "
            "gegevens: gerealiseerde aantallen over een heel jaar, een gerealiseerd aantal over een deel van het jaar "
            "(het eerste kwartaal), en de doortrekkingen naar een heel jaar die de brieven zelf maakten, grijs en "
            "gestippeld. Cijfers uit brieven die nieuwer zijn dan de tekst, staan als open staven."
        ),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "periode", "soort", "adviezen", "brief"]].rename(
            columns={
                "jaar": "Jaar",
                "periode": "Periode",
                "soort": "Soort",
                "adviezen": "Positieve adviezen",
                "brief": "Brief, pagina",
            }
        ),
    )


def chart_assessments(chapter) -> charts.ChartFigure:
    """Return the stacked bars of assessments by applicant, one panel per period: positive and other outcomes."""
    table = assessments_by_applicant(chapter.figures)
    shown = table.assign(
        periode=formatting.period_labels(table["period"]),
        aanvrager=table["category"].map(APPLICANT),
        brief=letter_pages(chapter, table["source_id"], table["page"]),
    )
    parts = shown.loc[shown["category"] != "totaal"]
    long = pd.concat(
        [
            parts.assign(uitkomst=POSITIVE, aantal=parts["positive"], soort=kind_words(chapter)[PRINTED]),
            parts.assign(
                uitkomst=OTHER, aantal=parts["assessments"] - parts["positive"], soort=kind_words(chapter)[COMPUTED]
            ),
        ]
    )[["periode", "aanvrager", "uitkomst", "aantal", "soort", "brief"]]
    periods = list(dict.fromkeys(parts["periode"]))
    outcomes = [POSITIVE, OTHER]
    chart = (
        alt.Chart(long)
        .mark_bar(stroke=DARK, strokeWidth=1)
        .encode(
            y=alt.Y("aanvrager:N", title=None, sort=list(APPLICANT.values())),
            x=alt.X("aantal:Q", stack="zero", axis=charts.value_axis("beoordelingen")),
            color=alt.Color(
                "uitkomst:N",
                title=None,
                sort=outcomes,
                scale=alt.Scale(domain=outcomes, range=[charts.PRIMARY, charts.MUTED]),
            ),
            strokeDash=alt.StrokeDash(
                "uitkomst:N", title=None, sort=outcomes, scale=alt.Scale(domain=outcomes, range=[[1, 0], [4, 3]])
            ),
            order=alt.Order("uitkomst:N", sort="descending"),
            tooltip=[
                alt.Tooltip("aanvrager:N", title="Aanvrager"),
                alt.Tooltip("periode:N", title="Periode"),
                alt.Tooltip("uitkomst:N", title="Uitkomst"),
                alt.Tooltip("aantal:Q", title="Beoordelingen", format=",.0f"),
                alt.Tooltip("soort:N", title="Soort"),
                alt.Tooltip("brief:N", title="Brief, pagina"),
            ],
        )
        .properties(height=alt.Step(26))
        .facet(
            row=alt.Row(
                "periode:N",
                sort=periods,
                title=None,
                header=alt.Header(
                    labelAngle=0, labelAnchor="start", labelOrient="top", labelFontSize=12, labelFontWeight="bold"
                ),
            ),
            spacing=14,
        )
        .resolve_scale(y="independent")
        .properties(
            title=charts.title(
                "Beoordelingen beschut werk door UWV, naar aanvrager",
                "Eén paneel per periode (periodes van verschillende lengte); "
                "burgers konden pas vanaf 2017 zelf een advies aanvragen",
            )
        )
    )
    data_table = pd.DataFrame(
        {
            "Aanvrager": shown["aanvrager"],
            "Periode": shown["periode"],
            "Beoordelingen": shown["assessments"],
            "Positief": shown["positive"],
            "% positief (brief)": shown["share_printed"],
            "% positief (eigen berekening)": shown["share_recomputed"].round(0),
            "Brief, pagina": shown["brief"],
        }
    )
    return charts.figure(
        chart,
        description=(
            "Liggende gestapelde staven van de UWV-beoordelingen beschut werk, per periode in de gegevens een apart "
            "paneel, voor aanvragen door gemeenten en door burgers: positieve adviezen, en de overige uitkomsten als "
            "eigen berekening (beoordelingen min positieve adviezen), grijs en gestippeld."
        ),
        source_line=chapter.source_line(shown),
        table=data_table,
        table_formats={"% positief (eigen berekening)": 0},
    )


def chart_citizen_months(chapter) -> charts.ChartFigure:
    """Return the points of assessments requested by citizens in the months the letters give (no line between)."""
    months = citizen_assessments_by_month(chapter.figures)
    frame = pd.DataFrame(
        {
            "maand": formatting.period_labels(months["period"]),
            "datum": months["date"],
            "beoordelingen": months["assessments"],
            "brief": letter_pages(chapter, months["source_id"], months["page"]),
            "source_id": months["source_id"],
        }
    )
    base = alt.Chart(frame).encode(
        x=alt.X(
            "datum:T",
            title=None,
            axis=alt.Axis(format="%B %Y", tickCount={"interval": "month", "step": 1}),
            scale=alt.Scale(padding=30),
        ),
        y=alt.Y("beoordelingen:Q", axis=charts.value_axis("beoordelingen")),
        tooltip=[
            alt.Tooltip("maand:N", title="Maand"),
            alt.Tooltip("beoordelingen:Q", format=",.0f", title="Beoordelingen"),
            alt.Tooltip("brief:N", title="Brief, pagina"),
        ],
    )
    points = base.mark_point(filled=True, size=80, opacity=1) + base.mark_text(dy=-12).encode(
        text=alt.Text("beoordelingen:Q", format=",.0f")
    )
    chart = points.properties(
        width=charts.WIDTH,
        height=220,
        title=charts.title(
            "Beoordelingen op eigen aanvraag van burgers, per maand",
            "Alleen de maanden waarvoor de brieven een aantal noemen",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Punten met het aantal UWV-beoordelingen beschut werk op eigen aanvraag van burgers, alleen voor de "
            "maanden waarvoor de brieven een aantal geven; de punten zijn niet verbonden."
        ),
        source_line=chapter.source_line(frame),
        table=frame[["maand", "beoordelingen", "brief"]].rename(
            columns={"maand": "Maand", "beoordelingen": "Beoordelingen", "brief": "Brief, pagina"}
        ),
    )
