"""Escaping text that comes from the data or the command line for the context it lands in.

Data directories come from others and the built book is a public web page, so no string from a data
file, a descriptor or a command-line value may become markup: it is escaped for HTML text and
attributes (`html_text`), for Markdown/MyST glued into the prose (`markdown`), and for JSON inside a
`<script>` element (`script_json`). Every one of them also removes Unicode's direction controls (U+202E
and friends, `data.untrusted.BIDI_CONTROLS`), which would otherwise reverse the book's own text around a
value ("over 2011 en 2012" shown as "2102 ne 1102"); `data.load` removes them where the data enter, this
is the same rule for every other string (descriptor texts, file names, command-line values).
"""

from __future__ import annotations

import html
import json
import re
import string

from ..data.untrusted import BIDI_CONTROLS

_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
_NO_BIDI = str.maketrans(dict.fromkeys(BIDI_CONTROLS))
# JSON in a <script> element: no "</script>" or "<!--" from the data; U+2028/2029 end a line in older JavaScript.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def plain(value: object) -> str:
    """Return a value as text without direction controls (the first step of every escape here)."""
    return str(value).translate(_NO_BIDI)


def html_text(value: object) -> str:
    """Return text safe inside an HTML element or a quoted attribute (&, <, >, " and ' escaped)."""
    return html.escape(plain(value), quote=True)


def markdown(value: object) -> str:
    """Return text that MyST renders literally: every ASCII punctuation mark backslash-escaped, one line.

    CommonMark treats a backslash before any ASCII punctuation as that character, so no emphasis, link,
    role, directive, HTML tag or entity can start inside the text; line breaks become spaces, so no
    block (a heading, a fence, a directive) can start either.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_BREAKS.sub(" ", plain(value)))


def script_json(value: object) -> str:
    """Return JSON that is safe inside a <script> element: <, > and & as \\u escapes (no </script>, no <!--)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return plain(text).translate(_SCRIPT_ESCAPES)


# WeasyPrint's line breaking of one long word takes time that grows faster than the square of its length
# (hyphenation is tried at every point): a 1,000-character word in a table cell takes 19 s, 8,000 never
# end. The print edition therefore cuts a word longer than LONG_WORD into pieces of WORD_PIECE characters
# with a zero-width space between them and prints it unhyphenated (`book.pdf`); no bundled word is that long.
LONG_WORD = 60
WORD_PIECE = 30
# (In a group: re.split puts every long word at an odd place of its list.)
LONG_WORD_PATTERN = re.compile(rf"(\S{{{LONG_WORD + 1},}})")


def cut_word(word: str) -> str:
    """Return a long word with a zero-width space every WORD_PIECE characters."""
    return "\u200b".join(word[start : start + WORD_PIECE] for start in range(0, len(word), WORD_PIECE))
