"""Banenafspraak: voortgang en duurzaamheid van de banen: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS, NAME
from .facts import facts

THEME = Theme(name=NAME, facts=facts, prefix="ba", checks=CHECKS)
