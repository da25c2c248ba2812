"""Banenafspraak: voortgang en duurzaamheid van de banen: the theme's record (see `themes.record.Theme`).

The theme's modules: `analysis` (frames from the data), `facts` (what the text file needs), `charts` and
`tables` (what the notebook shows), `checks` (the letters' claims recomputed). Its words are in
`chapters/banenafspraak_duurzaamheid.tekst.md` and `chapters/banenafspraak_duurzaamheid.labels.yml`.
"""

from ..record import Theme
from .checks import CHECKS, NAME
from .facts import facts

THEME = Theme(
    name=NAME,
    facts=facts,
    prefix="ba",
    checks=CHECKS,
)
