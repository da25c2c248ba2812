"""De sociale werkvoorziening in cijfers: the charts the chapter shows (`charts.indications(hoofdstuk)`).

Every public function is one chart of the notebook: it takes the chapter and returns the chart figure, with the
words of the chapter's label file (`chapter.label`) and of `presentation.labels`. A series of two numbers is no
chart but a table (tables.py). Tooltips and data tables name the letter and page of each value; in a municipal
edition they say that a value is the municipality's own.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts as house
from ...presentation import labels as shared
from ...presentation import shapes, vocabulary
from . import analysis

# --- helpers (shared with tables.py) ------------------------------------------------------------------------


def _kind_texts(chapter, rows: pd.DataFrame) -> pd.Series:
    """Return each value's legend word: printed, expected or computed, or NEWER_LETTER if a newer letter printed it."""
    expected = chapter.label("kinds")["municipal_expected" if chapter.municipal else "expected"]
    words = {**shapes.kind_words(chapter), analysis.EXPECTED: expected}
    newer = chapter.from_newer_letters(rows).to_numpy() & (rows["kind"] != analysis.COMPUTED).to_numpy()
    return shapes.kind_texts(rows["kind"], words, newer)


def _source(chapter, rows: pd.DataFrame) -> list[str]:
    """Return the 'Bron' cell per value: where it is printed, and for our computations what they start from."""
    texts = chapter.where_printed(rows["source_id"], rows["page"])
    return [
        chapter.label("computed_from", where=where) if kind == analysis.COMPUTED else where
        for where, kind in zip(texts, rows["kind"])
    ]


def indications(chapter) -> house.ChartFigure:
    """Return the bars of Wsw-indicaties per year: the totals, and the parts of every year that has them with their sum."""
    rows = analysis.indications(chapter.figures)
    parts = chapter.label("indications.parts")
    frame = pd.DataFrame(
        {
            "jaar": rows["period"],
            "soort": rows["part"].map(parts),
            "indicaties": rows["indications"],
            "herkomst": _kind_texts(chapter, rows),
            "source_id": rows["source_id"],
            "kind": rows["kind"],
            "bron": _source(chapter, rows),
        }
    )
    is_total, is_sum = rows["part"] == analysis.TOTAL, rows["part"] == analysis.SUM_OF_PARTS
    newer = frame["herkomst"] == shared.NEWER_LETTER
    frame["staaf"] = [
        chapter.label("indications.bar_total" if total else "indications.bar_parts", year=year)
        for year, total in zip(frame["jaar"], is_total)
    ]
    frame["onderdeel"] = frame["soort"].where(~newer, shared.NEWER_LETTER)
    stack = frame.loc[~is_sum]
    totals = frame.loc[is_total].assign(tekst=lambda f: f["indicaties"].map(vocabulary.number))
    sums = frame.loc[is_sum].assign(
        tekst=lambda f: [chapter.label("indications.sum", sum=vocabulary.number(n)) for n in f["indicaties"]]
    )
    texts = pd.concat([totals, sums])
    order = list(dict.fromkeys(stack.sort_values(["jaar", "staaf"], ascending=[True, False])["staaf"]))
    colours = {parts[analysis.TOTAL]: house.PRIMARY, parts[analysis.FIRST]: house.SECONDARY}
    colours |= {parts[analysis.REPEAT]: house.PALETTE[2], shared.NEWER_LETTER: house.PALETTE[4]}
    kinds = {word: house.PRINTED for word in list(colours)[:3]} | ({shared.NEWER_LETTER: house.NEWER} if newer.any() else {})
    titles = chapter.label("indications.tooltip")
    tooltip = shapes.tooltips(titles, [f"{f}:Q" if f == "indicaties" else f"{f}:N" for f in titles])
    # Room after the longest bar for the longest line of the labels (a sum's label has two).
    room = shapes.text_room(line for text in texts["tekst"] for line in text.split("\n"))
    bars = (
        alt.Chart(stack)
        .mark_bar(strokeWidth=1.5)
        .encode(
            y=shapes.row_y("staaf", order),
            x=alt.X(
                "indicaties:Q",
                stack="zero",
                axis=house.value_axis("indicaties"),
                scale=shapes.value_scale(texts["indicaties"].max(), room),
            ),
            **house.kind_look("onderdeel", kinds, colours),
            order=alt.Order("onderdeel:N", sort="ascending"),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(texts)
        .mark_text(align="left", dx=6, lineBreak="\n")
        .encode(y=shapes.row_y("staaf", order), x=alt.X("indicaties:Q"), text="tekst:N", tooltip=tooltip)
    )
    chart = shapes.bar_rows(bars, labels, name="staaf", order=order)
    years, parted = (vocabulary.period_labels(frame.loc[part, "jaar"]).tolist() for part in (is_total, is_sum))
    note = " " + chapter.label("newer_note", legend=shared.NEWER_LETTER) if newer.any() else ""
    table = frame[["jaar", "soort", "indicaties", "herkomst", "bron"]].rename(columns=str.capitalize)
    return shapes.labelled_chart(chapter, "indications", chart, frame, table, note=note, years=years, parted=parted)
