"""The letters behind the figures: each figure's letter date."""

from __future__ import annotations

import pandas as pd


def with_dates(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures with the date of the letter each one comes from (`source_date`, ISO text)."""
    by_id = sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources
    return figures.assign(source_date=figures["source_id"].map(by_id["date"]).astype("string"))
