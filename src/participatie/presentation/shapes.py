"""Chart and table shapes that several chapters draw: written once, so that they look and read the same.

- `labelled_bars`: bars with their value above them, printed figures solid and computed ones grey and
  dashed (`charts.printed_or_derived`), the house's way of keeping our computations apart.
- `figures_table`: printed figures as a reader checks them: indicator, period, value with unit and hedge,
  the data's note, and the letter's date and page.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import charts, tables, vocabulary
from .labels import COLUMN_TEXT


def labelled_bars(
    frame: pd.DataFrame,
    *,
    x: alt.X,
    y: alt.Y,
    kind: str,
    kinds: list[str],
    computed: set[str],
    tooltip: list,
    size: int | None = None,
    stroke_width: float = 1.5,
    label_format: str = ",.0f",
    sort_kinds: bool = True,
) -> alt.LayerChart:
    """Return vertical bars of `y` per `x` with the value above each bar; kinds in `computed` drawn as computed."""
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    mark = {"strokeWidth": stroke_width} | ({"size": size} if size else {})
    bars = base.mark_bar(**mark).encode(**charts.printed_or_derived(kind, kinds, computed, sort=sort_kinds))
    labels = base.mark_text(dy=-8).encode(text=alt.Text(f"{y.shorthand}", format=label_format))
    return bars + labels


def figures_table(rows: pd.DataFrame, caption: str | None = None, label_suffix: pd.Series | None = None) -> tables.Table:
    """Return printed figures as a table: indicator, period, value with unit and hedge, note, letter date and page.

    `rows` are figure rows (with `label`, `period`, `source_date`, `page`); `caption` is usually the
    chapter's source line for them, which names the letters in full.
    """
    label = rows["label"] if label_suffix is None else rows["label"] + label_suffix
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: label,
            COLUMN_TEXT["period_label"]: vocabulary.period_labels(rows["period"]),
            COLUMN_TEXT["value"]: [tables.figure_value(row) for _, row in rows.iterrows()],
            COLUMN_TEXT["note"]: rows["note"],
            COLUMN_TEXT["letter"]: tables.date_pages(rows["source_date"], rows["page"]),
        }
    )
    return tables.show(shown, caption=caption)


def grouped_bars(
    frame: pd.DataFrame,
    *,
    x: alt.X,
    offset: alt.XOffset,
    y: alt.Y,
    tooltip: list,
    encodings: dict,
    text: alt.Text | str,
    dy: int = -8,
    stroke_width: float | None = None,
) -> alt.LayerChart:
    """Return bars side by side within each `x` (one per `offset` value), styled by `encodings`, each labelled above.

    `encodings` colours the bars: `charts.printed_or_derived(...)` for printed against computed figures, or
    a colour per series (`{"color": alt.Color(...)}`); `text` is the label above each bar (a field or alt.Text).
    """
    base = alt.Chart(frame).encode(x=x, xOffset=offset, y=y, tooltip=tooltip)
    bars = base.mark_bar(**({"strokeWidth": stroke_width} if stroke_width else {})).encode(**encodings)
    return bars + base.mark_text(dy=dy).encode(text=text)


def edition_figures_table(chapter, rows: pd.DataFrame, label_suffix: pd.Series | None = None) -> tables.Table:
    """Return `figures_table` for a chapter's edition, captioned with the chapter's source line for the rows.

    In a municipal edition no letter printed the figures: the column is headed as a source, not a letter, and
    says that each figure is the municipality's own (`chapter.letters_of`) instead of naming a letter and page.
    """
    table = figures_table(rows, caption=chapter.source_line(rows), label_suffix=label_suffix)
    if not chapter.municipal:
        return table
    frame = table.frame.assign(**{COLUMN_TEXT["letter"]: chapter.letters_of(rows["source_id"])})
    frame = frame.rename(columns={COLUMN_TEXT["letter"]: COLUMN_TEXT["source"]})
    return tables.show(frame, table.formats, caption=table.caption)
