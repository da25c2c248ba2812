"""Sphinx extension: serve the Vega JavaScript, the figure styles and the data from the book's `_static/`.

Registered in `_config.yml` (`sphinx.extra_extensions`). It writes one offline bundle of Vega, Vega-Lite and
Vega-Embed (from vl-convert, so no CDN is ever asked) into every page's <head>, copies the book's own fonts into
`_static/fonts/` and publishes `data/` as `_static/data/` (for download). It ends every page's navigation with a
link to the print edition (`boek.pdf`, written by `book.pdf`); `participatie_print_edition = ""` leaves it out.
`book.web` adds what every page shares besides (edition line, Dutch search stemmer, descriptions, Excel data).
"""

from __future__ import annotations

import re
import shutil
from importlib.metadata import version
from pathlib import Path

from ..data.package import published_files, read_descriptor
from ..presentation import charts, labels
from . import web
from .print_charts import FONTS_DIR

STATIC_DIR = Path(__file__).with_name("static")
# The book's own fonts (fonts/README.md): the web edition serves the WOFF2 files, with their licences.
WEB_FONTS = ("*.woff2", "LICENSE-*.md", "README.md")
PRINT_TEMPLATE = "pp-print-edition.html"


def bundle_name() -> str:
    """Return the file name of the offline Vega bundle, versioned so a new vl-convert gets a new file."""
    return f"vega-bundle-vl{charts.VEGALITE_VERSION}-vlc{version('vl-convert-python')}.js"


def write_bundle(directory: Path) -> Path:
    """Write the offline Vega bundle into directory (once per version) and return its path."""
    target = directory / "vega" / bundle_name()
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob("vega-bundle-*.js"):
            stale.unlink()
        temporary = target.with_suffix(".tmp")
        temporary.write_text(charts.javascript_bundle(), encoding="utf-8")
        temporary.replace(target)
    return target


def publish_data(source: Path, directory: Path) -> Path:
    """Copy the data package's files (descriptor, resources, schemas, README, LICENSE) to directory/data.

    Only what the descriptor lists is published, each as a regular file (`data.package` has refused
    links and paths that leave the data directory). The folder is written by this function alone, so it
    is replaced as a whole: a file removed from the package must not stay downloadable.
    """
    target = web.removed(directory / "data")
    for name in published_files(source, read_descriptor(source)):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes((source / name).read_bytes())
    return target


def copy_fonts(directory: Path) -> Path:
    """Copy the web edition's font files and their licences into directory/fonts (as a whole) and return it."""
    target = web.removed(directory / "fonts")
    target.mkdir(parents=True)
    for pattern in WEB_FONTS:
        for path in sorted(FONTS_DIR.glob(pattern)):
            shutil.copyfile(path, target / path.name)
    return target


def _add_static_files(app) -> None:
    if app.builder.format != "html":
        return
    data, static = Path(app.srcdir) / "data", Path(app.outdir) / "_static"
    generated = Path(app.doctreedir).parent / "participatie-static"
    # Sphinx copies static files over old ones (a removed file must not stay), and copies none at all when
    # it finds no page out of date: so the data are published into the output folder right here, as a whole.
    for folder in (static, generated):
        publish_data(data, folder)
        copy_fonts(folder)  # (participatie.css names them)
        web.publish_excel(data, folder)
    # The same holds for the book's own style sheets and scripts: a changed one must reach the pages as well.
    for asset in STATIC_DIR.iterdir():
        if asset.is_file():
            (static / asset.name).write_bytes(asset.read_bytes())
    write_bundle(generated)
    app.config.html_static_path.extend([str(generated), str(STATIC_DIR)])
    app.add_js_file(f"vega/{bundle_name()}")
    app.add_js_file("participatie-charts.js")
    app.add_css_file("participatie.css")


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    # Jupyter Book always loads sphinx-thebe (live code through a remote kernel and a CDN script).
    # The book has no live code, and on rebuilds sphinx-thebe declares its constants twice, which
    # raises a console error; so its scripts and styles are left out of every page.
    def keep(asset) -> bool:
        body = asset.attributes.get("body", "") if hasattr(asset, "attributes") else ""
        text = f"{getattr(asset, 'filename', '') or ''} {body}"
        return "thebe" not in text.lower()

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if keep(asset)]


def _set_favicon(app, config) -> None:
    # The favicon ships with the package, so a book built from a staging copy (rerun) finds it too.
    if not config.html_favicon:
        config.html_favicon = str(STATIC_DIR / "favicon.svg")


def _add_print_link(app, config) -> None:
    # A template at the end of the primary sidebar (pydata-sphinx-theme's primary_sidebar_end) links to the
    # PDF by a relative URL (pathto), so the link works offline from every page at any depth.
    if not config.participatie_print_edition:
        return
    web.add_template(config, "primary_sidebar_end", PRINT_TEMPLATE)
    config.html_context["participatie_print_edition"] = config.participatie_print_edition
    config.html_context["participatie_print_label"] = labels.PRINT_LINK


# The theme's own words that it has no Dutch translation for (labels.CHROME_TEXT), in attributes and in text.
_CHROME = re.compile(
    r'(?P<attribute>(?:aria-label|title|placeholder|data-bs-title)=")(?P<a>[^"]*)"|>(?P<text>\s*[^<>]+?\s*)<'
)


def dutch_chrome(page: str) -> str:
    """Return a rendered page with the theme's English words (labels, titles, buttons) in Dutch."""

    def swap(match: re.Match) -> str:
        if match.group("attribute"):
            value = match.group("a")
            return f'{match.group("attribute")}{labels.CHROME_TEXT.get(value, value)}"'
        text = match.group("text")
        return f">{text.replace(text.strip(), labels.CHROME_TEXT.get(text.strip(), text.strip()))}<"

    return _CHROME.sub(swap, page)


# A range of years or pages in a heading or the book's title breaks at its dash on a narrow screen ("2009–" over
# "2018"): the text of a heading or the title is a run of characters up to the next tag.
_HEADING_TEXT = re.compile(r'(?P<open><h[1-6][^>]*>|<p class="title logo__title">)(?P<text>[^<]+)')


def keep_ranges_whole(page: str) -> str:
    """Return a rendered page with every range of numbers in its headings and title in a span that never wraps."""

    def wrap(match: re.Match) -> str:
        return match.group("open") + web.NUMBER_RANGE.sub(r'<span class="pp-nowrap">\g<0></span>', match.group("text"))

    return _HEADING_TEXT.sub(wrap, page)


def _translate_chrome(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        if "_static" in path.relative_to(app.outdir).parts:
            continue
        page = path.read_text(encoding="utf-8")
        translated = keep_ranges_whole(dutch_chrome(page))
        if translated != page:
            path.write_text(translated, encoding="utf-8")


def setup(app):
    """Register the extension with Sphinx."""
    app.add_config_value("participatie_print_edition", "boek.pdf", "html", types=[str])
    app.add_search_language(web.SearchDutchPorter)
    app.connect("config-inited", _set_favicon)
    app.connect("config-inited", _add_print_link)
    app.connect("config-inited", web.add_edition)
    app.connect("builder-inited", _add_static_files)
    app.connect("html-page-context", _drop_thebe)
    # After sphinxext-opengraph (priority 500), which gives the pages that have a document their share title.
    app.connect("html-page-context", web.describe_page, priority=900)
    app.connect("build-finished", _translate_chrome)
    return {"version": version("participatie"), "parallel_read_safe": True, "parallel_write_safe": True}
