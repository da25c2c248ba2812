"""The themes of the book, one sub-package each, in the order of the table of contents.

Each theme is a folder `themes/<name>/` with the same six modules: `analysis` (figures in, frames out, no
display text), `facts` (the named facts its text needs), `charts` and `tables` (what the notebook shows),
`checks` (claims of the letters recomputed, as data), and `__init__` declaring its `THEME` record. Its words
are in `chapters/<name>.tekst.md` and `chapters/<name>.labels.yml`. Adding a chapter: add its folder, notebook,
words and data (a resource named <name> in data/datapackage.json) and one import and entry below; the table
of contents is generated from this list (`python -m participatie toc`).
"""

from .banenafspraak_duurzaamheid import THEME as BANENAFSPRAAK_DUURZAAMHEID
from .beschut_werk import THEME as BESCHUT_WERK
from .bijstand_financiering import THEME as BIJSTAND_FINANCIERING
from .pilots_werken_naar_vermogen import THEME as PILOTS_WERKEN_NAAR_VERMOGEN
from .record import Theme
from .wsw_statistiek import THEME as WSW_STATISTIEK

THEMES: tuple[Theme, ...] = (
    PILOTS_WERKEN_NAAR_VERMOGEN,
    WSW_STATISTIEK,
    BESCHUT_WERK,
    BANENAFSPRAAK_DUURZAAMHEID,
    BIJSTAND_FINANCIERING,
)
BY_NAME: dict[str, Theme] = {theme.name: theme for theme in THEMES}
