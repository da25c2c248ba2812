"""De sociale werkvoorziening in cijfers: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .prose import key_figures

THEME = Theme(
    name="wsw_statistiek",
    title="De sociale werkvoorziening in cijfers",
    key_figures=key_figures,
    prefix="wsw",
    has_figure_table=True,
    other_tables=(),
    checks=CHECKS,
)
