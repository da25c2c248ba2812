"""Access to the source letters for provenance tests (tests only: the book never reads ../shared).

Run as a script to list the figures of a data file whose printed value cannot be found on the
recorded page of its letter:

    python tests/letters.py data/beschut_werk.csv
"""

from __future__ import annotations

import csv
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(os.environ.get("PARTICIPATIE_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))

# The seed files are named by an opaque hash; this maps the book's source ids onto them.
SEED_FILES = {
    "tk-29817-126": "000_f7898d2a412d655b.txt",
    "tk-34352-56": "001_e966c783b62b23b3.txt",
    "ek-34775-ak": "002_a253cc150aebe1f8.txt",
    "tk-29817-145": "003_eb7fb85b5a0d6663.txt",
    "ek-33981-n": "004_9d1258d406176e72.txt",
}

# A page starts at a line that begins with one space and then text (lines holding only a space are
# blank lines after tables), and right after a printed footer "Tweede/Eerste Kamer, vergaderjaar …,
# <reference> <page>", which the extraction keeps for some pages and which ends its page. Checked:
# each footer's printed page number equals the page this rule gives it (002 p5, 003 p3, 004 p20).
_PAGE_BREAK = re.compile(r"^ \S")
_FOOTER = re.compile(r"^(Tweede|Eerste) Kamer, vergaderjaar \d{4}.\d{4}, .* (\d+)\s*$")

_WORDS = {
    1: ["een", "één"], 2: ["twee"], 3: ["drie"], 4: ["vier"], 5: ["vijf"], 6: ["zes"],
    7: ["zeven"], 8: ["acht"], 9: ["negen"], 10: ["tien"], 11: ["elf"], 12: ["twaalf"],
    100: ["honderd"], 1000: ["duizend"],
}


def seeds_available() -> bool:
    """Return whether the source letters are present beside the repository."""
    return SEEDS_DIR.is_dir() and all((SEEDS_DIR / name).is_file() for name in SEED_FILES.values())


@lru_cache(maxsize=None)
def pages(source_id: str) -> list[str]:
    """Return the pages of a letter as normalised text (index 0 is page 1)."""
    lines = (SEEDS_DIR / SEED_FILES[source_id]).read_text(encoding="utf-8").splitlines()
    return [_normalise("\n".join(page)) for page in _split_pages(lines)]


def _split_pages(lines: list[str]) -> list[list[str]]:
    result: list[list[str]] = [[]]
    after_footer = False
    for number, line in enumerate(lines):
        if number > 0 and (_PAGE_BREAK.match(line) or (after_footer and line.strip())):
            if result[-1]:
                result.append([])
            after_footer = False
        result[-1].append(line)
        footer = _FOOTER.match(line)
        if footer:
            if int(footer.group(2)) != len(result):
                raise AssertionError(f"footer says page {footer.group(2)} but the rule gives {len(result)}: {line!r}")
            after_footer = True
    return result


def _normalise(text: str) -> str:
    text = re.sub(r"-\s*\n\s*", "", text)  # words hyphenated across lines
    return re.sub(r"\s+", " ", text)


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


def printed_on_page(source_id: str, page: int, value: float) -> bool:
    """Return whether the value appears, in some Dutch spelling, on the given page of the letter."""
    all_pages = pages(source_id)
    if not 1 <= page <= len(all_pages):
        return False
    text = all_pages[page - 1]
    for form in spellings(value):
        if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text, flags=re.IGNORECASE):
            return True
    return False


def missing_figures(csv_path: Path) -> list[str]:
    """Return a line per figure of a data file whose value is not found on its recorded page."""
    problems = []
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle), start=2):
            if not printed_on_page(row["source_id"], int(row["page"]), float(row["value"])):
                problems.append(
                    f"{csv_path.name} row {row_number}: {row['indicator']} {row['period']} "
                    f"value {row['value']} not found on page {row['page']} of {row['source_id']}"
                )
    return problems


if __name__ == "__main__":
    found = [line for arg in sys.argv[1:] for line in missing_figures(Path(arg))]
    print("\n".join(found) or "all figures found on their pages")
    sys.exit(1 if found else 0)
