"""What a data directory adds, changes or removes relative to another one (by default the bundled data).

Figures are compared by their key (indicator, dimension, category, period, letter); a figure is
`added` when the other data lack its key, `removed` when only the other data have it, and `changed`
when both have it with another value. Letters are compared by id. The result is what the appendix
"Wijzigingen in de cijfers" shows, so that a reader of an edition on newer data sees exactly what is new.
"""

from __future__ import annotations

import pandas as pd

FIGURE_KEY = ["indicator", "dimension", "category", "period", "source_id"]
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
COLUMNS = ["change", "table", *FIGURE_KEY, "old_value", "new_value", "unit"]


def _keyed(table: pd.DataFrame | None) -> pd.DataFrame:
    if table is None:  # a table only the other side has: all its figures added or removed
        table = pd.DataFrame(columns=[*FIGURE_KEY, "value", "unit"])
    frame = table.assign(**{c: table[c].fillna("") for c in ("dimension", "category")})
    return frame.drop_duplicates(FIGURE_KEY).set_index(FIGURE_KEY)


def figure_changes(new: dict[str, pd.DataFrame], old: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return one row per figure added, changed or removed, per figure table (tables by resource name).

    Both sides are national figure tables (municipal rows aggregated).
    """
    rows = []
    for name in sorted(set(new) | set(old)):
        after, before = _keyed(new.get(name)), _keyed(old.get(name))
        for key, row in after.iterrows():
            if key not in before.index:
                rows.append((ADDED, name, *key, None, row["value"], row["unit"]))
            elif float(before.at[key, "value"]) != float(row["value"]):
                rows.append((CHANGED, name, *key, before.at[key, "value"], row["value"], row["unit"]))
        for key, row in before.iterrows():
            if key not in after.index:
                rows.append((REMOVED, name, *key, row["value"], None, row["unit"]))
    order = lambda column: column.map({ADDED: 0, CHANGED: 1, REMOVED: 2}) if column.name == "change" else column
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["change", "table", *FIGURE_KEY], key=order, kind="stable").reset_index(drop=True)


def letter_changes(new: pd.DataFrame, old: pd.DataFrame) -> pd.DataFrame:
    """Return the letters (sources) one side has and the other lacks: change (added/removed), id, date."""
    added = new.loc[~new["id"].isin(old["id"])].assign(change=ADDED)
    removed = old.loc[~old["id"].isin(new["id"])].assign(change=REMOVED)
    return (
        pd.concat([added, removed], ignore_index=True)[["change", "id", "date"]]
        .sort_values(["change", "date", "id"], kind="stable")
        .reset_index(drop=True)
    )
