"""Financiering van bijstand en re-integratie: the glued paragraphs on money for re-integration.

The participatiebudget per target group (a budget estimate, not spending: the money is not earmarked),
the June 2018 total and structural level, and the amounts per person. National editions attribute
each figure to its letter; municipal editions state the municipality's figures without a letter.
"""

from __future__ import annotations

import pandas as pd

from ...figures import checks, lookup
from ...figures.revisions import revisions
from ...figures.rounding import MLN_PER_MLD
from ...presentation import formatting, wording
from . import analysis
from .analysis import APRIL_2017, JUNE_2017
from .labels import KIND_SENTENCE
from .phrases import (
    EIGEN,
    cite,
    cite_row,
    cite_rows,
    euro_mln,
    in_data,
    letter,
    letter_date,
    mln_change,
    name,
    percent,
    period,
    signed_mln,
    value,
)

FLAT_TEXT = formatting.value_text(100 * analysis.FLAT, "procent")


def _total(parts: pd.DataFrame, year: str) -> float:
    found = parts.set_index("year")
    return found.at[year, "printed_total"] if pd.notna(found.at[year, "printed_total"]) else found.at[year, "sum"]


def _classic_course(parts: pd.DataFrame) -> str:
    """Return how the classic target group's part moves: down to a level and flat after, or from first to last."""
    series = parts.set_index("year")["classic"]
    first, last = series.index[0], series.index[-1]
    flat = analysis.flat_since(series)
    if flat == first:
        return f"blijft van {first} tot en met {last} vrijwel gelijk (binnen {FLAT_TEXT}, {EIGEN})"
    if flat is not None and flat != last:
        verb = wording.change(series[first], series[flat], "stijgt", "daalt", "blijft")
        when = f"in {flat}" if list(series.index).index(flat) == 1 else f"tot en met {flat}"
        return f"{verb} {when} tot {euro_mln(series[flat], 3)} en blijft daarna vrijwel gelijk (binnen {FLAT_TEXT}, {EIGEN})"
    verb = wording.change(series[first], series[last], "stijgt", "daalt", "blijft gelijk")
    return f"{verb} van {euro_mln(series[first], 3)} in {first} naar {euro_mln(series[last], 3)} in {last}"


def _new_course(parts: pd.DataFrame) -> str:
    series = parts.set_index("year")["new"]
    first, last = series.index[0], series.index[-1]
    verb = wording.change(series[first], series[last], "stijgt", "daalt", "blijft gelijk")
    factor = lookup.ratio(series[last], series[first])
    times = f", {formatting.number(factor, 1)} keer zoveel ({EIGEN})" if pd.notna(factor) and factor > 0 else ""
    return f"{verb} van {euro_mln(series[first], 3)} naar {euro_mln(series[last], 3)}{times}"


def _recipients(chapter) -> str:
    if chapter.municipal:
        try:
            own = lookup.latest(chapter.figures, "bijstand_recipients")
        except KeyError:
            return ""
        text = f" In {period(own['period'])} hadden volgens {in_data(chapter)} {value(own)} mensen een bijstandsuitkering"
        try:
            national = lookup.latest(chapter.national, "bijstand_recipients")
        except KeyError:
            return text + "."
        return (
            f"{text}; landelijk waren dat er in {period(national['period'])} volgens "
            f"{letter(chapter, national['source_id'])} {value(national)}."
        )
    try:
        latest = lookup.latest(chapter.national, "bijstand_recipients")
    except KeyError:
        return ""
    return (
        f" Volgens {letter(chapter, latest['source_id'])} hadden in {period(latest['period'])} {value(latest)} mensen "
        f"een bijstandsuitkering (p. {int(latest['page'])})."
    )


def p_pb_background(chapter) -> str:
    """Return the paragraph on how the re-integration money for the new target group was put together."""
    try:
        national = lookup.latest(chapter.national, "new_target_group_inflow_assumption")
    except KeyError:
        return ""
    policy = (
        "Voor de nieuwe instroom in de Participatiewet die vroeger een beroep op de Wsw kon doen, wordt volgens een "
        "jaarlijks oplopende reeks Wsw-geld omgezet in re-integratiegeld. Daarnaast gaat een oplopende reeks "
        "re-integratiegeld van UWV naar gemeenten, omdat de Wajong is gesloten voor jonggehandicapten met arbeidsvermogen"
    )
    cut = (
        "Op de re-integratiemiddelen voor de klassieke doelgroep van de Wet werk en bijstand is een korting uit het "
        "regeerakkoord toegepast"
    )
    if chapter.municipal:
        try:
            own = lookup.latest(chapter.figures, "new_target_group_inflow_assumption")
            mine = f"; in {in_data(chapter)} is dat {value(own)}"
        except KeyError:
            mine = ""
        return (
            f"{policy}; daarbij is landelijk gerekend met {value(national)} van hen per jaar die in de Participatiewet "
            f"instromen ({cite_row(chapter, national)}){mine}. {cut}."
        )
    return (
        f"{policy}; daarbij is gerekend met {value(national)} van hen per jaar die in de Participatiewet instromen. "
        f"{cut} ({cite_row(chapter, national)})."
    )


def p_pb_table(chapter) -> str:
    """Return the paragraph on the participatiebudget per target group and the number of people in the bijstand."""
    figures = chapter.figures if chapter.municipal else chapter.national
    parts = analysis.participation_budget_parts(figures)
    if parts.empty:
        return _recipients(chapter).strip()
    first, last = parts["year"].iloc[0], parts["year"].iloc[-1]
    start, end = _total(parts, first), _total(parts, last)
    letters = parts["source_id"].unique().tolist()
    if chapter.municipal:
        lead = f"Volgens {in_data(chapter)} {wording.change(start, end, 'neemt', 'neemt', 'blijft')} het participatiebudget"
        move = wording.change(start, end, "toe", "af", "gelijk")
        source = ""
    else:
        from_june = letters == [JUNE_2017]
        table = "de tabel in de brief" if len(letters) == 1 else "de tabellen in de brieven"
        dates = wording.joined([letter_date(chapter, s) for s in letters])
        circular = " (bron: meicirculaire 2017)" if from_june else ""
        verb = wording.change(start, end, "neemt", "neemt", "blijft")
        lead = f"Volgens {table} van {dates}{circular} {verb} het participatiebudget"
        move = wording.change(start, end, "licht toe" if from_june else "toe", "af", "gelijk")
        pages = parts.drop_duplicates("source_id")
        source = (
            f" (p. {int(pages['page'].iloc[0])})"
            if len(pages) == 1
            else f" ({'; '.join(cite(chapter, r['source_id'], r['page']) for _, r in pages.iterrows())})"
        )
    return (
        f"{lead} {move}, van {euro_mln(start, 3)} in {first} tot {euro_mln(end, 3)} in {last}{source}. "
        f"Het deel voor de klassieke doelgroep {_classic_course(parts)}; het deel voor de nieuwe doelgroep "
        f"{_new_course(parts)}. Het gaat om geraamde budgetten, niet om uitgaven." + _recipients(chapter)
    )


def p_pb_sum(chapter) -> str:
    """Return the sentence on whether the two target groups add up to the total, year by year (our computation)."""
    figures = chapter.figures if chapter.municipal else chapter.national
    parts = analysis.participation_budget_parts(figures).loc[lambda f: f["verdict"] != checks.NOT_COMPUTABLE]
    if parts.empty:
        return ""
    total = "het totaal in de gegevens" if chapter.municipal else "het gedrukte totaal"
    off = parts.loc[parts["verdict"] == checks.DISCREPANCY]
    rounded = parts.loc[parts["verdict"] == checks.ROUNDED]
    gaps = lambda rows: wording.joined(  # noqa: E731
        [f"in {y} {euro_mln(abs(d), 3)}" for y, d in zip(rows["year"], rows["difference"])]
    )
    if off.empty:
        text = f"Klassiek en nieuw tellen in elk jaar op tot {total}"
        if len(rounded) == 1:
            gap = rounded.iloc[0]
            text += f", in {gap['year']} op een afrondingsverschil van {euro_mln(abs(gap['difference']), 3)} na"
        elif len(rounded) > 1:
            text += f", op afrondingsverschillen na: {gaps(rounded)}"
        return f"{text} ({EIGEN})."
    return (
        f"Klassiek en nieuw tellen niet in elk jaar op tot {total}: de som wijkt {gaps(off)} af, meer dan de afronding "
        f"van de twee delen verklaart ({EIGEN})."
    )


def _growth(shift: pd.DataFrame) -> tuple[str, bool] | None:
    """Return the sentence on the new group's yearly growth, and whether the last year's growth is out of range."""
    growth = shift.set_index("year")["new_growth"].dropna()
    if len(growth) < 2:
        return None
    before, last_year, last = growth.iloc[:-1], growth.index[-1], growth.iloc[-1]
    verb = "stijgt" if (growth > 0).all() else "daalt" if (growth < 0).all() else "verandert"
    size = signed_mln if verb == "verandert" else mln_change
    small, large = sorted([before.min(), before.max()], key=abs)
    span = size(small) if small == large else f"{size(small)} tot {size(large)}"
    sentence = (
        f" Het deel voor de nieuwe doelgroep {verb} tot en met {before.index[-1]} met {span} per jaar en in "
        f"{last_year} met {size(last)} ({EIGEN})"
    )
    return sentence, bool(last > before.max() or last < before.min())


def _changed(amount: float) -> str:
    """Return a computed change as '€ 9,1 mln lager dan' / 'hoger dan' / 'even hoog als'."""
    if amount == 0:
        return "even hoog als"
    return f"{mln_change(amount)} {'hoger' if amount > 0 else 'lager'} dan"


def p_pb_groups(chapter) -> str:
    """Return the paragraph on the two target groups' parts of the budget estimate (our computations)."""
    figures = chapter.figures if chapter.municipal else chapter.national
    shift = analysis.target_group_shift(figures)
    if shift.empty:
        return ""
    first, last = shift.iloc[0], shift.iloc[-1]
    where = f"In {in_data(chapter)}" if chapter.municipal else "In de raming"
    grows = wording.change(first["new_share"], last["new_share"], "groeit", "krimpt", "blijft gelijk")
    text = (
        f"{where} {grows} het deel dat voor de nieuwe doelgroep in het budget is opgenomen: van "
        f"{percent(first['new_share'])} van het totaal in {first['year']} naar {percent(last['new_share'])} in "
        f"{last['year']} ({EIGEN}). Het deel voor de klassieke doelgroep is in {last['year']} "
        f"{_changed(last['classic_change'])} in {first['year']}, dat voor de nieuwe doelgroep "
        f"{_changed(last['new_change']).removesuffix(' dan').removesuffix(' als')} ({EIGEN}). Omdat het budget niet "
        "geoormerkt is, zegt deze verdeling niet hoeveel gemeenten aan elke groep besteden."
    )
    growth = _growth(shift)
    if growth:
        sentence, unusual = growth
        reason = "; de brief geeft voor dat verschil geen verklaring" if unusual and not chapter.municipal else ""
        text += f"{sentence}{reason}."
    return text


def p_pb_2018(chapter) -> str:
    """Return the paragraph on the newest letter's re-integration total and the structural level."""
    figures = chapter.figures if chapter.municipal else chapter.national
    total, structural = analysis.newest_letter_total(figures), analysis.structural_level(figures)
    if chapter.municipal:
        parts = []
        if total is not None:
            parts.append(
                f"Volgens {in_data(chapter)} gaat het in {period(total['period'])} om {value(total)} aan "
                "re-integratiemiddelen"
            )
        if structural is not None:
            parts.append(f"structureel om {value(structural)}")
        national = analysis.newest_letter_total(chapter.national)
        national_level = analysis.structural_level(chapter.national)
        text = "; ".join(parts) + "." if parts else ""
        if national is not None and national_level is not None:
            text += (
                f" Landelijk noemt {letter(chapter, national['source_id'])} {value(national)} voor "
                f"{period(national['period'])} en {value(national_level)} structureel; in welk jaar dat niveau wordt "
                "bereikt, staat er niet bij."
            )
        return text.strip()
    parts = []
    if total is not None:
        parts.append(
            f"In {letter(chapter, total['source_id'])} noemt de staatssecretaris voor {period(total['period'])} een "
            f"totaal van {value(total)} aan re-integratiemiddelen, waaronder die voor beschut werk "
            f"({cite_row(chapter, total)})."
        )
        parts.append(_revision(chapter, total))
    if structural is not None:
        same = total is not None and structural["source_id"] == total["source_id"]
        which = "die brief" if same else letter(chapter, structural["source_id"])
        parts.append(
            f"Door de instroom van de nieuwe doelgroep lopen de re-integratiemiddelen volgens {which} geleidelijk op naar "
            f"{value(structural)} per jaar, structureel. In welk jaar dat niveau wordt bereikt en hoe het over de "
            "doelgroepen is verdeeld, staat er niet bij."
        )
    return " ".join(p for p in parts if p)


def _revision(chapter, total: pd.Series) -> str:
    """Return the sentence on an earlier letter's value of the same total, with the kind of the difference."""
    changed = revisions(chapter.national)
    same = changed.loc[
        (changed["indicator"] == total["indicator"])
        & (changed["category"] == total["category"])
        & (changed["period"] == total["period"])
        & (changed["source_id"] != total["source_id"])
    ]
    if same.empty:
        return ""
    earlier = same.iloc[0]
    assumption = (
        " Dat beide brieven hetzelfde bedrag bedoelen, is een aanname: de ene spreekt van re-integratiemiddelen "
        "waaronder beschut werk, de andere van het participatiebudget."
        if earlier["source_id"] == JUNE_2017
        else ""
    )
    return (
        f"De tabel van {letter_date(chapter, earlier['source_id'])} geeft voor dat jaar {value(earlier)}; "
        f"{KIND_SENTENCE[earlier['kind']]}.{assumption}"
    )


def p_per_person(chapter) -> str:
    """Return the paragraph on the amounts per person for the new target group and the ESF money."""
    national = chapter.national
    try:
        intensive = lookup.latest(national, "reintegration_budget_per_person", category="intensief")
        other = lookup.latest(national, "reintegration_budget_per_person", category="overig")
    except KeyError:
        return ""
    request = (
        "Het manifest «Investeren in werk voor kwetsbare groepen» van wethouders vroeg het re-integratiebudget voor "
        "de nieuwe doelgroep zo te verhogen dat voor iedereen uit die groep intensieve begeleiding mogelijk wordt."
    )
    esf = lookup.select(chapter.figures if chapter.municipal else national, "esf_active_inclusion_budget")
    if chapter.municipal:
        own = []
        for category, who in (("intensief", "bij intensieve begeleiding"), ("overig", "voor de overige nieuwe doelgroep")):
            try:
                own.append(
                    f"{value(lookup.latest(chapter.figures, 'reintegration_budget_per_person', category=category))} {who}"
                )
            except KeyError:
                continue
        amounts = wording.joined(own)
        latest = esf.sort_values("period").iloc[-1] if not esf.empty else None
        money = (
            f" Voor ESF noemen {in_data(chapter)} {value(latest)} over {period(latest['period'])}."
            if latest is not None
            else ""
        )
        return (
            f"{request} Volgens {in_data(chapter)} gaat het per persoon om {amounts}; landelijk noemt "
            f"{letter(chapter, APRIL_2017)} {value(intensive)} voor wie naar verwachting intensieve begeleiding nodig "
            f"heeft en {value(other)} voor de overige nieuwe doelgroep. Of het bedrag per persoon per jaar geldt, staat "
            f"niet in de brief.{money}"
        )
    year = period(intensive["period"])
    text = (
        f"{request} {letter(chapter, intensive['source_id']).capitalize()} antwoordt dat bij de invoering van de "
        f"Participatiewet ({year}) {value(intensive)} per persoon beschikbaar is gesteld voor wie naar verwachting "
        f"intensieve begeleiding nodig heeft. Voor de overige nieuwe doelgroep, die vóór {year} in de Wajong zou zijn "
        "ingestroomd, is het re-integratiebudget van UWV budgetneutraal overgeheveld; dat komt neer op "
        f"{value(other)} per persoon ({cite_row(chapter, other)}). Volgens de brief is intensieve begeleiding niet voor "
        "iedereen uit die groep wenselijk of nodig; een meerderheid van de Wajongers bij een reguliere werkgever "
        "werkte zonder begeleiding (het percentage staat in het hoofdstuk over de banenafspraak). Of het bedrag per "
        "persoon per jaar geldt, staat niet in de brief."
    )
    if not esf.empty:
        row = esf.iloc[0]
        text += (
            f" Daarnaast was er over {period(row['period'])} samen {value(row)} uit het Europees Sociaal Fonds "
            "(programma Actieve Inclusie) voor projecten die mensen met een afstand tot de arbeidsmarkt naar werk "
            "leiden, onder wie leerlingen uit het voortgezet speciaal onderwijs en het praktijkonderwijs "
            f"({cite_row(chapter, row)})."
        )
    return text


def _in_mln(row: pd.Series) -> float:
    return float(row["value"]) * (MLN_PER_MLD if row["unit"] == "euro_mld" else 1)


def finding_reintegration(chapter) -> str:
    """Return the finding's sentence on re-integration money: the newest total and the structural level."""
    if chapter.municipal:
        parts = analysis.participation_budget_parts(chapter.figures)
        if parts.empty:
            return ""
        first, last = parts["year"].iloc[0], parts["year"].iloc[-1]
        start, end = _total(parts, first), _total(parts, last)
        move = wording.change(start, end, "neemt in de raming toe", "neemt in de raming af", "blijft in de raming gelijk")
        return (
            f"Het participatiebudget van {name(chapter)} {move}, van {euro_mln(start, 3)} in {first} tot "
            f"{euro_mln(end, 3)} in {last}."
        )
    total, structural = analysis.newest_letter_total(chapter.national), analysis.structural_level(chapter.national)
    if total is None:
        return ""
    rising = ""
    if structural is not None:
        rises = _in_mln(structural) > _in_mln(total)
        rising = f", oplopend naar {value(structural)} structureel" if rises else f"; structureel {value(structural)}"
    return (
        f"Voor re-integratie noemt {letter(chapter, total['source_id'])} {value(total)} in {period(total['period'])}"
        f"{rising} {cite_rows(chapter, total, structural)}."
    )
