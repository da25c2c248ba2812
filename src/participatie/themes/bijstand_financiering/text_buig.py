"""Financiering van bijstand en re-integratie: the glued paragraphs on the macrobudget BUIG.

Each function returns one paragraph as Markdown: in the national edition the letters' figures,
attributed; in a municipal edition the municipality's own figures without a letter, with the letters'
national figures labelled national. Directions (tekort, overschot, meer, hoger) follow the numbers.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...figures.rounding import MLN_PER_MLD
from ...presentation import formatting, wording
from . import analysis
from .analysis import BUDGET_YEAR, JUNE_2017, PREVIOUS_BUDGET, PREVIOUS_YEAR, PROVISIONAL
from .labels import PRELIMINARY_MARK
from .phrases import EIGEN, cite_row, difference, in_data, letter, period, result_phrase, share_phrase, value

FOCUS = ("2016", JUNE_2017)  # the year whose result the June 2017 letter explains


def _focus(figures: pd.DataFrame) -> pd.Series | None:
    results = analysis.single_year_results(figures)
    found = results.loc[(results["period"] == FOCUS[0]) & (results["source_id"] == FOCUS[1])]
    return None if found.empty else found.iloc[0]


def _advances(figures: pd.DataFrame) -> str:
    rows = lookup.select(figures, "asylum_advance_budget").sort_values(["period", "source_date"])
    return wording.joined([f"{value(r)} in {period(r['period'])}" for _, r in rows.iterrows()])


def _newest(chapter, figures: pd.DataFrame, focus: pd.Series | None, municipal: bool) -> str:
    """Return the sentence on the latest result when it is not the one the paragraph explains ('' otherwise)."""
    latest = analysis.latest_result(figures)
    if latest is None or (focus is not None and (latest["period"], latest["source_id"]) == FOCUS):
        return ""
    mark = f", {PRELIMINARY_MARK}" if latest["preliminary"] else ""
    if municipal:
        return (
            f" De nieuwste uitkomst in {in_data(chapter)} is die over {period(latest['period'])}: "
            f"{result_phrase(latest)}{mark}."
        )
    return (
        f" De nieuwste uitkomst in de gegevens is die over {period(latest['period'])}: {result_phrase(latest)}{mark}"
        f"{share_phrase(latest)} ({cite_row(chapter, latest)})."
    )


def p_buig_2016(chapter) -> str:
    """Return the paragraph on the 2016 result on the macrobudget, its causes and the asylum advances."""
    national = chapter.national
    focus = _focus(national)
    if chapter.municipal:
        own = _focus(chapter.figures)
        parts = []
        if own is not None:
            parts.append(
                f"Volgens {in_data(chapter)} was het resultaat op het macrobudget over {period(own['period'])} "
                f"{result_phrase(own)}{share_phrase(own)}"
                + ("; ook dat cijfer berust op de voorlopige uitgaven." if own["preliminary"] else ".")
            )
        if focus is not None:
            parts.append(
                f"Landelijk was er volgens {letter(chapter, JUNE_2017)} op basis van voorlopige uitgaven "
                f"{result_phrase(focus)}{share_phrase(focus)}; de brief verklaart dat vooral uit meer bijstandsuitkeringen "
                "dan geraamd, voor ongeveer de helft door de sterke toename van het aantal statushouders."
            )
        advances = _advances(chapter.figures)
        if advances:
            parts.append(
                "Voor de extra kosten van de asielinstroom was buiten het macrobudget om een voorschot beschikbaar; "
                f"{in_data(chapter)} noemen {advances}."
            )
        return " ".join(parts) + _newest(chapter, chapter.figures, own, municipal=True)
    parts = []
    if focus is not None:
        parts.append(
            f"Op basis van de voorlopige uitgaven over {period(focus['period'])} was er landelijk {result_phrase(focus)} "
            f"op het macrobudget, volgens de brief {formatting.value_text(focus['share'], 'procent')} van het macrobudget "
            f"({cite_row(chapter, focus)}). "
            "Dat kwam vooral doordat er meer bijstandsuitkeringen waren dan geraamd bij de definitieve vaststelling van "
            "het macrobudget in september van dat jaar; ongeveer de helft van dat hogere volume verklaart de brief uit de "
            "sterke toename van het aantal statushouders."
        )
    advances = _advances(national)
    if advances:
        first_advance = period(lookup.select(national, "asylum_advance_budget")["period"].min())
        parts.append(
            "Voor de extra kosten van de verhoogde asielinstroom konden gemeenten op aanvraag een voorschot krijgen, "
            f"buiten het macrobudget om: {advances}. In {first_advance} maakten gemeenten daar volgens de brief maar "
            "beperkt gebruik van. Omdat de uitgaven wel als bijstandsuitgaven worden gemeld, komen ze terecht in het tekort "
            "op het macrobudget."
        )
    return " ".join(parts) + _newest(chapter, national, focus, municipal=False)


def p_buig_years(chapter) -> str:
    """Return the paragraph after the chart: other single years and the result summed over 2012–2016."""
    figures = chapter.figures if chapter.municipal else chapter.national
    summed = analysis.cumulative_result(figures)
    others = analysis.single_year_results(figures).loc[lambda f: f["period"] != FOCUS[0]]
    examples = wording.joined([f"over {period(r['period'])} {result_phrase(r)}" for _, r in others.iterrows()])
    if chapter.municipal:
        parts = []
        if examples:
            parts.append(f"Volgens {in_data(chapter)} was het resultaat {examples}.")
        if summed is not None:
            parts.append(
                f"Over {period(summed['period'])} samen was het {result_phrase(summed)}"
                f"{share_phrase(summed, 'van het opgetelde macrobudget')}."
            )
        national = analysis.cumulative_result(chapter.national)
        if national is not None:
            parts.append(
                f"Landelijk noemt {letter(chapter, national['source_id'])} over {period(national['period'])} samen "
                f"{result_phrase(national)}{share_phrase(national, 'van het opgetelde macrobudget')}; de staatssecretaris "
                "concludeert daaruit dat de systematiek over de jaren heen goed werkt."
            )
        return " ".join(parts)
    parts = []
    if examples:
        parts.append(
            "Afwijkingen tussen raming en realisatie komen volgens de brief vaker voor, omdat een raming altijd onzeker "
            f"is; zo was er {examples}."
        )
    if summed is not None:
        missing = analysis.years_without_result(figures, summed["period"])
        parts.append(
            f"Over {period(summed['period'])} samen was het resultaat {result_phrase(summed)}"
            f"{share_phrase(summed, 'van het opgetelde macrobudget van die jaren')}; de staatssecretaris concludeert "
            f"daaruit dat de systematiek over de jaren heen goed werkt ({cite_row(chapter, summed)})."
        )
        if missing:
            parts.append(
                f"Voor {wording.joined(missing)} geeft de brief geen afzonderlijk resultaat, en de macrobudgetten van "
                f"{period(summed['period'])} staan er niet in."
            )
    return " ".join(parts)


def _budget_2016_text(figures: pd.DataFrame) -> str:
    """Return the implied macrobudget of the year before at the precision of the printed budget ('–' if none)."""
    printed = lookup.row(figures, "buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017)
    decimals = len(f"{float(printed['value']):g}".partition(".")[2])
    budget = analysis.budget_2016(figures).mid
    if printed["unit"] == "euro_mld":
        budget /= MLN_PER_MLD
    return formatting.value_text(budget, printed["unit"], decimals)


def p_budget_2017(chapter) -> str:
    """Return the paragraph on the macrobudget 2017, its revision and the macrobudget 2016 it implies."""
    figures = chapter.figures if chapter.municipal else chapter.national
    try:
        budget = lookup.row(figures, "buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017)
        increase = lookup.row(figures, "buig_macro_budget_change", BUDGET_YEAR, category=PREVIOUS_BUDGET)
        revision = lookup.row(figures, "buig_macro_budget_change", BUDGET_YEAR, category=PROVISIONAL)
    except KeyError:
        return ""
    implied = _budget_2016_text(figures)
    derived = (
        f"daaruit volgt een macrobudget {PREVIOUS_YEAR} van ruwweg {implied} ({EIGEN})"
        if implied != "–"
        else f"daaruit is geen macrobudget {PREVIOUS_YEAR} af te leiden ({EIGEN})"
    )
    more = difference(increase, "meer dan", "minder dan", "even groot als")
    higher = difference(revision, "hoger dan", "lager dan", "even hoog als")
    if chapter.municipal:
        national = lookup.row(chapter.national, "buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017)
        return (
            f"Volgens {in_data(chapter)} is het macrobudget {BUDGET_YEAR} {value(budget)}, {more} het macrobudget "
            f"{PREVIOUS_YEAR}; {derived}. Die raming ligt per saldo {higher} die van september {PREVIOUS_YEAR}. "
            f"Landelijk is het bijgestelde macrobudget {BUDGET_YEAR} volgens {letter(chapter, JUNE_2017)} {value(national)}."
        )
    later = lookup.select(figures, "buig_macro_budget", period=BUDGET_YEAR).loc[lambda f: f["source_id"] != JUNE_2017]
    final = (
        f"een latere brief noemt {value(later.iloc[-1])} ({cite_row(chapter, later.iloc[-1])})"
        if not later.empty
        else "dat bedrag staat in geen van de brieven"
    )
    return (
        f"Het macrobudget {PREVIOUS_YEAR} staat niet in de brief. Het bijgestelde macrobudget {BUDGET_YEAR} is "
        f"{value(budget)}, {more} het macrobudget {PREVIOUS_YEAR} ({cite_row(chapter, budget)}); {derived}. Het "
        f"macrobudget {BUDGET_YEAR} is per saldo {higher.replace(' dan', ' geraamd dan').replace(' als', ' geraamd als')} "
        f"in september {PREVIOUS_YEAR}: opwaarts bijgesteld omdat het budget wordt aangepast aan de nieuwste uitgaven, "
        f"waaronder het tekort over {PREVIOUS_YEAR}, en neerwaarts door de aantrekkende conjunctuur en de dalende "
        "werkloosheid. Zo werkt een tekort of overschot volgens de brief niet "
        f"blijvend door in latere jaren. Het definitieve macrobudget {BUDGET_YEAR} zou in september {BUDGET_YEAR} worden "
        f"vastgesteld; {final}."
    )


def finding_buig(chapter) -> str:
    """Return the finding's sentences on the macrobudget: the latest result and, nationally, the summed result."""
    if chapter.municipal:
        latest = analysis.latest_result(chapter.figures)
        if latest is None:
            return ""
        mark = f", {PRELIMINARY_MARK}" if latest["preliminary"] else ""
        return (
            f"Volgens {in_data(chapter)} was het resultaat op het macrobudget voor de bijstand over "
            f"{period(latest['period'])} {result_phrase(latest)}{share_phrase(latest)}{mark}."
        )
    latest = analysis.latest_result(chapter.national)
    parts = []
    if latest is not None:
        basis = ", op basis van voorlopige uitgaven" if latest["preliminary"] else ""
        parts.append(
            f"Over {period(latest['period'])} was er volgens {letter(chapter, latest['source_id'])} landelijk "
            f"{result_phrase(latest)} op het macrobudget voor de bijstand{share_phrase(latest)}{basis} "
            f"({cite_row(chapter, latest)})."
        )
    summed = analysis.cumulative_result(chapter.national)
    if summed is not None:
        parts.append(
            f"Over {period(summed['period'])} samen was het resultaat {result_phrase(summed)}"
            f"{share_phrase(summed, 'van de opgetelde macrobudgetten')}; de staatssecretaris ziet daarin een teken dat de "
            f"systematiek over de jaren heen goed werkt ({cite_row(chapter, summed)})."
        )
    return " ".join(parts)
