"""The book's one citation style (presentation.vocabulary, docs/redactie.md): a sentence names a letter by
its date; brackets name the Kamerstuk and the pages."""

import re

from conftest import REPO

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
