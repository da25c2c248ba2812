"""The print edition's charts: each chart of the web edition drawn as SVG by vl-convert, offline.

From the same Vega-Lite specification and with the same d3 `nl-NL` locale as the web edition; as wide as
the text column, and with its text set (and measured) in the book's own sans-serif from `fonts/`, which
vl-convert is told about, so a chart is drawn alike with or without system fonts.

A chart must be legible on paper: no text under MIN_TEXT points. A chart wider than the column (or whose
legend would be cut off at its edge) gets long titles broken into lines, its legends in one column, one below
the other, and (facets, concatenations) narrower parts, so it is not scaled down to fit; a chart taller than
the room a page has (CHART_ROOM_MM) gets a lower plot, down to MIN_HEIGHT_SHARE of its own height, so that
the scale it prints at keeps its smallest text at MIN_TEXT points or more.
"""

from __future__ import annotations

import functools
import json
import math
import re
import textwrap
from pathlib import Path
from xml.etree import ElementTree

import vl_convert

# The book's own fonts (see fonts/README.md): print.css declares them with @font-face, and vl-convert draws the
# charts' text with the same sans-serif, so the PDF has the same pages and fonts with or without system fonts.
FONTS_DIR = Path(__file__).with_name("fonts")
CHART_FONT = '"Source Sans 3", sans-serif'
# The chart's whole drawing (axes and legend included) is as wide as the text column: A4 less 2 × 20 mm
# of margin is 170 mm, 642 CSS pixels; so a chart prints at the size of its fonts on the web.
CHART_WIDTH = 640
# The plot area of one part of a faceted or concatenated chart that is as wide as its container on the web.
PART_WIDTH = 480
# The parts of a compound chart keep at least this share of their width (a chart that needs more is scaled down).
MIN_PART_SHARE = 0.4
# The most a chart may take of a page's height (print.css: A4 less its top and bottom margins and a source line).
CHART_ROOM_MM = 235
# The smallest text a printed chart has, in points; and the least share of its own height a chart's plot keeps
# when it is lowered to fit a page (labels placed by date, as in the timeline, need about that much).
MIN_TEXT = 7.0
MIN_HEIGHT_SHARE = 0.7
PX = 0.75  # points per CSS pixel: a drawing prints at its own size unless it is wider or taller than its room
_COMPOUND = ("facet", "repeat", "hconcat", "vconcat", "concat")
_SPEC_START = "var spec = "
_SIZE = re.compile(r'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')
_FONT_SIZE = re.compile(r'font-size(?:="|:\s*)([\d.]+)px')
_TRANSLATE = re.compile(r"^translate\(([-\d.]+)[, ]")
_BACKGROUND = re.compile(r"M0,0h([\d.]+)v")


def chart_svg(spec: dict) -> str:
    """Return a chart as SVG drawn offline by vl-convert, text width wide, with Dutch number formats (see the module).

    A single or layered chart as wide as its container on the web is drawn as wide as the text column, axes and
    legend included; a part of a compound chart as wide as its container gets PART_WIDTH, or less to fit.
    """
    _register_fonts()
    spec = dict(spec)
    spec["config"] = {**spec.get("config", {}), "font": CHART_FONT}  # the print edition's own sans-serif
    compound = any(key in spec for key in _COMPOUND)
    if spec.get("width") == "container" and not compound:
        spec["width"] = CHART_WIDTH
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    if "title" in spec:
        spec["title"] = _wrapped(spec["title"], spec["config"])
    svg = _draw(spec)
    legend = spec["config"].get("legend", {})
    if drawing_size(svg)[0] > CHART_WIDTH or legend_overflow(svg):  # legends in one column, one below the other
        stacked = {"layout": {"bottom": {"anchor": "start", "direction": "vertical"}}}
        spec["config"] = {**spec["config"], "legend": {**legend, "columns": 1, **stacked}}
        svg = _draw(spec)
    if compound and drawing_size(svg)[0] > CHART_WIDTH:
        svg = _narrower(spec, svg)
    return _lower(spec, svg)


def drawing_size(svg: str) -> tuple[float, float]:
    """Return an SVG drawing's width and height in CSS pixels."""
    match = _SIZE.search(svg)
    return float(match.group(1)), float(match.group(2))


def legend_overflow(svg: str) -> bool:
    """Return whether a legend reaches past the drawing's right edge (a chart fitted to a width cuts it off)."""
    width = drawing_size(svg)[0]
    root = ElementTree.fromstring(svg)

    def right_edges(element, x: float, in_legend: bool):
        match = _TRANSLATE.search(element.get("transform", ""))
        x += float(match.group(1)) if match else 0.0
        in_legend = in_legend or "role-legend" in element.get("class", "")
        background = _BACKGROUND.match(element.get("d", "")) if in_legend and element.tag.endswith("path") else None
        if background:
            yield x + float(background.group(1))
        for child in element:
            yield from right_edges(child, x, in_legend)

    return any(edge > width + 0.5 for edge in right_edges(root, 0.0, False))


def smallest_text(svg: str) -> float:
    """Return the size of an SVG drawing's smallest text in CSS pixels (0 without text)."""
    return min((float(size) for size in _FONT_SIZE.findall(svg)), default=0.0)


def printed_scale(svg: str) -> float:
    """Return the points per pixel at which print.css prints a drawing: its own size, or less to fit its room."""
    width, height = drawing_size(svg)
    return min(PX, CHART_WIDTH * PX / width, CHART_ROOM_MM * 72 / 25.4 / height)


def _draw(spec: dict, factor: float = 1.0) -> str:
    return vl_convert.vegalite_to_svg(_fixed_widths(spec, factor), format_locale="nl-NL", time_format_locale="nl-NL")


def _narrower(spec: dict, svg: str) -> str:
    """Draw a compound chart with parts as much narrower as makes the whole as wide as the column.

    The whole grows with its parts' width in a straight line (their number times it, plus axes, legend and
    spacing): a second drawing with parts half as wide tells the line.
    """
    wide, narrow = drawing_size(svg)[0], drawing_size(_draw(spec, 0.5))[0]
    if wide <= narrow:
        return svg  # no part has a width of its own
    factor = 0.5 + 0.5 * (CHART_WIDTH - narrow) / (wide - narrow)
    return _draw(spec, max(MIN_PART_SHARE, math.floor(factor * 100) / 100))


def _lower(spec: dict, svg: str) -> str:
    """Draw a chart that its room would shrink below MIN_TEXT with a lower plot (a chart with a height only)."""
    smallest = smallest_text(svg)
    height = spec.get("height")
    if not smallest or not isinstance(height, int | float) or smallest * printed_scale(svg) >= MIN_TEXT:
        return svg
    room = CHART_ROOM_MM * 72 / 25.4 * smallest / MIN_TEXT  # the most pixels tall it may be
    lower = max(math.ceil(height * MIN_HEIGHT_SHARE), math.floor(height - (drawing_size(svg)[1] - room)))
    return _draw({**spec, "height": lower}) if lower < height else svg


@functools.cache
def _register_fonts() -> None:
    """Let vl-convert measure and name the book's own fonts (once per process; it keeps them)."""
    vl_convert.register_font_directory(str(FONTS_DIR))


# A view, as opposed to a mark's properties: what has a width of its own to scale.
_VIEW_KEYS = {"mark", "layer", "encoding", "facet", "spec", "repeat", *_COMPOUND}


def _fixed_widths(value, factor: float = 1.0):
    """Return a spec whose views as wide as their container get PART_WIDTH, every view's width times factor."""
    if isinstance(value, list):
        return [_fixed_widths(item, factor) for item in value]
    if not isinstance(value, dict):
        return value
    fixed = {}
    for key, item in value.items():
        if key in ("data", "datasets"):
            fixed[key] = item  # the figures, never a layout
        elif key == "width" and item == "container":
            fixed[key] = round(PART_WIDTH * factor)
        elif key == "width" and isinstance(item, int | float) and factor != 1 and _VIEW_KEYS & value.keys():
            fixed[key] = round(item * factor)
        elif key == "view" and isinstance(item, dict) and "continuousWidth" in item and factor != 1:
            fixed[key] = {**item, "continuousWidth": round(item["continuousWidth"] * factor)}
        else:
            fixed[key] = _fixed_widths(item, factor)
    return fixed


# A little more than the average width of a character of the charts' sans-serif, in ems (for breaking long titles).
_EM_PER_CHARACTER = 0.6


def _wrapped(title, config: dict):
    """Return a chart's title with a text or subtitle too long for the column broken into lines."""
    if not isinstance(title, dict | str):
        return title
    title = {"text": title} if isinstance(title, str) else dict(title)
    style = config.get("title", {})
    for key, size in (("text", style.get("fontSize", 13)), ("subtitle", style.get("subtitleFontSize", 12))):
        if isinstance(title.get(key), str):
            characters = int(CHART_WIDTH / (size * _EM_PER_CHARACTER))
            lines = textwrap.wrap(title[key], characters, break_long_words=False, break_on_hyphens=False)
            title[key] = lines if len(lines) > 1 else title[key]
    return title


def chart_spec(script: str) -> dict:
    """Return the Vega-Lite spec from a chart's script (presentation.charts.embed_html), read as JSON."""
    start = script.find(_SPEC_START)
    if start < 0:
        raise ValueError("no Vega-Lite specification in the chart's script")
    spec, _ = json.JSONDecoder().raw_decode(script, start + len(_SPEC_START))  # exact, whatever the strings hold
    return spec
