"""What text and files from others may hold and cost, and how such text is shown on a terminal.

Data directories come from others, so every string in them is checked before any other check sees it
(`cell_problem`): a cell holds no control character (a tab or line break inside free text is text), no
digit of another script (full-width ２, Arabic-Indic ٢: Python reads them as numbers, the letters never print
them), no white space at its start or end (a space, a no-break space, a line break), and at most
`MAX_CELL_CHARS` characters. What they may cost is bounded as well:
files by size, tables by columns, JSON by nesting, and a descriptor's patterns by their form and by time
(`pattern_problem`, `time_limit`). Unicode direction controls (U+202E and friends), which would reverse
the book's own text around them, are removed from every string that reaches the book (`without_bidi`),
and `terminal` shows control characters escaped, so that no cell can clear a screen or fake a line.
"""

from __future__ import annotations

import json
import re
import signal
import threading
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path

# The limits, stated in the README ("Data from others"). The bundled data stay far below each of them.
MAX_FILE_BYTES = 50_000_000  # a resource file (CSV): the synthetic per-gemeente tables are about 10 MB
MAX_JSON_BYTES = 2_000_000  # the descriptor, a schema file, a page index
MAX_JSON_DEPTH = 32  # nesting of objects and lists in any of those (the descriptor needs 7)
MAX_COLUMNS = 100  # columns of a table and fields of a schema (the widest table has 14)
MAX_CELL_CHARS = 2_000  # characters in one cell (the longest bundled cell has 614)
MAX_PATTERN_CHARS = 500  # characters in a descriptor's pattern (the longest bundled one has 62)
PATTERN_SECONDS = 5.0  # time all pattern checks of one file may take together
# Compressed files are refused: they can expand a thousandfold while another table's keys are looked up.
COMPRESSED_SUFFIXES = (".gz", ".tgz", ".bz2", ".xz", ".lzma", ".zip", ".zst", ".lz4", ".7z", ".tar", ".br")

# Unicode's explicit direction controls: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
PLAIN_CELL = re.compile(r"[!-~](?:[ -~]*[!-~])?")  # printable ASCII without a space at either end


def without_bidi(value):
    """Return a string (or the strings in a list or dict, recursively) without Unicode direction controls."""
    if isinstance(value, str):
        return _BIDI.sub("", value)
    if isinstance(value, list):
        return [without_bidi(item) for item in value]
    if isinstance(value, dict):
        return {without_bidi(key): without_bidi(item) for key, item in value.items()}
    return value


def cell_problem(text: str) -> str | None:
    """Return why a cell's text cannot be read as data (None: it can); see the module's rules."""
    if len(text) > MAX_CELL_CHARS:
        return f"the cell has {len(text):,} characters; at most {MAX_CELL_CHARS:,} are allowed"
    if not text or PLAIN_CELL.fullmatch(text):
        return None  # the common case: printable ASCII
    for character in text:
        category = unicodedata.category(character)
        if category == "Cc" and character not in "\t\n\r":
            return f"the cell contains a control character ({escaped(character)}); remove it"
        if category == "Nd" and not "0" <= character <= "9":
            return (
                f"the cell writes a digit in another script ({escaped(character)}, {unicodedata.name(character, '?')}); "
                "write the digits 0-9"
            )
    if text != text.strip():
        return "the cell starts or ends with white space (a space, a no-break space or a line break); remove it"
    return None


def escaped(character: str) -> str:
    """Return a character as an escape a reader can see: \\x1b, \\u202e (a lone surrogate: the byte it stands for)."""
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: object, keep_lines: bool = True) -> str:
    """Return text safe to print on a terminal: control, format and direction characters and undecodable
    bytes shown as escapes (\\x1b, \\u202e), so none can move the cursor, clear the screen, write the
    clipboard or reverse a line. Line breaks and tabs are kept when keep_lines (the program's own layout)."""
    text = str(text)
    if text.isascii() and text.isprintable():
        return text
    kept, hidden = "\n\t" if keep_lines else "", {"Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"}
    return "".join(escaped(c) if c not in kept and unicodedata.category(c) in hidden else c for c in text)


# --- JSON ----------------------------------------------------------------------------------------------


class JsonProblem(ValueError):
    """A JSON file that cannot be used; `line` is the line of a syntax error (None otherwise)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def json_depth(value: object) -> int:
    """Return how deeply lists and objects nest in a parsed JSON value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                break
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def read_json(path: str | Path) -> object:
    """Return the value of a JSON file (UTF-8, a byte order mark allowed); JsonProblem says what is wrong."""
    with open(path, "rb") as handle:
        raw = handle.read(MAX_JSON_BYTES + 1)
    if len(raw) > MAX_JSON_BYTES:
        raise JsonProblem(f"the file has {len(raw):,} bytes; at most {MAX_JSON_BYTES:,} are allowed")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise JsonProblem("not UTF-8 text (save it as UTF-8)") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise JsonProblem(f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})", error.lineno) from None
    except RecursionError:
        raise JsonProblem(f"lists and objects are nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise JsonProblem(f"not valid JSON: {error}") from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise JsonProblem(f"lists and objects are nested more than {MAX_JSON_DEPTH} levels deep")
    return value


# --- patterns ------------------------------------------------------------------------------------------


class PatternTimeout(Exception):
    """Raised inside `time_limit` when the time is up."""


def pattern_problem(pattern: object) -> str | None:
    """Return why a descriptor's pattern may not be used (None: it may).

    A pattern must be a regular expression of at most MAX_PATTERN_CHARS characters without a repetition
    inside a repetition, such as (a+)+ or (a|aa)*: those take exponential time on a cell that almost
    matches. What this rule cannot see is bounded in time when the pattern runs (`time_limit`).
    """
    if not isinstance(pattern, str):
        return "a pattern must be a string"
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"the pattern has {len(pattern):,} characters; at most {MAX_PATTERN_CHARS} are allowed"
    try:
        parsed = re._parser.parse(pattern)  # the parser re.compile uses
    except (re.error, RecursionError, OverflowError) as error:
        return f"not a valid pattern: {error}"
    if _nested_repetition(parsed):
        return (
            "the pattern repeats a part that itself repeats or has alternatives, as in (a+)+ or (a|aa)*; "
            "such a pattern can take exponential time on a cell: write it without the nesting"
        )
    return None


def _nested_repetition(parsed) -> bool:
    """Return whether a parsed pattern has a repeat (more than once) around a variable part."""
    stack = [(parsed, False)]
    while stack:
        items, repeated = stack.pop()
        for op, argument in items:
            name = str(op)
            if name.endswith("_REPEAT"):
                low, high, body = argument
                if repeated and (low != high or any(str(inner) == "BRANCH" for inner, _ in body)):
                    return True
                stack.append((body, repeated or high > 1))
            elif name == "BRANCH":
                if repeated:
                    return True
                stack.extend((branch, repeated) for branch in argument[1])
            else:  # a group, lookaround or conditional: the parts it holds
                parts = argument if isinstance(argument, tuple) else (argument,)
                stack.extend((part, repeated) for part in parts if isinstance(part, re._parser.SubPattern))
    return False


@contextmanager
def time_limit(seconds: float):
    """Raise PatternTimeout in the block after `seconds` (a signal timer: in the main thread only; elsewhere
    the block runs unbounded, and only `pattern_problem`'s rule protects it)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise PatternTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    earlier, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier:  # someone else's timer was running: let it go off when it would have
            signal.setitimer(signal.ITIMER_REAL, max(earlier - (time.monotonic() - started), 0.001), interval)
