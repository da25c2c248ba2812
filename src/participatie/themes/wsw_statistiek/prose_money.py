"""De sociale werkvoorziening in cijfers: the glued paragraphs about the money, the chapter's scope and its checks.

Each function returns one paragraph (Markdown) for the national edition, or for a municipal edition the
wording its own numbers support, with national figures only as 'landelijk … volgens de brief van …'.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup
from ...figures.checks import ASSUMPTION
from ...presentation import escape, formatting, wording
from ...presentation import labels as shared
from . import analysis
from .analysis import APRIL_2017, JULY_2013, JUNE_2017, JUNE_2018
from .sentences import OURS, Context, value, when


def _date(ctx: Context, source_id: str) -> str:
    return ctx.date(source_id)


def _latest(figures: pd.DataFrame, indicator: str) -> pd.Series | None:
    return lookup.latest(figures, indicator) if not lookup.select(figures, indicator).empty else None


def _structural(row: pd.Series) -> str:
    """Return 'structureel vanaf 2020' for an open period (a structural level), else the period as in a sentence."""
    return f"structureel vanaf {row['period_start'].year}" if row["period_kind"] == "open" else when(row["period"])


def scope(ctx: Context) -> str:
    """Return the paragraph on where the chapter's figures come from."""
    if ctx.municipal:
        return (
            f"Deze editie toont de Wsw-cijfers van {ctx.place}. De brieven zelf geven alleen landelijke cijfers; waar "
            "de tekst een landelijk cijfer noemt, staat dat erbij, met de brief die het noemt. De rekencontrole en de "
            "revisies gaan over die landelijke cijfers en staan niet in deze editie."
        )
    letters = ctx.figures.drop_duplicates("source_id").sort_values("source_date")["source_id"].tolist()
    dates = [_date(ctx, s) for s in letters]
    text = [f"De cijfers in dit hoofdstuk komen uit de brieven van {wording.joined(dates)}."]
    if JULY_2013 in letters:
        text.append(
            f"{ctx.letter(JULY_2013).capitalize()} vat de Wsw-statistiek over 2012 samen; de andere brieven geven losse "
            "cijfers over de omvorming van de sector en over het geld."
        )
    manifesto = _latest(ctx.figures, "manifesto_signatory_municipalities")
    if manifesto is not None:
        text.append(
            f"{ctx.letter(manifesto['source_id']).capitalize()} is een reactie op het manifest «Investeren in werk voor "
            f"kwetsbare groepen», dat wethouders van {value(manifesto)} gemeenten ondertekenden {ctx.cite(manifesto)}."
        )
    text.append(
        f"Sommen, vergelijkingen en percentages in de brieven zijn nagerekend ({OURS}); waar een gedrukt getal meer dan "
        "één lezing toelaat, staan de lezingen naast elkaar."
    )
    return " ".join(text)


def budget(ctx: Context) -> str:
    """Return the paragraph on the Wsw budget: the latest amount, and the expectation the letter gives."""
    current, expected = analysis.budget_rows(ctx.figures)
    if current is None:
        return ""
    if ctx.municipal:
        text = f"In {ctx.place} zijn de Wsw-middelen in de gegevens {value(current)} {when(current['period'])}" + (
            f" en {value(expected)} {when(expected['period'])} (een verwachting)." if expected is not None else "."
        )
        _, national = analysis.budget_rows(ctx.national)
        if national is not None and national["source_id"] == JUNE_2018:
            text += (
                f" Landelijk lopen de Wsw-middelen volgens {ctx.letter(JUNE_2018)} geleidelijk af tot {value(national)} "
                f"{when(national['period'])}, omdat het aantal werkzame Wsw-ers jaarlijks afneemt {ctx.cite(national)}."
            )
        return text
    text = [
        "Naast middelen voor re-integratie ontvangen gemeenten van het Rijk middelen voor de uitvoering van de Wsw: "
        f"volgens {ctx.letter(current['source_id'])} {value(current)} {when(current['period'])} {ctx.cite(current)}."
    ]
    if current["source_id"] == JUNE_2018:
        text.append(
            "Deze middelen zijn, net als die voor re-integratie, niet geoormerkt: gemeenten kunnen ze naar lokale "
            "behoefte inzetten."
        )
    if expected is not None:
        verb = wording.change(float(current["value"]), float(expected["value"]), "stijgen", "dalen", "blijven")
        reason = expected["source_id"] == JUNE_2018
        text.append(
            f"Volgens {ctx.letter(expected['source_id'])} {verb} de Wsw-middelen {'geleidelijk ' if reason else ''}"
            + ("gelijk tot " if verb == "blijven" else "tot ")
            + f"{value(expected)} {when(expected['period'])}"
            + (", omdat het aantal werkzame Wsw-ers elk jaar kleiner wordt" if reason else "")
            + f" {ctx.cite(expected)}; dat eindpunt is een verwachting, geen vastgesteld budget. Bedragen voor de "
            "tussenliggende jaren geeft de brief niet."
        )
    text.append(
        f"Volgens {ctx.letter(JUNE_2017)} wordt bovendien een jaarlijks oplopend deel van de Wsw-middelen omgezet in "
        "re-integratiemiddelen voor de nieuwe doelgroep die vroeger een beroep op de Wsw kon doen "
        f"{ctx.cite_letter(JUNE_2017, 5)}."
    )
    return " ".join(text)


def _cut_rows(figures: pd.DataFrame) -> list[tuple[pd.Series, pd.Series]]:
    """Return (per Wsw-er, total) rows of the first and last year of the efficiency cut in the data."""
    frame = analysis.efficiency_cut(figures)
    if frame.empty:
        return []
    rows = []
    for _, year in frame.iloc[[0, -1]].iterrows():
        per = lookup.row(figures, "wsw_efficiency_cut_per_employee", year["year"], source_id=year["source_id"])
        total = lookup.row(figures, "wsw_efficiency_cut_total", year["year"], source_id=year["total_source_id"])
        rows.append((per, total))
    return rows


def cut(ctx: Context) -> str:
    """Return the paragraph on the efficiency cut: per Wsw employee and on the total, first and last year."""
    rows = _cut_rows(ctx.figures)
    if not rows:
        return ""
    (per_first, total_first), (per_last, total_last) = rows
    verb = wording.change(float(per_first["value"]), float(per_last["value"]), "loopt op", "daalt", "blijft gelijk")
    per = f"{value(per_first)} {when(per_first['period'])} en {value(per_last)} {when(per_last['period'])}"
    totals = f"{value(total_first)} {when(total_first['period'])} en {value(total_last)} {when(total_last['period'])}"
    if ctx.municipal:
        text = (
            f"In de gegevens van {ctx.place} is de efficiencykorting per Wsw-er {per}; op de Wsw-middelen van de "
            f"gemeente gaat het om {totals}, telkens per jaar."
        )
        national = _cut_rows(ctx.national)
        if national:
            (n_first, _), (n_last, _) = national
            n_verb = wording.change(float(n_first["value"]), float(n_last["value"]), "loopt", "daalt", "blijft")
            text += (
                f" Landelijk {n_verb} de korting per Wsw-er volgens {ctx.letter(n_last['source_id'])} "
                f"{'op ' if n_verb == 'loopt' else ''}van {value(n_first)} {when(n_first['period'])} tot "
                f"{value(n_last)} {when(n_last['period'])} {ctx.cite(n_first, n_last)}."
            )
        return text
    years = f"{per_first['period']} tot en met {per_last['period']}"
    text = [
        "Bij de invoering van de Participatiewet is op de Wsw-middelen een efficiencykorting doorgevoerd"
        + (f", volgens {ctx.letter(JUNE_2018)} door het vorige kabinet" if per_last["source_id"] == JUNE_2018 else "")
        + f", voor de jaren {years}.",
        f"De korting per Wsw-er {verb}: {per}. Op de totale Wsw-middelen betekent dat een verlaging van {totals}, "
        f"telkens per jaar {ctx.cite(per_first, per_last, total_first, total_last)}.",
    ]
    place = _latest(ctx.figures, "wsw_state_contribution_per_place")
    if place is not None:
        text.append(
            f"Volgens {ctx.letter(place['source_id'])} daalt door de oplopende korting de rijksbijdrage per plek in de "
            f"sw-sector tot {value(place)}, {_structural(place)} {ctx.cite(place)}; dat het om een jaarbedrag gaat, "
            "zegt de brief niet uitdrukkelijk."
        )
    return " ".join(text)


def volume(ctx: Context) -> str:
    """Return the paragraph on the realised Wsw volume against the forecast made when the Participatiewet began."""
    latest = _latest(ctx.figures, "wsw_volume_below_forecast")
    if latest is None:
        return ""
    below = float(latest["value"]) >= 0
    amount = formatting.row_text(latest.assign(value=abs(float(latest["value"]))) if not below else latest)
    side = "onder" if below else "boven"
    if ctx.municipal:
        text = f"In de gegevens van {ctx.place} lag het Wsw-volume {when(latest['period'])} {amount} {side} de raming."
        national = _latest(ctx.national, "wsw_volume_below_forecast")
        if national is not None:
            text += (
                f" Landelijk ging het volgens {ctx.letter(national['source_id'])} om {value(national)} "
                f"{when(national['period'])} {ctx.cite(national)}."
            )
        return text
    preliminary = latest["source_id"] == APRIL_2017
    text = [
        f"Volgens {'voorlopige cijfers in ' if preliminary else ''}{ctx.letter(latest['source_id'])} lag het "
        f"gerealiseerde Wsw-volume {when(latest['period'])} {amount} {side} de raming die bij de invoering van de "
        f"Participatiewet is gemaakt {ctx.cite(latest)}."
    ]
    if preliminary:
        text.append(
            "Ook in 2015 bleef het volume volgens die brief wat onder de raming, zonder dat de brief een aantal noemt; "
            "bijstelling van de raming leek de staatssecretaris daarom nu niet nodig. Definitieve cijfers over 2016 "
            "kondigde de brief aan voor begin mei 2017; in de latere brieven staan ze niet."
        )
    text.append(
        f"Volgens {ctx.letter(JUNE_2017)} levert het lagere volume gemeenten een klein financieel voordeel op "
        f"{ctx.cite_letter(JUNE_2017, 8)}. De raming zelf staat in geen van de brieven."
    )
    return " ".join(text)


def kerstens(ctx: Context) -> str:
    """Return the paragraph on the extra money after the motie Kerstens, and in which letters it stands."""
    rows = analysis.series(ctx.national, "motie_kerstens_funds")
    if rows.empty:
        return ""
    anchor = rows.loc[rows["source_id"] == JUNE_2018]
    national = (anchor if not anchor.empty else rows).iloc[-1]
    pages = {JUNE_2018: {9}} if national["source_id"] == JUNE_2018 else None
    purpose = (
        f"na een motie van het Kamerlid Kerstens {value(national)} extra beschikbaar gesteld om de omvorming van "
        "sw-bedrijven tot breed inzetbare en toekomstbestendige bedrijven te ondersteunen, waarin ook beschut werk "
        f"een plaats kan krijgen {ctx.cite(national, pages=pages)}."
    )
    if ctx.municipal:
        own = _latest(ctx.figures, "motie_kerstens_funds")
        mine = f"In de gegevens van {ctx.place} gaat het om {value(own)} uit de motie Kerstens. " if own is not None else ""
        return f"{mine}Landelijk is volgens {ctx.letter(national['source_id'])} {purpose}"
    text = [
        f"Volgens {ctx.letter(national['source_id'])} is {purpose}",
        f"Volgens de brieven van {_date(ctx, APRIL_2017)} en {_date(ctx, JUNE_2017)} heeft dit geld "
        "bijgedragen aan de omvorming van de sector en aan sterkere regionale samenwerking "
        f"({ctx.ref(APRIL_2017, [1])}; {ctx.ref(JUNE_2017, [8])}).",
    ]
    letters = rows.drop_duplicates("source_id")
    if len(letters) > 1:
        dates = [_date(ctx, s) for s in letters["source_id"]]
        same = rows["value"].nunique() == 1
        text.append(
            f"Het bedrag staat in de brieven van {wording.joined(dates)}, "
            + ("telkens even hoog." if same else "niet overal even hoog (zie Revisies).")
        )
    text.append(
        "Geen van de brieven zegt in welk jaar of welke jaren het geld beschikbaar kwam; de brief van juni 2018 "
        "verwijst voor de motie naar Kamerstuk 34 000 XV, nr. 27."
    )
    return " ".join(text)


def zembla(ctx: Context) -> str:
    """Return the paragraph on the amount the June 2018 letter quotes from a television programme."""
    row = _latest(ctx.national, "wsw_cuts_cited_by_zembla")
    if row is None:
        return ""
    if ctx.municipal:
        return (
            f"Landelijk haalt {ctx.letter(row['source_id'])} een bedrag van {value(row)} aan bezuinigingen aan dat in "
            f"de Zembla-uitzending van april 2018 werd genoemd {ctx.cite(row)}; het is geen cijfer van het ministerie, "
            "en de zin in de brief is niet afgemaakt, zodat niet blijkt waarop het bedrag slaat."
        )
    return (
        f"In {ctx.letter(row['source_id'])} staat ook een bedrag van {value(row)}: het bedrag aan bezuinigingen dat in "
        f"de Zembla-uitzending van april 2018 werd genoemd {ctx.cite(row)}. Het is geen cijfer van het ministerie. De "
        "zin in de brief is niet afgemaakt, zodat niet blijkt waarop het bedrag slaat of over welke jaren het loopt. "
        "Dezelfde pagina noemt een alinea eerder hetzelfde bedrag als het structurele niveau van de "
        "re-integratiemiddelen voor gemeenten; of de uitzending daarop doelde, valt uit de brief niet op te maken."
    )


def money(ctx: Context) -> str:
    """Return the sentence that introduces the table of all amounts."""
    if ctx.municipal:
        return f"De tabel zet de bedragen in de gegevens van {ctx.place} bij elkaar."
    return (
        "De tabel zet de bedragen uit de brieven in dit hoofdstuk bij elkaar, met de periode zoals de brief die noemt "
        "en de aard van elk bedrag: een cijfer van het ministerie, een verwachting, of een bewering uit een "
        "tv-uitzending die de brief aanhaalt."
    )


def checks(ctx: Context) -> str:
    """Return the paragraph that explains the recomputations and names the assumptions some of them rest on."""
    if ctx.municipal:
        return (
            "De rekencontrole gaat over de landelijke cijfers die de brieven drukken; deze gemeentelijke editie toont "
            "haar niet."
        )
    result = ctx.chapter.checks()
    assumed = result.loc[result["verdict"] == ASSUMPTION]
    text = [
        f"Uitspraken in de brieven die uit andere gedrukte cijfers volgen, zijn waar mogelijk nagerekend ({OURS}). Een "
        "uitkomst klopt als ze gelijk is aan het gedrukte getal, klopt op afronding als het verschil binnen de afronding "
        "van het gedrukte getal valt (kolom Marge), en wijkt af als dat niet zo is. Berust de vergelijking op een "
        f"aanname die de brief niet maakt, dan luidt het oordeel «{shared.VERDICT_TEXT[ASSUMPTION]}»: dat is geen fout "
        "in de brief."
    ]
    if not assumed.empty:
        count = formatting.number(len(assumed))
        text.append(
            f"Van de {formatting.number(len(result))} controles in dit hoofdstuk "
            f"{'berust er' if len(assumed) == 1 else 'berusten er'} {count} op zo'n aanname."
        )
        text += [
            f"Bij «{claim}» is dat de aanname {assumption}."
            for claim, assumption in assumed[["claim", "assumption"]].to_numpy()
        ]
    text.append(
        "Niet alles is na te rekenen: de daling van de wachtlijst zelf niet, omdat de beginstand ontbreekt; de aandelen "
        "gedetacheerden en werknemers bij reguliere werkgevers niet, omdat de brieven de aantallen erachter niet geven; "
        "en evenmin de totale efficiencykorting, omdat de brieven niet zeggen op welk aantal Wsw-ers of arbeidsjaren die "
        "berust."
    )
    return " ".join(text)


def revisions(ctx: Context) -> str:
    """Return the paragraph on figures that letters give with different values, and those they repeat alike."""
    if ctx.municipal:
        return (
            "Revisies tussen brieven, en cijfers die in meer dan één brief staan, gaan over de landelijke cijfers; deze "
            "gemeentelijke editie toont ze niet."
        )
    changed = ctx.chapter.revisions()
    if changed.empty:
        text = ["Geen enkel Wsw-cijfer staat met verschillende waarden in twee brieven."]
    else:
        count = changed.groupby(lookup.KEY, dropna=False).ngroups
        kinds = wording.joined([shared.REVISION_KIND_TEXT[k] for k in dict.fromkeys(changed["kind"])])
        text = [
            f"{formatting.number(count)} Wsw-{'cijfer staat' if count == 1 else 'cijfers staan'} met verschillende "
            f"waarden in meer dan één brief; de tabel hieronder zet ze naast elkaar, met het soort verschil ({kinds})."
        ]
    repeated = analysis.repeated_figures(ctx.figures)
    alike = repeated.loc[repeated["values_agree"]].drop_duplicates("indicator")
    if not alike.empty:
        names = wording.joined([f"«{escape.markdown(label)}»" for label in alike["label"]])
        lead = "Eén Wsw-cijfer staat" if len(alike) == 1 else f"{formatting.number(len(alike))} Wsw-cijfers staan"
        assumed = bool(set(alike["indicator"]) & analysis.ASSUMED_PERIOD)
        text.append(
            f"{lead} met dezelfde waarde in meer dan één brief: {names}"
            + ("; een jaar noemen de brieven daarbij niet." if assumed else ".")
        )
    return " ".join(text)
