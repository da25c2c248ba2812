"""Banenafspraak: banen en hoe lang ze duren: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .prose import key_figures

THEME = Theme(
    name="banenafspraak_duurzaamheid",
    title="Banenafspraak: banen en hoe lang ze duren",
    key_figures=key_figures,
    has_figure_table=True,
    other_tables=(),
    checks=CHECKS,
)
