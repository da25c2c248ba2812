"""What a reader sees on the print edition's pages, measured from the PDF with pypdf.

A small reader of PDF content streams: it follows the graphics state (q/Q/cm), the text state (Tf, Tm, Td
and the like) and drawings nested as form XObjects (the charts' SVG), and returns every run of text with its
effective size in points and its position, and the extent of every drawing. With pypdf's own text
extraction it gives the lines of text (their font, size, width and characters).

    python tests/pdf_pages.py _build/html/boek.pdf     # the numbers: fill per page, measure, smallest text
"""

from __future__ import annotations

import math
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pypdf
from pypdf.generic import ContentStream

A4_HEIGHT = 841.89
PRINT_CSS = Path(__file__).resolve().parents[1] / "src" / "participatie" / "book" / "static" / "print.css"
MM = 72 / 25.4


def flat(text: str) -> str:
    """Return text on one line, with the hyphens that hyphenation added at line ends (U+2010) undone."""
    return re.sub(r"\s+", " ", text).replace("\u2010 ", "").strip()


def print_edition(tmp_path_factory) -> dict:
    """Return the print edition of the built book (_build/html) as the tests read it: its path, reader, each
    page's text (through `flat`) and the runs of text with their tags.

    The PDF is the one `make pdf` wrote beside the rendered book (make test makes both first); when it is
    missing or older than the HTML, the same command builds it into the session's folder. Reading its text
    takes pypdf about 11 s, so the first worker of the session reads it and the others load what it read
    (a pickle in the session's own temporary folder, written by this function, keyed by the PDF's bytes).
    """
    import hashlib
    import pickle

    import pytest

    from participatie.tools import cli

    from conftest import BUILD_HTML, once_per_session

    if not (BUILD_HTML / "index.html").is_file():
        pytest.fail("the book is not built: run `make html` (make test does) first")
    made = BUILD_HTML / "boek.pdf"  # what `make pdf` (part of make test) wrote from this very build
    fresh = made.is_file() and made.stat().st_mtime >= (BUILD_HTML / "index.html").stat().st_mtime

    def make(folder: Path) -> None:
        out = made if fresh else folder / "boek.pdf"
        if not fresh:
            assert cli.main(["pdf", "--html", str(BUILD_HTML), "--out", str(out)]) == 0
        texts, runs = read(pypdf.PdfReader(out))
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        (folder / "read.pickle").write_bytes(pickle.dumps((str(out), digest, texts, runs)))

    folder = once_per_session(tmp_path_factory, "printed", make)
    path, digest, texts, runs = pickle.loads((folder / "read.pickle").read_bytes())
    out = Path(path)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == digest, f"{out} changed while the tests read it"
    reader = pypdf.PdfReader(out)
    return {"path": out, "reader": reader, "pages": [flat(text) for text in texts], "runs": runs}


def front_matter(pages: list[str]) -> int:
    """Return the number of pages before the contents (the title page and the colophon), from the pages' text."""
    from participatie.presentation import labels

    return next(n for n, text in enumerate(pages) if text.startswith(labels.PRINT_CONTENTS))


def page_margins(css: Path = PRINT_CSS) -> tuple[float, float, float, float]:
    """Return the page's margins (top, right, bottom, left) in points, as the print style sheet's @page sets them."""
    rule = re.search(r"@page\s*\{[^}]*?margin:\s*([^;]+);", css.read_text(encoding="utf-8"))
    values = [float(value.removesuffix("mm")) * MM for value in rule.group(1).split()]
    top, right, bottom, left = (values * 4)[:4] if len(values) == 1 else (values + values[1:2])[:4]
    return top, right, bottom, left


def _multiply(m, n):
    """Return the matrix product m × n of two PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2]


def _point(m, x, y):
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@dataclass
class Drawn:
    """What a page draws: text runs (size in points, x, y of their origin) and the points of its drawings."""

    runs: list[tuple[float, float, float]] = field(default_factory=list)
    points: list[tuple[float, float]] = field(default_factory=list)


_PATH = {b"m": 2, b"l": 2, b"c": 6, b"v": 4, b"y": 4, b"re": 4}
_TEXT = {b"Tj", b"TJ", b"'", b'"'}


def drawn(page, reader: pypdf.PdfReader) -> Drawn:
    """Return the text runs and drawing points of a page, form XObjects (charts) included, in page space."""
    out = Drawn()
    _walk(ContentStream(page.get_contents(), reader), page.get("/Resources", {}), [1, 0, 0, 1, 0, 0], reader, out, 0)
    return out


def _walk(stream, resources, ctm, reader, out: Drawn, depth: int) -> None:
    stack, tm, line, size, rise = [], [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], 0.0, 0.0
    leading = 0.0
    for operands, operator in stream.operations:
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop() if stack else ctm
        elif operator == b"cm":
            ctm = _multiply([float(v) for v in operands], ctm)
        elif operator == b"BT":
            tm, line = [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0]
        elif operator == b"Tf":
            size = float(operands[1])
        elif operator == b"TL":
            leading = float(operands[0])
        elif operator == b"Ts":
            rise = float(operands[0])
        elif operator == b"Tm":
            tm = line = [float(v) for v in operands]
        elif operator in (b"Td", b"TD"):
            if operator == b"TD":
                leading = -float(operands[1])
            tm = line = _multiply([1, 0, 0, 1, float(operands[0]), float(operands[1])], line)
        elif operator in (b"T*", b"'", b'"'):
            tm = line = _multiply([1, 0, 0, 1, 0, -leading], line)
        if operator in _TEXT:
            m = _multiply([1, 0, 0, 1, 0, rise], _multiply(tm, ctm))
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            out.runs.append((size * scale, m[4], m[5]))
        elif operator in _PATH:
            values = [float(v) for v in operands]
            if operator == b"re":
                x, y, w, h = values
                values = [x, y, x + w, y + h]
            out.points += [_point(ctm, values[i], values[i + 1]) for i in range(0, len(values), 2)]
        elif operator == b"Do" and depth < 8:
            xobject = resources.get("/XObject", {}).get(operands[0])
            xobject = xobject.get_object() if xobject is not None else None
            if xobject is not None and xobject.get("/Subtype") == "/Form":
                matrix = [float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                inner = xobject.get("/Resources", resources)
                _walk(ContentStream(xobject, reader), inner, _multiply(matrix, ctm), reader, out, depth + 1)
            elif xobject is not None:  # an image: its unit square
                out.points += [_point(ctm, 0, 0), _point(ctm, 1, 1)]


def fill(things: Drawn, height: float = A4_HEIGHT, margins=None) -> float:
    """Return how far down the page's text area what a page draws reaches (0 empty, 1 full), running heads and
    feet (in the margins) left out."""
    top, _, bottom, _ = margins or page_margins()
    upper, lower = height - top, bottom
    ys = [y for _, _, y in things.runs if lower - 1 <= y <= upper + 1]
    ys += [y for _, y in things.points if lower - 1 <= y <= upper + 1]
    return (upper - min(ys)) / (upper - lower) if ys else 0.0


@dataclass(frozen=True)
class Run:
    """A run of text in a page's own content: its page, the structure elements it is tagged as (types and ids,
    outermost first), its font, size (points), baseline and left edge, and its characters."""

    page: int
    types: tuple[str, ...]
    ids: tuple[int, ...]
    font: str
    size: float
    y: float
    x: float
    text: str


def _structure(reader: pypdf.PdfReader) -> dict[tuple[int, int], tuple[tuple[str, ...], tuple[int, ...]]]:
    """Return, for each (page object number, marked-content id), the structure elements that tag it (types, ids)."""
    found, elements = {}, iter(range(1, 1 << 30))

    def walk(node, types, ids, page):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for item in node:
                walk(item, types, ids, page)
        elif isinstance(node, int):
            found[(page, node)] = (types, ids)
        elif isinstance(node, dict):
            page = node.raw_get("/Pg").idnum if "/Pg" in node else page
            if node.get("/Type") == "/MCR":
                found[(page, int(node["/MCID"]))] = (types, ids)
            elif "/S" in node:
                walk(node.get("/K", []), (*types, str(node["/S"])), (*ids, next(elements)), page)

    root = reader.trailer["/Root"].get("/StructTreeRoot")
    if root is not None:
        walk(root.get_object().get("/K", []), (), (), None)
    return found


def read(reader: pypdf.PdfReader) -> tuple[list[str], list[Run]]:
    """Return each page's text (pypdf) and the runs of text in the pages' own content, with their tags."""
    structure = _structure(reader)
    texts, runs = [], []
    for number, page in enumerate(reader.pages, start=1):
        marks: list[int | None] = []
        reference = page.indirect_reference.idnum if page.indirect_reference is not None else None

        def operator(op, args, cm, tm, marks=marks):
            if op in (b"BDC", b"BMC"):
                properties = args[1] if op == b"BDC" and len(args) > 1 else {}
                marks.append(properties.get("/MCID") if isinstance(properties, dict) else None)
            elif op == b"EMC" and marks:
                marks.pop()

        def text(chars, cm, tm, font, size, number=number, reference=reference, marks=marks):
            if not chars.strip() or font is None:
                return
            mcid = next((mark for mark in reversed(marks) if mark is not None), None)
            types, ids = structure.get((reference, mcid), ((), ())) if mcid is not None else (("/Artifact",), (0,))
            m = _multiply(tm, cm)
            scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
            name = str(font.get("/BaseFont", "")).split("+")[-1]
            runs.append(Run(number, types, ids, name, round(size * scale, 2), round(m[5], 1), m[4], chars))

        texts.append(page.extract_text(visitor_operand_before=operator, visitor_text=text))
    return texts, runs


def element_lines(runs: list[Run], kinds: set[str]) -> dict[int, list[str]]:
    """Return the lines of text (top to bottom, across pages) of every element of the given kinds, by element:
    the text of the runs whose nearest element of those kinds it is."""
    pieces = defaultdict(lambda: defaultdict(list))
    for run in runs:
        element = next((i for t, i in zip(reversed(run.types), reversed(run.ids), strict=True) if t in kinds), None)
        if element is not None:
            pieces[element][(run.page, -run.y)].append((run.x, run.text))
    return {
        element: ["".join(text for _, text in sorted(line)).replace("\n", "").strip() for _, line in sorted(lines.items())]
        for element, lines in pieces.items()
    }


_NOT_RUNNING_TEXT = {"/Table", "/TOC", "/Figure", "/Caption", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Artifact"}


def body_measure(runs: list[Run], font: str = "Source-Serif-4") -> list[int]:
    """Return the characters (spaces included) of every full line of running text: the lines of paragraphs set
    in the body font and size outside tables, figures, headings and the contents, but a paragraph's last."""
    body = [run for run in runs if font in run.font and "/P" in run.types and not _NOT_RUNNING_TEXT & set(run.types)]
    if not body:
        return []
    size = statistics.mode(run.size for run in body)
    lines = element_lines([run for run in body if abs(run.size - size) < 0.05], {"/P"})
    return [len(line) for paragraph in lines.values() for line in paragraph[:-1]]


HEADINGS = {"/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/TH"}


def broken_headings(runs: list[Run], words: set[str]) -> list[str]:
    """Return the line breaks in headings and table headers that hyphenate or split a word, or a range of numbers.

    A line ends in a hyphenation hyphen (U+2010; "-" in a font without it), or in a dash before a number, or in
    a piece of one of the given words (a hyphen that the word has, as in "Wsw-werknemers", may end a line).
    """
    found = []
    tagged = [run for run in runs if HEADINGS & set(run.types)]
    for lines in element_lines(tagged, HEADINGS).values():
        for upper, lower in zip(lines, lines[1:], strict=False):
            head, tail = (upper.split() or [""])[-1].strip("(«"), (lower.split() or [""])[0].strip(",.:;)»")
            stem = head.rstrip("\u2010-")
            range_broken = head.endswith(("–", "-")) and tail[:1].isdigit()
            word_broken = stem + tail in words and head + tail not in words and not (head in words and tail in words)
            if head.endswith("\u2010") or range_broken or word_broken:
                found.append(f"{upper} / {lower}")
    return found


def chapter_starts(reader: pypdf.PdfReader) -> set[int]:
    """Return the numbers of the pages where a chapter (a first-level entry of the outline) starts."""
    return {reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)}


def nearly_empty(fills: list[float], starts: set[int], least: float = 0.25) -> list[tuple[int, float]]:
    """Return the pages (number, fill) filled less than `least` that do not end a chapter or the book (the next
    page starts one)."""
    last = len(fills)
    return [(n, round(f, 2)) for n, f in enumerate(fills, 1) if f < least and n + 1 not in starts and n < last]


def heading_words(soups) -> set[str]:
    """Return the words of the headings and table headers of web pages (BeautifulSoup documents)."""
    words = set()
    for soup in soups:
        for element in soup.select("article h1, article h2, article h3, article h4, article th"):
            words |= {word.strip(",.:;()«»\"'?!") for word in element.get_text(" ", strip=True).split()}
    return words - {""}


def main(path: str) -> None:
    reader = pypdf.PdfReader(path)
    margins = page_margins()
    things = [drawn(page, reader) for page in reader.pages]
    fills = [fill(thing, float(page.mediabox.height), margins) for thing, page in zip(things, reader.pages, strict=True)]
    print(f"{len(reader.pages)} pages")
    print("emptiest:", sorted((round(f, 2), n) for n, f in enumerate(fills, start=1))[:8])
    print("nearly empty, not at a chapter's end:", nearly_empty(fills, chapter_starts(reader)))
    sizes = sorted((round(size, 2), n) for n, thing in enumerate(things, 1) for size, _, _ in thing.runs)
    print("smallest text (points, page):", sizes[:1])
    _, runs = read(reader)
    counts = body_measure(runs)
    if counts:
        print(
            f"measure: mean {statistics.mean(counts):.1f}, shortest {min(counts)}, longest {max(counts)}, lines {len(counts)}"
        )


if __name__ == "__main__":
    main(sys.argv[1])
