"""De sociale werkvoorziening in cijfers: the glued paragraphs about the Wsw-statistiek and the shares.

Each function returns one paragraph (Markdown) for the national edition, or for a municipal edition the
wording its own numbers support. Sentences about the latest state name the latest period in the data
and its letter; sentences about a claim of one letter (the 2012 statistics) name that claim's period.
"""

from __future__ import annotations

from ...figures import lookup
from ...presentation import escape, formatting, wording
from . import analysis
from .analysis import END_2012, FIRST, JULY_2013, REPEAT, SPAN_2012, START_2012, TOTAL, YEAR_2011, YEAR_2012
from .sentences import OURS, Context, change, printed_decimals, value, when


def indications(ctx: Context) -> str:
    """Return the paragraph on the Wsw-indicaties: the latest year against the year before, and the kinds."""
    figures = ctx.figures
    previous, latest = analysis.latest_two(figures, "wsw_indications", TOTAL)
    if latest is None:
        return ""
    text = [ctx.pair("het aantal uitgevoerde Wsw-indicaties", previous, latest), change(previous, latest)]
    years = analysis.parts_periods(figures)
    if years:
        year = years[-1]
        first = lookup.row(figures, "wsw_indications", year, category=FIRST)
        repeat = lookup.row(figures, "wsw_indications", year, category=REPEAT)
        total = lookup.value(figures, "wsw_indications", year, category=TOTAL)
        share = formatting.percent(repeat["value"], total)
        text.append(
            f"Van de indicaties {when(year)} waren er {value(first)} eerste indicaties en {value(repeat)} herindicaties"
            + (f"; de herindicaties zijn {share} van het totaal ({OURS})." if share != "–" else ".")
        )
    source = "de gegevens" if ctx.municipal else "de brief"
    text.append(f"Hoeveel indicaties positief uitvielen, staat niet in {source}.")
    return " ".join(t for t in text if t)


def indications_sum(ctx: Context) -> str:
    """Return the paragraph on the sum of first and re-indications against the total of the same year."""
    figures = ctx.figures
    years = analysis.parts_periods(figures)
    if not years or lookup.select(figures, "wsw_indications", category=TOTAL, period=years[-1]).empty:
        return ""
    year = years[-1]
    total = lookup.value(figures, "wsw_indications", year, category=TOTAL)
    gap = -analysis.indications_difference(figures, year)
    parts = total + gap
    n = formatting.number
    if ctx.municipal:
        compared = wording.comparison(parts, total, f"{n(abs(gap))} meer dan", f"{n(abs(gap))} minder dan", "gelijk aan")
        return (
            f"In {ctx.place} zijn eerste indicaties en herindicaties {when(year)} samen {n(parts)} ({OURS}), "
            f"{compared} het totaal in de gegevens ({n(total)})."
        )
    if gap == 0:
        return (
            f"Eerste indicaties en herindicaties {when(year)} zijn samen {n(parts)} ({OURS}), precies het gedrukte totaal."
        )
    direction = wording.comparison(parts, total, "meer", "minder")
    return (
        f"Eerste indicaties en herindicaties {when(year)} zijn samen {n(parts)} ({OURS}), {n(abs(gap))} {direction} "
        f"dan het gedrukte totaal van {n(total)}. De brief zegt niet of het totaal alleen uit deze twee soorten bestaat; "
        "het verschil is daarom geen vastgestelde fout in de brief. De grafiek toont beide getallen."
    )


def indications_cause(ctx: Context) -> str:
    """Return the paragraph on the probable cause the letter of July 2013 gives for the fall in 2012 (national)."""
    total = ctx.national_row("wsw_indications", YEAR_2012, TOTAL)
    if total is None or total["source_id"] != JULY_2013:
        return ""
    lead = "Landelijk zijn volgens {letter}" if ctx.municipal else "Volgens {letter} zijn"
    text = (
        f"{lead.format(letter=ctx.letter(JULY_2013))} het aantal eerste indicaties en de wachtlijst in 2012 "
        "waarschijnlijk gedaald doordat gemeenten en werkzoekenden (en hun netwerk) vooruitliepen op de "
        f"aangekondigde Wet Werken naar Vermogen {ctx.cite(total)}."
    )
    if ctx.municipal:
        return text + " De brief geeft daarvoor geen cijfers per gemeente."
    if ctx.national_row("wsw_indications", YEAR_2011, FIRST) is None:
        text += (
            " Het aantal eerste indicaties in 2011 staat niet in de brief, zodat de daling van de eerste indicaties "
            "met de gedrukte cijfers niet na te rekenen is."
        )
    return text + (
        f" De paragraaf van de brief met deze cijfers heeft als kop «{escape.markdown(total['section'])}»; de cijfers "
        "zelf en het meegestuurde jaarrapport gaan over 2011 en 2012."
    )


def waiting_list(ctx: Context) -> str:
    """Return the paragraph on the waiting list: the latest stand, the decrease to it and the start it implies."""
    figures = ctx.figures
    stand = lookup.latest(figures, "wsw_waiting_list") if not lookup.select(figures, "wsw_waiting_list").empty else None
    if stand is None:
        return ""
    decreases = lookup.select(figures, "wsw_waiting_list_decrease")
    ending = decreases.loc[[end is not None and end.isoformat() == stand["period"] for end in decreases["period_end"]]]
    decrease = ending.sort_values("source_date").iloc[-1] if not ending.empty else None
    pct = None
    if decrease is not None:
        found = lookup.select(figures, "wsw_waiting_list_decrease_pct", period=decrease["period"])
        pct = found.sort_values("source_date").iloc[-1] if not found.empty else None
    n = formatting.number
    if decrease is None:
        if ctx.municipal:
            return f"In {ctx.place} stonden {when(stand['period'])} {value(stand)} mensen op de Wsw-wachtlijst."
        return (
            f"Volgens {ctx.letter(stand['source_id'])} stonden {when(stand['period'])} {value(stand)} mensen op de "
            f"Wsw-wachtlijst {ctx.cite(stand)}."
        )
    start_day = decrease["period_start"].isoformat()
    start = float(stand["value"]) + float(decrease["value"])
    recomputed = lookup.ratio(100 * float(decrease["value"]), start)
    if ctx.municipal:
        moved = wording.change(start, float(stand["value"]), "steeg", "daalde", "bleef gelijk")
        by = formatting.value_text(abs(recomputed), "procent", 1)
        return (
            f"In {ctx.place} stonden {when(stand['period'])} {value(stand)} mensen op de Wsw-wachtlijst. Met de daling "
            f"in de gegevens ({value(decrease)}) komt de stand {when(start_day)} uit op {n(start)} (eindstand plus "
            f"daling, {OURS}): de wachtlijst {moved}"
            + (f" met {by} ({OURS})." if moved != "bleef gelijk" and by != "–" else ".")
        )
    fewer = wording.comparison(0, float(decrease["value"]), "meer", "minder", "evenveel")
    text = (
        f"Volgens {ctx.letter(stand['source_id'])} stonden {when(stand['period'])} {value(stand)} mensen op de "
        f"Wsw-wachtlijst, {n(abs(float(decrease['value'])))} {fewer} dan {when(start_day)}"
        + (f", een daling van {value(pct)}" if pct is not None else "")
        + f" {ctx.cite(stand, decrease, pct)}. De stand {when(start_day)} staat niet in de brief; eindstand plus daling "
        f"geeft {n(start)} ({OURS}; in de grafiek grijs en gestreept)."
    )
    if pct is not None:
        decimals = printed_decimals(float(pct["value"]))
        shown = formatting.value_text(recomputed, "procent", decimals)
        fits = abs(round(recomputed, decimals) - float(pct["value"])) < 1e-9
        text += (
            f" Het gedrukte percentage {'past' if fits else 'past niet'} bij die beginstand: "
            f"{n(abs(float(decrease['value'])))} op {n(start)} is {'afgerond ' if fits else ''}{shown} ({OURS})."
        )
    if stand["source_id"] == JULY_2013 and decrease["period"] == SPAN_2012:
        text += (
            " Voor deze daling noemt de brief dezelfde waarschijnlijke oorzaak als voor de daling van de eerste indicaties."
        )
    return text


def workforce(ctx: Context) -> str:
    """Return the paragraph on the Wsw workforce: the latest count against the one before."""
    previous, latest = analysis.latest_two(ctx.figures, "wsw_employees")
    if latest is None:
        return ""
    text = [ctx.pair("het werknemersbestand", previous, latest), change(previous, latest)]
    pair_2012 = previous is not None and {previous["period"], latest["period"]} == {START_2012, END_2012}
    if not ctx.municipal and pair_2012 and {previous["source_id"], latest["source_id"]} == {JULY_2013}:
        text.append("De brief noemt de omvang ongeveer gelijk gebleven.")
    if not ctx.municipal:
        text.append(
            "De brief spreekt van het werknemersbestand en van mensen met een Wsw-dienstbetrekking; dat het om personen "
            "gaat en niet om arbeidsjaren, is onze lezing."
        )
    return " ".join(t for t in text if t)


def seconded(ctx: Context) -> str:
    """Return the paragraph on the share of people with a Wsw-dienstbetrekking who work seconded."""
    previous, latest = analysis.latest_two(ctx.figures, "wsw_seconded_share")
    if latest is None:
        return ""
    subject = "het aandeel gedetacheerden onder de mensen met een Wsw-dienstbetrekking"
    text = [ctx.pair(subject, previous, latest), change(previous, latest, share=True)]
    if ctx.municipal:
        text.append(_against_national(ctx, "wsw_seconded_share", latest))
    else:
        text.append("Op welk moment van het jaar deze aandelen gemeten zijn, zegt de brief niet.")
    return " ".join(t for t in text if t)


def _against_national(ctx: Context, indicator: str, latest) -> str:
    """Return 'Dat is hoger dan het landelijke aandeel van 26,8% in 2012 volgens de brief van … (…).' (municipal)."""
    national = ctx.national_row(indicator, latest["period"])
    if national is None:
        return ""
    compared = wording.higher_lower(float(latest["value"]), float(national["value"]))
    return (
        f"Dat is {compared} het landelijke aandeel van {value(national)} {when(national['period'])} volgens "
        f"{ctx.letter(national['source_id'])} {ctx.cite(national)}."
    )


def supported(ctx: Context) -> str:
    """Return the paragraph on the places in begeleid werken and the readings of the printed percentage."""
    figures = ctx.figures
    previous, latest = analysis.latest_two(figures, "wsw_supported_employment_places")
    if latest is None:
        return ""
    text = [ctx.pair("het aantal plaatsen begeleid werken binnen het werknemersbestand", previous, latest)]
    if previous is not None:
        old, new = float(previous["value"]), float(latest["value"])
        direction = wording.comparison(new, old, "meer", "minder", "evenveel")
        amount = formatting.number(abs(new - old))
        text.append(
            f"Dat is {amount} plaatsen {direction} ({OURS})." if direction != "evenveel" else f"Dat is evenveel ({OURS})."
        )
    if ctx.municipal:
        staff = lookup.select(figures, "wsw_employees", period=latest["period"])
        if not staff.empty:
            share = formatting.percent(float(latest["value"]), float(staff["value"].iloc[-1]), 1)
            text.append(f"Als aandeel van het werknemersbestand {when(latest['period'])} is dat {share} ({OURS}).")
        return " ".join(t for t in text if t)
    printed = lookup.select(figures, "wsw_supported_employment_places_increase_pct", period=SPAN_2012)
    if not printed.empty:
        row = printed.iloc[0]
        decimals = printed_decimals(float(row["value"]))
        readings = analysis.supported_employment_readings(figures).set_index("reading")["percent"]
        pct = lambda v: formatting.value_text(v, "procent", decimals)  # noqa: E731
        text.append(
            f"Over 2012 noemt {ctx.letter(row['source_id'])} de stijging licht en zet er een percentage bij, "
            f"{value(row)}, zonder te zeggen waarop het slaat {ctx.cite(row)}. Als groei van het aantal plaatsen komt "
            f"het nagerekend uit op {pct(readings[analysis.RISE])}; als aandeel van de plaatsen in het werknemersbestand "
            f"eind 2012 op {pct(readings[analysis.SHARE_END])} ({OURS}). Welke lezing de brief bedoelt, blijkt er niet "
            "uit; de tabel zet de lezingen naast elkaar."
        )
    return " ".join(t for t in text if t)


def regular(ctx: Context) -> str:
    """Return the paragraph on the share of Wsw employees at a regular employer (April 2017 letter)."""
    previous, latest = analysis.latest_two(ctx.figures, "wsw_regular_employer_share")
    if latest is None:
        return ""
    subject = "het aandeel Wsw-werknemers dat bij een reguliere werkgever werkt"
    text = [ctx.pair(subject, previous, latest), change(previous, latest, share=True)]
    if ctx.municipal:
        text.append(_against_national(ctx, "wsw_regular_employer_share", latest))
        return " ".join(t for t in text if t)
    if latest["source_id"] == analysis.APRIL_2017:
        text.append(
            "De brief geeft dit cijfer direct na de vaststelling van de staatssecretaris dat de omvorming van de "
            "sw-bedrijven volop gaande is."
        )
    text.append(
        "Welke vormen van werk meetellen en waarop het percentage berekend is, zegt de brief niet. Het is daarom een "
        "ander cijfer dan het aandeel gedetacheerden uit de Wsw-statistiek; de twee staan in aparte grafieken."
    )
    return " ".join(t for t in text if t)


def unsaid_staff(ctx: Context) -> str:
    """Return the item of 'Wat de cijfers niet zeggen' on the size of the Wsw workforce after its latest count."""
    lead = "**Hoe groot het Wsw-bestand na de laatste telling was.**"
    rows = lookup.select(ctx.figures, "wsw_employees")
    if rows.empty:
        return lead + " De gegevens bevatten geen telling van het aantal Wsw-werknemers."
    latest = lookup.latest(ctx.figures, "wsw_employees")
    later = (
        f"geven de brieven alleen nog aan dat het aantal werkzame Wsw-ers jaarlijks daalt "
        f"{ctx.cite_letter(analysis.JUNE_2018, 7)} en dat het volume in 2015 en 2016 onder de raming bleef "
        f"{ctx.cite_letter(analysis.APRIL_2017, 2)}."
    )
    if ctx.municipal:
        return f"{lead} De gegevens van {ctx.place} lopen tot {when(latest['period'])}. Landelijk {later}"
    return (
        f"{lead} Na de telling {when(latest['period'])} in {ctx.letter(latest['source_id'])} geven de brieven geen "
        f"telling van het aantal Wsw-werknemers meer. Ze melden alleen dat het aantal werkzame Wsw-ers jaarlijks daalt "
        f"{ctx.cite_letter(analysis.JUNE_2018, 7)} en dat het volume in 2015 en 2016 onder de raming bleef "
        f"{ctx.cite_letter(analysis.APRIL_2017, 2)}. Op welk aantal Wsw-ers of arbeidsjaren de totale "
        "efficiencykorting berust, zeggen de brieven evenmin."
    )
