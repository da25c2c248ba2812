"""De sociale werkvoorziening in cijfers: the charts the chapter shows (`charts.indications(hoofdstuk)` …).

Every public function is one chart of the notebook; it takes the chapter and returns the chart figure.
The words (titles, descriptions, tooltips, legend and category words) are labels of the chapter's label
file (`chapter.label`), the legend words the book shares come from `presentation.labels`.

Every chart draws every period its series has in the data, each kind of value in the book's one look for it
(`charts.kind_look`); a series of two numbers is no chart but a table (`tables.waiting_list` …). Tooltips and
data tables name the letter and page of each value; in a municipal edition they say that a value is the
municipality's own (no letter printed it).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts as house
from ...presentation import labels as shared
from ...presentation import shapes, vocabulary
from . import analysis

# --- helpers (shared with tables.py) ------------------------------------------------------------------------


def _kind_words(chapter) -> dict[str, str]:
    """Return the legend word of each kind of value (printed, expected, computed) in this edition."""
    kinds = chapter.label("kinds")
    if chapter.municipal:
        return {analysis.PRINTED: shared.MUNICIPAL_FIGURE, analysis.COMPUTED: shared.COMPUTED} | {
            analysis.EXPECTED: kinds["municipal_expected"]
        }
    return {analysis.PRINTED: shared.PRINTED, analysis.COMPUTED: shared.COMPUTED, analysis.EXPECTED: kinds["expected"]}


def _kind_texts(chapter, kinds: pd.Series, source_ids: pd.Series) -> pd.Series:
    """Return the legend word of each value: printed, expected or computed, and apart: from a newer letter.

    A value from a letter newer than the chapter's text is drawn apart (NEWER_LETTER), unless we computed it.
    """
    words = kinds.map(_kind_words(chapter))
    newer = chapter.from_newer_letters(pd.DataFrame({"source_id": source_ids.to_numpy()})).to_numpy()
    return words.where(~(newer & (kinds != analysis.COMPUTED).to_numpy()), shared.NEWER_LETTER)


def _source(chapter, frame: pd.DataFrame, texts: list[str]) -> pd.Series:
    """Return the 'Bron' cell per value: where it is printed, and for our computations what they start from."""
    cells = [
        chapter.label("computed_from", where=where) if kind == analysis.COMPUTED else where
        for where, kind in zip(texts, frame["kind"])
    ]
    return pd.Series(cells, index=frame.index)


def _newer_note(chapter, frame: pd.DataFrame) -> str:
    if not (frame["herkomst"] == shared.NEWER_LETTER).any():
        return ""
    return " " + chapter.label("newer_note", legend=shared.NEWER_LETTER)


def _tooltips(words: dict[str, str], formats: dict[str, tuple[str, str]]) -> list[alt.Tooltip]:
    """Return a tooltip per field in `words` (field → title); `formats` gives a field's type and number format."""
    tips = []
    for field, title in words.items():
        kind, number_format = formats.get(field, ("N", None))
        options = {"format": number_format} if number_format else {}
        tips.append(alt.Tooltip(f"{field}:{kind}", title=title, **options))
    return tips


def indications(chapter) -> house.ChartFigure:
    """Return the bars of Wsw-indicaties per year: the totals, and the parts of every year that has them with their sum."""
    rows = analysis.indications(chapter.figures)
    parts = chapter.label("indications.parts")
    frame = pd.DataFrame(
        {
            "jaar": rows["period"],
            "soort": rows["part"].map(parts),
            "indicaties": rows["indications"],
            "herkomst": _kind_texts(chapter, rows["kind"], rows["source_id"]),
            "source_id": rows["source_id"],
            "kind": rows["kind"],
        }
    )
    frame["bron"] = _source(chapter, frame, chapter.where_printed(rows["source_id"], rows["page"]))
    is_total, is_sum = rows["part"] == analysis.TOTAL, rows["part"] == analysis.SUM_OF_PARTS
    newer = frame["herkomst"] == shared.NEWER_LETTER
    frame["staaf"] = [
        chapter.label("indications.bar_total" if total else "indications.bar_parts", year=year)
        for year, total in zip(frame["jaar"], is_total)
    ]
    frame["onderdeel"] = frame["soort"].where(~newer, shared.NEWER_LETTER)
    stack = frame.loc[~is_sum]
    sums = frame.loc[is_sum, "indicaties"].map(lambda n: chapter.label("indications.sum", sum=vocabulary.number(n)))
    texts = pd.concat(
        [
            frame.loc[is_total].assign(tekst=frame.loc[is_total, "indicaties"].map(vocabulary.number)),
            frame.loc[is_sum].assign(tekst=sums),
        ]
    )
    order = list(dict.fromkeys(stack.sort_values(["jaar", "staaf"], ascending=[True, False])["staaf"]))
    colours = {parts[analysis.TOTAL]: house.PRIMARY, parts[analysis.FIRST]: house.SECONDARY}
    colours |= {parts[analysis.REPEAT]: house.PALETTE[2], shared.NEWER_LETTER: house.PALETTE[4]}
    kinds = {word: house.PRINTED for word in list(colours)[:3]} | ({shared.NEWER_LETTER: house.NEWER} if newer.any() else {})
    tooltip = _tooltips(chapter.label("indications.tooltip"), {"indicaties": ("Q", ",.0f")})
    # Room after the longest bar for the longest line of the labels (a sum's label has two).
    room = shapes.text_room(line for text in texts["tekst"] for line in text.split("\n"))
    x = alt.X(
        "indicaties:Q",
        stack="zero",
        axis=house.value_axis("indicaties"),
        scale=shapes.value_scale(texts["indicaties"].max(), room),
    )
    bars = (
        alt.Chart(stack)
        .mark_bar(strokeWidth=1.5)
        .encode(
            y=shapes.row_y("staaf", order),
            x=x,
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
    chart = shapes.bar_rows(bars, labels, name="staaf", order=order).properties(
        width=house.WIDTH,
        title=house.title(chapter.label("indications.title"), chapter.label("indications.subtitle")),
    )
    description = chapter.label(
        "indications.description",
        years=vocabulary.period_labels(frame.loc[is_total, "jaar"]).tolist(),
        parted=vocabulary.period_labels(frame.loc[is_sum, "jaar"]).tolist(),
    )
    return house.figure(
        chart,
        description=description + _newer_note(chapter, frame),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "soort", "indicaties", "herkomst", "bron"]].rename(columns=str.capitalize),
    )
