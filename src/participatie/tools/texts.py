"""The text of every page as a reader reads it, rendered in-process without a kernel: the text snapshots.

`python -m participatie texts` (`make teksten`) runs the code cells of every page of the book in this
process, for each edition in `EDITIONS`, and writes the page as plain Markdown: the notebook's Markdown
with every glued value put in, each chart as its title, subtitle and description, each table as rows of
cells, and the notes the set-up cells show. The snapshots are committed (`tests/snapshots/`), so a change
of a sentence shows as a readable diff, and `make test` fails when the book's text and its snapshot
differ (`tests/test_texts.py`). `--check` compares instead of writing.

The same conversion reads an executed notebook (`notebook_text`), so the stored outputs of the committed
notebooks can be compared with the snapshots too.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..book import toc

REPO = Path(__file__).resolve().parents[3]
SNAPSHOTS = REPO / "tests" / "snapshots"
GLUE = re.compile(r"\{glue(?::(?:md|text|any))?\}`([^`]+)`")
GLUE_PREFIX = "application/papermill.record/"
# A backslash before ASCII punctuation is Markdown's escape (presentation.escape): the reader sees the mark only.
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
VEGA_LITE = re.compile(r"application/vnd\.vegalite\.v\d+\+json")
# The municipal edition of the snapshots: a small synthetic per-gemeente directory (tools.synthetic with
# 12 municipalities), and municipalities whose directions differ from the national picture.
SYNTHETIC_MUNICIPALITIES = 12


@dataclass(frozen=True)
class Edition:
    """One edition of the book whose text is snapshotted: its folder name, data and municipality."""

    name: str
    synthetic: bool = False
    gemeente: str | None = None


EDITIONS = (
    Edition("landelijk"),
    Edition("gemeente-GM9005", synthetic=True, gemeente="GM9005"),
)


# --- from outputs to text --------------------------------------------------------------------------------


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def html_text(html: str) -> str:
    """Return the text of an HTML output: tables as rows of cells, scripts and styles left out."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "noscript"]):
        element.decompose()
    for table in soup.find_all("table"):
        lines = []
        caption = table.find("caption")
        if caption is not None:
            lines.append(f"Tabel: {_squash(caption.get_text(' '))}")
            caption.decompose()
        for row in table.find_all("tr"):
            cells = [_squash(cell.get_text(" ")) for cell in row.find_all(["th", "td"])]
            lines.append("| " + " | ".join(cells) + " |")
        table.replace_with(soup.new_string("\n" + "\n".join(lines) + "\n"))
    for tag in soup.find_all(["p", "div", "figcaption", "summary", "li", "h1", "h2", "h3", "h4", "br", "figure"]):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [_squash(line) for line in soup.get_text().splitlines()]
    return "\n".join(line for line in lines if line)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def chart_text(spec: dict) -> str:
    """Return what a reader reads of a chart besides its data: title, subtitle and description."""
    title = spec.get("title") or {}
    if isinstance(title, str):
        title = {"text": title}
    lines = []
    for key in ("text", "subtitle"):
        value = title.get(key)
        if value:
            lines.append(" ".join(value) if isinstance(value, list) else str(value))
    if spec.get("description"):
        lines.append(f"Beschrijving: {spec['description']}")
    return "Grafiek: " + "\n".join(lines) if lines else ""


def output_text(output: dict) -> str:
    """Return the text of one cell output as a reader sees it ('' for glue records and plain reprs)."""
    kind = output.get("output_type")
    if kind == "error":
        return f"FOUT: {output.get('ename')}: {output.get('evalue')}"
    if kind == "stream":
        return ""
    data = output.get("data", {})
    if any(key.startswith(GLUE_PREFIX) for key in data):
        return ""
    parts = []
    spec_key = next((key for key in data if VEGA_LITE.fullmatch(key)), None)
    if spec_key is not None:
        spec = data[spec_key]
        parts.append(chart_text(spec if isinstance(spec, dict) else json.loads(_text(spec))))
    if "text/html" in data:
        parts.append(html_text(_text(data["text/html"])))
    elif "text/markdown" in data:
        parts.append(ESCAPED.sub(r"\1", _text(data["text/markdown"]).strip()))
    return "\n\n".join(part for part in parts if part)


def glued(outputs: Iterable[dict]) -> dict[str, str]:
    """Return the texts a cell's outputs glue, by name (their Markdown, else their plain text)."""
    found = {}
    for output in outputs:
        name = output.get("metadata", {}).get("scrapbook", {}).get("name")
        if not name:
            continue
        data = output.get("data", {})
        prefix = output["metadata"]["scrapbook"].get("mime_prefix", "")
        for mime in ("text/markdown", "text/plain"):
            if prefix + mime in data:
                found[name] = _text(data[prefix + mime])
                break
    return found


def cells_text(cells: list[dict]) -> str:
    """Return a page's text from its cells (with outputs): Markdown with glued values put in, then outputs."""
    values: dict[str, str] = {}
    for cell in cells:
        if cell["cell_type"] == "code":
            values.update(glued(cell.get("outputs", [])))
    blocks = []
    for cell in cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "remove-cell" in tags:
            continue
        if cell["cell_type"] == "markdown":
            source = GLUE.sub(lambda m: values.get(m.group(1), f"[ONTBREEKT: {m.group(1)}]"), _text(cell["source"]))
            blocks.append(ESCAPED.sub(r"\1", source.strip()))
        elif cell["cell_type"] == "code" and "remove-output" not in tags:
            blocks += [text for text in (output_text(o) for o in cell.get("outputs", [])) if text]
    return "\n\n".join(block for block in blocks if block) + "\n"


def notebook_text(path: str | Path) -> str:
    """Return the text of an executed notebook (its stored outputs)."""
    return cells_text(nbformat.read(path, as_version=4).cells)


# --- running a page in this process -------------------------------------------------------------------------


def run_cells(cells: list[dict], parameters: dict) -> list[dict]:
    """Return the cells with the outputs their code gives in this process (parameters set after the parameters cell)."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()  # capture_output captures rich displays and sys.displayhook through it
    namespace: dict = {"__name__": "__main__"}
    result = []
    for cell in cells:
        cell = dict(cell)
        if cell["cell_type"] != "code":
            result.append(cell)
            continue
        with capture_output(display=True) as captured:
            _execute(_text(cell["source"]), namespace)
        outputs = [{"output_type": "display_data", "data": o.data, "metadata": o.metadata} for o in captured.outputs]
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            namespace.update(parameters)
        cell["outputs"] = outputs
        result.append(cell)
    return result


def _execute(source: str, namespace: dict) -> None:
    """Run a cell's code; the value of its last line, if an expression, goes to sys.displayhook (as in a notebook)."""
    tree = ast.parse(source)
    last = tree.body[-1:] if tree.body and isinstance(tree.body[-1], ast.Expr) else []
    body = ast.Module(body=tree.body[: len(tree.body) - len(last)], type_ignores=[])
    exec(compile(body, "<cell>", "exec"), namespace)  # noqa: S102 - the book's own notebooks
    exec(compile(ast.Interactive(body=last), "<cell>", "single"), namespace)  # noqa: S102


def page_text(page: str, data_dir: Path | None, gemeente: str | None) -> str:
    """Return the text of one page of the book in an edition, rendered in this process."""
    path = REPO / f"{page}.ipynb"
    if not path.exists():
        return (REPO / f"{page}.md").read_text(encoding="utf-8").strip() + "\n"
    notebook = nbformat.read(path, as_version=4)
    parameters = {"data_dir": str(data_dir) if data_dir else None, "gemeente": gemeente}
    with contextlib.chdir(path.parent):  # as papermill runs a notebook: in its own folder
        return cells_text(run_cells(notebook.cells, parameters))


def edition_texts(edition: Edition, synthetic_dir: Path | None, only: Iterable[str] = ()) -> dict[str, str]:
    """Return the text of every page of the book (or of the pages `only`) in one edition, by page."""
    data_dir = synthetic_dir if edition.synthetic else None
    return {page: page_text(page, data_dir, edition.gemeente) for page in toc.documents() if not only or page in only}


def render_all(editions=EDITIONS, only: Iterable[str] = ()) -> dict[str, dict[str, str]]:
    """Return the text of every page (or of the pages `only`) in every edition: {edition: {page: text}}."""
    from . import synthetic

    with tempfile.TemporaryDirectory(prefix="participatie-texts-") as temporary:
        synthetic_dir = None
        if any(e.synthetic for e in editions):
            synthetic_dir = Path(temporary) / "synthetic"
            synthetic.generate(synthetic_dir, count=SYNTHETIC_MUNICIPALITIES)
        return dict(zip([e.name for e in editions], _map(edition_texts, editions, synthetic_dir, list(only))))


def _map(function, editions, *arguments) -> list:
    """Return `function(edition, *arguments)` for every edition: one process per edition, as many at once as
    there are cores (forked, so the package is imported once); in this process when there is one of either."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = min(len(editions), os.cpu_count() or 1)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [function(edition, *arguments) for edition in editions]
    from .. import book  # noqa: F401 - imported before forking: pandas, altair and the package load once

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(function, editions, *([a] * len(editions) for a in arguments)))


def snapshot_path(edition: str, page: str) -> Path:
    """Return the snapshot file of a page in an edition (page paths flattened: chapters/x → chapters.x.md)."""
    return SNAPSHOTS / edition / f"{page.replace('/', '.')}.md"


def write(texts: dict[str, dict[str, str]]) -> list[Path]:
    """Write the snapshots; remove snapshot files of pages that no longer exist; return the files that changed."""
    changed = []
    for edition, by_page in texts.items():
        folder = SNAPSHOTS / edition
        folder.mkdir(parents=True, exist_ok=True)
        wanted = {snapshot_path(edition, page): text for page, text in by_page.items()}
        for path, text in wanted.items():
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed.append(path)
        for stale in folder.glob("*.md"):  # only snapshot files this command wrote, of pages that left the book
            if stale not in wanted and stale.stem.replace(".", "/") not in toc.documents():
                stale.unlink()
                changed.append(stale)
    return changed


def differences(texts: dict[str, dict[str, str]]) -> str:
    """Return a unified diff of the snapshots against the rendered texts ('' when they agree)."""
    out = []
    for edition, by_page in texts.items():
        for page, text in by_page.items():
            path = snapshot_path(edition, page)
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                rel = path.relative_to(REPO)
                out += difflib.unified_diff(
                    old.splitlines(keepends=True), text.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
                )
    return "".join(out)


def main(check: bool = False, only: Iterable[str] = ()) -> int:
    """Render every edition (or only some pages); write the snapshots (or, with `check`, print the differences)."""
    only = [page.removesuffix(".ipynb") for page in only]
    unknown = sorted(set(only) - set(toc.documents()))
    if unknown:
        print(f"texts: no page {', '.join(unknown)}; pages: {', '.join(toc.documents())}")
        return 2
    started = time.perf_counter()
    texts = render_all(only=only)
    seconds = time.perf_counter() - started
    count = sum(len(p) for p in texts.values())
    if check:
        diff = differences(texts)
        if diff:
            print(diff)
            print(f"texts: the rendered text of the book differs from tests/snapshots ({count} pages, {seconds:.1f} s)")
            return 1
        print(f"texts: {count} pages in {len(texts)} editions agree with tests/snapshots ({seconds:.1f} s)")
        return 0
    changed = write(texts)
    print(
        f"texts: {count} pages in {len(texts)} editions rendered in {seconds:.1f} s; {len(changed)} snapshot file(s) changed"
    )
    for path in changed:
        print(f"  {path.relative_to(REPO)}")
    return 0
