"""The cross-check and revision tables as readers see them, for one chapter or for the whole book."""

from __future__ import annotations

import pandas as pd

from ..figures.rounding import as_printed
from ..presentation import tables, vocabulary
from ..presentation.labels import COLUMN_TEXT, REVISION_KIND_TEXT, VERDICT_TEXT


def _show(shown: pd.DataFrame, formats: dict, links: list[str] | None) -> tables.Table:
    """Show a Dutch table, with a column of chapter links when given."""
    if links is None:
        return tables.show(shown, formats)
    return tables.show(shown.assign(Hoofdstuk=links), formats, html_columns=("Hoofdstuk",))


def checks_table(result: pd.DataFrame, letters: pd.DataFrame, links: list[str] | None = None) -> tables.Table:
    """Return cross-check verdicts (figures.checks.evaluate) as a Dutch table (with chapter links when given).

    The recomputed value is rounded as the letter rounds the printed one, so the two read alike; the
    verdict compares the exact value.
    """
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["claim"]: result["claim"],
            COLUMN_TEXT["printed"]: result["printed"],
            COLUMN_TEXT["recomputed"]: [as_printed(r, p) for r, p in zip(result["recomputed"], result["printed"])],
            COLUMN_TEXT["tolerance"]: result["tolerance"],
            COLUMN_TEXT["formula"]: [
                f"{f}. Aanname: {a}." if a else f for f, a in zip(result["formula"], result["assumption"])
            ],
            COLUMN_TEXT["verdict"]: result["verdict"].map(VERDICT_TEXT),
            COLUMN_TEXT["source"]: tables.letter_pages(result["source_id"].tolist(), result["page"].tolist(), letters),
        }
    )
    return _show(shown, {COLUMN_TEXT["recomputed"]: vocabulary.number}, links)


def revisions_table(changed: pd.DataFrame, letters: pd.DataFrame, links: list[str] | None = None) -> tables.Table:
    """Return revised figures (figures.revisions) as a Dutch table, latest letter and kind marked.

    The value is written with its unit and hedge (€ 622,149 mln, ruim 22.000), so no unit code shows; the
    group column is left out when no revised figure has a breakdown.
    """
    refs = tables.letter_references(changed["source_id"].tolist(), letters)
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: changed["label"],
            COLUMN_TEXT["category"]: changed["category"].fillna("").str.replace("_", " "),
            COLUMN_TEXT["period_label"]: vocabulary.period_labels(changed["period"]),
            COLUMN_TEXT["value"]: [tables.figure_value(row) for _, row in changed.iterrows()],
            COLUMN_TEXT["letter"]: [
                ref + (" (laatste)" if latest else "") for ref, latest in zip(refs, changed["is_latest"])
            ],
            COLUMN_TEXT["page"]: changed["page"],
            COLUMN_TEXT["kind"]: changed["kind"].map(REVISION_KIND_TEXT),
            COLUMN_TEXT["derived"]: changed["derived"],
        }
    )
    if (shown[COLUMN_TEXT["category"]] == "").all():
        shown = shown.drop(columns=COLUMN_TEXT["category"])
    return _show(shown, {COLUMN_TEXT["page"]: lambda v: str(int(v))}, links)
