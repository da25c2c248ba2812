"""Financiering van bijstand en re-integratie: the theme's own Dutch words and texts (shared words:
presentation.labels).

The analysis gives codes (kinds, results, target groups, schemes, implied budgets); their Dutch names
live here, with the texts that say how an implied macrobudget is computed and how far the rounding of
its printed figures reaches.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...figures.rounding import rounding_margin
from ...presentation import formatting
from ...presentation import labels as shared
from . import analysis
from .analysis import CLASSIC, COMPUTED, CUMULATIVE, NEW, PRINTED

KIND_TEXT = {PRINTED: shared.PRINTED, COMPUTED: shared.COMPUTED}
RESULT_TEXT = {analysis.SURPLUS: "overschot", analysis.DEFICIT: "tekort"}
GROUP_TEXT = {CLASSIC: "klassieke doelgroep", NEW: "nieuwe doelgroep"}
SCHEME_TEXT = {"aow": "AOW", "bijstand": "bijstand"}
CUMULATIVE_MARK = " (opgeteld)"
UNIT_WORD = {"euro_mln": "mln euro", "factor": "keer"}
# The names of the structural outlook's quantities; {last} is the last year of the June 2017 table.
OUTLOOK_TEXT = {
    analysis.STRUCTURAL_LEVEL: "Structureel niveau (brief juni 2018)",
    analysis.TOTAL_LAST_YEAR: "Totaal {last} (tabel juni 2017)",
    analysis.FACTOR_TOTAL: "Structureel niveau / totaal {last}",
    analysis.NEW_STRUCTURAL: "Nieuwe doelgroep structureel, als de klassieke op het niveau van {last} blijft",
    analysis.FACTOR_NEW: "Nieuwe doelgroep structureel / nieuwe doelgroep {last}",
}
OTHER_CATEGORY_TEXT = {"intensief": "intensieve begeleiding", "overig": "overige nieuwe doelgroep"}


def margin_text(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None) -> str:
    """Return the rounding margin of a printed figure as Dutch text (± € 5 mln; percentages in procentpunt)."""
    found = lookup.row(figures, indicator, period, category=category)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    unit = "procentpunt" if found["unit"] == "procent" else found["unit"]
    return formatting.value_text(rounding_margin(float(found["value"]), qualifier), unit)


def implied_budget_texts(figures: pd.DataFrame) -> dict[str, tuple[str, str, str, str, str]]:
    """Return per implied macrobudget its row name in the chart data, name, short name, computation and margins.

    The row names (mb2016_tekort …) are the ones the published chart data carry; they are not shown.
    """
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # a local shorthand
    margin = lambda *a, **k: margin_text(figures, *a, **k)
    change_2016 = {"category": "macrobudget_2016"}
    provisional = {"category": "voorlopige_raming"}
    return {
        analysis.FROM_DEFICIT: (
            "mb2016_tekort",
            "Macrobudget 2016, uit tekort en percentage",
            "2016 uit tekort en %",
            f"{t('buig_deficit', '2016')} / {t('buig_deficit_share', '2016')}",
            f"tekort ± {margin('buig_deficit', '2016')}; percentage ± {margin('buig_deficit_share', '2016')}",
        ),
        analysis.FROM_EXACT_DEFICIT: (
            "mb2016_tekort_exact",
            "Idem, met het tekort als exact bedrag",
            "2016, tekort exact",
            f"{t('buig_deficit', '2016')} / {t('buig_deficit_share', '2016')}",
            f"alleen percentage ± {margin('buig_deficit_share', '2016')}",
        ),
        analysis.FROM_2017: (
            "mb2016_2017",
            "Macrobudget 2016, uit macrobudget 2017 en de toename",
            "2016 uit cijfers 2017",
            f"{t('buig_macro_budget', '2017')} − {t('buig_macro_budget_change', '2017', **change_2016)}",
            f"macrobudget 2017 ± {margin('buig_macro_budget', '2017')}; toename ± "
            f"{margin('buig_macro_budget_change', '2017', **change_2016)}",
        ),
        analysis.BUDGET_2017: (
            "mb2017",
            "Macrobudget 2017 (bijgestelde raming)",
            "2017 (brief)",
            t("buig_macro_budget", "2017"),
            f"± {margin('buig_macro_budget', '2017')}",
        ),
        analysis.PROVISIONAL_2017: (
            "mb2017_voorlopig",
            "Voorlopige raming macrobudget 2017",
            "2017 voorlopige raming",
            f"{t('buig_macro_budget', '2017')} − {t('buig_macro_budget_change', '2017', **provisional)}",
            f"macrobudget 2017 ± {margin('buig_macro_budget', '2017')}; bijstelling ± "
            f"{margin('buig_macro_budget_change', '2017', **provisional)}",
        ),
        analysis.CUMULATIVE_BUDGET: (
            "mb_2012_2016",
            "Macrobudget 2012–2016 opgeteld, uit opgeteld tekort en percentage",
            "2012–2016 opgeteld",
            f"{t('buig_deficit', CUMULATIVE)} / {t('buig_deficit_share', CUMULATIVE)}",
            f"tekort ± {margin('buig_deficit', CUMULATIVE)}; percentage ± {margin('buig_deficit_share', CUMULATIVE)}",
        ),
        analysis.AVERAGE_BUDGET: (
            "mb_gemiddeld_2012_2016",
            "Gemiddeld macrobudget per jaar 2012–2016",
            "gemiddeld 2012–2016",
            f"opgeteld macrobudget / {analysis.cumulative_years(figures)} jaar",
            "als de regel hierboven",
        ),
    }


def implied_budgets_shown(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the implied macrobudgets with their Dutch names, computation and margins (fields of the chart data)."""
    rows = analysis.implied_budgets(figures)
    texts = implied_budget_texts(figures)
    name, long, short, how, margins = zip(*(texts[key] for key in rows["key"]))
    return pd.DataFrame(
        {
            "sleutel": name,
            "grootheid": long,
            "kort": short,
            "soort": rows["kind"].map(KIND_TEXT),
            "per_jaar": rows["per_year"],
            "berekening": how,
            "marges": margins,
            "laag": rows["low"],
            "midden": rows["mid"],
            "hoog": rows["high"],
        }
    )
