"""Beschut werk: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .prose import key_figures

THEME = Theme(
    name="beschut_werk",
    title="Beschut werk",
    key_figures=key_figures,
    prefix="bw",
    has_figure_table=True,
    other_tables=(),
    checks=CHECKS,
)
