"""Financiering van bijstand en re-integratie: the chapter's charts and tables (the notebook's `bf.…` calls).

The charts are in `charts`, the tables in `tables`, the theme's own Dutch words in `labels`.
"""

from .charts import chart_buig_results, chart_implied_budgets, chart_participation_budget, chart_target_group_shift
from .tables import (
    benefit_corrections_table,
    implied_budgets_table,
    other_figures_table,
    participation_budget_table,
    structural_table,
)

__all__ = [
    "benefit_corrections_table",
    "chart_buig_results",
    "chart_implied_budgets",
    "chart_participation_budget",
    "chart_target_group_shift",
    "implied_budgets_table",
    "other_figures_table",
    "participation_budget_table",
    "structural_table",
]
