"""Beschut werk: the chapter's charts and tables (the notebook's `bw.…` calls).

The charts are in `charts` and `charts_work`, the tables in `tables`, the theme's own Dutch words in `labels`.
"""

from .charts import chart_advices, chart_assessments, chart_citizen_months
from .charts_work import chart_regeling, chart_working_vs_advised
from .tables import fill_rate_table, money_table

__all__ = [
    "chart_advices",
    "chart_assessments",
    "chart_citizen_months",
    "chart_regeling",
    "chart_working_vs_advised",
    "fill_rate_table",
    "money_table",
]
