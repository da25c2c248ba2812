"""Financiering van bijstand en re-integratie: the chapter's charts, in Dutch (the analyses' codes get their
words from the theme's labels)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup
from ...presentation import charts, formatting, references
from ...presentation import labels as shared
from ...presentation.formatting import bound_text
from . import analysis
from .analysis import CLASSIC, JUNE_2017, NEW, STRUCTURAL
from .labels import CUMULATIVE_MARK, GROUP_TEXT, RESULT_TEXT, implied_budgets_shown

# The field names of the charts' data (Dutch, as the published pages carry them).
PARTS_FIELDS = {
    "year": "jaar",
    "classic": "klassiek",
    "new": "nieuw",
    "sum": "som",
    "printed_total": "totaal_gedrukt",
    "difference": "verschil",
    "margin": "marge",
    "verdict": "oordeel",
}
SHIFT_FIELDS = {
    "year": "jaar",
    "classic": "klassiek",
    "new": "nieuw",
    "new_share": "aandeel_nieuw",
    "classic_change": "klassiek_sinds_begin",
    "new_change": "nieuw_sinds_begin",
    "classic_change_pct": "klassiek_sinds_begin_pct",
    "new_change_pct": "nieuw_sinds_begin_pct",
    "new_growth": "nieuw_groei_jaar",
}
HEIGHT_SMALL = 260
LABEL_ROOM = 0.12  # share of a value axis kept free for labels beside bars
LABEL_ROOM_WIDE = 0.18  # the same where labels stand on both sides of a bar


def chart_buig_results(chapter) -> charts.ChartFigure:
    """Return the bars of the results on the macrobudget BUIG: the 2013 surplus, the 2016 and cumulative deficits."""
    rows = analysis.buig_results(chapter.figures)
    period = formatting.period_labels(rows["period"])
    frame = pd.DataFrame(
        {
            "periode": period.where(~rows["cumulative"], period + CUMULATIVE_MARK),
            "period": rows["period"],
            "soort": rows["kind"].map(RESULT_TEXT),
            "resultaat": rows["result"],
            "bedrag": [formatting.row_text(row) for _, row in rows.iterrows()],
            "aandeel": rows["share"],
            "opgeteld": rows["cumulative"],
            "brief": references.references(rows["source_id"].tolist(), chapter.sources),
            "source_id": rows["source_id"],
            "page": rows["page"],
        }
    )
    frame = frame.assign(label=frame["soort"] + " " + frame["bedrag"])
    order = frame["periode"].tolist()
    kinds = [RESULT_TEXT[analysis.SURPLUS], RESULT_TEXT[analysis.DEFICIT]]
    pad = (frame["resultaat"].max() - frame["resultaat"].min()) * LABEL_ROOM
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=order, title=None),
        y=alt.Y(
            "resultaat:Q",
            axis=charts.value_axis("euro_mln", "Resultaat (miljoen euro)"),
            scale=alt.Scale(domain=[float(frame["resultaat"].min() - pad), float(frame["resultaat"].max() + pad)]),
        ),
        tooltip=[
            alt.Tooltip("periode:N", title="Periode"),
            alt.Tooltip("soort:N", title="Soort"),
            alt.Tooltip("resultaat:Q", title="Resultaat (mln euro)", format=",.0f"),
            alt.Tooltip("brief:N", title="Brief"),
        ],
    )
    bars = base.mark_bar(size=60, strokeWidth=1.5, stroke=charts.PALETTE[4]).encode(
        color=alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.SECONDARY, charts.PRIMARY])),
        strokeDash=alt.StrokeDash("opgeteld:N", legend=None, scale=alt.Scale(domain=[False, True], range=[[1, 0], [4, 3]])),
    )
    positive = base.transform_filter("datum.resultaat >= 0").mark_text(dy=-9).encode(text="label:N")
    negative = base.transform_filter("datum.resultaat < 0").mark_text(dy=11).encode(text="label:N")
    zero = alt.Chart(pd.DataFrame({"nul": [0]})).mark_rule(color=charts.PALETTE[4]).encode(y="nul:Q")
    chart = (bars + zero + positive + negative).properties(
        width=charts.WIDTH,
        height=HEIGHT_SMALL,
        title=charts.title(
            "Resultaat op het macrobudget BUIG",
            "Boven nul een overschot, onder nul een tekort; de gestippelde staaf telt "
            f"{analysis.cumulative_years(chapter.figures)} jaren op",
        ),
    )
    parts = "; ".join(f"{p}: {label}" for p, label in zip(frame["periode"], frame["label"]))
    return charts.figure(
        chart,
        description=(
            "Staafdiagram van het landelijke resultaat op het macrobudget voor de bijstand, boven nul een overschot "
            f"en onder nul een tekort ({parts}); de opgetelde periode is gestippeld."
        ),
        source_line=chapter.source_line(frame),
        table=pd.DataFrame(
            {
                "Periode": frame["periode"],
                "Soort": frame["soort"],
                "Bedrag": frame["bedrag"],
                "% van het macrobudget (brief)": frame["aandeel"],
                "Brief": frame["brief"],
            }
        ),
    )


def chart_implied_budgets(chapter) -> charts.ChartFigure:
    """Return the ranges of the yearly macrobudgets the printed figures imply, beside the printed 2017 budget."""
    shown = implied_budgets_shown(chapter.figures)
    frame = shown.loc[lambda f: f["per_jaar"]]
    frame = frame.assign(
        laag_tekst=[bound_text(v, 0, "low") for v in frame["laag"]],
        hoog_tekst=[bound_text(v, 0, "high") for v in frame["hoog"]],
    )
    order = frame["kort"].tolist()
    kinds = [shared.PRINTED, shared.COMPUTED]
    y = alt.Y("kort:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    span = frame["hoog"].max() - frame["laag"].min()
    pad = span * LABEL_ROOM_WIDE  # room for the bound labels left and right of the bars
    x_scale = alt.Scale(zero=False, nice=False, domain=[float(frame["laag"].min() - pad), float(frame["hoog"].max() + pad)])
    base = alt.Chart(frame).encode(
        y=y,
        tooltip=[
            alt.Tooltip("grootheid:N", title="Grootheid"),
            alt.Tooltip("soort:N", title="Soort"),
            alt.Tooltip("berekening:N", title="Berekening"),
            alt.Tooltip("laag:Q", title="Laagst (mln euro)", format=",.0f"),
            alt.Tooltip("midden:Q", title="Midden (mln euro)", format=",.0f"),
            alt.Tooltip("hoog:Q", title="Hoogst (mln euro)", format=",.0f"),
        ],
    )
    colour = alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.PRIMARY, charts.SECONDARY]))
    ranges = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("laag:Q", scale=x_scale, axis=charts.value_axis("euro_mln", "Miljoen euro per jaar")),
        x2="hoog:Q",
        color=colour,
        strokeDash=alt.StrokeDash("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 3]])),
    )
    points = base.mark_point(filled=True, size=90, color="black").encode(
        x="midden:Q", shape=alt.Shape("soort:N", title=None, scale=alt.Scale(domain=kinds, range=["square", "circle"]))
    )
    low = base.mark_text(align="right", dx=-6).encode(x="laag:Q", text="laag_tekst:N")
    high = base.mark_text(align="left", dx=6).encode(x="hoog:Q", text="hoog_tekst:N")
    chart = (ranges + points + low + high).properties(
        width=charts.WIDTH,
        height=HEIGHT_SMALL,
        title=charts.title(
            "Welk macrobudget volgt uit de afgeronde cijfers?",
            "Balk: alle waarden die de afronding van de gedrukte getallen toelaat; punt: uitkomst met de gedrukte getallen",
        ),
    )
    return charts.figure(
        chart,
        description=(
            "Liggende balken met de marges van het macrobudget BUIG 2016 zoals dat volgt uit het tekort en het "
            "percentage, en zoals het volgt uit het macrobudget 2017 en de toename, naast het gedrukte macrobudget "
            "2017, de voorlopige raming 2017 en het gemiddelde jaarbudget over 2012 tot en met 2016; de balken van "
            "2016 overlappen."
        ),
        source_line=chapter.source_line(lookup.select(chapter.figures, "buig_deficit")),
        table=pd.DataFrame(
            {
                "Grootheid": shown["grootheid"],
                "Soort": shown["soort"],
                "Berekening": shown["berekening"],
                "Marges": shown["marges"],
                "Laagst": shown["laag"],
                "Midden": shown["midden"],
                "Hoogst": shown["hoog"],
            }
        ),
        table_formats={
            "Laagst": lambda v: bound_text(v, 0, "low"),
            "Midden": 0,
            "Hoogst": lambda v: bound_text(v, 0, "high"),
        },
    )


def chart_participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget per target group, the printed totals and the structural level."""
    figures = chapter.figures
    parts = analysis.participation_budget_parts(figures).rename(columns=PARTS_FIELDS)
    long = pd.concat(
        [
            parts.assign(doelgroep=GROUP_TEXT[CLASSIC], bedrag=parts["klassiek"], volgorde=0),
            parts.assign(doelgroep=GROUP_TEXT[NEW], bedrag=parts["nieuw"], volgorde=1),
        ]
    )
    long = long.assign(
        label=long["doelgroep"].str.split(" ").str[0] + "\n" + [formatting.number(v, 1) for v in long["bedrag"]]
    )
    groups = [GROUP_TEXT[CLASSIC], GROUP_TEXT[NEW]]
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None),
        tooltip=[
            alt.Tooltip("jaar:N", title="Jaar"),
            alt.Tooltip("doelgroep:N", title="Doelgroep"),
            alt.Tooltip("bedrag:Q", title="Miljoen euro", format=",.3f"),
        ],
    )
    bars = base.mark_bar(size=56).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln")),
        color=alt.Color(
            "doelgroep:N", title=None, sort=groups, scale=alt.Scale(domain=groups, range=[charts.PRIMARY, charts.SECONDARY])
        ),
        order=alt.Order("volgorde:Q"),
    )
    inside = (
        base.mark_text(color="white", lineBreak="\n", fontSize=10)
        .encode(
            y=alt.Y("midden:Q"),
            text="label:N",
        )
        .transform_stack(stack="bedrag", groupby=["jaar"], sort=[alt.SortField("volgorde")], as_=["onder", "boven"])
        .transform_calculate(midden="(datum.onder + datum.boven) / 2")
    )
    totals = (
        alt.Chart(parts.assign(tekst=[f"totaal {formatting.number(v, 3)}" for v in parts["totaal_gedrukt"]]))
        .mark_text(dy=-9)
        .encode(x="jaar:N", y="totaal_gedrukt:Q", text="tekst:N")
    )
    structural_text = formatting.figure_text(figures, "participation_budget", STRUCTURAL, category=analysis.TOTAL)
    level = pd.DataFrame(
        {
            "niveau": [analysis.structural_level(figures).mid],
            "tekst": [f"structureel niveau {structural_text} (brief juni 2018; jaar niet genoemd)"],
        }
    )
    rule = alt.Chart(level).mark_rule(strokeDash=[6, 4], color=charts.PALETTE[4], strokeWidth=1.5).encode(y="niveau:Q")
    rule_text = alt.Chart(level).mark_text(align="left", dy=-8, x=4).encode(y="niveau:Q", text="tekst:N")
    chart = (bars + inside + totals + rule + rule_text).properties(
        width=charts.WIDTH,
        height=420,
        title=charts.title(
            "Participatiebudget naar doelgroep, 2017–2021",
            "Miljoen euro volgens de meicirculaire 2017; gestippeld het structurele niveau uit juni 2018",
        ),
    )
    table = pd.DataFrame(
        {
            "Jaar": parts["jaar"],
            "Klassieke doelgroep": parts["klassiek"],
            "Nieuwe doelgroep": parts["nieuw"],
            "Som": parts["som"],
            "Totaal (brief)": parts["totaal_gedrukt"],
        }
    )
    structural = lookup.row(figures, "participation_budget", STRUCTURAL, category=analysis.TOTAL)
    rows = pd.concat([lookup.select(figures, "participation_budget", source_id=JUNE_2017), structural.to_frame().T])
    return charts.figure(
        chart,
        description=(
            f"Gestapelde staven van het participatiebudget per jaar van {parts['jaar'].iloc[0]} tot en met "
            f"{parts['jaar'].iloc[-1]}, verdeeld over de klassieke en de nieuwe doelgroep, met het gedrukte totaal "
            f"boven elke staaf en een gestippelde lijn op het structurele niveau van {structural_text} "
            "dat de brief van juni 2018 noemt."
        ),
        source_line=chapter.source_line(rows),
        table=table,
        table_formats={c: 3 for c in table.columns if c != "Jaar"},
    )


def chart_target_group_shift(chapter) -> charts.ChartFigure:
    """Return the line of the new target group's share of the participatiebudget per year."""
    frame = analysis.target_group_shift(chapter.figures).rename(columns=SHIFT_FIELDS)
    frame = frame.assign(tekst=[formatting.value_text(v, "procent", 1) for v in frame["aandeel_nieuw"]])
    top = frame["aandeel_nieuw"].max()  # NaN when no year has a share (all budgets 0)
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:N", title=None),
        y=alt.Y(
            "aandeel_nieuw:Q",
            axis=charts.value_axis("procent", "Aandeel nieuwe doelgroep (%)"),
            scale=alt.Scale(domain=[0, float(top) * (1 + LABEL_ROOM)] if pd.notna(top) else alt.Undefined),
        ),
        tooltip=[
            alt.Tooltip("jaar:N", title="Jaar"),
            alt.Tooltip("aandeel_nieuw:Q", title="Aandeel nieuwe doelgroep (%)", format=",.1f"),
            alt.Tooltip("nieuw:Q", title="Nieuwe doelgroep (mln euro)", format=",.1f"),
            alt.Tooltip("klassiek:Q", title="Klassieke doelgroep (mln euro)", format=",.1f"),
        ],
    )
    chart = (base.mark_line(point=True) + base.mark_text(dy=-11).encode(text="tekst:N")).properties(
        width=charts.WIDTH,
        height=240,
        title=charts.title(
            "Aandeel van de nieuwe doelgroep in het participatiebudget",
            "Berekend door het boek uit de tabel van juni 2017 (som van de twee doelgroepen is het geheel)",
        ),
    )
    table = pd.DataFrame(
        {
            "Jaar": frame["jaar"],
            "Klassiek (mln)": frame["klassiek"],
            "Nieuw (mln)": frame["nieuw"],
            "Aandeel nieuw (%)": frame["aandeel_nieuw"],
            "Klassiek t.o.v. eerste jaar (mln)": frame["klassiek_sinds_begin"],
            "Nieuw t.o.v. eerste jaar (mln)": frame["nieuw_sinds_begin"],
            "Nieuw t.o.v. vorig jaar (mln)": frame["nieuw_groei_jaar"],
        }
    )
    return charts.figure(
        chart,
        description=(
            f"Lijn met het aandeel van de nieuwe doelgroep in het participatiebudget per jaar, van "
            f"{frame['tekst'].iloc[0]} in {frame['jaar'].iloc[0]} naar {frame['tekst'].iloc[-1]} in "
            f"{frame['jaar'].iloc[-1]}."
        ),
        source_line=chapter.source_line(lookup.select(chapter.figures, "participation_budget", source_id=JUNE_2017)),
        table=table,
        table_formats={
            "Klassiek (mln)": 3,
            "Nieuw (mln)": 3,
            "Aandeel nieuw (%)": 1,
            "Klassiek t.o.v. eerste jaar (mln)": 3,
            "Nieuw t.o.v. eerste jaar (mln)": 3,
            "Nieuw t.o.v. vorig jaar (mln)": 3,
        },
    )
