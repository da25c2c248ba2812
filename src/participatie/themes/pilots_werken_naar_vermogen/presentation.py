"""Pilots Werken naar Vermogen: the chapter's tables and its timeline chart, as the notebook calls them.

The tables live in `.tables`, the timeline in `.charts`; the theme's Dutch words in `.labels`.
"""

from __future__ import annotations

from .charts import chart_timeline, milestone_labels, slots, timeline_rows
from .tables import differing_accounts_table, findings_table, pilots_table

__all__ = [
    "chart_timeline",
    "differing_accounts_table",
    "findings_table",
    "milestone_labels",
    "pilots_table",
    "slots",
    "timeline_rows",
]
