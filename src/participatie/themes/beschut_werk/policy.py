"""Beschut werk: the paragraphs on the regeling and its fill rate, the financing projections, money, the Inspectie's
findings, information and the Praktijkroute, and the introduction's finding (national edition, every figure cited to
its letter; the latest state read from the data)."""

from __future__ import annotations

from ...figures import lookup as fig
from ...presentation import wording
from .analysis import (
    END_2017,
    END_2018,
    HOURS,
    JAN_MAY_2017,
    JUNE_2017,
    JUNE_2018,
    MARCH_2018,
    PERSONS,
    PRINTED,
    SEPT_2018,
    fill_rate,
    fill_rate_inputs,
    latest_against_regeling,
    latest_working,
    regeling_places,
)
from .paragraphs import when
from .writer import Writer, pages_text, rounds_to, sentence


def fill(w: Writer) -> str:
    """Return the paragraph on the printed 37% fill rate of 2017 and our two readings of it."""
    rates = fill_rate(w.figures).set_index("measure")["fill_rate"]
    x = fill_rate_inputs(w.figures)
    printed = rates[PRINTED]
    n = w.count
    hours = f"{n(x['working'])} × {n(x['hours_worked'])} uur ÷ ({n(x['places'])} × {n(x['hours_per_place'])} uur)"
    same = "afgerond hetzelfde percentage" if rounds_to(rates[HOURS], printed) else w.pct(rates[HOURS])
    return (
        f"Volgens {w.letter(JUNE_2018)} was van de {n(x['places'])} plekken waarvoor in {w.period('2017')} ruimte was "
        f"geraamd, {w.period(END_2017)} {w.text('regeling_fill_rate', END_2017)} vervuld ({pages_text(4)}). De brief "
        f"vermeldt daarbij dat de regeling uitgaat van plekken van gemiddeld {w.text('assumed_hours_per_place', '2017/..')} "
        f"en dat beschut werkers gemiddeld {w.text('average_hours_worked', '2017')} werken. Rekenen in uren ({hours}) "
        f"geeft {same}; rekenen in personen ({n(x['working'])} ÷ {n(x['places'])}) geeft {w.pct(rates[PERSONS])}. Beide "
        "zijn eigen berekeningen; hoe de brief rekende, staat er niet bij."
    )


def regeling(w: Writer) -> str:
    """Return the paragraph on what the ministeriële regeling sets: a number up to which, not a minimum."""
    places = regeling_places(w.figures)
    items = [f"{w.count(v)} plekken voor {w.period(p)}" for p, v in zip(places["period"], places["value"])]
    ids = [s for group in places["source_ids"] for s in group]
    pages = [p for group in places["pages"] for p in group]
    return (
        "De ministeriële regeling van januari 2017 bepaalt per gemeente tot hoeveel beschut werkplekken die gemeente "
        f"verplicht is, als er mensen met een positief advies zijn ({w.cite(JUNE_2017, '8–9')}). Landelijk gaat het om "
        f"{wording.joined(items)} ({w.cite_figures(ids, pages)}). Een gemeente hoeft die aantallen niet te halen: de plicht "
        f"geldt voor zover er behoefte is, en alleen tot het aantal uit de regeling ({w.cite(JUNE_2018, 3)}). Heeft een "
        "gemeente meer mensen met een positief advies, dan is zij niet verplicht hun ook een beschut werkplek te "
        "bieden; doet zij dat niet, dan moet zij hun een ander aanbod doen (p. 7)."
    )


def projection(w: Writer) -> str:
    """Return the paragraph on the financing projections (not the regeling) and the figure of 50.000 from television."""
    structural = fig.select(w.figures, "financed_sheltered_workplaces").loc[lambda f: f["period_kind"] == "open"]
    start = str(structural["period_start"].iloc[0].year) if not structural.empty else "–"
    return (
        "Voor de financiering rekent het Rijk met een geleidelijke groei van "
        f"{w.text('financed_sheltered_workplaces', END_2017)} beschut werkplekken {w.period(END_2017)} naar "
        f"{w.row(structural.iloc[0]) if not structural.empty else '–'} in de structurele situatie vanaf {start} "
        f"({w.cite(JUNE_2017, 7)}); {w.letter(JUNE_2018)} noemt een raming van "
        f"{w.text('projected_sheltered_workplaces', '2050')} plaatsen in {w.period('2050')} ({pages_text(3)}). Dit zijn "
        "ramingen, geen aantallen uit de regeling. Het ingroeipad van de regeling loopt volgens "
        f"{w.letter(JUNE_2017)} langzamer op dan waarmee in de financiering is gerekend ({pages_text(7)}). De uitzending "
        f"van Zembla van {w.period('2018-04-04')} wekte de indruk dat er al "
        f"{w.text('claimed_sheltered_workplaces', '2018-04-04')} beschut werkplekken hadden moeten zijn; de "
        f"staatssecretaris noemt dat onjuist ({w.cite(JUNE_2018, 3)})."
    )


def level(w: Writer) -> str:
    """Return the paragraph on the latest count of people working against the regeling's number for that date."""
    found = latest_against_regeling(w.figures)
    text = ""
    if found is not None:
        count, places = found
        how = wording.comparison(count["value"], places["value"])
        text = (
            "Het laatste moment waarvoor de gegevens zowel een aantal werkenden als een aantal plekken uit de regeling "
            f"geven, is {w.period(count['period'])}: toen werkten volgens {w.full(count['source_id'], int(count['page']))} "
            f"{w.count(count['value'], count['qualifier'])} mensen op een beschut werkplek, {how} de "
            f"{w.count(places['value'])} plekken in de regeling voor dat moment "
            f"({w.cite_figures(places['source_ids'], places['pages'])}). "
            "Plekken en personen zijn niet hetzelfde: de regeling rekent met plekken van gemiddeld "
            f"{w.text('assumed_hours_per_place', '2017/..')}."
        )
    return (
        text + f" Volgens {w.letter(SEPT_2018)} liepen de resultaten {when(MARCH_2018, w)} nog achter op de "
        f"{w.text('regeling_sheltered_workplaces', END_2018, source_id=SEPT_2018)} plekken uit de regeling voor "
        f"{w.period(END_2018)} ({pages_text(2)})."
    ).strip()


def money(w: Writer) -> str:
    """Return the paragraph on how beschut werk is financed, the stimulus budget and the first bonus."""
    return (
        "Gemeenten krijgen geld voor beschut werk via de integratie-uitkering sociaal domein (voor begeleiding en "
        "werkvoorzieningen) en via de gebundelde uitkering Participatiewet (BUIG, voor loonkostensubsidie) "
        f"({w.cite(JUNE_2017, 7)}). Omdat de Inspectie SZW in {w.period('2015')} vaststelde dat "
        f"{w.text('share_gemeenten_not_offering', '2015')} van de gemeenten niet van plan was beschut werk aan te bieden, "
        f"kwam voor {w.period('2016/2020')} in totaal {w.text('stimulus_budget', '2016/2020')} beschikbaar voor een "
        "uniforme no-riskpolis van UWV en een tijdelijke bonus voor elke nieuw gecreëerde en elke voortgezette beschut "
        f"werkplek ({pages_text(7)}). Bij de eerste toekenning, in mei {w.period('2017')}, voor plekken uit "
        f"{w.period('2015/2016')}, was {w.text('bonus_available', '2015/2016')} beschikbaar; "
        f"{w.text('bonus_paid', '2015/2016')} werd uitgekeerd voor gerealiseerde plekken. Het restant van "
        f"{w.text('bonus_retained', '2015/2016')} bleef voor gemeenten behouden en is toegevoegd aan het budget voor de "
        f"nieuwe doelgroep ({pages_text(7)}). Volgens {w.letter(JUNE_2018)} kunnen gemeenten vanaf {w.period('2015')} "
        f"gedurende {w.text('bonus_duration', '2015/2019')} aanspraak maken op de bonus ({pages_text(8)})."
    )


def inspectie(w: Writer) -> str:
    """Return the paragraph on the Inspectie's finding of autumn 2016 and the legal obligation that followed."""
    verb = {"steeg": "gestegen", "daalde": "gedaald"}.get(
        wording.change(*(w.value("share_gemeenten_not_offering", y) for y in ("2015", "2016"))), "gelijk gebleven"
    )
    return (
        f"Volgens onderzoek van de Inspectie SZW uit het najaar van {w.period('2016')} was het aandeel gemeenten dat "
        f"helemaal geen beschut werk aanbood {verb}: van {w.text('share_gemeenten_not_offering', '2015')} tot "
        f"{w.text('share_gemeenten_not_offering', '2016')} ({w.cite(JUNE_2017, 7)}). Daarop stemden beide Kamers in met "
        "een wettelijke plicht voor gemeenten om vanaf 1 januari 2017 beschut werk aan te bieden "
        f"({pages_text(7)})."
    )


def information(w: Writer) -> str:
    """Return the paragraph on the information meetings of 2017."""
    meetings = {c: w.text("information_meetings", "2017", category=c) for c in ("bovenregionaal", "vso_pro")}
    people = {c: w.text("information_meeting_participants", "2017", category=c) for c in ("bovenregionaal", "vso_pro")}
    also = "eveneens " if people["bovenregionaal"] == people["vso_pro"] else ""
    return (
        "Om mensen te helpen zelf een advies aan te vragen, startte het ministerie een voorlichtingstraject: "
        f"{meetings['bovenregionaal']} bovenregionale bijeenkomsten met {people['bovenregionaal']} deelnemers van "
        f"gemeenten, sw-bedrijven, UWV en andere organisaties, en {meetings['vso_pro']} bijeenkomsten voor coördinatoren, "
        "docenten en mentoren van leerlingen in het voortgezet speciaal onderwijs en het praktijkonderwijs, met "
        f"{also}{people['vso_pro']} deelnemers ({w.cite(JUNE_2017, 10)})."
    )


def praktijkroute(w: Writer) -> str:
    """Return the paragraph on why the Praktijkroute for beschut werk was not pursued."""
    return (
        "De Tweede Kamer vroeg om een onderzoek naar een Praktijkroute voor beschut werk, naar het voorbeeld van die "
        "voor de banenafspraak. De staatssecretaris zag daar in juni 2017 van af: de betrokken partijen steunden het "
        "niet, loonwaarde is geen criterium voor beschut werk, en "
        f"{w.text('share_positive_advices', JAN_MAY_2017, category='gemeente')} van de beoordelingen op aanvraag van "
        f"gemeenten was positief ({w.cite(JUNE_2017, '11–12')})."
    )


def differences(w: Writer) -> str:
    """Return the item of 'Wat de cijfers niet zeggen' on differences between gemeenten."""
    return (
        "De brieven noemen grote verschillen tussen gemeenten, maar geven voor afzonderlijke gemeenten alleen dit "
        "cijfer: in Amsterdam en Rotterdam was "
        f"{w.text('share_positive_advices', '2015-01/2018-03', category='amsterdam_rotterdam')} van de gemeentelijke "
        f"aanvragen positief ({w.cite(JUNE_2018, 5)}). Dat Den Haag, Den Bosch en Almere al meer positieve adviezen "
        f"hadden dan hun aantal in de regeling voor {w.period('2018')}, staat er zonder getallen ({w.cite(SEPT_2018, 6)})."
    )


def finding(w: Writer) -> str:
    """Return the introduction's finding: the latest count of people working, what the regeling is, the latest comparison."""
    latest = latest_working(w.figures)
    text = (
        f"Volgens {w.full(latest['source_id'], int(latest['page']))} werkten {when(latest['period'], w)} "
        f"{w.row(latest)} mensen op een beschut werkplek. De ministeriële regeling bepaalt tot hoeveel plekken een "
        "gemeente verplicht is als er "
        f"mensen met een positief advies zijn; het is geen minimum ({w.cite(JUNE_2018, 3)})."
    )
    found = latest_against_regeling(w.figures)
    if found is not None:
        count, places = found
        text += (
            f" {sentence(w.period(count['period']))} werkten er {w.count(count['value'], count['qualifier'])}, "
            f"{wording.comparison(count['value'], places['value'])} de {w.count(places['value'])} plekken in de "
            f"regeling voor dat moment "
            f"({w.cite_figures([count['source_id'], *places['source_ids']], [count['page'], *places['pages']])})."
        )
    return text


def municipal_finding(w: Writer, national: Writer) -> str:
    """Return the introduction's finding in a municipal edition: the municipality's numbers, no letter."""
    latest = latest_working(w.figures)
    text = f"In {w.place} werkten {when(latest['period'], w)} {w.row(latest)} mensen op een beschut werkplek."
    found = latest_against_regeling(w.figures)
    if found is not None:
        count, places = found
        text += (
            f" {sentence(w.period(count['period']))} waren het er {w.count(count['value'], count['qualifier'])}, "
            f"{wording.comparison(count['value'], places['value'])} de {w.count(places['value'])} plekken die de "
            "gegevens voor de gemeente uit de regeling geven."
        )
    return text + (
        " Landelijk bepaalt de ministeriële regeling volgens de brief van "
        f"{national.date(JUNE_2018)} tot hoeveel plekken een gemeente verplicht is; het is geen minimum."
    )
