"""The themes of the book, one sub-package each, in the order of the table of contents.

Each theme is a folder `themes/<name>/` with the layers of one analysis: `analysis` (figures in, frames
out, no display text), `presentation` (charts and tables with Dutch labels), `prose` (the texts glued
into the chapter), `checks` (claims of the letters recomputed, as data), and `__init__` declaring its
`THEME` record. Adding a chapter: add its folder, its notebook `chapters/<name>.ipynb`, its data (a
resource named <name> in data/datapackage.json), one import and one entry below, and one line in
_toc.yml.
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


def by_name(name: str) -> Theme:
    """Return the theme with this name (raises KeyError listing the names)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no theme {name!r}; themes: {', '.join(BY_NAME)}") from None
