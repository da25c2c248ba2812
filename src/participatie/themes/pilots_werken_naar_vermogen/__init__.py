"""Pilots Werken naar Vermogen: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(name="pilots_werken_naar_vermogen", facts=facts, prefix="pil", checks=CHECKS)
