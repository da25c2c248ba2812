"""De sociale werkvoorziening in cijfers: the chapter's charts and tables (the notebook's `wsw.…` calls).

The charts are in `charts`, the tables in `tables`, the theme's own Dutch words in `labels`.
"""

from .charts import chart_budget, chart_indications, chart_regular_share, chart_seconded_share, chart_waiting_list
from .tables import efficiency_cut_table, money_table, repeated_table, supported_employment_table

__all__ = [
    "chart_budget",
    "chart_indications",
    "chart_regular_share",
    "chart_seconded_share",
    "chart_waiting_list",
    "efficiency_cut_table",
    "money_table",
    "repeated_table",
    "supported_employment_table",
]
