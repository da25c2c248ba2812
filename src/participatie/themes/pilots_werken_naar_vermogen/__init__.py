"""Pilots Werken naar Vermogen: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .prose import key_figures

THEME = Theme(
    name="pilots_werken_naar_vermogen",
    title="Pilots Werken naar Vermogen",
    key_figures=key_figures,
    prefix="pil",
    has_figure_table=False,
    other_tables=("pilots", "pilots_findings", "policy_timeline"),
    checks=CHECKS,
)
