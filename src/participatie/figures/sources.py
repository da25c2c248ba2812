"""The letters behind the figures: each figure's letter date, and the letters a set of figures draws on."""

from __future__ import annotations

import pandas as pd


def _by_id(sources: pd.DataFrame) -> pd.DataFrame:
    return sources.set_index("id") if "id" in sources.columns and sources.index.name != "id" else sources


def with_dates(figures: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the figures with the date of the letter each one comes from (`source_date`, ISO text)."""
    return figures.assign(source_date=figures["source_id"].map(_by_id(sources)["date"]).astype("string"))


def letters(source_ids, sources: pd.DataFrame) -> list[str]:
    """Return the distinct source ids, oldest letter first (ties by id)."""
    info = _by_id(sources)
    return sorted(dict.fromkeys(source_ids), key=lambda s: (str(info.loc[s, "date"]), s))
