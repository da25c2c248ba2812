"""The print edition's own pages around the book's pages: title page, colophon, contents, metadata and style.

The edition line comes from `web.edition_line`, so printed pages read as the foot of every web page; the colophon
and the PDF's metadata from CITATION.cff. The dates in the metadata are the publication date, never the time of
the build: the same book makes the same PDF. Every word is in labels.yml.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, NavigableString, Tag

from .. import __version__
from ..presentation import labels
from ..presentation.vocabulary import long_date
from . import web

# A range of numbers ("2009–2018", "p. 1–2") is never broken at its dash in a title, heading or table header.
NOWRAP_IN = "h1, h2, h3, h4, h5, h6, th, .pp-summary, .admonition-title, caption"
EDITION_SEPARATOR = " · "  # as in the web edition's footer (templates/pp-edition.html)


@dataclass(frozen=True)
class Edition:
    """What the print edition says about itself: its title, edition line, dates and citation facts."""

    title: str
    subtitle: str
    edition: date
    published: date
    citation: dict

    @property
    def line(self) -> str:
        """The edition line of the web edition's footer: edition, publication date and version."""
        words = web.edition_line(self.edition, self.published)
        return EDITION_SEPARATOR.join((words["edition"], words["published"], words["version"]))

    @property
    def authors(self) -> str:
        return ", ".join(_author(author) for author in self.citation.get("authors", []))

    @property
    def licence(self) -> dict[str, str]:
        name = str(self.citation.get("license", ""))
        return labels.LICENCES.get(name, {"short": name, "name": name})


def _author(author: dict) -> str:
    if "name" in author:
        return str(author["name"])
    return " ".join(str(author[key]) for key in ("given-names", "name-particle", "family-names") if author.get(key))


def nowrap(text: str) -> str:
    """Return text as HTML in which no range of numbers breaks at its dash (escaping leaves digits and dashes)."""
    return web.NUMBER_RANGE.sub(r'<span class="pp-nowrap">\g<0></span>', html.escape(text))


def keep_ranges_whole(article: Tag) -> None:
    """Keep the ranges of numbers in an article's headings and table headers on one line (see nowrap)."""
    for element in article.select(NOWRAP_IN):
        for text in element.find_all(string=web.NUMBER_RANGE):
            if type(text) is NavigableString and text.parent is not None:
                text.replace_with(*BeautifulSoup(nowrap(str(text)), "html.parser").contents)


def title_page(edition: Edition) -> str:
    lines = [
        f'<section class="pp-title-page"><h1 class="pp-book-title">{nowrap(edition.title)}</h1>',
        f'<p class="pp-subtitle">{html.escape(edition.subtitle)}</p>' if edition.subtitle else "",
        f'<p class="pp-edition">{html.escape(edition.line)}</p>',
        f'<p class="pp-edition-note">{html.escape(labels.PRINT_EDITION_NOTE)}</p>',
        f'<p class="pp-authors">{html.escape(edition.authors)}</p></section>' if edition.authors else "</section>",
    ]
    return "\n".join(line for line in lines if line)


def colophon(edition: Edition) -> str:
    """Return the colophon: edition, publication date, version, authors, sources, how to cite, licence."""
    words = labels.PRINT_COLOPHON
    licence = edition.licence
    cited = html.escape(words["citation"]).format(
        authors=html.escape(edition.authors),
        year=edition.published.year,
        title=f"<em>{html.escape(str(edition.citation.get('title', edition.title)))}</em>",
        version=html.escape(__version__),
        date=html.escape(str(long_date(edition.published))),
        short=html.escape(licence["short"]),
    )
    entries = [
        (words["edition"], html.escape(words["edition_text"].format(date=long_date(edition.edition)))),
        (words["published"], html.escape(words["published_text"].format(date=long_date(edition.published)))),
        (words["version"], html.escape(words["version_text"].format(version=__version__))),
        (words["authors"], html.escape(edition.authors)),
        (words["sources"], html.escape(words["sources_text"])),
        (words["cite"], cited),
        (words["licence"], _licence(words["licence_text"], licence)),
        (words["web"], html.escape(labels.PRINT_WEB_NOTE)),
        (words["typesetting"], html.escape(words["typesetting_text"])),
    ]
    items = "".join(f"<dt>{html.escape(term)}</dt><dd>{text}</dd>" for term, text in entries if text)
    return (
        f'<section class="pp-colophon"><h1 class="pp-colophon-title">{html.escape(words["title"])}</h1>'
        f"<dl>{items}</dl></section>"
    )


def _licence(text: str, licence: dict[str, str]) -> str:
    """Return the licence entry as HTML, the licence's short name ("CC BY 4.0") kept on one line."""
    written, short = html.escape(text.format(licence=licence["name"])), html.escape(licence["short"])
    return written.replace(short, f'<span class="pp-nowrap">{short}</span>') if short else written


def contents(entries: list[tuple[object, list[tuple[str, str]]]], anchor) -> str:
    """Return the printed contents: parts, pages and their sections, each with its page number (print.css).

    A page's title is kept with its first section and a part's title with its first page (no orphaned line).
    """
    items, part = [], None
    for page, sections in entries:
        if page.part and page.part != part:
            part = page.part
            items.append(f'<li class="pp-toc-part">{nowrap(part)}</li>')
        nested = "".join(
            f'<li class="pp-toc-section"><a href="#{ident}">{nowrap(text)}</a></li>' for ident, text in sections
        )
        items.append(
            f'<li class="pp-toc-page"><a href="#{anchor(page.document)}">{nowrap(page.title)}</a>'
            + (f'<ul class="pp-toc-sections">{nested}</ul>' if nested else "")
            + "</li>"
        )
    return (
        f'<nav class="pp-contents"><h1 class="pp-contents-title">{html.escape(labels.PRINT_CONTENTS)}</h1>'
        f'<ul class="pp-toc">{"".join(items)}</ul></nav>'
    )


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'


def head(edition: Edition, chart_room_mm: float) -> str:
    """Return the document's head: language, title and metadata (the PDF's), and the style with its words."""
    meta = {
        "author": edition.authors,
        "description": " ".join(labels.BOOK_DESCRIPTION.split()),
        "keywords": ", ".join(str(word) for word in edition.citation.get("keywords", [])),
        "dcterms.created": edition.published.isoformat(),
        "dcterms.modified": edition.published.isoformat(),
    }
    tags = "".join(f'<meta name="{name}" content="{html.escape(value)}">' for name, value in meta.items() if value)
    see = _css_string(f" ({labels.PRINT_SEE_PAGE} ")
    style = (
        f'a.pp-page-ref::after {{ content: {see} target-counter(attr(href url), page) ")"; }}\n'
        f"img.pp-chart-print {{ max-height: {chart_room_mm}mm; }}\n"
    )
    return f'<head><meta charset="utf-8"><title>{html.escape(edition.title)}</title>{tags}<style>{style}</style></head>'
