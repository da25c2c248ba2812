"""De sociale werkvoorziening in cijfers: the theme's record (see `themes.record.Theme`).

The theme's modules: `analysis` (frames from the data), `facts` (what the text file
chapters/wsw_statistiek.tekst.md needs), `charts` and `tables` (what the notebook shows, with the words of
chapters/wsw_statistiek.labels.yml) and `checks` (the letters' claims we recompute).
"""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(
    name="wsw_statistiek",
    facts=facts,
    prefix="wsw",
    checks=CHECKS,
)
