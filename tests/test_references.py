"""The book's one citation style (presentation.references, docs/redactie.md): a sentence names a letter by
its date; brackets name the Kamerstuk and the pages."""

import re

import pandas as pd
import pytest

from participatie.presentation import references

from conftest import REPO

SOURCES = pd.DataFrame(
    [
        {"id": "ek-33981-n", "date": "2017-06-30", "chamber": "Eerste Kamer", "reference": "33 981, N"},
        {"id": "tk-29817-145", "date": "2018-06-15", "chamber": "Tweede Kamer", "reference": "29 817, nr. 145"},
        {"id": "evil", "date": "2019-01-02", "chamber": "*Kamer*", "reference": "[x](javascript:alert(1))"},
    ]
)


@pytest.mark.parametrize(
    ("pages", "text"),
    [
        (3, "p. 3"),
        ([4, 3], "p. 3–4"),
        ([1, 2, 18], "p. 1–2 en 18"),
        ([5, 7, 13, 7], "p. 5, 7 en 13"),
        ("8–9", "p. 8–9"),
        ([7, "9–10"], "p. 7 en 9–10"),
        ([], ""),
    ],
)
def test_pages_read_as_spans_and_lists(pages, text):
    assert references.pages_text(pages) == text


def test_a_citation_names_the_kamerstuk_and_escapes_data_text():
    assert references.citation(SOURCES, "tk-29817-145", [3, 4]) == r"Tweede Kamer\, 29 817\, nr\. 145, p. 3–4"
    assert references.citation(SOURCES, "ek-33981-n") == r"Eerste Kamer\, 33 981\, N"
    evil = references.citation(SOURCES, "evil", 1)
    assert "*Kamer*" not in evil and "](" not in evil and r"\*Kamer\*" in evil


def test_citations_group_pages_per_letter_in_order_of_mention():
    text = references.cites(SOURCES, [("tk-29817-145", 8), ("ek-33981-n", 11), ("tk-29817-145", 2)])
    assert text == r"(Tweede Kamer\, 29 817\, nr\. 145, p. 2 en 8; Eerste Kamer\, 33 981\, N, p. 11)"


def test_a_sentence_names_letters_by_their_date():
    assert references.letter(SOURCES, "ek-33981-n") == "de brief van 30 juni 2017"
    both = references.letters_phrase(SOURCES, ["tk-29817-145", "ek-33981-n"])
    assert both == "de brieven van 30 juni 2017 en 15 juni 2018"


OLD_STYLE = re.compile(r"\((?:[^()]*;\s*)?brief\s+van\s+[^()]*p\.\s*\d")


def test_no_notebook_or_theme_text_uses_another_citation_style():
    """Every bracketed citation in the book's sources is a Kamerstuk, not '(brief van <datum>, p. N)'."""
    import nbformat

    repo_root = REPO
    offenders = []
    for path in sorted(
        [*repo_root.glob("chapters/*.ipynb"), *repo_root.glob("appendices/*.ipynb"), repo_root / "intro.ipynb"]
    ):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                offenders += [f"{path.name}: {m.group(0)}" for m in OLD_STYLE.finditer(cell.source)]
    for path in sorted((repo_root / "src" / "participatie" / "themes").rglob("*.py")):
        offenders += [f"{path.name}: {m.group(0)}" for m in re.finditer(r"[(;] ?brief van \{[^}]*\}, p\.", path.read_text())]
    assert not offenders, offenders


def test_every_sentence_of_the_introductions_findings_with_a_number_says_where_it_is_printed():
    """A finding's sentence that states a figure cites the letter and page, or marks the figure as ours."""
    from participatie.book import open_book

    findings = {c.theme.finding_block: c.finding() for c in open_book().chapters.values()}
    assert len(findings) == 5, sorted(findings)
    uncited = []
    for name, text in findings.items():
        plain = text.replace("\\", "")
        # Sentences end at '. ' before a capital; 'p. 3' and 'nr. 145' are followed by a digit.
        for sentence in re.split(r"(?<=[.)])\s+(?=[A-Z])", plain):
            figures = re.sub(r"\((?:[^()]*)\)|\b(?:19|20)\d\d\b|\d+ (?:januari|maart|juni|juli|september)", "", sentence)
            if re.search(r"\d", figures) and not re.search(r"\([^()]*(?:p\. \d|eigen berekening)[^()]*\)", sentence):
                uncited.append(f"{name}: {sentence}")
    assert not uncited, uncited
