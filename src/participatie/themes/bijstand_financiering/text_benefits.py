"""Financiering van bijstand en re-integratie: the glued paragraphs on the benefit levels of 2017 and the IOAZ.

The letter of June 2017 reports that the benefit levels of January 2017 were set slightly too high, the
rise per July 2017, and IOAZ income norms set too low since 2014. National editions cite the letter;
municipal editions state the municipality's figures without a letter.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...presentation import formatting, wording
from . import analysis
from .labels import BENEFIT_NOUN, SCHEME_TEXT
from .phrases import EIGEN, cite_row, in_data, letter, period, signed, value

IOAZ_DATE = "2017-01-01"


def _amount(amount: float, qualifier: str | None) -> str:
    return formatting.value_text(amount, "euro", 2, qualifier)


def _levels(frame: pd.DataFrame, column: str, qualifier: str | None = None, connector: str = "bij ") -> dict[str, str]:
    """Return per scheme the amounts of a column at each benefit level: '€ 0,52 (bij 50%) en € 0,72 (bij 70%)'."""
    texts = {}
    for scheme, group in frame.groupby("scheme", sort=False):
        items = [
            f"{_amount(v, q if qualifier else None)} ({connector}{formatting.value_text(p, 'procent')})"
            for v, q, p in zip(group[column], group[qualifier] if qualifier else [None] * len(group), group["percentage"])
            if pd.notna(v)
        ]
        if items:
            texts[scheme] = wording.joined(items)
    return texts


def corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the benefit corrections of the latest period of overpayment in the data."""
    frame = analysis.benefit_corrections(figures)
    return frame if frame.empty else frame.loc[frame["overpaid_span"] == frame["overpaid_span"].max()]


def p_overpaid(chapter) -> str:
    """Return the paragraph on the overpayments of January–June 2017 and their sum over those months."""
    frame = corrections(chapter.figures)
    if frame.empty:
        return ""
    levels = _levels(frame, "overpaid_monthly", "overpaid_qualifier")
    span = period(frame["overpaid_span"].iloc[0])
    schemes = "; ".join(
        f"bij de {SCHEME_TEXT[s]} {t}" if s == "aow" else f"in de {SCHEME_TEXT[s]} {t}" for s, t in levels.items()
    )
    months = int(frame["months"].max())
    most = _amount(frame["overpaid_period"].max(), None)
    where = (
        f"Volgens {in_data(chapter)} ging het in {span} per maand netto om"
        if chapter.municipal
        else (f"In {span} kregen uitkeringsgerechtigden daardoor per maand netto te veel:")
    )
    source = "" if chapter.municipal else f" ({cite_row(chapter, frame.iloc[0])})"
    after = (
        ""
        if chapter.municipal
        else (
            " Omdat het om een zeer kleine afwijking in het voordeel van de uitkeringsgerechtigden gaat, wordt dit niet "
            "gecorrigeerd."
        )
    )
    return (
        f"{where} {schemes}{source}.{after} Over de {formatting.number(months)} maanden samen is dat ten hoogste "
        f"{most} per persoon ({EIGEN})."
    )


def p_rise(chapter) -> str:
    """Return the paragraph on the net rise of the benefits per July 2017 (correction and indexation together)."""
    frame = corrections(chapter.figures).dropna(subset=["rise"])
    if frame.empty:
        return ""
    levels = _levels(frame, "rise", "rise_qualifier")
    when = period(frame["rise_period"].iloc[0])
    parts, previous = [], None
    for scheme, group in frame.groupby("scheme", sort=False):
        verb = signed(group["rise"].sum(), "stijgen", "dalen", "blijven")
        holiday = " (inclusief vakantiegeld)" if scheme == "aow" else ""
        said = f"de netto {BENEFIT_NOUN[scheme]}{holiday}"
        if verb == "blijven":
            parts.append(f"blijven {said} per maand gelijk")
        else:
            parts.append(
                f"{said} met {levels[scheme]}" if verb == previous else f"{verb} {said} per maand met {levels[scheme]}"
            )
        previous = verb
    said = ", en ".join(parts)
    if chapter.municipal:
        return f"Volgens {in_data(chapter)} {said} per {when}."  # the verb leads each part: 'stijgen de netto …'
    return (
        f"Per {when} worden de bedragen weer correct vastgesteld, tegelijk met de wettelijke indexering. Per saldo "
        f"{said} ({cite_row(chapter, frame.iloc[0])}). Welk deel daarvan de (verlagende) correctie is en welk deel "
        "indexering, staat niet in de brief."
    )


def p_ioaz(chapter) -> str:
    """Return the paragraph on the IOAZ income norms that were set too low."""
    figures = chapter.figures
    norms = lookup.select(figures, "ioaz_income_norm", period=IOAZ_DATE).sort_values("category")
    fixes = lookup.select(figures, "ioaz_income_norm_correction", period=IOAZ_DATE).sort_values("category")
    if norms.empty or fixes.empty:
        return ""
    used = wording.joined([value(r, 0) for _, r in norms.iterrows()])
    short = wording.joined([value(r, 0) for _, r in fixes.iterrows()])
    total = fixes["value"].sum()
    should = (
        f"{short} {'hoger' if total > 0 else 'lager'} hadden moeten zijn" if total != 0 else "geen correctie nodig hadden"
    )
    try:
        years = lookup.latest(chapter.national, "ioaz_income_reference_period")
        test = (
            f" Recht op IOAZ bestaat alleen als zowel het gemiddelde bedrijfsinkomen over de laatste {value(years)} als "
            "het verwachte inkomen bij voortzetting van het bedrijf onder de norm blijft."
        )
    except KeyError:
        test = ""
    start = formatting.period_label(IOAZ_DATE)
    if chapter.municipal:
        return (
            "Dezelfde fout zat in de inkomensnormen van de IOAZ, de regeling voor oudere en gedeeltelijk "
            f"arbeidsongeschikte gewezen zelfstandigen.{test} Volgens {in_data(chapter)} golden per {start} de normen "
            f"{used} bruto per jaar, die volgens die gegevens {should}.{_national_norms(chapter)}"
        )
    return (
        "Dezelfde fout zat sinds 1 januari 2014 in de inkomensnormen van de IOAZ, de regeling voor oudere en "
        f"gedeeltelijk arbeidsongeschikte gewezen zelfstandigen.{test} De twee normen die per {start} golden ({used} "
        f"bruto per jaar) {should}; voor welke situatie elke norm geldt, staat niet in de "
        "brief. Deze fout was in het nadeel van aanvragers: wie tussen de gebruikte en de juiste norm uitkwam, is "
        f"mogelijk ten onrechte een uitkering geweigerd. Per {_corrected(figures)} worden de normen gecorrigeerd; de "
        "staatssecretaris zou met VNG en gemeenten bezien hoe getroffenen geholpen kunnen worden "
        f"({cite_row(chapter, norms.iloc[0])}). Om hoeveel mensen het gaat, vermeldt de brief niet."
    )


def _corrected(figures: pd.DataFrame) -> str:
    """Return the date from which the levels and norms are set correctly (the date of the July rise)."""
    rises = lookup.select(figures, analysis.RAISED)
    return period(rises["period"].min()) if not rises.empty else "de volgende aanpassing"


def _national_norms(chapter) -> str:
    """Return the sentence with the letter's national IOAZ norms and corrections ('' when the data hold none)."""
    norms = lookup.select(chapter.national, "ioaz_income_norm", period=IOAZ_DATE).sort_values("category")
    corrections = lookup.select(chapter.national, "ioaz_income_norm_correction", period=IOAZ_DATE).sort_values("category")
    if norms.empty or corrections.empty:
        return ""
    return (
        f" Landelijk noemt {letter(chapter, norms.iloc[0]['source_id'])} de normen "
        f"{wording.joined([value(r, 0) for _, r in norms.iterrows()])}, die "
        f"{wording.joined([value(r, 0) for _, r in corrections.iterrows()])} hoger hadden moeten zijn."
    )
