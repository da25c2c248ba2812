"""The letters behind the figures: the letters' table by id, and each figure's letter date."""

from __future__ import annotations

import pandas as pd


def by_id(sources: pd.DataFrame) -> pd.DataFrame:
    """Return the letters' table (sources.csv) indexed by source id, whether it has the ids as a column or as index."""
    return sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources


def with_dates(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures with the date of the letter each one comes from (`source_date`, ISO text)."""
    return figures.assign(source_date=figures["source_id"].map(by_id(sources)["date"]).astype("string"))
