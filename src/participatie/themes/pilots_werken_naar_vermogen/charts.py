"""Pilots Werken naar Vermogen: the timeline of the policy path, as a chart.

One column per strand; an event dated to the day is a circle, to the month a square over a thin line, to
the year a bar (no point claims a day the letters do not give). Key milestones are large, outlined and
labelled to the right; announced plans are open or dashed, events from letters newer than the text get a
ring. On a phone the label column gives way (the labels are in the table and the description).
"""

import textwrap
from datetime import date, timedelta

import altair as alt
import pandas as pd

from ...presentation import charts, shapes, vocabulary
from ...presentation.labels import NEWER_LETTER
from . import analysis

# Layout, in units of the x scale (one unit per strand) and in days on the time axis.
SLOT_STEP = 0.13  # horizontal step between events that would otherwise overlap within a strand
SLOT_GAP_DAYS = 50  # events closer than this (about eight pixels) share no column within a strand
LABEL_X = len(analysis.LANE_CODES) + 0.1  # where the milestone labels start, right of the strands
X_MAX = LABEL_X + 6.2
PIXELS_PER_YEAR = 60
LINE_DAYS = 95  # the height of one line of label text (about 15 pixels) in days
LABEL_CHARACTERS = 52  # a label longer than this breaks over lines
NARROW = 560  # below this width (in pixels) the chart drops its label column
PRECISION_SHAPE = {"day": "circle", "month": "square", "year": "M-0.3,-1.4H0.3V1.4H-0.3Z"}  # a bar for a year
INK, GREY = "#0b0c0c", "#6f777b"


def _letters_text(pairs, letters: dict) -> str:
    """Return the letters and pages an event comes from: 'reference, p. N; reference, p. M'."""
    pages: dict[str, list[int]] = {}
    for source_id, page in pairs:
        pages.setdefault(source_id, []).append(int(page))
    return "; ".join(f"{vocabulary.source_reference(letters[s])}, {vocabulary.pages_text(p)}" for s, p in pages.items())


def _remarks(words: dict, announced: bool, dated_by_book: bool, newer: bool) -> str:
    """Return the remarks on an event for the tooltip and table (aangekondigd plan; eigen datering; nieuwere brief)."""
    remarks = ((announced, words["announced"]), (dated_by_book, words["dated_by_book"]), (newer, NEWER_LETTER))
    return "; ".join(text for applies, text in remarks if applies)


def _slots(frame: pd.DataFrame) -> pd.Series:
    """Return each event's column in its strand: the first whose last event ended over SLOT_GAP_DAYS before, or a new one."""
    slot = pd.Series(0, index=frame.index)
    for _, group in frame.groupby("lane", sort=False):
        ends = {}  # column: the end of its last event
        for index, row in group.sort_values(["start", "end"], kind="stable").iterrows():
            free = next((i for i, end in ends.items() if (row["start"] - end).days > SLOT_GAP_DAYS), len(ends))
            ends[free] = row["end"]
            slot[index] = free
    return slot


def _rows(chapter) -> pd.DataFrame:
    """Return the timeline as the chart draws it: Dutch date, strand, milestone and letter texts, and each event's x."""
    frame = analysis.timeline(chapter.table("policy_timeline"), chapter.sources)
    words, letters = chapter.labels, chapter.finder.letters
    newer = chapter.from_newer_letters(frame.assign(source_id=frame["newest_source_id"])).to_numpy()
    slot = _slots(frame)
    return pd.DataFrame(
        {
            "precision": frame["precision"],
            "begin": frame["start"],
            "eind": frame["end"],
            "anker": frame["anchor"],
            "datum_tekst": [vocabulary.date_at(d, p) for d, p in zip(frame["date"], frame["precision"])],
            "nauwkeurigheid": frame["precision"].map(words["precision"]),
            "spoor": frame["lane"].map(words["lane"]),
            "slot": slot,
            "x": frame["lane"].map(analysis.LANE_CODES.index) + SLOT_STEP * slot,
            "kernmoment": frame["milestone"],
            "kernlabel": frame["event_code"].map(words["milestone"]),
            "aangekondigd": frame["announced"],
            "eigen_datering": frame["dated_by_book"],
            "nieuwer": newer,
            "gebeurtenis": frame["event"],
            "bron": [_letters_text(pairs, letters) for pairs in frame["sources"]],
            "opmerking": [_remarks(words["remark"], *r) for r in zip(frame["announced"], frame["dated_by_book"], newer)],
            "sources": frame["sources"],
        }
    )


def _milestone_labels(rows: pd.DataFrame, own_dating: str) -> pd.DataFrame:
    """Return one label per milestone day (a day's labels joined), each at its anchor or lower, so none overlap.

    `own_dating` marks a date that is ours; `regels` is the label broken into lines.
    """
    marked = rows.loc[rows["kernmoment"]]
    own = marked["eigen_datering"].map({True: f" ({own_dating})", False: ""})
    labels = (
        marked.assign(datum_label=marked["datum_tekst"] + own)
        .groupby("anker", sort=True)
        .agg(
            datum_tekst=("datum_label", "first"),
            x=("x", "max"),
            label=("kernlabel", lambda s: "; ".join(dict.fromkeys(s))),
            events=("kernlabel", "size"),
        )
        .reset_index()
    )
    labels["tekst"] = labels["datum_tekst"] + " – " + labels["label"].str[:1].str.upper() + labels["label"].str[1:]
    labels["regels"] = [
        ";\n".join("\n".join(textwrap.wrap(part, LABEL_CHARACTERS)) for part in text.split("; ")) for text in labels["tekst"]
    ]
    places, below = [], date.min  # each label starts below the one above it
    for anchor, text in zip(labels["anker"], labels["regels"]):
        places.append(max(anchor, below))
        below = places[-1] + timedelta(days=LINE_DAYS * (text.count("\n") + 1))
    return labels.assign(label_at=places, label_x=LABEL_X)


# Columns of the rows the chart's encodings never read: they stay out of the page's specification.
UNPLOTTED = ["kernlabel", "sources", "slot", "eigen_datering"]
# The column of the rows under each heading of the tooltip and of the table (the label files' keys).
COLUMNS = {
    "date": "datum_tekst",
    "event": "gebeurtenis",
    "lane": "spoor",
    "source": "bron",
    "precision": "nauwkeurigheid",
    "remark": "opmerking",
    "milestone": "kernmoment",
}


def timeline(chapter) -> charts.ChartFigure:
    """Return the vertical timeline of the policy path: every event in its strand, key milestones labelled."""
    words = chapter.labels
    frame = _rows(chapter)
    labels = _milestone_labels(frame, words["own_dating"])
    lanes = [words["lane"][code] for code in analysis.LANE_CODES]
    first_year, last_year = min(d.year for d in frame["begin"]), max(d.year for d in frame["eind"])
    y_scale = alt.Scale(domain=[f"{first_year}-01-01", f"{last_year + 1}-01-01"], reverse=True)
    wide = f"width >= {NARROW}"
    kind_of = {True: words["milestone_kind"]["milestone"], False: words["milestone_kind"]["other"]}
    looks = shapes.kind_colours(
        [charts.ESTIMATE if a else charts.PRINTED for a in frame["aangekondigd"]],
        frame["spoor"].map(dict(zip(lanes, charts.PALETTE))),
    )
    # The dates go into the page as ISO text ("2015-01-01"), which Vega-Lite reads as dates.
    plotted = frame.assign(kern=frame["kernmoment"].map(kind_of), **looks).drop(columns=UNPLOTTED)
    plotted = plotted.astype(dict.fromkeys(["begin", "eind", "anker"], str))
    y_axis = alt.Axis(
        format="%Y",
        tickCount={"interval": "year", "step": 1},
        grid=True,
        labelFontSize=11,
        labelBaseline="top",
        labelOffset=3,
    )
    long_names, short_names = (
        " : ".join(f"datum.value == {i} ? {name!r}" for i, name in enumerate(names)) + " : ''"
        for names in (lanes, [words["lane_short"][code] for code in analysis.LANE_CODES])
    )
    x_axis = alt.Axis(
        title=None,
        orient="top",
        values=list(range(len(lanes))),
        grid=False,
        domain=False,
        ticks=False,
        labelAngle=alt.ExprRef(expr=f"{wide} ? -35 : 0"),
        labelAlign="left",
        labelBaseline="bottom",
        labelLimit=0,
        labelFontSize=11,
        labelOverlap=False,
        labelExpr=f"{wide} ? ({long_names}) : ({short_names})",
    )
    narrow_end = round(max(len(lanes) - 0.3, float(frame["x"].max()) + 0.2), 2)
    x_domain = alt.ExprRef(expr=f"{wide} ? [-0.3, {X_MAX}] : [-0.3, {narrow_end}]")
    x = alt.X("x:Q", axis=x_axis, scale=alt.Scale(domain=x_domain, nice=False, zero=False))
    colour = alt.Color("spoor:N", legend=None, scale=alt.Scale(domain=lanes, range=charts.PALETTE[: len(lanes)]))
    tips = words["timeline"]["tooltip"]
    tooltip = [
        alt.Tooltip(f"{COLUMNS[k]}:N", title=tips[k]) for k in ("date", "event", "lane", "source", "precision", "remark")
    ]
    base = alt.Chart(plotted)
    span = {"x": x, "y": alt.Y("begin:T", title=None, scale=y_scale, axis=y_axis), "y2": "eind:T"}
    years = base.transform_filter("datum.precision == 'year'")
    outline = years.transform_filter("datum.kernmoment").mark_rule(strokeWidth=9, color=INK).encode(**span)
    bars = years.mark_rule(strokeWidth=5).encode(
        **span,
        color=colour,
        strokeDash=alt.StrokeDash(
            "aangekondigd:N", legend=None, scale=alt.Scale(domain=[False, True], range=[charts.SOLID, charts.DOTTED])
        ),
        tooltip=tooltip,
    )
    months = (
        base.transform_filter("datum.precision == 'month'")
        .mark_rule(strokeWidth=2, opacity=0.45)
        .encode(**span, color=colour, tooltip=tooltip)
    )
    precision_words = [words["precision"][p] for p in analysis.PRECISIONS]
    shape = alt.Shape(
        "nauwkeurigheid:N",
        title=tips["precision"],
        sort=precision_words,
        scale=alt.Scale(domain=precision_words, range=[PRECISION_SHAPE[p] for p in analysis.PRECISIONS]),
    )
    kinds = list(kind_of.values())
    at = {"x": x, "y": alt.Y("anker:T", scale=y_scale)}
    dated = base.transform_filter("datum.precision != 'year'")
    points = (
        dated.transform_filter("!datum.aangekondigd")
        .mark_point(filled=True, opacity=0.9, strokeWidth=1)
        .encode(
            **at,
            color=colour,
            shape=shape,
            size=alt.Size("kern:N", legend=None, scale=alt.Scale(domain=kinds, range=[150, 45])),
            stroke=alt.Stroke("kern:N", legend=None, scale=alt.Scale(domain=kinds, range=[INK, "#ffffff"])),
            tooltip=tooltip,
        )
    )
    # An announced plan is the letter's own expectation (charts.ESTIMATE): a light tint of its strand's colour,
    # outlined dotted; an event from a newer letter (charts.NEWER) gets an open ring.
    open_points = (
        dated.transform_filter("datum.aangekondigd")
        .mark_point(filled=True, strokeWidth=2, size=60, strokeDash=charts.DOTTED)
        .encode(
            **at,
            fill=alt.Fill("vulling:N", scale=None),
            stroke=alt.Stroke("lijn:N", scale=None),
            shape=shape,
            tooltip=tooltip,
        )
    )
    rings = (
        base.transform_filter("datum.nieuwer")
        .mark_point(shape="circle", filled=False, size=420, strokeWidth=1.5, color=INK)
        .encode(**at, tooltip=tooltip)
    )
    # On a narrow chart the label column gives way: its rows are filtered out (not hidden), so that they take no room.
    label_rows = alt.Chart(labels.astype(dict.fromkeys(["anker", "label_at"], str))).transform_filter(wide)
    leaders = label_rows.mark_rule(color=GREY, strokeWidth=1, opacity=0.6).encode(
        x="x:Q", x2="label_x:Q", y=alt.Y("anker:T", scale=y_scale), y2="label_at:T"
    )
    texts = label_rows.mark_text(align="left", baseline="top", dx=4, dy=-7, fontSize=11.5, lineBreak="\n").encode(
        x=alt.X("label_x:Q"),
        y=alt.Y("label_at:T", scale=y_scale),
        text="regels:N",
        tooltip=[alt.Tooltip("tekst:N", title=tips["milestone"])],
    )
    layers = alt.layer(outline, bars, months, leaders, points, open_points, rings, texts)
    chart = layers.resolve_scale(fill="independent", stroke="independent")
    heads = words["timeline"]["table"]
    rows = pd.DataFrame({"source_id": [s for pairs in frame["sources"] for s, _ in pairs]})
    table = pd.DataFrame({heads[k]: frame[COLUMNS[k]] for k in ("date", "lane", "milestone", "event", "source", "remark")})
    return shapes.labelled_chart(
        chapter,
        "timeline",
        chart,
        rows,
        table,
        height=PIXELS_PER_YEAR * (last_year + 1 - first_year),
        first_year=str(first_year),
        last_year=str(last_year),
        events=len(frame),
        lanes=lanes,
        announced=int(frame["aangekondigd"].sum()),
        newer=int(frame["nieuwer"].sum()),
        milestones=int(frame["kernmoment"].sum()),
        labels=list(labels["tekst"]),
    )
