"""Beschut werk: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(name="beschut_werk", facts=facts, prefix="bw", checks=CHECKS)
