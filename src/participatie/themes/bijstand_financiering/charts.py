"""Financiering van bijstand en re-integratie: the chapter's charts, in Dutch (the analyses' codes get their
words from the theme's labels).

Every chart draws every period in the data; values from letters newer than the chapter's text are drawn
as open bars and named `labels.NEWER_LETTER`; tooltips and data tables name the letter and page of each
value (in a municipal edition: that the figure is the municipality's own).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, formatting, references, wording
from ...presentation import labels as shared
from . import analysis
from .analysis import CLASSIC, JUNE_2017, NEW
from .labels import GROUP_TEXT, NO_RESULT, PRELIMINARY_MARK, RESULT_TEXT

HEIGHT_SMALL = 260
LABEL_ROOM = 0.15  # share of a value axis kept free for the labels beside the bars
OPEN = 0.12  # fill opacity of a bar from a newer letter (an open bar)


def letters_and_pages(chapter, rows: pd.DataFrame) -> list[str]:
    """Return per figure 'letter, p. N' (in a municipal edition: that the figure is the municipality's)."""
    if chapter.municipal:
        return chapter.letters_of(rows["source_id"])
    return references.letter_page(rows["source_id"].tolist(), rows["page"].tolist(), chapter.sources)


def _where(chapter) -> str:
    return chapter.gemeente_naam if chapter.municipal else "Landelijk"


def _opacity() -> alt.FillOpacityValue:
    return alt.condition("datum.nieuwer", alt.value(OPEN), alt.value(1))


def chart_buig_results(chapter) -> charts.ChartFigure:
    """Return the bars of the yearly results on the macrobudget BUIG (surplus up, deficit down), preliminary marked."""
    rows = analysis.single_year_results(chapter.figures)
    newer = chapter.from_newer_letters(rows).to_numpy()
    labels = formatting.period_labels(rows["period"])
    twice = rows["period"].duplicated(keep=False).to_numpy()
    dates = [formatting.long_date(pd.Timestamp(d).date()) for d in rows["source_date"]]
    periode = [
        f"{label}{f' ({PRELIMINARY_MARK})' if early else ''}{f', brief {date}' if both else ''}"
        for label, early, both, date in zip(labels, rows["preliminary"], twice, dates)
    ]
    status = [
        wording.joined([PRELIMINARY_MARK if early else "", shared.NEWER_LETTER if new else ""])
        for early, new in zip(rows["preliminary"], newer)
    ]
    frame = pd.DataFrame(
        {
            "periode": periode,
            "soort": rows["kind"].map(RESULT_TEXT),
            "resultaat": rows["result"],
            "bedrag": [formatting.row_text(row) for _, row in rows.iterrows()],
            "aandeel": rows["share"],
            "status": status,
            "nieuwer": newer,
            "brief": letters_and_pages(chapter, rows),
            "source_id": rows["source_id"],
        }
    )
    frame = frame.assign(
        soort=frame["soort"].where(frame["resultaat"] != 0, NO_RESULT),
        label=(frame["soort"] + " " + frame["bedrag"]).where(frame["resultaat"] != 0, NO_RESULT),
    )
    colours = {
        RESULT_TEXT[analysis.SURPLUS]: charts.SECONDARY,
        RESULT_TEXT[analysis.DEFICIT]: charts.PRIMARY,
        NO_RESULT: charts.MUTED,
    }
    colours = {kind: colour for kind, colour in colours.items() if kind in set(frame["soort"])}
    low, high = min(0.0, float(frame["resultaat"].min())), max(0.0, float(frame["resultaat"].max()))
    pad = max(high - low, 1.0) * LABEL_ROOM
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=frame["periode"].tolist(), title=None, axis=alt.Axis(labelAngle=0, labelLimit=200)),
        y=alt.Y(
            "resultaat:Q",
            axis=charts.value_axis("euro_mln", "Resultaat (miljoen euro)"),
            scale=alt.Scale(domain=[low - pad, high + pad]),
        ),
        tooltip=[
            alt.Tooltip("periode:N", title="Periode"),
            alt.Tooltip("soort:N", title="Soort"),
            alt.Tooltip("bedrag:N", title="Bedrag"),
            alt.Tooltip("status:N", title="Status"),
            alt.Tooltip("brief:N", title="Bron"),
        ],
    )
    bars = base.mark_bar(size=60, strokeWidth=1.5, stroke=charts.PALETTE[4]).encode(
        color=alt.Color("soort:N", title=None, scale=alt.Scale(domain=list(colours), range=list(colours.values()))),
        fillOpacity=_opacity(),
    )
    positive = base.transform_filter("datum.resultaat >= 0").mark_text(dy=-9).encode(text="label:N")
    negative = base.transform_filter("datum.resultaat < 0").mark_text(dy=11).encode(text="label:N")
    zero = alt.Chart(pd.DataFrame({"nul": [0]})).mark_rule(color=charts.PALETTE[4]).encode(y="nul:Q")
    early = rows.loc[rows["preliminary"], "period"].tolist()
    notes = [
        f"{wording.joined(early)} {PRELIMINARY_MARK}" if early else "",
        f"open staven: {shared.NEWER_LETTER}" if newer.any() else "",
    ]
    subtitle = "; ".join(
        [f"{_where(chapter)}, in miljoen euro; boven nul een overschot, onder nul een tekort", *[n for n in notes if n]]
    )
    chart = (bars + zero + positive + negative).properties(
        width=charts.WIDTH,
        height=HEIGHT_SMALL,
        title=charts.title("Resultaat op het macrobudget BUIG per jaar", subtitle),
    )
    parts = "; ".join(f"{p}: {label}" for p, label in zip(frame["periode"], frame["label"]))
    return charts.figure(
        chart,
        description=(
            f"Staafdiagram van het resultaat op het macrobudget voor de bijstand per jaar ({parts}); boven nul een "
            "overschot, onder nul een tekort."
            + (f" Open staven zijn cijfers {shared.NEWER_LETTER}." if newer.any() else "")
            + _summed_note(chapter)
        ),
        source_line=chapter.source_line(rows),
        table=pd.DataFrame(
            {
                "Periode": frame["periode"],
                "Soort": frame["soort"],
                "Bedrag": frame["bedrag"],
                "% van het macrobudget": frame["aandeel"],
                "Status": frame["status"].replace("", "–"),
                "Bron": frame["brief"],
            }
        ),
        table_formats={"% van het macrobudget": 1},
    )


def _summed_note(chapter) -> str:
    """Return the description's sentence on the result summed over several years, which the chart does not draw."""
    summed = analysis.cumulative_result(chapter.figures)
    if summed is None:
        return ""
    kind = RESULT_TEXT[summed["kind"]]
    missing = analysis.years_without_result(chapter.figures, summed["period"])
    gap = f" De jaren {wording.joined(missing)} staan er niet afzonderlijk in." if missing else ""
    return (
        f" Niet getekend: het opgetelde resultaat over {formatting.period_label(summed['period'])}, "
        f"{kind} {formatting.row_text(summed)}.{gap}"
    )


def chart_participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget per target group and year, with the printed totals."""
    parts = analysis.participation_budget_parts(chapter.figures)
    newer = chapter.from_newer_letters(parts).to_numpy()
    sources = letters_and_pages(chapter, parts)
    base_frame = parts.assign(nieuwer=newer, brief=sources)
    long = pd.concat(
        [
            base_frame.assign(doelgroep=GROUP_TEXT[CLASSIC], bedrag=base_frame["classic"], volgorde=0),
            base_frame.assign(doelgroep=GROUP_TEXT[NEW], bedrag=base_frame["new"], volgorde=1),
        ]
    )[["year", "doelgroep", "bedrag", "volgorde", "nieuwer", "brief"]].rename(columns={"year": "jaar"})
    long = long.assign(
        label=long["doelgroep"].str.split(" ").str[0] + "\n" + [formatting.number(v, 1) for v in long["bedrag"]]
    )
    groups = [GROUP_TEXT[CLASSIC], GROUP_TEXT[NEW]]
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None, axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("jaar:N", title="Jaar"),
            alt.Tooltip("doelgroep:N", title="Doelgroep"),
            alt.Tooltip("bedrag:Q", title="Miljoen euro", format=",.3f"),
            alt.Tooltip("brief:N", title="Bron"),
        ],
    )
    bars = base.mark_bar(size=56, stroke=charts.PALETTE[4], strokeWidth=1).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln")),
        color=alt.Color(
            "doelgroep:N", title=None, sort=groups, scale=alt.Scale(domain=groups, range=[charts.PRIMARY, charts.SECONDARY])
        ),
        order=alt.Order("volgorde:Q"),
        fillOpacity=_opacity(),
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
    totals_frame = pd.DataFrame(
        {
            "jaar": parts["year"],
            "top": top,
            "tekst": [f"{'totaal' if p else 'som'} {formatting.number(v, 3)}" for p, v in zip(printed, top)],
        }
    )
    totals = alt.Chart(totals_frame).mark_text(dy=-9).encode(x="jaar:N", y="top:Q", text="tekst:N")
    letters = parts["source_id"].unique().tolist()
    if chapter.municipal:
        origin = chapter.gemeente_naam
    else:
        circular = " (meicirculaire 2017)" if letters == [JUNE_2017] else ""
        dates = wording.joined([formatting.long_date(pd.Timestamp(d).date()) for d in parts["source_date"].unique()])
        origin = f"uit de tabel van de brief van {dates}{circular}"
    subtitle = f"Geraamde bedragen in miljoen euro, {origin}" + (
        f"; open staven: {shared.NEWER_LETTER}" if newer.any() else ""
    )
    first, last = parts["year"].iloc[0], parts["year"].iloc[-1]
    chart = (bars + inside + totals).properties(
        width=charts.WIDTH,
        height=charts.HEIGHT,
        title=charts.title(f"Participatiebudget naar doelgroep, {first}–{last}", subtitle),
    )
    total_header = "Totaal" if chapter.municipal else "Totaal (brief)"
    table = pd.DataFrame(
        {
            "Jaar": parts["year"],
            "Klassiek": parts["classic"],
            "Nieuw": parts["new"],
            total_header: parts["printed_total"],
            f"Som ({shared.COMPUTED})": parts["sum"],
            "Bron": sources,
        }
    )
    return charts.figure(
        chart,
        description=(
            f"Gestapelde staven van het geraamde participatiebudget per jaar van {first} tot en met {last}, verdeeld over "
            "de klassieke en de nieuwe doelgroep, met het totaal boven elke staaf."
            + (f" Open staven zijn cijfers {shared.NEWER_LETTER}." if newer.any() else "")
        ),
        source_line=chapter.source_line(parts),
        table=table,
        table_formats={c: 3 for c in ("Klassiek", "Nieuw", total_header, f"Som ({shared.COMPUTED})")},
    )
