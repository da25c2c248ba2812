"""Banenafspraak: voortgang en duurzaamheid van de banen: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .labels import TITLE
from .prose import key_figures

THEME = Theme(
    name="banenafspraak_duurzaamheid",
    title=TITLE,
    key_figures=key_figures,
    prefix="ba",
    has_figure_table=True,
    other_tables=(),
    checks=CHECKS,
)
