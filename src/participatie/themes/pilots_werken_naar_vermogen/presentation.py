"""Pilots Werken naar Vermogen: the chapter's tables and its timeline chart.

The analysis gives codes; their Dutch names and the theme's texts come from `.labels`, the letter
references from `presentation.references`.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from ...presentation import charts, references, tables
from .analysis import (
    LANE_CODES,
    PRECISIONS,
    differing_accounts,
    findings_by_topic,
    pilots_overview,
    timeline,
)
from .labels import (
    LANE_TEXT,
    MATTER_TEXT,
    MILESTONE_KIND_TEXT,
    MILESTONE_TEXT,
    PRECISION_SHAPE,
    PRECISION_TEXT,
    TOPIC_TEXT,
    date_text,
    number_word,
    pages_text,
    pilots_text,
    scale_text,
)

# Layout of the timeline chart (in units of the x scale: one unit per strand).
SLOT_STEP = 0.13  # horizontal step between events that would otherwise overlap within a strand
SLOT_GAP_DAYS = 50  # events closer than this (about eight pixels) share no column within a strand
LABEL_X = len(LANE_CODES) + 0.1  # where the milestone labels start, right of the strands
X_MAX = LABEL_X + 6.2


# --- tables -----------------------------------------------------------------------------------


def pilots_table(chapter) -> tables.Table:
    """Return the four pilots as a Dutch table, one block per pilot: aim, period, scale, findings and source pages.

    The table is long (one row per item of a pilot) rather than wide, so that the long texts of aim
    and findings keep a readable column width on the page.
    """
    frame = pilots_overview(chapter.table("pilots"), chapter.table("pilots_findings"))
    single_letter = frame["source_id"].nunique() == 1
    pages = [
        f"p. {page}" + (f"; bevindingen {pages_text(found)}" if found else "")
        for page, found in zip(frame["page"], frame["finding_pages"])
    ]
    shown = frame.assign(
        periode=[f"{start}–{end}" for start, end in zip(frame["period_start"], frame["period_end"])],
        schaal=[scale_text(v, u) for v, u in zip(frame["scale_value"], frame["scale_unit"])],
        bron=pages if single_letter else [f"{chapter.reference(s)}, {p}" for s, p in zip(frame["source_id"], pages)],
    )
    items = (
        ("Doel", "aim"),
        ("Periode", "periode"),
        ("Schaal", "schaal"),
        ("Belangrijkste bevindingen", "findings"),
        ("Bron", "bron"),
    )
    rows = [
        {"Pilot": f"{pilot['pilot']}. {pilot['name']}" if i == 0 else "", "Onderdeel": item, "Inhoud": pilot[column]}
        for _, pilot in shown.iterrows()
        for i, (item, column) in enumerate(items)
    ]
    return tables.show(pd.DataFrame(rows), caption=chapter.source_line(frame) if single_letter else None)


def findings_table(chapter) -> tables.Table:
    """Return the pilots' findings grouped by topic (each topic named once), with pilots and page."""
    frame = findings_by_topic(chapter.table("pilots_findings"), chapter.table("pilots"))
    topic = frame["topic"].map(TOPIC_TEXT)
    single_letter = frame["source_id"].nunique() == 1
    source = (
        [f"p. {int(p)}" for p in frame["page"]]
        if single_letter
        else references.letter_page(frame["source_id"], frame["page"], chapter.sources)
    )
    shown = pd.DataFrame(
        {
            "Onderwerp": topic.where(~topic.duplicated(), ""),
            "Bevinding": frame["finding"],
            "Pilot": [pilots_text(n, a) for n, a in zip(frame["pilots"], frame["all_pilots"])],
            "Bron": source,
        }
    )
    return tables.show(shown, caption=chapter.source_line(frame) if single_letter else None)


def differing_accounts_table(chapter) -> tables.Table:
    """Return the matters on which the letters tell the story differently, their versions side by side."""
    frame = differing_accounts(chapter.table("policy_timeline"), chapter.sources)
    matter = frame["matter"].map(MATTER_TEXT)
    shown = pd.DataFrame(
        {
            "Kwestie": matter.where(~matter.duplicated(), ""),
            "Brief": references.references(frame["source_id"].tolist(), chapter.sources),
            "Pagina": frame["page"],
            "Gedateerd": [date_text(d, p) for d, p in zip(frame["date"], frame["precision"])],
            "Wat de brief zegt (samengevat)": frame["event"],
        }
    )
    return tables.show(shown, {"Pagina": lambda v: str(int(v))})


# --- the timeline -----------------------------------------------------------------------------


def slots(frame: pd.DataFrame) -> pd.Series:
    """Return the column within its strand of each event, so that no two overlapping events share one.

    An event takes the first column of its strand whose last event ended more than SLOT_GAP_DAYS
    before it starts, or a new column.
    """
    slot = pd.Series(0, index=frame.index)
    for _, group in frame.groupby("lane", sort=False):
        ends: list[date] = []
        for index, row in group.sort_values(["start", "end"], kind="stable").iterrows():
            free = next((i for i, end in enumerate(ends) if (row["start"] - end).days > SLOT_GAP_DAYS), None)
            if free is None:
                ends.append(row["end"])
                free = len(ends) - 1
            else:
                ends[free] = row["end"]
            slot[index] = free
    return slot


def timeline_rows(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the timeline as the chart draws it: Dutch date, strand, milestone and letter texts, and each event's x."""
    frame = timeline(events)
    lane_number = frame["lane"].map({code: i for i, code in enumerate(LANE_CODES)})
    slot = slots(frame)
    return pd.DataFrame(
        {
            "date": frame["date"],
            "precision": frame["precision"],
            "datum": frame["plotted"],
            "begin": frame["start"],
            "eind": frame["end"],
            "datum_tekst": [date_text(d, p) for d, p in zip(frame["date"], frame["precision"])],
            "nauwkeurigheid": frame["precision"].map(PRECISION_TEXT),
            "spoor": frame["lane"].map(LANE_TEXT),
            "spoor_nr": lane_number,
            "slot": slot,
            "x": lane_number + SLOT_STEP * slot,
            "kernmoment": frame["is_milestone"],
            "kernlabel": frame["milestone"].map(MILESTONE_TEXT),
            "gebeurtenis": frame["event"],
            "source_id": frame["source_id"],
            "page": frame["page"],
            "section": frame["section"],
            "bron": references.letter_page(frame["source_id"], frame["page"], sources),
        }
    )


def milestone_labels(rows: pd.DataFrame) -> pd.DataFrame:
    """Return one label per milestone date (labels of the same day joined), for the chart's right-hand column.

    `rows` is `timeline_rows`. `tekst` is the label on one line; `regels` breaks it after each joined
    label, so that a day with two milestones fits the column beside the strands.
    """
    marked = rows.loc[rows["kernmoment"]]
    return (
        marked.groupby("datum", sort=True)
        .agg(
            datum_tekst=("datum_tekst", "first"), x=("x", "max"), label=("kernlabel", lambda s: "; ".join(dict.fromkeys(s)))
        )
        .reset_index()
        .assign(
            tekst=lambda f: f["datum_tekst"] + " – " + f["label"].str[:1].str.upper() + f["label"].str[1:],
            regels=lambda f: f["tekst"].str.replace("; ", ";\n", regex=False),
            label_x=LABEL_X,
        )
    )


def chart_timeline(chapter) -> charts.ChartFigure:
    """Return the vertical timeline of the policy path: every event as a point by strand, key milestones labelled."""
    frame = timeline_rows(chapter.table("policy_timeline"), chapter.sources)
    labels = milestone_labels(frame)
    lanes = [LANE_TEXT[code] for code in LANE_CODES]
    first_year, last_year = int(frame["datum"].dt.year.min()), int(frame["datum"].dt.year.max())
    y_domain = [f"{first_year}-01-01", f"{last_year + 1}-01-01"]
    kinds = list(MILESTONE_KIND_TEXT.values())
    plotted = frame.assign(
        datum=frame["datum"].dt.strftime("%Y-%m-%d"),
        begin=frame["begin"].astype(str),
        eind=frame["eind"].astype(str),
        kern=frame["kernmoment"].map(MILESTONE_KIND_TEXT),
    ).drop(columns=["kernlabel"])
    y = alt.Y(
        "datum:T",
        title=None,
        scale=alt.Scale(domain=y_domain, reverse=True),
        axis=alt.Axis(
            format="%Y",
            tickCount={"interval": "year", "step": 1},
            grid=True,
            labelFontSize=11,
            labelBaseline="top",
            labelOffset=3,
        ),
    )
    x_axis = alt.Axis(
        title=None,
        orient="top",
        values=list(range(len(lanes))),
        grid=False,
        domain=False,
        ticks=False,
        labelAngle=-35,
        labelAlign="left",
        labelBaseline="bottom",
        labelLimit=260,
        labelFontSize=11,
        labelOverlap=False,
        labelExpr=" : ".join(f"datum.value == {i} ? {lane!r}" for i, lane in enumerate(lanes)) + " : ''",
    )
    x = alt.X("x:Q", axis=x_axis, scale=alt.Scale(domain=[-0.3, X_MAX], nice=False, zero=False))
    colour = alt.Color(
        "spoor:N", title="Spoor", legend=None, scale=alt.Scale(domain=lanes, range=charts.PALETTE[: len(lanes)])
    )
    tooltip = [
        alt.Tooltip("datum_tekst:N", title="Datum"),
        alt.Tooltip("gebeurtenis:N", title="Gebeurtenis"),
        alt.Tooltip("spoor:N", title="Spoor"),
        alt.Tooltip("bron:N", title="Bron"),
        alt.Tooltip("nauwkeurigheid:N", title="Datum bekend tot op"),
    ]
    spans = (
        alt.Chart(plotted)
        .transform_filter("datum.precision != 'day'")
        .mark_rule(strokeWidth=2, opacity=0.45)
        .encode(
            x=x,
            y=alt.Y("begin:T", scale=alt.Scale(domain=y_domain, reverse=True)),
            y2="eind:T",
            color=colour,
            tooltip=tooltip,
        )
    )
    shapes = [PRECISION_TEXT[p] for p in PRECISIONS]
    points = (
        alt.Chart(plotted)
        .mark_point(filled=True, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(
                "nauwkeurigheid:N",
                title="Datum bekend tot op",
                sort=shapes,
                scale=alt.Scale(domain=shapes, range=[PRECISION_SHAPE[p] for p in PRECISIONS]),
            ),
            size=alt.Size("kern:N", legend=None, scale=alt.Scale(domain=kinds, range=[150, 45])),
            stroke=alt.Stroke("kern:N", legend=None, scale=alt.Scale(domain=kinds, range=["#0b0c0c", "#ffffff"])),
            strokeWidth=alt.value(1),
            tooltip=tooltip,
        )
    )
    label_rows = labels.assign(datum=labels["datum"].dt.strftime("%Y-%m-%d"))
    leaders = (
        alt.Chart(label_rows)
        .mark_rule(strokeDash=[2, 3], color="#6f777b", strokeWidth=1)
        .encode(x="x:Q", x2="label_x:Q", y="datum:T")
    )
    texts = (
        alt.Chart(label_rows)
        .mark_text(align="left", baseline="top", dx=4, dy=-7, fontSize=11.5, lineBreak="\n")
        .encode(
            x=alt.X("label_x:Q"), y=alt.Y("datum:T"), text="regels:N", tooltip=[alt.Tooltip("tekst:N", title="Kernmoment")]
        )
    )
    chart = alt.layer(spans, leaders, points, texts).properties(
        width=charts.WIDTH,
        height=60 * (last_year + 1 - first_year),
        title=charts.title(
            "Van de pilots naar het breed offensief",
            "Beleidsgebeurtenissen die de brieven noemen, per spoor; kernmomenten gelabeld",
        ),
    )
    table = pd.DataFrame(
        {
            "Datum": frame["datum_tekst"],
            "Spoor": frame["spoor"],
            "Kernmoment": frame["kernmoment"],
            "Gebeurtenis": frame["gebeurtenis"],
            "Bron": frame["bron"],
        }
    )
    return charts.figure(
        chart,
        description=(
            f"Verticale tijdlijn van {first_year} tot en met {last_year} met {len(frame)} beleidsgebeurtenissen "
            f"uit de brieven als punten in {number_word(len(lanes))} kolommen, één per spoor: {', '.join(lanes)}. "
            "De vorm van een punt zegt hoe precies de brief de datum geeft (dag, maand of alleen jaar; "
            "een streep toont dan de hele maand of het hele jaar). "
            "Grote omrande punten zijn kernmomenten, rechts met datum en omschrijving gelabeld: "
            + "; ".join(labels["tekst"])
            + "."
        ),
        source_line=chapter.source_line(frame),
        table=table,
    )
