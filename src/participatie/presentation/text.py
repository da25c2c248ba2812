"""The book's words as text files: Markdown templates with named blocks, and YAML label files.

A page's words that depend on the data or the edition live in one text file beside its notebook,
`chapters/<theme>.tekst.md` (the introduction `intro.tekst.md`, an appendix `appendices/<page>.tekst.md`):
Markdown with Jinja2 (https://jinja.palletsprojects.com/) named blocks. Each block is glued into the
notebook under its name (`{glue:md}`name``); its wording may branch on facts (`{% if municipal %}`) and
formats facts through the shared vocabulary as filters (`{{ working | count }}`, `{{ working | cite }}`).
Words that several pages share (the notes at the top of an edition) live in the package, `book/boek.tekst.md`,
and a block of it is put in with `{{ shared("name") }}`.

The rules that keep the text safe and honest:

- Every value from the data is escaped for Markdown (a string that is not `vocabulary.Md`), so no data
  becomes markup; a number, a figure or a letter must go through a filter (an error otherwise, so that no
  `1234.5` or `Figure(...)` reaches a page).
- An undefined fact fails the rendering (`StrictUndefined`): it never renders as an empty string.
- What the text file writes itself (a block, a macro, a `{% set %}` block, `join`, `sep`) is Markdown and is
  not escaped; do not glue a filter's output to other text with `~` (that text would be escaped again).
- A block's lines are joined into paragraphs (a blank line separates paragraphs; a line that starts a list
  item or a quote stays a line), so a text file can wrap its lines freely.

Chart titles, subtitles, descriptions, axis and legend words and table headings of a chapter live in
`chapters/<theme>.labels.yml`; a label may use the same filters and facts (`label`).

Every kernel that renders a page would compile its text files anew (about 0.6 s for the introduction's six);
Jinja2 keeps the compiled files in the cache's `templates` folder (`_bytecode_cache`). Compiled code runs
when it is loaded, so that folder is used only when it is this user's own and no one else can write to it,
and its name carries the Jinja2 version and the digest of this module, which sets how the files compile.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path

import jinja2
import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context

from ..data.validation import cache_dir
from ..figures.facts import Figure, Letter
from . import escape, labels, vocabulary
from .vocabulary import Md

REPO = Path(__file__).resolve().parents[3]
PACKAGE = Path(__file__).resolve().parents[1]
SHARED = "book/boek.tekst.md"
LABELS_SUFFIX = ".labels.yml"

# The vocabulary as filters: the names the text files use.
FILTERS = {
    "number": vocabulary.number,
    "value": vocabulary.value,
    "count": vocabulary.count,
    "pct": vocabulary.pct,
    "words": vocabulary.words,
    "period": vocabulary.period,
    "date": vocabulary.long_date,
    "date_at": vocabulary.date_at,
    "month": vocabulary.month,
    "quantity": vocabulary.quantity,
    "letter": vocabulary.letter,
    "letters": vocabulary.letters_phrase,
    "letter_date": vocabulary.letter_date,
    "ref": vocabulary.ref,
    "reference": vocabulary.reference,
    "cite": vocabulary.cite,
    "pages": vocabulary.pages_text,
    "difference": vocabulary.difference,
    "direction": vocabulary.direction,
    "change": vocabulary.change,
    "compare": vocabulary.comparison,
    "higher_lower": vocabulary.higher_lower,
    "joined": vocabulary.joined,
    "plural": vocabulary.plural,
    "sentence": vocabulary.sentence,
    "moment": vocabulary.moment,
    "when": vocabulary.when,
    "value_or_nil": vocabulary.value_or_nil,
    "revision_kind": labels.REVISION_KIND_TEXT.__getitem__,  # the word of a kind of difference between letters
    "size": vocabulary.size,
    "change_amount": vocabulary.change_amount,
}
_LIST_OR_QUOTE = re.compile(r"^(?:[-*+] |\d+\. |>)")
_SPACE_BEFORE_MARK = re.compile(r" +([.,;:)])")
_SPACE_AFTER_BRACKET = re.compile(r"\( +")


class TextError(ValueError):
    """Raised when a text file cannot be rendered: a value without a filter, an unknown block."""


def _plain_value(value) -> str:
    """Put a value into a label (a chart or table text, escaped where it lands): text as it is."""
    if isinstance(value, bool | int | float | Figure | Letter) or value is None:
        raise TextError(f"{value!r} needs a filter (count, pct, value, period, letter, cite, number, words …)")
    return str(value)


def _markdown_value(value) -> str:
    """Put a value into Markdown: the vocabulary's Markdown as it is, any other text escaped."""
    return value if isinstance(value, Md) else escape.markdown(_plain_value(value))


def tidy(text: str) -> str:
    """Return rendered text as Markdown paragraphs: lines joined, single spaces, no space before a mark."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines: list[str] = []
        for line in (line.strip() for line in paragraph.splitlines()):
            if not line:
                continue
            if lines and not _LIST_OR_QUOTE.match(line):
                lines[-1] += " " + line
            else:
                lines.append(line)
        cleaned = [_SPACE_AFTER_BRACKET.sub("(", _SPACE_BEFORE_MARK.sub(r"\1", re.sub(r" {2,}", " ", x))) for x in lines]
        if cleaned:
            paragraphs.append("\n".join(cleaned))
    return "\n\n".join(paragraphs)


class _TextEnvironment(Environment):
    """Jinja2 whose own output (a block, a macro, a `{% set %}` block) is `Md`: put in as it is, never escaped twice."""

    concat = staticmethod(lambda parts: Md("".join(parts)))


def _join(items, separator: str = "") -> Md:
    """Return items joined (Jinja's `join`, but escaping only what is not the vocabulary's Markdown)."""
    return Md(separator.join(vocabulary._md(item) for item in items))


def _environment(finalize, join=None, bytecode_cache: FileSystemBytecodeCache | None = None) -> Environment:
    environment = _TextEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(REPO)), FileSystemLoader(str(PACKAGE))]),
        undefined=StrictUndefined,
        finalize=finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache,
    )
    environment.filters.update(FILTERS)
    if join:  # the labels keep Jinja's own `join` (plain text, no autoescape)
        environment.filters["join"] = join
    environment.globals["sep"] = separator
    environment.globals["shared"] = shared
    return environment


class _KeptCompilations(FileSystemBytecodeCache):
    """Jinja2's file cache of compiled text files, where a file that cannot be read or written only costs time."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Return the cache of compiled text files, or None (compile every time) where it cannot be trusted."""
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    folder = cache_dir() / "templates" / f"jinja2-{jinja2.__version__}-{digest}"
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        mode = [os.lstat(path) for path in (folder, folder.parent)]
    except OSError:
        return None
    own = all(stat.S_ISDIR(m.st_mode) and m.st_uid == os.getuid() and not m.st_mode & 0o022 for m in mode)
    return _KeptCompilations(str(folder)) if own else None


def separator(loop, last: str = " en ", between: str = ", ") -> Md:
    """Return what follows an item of a Jinja loop in a Dutch list: `between`, then `last` before the last item."""
    return Md("" if loop.last else last if loop.revindex == 2 else between)


@functools.cache
def markdown_environment() -> Environment:
    """Return the environment of the text files (values escaped for Markdown), their compilations kept."""
    return _environment(_markdown_value, _join, _bytecode_cache())


@functools.cache
def label_environment() -> Environment:
    """Return the environment of the labels (values as plain text: the chart or table escapes them)."""
    return _environment(_plain_value)


def _context(template, values: Mapping):
    """Return the context of a text file: the facts and what the file defines at its top (macros, `set`)."""
    context = template.new_context(dict(values))
    real = context.blocks
    context.blocks = {name: [lambda _context: iter(())] for name in real}  # the top level only, no block
    for _ in template.root_render_func(context):  # defines the macros and `set` values the blocks may use
        pass
    context.blocks = real
    return context


def _render_block(template, name: str, context) -> Md:
    try:
        render = template.blocks[name]
    except KeyError:
        raise TextError(f"{template.name} has no block {name!r}; blocks: {', '.join(template.blocks)}") from None
    return Md(tidy("".join(render(context))))


def blocks(path: str, values: Mapping) -> dict[str, Md]:
    """Return every named block of a text file (path relative to the repository), rendered with the facts."""
    template = markdown_environment().get_template(path)
    context = _context(template, values)
    return {name: _render_block(template, name, context) for name in template.blocks}


def block(path: str, name: str, values: Mapping) -> Md:
    """Return one named block of a text file, rendered with the facts."""
    template = markdown_environment().get_template(path)
    return _render_block(template, name, _context(template, values))


@pass_context
def shared(context, name: str) -> Md:
    """Return a block of the book's shared text file (`book/boek.tekst.md`) rendered with the caller's facts."""
    return block(SHARED, name, context.get_all())


@functools.cache
def labels(path: str) -> dict:
    """Return a label file (YAML, found as a text file is: in the repository, else the package) as nested dictionaries."""
    source, _, _ = label_environment().loader.get_source(label_environment(), path)
    return yaml.safe_load(source) or {}


def label(path: str, key: str, values: Mapping | None = None):
    """Return one label by its dotted key ('advices.title'), rendered with `values` when it holds a template."""
    found = labels(path)
    for part in key.split("."):
        if not isinstance(found, dict) or part not in found:
            raise TextError(f"{path} has no label {key!r}")
        found = found[part]
    if not isinstance(found, str) or ("{{" not in found and "{%" not in found):
        return found  # a list or a table of labels (legend entries, column headers), or a label without a template
    return tidy(_label_template(found).render(**dict(values or {})))


@functools.lru_cache(maxsize=1024)
def _label_template(source: str):
    return label_environment().from_string(source)
