"""Banenafspraak: voortgang en duurzaamheid van de banen: the chapter's charts and tables (the notebook's `ba.…` calls).

The charts are in `charts` and `charts_study`, the tables in `tables`, the theme's own Dutch words in `labels`.
"""

from .charts import chart_jobs, chart_municipal
from .charts_study import chart_contracts, chart_retention_by_background, chart_retention_outcomes
from .tables import other_figures_table, pace_table, support_table

__all__ = [
    "chart_contracts",
    "chart_jobs",
    "chart_municipal",
    "chart_retention_by_background",
    "chart_retention_outcomes",
    "other_figures_table",
    "pace_table",
    "support_table",
]
