"""Banenafspraak: voortgang en duurzaamheid van de banen: the charts of the progress and the gemeentelijke doelgroep,
in Dutch (the analyses' codes get
their words from the theme's labels).

Every chart draws what the data hold: the jobs chart every period of the counts and targets, with values
from letters newer than the chapter's text drawn open (`Chapter.from_newer_letters`). Tooltips and data
tables name the letter and page of each printed value; our computations read `labels.COMPUTED`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...data import periods
from ...figures import lookup as fig
from ...presentation import charts, formatting
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import MUNICIPAL_FIGURE
from . import analysis
from .analysis import COMPUTED, PATH, PRINTED, REALISED, TARGET
from .labels import (
    KIND,
    NEWER,
    SERIES,
    letters_pages,
)

INK = "#0b0c0c"


def tooltips(fields: dict[str, str]) -> list[alt.Tooltip]:
    """Return tooltips for fields (name:type) with their Dutch titles; numbers in whole Dutch units (12.345)."""
    return [
        alt.Tooltip(f, title=t, format=",.0f") if f.endswith(":Q") else alt.Tooltip(f, title=t) for f, t in fields.items()
    ]


def value_texts(frame: pd.DataFrame, value: str, unit: str) -> list[str]:
    """Return each value of a column with its unit and hedge as printed (bijna 87%, circa 45%)."""
    return [
        formatting.value_text(v, unit, None, q if isinstance(q, str) and q else None)
        for v, q in zip(frame[value], frame["qualifier"])
    ]


def _kind(chapter, kind: str) -> str:
    # Printed in a letter, or our computation; in a municipal edition the municipality's own figure, printed in no letter.
    return MUNICIPAL_FIGURE if chapter.municipal and kind == PRINTED else KIND[kind]


def _newer(chapter, frame: pd.DataFrame) -> pd.Series:
    # Per row: printed in a letter newer than the chapter's text (rows without a letter are ours: never newer).
    printed = frame["source_id"].notna()
    newer = pd.Series(False, index=frame.index)
    if printed.any():
        newer.loc[printed] = chapter.from_newer_letters(frame.loc[printed]).to_numpy()
    return newer


def _jobs_frame(chapter) -> pd.DataFrame:
    path = analysis.jobs_path(chapter.figures)
    newer = _newer(chapter, path)
    kinds = [NEWER if n else _kind(chapter, k) for k, n in zip(path["kind"], newer)]
    return pd.DataFrame(
        {
            "datum": path["date"],
            "jaar": path["date"].map(lambda d: periods.parse(d).sort_date.year),
            "peildatum": formatting.period_labels(path["date"]),
            "reeks": path["series"].map(SERIES),
            "aantal": path["count"],
            "soort": kinds,
            "nieuwer": newer.to_numpy(),
            "brief": letters_pages(chapter, path["source_ids"], path["pages"]),
        }
    )


def chart_jobs(chapter) -> charts.ChartFigure:
    """Return the extra jobs realised and the targets, every period in the data, with our even path to the final target."""
    frame = _jobs_frame(chapter)
    now = analysis.progress(chapter.figures)
    series = [SERIES[REALISED], SERIES[TARGET], SERIES[PATH]]
    legend = dict(title=None, sort=series, legend=alt.Legend(columns=1, symbolStrokeWidth=2))
    colours = [charts.PRIMARY, charts.PALETTE[2], charts.PALETTE[4]]
    colour = alt.Color("reeks:N", scale=alt.Scale(domain=series, range=colours), **legend)
    shape = alt.Shape("reeks:N", scale=alt.Scale(domain=series, range=["circle", "diamond", "stroke"]), **legend)
    dash = alt.StrokeDash("reeks:N", scale=alt.Scale(domain=series, range=[[1, 0], [1, 0], [6, 4]]), **legend)
    # A value from a newer letter keeps its series' colour and shape and is drawn open (white inside).
    fill = alt.condition(
        alt.datum.nieuwer,
        alt.value("white"),
        alt.Fill("reeks:N", scale=alt.Scale(domain=series, range=colours), legend=None),
    )
    stroke = alt.Stroke("reeks:N", scale=alt.Scale(domain=series, range=colours), legend=None)
    years = [int(frame["jaar"].min()) - 1, int(frame["jaar"].max()) + 1]  # a year of room for the labels
    base = alt.Chart(frame).encode(
        x=alt.X(
            "jaar:Q",
            scale=alt.Scale(domain=years, nice=False),
            axis=alt.Axis(format="d", tickMinStep=1, title="Stand aan het eind van het jaar"),
        ),
        y=alt.Y("aantal:Q", axis=charts.value_axis("banen", "Extra banen t.o.v. de nulmeting")),
        color=colour,
        tooltip=tooltips(
            {"peildatum:N": "Peildatum", "reeks:N": "Reeks", "aantal:Q": "Banen", "soort:N": "Soort", "brief:N": "Brief"}
        ),
    )
    lines = (
        base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=[series[0], series[2]]))
        .mark_line(strokeWidth=2)
        .encode(strokeDash=dash)
    )
    points = (
        base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:2]))
        .mark_point(size=110, opacity=1, strokeWidth=2, filled=True)
        .encode(shape=shape, fill=fill, stroke=stroke)
    )
    realised_labels = (
        base.transform_filter(alt.datum.reeks == series[0])
        .mark_text(dx=-9, dy=-10, align="right")
        .encode(text=alt.Text("aantal:Q", format=",.0f"), color=alt.value(INK))
    )
    # Targets: the final one above left of its point, the others below right (away from the counts' line).
    targets = base.transform_filter(alt.datum.reeks == series[1])
    target_labels = targets.transform_filter(alt.datum.datum != now["deadline"]).mark_text(dx=9, dy=12, align="left")
    final_label = targets.transform_filter(alt.datum.datum == now["deadline"]).mark_text(dx=-9, dy=-8, align="right")
    label = {"text": alt.Text("aantal:Q", format=",.0f"), "color": alt.value(charts.PALETTE[2])}
    latest, goal = formatting.period_label(now["period"]), formatting.number(now["goal"])
    subtitle = (
        f"Gestippeld: gelijkmatig pad van de stand {latest} naar {goal} ({COMPUTED_TEXT}, geen tussendoel uit de afspraak)"
    )
    if frame["nieuwer"].any():
        subtitle = [subtitle, f"Open symbolen: {NEWER}, van na de tekst van dit hoofdstuk"]
    chart = (lines + points + realised_labels + target_labels.encode(**label) + final_label.encode(**label)).properties(
        width=charts.WIDTH,
        height=340,
        title=charts.title("Extra banen ten opzichte van de nulmeting: realisatie en doelen", subtitle),
    )
    columns = {"peildatum": "Peildatum", "reeks": "Reeks", "aantal": "Banen", "soort": "Soort", "brief": "Brief"}
    newer_text = (
        f" Open symbolen zijn waarden {NEWER}: {', '.join(frame.loc[frame['nieuwer'], 'peildatum'].drop_duplicates())}."
        if frame["nieuwer"].any()
        else ""
    )
    return charts.figure(
        chart,
        description=(
            f"Punten en een lijn met het aantal gerealiseerde extra banen per peildatum in de gegevens "
            f"({', '.join(frame.loc[frame['reeks'] == series[0], 'peildatum'])}), ruiten voor de doelen "
            f"({', '.join(frame.loc[frame['reeks'] == series[1], 'peildatum'])}) en een stippellijn voor het "
            f"gelijkmatige pad van de stand {latest} naar {goal} banen {formatting.period_label(now['deadline'])}, "
            f"een {COMPUTED_TEXT}.{newer_text}"
        ),
        source_line=chapter.source_line(
            pd.concat([fig.select(chapter.figures, "extra_jobs_realised"), fig.select(chapter.figures, "extra_jobs_target")])
        ),
        table=frame[list(columns)].rename(columns=columns),
    )


def chart_municipal(chapter) -> charts.ChartFigure:
    """Return the bars of the gemeentelijke doelgroep at work per quarter in the data, Q4 2016 our derivation.

    A quarter printed in a letter newer than the chapter's text is drawn in another colour and named so.
    """
    group = analysis.municipal_target_group(chapter.figures)
    computed = group["kind"] == COMPUTED
    newer = _newer(chapter, group.assign(source_id=group["source_id"].where(~computed)))  # our derivation: never newer
    frame = pd.DataFrame(
        {
            "kwartaal": formatting.period_labels(group["period"]),
            "werkend": group["working"],
            "soort": [NEWER if n else _kind(chapter, k) for k, n in zip(group["kind"], newer)],
            "tekst": [
                f"circa {formatting.number(v)}" if c else formatting.number(v) for v, c in zip(group["working"], computed)
            ],
            "berekening": [
                f"{formatting.number(level)} − {formatting.number(change)}, beide afgerond" if c else "–"
                for c, level, change in zip(computed, group["level"], group["change"])
            ],
            "brief": letters_pages(chapter, group["source_id"], group["page"]),
        }
    )
    kinds = [COMPUTED_TEXT, _kind(chapter, PRINTED)] + ([NEWER] if newer.any() else [])
    styles = charts.printed_or_derived("soort", kinds, {COMPUTED_TEXT})
    colours = [charts.MUTED, charts.PRIMARY, charts.SECONDARY][: len(kinds)]  # a newer letter's quarter apart
    styles["color"] = alt.Color("soort:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=colours))
    base = alt.Chart(frame).encode(
        x=alt.X("kwartaal:N", sort=list(frame["kwartaal"]), title=None),
        y=alt.Y("werkend:Q", axis=charts.value_axis("personen", "Personen aan het werk")),
        tooltip=tooltips(
            {
                "kwartaal:N": "Kwartaal",
                "tekst:N": "Personen",
                "soort:N": "Soort",
                "berekening:N": "Berekening",
                "brief:N": "Brief",
            }
        ),
    )
    derived = frame.loc[computed.to_numpy(), "kwartaal"].iloc[0]
    chart = (
        base.mark_bar(strokeWidth=1.5, size=70).encode(**styles) + base.mark_text(dy=-8).encode(text="tekst:N")
    ).properties(
        width=charts.WIDTH,
        height=240,
        title=charts.title(
            "Gemeentelijke doelgroep aan het werk via de banenafspraak",
            f"{derived}: de stand een jaar later min de toename in dat jaar ({COMPUTED_TEXT})",
        ),
    )
    columns = {"kwartaal": "Kwartaal", "werkend": "Personen", "soort": "Soort", "berekening": "Berekening", "brief": "Brief"}
    newer_text = (
        f" In een andere kleur: {NEWER} ({', '.join(frame.loc[newer.to_numpy(), 'kwartaal'])})." if newer.any() else ""
    )
    return charts.figure(
        chart,
        description=(
            "Staven met het aantal mensen uit de gemeentelijke doelgroep dat via de banenafspraak werkte, per kwartaal "
            f"in de gegevens ({', '.join(frame['kwartaal'])}); het {derived} grijs en gestippeld omdat het een "
            f"{COMPUTED_TEXT} is (het verschil van twee afgeronde getallen).{newer_text}"
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "municipal_target_group_working")),
        table=frame[list(columns)].rename(columns=columns),
    )
