"""Chart and table shapes that several chapters draw: written once, so that they look and read the same.

A bar's name stands above it, not beside it (on a phone the bars keep the width), its value after its end. A few
figures (two numbers are no chart) are a compact table titled like a chart, with a chart's source line and downloads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import altair as alt
import numpy as np
import pandas as pd

from . import charts, tables, vocabulary
from .labels import COLUMN_TEXT, COMPUTED, MUNICIPAL_FIGURE, NEWER_LETTER, PRINTED


@dataclass
class TableFigure:
    """A compact table in place of a chart of two numbers: titled, with the chart's source line and downloads."""

    title: str
    source_line: str
    table: pd.DataFrame
    table_formats: dict = field(default_factory=dict)

    def _repr_mimebundle_(self, include=None, exclude=None):
        links = charts.data_links(charts.file_stem({"title": self.title}), self.table)
        body = (
            '<figure class="pp-figure pp-table-figure">\n'
            f"{tables.html(self.table, self.table_formats, self.title)}\n"
            f'<figcaption class="pp-source">{charts.source_html(self.source_line, links)}</figcaption>\n</figure>'
        )
        plain = tables.formatted(self.table, self.table_formats).to_string(index=False)
        return {"text/html": body, "text/plain": f"{self.title}\n{plain}\n{self.source_line}"}


def labelled_table_figure(chapter, name: str, rows: pd.DataFrame, table: pd.DataFrame, table_formats=None) -> TableFigure:
    """Return a `TableFigure` titled by its chapter's `<name>.title`, with the source line of `rows`."""
    title = chapter.label(f"{name}.title")
    if table.empty or not title:
        raise ValueError("a table figure needs a title and rows")
    return TableFigure(title, chapter.source_line(rows), table.reset_index(drop=True), table_formats or {})


# A row of `bar_rows`: its name above a bar of ROW_BAR pixels, in a row of ROW_STEP pixels.
ROW_STEP, ROW_BAR = 52, 22
# The width of a character of the charts' 12-pixel labels, on average and generously (Source Sans 3, digits included).
CHARACTER = 6.6


def text_room(texts) -> int:
    """Return the pixels the longest of these labels (one line each) needs after its bar."""
    return round(max((len(str(t)) for t in texts), default=0) * CHARACTER) + 10


def value_scale(highest: float, room: int, domain_min: float = 0) -> alt.Scale:
    """Return a value scale that ends `room` pixels after `highest` at any width, so that its label fits."""
    return alt.Scale(
        domainMin=domain_min, domainMax=alt.ExprRef(expr=f"{highest} * width / max(width - {room}, 1)"), nice=False
    )


def row_y(name: str, order: list[str]) -> alt.Y:
    """Return the rows of `bar_rows`: one per value of `name`, in `order`, without axis labels."""
    return alt.Y(f"{name}:N", sort=order, title=None, axis=None, scale=alt.Scale(paddingInner=1 - ROW_BAR / ROW_STEP))


def bar_rows(*layers: alt.Chart, name: str, order: list[str]) -> alt.LayerChart:
    """Return horizontal bar layers (y: `row_y`) with each row's name above its bar, cut at the chart's width."""
    names = (
        alt.Chart(pd.DataFrame({name: order}))
        .mark_text(align="left", baseline="bottom", dy=-ROW_BAR / 2 - 3, limit=alt.ExprRef(expr="width"))
        .encode(y=row_y(name, order), x=alt.value(0), text=f"{name}:N")
    )
    return alt.layer(*layers, names).properties(height=ROW_STEP * len(order))


def kind_legend(frame: pd.DataFrame, field: str, kinds: dict[str, str]) -> alt.Chart:
    """Return a layer that draws nothing but the legend of the kinds in a chart whose colours name its series.

    Its symbols show each kind's look in dark grey; the marks take their series' colour (`kind_colours`).
    """
    present = {word: kind for word, kind in kinds.items() if word in set(frame[field])}
    look = charts.kind_look(field, present, dict.fromkeys(present, charts.PALETTE[4]))
    return alt.Chart(frame).mark_point(size=0, filled=True, strokeWidth=1.5).encode(**look)


def kind_colours(kinds, colours) -> dict[str, list[str]]:
    """Return per value (its kind and its series' colour) the columns `fill` and `stroke` a chart draws it with."""
    pairs = list(zip(kinds, colours))
    return {"vulling": [charts.kind_fill(k, c) for k, c in pairs], "lijn": [charts.kind_stroke(k, c) for k, c in pairs]}


def edition_figures_table(chapter, rows: pd.DataFrame, label_suffix=None, periods=None) -> tables.Table:
    """Return printed figures as a table (indicator, period, value with unit and hedge, note, letter date and page).

    `rows` are figure rows (with `label`, `period`, `source_date`, `page`); the caption is the chapter's source line
    for them, which names the letters in full. In a municipal edition no letter printed the figures: the last column
    is headed as a source and says that each figure is the municipality's own (`chapter.letters_of`).
    """
    if chapter.municipal:
        letter = {COLUMN_TEXT["source"]: chapter.letters_of(rows["source_id"])}
    else:
        letter = {COLUMN_TEXT["letter"]: tables.date_pages(rows["source_date"], rows["page"])}
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: rows["label"] if label_suffix is None else rows["label"] + label_suffix,
            COLUMN_TEXT["period_label"]: vocabulary.period_labels(rows["period"]) if periods is None else periods,
            COLUMN_TEXT["value"]: [tables.figure_value(row) for _, row in rows.iterrows()],
            COLUMN_TEXT["note"]: rows["note"],
            **letter,
        }
    )
    return tables.show(shown, caption=chapter.source_line(rows))


def tooltips(titles: dict[str, str], fields: str | list[str]) -> list[alt.Tooltip]:
    """Return the tooltips of fields ('name:type', a list or one string) titled from `titles`; numbers in whole units."""
    fields = fields.split() if isinstance(fields, str) else fields
    return [
        alt.Tooltip(f, title=titles[f.split(":")[0]], format=",.0f" if f.endswith(":Q") else alt.Undefined) for f in fields
    ]


def data_table(frame: pd.DataFrame, titles: dict[str, str], fields: str | list[str]) -> pd.DataFrame:
    """Return a chart's data table: the columns of `fields` (as `tooltips` takes them) headed by their `titles`."""
    columns = [f.split(":")[0] for f in (fields.split() if isinstance(fields, str) else fields)]
    return frame[columns].rename(columns={column: titles[column] for column in columns})


def labelled_title(chapter, name: str, subtitle=None) -> alt.TitleParams:
    """Return a chart's title and subtitle from its chapter's labels (`<name>.title`, `<name>.subtitle`)."""
    return charts.title(chapter.label(f"{name}.title"), subtitle or chapter.label(f"{name}.subtitle"))


def labelled_figure(
    chapter, name: str, chart, rows: pd.DataFrame, table: pd.DataFrame, table_formats=None, *, note="", **values
):
    """Return a chart figure described by `<name>.description` (given `values`, then `note`), sourced from `rows`."""
    description = chapter.label(f"{name}.description", **values) + note
    source_line = chapter.source_line(rows)
    return charts.figure(chart, description=description, source_line=source_line, table=table, table_formats=table_formats)


def labelled_chart(chapter, name: str, chart, rows, table, table_formats=None, *, height=None, subtitle=None, **values):
    """Return `chart` at the page's width (and `height`), titled by `labelled_title`, as its `labelled_figure`."""
    size = {"width": charts.WIDTH} | ({} if height is None else {"height": height})
    chart = chart.properties(**size, title=labelled_title(chapter, name, subtitle))
    return labelled_figure(chapter, name, chart, rows, table, table_formats, **values)


def kind_words(chapter) -> dict[str, str]:
    """Return the words for a printed and a computed value; in a municipal edition a printed one is the municipality's."""
    return {"printed": MUNICIPAL_FIGURE if chapter.municipal else PRINTED, "computed": COMPUTED}


def value_texts(values, unit: str, qualifiers, decimals: int | None = None) -> list[str]:
    """Return each value in its unit with its hedge as printed (bijna 87%, circa 45%); a qualifier not text is none."""
    return [vocabulary.value_text(v, unit, decimals, q if isinstance(q, str) else None) for v, q in zip(values, qualifiers)]


def kind_texts(kinds: pd.Series, words: dict[str, str], newer) -> pd.Series:
    """Return each value's legend word: the `words` of its kind, or NEWER_LETTER where a newer letter printed it."""
    return kinds.map(words).where(~np.asarray(newer, dtype=bool), NEWER_LETTER)


def letters_pages(chapter, source_ids, pages) -> list[str]:
    """Return per value the letters that print it, each with its page ('…, p. 4; …, p. 2').

    A value has one id and page, or tuples of them; in a municipal edition it is the municipality's own (said once);
    '–' where no letter prints it (our own calculation).
    """
    one = 1 if chapter.municipal else None
    pairs = (((i,), (p,)) if isinstance(i, str) else (i, p) for i, p in zip(source_ids, pages))
    return ["; ".join(chapter.where_printed(i, [int(n) for n in p])[:one]) or vocabulary.MISSING for i, p in pairs]
