"""Page index of the source letters: per page, the numbers as printed and a hash of the text.

The repository may not hold the letters' text, so it commits one index per letter instead
(data/letters/<source_id>.json). Provenance checks run against the index on any clone; the `verify`
command regenerates every index from the letters (wherever an analyst has them) and reports each
difference.

    python -m participatie letters index LETTER.txt --source-id ek-34775-ak
    python -m participatie letters verify --letters DIR    # DIR: a folder with the letters' text

Standard library only. The page rule, the normalisation, `spellings` and the matching rule live here
once: `build_index` and the provenance check (`printed_on_page`) both use them, so a figure is found in the index exactly
when it is printed on the page.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from pathlib import Path

from .untrusted import read_json

FORMAT = 1
# A letter's id (as in sources.csv): chamber, dossier, number. It names the index file, so nothing else may.
SOURCE_ID = re.compile(r"(tk|ek)-[0-9]+-[a-z0-9]+")

# A page starts at a line that begins with one space and then text, right after a printed footer
# "Tweede/Eerste Kamer, vergaderjaar …, <reference> <page>" (which ends its page), and at a form feed
# (as pdftotext writes between pages). A footer's printed number must equal the page the rule gives.
_PAGE_BREAK = re.compile(r"^ \S")
_FOOTER = re.compile(r"^(Tweede|Eerste) Kamer, vergaderjaar \d{4}.\d{4}, .* (\d+)\s*$")

# Number words a letter may print instead of digits.
_TWO_TO_TWELVE = ["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
_WORDS = {1: ["een", "één"], 100: ["honderd"], 1000: ["duizend"]} | {n: [w] for n, w in enumerate(_TWO_TO_TWELVE, start=2)}

# The text checker finds a spelling where it is not preceded by a digit, dot or comma and not followed
# by a digit or by a dot or comma plus digit. Every spelling has one of the shapes below: digits with
# an optional decimal comma, dot-grouped thousands with optional decimals, or space-grouped thousands.
_START = re.compile(r"(?<![\d.,])[0-9]")
_STOP = re.compile(r"\d|[.,]\d")
_RUN = re.compile(r"[0-9.,]+")
_PLAIN = re.compile(r"[0-9]+(?:,[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_SPACED = re.compile(r"[0-9]{1,3}(?: [0-9]{3})+")
_WORD_PATTERNS = {
    word: re.compile(rf"(?<![\d.,]){re.escape(word)}(?![\d]|[.,]\d)", re.IGNORECASE)
    for words in _WORDS.values()
    for word in words
}


def normalise(text: str) -> str:
    """Return the text with words hyphenated across lines joined and every whitespace run one space."""
    text = re.sub(r"-\s*\n\s*", "", text)
    return re.sub(r"\s+", " ", text)


def split_pages(text: str) -> list[str]:
    """Return the normalised text of each page of a letter (index 0 is page 1)."""
    chunks = text.split("\f")
    if len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()  # pdftotext ends the last page with a form feed too
    result: list[list[str]] = [[]]
    after_footer = False
    first_line = True
    for number, chunk in enumerate(chunks):
        if number > 0 and (len(result) > 1 or result[-1]):
            result.append([])  # a form feed always starts a page (a blank page stays a page)
            after_footer = False
        for line in chunk.splitlines():
            if not first_line and (_PAGE_BREAK.match(line) or (after_footer and line.strip())):
                if result[-1]:
                    result.append([])
                after_footer = False
            first_line = False
            result[-1].append(line)
            footer = _FOOTER.match(line)
            if footer:
                if int(footer.group(2)) != len(result):
                    raise ValueError(f"footer says page {footer.group(2)} but the page rule gives {len(result)}: {line!r}")
                after_footer = True
    return [normalise("\n".join(page)) for page in result]


def number_tokens(page_text: str) -> list[str]:
    """Return every number printed on the page (digits as printed, known number words in lower case), sorted and unique."""
    text = normalise(page_text)
    found: set[str] = set()
    for start in _START.finditer(text):
        begin = start.start()
        here: set[str] = set()
        run_end = _RUN.match(text, begin).end()
        for end in range(begin + 1, run_end + 1):  # no spaces: 1.465 | 612,709 | 23.444,00 | 2017
            if _PLAIN.fullmatch(text, begin, end) and not _STOP.match(text, end):
                here.add(text[begin:end])
        spaced = _SPACED.match(text, begin)  # 1 465 000 gives 1 465 and 1 465 000 (and, from later starts, 465 000)
        if spaced:
            for end in [m.start() for m in re.finditer(" ", spaced.group())][1:] + [len(spaced.group())]:
                if not _STOP.match(text, begin + end):
                    here.add(text[begin : begin + end])
        found |= here
        if begin > 0 and text[begin - 1] == "-" and (begin == 1 or text[begin - 2] not in "0123456789.,"):
            found |= {"-" + token for token in here}  # a negative number as spellings() writes it
    found |= {word for word, pattern in _WORD_PATTERNS.items() if pattern.search(text)}
    return sorted(found)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_sha256(text: str) -> str:
    """Return the sha256 of a letter's whole normalised text (leading and trailing space stripped)."""
    return _sha256(normalise(text).strip())


def check_source_id(source_id: object) -> str:
    """Return a letter id (tk-29817-126); raise ValueError for anything else (such as ../../x)."""
    if not isinstance(source_id, str) or not SOURCE_ID.fullmatch(source_id):
        shown = repr(source_id)[:60]
        raise ValueError(f"source id {shown} is not a letter id: tk or ek, the dossier and the number, e.g. tk-29817-126")
    return source_id


def build_index(text: str, source_id: str) -> dict:
    """Return the page index of a letter's text: per page its number, hash and printed numbers."""
    check_source_id(source_id)
    pages = [
        {"page": number, "sha256": _sha256(page), "numbers": number_tokens(page)}
        for number, page in enumerate(split_pages(text), start=1)
    ]
    return {"format": FORMAT, "source_id": source_id, "text_sha256": text_sha256(text), "pages": pages}


def dumps(index: dict) -> str:
    """Return the index as deterministic JSON text (sorted keys, indent 1, UTF-8 characters, final newline)."""
    return json.dumps(index, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _check_index(index: object) -> str | None:
    """Return what is wrong with an index's structure, or None when it is well formed."""
    if not isinstance(index, dict) or set(index) != {"format", "source_id", "text_sha256", "pages"}:
        return "expected an object with exactly format, source_id, text_sha256 and pages"
    if index["format"] != FORMAT:
        return f"format is {index['format']!r}, this code reads format {FORMAT}"
    if not isinstance(index["source_id"], str) or not SOURCE_ID.fullmatch(index["source_id"]):
        return "source_id must be a letter id such as tk-29817-126"
    if not isinstance(index["text_sha256"], str) or not _HEX64.fullmatch(index["text_sha256"]):
        return "text_sha256 must be 64 lower-case hex digits"
    if not isinstance(index["pages"], list) or not index["pages"]:
        return "pages must be a non-empty list"
    for number, page in enumerate(index["pages"], start=1):
        if not isinstance(page, dict) or set(page) != {"page", "sha256", "numbers"}:
            return f"pages[{number - 1}] must be an object with exactly page, sha256 and numbers"
        if page["page"] != number:
            return f"pages[{number - 1}] has page {page['page']!r}, expected {number}"
        if not isinstance(page["sha256"], str) or not _HEX64.fullmatch(page["sha256"]):
            return f"page {number}: sha256 must be 64 lower-case hex digits"
        numbers = page["numbers"]
        if not isinstance(numbers, list) or not all(isinstance(n, str) for n in numbers):
            return f"page {number}: numbers must be a list of strings"
        if numbers != sorted(set(numbers)):
            return f"page {number}: numbers must be sorted and unique"
    return None


def read_index(path: str | Path) -> dict:
    """Return the index stored in a JSON file (ValueError naming the file when it is malformed)."""
    path = Path(path)
    try:
        index = read_json(path)
    except ValueError as error:  # not UTF-8, not JSON, nested too deeply, too large
        raise ValueError(f"{path}: not a page index (invalid JSON: {error})") from None
    problem = _check_index(index)
    if problem:
        raise ValueError(f"{path}: malformed page index: {problem}")
    return index


def load_indexes(directory: str | Path) -> dict[str, dict]:
    """Return the indexes of a folder (such as data/letters/) by source id, from files <source_id>.json."""
    indexes = {}
    for path in sorted(Path(directory).glob("*.json")):
        index = read_index(path)
        if index["source_id"] != path.stem:
            raise ValueError(f"{path}: holds the index of {index['source_id']!r}, expected {path.stem!r} by its name")
        indexes[path.stem] = index
    return indexes


def spellings(value: float) -> list[str]:
    """Return the ways a value may be printed in a Dutch letter (1.465, 1465, 0,5, twee...)."""
    forms: list[str] = []
    if float(value).is_integer():
        number = int(value)
        forms += [f"{number:,}".replace(",", "."), str(number), f"{number:,}".replace(",", " ")]
        forms.append(f"{number:,}".replace(",", ".") + ",00")  # an amount in euro with its cents: 23.444,00
        forms += _WORDS.get(number, [])
    else:
        text = f"{value:.6f}".rstrip("0")
        whole, decimals = text.split(".")
        whole_dutch = f"{int(whole):,}".replace(",", ".")
        forms += [f"{whole_dutch},{decimals}", f"{whole},{decimals}"]
        if len(decimals) == 1:
            forms.append(f"{whole_dutch},{decimals}0")  # an amount in euro with its cents: 5,20
        if len(decimals) <= 3 and value < 10_000:
            forms.append(f"{whole},{decimals.ljust(3, '0')}")  # 612,709 miljoen printed with 3 decimals
    return list(dict.fromkeys(forms))


def printed_on_page(index: dict, page: int, value: float) -> bool:
    """Return whether some spelling of the value is among the numbers of the given page of the index."""
    pages = index["pages"]
    if not 1 <= page <= len(pages):
        return False
    numbers = set(pages[page - 1]["numbers"])
    return any(form.lower() in numbers for form in spellings(value))


def missing_figure_rows(rows, indexes: dict[str, dict], *, value_field: str = "value") -> list[tuple[int, str]]:
    """Return (row number, message) per row whose value is not on its cited page (unindexed letters skipped)."""
    problems = []
    for row_number, row in enumerate(rows, start=2):  # row 1 is the header
        value, source_id = (row.get(value_field) or "").strip(), row.get("source_id") or ""
        if not value or source_id not in indexes:
            continue
        what = " ".join(part for part in (row.get("indicator"), row.get("period")) if part)
        where = f"{what}: " if what else ""
        try:
            page, number = int(row["page"]), float(value)
        except (KeyError, TypeError, ValueError):
            continue  # a page or value that is no number is reported by the schema
        if not math.isfinite(number):
            continue  # NaN or infinity: reported by the value checks, printed on no page
        page_count = len(indexes[source_id]["pages"])
        if not 1 <= page <= page_count:
            message = f"{where}page {page} of {source_id} does not exist (the letter has {page_count} pages)"
            problems.append((row_number, message))
        elif not printed_on_page(indexes[source_id], page, number):
            message = f"{where}value {value} is not printed on page {page} of {source_id} (page index {source_id}.json)"
            problems.append((row_number, message))
    return problems


def compare(committed: dict, rebuilt: dict) -> list[str]:
    """Return the differences between a committed index and one rebuilt from the letter (empty when equal)."""
    sid = committed["source_id"]
    differences = []
    if committed["text_sha256"] != rebuilt["text_sha256"]:
        old_hash, new_hash = committed["text_sha256"][:12], rebuilt["text_sha256"][:12]
        differences.append(f"{sid}: text hash differs (committed {old_hash}…, letter {new_hash}…)")
    old_pages, new_pages = committed["pages"], rebuilt["pages"]
    if len(old_pages) != len(new_pages):
        differences.append(f"{sid}: page count differs (committed {len(old_pages)}, letter {len(new_pages)})")
    for old, new in zip(old_pages, new_pages):
        if old["sha256"] != new["sha256"]:
            differences.append(f"{sid} page {old['page']}: text hash differs")
        if old["numbers"] != new["numbers"]:
            only_old = sorted(set(old["numbers"]) - set(new["numbers"]))
            only_new = sorted(set(new["numbers"]) - set(old["numbers"]))
            differences.append(
                f"{sid} page {old['page']}: numbers differ (only in the index: {only_old}; only in the letter: {only_new})"
            )
    return differences


def verify(letters_dir: str | Path, index_dir: str | Path) -> list[str]:
    """Return every difference between the committed indexes and indexes rebuilt from the letters (empty = all equal)."""
    letters_dir, index_dir = Path(letters_dir), Path(index_dir)
    paths = sorted(index_dir.glob("*.json"))
    if not paths:
        return [f"{index_dir}: no page index (*.json) to verify"]
    by_hash: dict[str, Path] = {}  # the letter files (*.txt) of the folder by the hash of their normalised text
    for letter in sorted(letters_dir.glob("*.txt")):
        try:
            by_hash.setdefault(text_sha256(letter.read_text(encoding="utf-8")), letter)
        except (OSError, UnicodeDecodeError):
            continue
    differences = []
    for path in paths:
        try:
            committed = read_index(path)
        except (OSError, ValueError) as error:
            differences.append(str(error))
            continue
        sid = committed["source_id"]
        if sid != path.stem:
            differences.append(f"{path}: holds the index of {sid!r}, expected {path.stem!r} by its name")
        letter = by_hash.get(committed["text_sha256"]) or letters_dir / f"{sid}.txt"
        if not letter.is_file():
            hashed = committed["text_sha256"][:12]
            differences.append(f"{sid}: no letter in {letters_dir} (no *.txt with text hash {hashed}…, no {sid}.txt)")
            continue
        try:
            rebuilt = build_index(letter.read_text(encoding="utf-8"), sid)
        except (OSError, UnicodeDecodeError, ValueError) as error:
            differences.append(f"{sid}: cannot index {letter}: {error}")
            continue
        found = compare(committed, rebuilt)
        if not found and path.read_text(encoding="utf-8") != dumps(committed):
            found = [f"{path}: same content but not in canonical form (rebuild it with the build command)"]
        differences += found
    return differences
