"""De sociale werkvoorziening in cijfers: the pieces the chapter's glued paragraphs are made of.

A paragraph names its letter and page for every national figure ('volgens de brief van 12 juli 2013 …
(Tweede Kamer, 29 817, nr. 126, p. 4)'); in a municipal edition it names no letter for the
municipality's figures, and a national figure only as 'landelijk … volgens de brief van …'. Direction
words (meer, minder, hoger dan) are computed from the numbers they are about (presentation.wording).
Letter references and municipality names come from the data and are escaped for Markdown.
"""

from __future__ import annotations

import pandas as pd

from ...data import periods
from ...presentation import edition, formatting, wording
from ...presentation import labels as shared

OURS = shared.COMPUTED  # "eigen berekening"


def printed_decimals(value: float) -> int:
    """Return the decimals a printed value has (25,7 → 1; 15.655 → 0), to round a recomputation alike."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def when(period: str) -> str:
    """Return a period as it follows a value in a sentence: 'in 2012', 'begin 2012', 'eind 2012', 'op 28 maart 2017'."""
    parsed = periods.parse(period)
    label = formatting.period_label(period)
    if parsed.kind == "moment":
        if (parsed.start.month, parsed.start.day) == (1, 1):
            return f"begin {parsed.start.year}"
        return label if (parsed.start.month, parsed.start.day) == (12, 31) else f"op {label}"
    return label if parsed.kind == "open" else f"in {label}"


def value(row: pd.Series) -> str:
    """Return a figure row's value as Dutch text with unit and hedge; an amount of nothing is "nul" (not € 0 mln)."""
    if float(row["value"]) == 0 and str(row["unit"]).startswith("euro"):
        return "nul"
    return formatting.row_text(row)


class Context(edition.Edition):
    """What a paragraph needs: the chapter's figures, the national figures, and how to name letters and the place."""

    @property
    def place(self) -> str:
        """Return the municipality's name, escaped (municipal editions only)."""
        return self.name

    def cite(self, *rows, pages: dict | None = None) -> str:
        """Return '(Tweede Kamer, 29 817, nr. 126, p. 4; …)' for figure rows, grouped by letter in order of appearance.

        `pages` adds pages per letter id (a statement that runs on beyond the page of its figure).
        """
        return self.cite_rows(*rows, pages=pages)

    def cite_letter(self, source_id: str, *pages: int) -> str:
        """Return '(Tweede Kamer, 29 817, nr. 145, p. 7)' for a statement without a figure row."""
        return self.cites((source_id, *pages))

    def pair(self, subject: str, previous: pd.Series | None, latest: pd.Series) -> str:
        """Return one sentence with a figure at its latest period and the period before, each with its letter.

        National: 'Volgens de brief van … was {subject} A in 2011 en B in 2012 (…).' Municipal: 'In {place}
        was {subject} A in 2011 en B in 2012.' (the municipality's figures: no letter).
        """
        points = [r for r in (previous, latest) if r is not None]
        values = " en ".join(f"{value(r)} {when(r['period'])}" for r in points)
        if self.municipal:
            return f"In {self.place} was {subject} {values}."
        if len({r["source_id"] for r in points}) == 1:
            return f"Volgens {self.letter(latest['source_id'])} was {subject} {values} {self.cite(*points)}."
        parts = [f"{value(r)} {when(r['period'])} volgens {self.letter(r['source_id'])} {self.cite(r)}" for r in points]
        return f"{subject[0].upper()}{subject[1:]} was {' en '.join(parts)}."

    def national_row(self, indicator: str, period: str, category: str | None = None) -> pd.Series | None:
        """Return the national figure row of an indicator and period (None when the data lack it)."""
        rows = self.national
        mask = (rows["indicator"] == indicator) & (rows["period"] == period)
        if category is not None:
            mask &= rows["category"] == category
        found = rows.loc[mask]
        return found.sort_values("source_date").iloc[0] if not found.empty else None


def change(previous: pd.Series | None, latest: pd.Series, share: bool = False) -> str:
    """Return 'Dat is 1.784 minder (6,5%; eigen berekening).' for counts or 'Dat is 2,7 procentpunt meer …' for shares."""
    if previous is None:
        return ""
    old, new = float(previous["value"]), float(latest["value"])
    direction = wording.comparison(new, old, "meer", "minder", "evenveel")
    if direction == "evenveel":
        return f"Dat is {'even hoog' if share else 'evenveel'} ({OURS})."
    if share:
        decimals = max(printed_decimals(old), printed_decimals(new))
        return f"Dat is {formatting.value_text(abs(new - old), 'procentpunt', decimals)} {direction} ({OURS})."
    relative = formatting.percent(abs(new - old), old, 1)
    amount = formatting.number(abs(new - old))
    return (
        f"Dat is {amount} {direction} ({relative}; {OURS})." if relative != "–" else f"Dat is {amount} {direction} ({OURS})."
    )
