"""De sociale werkvoorziening in cijfers: the charts the chapter shows (`charts.indications(hoofdstuk)` …).

Every public function is one chart of the notebook; it takes the chapter and returns the chart figure.
The words (titles, descriptions, tooltips, legend and category words) are labels of the chapter's label
file (`chapter.label`), the legend words the book shares come from `presentation.labels`.

Every chart draws every period its series has in the data. Printed figures are solid, our computations
grey and dashed, and values from a letter newer than the chapter's text (or expectations) open, so that a
reader never takes one for the other. Tooltips and data tables name the letter and page of each value;
in a municipal edition they say that a value is the municipality's own (no letter printed it).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts as house
from ...presentation import labels as shared
from ...presentation import tables, vocabulary
from . import analysis

_OPEN = "#FFFFFF"  # the fill of an open bar or point: an expectation, or a value from a newer letter
_PRINTED_KINDS = (shared.PRINTED, shared.MUNICIPAL_FIGURE)


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


def _legend_order(chapter, texts: pd.Series) -> list[str]:
    """Return the legend words that occur, in the house order (printed first, our computations last)."""
    kinds = chapter.label("kinds")
    order = [*_PRINTED_KINDS, kinds["expected"], kinds["municipal_expected"], shared.NEWER_LETTER, shared.COMPUTED]
    present = set(texts)
    return [word for word in order if word in present]


def _fills(domain: list[str]) -> list[str]:
    """Return the fill of each legend word: printed solid, computed grey, the others open."""
    fill = {shared.COMPUTED: house.MUTED} | {word: house.PRIMARY for word in _PRINTED_KINDS}
    return [fill.get(word, _OPEN) for word in domain]


def _where_printed(chapter, source_ids, pages) -> list[str]:
    """Return per value the letter and page that print it, or in a municipal edition that it is the municipality's."""
    source_ids, pages = list(source_ids), list(pages)
    if chapter.municipal:
        return chapter.letters_of(source_ids)
    return tables.letter_pages(source_ids, pages, chapter.sources)


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


def _printed_decimals(values: pd.Series) -> int:
    """Return the decimals of the most precise value (34 → 0, 24,1 → 1): a table shows no precision a letter lacks."""
    texts = [f"{abs(float(v)):.6f}".rstrip("0").rstrip(".") for v in values if pd.notna(v)]
    return max((len(t.split(".")[1]) if "." in t else 0 for t in texts), default=0)


def _tooltips(words: dict[str, str], formats: dict[str, tuple[str, str]]) -> list[alt.Tooltip]:
    """Return a tooltip per field in `words` (field → title); `formats` gives a field's type and number format."""
    tips = []
    for field, title in words.items():
        kind, number_format = formats.get(field, ("N", None))
        options = {"format": number_format} if number_format else {}
        tips.append(alt.Tooltip(f"{field}:{kind}", title=title, **options))
    return tips


def _styles(chapter, field: str, domain: list[str]) -> dict:
    """Return the encodings of the kinds in `domain`: printed solid, computed grey and dashed, others open."""
    dashes = [[4, 3] if d == shared.COMPUTED else [1, 0] for d in domain]
    return {
        "color": alt.Color(f"{field}:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=_fills(domain))),
        "strokeDash": alt.StrokeDash(f"{field}:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=dashes)),
        "stroke": alt.value(house.PALETTE[4]),
    }


def _bars(chapter, frame: pd.DataFrame, *, x: alt.X, y: alt.Y, tooltip: list, label_format: str = ",.0f"):
    """Return vertical bars styled by their kind (column `herkomst`), each with its value above it."""
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    styles = _styles(chapter, "herkomst", _legend_order(chapter, frame["herkomst"]))
    bars = base.mark_bar(strokeWidth=1.5, size=60).encode(**styles)
    return bars + base.mark_text(dy=-8).encode(text=alt.Text(y.shorthand, format=label_format))


# --- the charts ---------------------------------------------------------------------------------------------


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
    frame["bron"] = _source(chapter, frame, _where_printed(chapter, rows["source_id"], rows["page"]))
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
    kinds = [parts[analysis.TOTAL], parts[analysis.FIRST], parts[analysis.REPEAT]]
    kinds += [shared.NEWER_LETTER] if newer.any() else []
    fills = [house.PRIMARY, house.SECONDARY, house.PALETTE[2], _OPEN][: len(kinds)]
    tooltip = _tooltips(chapter.label("indications.tooltip"), {"indicaties": ("Q", ",.0f")})
    bars = (
        alt.Chart(stack)
        .mark_bar(stroke=house.PALETTE[4], strokeWidth=1)
        .encode(
            y=alt.Y("staaf:N", sort=order, title=None),
            x=alt.X("indicaties:Q", stack="zero", axis=house.value_axis("indicaties")),
            color=alt.Color("onderdeel:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=fills)),
            order=alt.Order("onderdeel:N", sort="ascending"),
            tooltip=tooltip,
        )
    )
    labels = (
        alt.Chart(texts)
        .mark_text(align="left", dx=6)
        .encode(y=alt.Y("staaf:N", sort=order), x=alt.X("indicaties:Q"), text="tekst:N", tooltip=tooltip)
    )
    chart = (bars + labels).properties(
        width=house.WIDTH,
        height=max(120, 45 * len(order)),
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


def waiting_list(chapter) -> house.ChartFigure:
    """Return the bars of the Wsw waiting list: every printed stand, and the starts implied by the printed decreases."""
    rows = analysis.waiting_list(chapter.figures)
    frame = pd.DataFrame(
        {
            "moment": rows["date"].map(vocabulary.moment),
            "personen": rows["persons"],
            "herkomst": _kind_texts(chapter, rows["kind"], rows["source_id"]),
            "berekening": [
                chapter.label("waiting_list.calculation", end=end, decrease=decrease)
                if kind == analysis.COMPUTED
                else vocabulary.MISSING
                for kind, end, decrease in zip(rows["kind"], rows["end_stock"], rows["decrease"])
            ],
            "source_id": rows["source_id"],
            "kind": rows["kind"],
        }
    )
    frame["bron"] = _source(chapter, frame, _where_printed(chapter, rows["source_id"], rows["page"]))
    chart = _bars(
        chapter,
        frame,
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=house.value_axis("personen", chapter.label("waiting_list.axis"))),
        tooltip=_tooltips(chapter.label("waiting_list.tooltip"), {"personen": ("Q", ",.0f")}),
    ).properties(
        width=house.WIDTH,
        height=260,
        title=house.title(chapter.label("waiting_list.title"), chapter.label("waiting_list.subtitle")),
    )
    return house.figure(
        chart,
        description=chapter.label("waiting_list.description") + _newer_note(chapter, frame),
        source_line=chapter.source_line(frame),
        table=frame[["moment", "personen", "herkomst", "berekening", "bron"]].rename(columns=str.capitalize),
    )


def _share(chapter, indicator: str, key: str) -> house.ChartFigure:
    """Return the bars of one printed share per period, each with its value, letter and page."""
    rows = analysis.share_series(chapter.figures, indicator)
    frame = pd.DataFrame(
        {
            "periode": vocabulary.period_labels(rows["period"]),
            "procent": rows["percent"],
            "herkomst": _kind_texts(chapter, rows["kind"], rows["source_id"]),
            "bron": _where_printed(chapter, rows["source_id"], rows["page"]),
            "source_id": rows["source_id"],
        }
    )
    chart = _bars(
        chapter,
        frame,
        x=alt.X("periode:N", sort=frame["periode"].tolist(), title=None),
        y=alt.Y("procent:Q", axis=house.value_axis("procent")),
        tooltip=_tooltips(chapter.label("share_tooltip"), {"procent": ("Q", ",.1~f")}),
        label_format=",.1~f",
    ).properties(
        width=house.WIDTH,
        height=240,
        title=house.title(chapter.label(f"{key}.title"), chapter.label(f"{key}.subtitle")),
    )
    description = chapter.label(f"{key}.description", periods=list(dict.fromkeys(frame["periode"])))
    return house.figure(
        chart,
        description=description + _newer_note(chapter, frame),
        source_line=chapter.source_line(frame),
        table=frame[["periode", "procent", "herkomst", "bron"]].rename(columns=str.capitalize),
        table_formats={"Procent": _printed_decimals(frame["procent"])},
    )


def seconded_share(chapter) -> house.ChartFigure:
    """Return the bars of the printed share of people with a Wsw-dienstbetrekking who work seconded (gedetacheerd)."""
    return _share(chapter, "wsw_seconded_share", "seconded_share")


def regular_employer_share(chapter) -> house.ChartFigure:
    """Return the bars of the printed share of Wsw employees working at a regular employer."""
    return _share(chapter, "wsw_regular_employer_share", "regular_employer_share")


def budget(chapter) -> house.ChartFigure:
    """Return the Wsw budget for municipalities as points: the amounts and the expectations printed, nothing between."""
    rows = analysis.budget(chapter.figures)
    frame = pd.DataFrame(
        {
            "jaar": rows["year"],
            "miljoen_euro": rows["mln_euro"],
            "herkomst": _kind_texts(chapter, rows["kind"], rows["source_id"]),
            "bron": _where_printed(chapter, rows["source_id"], rows["page"]),
            "source_id": rows["source_id"],
        }
    )
    expected = rows["kind"] == analysis.EXPECTED
    frame["tekst"] = [
        chapter.label("budget.point", amount=vocabulary.value_text(v, "euro_mln"), year=str(y), expected=bool(e))
        for v, y, e in zip(frame["miljoen_euro"], frame["jaar"], expected)
    ]
    domain = _legend_order(chapter, frame["herkomst"])
    x = alt.X(
        "jaar:Q", title=None, scale=alt.Scale(zero=False, nice=False, padding=60), axis=alt.Axis(format="d", tickMinStep=1)
    )
    y = alt.Y("miljoen_euro:Q", axis=house.value_axis("euro_mln"), scale=alt.Scale(zero=True))
    tooltip = _tooltips(chapter.label("budget.tooltip"), {"jaar": ("Q", "d"), "miljoen_euro": ("Q", ",.0f")})
    points = (
        alt.Chart(frame)
        .mark_point(size=130, opacity=1, strokeWidth=2, filled=False, color=house.PRIMARY)
        .encode(
            x=x,
            y=y,
            tooltip=tooltip,
            fill=alt.Fill("herkomst:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=_fills(domain))),
        )
    )
    labels = alt.Chart(frame).mark_text(dy=-16).encode(x=x, y=y, text="tekst:N")
    chart = (points + labels).properties(
        width=house.WIDTH,
        height=260,
        title=house.title(chapter.label("budget.title"), chapter.label("budget.subtitle")),
    )
    description = chapter.label("budget.description", years=[str(y) for y in frame["jaar"]])
    return house.figure(
        chart,
        description=description + _newer_note(chapter, frame),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "miljoen_euro", "herkomst", "bron"]]
        .assign(jaar=frame["jaar"].astype(str))
        .rename(columns=chapter.label("budget.columns")),
    )
