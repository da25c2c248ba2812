"""The web edition's page furniture, shared by every page (registered by `book.sphinx_ext`).

- The edition line under every page: the edition (the date of the newest letter in the data), the publication
  date (`date-released` in CITATION.cff, never the build time) and the version; the print edition uses the same.
- Search: the index is stemmed with the same Dutch stemmer as the query in the browser.
- A description of every page (its first paragraph) and a share title on pages without a document (search).
- Copies of the data package's CSV files for a Dutch Excel, beside the standard files.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import snowballstemmer
import yaml
from sphinx.search.nl import SearchDutch

from .. import __version__
from ..data.package import read_descriptor, resource_paths
from ..presentation import labels
from ..presentation.vocabulary import long_date

EDITION_TEMPLATE = "pp-edition.html"
TEMPLATES_DIR = Path(__file__).with_name("templates")
CITATION = "CITATION.cff"
EXCEL_DIR = "excel"
# A range of numbers (years, pages) that a line must not break at its dash: "2009–2018", in web and print.
NUMBER_RANGE = re.compile(r"\d+[–-]\d+")
# The repository's root, where CITATION.cff lives when the book is built from a copy without it (a rerun).
REPOSITORY = Path(__file__).resolve().parents[3]


class SearchDutchPorter(SearchDutch):
    """Dutch search with the stemmer of Sphinx's JavaScript (`dutch-stemmer.js`, Snowball's Porter-based Dutch).

    snowballstemmer 3 renamed that algorithm `dutch_porter` and made `dutch` a different one, which stems many
    words otherwise ("gemeenten" to "meen" instead of "gemeent"): a query stemmed in the browser then finds no
    page. Older snowballstemmer versions call the same algorithm `dutch`.
    """

    def init(self, options: dict[str, str]) -> None:
        name = "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"
        self.stemmer = snowballstemmer.stemmer(name)


def edition_date(data_dir: Path) -> date:
    """Return the edition's date: the date of the newest letter in the data directory's sources."""
    path = Path(data_dir) / resource_paths(read_descriptor(Path(data_dir)))["sources"]
    with path.open(encoding="utf-8", newline="") as handle:
        return max(date.fromisoformat(row["date"][:10]) for row in csv.DictReader(handle))


def citation_file(srcdir: Path) -> Path:
    """Return the book's CITATION.cff: beside the book's sources, else in the repository."""
    for folder in (Path(srcdir), REPOSITORY):
        if (folder / CITATION).is_file():
            return folder / CITATION
    raise FileNotFoundError(f"{CITATION} declares the publication date; it is neither in {srcdir} nor in {REPOSITORY}")


def citation(srcdir: str | Path) -> dict:
    """Return the book's CITATION.cff (see citation_file), read as YAML."""
    return yaml.safe_load(citation_file(Path(srcdir)).read_text(encoding="utf-8"))


def publication_date(srcdir: Path) -> date:
    """Return the publication date declared in CITATION.cff (`date-released`)."""
    released = citation(srcdir)["date-released"]
    return released if isinstance(released, date) else date.fromisoformat(str(released))


def edition_words(srcdir: Path) -> dict[str, str]:
    """Return the edition line's parts as plain text, with the dates in ISO form for <time> elements."""
    return edition_line(edition_date(Path(srcdir) / "data"), publication_date(srcdir))


def edition_line(edition: date, published: date) -> dict[str, str]:
    """Return the edition line's parts for an edition and publication date (the print edition's too)."""
    return {
        "edition": labels.WEB_EDITION.format(date=str(long_date(edition))),
        "edition_iso": edition.isoformat(),
        "published": labels.WEB_PUBLISHED.format(date=str(long_date(published))),
        "published_iso": published.isoformat(),
        "version": labels.WEB_VERSION.format(version=__version__),
        "edition_date": str(long_date(edition)),
        "published_date": str(long_date(published)),
    }


def add_edition(app, config) -> None:
    """Put the edition line into every page's footer."""
    config.html_context["participatie_edition"] = edition_words(Path(app.srcdir))
    add_template(config, "footer_content_items", EDITION_TEMPLATE, ["author.html", "copyright.html"])


def add_template(config, option: str, template: str, default: list[str] | None = None) -> None:
    """Append one of the book's templates to a list of the theme's options (a list or a comma-separated string)."""
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES_DIR))
    items = config.html_theme_options.get(option, default or [])
    items = [item.strip() for item in items.split(",") if item.strip()] if isinstance(items, str) else list(items)
    config.html_theme_options[option] = [*items, template]


DESCRIPTION_LENGTH = 200


def page_description(doctree) -> str:
    """Return a page's description: its first paragraph of running text, shortened at a word, else the book's."""
    from docutils import nodes

    if doctree is not None:
        for paragraph in doctree.findall(nodes.paragraph):
            if any(isinstance(parent, nodes.Admonition | nodes.Invisible) for parent in _parents(paragraph)):
                continue
            text = " ".join(paragraph.astext().split())
            if len(text) >= 40:
                return text if len(text) <= DESCRIPTION_LENGTH else text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0] + " …"
    return " ".join(labels.BOOK_DESCRIPTION.split())


def _parents(node):
    while node.parent is not None:
        node = node.parent
        yield node


def describe_page(app, pagename, templatename, context, doctree) -> None:
    """Give every page a description (<meta name="description">, og:description) and a share title (og:title).

    sphinxext-opengraph writes the title, type and site name of pages with a document; its description joins the
    text pieces with stray spaces, so the book writes the description itself (ogp_description_length: 0).
    """
    tags = context.get("metatags", "")
    description = html.escape(page_description(doctree), quote=True)
    extra = (
        f'<meta name="description" content="{description}" />\n<meta property="og:description" content="{description}" />\n'
    )
    if 'property="og:title"' not in tags:
        title = html.escape(str(context.get("title") or context.get("docstitle") or ""), quote=True)
        extra += f'<meta property="og:title" content="{title}" />\n<meta property="og:type" content="website" />\n'
    context["metatags"] = tags + extra


def _number_fields(directory: Path, resource: dict) -> set[str]:
    schema = resource.get("schema", {})
    if isinstance(schema, str):
        schema = json.loads((directory / schema).read_text(encoding="utf-8"))
    return {field["name"] for field in schema.get("fields", []) if field.get("type") == "number"}


def excel_csv(text: str, number_fields: set[str]) -> str:
    """Return a standard CSV text for a Dutch Excel: byte order mark, semicolons, decimal commas in number fields."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return "\ufeff"
    numeric = {index for index, name in enumerate(rows[0]) if name in number_fields}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(rows[0])
    for row in rows[1:]:
        writer.writerow([cell.replace(".", ",") if index in numeric else cell for index, cell in enumerate(row)])
    return "\ufeff" + out.getvalue()


def publish_excel(source: Path, directory: Path) -> Path:
    """Write an Excel copy of every CSV resource of the data package into directory/excel (replaced as a whole).

    The data package itself (`_static/data/`) keeps its standard UTF-8 comma-separated files.
    """
    target = removed(Path(directory) / EXCEL_DIR)
    target.mkdir(parents=True)
    for resource in read_descriptor(Path(source))["resources"]:
        path = resource["path"]
        if not path.endswith(".csv") or "/" in path:
            continue
        text = (Path(source) / path).read_text(encoding="utf-8-sig")
        (target / path).write_text(excel_csv(text, _number_fields(Path(source), resource)), encoding="utf-8", newline="")
    return target


def removed(target: Path) -> Path:
    """Remove a file, link or folder (a link itself, never what it points to) and return its path."""
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    return target
