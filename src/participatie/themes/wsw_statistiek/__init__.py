"""De sociale werkvoorziening in cijfers: the theme's record (see `themes.record.Theme`).

Modules: `analysis` (frames from the data), `facts` (for chapters/wsw_statistiek.tekst.md), `charts` and
`tables` (with the words of chapters/wsw_statistiek.labels.yml) and `checks` (the letters' claims we recompute).
"""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(name="wsw_statistiek", facts=facts, prefix="wsw", checks=CHECKS)
