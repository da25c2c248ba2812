"""Financiering van bijstand en re-integratie: the chapter's charts and tables (the notebook's `bf.…` calls).

The charts are in `charts`, the tables in `tables`, the theme's own Dutch words in `labels`.
"""

from .charts import chart_buig_results, chart_participation_budget
from .tables import benefit_corrections_table, other_figures_table

__all__ = [
    "benefit_corrections_table",
    "chart_buig_results",
    "chart_participation_budget",
    "other_figures_table",
]
