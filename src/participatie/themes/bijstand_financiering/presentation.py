"""Financiering van bijstand en re-integratie: the chapter's charts and tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup as fig
from ...figures.rounding import Interval
from ...presentation import charts, formatting, tables
from ...presentation.formatting import bound_text, range_text
from ...presentation.labels import VERDICT_TEXT
from .analysis import (
    CUMULATIVE,
    DERIVED,
    GROUP,
    HEIGHT_SMALL,
    JUNE_2017,
    LABEL_ROOM,
    LABEL_ROOM_WIDE,
    PRINTED,
    STRUCTURAL,
    _mln,
    _years,
    benefit_corrections,
    buig_results,
    implied_budgets,
    participation_budget_parts,
    structural_outlook,
    target_group_shift,
)


def chart_buig_results(chapter) -> charts.ChartFigure:
    """Return the bars of the results on the macrobudget BUIG: the 2013 surplus, the 2016 and cumulative deficits."""
    frame = buig_results(chapter.figures)
    frame = frame.assign(label=frame["soort"] + " " + frame["bedrag"])
    order = frame["periode"].tolist()
    kinds = ["overschot", "tekort"]
    pad = (frame["resultaat"].max() - frame["resultaat"].min()) * LABEL_ROOM
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=order, title=None),
        y=alt.Y("resultaat:Q", axis=charts.value_axis("euro_mln", "Resultaat (miljoen euro)"),
                scale=alt.Scale(domain=[float(frame["resultaat"].min() - pad), float(frame["resultaat"].max() + pad)])),
        tooltip=[alt.Tooltip("periode:N", title="Periode"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("resultaat:Q", title="Resultaat (mln euro)", format=",.0f"),
                 alt.Tooltip("brief:N", title="Brief")],
    )
    bars = base.mark_bar(size=60, strokeWidth=1.5, stroke=charts.PALETTE[4]).encode(
        color=alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.SECONDARY, charts.PRIMARY])),
        strokeDash=alt.StrokeDash("opgeteld:N", legend=None, scale=alt.Scale(domain=[False, True], range=[[1, 0], [4, 3]])),
    )
    positive = base.transform_filter("datum.resultaat >= 0").mark_text(dy=-9).encode(text="label:N")
    negative = base.transform_filter("datum.resultaat < 0").mark_text(dy=11).encode(text="label:N")
    zero = alt.Chart(pd.DataFrame({"nul": [0]})).mark_rule(color=charts.PALETTE[4]).encode(y="nul:Q")
    chart = (bars + zero + positive + negative).properties(
        width=charts.WIDTH, height=HEIGHT_SMALL,
        title=charts.title("Resultaat op het macrobudget BUIG",
                           "Boven nul een overschot, onder nul een tekort; de gestippelde staaf telt "
                           f"{_years(chapter.figures, 'buig_deficit', CUMULATIVE)} jaren op"))
    parts = "; ".join(f"{p}: {label}" for p, label in zip(frame["periode"], frame["label"]))
    return charts.figure(
        chart,
        description=("Staafdiagram van het landelijke resultaat op het macrobudget voor de bijstand, boven nul een overschot "
                     f"en onder nul een tekort ({parts}); de opgetelde periode is gestippeld."),
        source_line=chapter.source_line(frame),
        table=pd.DataFrame({"Periode": frame["periode"], "Soort": frame["soort"], "Bedrag": frame["bedrag"],
                            "% van het macrobudget (brief)": frame["aandeel"], "Brief": frame["brief"]}),
    )


def chart_implied_budgets(chapter) -> charts.ChartFigure:
    """Return the ranges of the yearly macrobudgets the printed figures imply, beside the printed 2017 budget."""
    frame = implied_budgets(chapter.figures).loc[lambda f: f["per_jaar"]]
    frame = frame.assign(
        laag_tekst=[bound_text(v, 0, "low") for v in frame["laag"]],
        hoog_tekst=[bound_text(v, 0, "high") for v in frame["hoog"]],
    )
    order = frame["kort"].tolist()
    kinds = [PRINTED, DERIVED]
    y = alt.Y("kort:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    span = frame["hoog"].max() - frame["laag"].min()
    pad = span * LABEL_ROOM_WIDE  # room for the bound labels left and right of the bars
    x_scale = alt.Scale(zero=False, nice=False, domain=[float(frame["laag"].min() - pad), float(frame["hoog"].max() + pad)])
    base = alt.Chart(frame).encode(
        y=y,
        tooltip=[alt.Tooltip("grootheid:N", title="Grootheid"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("berekening:N", title="Berekening"),
                 alt.Tooltip("laag:Q", title="Laagst (mln euro)", format=",.0f"),
                 alt.Tooltip("midden:Q", title="Midden (mln euro)", format=",.0f"),
                 alt.Tooltip("hoog:Q", title="Hoogst (mln euro)", format=",.0f")],
    )
    colour = alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.PRIMARY, charts.SECONDARY]))
    ranges = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("laag:Q", scale=x_scale, axis=charts.value_axis("euro_mln", "Miljoen euro per jaar")), x2="hoog:Q",
        color=colour,
        strokeDash=alt.StrokeDash("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 3]])))
    points = base.mark_point(filled=True, size=90, color="black").encode(
        x="midden:Q",
        shape=alt.Shape("soort:N", title=None, scale=alt.Scale(domain=kinds, range=["square", "circle"])))
    low = base.mark_text(align="right", dx=-6).encode(x="laag:Q", text="laag_tekst:N")
    high = base.mark_text(align="left", dx=6).encode(x="hoog:Q", text="hoog_tekst:N")
    chart = (ranges + points + low + high).properties(
        width=charts.WIDTH, height=HEIGHT_SMALL,
        title=charts.title("Welk macrobudget volgt uit de afgeronde cijfers?",
                           "Balk: alle waarden die de afronding van de gedrukte getallen toelaat; punt: uitkomst met de gedrukte getallen"))
    shown = implied_budgets(chapter.figures)
    return charts.figure(
        chart,
        description=("Liggende balken met de marges van het macrobudget BUIG 2016 zoals dat volgt uit het tekort en het "
                     "percentage, en zoals het volgt uit het macrobudget 2017 en de toename, naast het gedrukte macrobudget 2017, "
                     "de voorlopige raming 2017 en het gemiddelde jaarbudget over 2012 tot en met 2016; de balken van 2016 overlappen."),
        source_line=chapter.source_line(fig.select(chapter.figures, "buig_deficit")),
        table=pd.DataFrame({"Grootheid": shown["grootheid"], "Soort": shown["soort"], "Berekening": shown["berekening"],
                            "Marges": shown["marges"], "Laagst": shown["laag"], "Midden": shown["midden"],
                            "Hoogst": shown["hoog"]}),
        table_formats={"Laagst": lambda v: bound_text(v, 0, "low"), "Midden": 0,
                       "Hoogst": lambda v: bound_text(v, 0, "high")},
    )


def implied_budgets_table(chapter) -> tables.Table:
    """Return the implied macrobudgets with their computation, rounding margins and bounds as a Dutch table."""
    frame = implied_budgets(chapter.figures)
    shown = pd.DataFrame({
        "Grootheid": frame["grootheid"], "Berekening": frame["berekening"], "Afrondingsmarges": frame["marges"],
        "Laagst (mln)": frame["laag"], "Midden (mln)": frame["midden"], "Hoogst (mln)": frame["hoog"],
    })
    return tables.show(shown, {"Laagst (mln)": lambda v: bound_text(v, 0, "low"), "Midden (mln)": 0,
                               "Hoogst (mln)": lambda v: bound_text(v, 0, "high")})


def chart_participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget by target group, with the printed totals and the structural level."""
    parts = participation_budget_parts(chapter.figures)
    long = pd.concat([
        parts.assign(doelgroep=GROUP["klassiek"], bedrag=parts["klassiek"], volgorde=0),
        parts.assign(doelgroep=GROUP["nieuw"], bedrag=parts["nieuw"], volgorde=1),
    ])
    long = long.assign(label=long["doelgroep"].str.split(" ").str[0] + "\n"
                       + [formatting.number(v, 1) for v in long["bedrag"]])
    groups = [GROUP["klassiek"], GROUP["nieuw"]]
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("doelgroep:N", title="Doelgroep"),
                 alt.Tooltip("bedrag:Q", title="Miljoen euro", format=",.3f")],
    )
    bars = base.mark_bar(size=56).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln")),
        color=alt.Color("doelgroep:N", title=None, sort=groups, scale=alt.Scale(domain=groups, range=[charts.PRIMARY, charts.SECONDARY])),
        order=alt.Order("volgorde:Q"),
    )
    inside = base.mark_text(color="white", lineBreak="\n", fontSize=10).encode(
        y=alt.Y("midden:Q"), text="label:N",
    ).transform_stack(stack="bedrag", groupby=["jaar"], sort=[alt.SortField("volgorde")], as_=["onder", "boven"]
                      ).transform_calculate(midden="(datum.onder + datum.boven) / 2")
    totals = alt.Chart(parts.assign(tekst=[f"totaal {formatting.number(v, 3)}" for v in parts["totaal_gedrukt"]])).mark_text(dy=-9).encode(
        x="jaar:N", y="totaal_gedrukt:Q", text="tekst:N")
    structural = fig.row(chapter.figures, "participation_budget", STRUCTURAL, category="totaal")
    level = pd.DataFrame({"niveau": [_mln(chapter.figures, "participation_budget", STRUCTURAL, category="totaal")],
                          "tekst": [f"structureel niveau {formatting.figure_text(chapter.figures, 'participation_budget', STRUCTURAL, category='totaal')} "
                                    "(brief juni 2018; jaar niet genoemd)"]})
    rule = alt.Chart(level).mark_rule(strokeDash=[6, 4], color=charts.PALETTE[4], strokeWidth=1.5).encode(y="niveau:Q")
    rule_text = alt.Chart(level).mark_text(align="left", dy=-8, x=4).encode(y="niveau:Q", text="tekst:N")
    chart = (bars + inside + totals + rule + rule_text).properties(
        width=charts.WIDTH, height=420,
        title=charts.title("Participatiebudget naar doelgroep, 2017–2021",
                           "Miljoen euro volgens de meicirculaire 2017; gestippeld het structurele niveau uit juni 2018"))
    table = pd.DataFrame({"Jaar": parts["jaar"], "Klassieke doelgroep": parts["klassiek"], "Nieuwe doelgroep": parts["nieuw"],
                          "Som": parts["som"], "Totaal (brief)": parts["totaal_gedrukt"]})
    rows = pd.concat([fig.select(chapter.figures, "participation_budget", source_id=JUNE_2017), structural.to_frame().T])
    return charts.figure(
        chart,
        description=(f"Gestapelde staven van het participatiebudget per jaar van {parts['jaar'].iloc[0]} tot en met "
                     f"{parts['jaar'].iloc[-1]}, verdeeld over de klassieke en de nieuwe doelgroep, met het gedrukte totaal "
                     f"boven elke staaf en een gestippelde lijn op het structurele niveau van "
                     f"{formatting.figure_text(chapter.figures, 'participation_budget', STRUCTURAL, category='totaal')} "
                     "dat de brief van juni 2018 noemt."),
        source_line=chapter.source_line(rows),
        table=table, table_formats={c: 3 for c in table.columns if c != "Jaar"},
    )


def participation_budget_table(chapter) -> tables.Table:
    """Return the participatiebudget table's parts against its printed totals, year by year, with the verdict."""
    parts = participation_budget_parts(chapter.figures)
    shown = pd.DataFrame({
        "Jaar": parts["jaar"], "Klassieke doelgroep": parts["klassiek"], "Nieuwe doelgroep": parts["nieuw"],
        "Som van de delen": parts["som"], "Totaal (brief)": parts["totaal_gedrukt"], "Verschil": parts["verschil"],
        "Marge": parts["marge"], "Oordeel": parts["oordeel"].map(VERDICT_TEXT),
    })
    return tables.show(shown, {c: 3 for c in ("Klassieke doelgroep", "Nieuwe doelgroep", "Som van de delen",
                                               "Totaal (brief)", "Verschil", "Marge")})


def chart_target_group_shift(chapter) -> charts.ChartFigure:
    """Return the line of the new target group's share of the participatiebudget per year."""
    frame = target_group_shift(chapter.figures)
    frame = frame.assign(tekst=[formatting.value_text(v, "procent", 1) for v in frame["aandeel_nieuw"]])
    top = frame["aandeel_nieuw"].max()  # NaN when no year has a share (all budgets 0)
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:N", title=None),
        y=alt.Y("aandeel_nieuw:Q", axis=charts.value_axis("procent", "Aandeel nieuwe doelgroep (%)"),
                scale=alt.Scale(domain=[0, float(top) * (1 + LABEL_ROOM)] if pd.notna(top) else alt.Undefined)),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("aandeel_nieuw:Q", title="Aandeel nieuwe doelgroep (%)", format=",.1f"),
                 alt.Tooltip("nieuw:Q", title="Nieuwe doelgroep (mln euro)", format=",.1f"),
                 alt.Tooltip("klassiek:Q", title="Klassieke doelgroep (mln euro)", format=",.1f")],
    )
    chart = (base.mark_line(point=True) + base.mark_text(dy=-11).encode(text="tekst:N")).properties(
        width=charts.WIDTH, height=240,
        title=charts.title("Aandeel van de nieuwe doelgroep in het participatiebudget",
                           "Berekend door het boek uit de tabel van juni 2017 (som van de twee doelgroepen is het geheel)"))
    table = pd.DataFrame({
        "Jaar": frame["jaar"], "Klassiek (mln)": frame["klassiek"], "Nieuw (mln)": frame["nieuw"],
        "Aandeel nieuw (%)": frame["aandeel_nieuw"], "Klassiek t.o.v. eerste jaar (mln)": frame["klassiek_sinds_begin"],
        "Nieuw t.o.v. eerste jaar (mln)": frame["nieuw_sinds_begin"], "Nieuw t.o.v. vorig jaar (mln)": frame["nieuw_groei_jaar"],
    })
    return charts.figure(
        chart,
        description=(f"Lijn met het aandeel van de nieuwe doelgroep in het participatiebudget per jaar, van "
                     f"{frame['tekst'].iloc[0]} in {frame['jaar'].iloc[0]} naar {frame['tekst'].iloc[-1]} in "
                     f"{frame['jaar'].iloc[-1]}."),
        source_line=chapter.source_line(fig.select(chapter.figures, "participation_budget", source_id=JUNE_2017)),
        table=table, table_formats={"Klassiek (mln)": 3, "Nieuw (mln)": 3, "Aandeel nieuw (%)": 1,
                                    "Klassiek t.o.v. eerste jaar (mln)": 3, "Nieuw t.o.v. eerste jaar (mln)": 3,
                                    "Nieuw t.o.v. vorig jaar (mln)": 3},
    )


def structural_table(chapter) -> tables.Table:
    """Return the structural level of re-integration money against the table's last year, as a Dutch table."""
    frame = structural_outlook(chapter.figures)
    factor = frame["sleutel"].str.startswith("factor")
    shown = pd.DataFrame({"Grootheid": frame["grootheid"], "Laagst": frame["laag"], "Midden": frame["midden"],
                          "Hoogst": frame["hoog"], "Eenheid": factor.map({True: "keer", False: "mln euro"})})
    return tables.show(shown, {"Laagst": lambda v: bound_text(v, 1, "low"), "Midden": 1,
                               "Hoogst": lambda v: bound_text(v, 1, "high")})


def benefit_corrections_table(chapter) -> tables.Table:
    """Return the 2017 benefit corrections per level: overpaid per month and in total, per full benefit, July rise."""
    frame = benefit_corrections(chapter.figures)
    months = int(frame["maanden"].max())
    euro = lambda v: formatting.value_text(v, "euro", 2)  # noqa: E731
    shown = pd.DataFrame({
        "Uitkering": frame["uitkering"], "Te veel per maand (brief)": frame["te_veel_per_maand"],
        f"Te veel over {months} maanden": frame["te_veel_periode"],
        "Per maand, omgerekend naar 100%": frame["per_volle_uitkering"],
        "Marge omgerekend": [range_text(Interval(lo, lo, hi), "euro", 3)
                             for lo, hi in zip(frame["per_volle_laag"], frame["per_volle_hoog"])],
        "Stijging per 1 juli (brief)": frame["stijging_juli"],
    })
    return tables.show(shown, {"Te veel per maand (brief)": euro, f"Te veel over {months} maanden": euro,
                               "Per maand, omgerekend naar 100%": euro, "Stijging per 1 juli (brief)": euro})


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures on money and numbers (advances, ESF, budget per person, inflow, recipients)."""
    rows = pd.concat([fig.select(chapter.figures, i) for i in (
        "bijstand_recipients", "asylum_advance_budget", "esf_active_inclusion_budget",
        "reintegration_budget_per_person", "new_target_group_inflow_assumption")])
    categories = {"intensief": "intensieve begeleiding", "overig": "overige nieuwe doelgroep"}
    shown = pd.DataFrame({
        "Indicator": [f"{label} ({categories.get(c, c)})" if isinstance(c, str) else label
                      for label, c in zip(rows["label"], rows["category"])],
        "Periode": rows["period_label"],
        "Waarde": [formatting.value_text(v, u, None, q if isinstance(q, str) else None)
                   for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        "Toelichting": rows["note"],
        "Bron": [f"{chapter.reference(s)}, p. {p}" for s, p in zip(rows["source_id"], rows["page"])],
    })
    return tables.show(shown)
