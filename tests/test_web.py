"""The web edition's shared furniture (book.web): search stemmer, edition line, page descriptions, Excel copies."""

from __future__ import annotations

import csv
import io
from datetime import date
from types import SimpleNamespace

import yaml
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from participatie.book import web
from participatie.presentation import labels

from conftest import DATA, REPO


def test_the_index_stems_dutch_as_the_browser_does():
    # Sphinx's dutch-stemmer.js is Snowball's Porter-based Dutch; snowballstemmer 3's "dutch" is another algorithm.
    language = web.SearchDutchPorter({})
    stems = [language.stem(word) for word in ["gemeenten", "banenafspraak", "werkgevers", "loondispensatie"]]
    assert stems == ["gemeent", "banenafsprak", "werkgever", "loondispensatie"]


def test_the_edition_is_the_newest_letter_and_the_publication_date_is_declared():
    assert web.edition_date(DATA) == date(2018, 9, 7)
    released = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))["date-released"]
    assert web.publication_date(REPO) == date.fromisoformat(str(released))
    words = web.edition_words(REPO)
    assert words["edition"] == labels.WEB_EDITION.format(date="7 september 2018")
    assert words["edition_iso"] == "2018-09-07" and words["version"].endswith(web.__version__)


def test_citation_file_declares_what_a_citation_needs():
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"version", "date-released", "title", "authors", "license"} <= set(citation)
    released = date.fromisoformat(str(citation["date-released"]))
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {citation['version']} ({released.day} " in changelog, "CHANGELOG names the release of this version"


def test_the_citation_page_names_the_declared_publication_date():
    words = web.edition_words(REPO)
    citation = " ".join((REPO / "appendices" / "citeren.md").read_text(encoding="utf-8").split())
    assert f"gepubliceerd op {words['published_date']}." in citation


def test_add_edition_puts_the_line_in_every_footer():
    config = SimpleNamespace(templates_path=[], html_context={}, html_theme_options={"footer_content_items": "a.html"})
    web.add_edition(SimpleNamespace(srcdir=str(REPO)), config)
    assert config.html_theme_options["footer_content_items"] == ["a.html", web.EDITION_TEMPLATE]
    assert config.html_context["participatie_edition"]["published_iso"] == str(
        yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))["date-released"]
    )
    template = (REPO / "src/participatie/book/templates" / web.EDITION_TEMPLATE).read_text(encoding="utf-8")
    assert template.count("|e }}") == 5, "every word of the line is escaped"


def _doctree(text: str):
    document = new_document("test", get_default_settings(Parser))
    Parser().parse(text, document)
    return document


def test_a_page_is_described_by_its_first_paragraph_escaped():
    doctree = _doctree(
        "Titel\n=====\n\n.. note:: Een opmerking die niet telt, ook al is ze lang genoeg.\n\n" + 'Een "alinea" & meer. ' * 20
    )
    context = {"metatags": '<meta property="og:title" content="Titel" />\n', "title": "Titel"}
    web.describe_page(None, "p", "page.html", context, doctree)
    description = context["metatags"].split('name="description" content="', 1)[1].split('"', 1)[0]
    assert description.startswith("Een &quot;alinea&quot; &amp; meer.") and description.endswith(" …")
    assert len(description.replace("&quot;", '"').replace("&amp;", "&")) <= web.DESCRIPTION_LENGTH + 2
    assert context["metatags"].count("og:title") == 1


def test_a_page_without_a_document_gets_the_books_description_and_a_title():
    context = {"metatags": "", "title": "Zoeken <&>"}
    web.describe_page(None, "search", "search.html", context, None)
    assert 'property="og:title" content="Zoeken &lt;&amp;&gt;"' in context["metatags"]
    assert " ".join(labels.BOOK_DESCRIPTION.split())[:40] in context["metatags"]


def test_excel_copies_use_semicolons_decimal_commas_and_a_byte_order_mark(tmp_path):
    text = 'id,value,note\na,1.5,"x, y"\nb,2,v1.2\n'
    copy = web.excel_csv(text, {"value"})
    assert copy == "\ufeffid;value;note\r\na;1,5;x, y\r\nb;2;v1.2\r\n"
    target = web.publish_excel(DATA, tmp_path)
    names = sorted(path.name for path in target.iterdir())
    assert names == sorted(path.name for path in DATA.glob("*.csv") if path.name in names) and "sources.csv" in names
    rows = list(
        csv.reader(io.StringIO((target / "sources.csv").read_text(encoding="utf-8").removeprefix("\ufeff")), delimiter=";")
    )
    original = list(csv.reader(io.StringIO((DATA / "sources.csv").read_text(encoding="utf-8"))))
    assert rows == original
    assert (target / "sources.csv").read_bytes().startswith(b"\xef\xbb\xbf")
