"""The print edition's charts: each chart of the web edition drawn as SVG by vl-convert, offline.

From the same Vega-Lite specification and with the same d3 `nl-NL` locale as the web edition; as wide as
the text column, and with its text set (and measured) in the book's own sans-serif from `fonts/`, which
vl-convert is told about, so a chart is drawn alike with or without system fonts.
"""

from __future__ import annotations

import json
from pathlib import Path

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
_COMPOUND = ("facet", "repeat", "hconcat", "vconcat", "concat")
_SPEC_START = "var spec = "


def chart_svg(spec: dict) -> str:
    """Return a chart as SVG drawn offline by vl-convert, text width wide, with Dutch number formats.

    A single or layered chart as wide as its container on the web is drawn as wide as the text column,
    axes and legend included; in a faceted or concatenated chart, a part as wide as its container gets
    the width of a plot beside its axis labels. Its text is set (and measured) in the book's own sans-serif.
    """
    _register_fonts()
    spec = dict(spec)
    spec["config"] = {**spec.get("config", {}), "font": CHART_FONT}  # the print edition's own sans-serif
    if spec.get("width") == "container" and not any(key in spec for key in _COMPOUND):
        spec["width"] = CHART_WIDTH
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return vl_convert.vegalite_to_svg(_fixed_widths(spec), format_locale="nl-NL", time_format_locale="nl-NL")


_fonts_registered = False


def _register_fonts() -> None:
    """Let vl-convert measure and name the book's own fonts (once per process; it keeps them)."""
    global _fonts_registered
    if not _fonts_registered:
        vl_convert.register_font_directory(str(FONTS_DIR))
        _fonts_registered = True


def _fixed_widths(value):
    if isinstance(value, list):
        return [_fixed_widths(item) for item in value]
    if not isinstance(value, dict):
        return value
    fixed = {}
    for key, item in value.items():
        if key in ("data", "datasets"):
            fixed[key] = item  # the figures, never a layout
        elif key == "width" and item == "container":
            fixed[key] = PART_WIDTH
        else:
            fixed[key] = _fixed_widths(item)
    return fixed


def chart_spec(script: str) -> dict:
    """Return the Vega-Lite spec from a chart's script (presentation.charts.embed_html), read as JSON."""
    start = script.find(_SPEC_START)
    if start < 0:
        raise ValueError("no Vega-Lite specification in the chart's script")
    spec, _ = json.JSONDecoder().raw_decode(script, start + len(_SPEC_START))  # exact, whatever the strings hold
    return spec
