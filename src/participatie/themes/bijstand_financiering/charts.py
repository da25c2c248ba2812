"""Financiering van bijstand en re-integratie: the charts the notebook shows, one public function each.

Their words are in `chapters/bijstand_financiering.labels.yml` (`chapter.label`). Every chart draws every
period in the data; values from letters newer than the chapter's text are drawn as open bars and named
`labels.NEWER_LETTER`; tooltips and data tables name the letter and page of each value (in a municipal
edition: that the figure is the municipality's own).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, tables, vocabulary
from ...presentation import labels as shared
from . import analysis

HEIGHT_SMALL = 260
LABEL_ROOM = 0.15  # share of a value axis kept free for the labels beside the bars
OPEN = 0.12  # fill opacity of a bar from a newer letter (an open bar)


def _letters_and_pages(chapter, rows: pd.DataFrame) -> list[str]:
    """Return per figure 'letter, p. N' (in a municipal edition: that the figure is the municipality's)."""
    if chapter.municipal:
        return chapter.letters_of(rows["source_id"])
    return tables.letter_pages(rows["source_id"].tolist(), rows["page"].tolist(), chapter.sources)


def _opacity() -> alt.FillOpacityValue:
    return alt.condition("datum.nieuwer", alt.value(OPEN), alt.value(1))


def buig_results(chapter) -> charts.ChartFigure:
    """Return the bars of the yearly results on the macrobudget BUIG (surplus up, deficit down), preliminary marked."""
    rows = analysis.single_year_results(chapter.figures)
    newer = chapter.from_newer_letters(rows).to_numpy()
    words = {"newer_letter": shared.NEWER_LETTER}
    twice = rows["period"].duplicated(keep=False).to_numpy()
    kinds = chapter.label("buig_results.kinds")
    periode = [
        chapter.label(
            "buig_results.bar_period",
            period=vocabulary.period(period),
            preliminary=bool(early),
            twice=bool(both),
            date=vocabulary.long_date(pd.Timestamp(day).date()),
        )
        for period, early, both, day in zip(rows["period"], rows["preliminary"], twice, rows["source_date"])
    ]
    status = [
        chapter.label("buig_results.status", preliminary=bool(early), newer=bool(new), **words)
        for early, new in zip(rows["preliminary"], newer)
    ]
    frame = pd.DataFrame(
        {
            "periode": periode,
            "soort": rows["kind"].map(kinds),
            "resultaat": rows["result"],
            "bedrag": [vocabulary.value_text(r["value"], r["unit"], None, _qualifier(r)) for _, r in rows.iterrows()],
            "aandeel": rows["share"],
            "status": status,
            "nieuwer": newer,
            "brief": _letters_and_pages(chapter, rows),
            "source_id": rows["source_id"],
        }
    )
    frame = frame.assign(
        soort=frame["soort"].where(frame["resultaat"] != 0, kinds["none"]),
        label=(frame["soort"] + " " + frame["bedrag"]).where(frame["resultaat"] != 0, kinds["none"]),
    )
    colours = {kinds["surplus"]: charts.SECONDARY, kinds["deficit"]: charts.PRIMARY, kinds["none"]: charts.MUTED}
    colours = {kind: colour for kind, colour in colours.items() if kind in set(frame["soort"])}
    low, high = min(0.0, float(frame["resultaat"].min())), max(0.0, float(frame["resultaat"].max()))
    pad = max(high - low, 1.0) * LABEL_ROOM
    column = chapter.label("buig_results.columns")
    column = column | {"share": chapter.label("buig_results.columns.share")}  # a template: its words follow the edition
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=frame["periode"].tolist(), title=None, axis=alt.Axis(labelAngle=0, labelLimit=200)),
        y=alt.Y(
            "resultaat:Q",
            axis=charts.value_axis("euro_mln", chapter.label("buig_results.y_title")),
            scale=alt.Scale(domain=[low - pad, high + pad]),
        ),
        tooltip=[
            alt.Tooltip("periode:N", title=column["period"]),
            alt.Tooltip("soort:N", title=column["kind"]),
            alt.Tooltip("bedrag:N", title=column["amount"]),
            alt.Tooltip("status:N", title=column["status"]),
            alt.Tooltip("brief:N", title=column["source"]),
        ],
    )
    bars = base.mark_bar(size=60, strokeWidth=1.5, stroke=charts.PALETTE[4]).encode(
        color=alt.Color("soort:N", title=None, scale=alt.Scale(domain=list(colours), range=list(colours.values()))),
        fillOpacity=_opacity(),
    )
    positive = base.transform_filter("datum.resultaat >= 0").mark_text(dy=-9).encode(text="label:N")
    negative = base.transform_filter("datum.resultaat < 0").mark_text(dy=11).encode(text="label:N")
    zero = alt.Chart(pd.DataFrame({"nul": [0]})).mark_rule(color=charts.PALETTE[4]).encode(y="nul:Q")
    notes = {"preliminary_years": rows.loc[rows["preliminary"], "period"].tolist(), "newer": bool(newer.any()), **words}
    chart = (bars + zero + positive + negative).properties(
        width=charts.WIDTH,
        height=HEIGHT_SMALL,
        title=charts.title(chapter.label("buig_results.title"), chapter.label("buig_results.subtitle", **notes)),
    )
    bars_text = [{"period": p, "label": label} for p, label in zip(frame["periode"], frame["label"])]
    return charts.figure(
        chart,
        description=chapter.label("buig_results.description", bars=bars_text, **notes),
        source_line=chapter.source_line(rows),
        table=pd.DataFrame(
            {
                column["period"]: frame["periode"],
                column["kind"]: frame["soort"],
                column["amount"]: frame["bedrag"],
                column["share"]: frame["aandeel"],
                column["status"]: frame["status"].replace("", vocabulary.MISSING),
                column["source"]: frame["brief"],
            }
        ),
        table_formats={column["share"]: 1},
    )


def _qualifier(row: pd.Series) -> str | None:
    qualifier = row.get("qualifier")
    return qualifier if isinstance(qualifier, str) and qualifier else None


def participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget per target group and year, with the printed totals."""
    parts = analysis.participation_budget_parts(chapter.figures)
    newer = chapter.from_newer_letters(parts).to_numpy()
    sources = _letters_and_pages(chapter, parts)
    groups, short = chapter.label("participation_budget.groups"), chapter.label("participation_budget.groups_short")
    base_frame = parts.assign(nieuwer=newer, brief=sources)
    long = pd.concat(
        [
            base_frame.assign(doelgroep=groups["classic"], kort=short["classic"], bedrag=base_frame["classic"], volgorde=0),
            base_frame.assign(doelgroep=groups["new"], kort=short["new"], bedrag=base_frame["new"], volgorde=1),
        ]
    )[["year", "doelgroep", "kort", "bedrag", "volgorde", "nieuwer", "brief"]].rename(columns={"year": "jaar"})
    long = long.assign(label=long["kort"] + "\n" + [vocabulary.number(v, 1) for v in long["bedrag"]]).drop(columns="kort")
    domain = [groups["classic"], groups["new"]]
    tooltip = chapter.label("participation_budget.tooltip")
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None, axis=alt.Axis(labelAngle=0)),
        tooltip=[
            alt.Tooltip("jaar:N", title=tooltip["year"]),
            alt.Tooltip("doelgroep:N", title=tooltip["group"]),
            alt.Tooltip("bedrag:Q", title=tooltip["amount"], format=",.3f"),
            alt.Tooltip("brief:N", title=tooltip["source"]),
        ],
    )
    bars = base.mark_bar(size=56, stroke=charts.PALETTE[4], strokeWidth=1).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln")),
        color=alt.Color(
            "doelgroep:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=[charts.PRIMARY, charts.SECONDARY])
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
    total_word, sum_word = chapter.label("participation_budget.printed_total"), chapter.label("participation_budget.sum")
    totals_frame = pd.DataFrame(
        {
            "jaar": parts["year"],
            "top": top,
            "tekst": [f"{total_word if p else sum_word} {vocabulary.number(v, 3)}" for p, v in zip(printed, top)],
        }
    )
    totals = alt.Chart(totals_frame).mark_text(dy=-9).encode(x="jaar:N", y="top:Q", text="tekst:N")
    words = {"newer": bool(newer.any()), "newer_letter": shared.NEWER_LETTER, "computed": shared.COMPUTED}
    chart = (bars + inside + totals).properties(
        width=charts.WIDTH,
        height=charts.HEIGHT,
        title=charts.title(
            chapter.label("participation_budget.title"), chapter.label("participation_budget.subtitle", **words)
        ),
    )
    columns = {key: chapter.label(f"participation_budget.columns.{key}", **words) for key in ("total", "sum")}
    table = pd.DataFrame(
        {
            chapter.label("participation_budget.columns.year"): parts["year"],
            chapter.label("participation_budget.columns.classic"): parts["classic"],
            chapter.label("participation_budget.columns.new"): parts["new"],
            columns["total"]: parts["printed_total"],
            columns["sum"]: parts["sum"],
            chapter.label("participation_budget.columns.source"): sources,
        }
    )
    amounts = [chapter.label(f"participation_budget.columns.{key}") for key in ("classic", "new")] + list(columns.values())
    return charts.figure(
        chart,
        description=chapter.label("participation_budget.description", **words),
        source_line=chapter.source_line(parts),
        table=table,
        table_formats=dict.fromkeys(amounts, 3),
    )
