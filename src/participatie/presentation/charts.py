"""The book's charts: house style, an offline and deterministic renderer, and chart figures.

A chart figure is one notebook output holding the chart, its source line with downloads (the chart's own
data as CSV, plain and for Excel, written into the page as data: URIs; the chart as an SVG or PNG image; the
chapter's data files) and a collapsible table with the chart's data. Its HTML calls `ppChart`
(`book/static/participatie-charts.js`), which draws it with the `vegaEmbed` the book serves from its own
`_static/` (see `book.sphinx_ext`), never from a CDN, fitted to the chart's width: titles and legends wrap, and
the chart is drawn again when its width changes. The element id is a hash of the specification, so
re-executing a notebook yields byte-identical outputs — the stored outputs are nbval's regression reference.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

import altair as alt
import pandas as pd
import vl_convert

from . import escape, tables
from .labels import CHART_DOWNLOAD, DOWNLOAD_TEXT, TABLE_SUMMARY, UNIT_AXIS

# UK Government Analysis Function categorical palette (colour-blind safe in this order, up to four).
PALETTE = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"]
# For a single series, and for marking derived or interpolated values beside printed ones.
PRIMARY, SECONDARY, MUTED = PALETTE[0], PALETTE[1], "#BFBFBF"
# Data rows a chart may write into its page; Altair's own limit (MaxRowsError) is 5,000 per data set.
MAX_INLINE_ROWS = 1000
WIDTH, HEIGHT = "container", 300
FONT = '"Source Sans 3", "Helvetica Neue", Arial, sans-serif'

EMBED_OPTIONS = {
    "mode": "vega-lite",
    "renderer": "svg",
    "actions": False,
    "formatLocale": vl_convert.get_format_locale("nl-NL"),
    "timeFormatLocale": vl_convert.get_time_format_locale("nl-NL"),
}
THEME_NAME = "participatie"
RENDERER_NAME = "participatie"
# Vega-Lite as Altair writes it; the offline bundle is built for the same version.
VEGALITE_VERSION = alt.SCHEMA_VERSION.lstrip("v")
VEGALITE_MIMETYPE = f"application/vnd.vegalite.v{VEGALITE_VERSION.split('.')[0]}+json"


def house_theme() -> dict:
    """Return the Vega-Lite config of the house style (fonts, sizes, palette, axes)."""
    return {
        "config": {
            "font": FONT,
            "view": {"continuousWidth": 560, "continuousHeight": HEIGHT, "stroke": None},
            "title": {
                "fontSize": 15,
                "fontWeight": "bold",
                "anchor": "start",
                "subtitleFontSize": 12,
                "subtitleColor": "#505a5f",
                "offset": 12,
            },
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#e5e5e5",
                "domainColor": "#6f777b",
                "tickColor": "#6f777b",
            },
            "axisX": {"labelAngle": 0, "labelLimit": 300},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "titleFontWeight": "normal",
                "labelLimit": 0,
                "columns": 2,
                # Legends under the plot one below the other (side by side they would be wider than the chart).
                "layout": {"bottom": {"direction": "vertical", "anchor": "start"}},
                "symbolOpacity": 1,
            },
            "range": {"category": PALETTE},
            "bar": {"color": PRIMARY},
            "line": {"color": PRIMARY, "strokeWidth": 2.5},
            "point": {"color": PRIMARY, "filled": True, "size": 60},
            "text": {"fontSize": 12, "color": "#0b0c0c"},
            # The chart's SVG is one image named by its description (see embed_html); its marks carry no ARIA
            # roles of their own, so an empty layer (e.g. no figures from newer letters) is no unnamed image.
            "mark": {"aria": False},
            "numberFormat": ",.0f",
        }
    }


def enable() -> None:
    """Enable the house theme and the offline renderer for every chart displayed from now on."""
    alt.theme.enable(THEME_NAME)
    alt.renderers.enable(RENDERER_NAME)


def chart_id(spec: dict) -> str:
    """Return a stable element id for a chart: a hash of its specification."""
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return f"pp-chart-{digest[:12]}"


def embed_html(spec: dict) -> str:
    """Return the HTML that draws a Vega-Lite spec through `ppChart` with the book's own vegaEmbed (no CDN, no random id)."""
    spec = {key: value for key, value in spec.items() if key != "$schema"}  # an identifier, never fetched
    element = chart_id(spec)
    # JSON inside <script>: <, > and & as \u escapes, so no text from the data can close the element or open a
    # comment (escape.script_json); the element id is a hex hash.
    payload = escape.script_json(spec)
    options = escape.script_json(EMBED_OPTIONS)
    return (
        f'<div class="pp-chart" id="{element}"></div>\n'
        "<script>\n(function () {\n"
        f"  var spec = {payload};\n  var options = {options};\n"
        f'  function draw() {{ window.ppChart("#{element}", spec, options); }}\n'
        '  if (window.ppChart) { draw(); } else { window.addEventListener("load", draw); }\n'
        "})();\n</script>"
    )


alt.theme.register(THEME_NAME, enable=False)(house_theme)
# A bare chart's output: the offline HTML, plus the spec for JupyterLab.
alt.renderers.register(RENDERER_NAME, lambda spec, **_: {"text/html": embed_html(spec), VEGALITE_MIMETYPE: spec})


# The book publishes data/ under _static/data/ (see book.sphinx_ext); every page that shows charts sits one
# folder below the book's root (chapters/, appendices/).
DOWNLOAD_URL = "../_static/data/{file}"


class SourceLine(str):
    """A 'Bron: …' line that also names the data files behind it, for download links."""

    downloads: tuple[str, ...] = ()

    def __new__(cls, text: str, downloads: tuple[str, ...] = ()):
        line = super().__new__(cls, text)
        line.downloads = tuple(downloads)
        return line


# Beside every CSV file of the data package the book publishes a copy for Excel (see book.sphinx_ext).
EXCEL_URL = "../_static/excel/{file}"


def _link(href: str, text: str, name: str | None = None, kind: str = "") -> str:
    download = f' download="{escape.html_text(name)}"' if name else " download"
    classes = f"pp-download {kind}".strip()
    return f'<a class="{classes}" href="{escape.html_text(href)}"{download}>{escape.html_text(text)}</a>'


def _file_link(file: str) -> str:
    link = _link(DOWNLOAD_URL.format(file=quote(file)), file)
    if not file.endswith(".csv"):
        return link
    return f"{link} ({_link(EXCEL_URL.format(file=quote(file)), CHART_DOWNLOAD['file_excel'], kind='pp-excel')})"


def source_html(source_line: str, chart_links: str = "") -> str:
    """Return a source line as HTML, then download links: the chart's own (if any), then its data files.

    Everything after DOWNLOAD_TEXT is for the screen only (the print edition drops it).
    """
    files = ", ".join(_file_link(file) for file in getattr(source_line, "downloads", ()))
    links = f"{chart_links}; {CHART_DOWNLOAD['files']} {files}" if files and chart_links else files or chart_links
    text = escape.html_text(source_line)
    return f"{text} {DOWNLOAD_TEXT} {links}." if links else text


def csv_text(frame: pd.DataFrame, excel: bool = False) -> str:
    """Return a table as CSV: standard (UTF-8, commas, decimal points) or for a Dutch Excel."""
    frame = _whole_numbers(frame)
    if excel:  # Excel reads UTF-8 only after a byte order mark; a Dutch Excel splits at ";" and reads decimal commas
        return "\ufeff" + frame.to_csv(index=False, sep=";", decimal=",", lineterminator="\r\n")
    return frame.to_csv(index=False, lineterminator="\n")


def _whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the table with every float column whose values are all whole as integers (116, not 116.0)."""
    whole = {
        column: "Int64"
        for column in frame.columns
        if pd.api.types.is_float_dtype(frame[column])
        and frame[column].notna().any()
        and (frame[column].dropna() % 1 == 0).all()
        and frame[column].dropna().abs().max() < 2**53
    }
    return frame.astype(whole) if whole else frame


def csv_uri(frame: pd.DataFrame, excel: bool = False) -> str:
    """Return a table as a data: URI of its CSV (see csv_text), written into the page: no extra file."""
    # Punctuation that means nothing in a data URI or an HTML attribute stays as it is (a smaller page for a
    # long table); % " ' & < > # ? : and spaces, line breaks and non-ASCII text are escaped (so no text in a
    # link can read "javascript:").
    return "data:text/csv;charset=utf-8," + quote(csv_text(frame, excel), safe=",;/()*!")


def file_stem(spec: dict) -> str:
    """Return a file name stem for a chart's downloads: its title in lower case ASCII words, else its id."""
    title = spec.get("title", "")
    text = title.get("text", "") if isinstance(title, dict) else title
    text = " ".join(text) if isinstance(text, list) else str(text)
    ascii_text = unicodedata.normalize("NFKD", re.sub(r"[\W_]+", " ", text)).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].rstrip("-")
    return stem or chart_id(spec)


def download_links(spec: dict, table: pd.DataFrame) -> str:
    """Return the links that download one chart: its data as CSV (plain and for Excel) and as an image."""
    # The image links get their address in the browser once the chart is drawn (participatie-charts.js); until
    # then they are hidden, with the comma before them.
    stem = file_stem(spec)
    images = [
        f'<a class="pp-download pp-chart-image" data-format="{fmt}" download="{escape.html_text(stem)}.{fmt}">'
        f"{escape.html_text(CHART_DOWNLOAD[fmt])}</a>"
        for fmt in ("svg", "png")
    ]
    return data_links(stem, table) + f'<span class="pp-chart-images" hidden>, {", ".join(images)}</span>'


def data_links(stem: str, table: pd.DataFrame) -> str:
    """Return the links that download a chart's or table figure's own data as CSV, plain and for Excel."""
    return ", ".join(
        [
            _link(csv_uri(table), CHART_DOWNLOAD["csv"], f"{stem}.csv", "pp-chart-csv"),
            _link(csv_uri(table, excel=True), CHART_DOWNLOAD["excel"], f"{stem}-excel.csv", "pp-chart-excel"),
        ]
    )


@dataclass
class ChartFigure:
    """A chart with its source line and a collapsible data table, displayed as one output."""

    chart: alt.TopLevelMixin
    source_line: str
    table: pd.DataFrame
    table_formats: dict

    def spec(self) -> dict:
        """Return the chart's Vega-Lite specification with the house theme applied."""
        with alt.theme.enable(THEME_NAME):
            return self.chart.to_dict()

    def _repr_mimebundle_(self, include=None, exclude=None):
        spec = self.spec()
        data_table = tables.html(self.table, self.table_formats)
        caption = source_html(self.source_line, download_links(spec, self.table))
        body = (
            '<figure class="pp-figure">\n'
            f"{embed_html(spec)}\n"
            f'<figcaption class="pp-source">{caption}</figcaption>\n'
            f'<details class="pp-data"><summary>{TABLE_SUMMARY}</summary>\n{data_table}\n</details>\n'
            "</figure>"
        )
        title = spec.get("title", "")
        plain = f"{title.get('text', '') if isinstance(title, dict) else title}\n{self.source_line}"
        return {"text/html": body, "text/plain": plain, VEGALITE_MIMETYPE: spec}


def figure(
    chart: alt.TopLevelMixin, *, description: str, source_line: str, table: pd.DataFrame, table_formats: dict | None = None
) -> ChartFigure:
    """Return a chart figure: the chart with an accessible description, source line and data table.

    A chart's data are written into the page: more than MAX_INLINE_ROWS rows (of chart or table) raise ValueError.
    """
    if not description:
        raise ValueError("every chart needs a description for screen readers")
    rows = inline_rows(chart)
    if rows > MAX_INLINE_ROWS or len(table) > MAX_INLINE_ROWS:
        raise ValueError(
            f"a chart of {rows:,} data rows (table: {len(table):,}); aggregate before charting (at most {MAX_INLINE_ROWS:,})"
        )
    return ChartFigure(chart.properties(description=description), source_line, table, table_formats or {})


def inline_rows(chart) -> int:
    """Return how many data rows a chart (with its layers and concatenated parts) writes into the page."""
    data = getattr(chart, "data", None)
    parts = [getattr(chart, name, None) for name in ("layer", "hconcat", "vconcat", "concat")]
    own = len(data) if isinstance(data, pd.DataFrame) else 0
    return own + sum(inline_rows(part) for found in parts if isinstance(found, list) for part in found)


def javascript_bundle() -> str:
    """Return one offline script defining `window.vegaEmbed` (Vega, Vega-Lite and Vega-Embed)."""
    bundle = vl_convert.javascript_bundle(vl_version=VEGALITE_VERSION.rsplit(".", 1)[0])  # "6.4" of "6.4.1"
    # Wrapped in a function, so that its top-level names (such as `_`) do not collide with those of Sphinx's scripts.
    return f"(function () {{\n{bundle}\n}})();\n"


def value_axis(unit: str, title: str | None = None) -> alt.Axis:
    """Return a value axis in the unit's Dutch title with Dutch thousands separators."""
    return alt.Axis(title=title or UNIT_AXIS[unit], format=",~f", tickMinStep=1)


# One look per kind of value, the same in every chart (the introduction's Leeswijzer says it in words):
# printed in a letter: solid, in the series' colour; computed by a letter itself (an extrapolation, a forecast, an
# expectation, an announced plan): a light tint of that colour with a dotted outline; our own calculation: grey
# with a dashed outline; a value from a letter newer than the chapter's text: open (white) with a solid outline.
PRINTED, ESTIMATE, OWN, NEWER = "printed", "estimate", "own", "newer"
WHITE, GREY = "#FFFFFF", "#6F777B"
SOLID, DOTTED, DASHED = [1, 0], [2, 2], [5, 3]
TINT = 0.35  # the share of the series' colour in an estimate's fill (the rest is white)
DASHES = {PRINTED: SOLID, ESTIMATE: DOTTED, OWN: DASHED, NEWER: SOLID}


def tint(colour: str, share: float = TINT) -> str:
    """Return the colour mixed with white (share 1: the colour itself)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - share * (255 - c)):02X}" for c in rgb)


def kind_fill(kind: str, colour: str) -> str:
    """Return the fill of a value of this kind in a series of this colour."""
    return {PRINTED: colour, ESTIMATE: tint(colour), OWN: MUTED, NEWER: WHITE}[kind]


def kind_stroke(kind: str, colour: str) -> str:
    """Return the outline (or line) colour of a value of this kind in a series of this colour."""
    return GREY if kind == OWN else colour


def kind_look(field: str, kinds: dict[str, str], colours: dict[str, str] | None = None, legend: bool = True) -> dict:
    """Return the fill, stroke and dash encodings of `field`, whose words `kinds` maps to PRINTED, ESTIMATE, OWN or NEWER.

    `colours` gives a word its series' colour (PRIMARY otherwise). The channels share field, order and title: one
    legend, or none with `legend=False`.
    """
    words = list(kinds)
    colour = {word: (colours or {}).get(word, PRIMARY) for word in words}

    def scale(values: list) -> dict:
        shown = {"title": None, "sort": words} | ({} if legend else {"legend": None})
        return {"field": field, "type": "nominal", "scale": alt.Scale(domain=words, range=values), **shown}

    return {
        "fill": alt.Fill(**scale([kind_fill(kinds[w], colour[w]) for w in words])),
        "stroke": alt.Stroke(**scale([kind_stroke(kinds[w], colour[w]) for w in words])),
        "strokeDash": alt.StrokeDash(**scale([DASHES[kinds[w]] for w in words])),
    }


def title(text: str, subtitle: str | None = None) -> alt.TitleParams:
    """Return a chart title in the house style (left-aligned, optional grey subtitle)."""
    return alt.TitleParams(text=text, subtitle=subtitle or alt.Undefined)
