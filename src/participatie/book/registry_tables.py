"""The cross-check and revision tables as readers see them, for one chapter or for the whole book."""

from __future__ import annotations

import pandas as pd

from ..presentation import formatting, references, tables
from ..presentation.labels import (
    COLUMN_TEXT,
    REVISION_KIND_TEXT,
    UNIT_AXIS,
    VERDICT_TEXT,
)


def checks_frame(result: pd.DataFrame, letters: pd.DataFrame) -> pd.DataFrame:
    """Return verdicts of cross-checks (figures.checks.evaluate) as the Dutch columns readers see."""
    return pd.DataFrame(
        {
            COLUMN_TEXT["claim"]: result["claim"],
            COLUMN_TEXT["printed"]: result["printed"],
            COLUMN_TEXT["recomputed"]: result["recomputed"],
            COLUMN_TEXT["tolerance"]: result["tolerance"],
            COLUMN_TEXT["verdict"]: result["verdict"].map(VERDICT_TEXT),
            COLUMN_TEXT["source"]: references.letter_page(result["source_id"].tolist(), result["page"].tolist(), letters),
        }
    )


def checks_table(result: pd.DataFrame, letters: pd.DataFrame, links: list[str] | None = None) -> tables.Table:
    """Return cross-check verdicts as a Dutch table (with a column of chapter links when given)."""
    shown = checks_frame(result, letters)
    if links is not None:
        shown = shown.assign(Hoofdstuk=links)
    return tables.show(
        shown,
        {COLUMN_TEXT["recomputed"]: formatting.number_rounded},
        html_columns=("Hoofdstuk",) if links is not None else (),
    )


def revisions_frame(changed: pd.DataFrame, letters: pd.DataFrame) -> pd.DataFrame:
    """Return revised figures (figures.revisions) as the Dutch columns readers see, latest letter marked."""
    refs = references.references(changed["source_id"].tolist(), letters)
    return pd.DataFrame(
        {
            COLUMN_TEXT["label"]: changed["label"],
            COLUMN_TEXT["category"]: changed["category"].replace("", "–"),
            COLUMN_TEXT["period_label"]: formatting.period_labels(changed["period"]),
            COLUMN_TEXT["value"]: changed["value"],
            COLUMN_TEXT["letter"]: [
                ref + (" (laatste)" if latest else "") for ref, latest in zip(refs, changed["is_latest"])
            ],
            COLUMN_TEXT["page"]: changed["page"],
            COLUMN_TEXT["derived"]: changed["derived"],
        }
    )


def revisions_table(
    changed: pd.DataFrame, letters: pd.DataFrame, links: list[str] | None = None, with_unit: bool = False
) -> tables.Table:
    """Return revised figures as a Dutch table (optionally with the unit and a column of chapter links)."""
    shown = revisions_frame(changed, letters)
    if with_unit:
        shown.insert(shown.columns.get_loc(COLUMN_TEXT["value"]) + 1, "Eenheid", changed["unit"].to_numpy())
    if links is not None:
        shown = shown.assign(Hoofdstuk=links)
    return tables.show(shown, html_columns=("Hoofdstuk",) if links is not None else ())


def unit_text(unit: str) -> str:
    """Return a unit code as the words a reader knows (euro_mln → Miljoen euro)."""
    return UNIT_AXIS.get(unit, unit)


def kind_text(kind: str) -> str:
    """Return the Dutch name of the kind of a revision (figures.revisions.KINDS)."""
    return REVISION_KIND_TEXT[kind]
