"""Sphinx extension: serve the Vega JavaScript, the figure styles and the data from the book's `_static/`.

Registered in `_config.yml` (`sphinx.extra_extensions`). At build time it writes one offline bundle of
Vega, Vega-Lite and Vega-Embed (from vl-convert, so no CDN is ever asked) and adds it to every page's
<head>, where the chart outputs of the notebooks find `window.vegaEmbed`. It also publishes `data/` as
`_static/data/`, which the charts' source lines and the data page link to for download.
"""

from __future__ import annotations

import shutil
from importlib.metadata import version
from pathlib import Path

from ..data.package import published_files, read_descriptor
from ..presentation import charts

STATIC_DIR = Path(__file__).with_name("static")


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
    target = directory / "data"
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    for name in published_files(source, read_descriptor(source)):
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes((source / name).read_bytes())
    return target


def _add_static_files(app) -> None:
    if app.builder.format != "html":
        return
    generated = Path(app.doctreedir).parent / "participatie-static"
    published = Path(app.outdir) / "_static" / "data"
    if published.is_dir() and not published.is_symlink():
        shutil.rmtree(published)  # Sphinx copies static files over old ones; a removed file must not stay
    write_bundle(generated)
    publish_data(Path(app.srcdir) / "data", generated)
    app.config.html_static_path.extend([str(generated), str(STATIC_DIR)])
    app.add_js_file(f"vega/{bundle_name()}")
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


def setup(app):
    """Register the extension with Sphinx."""
    app.connect("config-inited", _set_favicon)
    app.connect("builder-inited", _add_static_files)
    app.connect("html-page-context", _drop_thebe)
    return {"version": version("participatie"), "parallel_read_safe": True, "parallel_write_safe": True}
