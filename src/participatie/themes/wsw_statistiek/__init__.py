"""De sociale werkvoorziening in cijfers: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(name="wsw_statistiek", facts=facts, prefix="wsw", checks=CHECKS)
