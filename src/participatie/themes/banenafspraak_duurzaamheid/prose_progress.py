"""Banenafspraak: the glued paragraphs of the introduction, the target and the progress, and the gemeentelijke doelgroep.

Each function returns one Markdown paragraph for the edition it is given (see `prose_base.Edition`).
The paragraph on the latest state (`latest`) follows the data: it names the latest period in the data
and the letter that prints it, so an edition on a later letter states that letter's figures.
"""

from __future__ import annotations

import math

from ...figures import lookup as fig
from ...figures.revisions import revisions
from ...presentation import formatting, wording
from ...presentation.labels import REVISION_KIND_TEXT
from . import analysis
from .analysis import (
    AGREEMENT,
    APRIL_2017,
    END_2016,
    END_2017,
    JUNE_2017,
    JUNE_2018,
    LAW_IN_FORCE,
    Q4_2016,
    Q4_2017,
    REGISTER_DATE,
    RISING_UNTIL,
    SEPT_2018,
)
from .prose_base import OWN, Edition, cap, count_words, difference, number, percent, sentences

label = formatting.period_label


def agreement(e: Edition) -> str:
    """Return the paragraph on the sociaal akkoord and the law (background, the same in every edition)."""
    return sentences(
        f"In het sociaal akkoord van {label(AGREEMENT)} spraken werkgevers af te zorgen voor extra banen bij reguliere "
        "werkgevers voor mensen met een arbeidsbeperking: de **banenafspraak** "
        f"{e.cites((JUNE_2017, 16), (JUNE_2018, 2))}.",
        f"Sinds {label(LAW_IN_FORCE)} stellen de Participatiewet en de Wet banenafspraak en quotum arbeidsbeperkten "
        f"daarvoor de wettelijke kaders {e.cites((SEPT_2018, 2))}.",
    )


def target_group(e: Edition) -> str:
    """Return the paragraph on who belongs to the doelgroep, as the letters describe it (background)."""
    return sentences(
        "Mensen uit de doelgroep van de banenafspraak staan in het *doelgroepregister*. In zijn onderzoek naar de "
        "duurzaamheid van de banen onderscheidt UWV daarin mensen met een Wsw-achtergrond, met een "
        f"Wajong-achtergrond en uit de doelgroep Participatiewet {e.cites((JUNE_2017, 18))}.",
        "Via de Praktijkroute komt iemand voor de banenafspraak in aanmerking als met een gevalideerde "
        "loonwaardemeting op de werkplek is vastgesteld dat zijn loonwaarde onder het wettelijk minimumloon ligt "
        f"{e.cites((JUNE_2017, 12))}; leerlingen uit het voortgezet speciaal onderwijs en het praktijkonderwijs "
        f"worden zonder beoordeling tot de doelgroep toegelaten {e.cites((JUNE_2017, 6))}.",
        "De doelgroep valt niet samen met de chronisch zieken en gehandicapten uit de gelijkebehandelingswetgeving "
        f"{e.cites((JUNE_2017, 19))}.",
    )


def measure(e: Edition) -> str:
    """Return the paragraph on how progress is measured and what the chapter brings together."""
    letters = analysis.letters_until(e.national, e.chapter.theme.text_until)
    dates = e.sources.set_index("id").loc[letters, "date"].astype(str)
    span = f"tussen {label(dates.iloc[0][:7])} en {label(dates.iloc[-1][:7])}" if len(letters) > 1 else ""
    brought = (
        f"Dit hoofdstuk brengt de cijfers samen die {count_words(len(letters))} brieven van de staatssecretaris "
        f"{span} daarover gaven: het doel en de voortgang, de mensen uit de gemeentelijke doelgroep, de ondersteuning "
        "en voorzieningen, en een eerste UWV-onderzoek naar de duurzaamheid van de banen."
    )
    if e.municipal:
        brought = (
            f"Deze gemeentelijke editie toont de cijfers van {e.name}; de brieven geven alleen landelijke cijfers, "
            "die hier alleen als landelijk cijfer en met hun bron voorkomen."
        )
    return sentences(
        "De voortgang wordt gemeten in extra banen bij reguliere werkgevers ten opzichte van een nulmeting "
        f"{e.cites((SEPT_2018, 2), (JUNE_2017, 16))}; UWV rapporteert daarover per kwartaal "
        f"{e.cites((JUNE_2018, 2), (JUNE_2017, 19))}.",
        brought,
        "Eigen berekeningen, zoals een tempo of een afgeleid niveau, zijn gemarkeerd als ‘eigen berekening’.",
    )


def target(e: Edition) -> str:
    """Return the paragraph on the 125.000 jobs, their split and their end date."""
    goal = analysis.final_target(e.national)
    deadline = label(goal["period"])
    parts = {
        s: e.text("extra_jobs_target", goal["period"], s, JUNE_2018, national=True) for s in ("totaal", "markt", "overheid")
    }
    if e.municipal:
        own = {s: e.text("extra_jobs_target", goal["period"], s, JUNE_2018) for s in ("totaal", "markt", "overheid")}
        return sentences(
            f"{e.place} is het doel {own['totaal']} extra banen {deadline}: {own['markt']} in de marktsector en "
            f"{own['overheid']} bij de overheid.",
            f"Landelijk gaat de afspraak volgens {e.letter(JUNE_2018)} over {parts['totaal']} banen "
            f"{e.cites((JUNE_2018, 2))}.",
        )
    return sentences(
        f"De afspraak gaat over {parts['totaal']} banen: {parts['markt']} in de marktsector en {parts['overheid']} bij "
        f"de overheid {e.cites((JUNE_2018, 2))}.",
        f"Volgens {e.letter(JUNE_2017)} moeten ze er {deadline} zijn {e.cites((JUNE_2017, 16))}; {e.letter(JUNE_2018)} "
        f"laat het aantal oplopen tot {label(RISING_UNTIL)}, wat met dat eindpunt overeenstemt {e.cites((JUNE_2018, 2))}.",
    )


def _exact_2016(figures):
    rows = fig.select(figures, "extra_jobs_realised", category="totaal", period=END_2016)
    rows = rows.loc[rows["qualifier"].isna() | (rows["qualifier"] == "")]
    return rows.sort_values("source_date", kind="stable").iloc[-1]


def end_2016(e: Edition) -> str:
    """Return the paragraph on the intermediate target of end 2016 and the counts of two letters."""
    goal = e.row("extra_jobs_target", END_2016, "totaal", national=True)
    done = _exact_2016(e.national)
    if e.municipal:
        own_goal, own = e.row("extra_jobs_target", END_2016, "totaal"), _exact_2016(e.figures)
        return sentences(
            f"{e.place} was het tussendoel voor {label(END_2016)} {number(own_goal['value'])} extra banen en waren er "
            f"{number(own['value'])} gerealiseerd: {difference(own['value'], own_goal['value'], 'het tussendoel')} {OWN}.",
            f"Landelijk waren het er volgens {e.letter(done['source_id'])} {number(done['value'])}, tegen een tussendoel "
            f"van {number(goal['value'])} {e.cites((done['source_id'], done['page']))}.",
        )
    early = fig.select(e.figures, "extra_jobs_realised", category="totaal", period=END_2016, source_id=JUNE_2017)
    changed = revisions(fig.select(e.figures, "extra_jobs_realised", category="totaal", period=END_2016))
    kind = f" is een {REVISION_KIND_TEXT[changed['kind'].iloc[0]]} (zie Revisies)" if not changed.empty else ""
    earlier = (
        f"{cap(e.letter(JUNE_2017))} noemde voor hetzelfde moment, uit de meting tot en met "
        f"{label(END_2016[:4])}, {formatting.row_text(early.iloc[0])} banen {e.cites((JUNE_2017, 16))}; het verschil "
        f"met {number(done['value'])}{kind}."
        if not early.empty
        else ""
    )
    return sentences(
        f"Voor {label(END_2016)} gold een tussendoel van {number(goal['value'])} extra banen; gerealiseerd waren er "
        f"{number(done['value'])} {e.cites((done['source_id'], done['page']))}, "
        f"{difference(done['value'], goal['value'], 'het tussendoel')} {OWN}.",
        f"De brief spreekt van een banenafspraak die goed op schema ligt {e.cites((JUNE_2018, 2))}.",
        earlier,
    )


def end_2017(e: Edition) -> str:
    """Return the paragraph on the count of end 2017 (the drie-meting) and the target over 2017."""
    count = e.row("extra_jobs_realised", END_2017, "totaal", SEPT_2018, national=True)
    if e.municipal:
        own = e.text("extra_jobs_realised", END_2017, "totaal")
        return sentences(
            f"{e.place} waren er {label(END_2017)} {own} extra banen.",
            f"Landelijk waren het er volgens {e.letter(SEPT_2018)} {number(count['value'])}, en was het doel over "
            f"{label(END_2017[:4])} als geheel gehaald {e.cites((SEPT_2018, 2))}.",
        )
    return sentences(
        f"{cap(label(END_2017))} waren er volgens de derde meting, de zogeheten drie-meting, "
        f"{number(count['value'])} extra banen ten opzichte van de nulmeting {e.cites((SEPT_2018, 2))}.",
        f"{cap(e.letter(SEPT_2018))} ontleent dat aan een eerdere brief aan de Tweede Kamer, die niet tot de "
        "bronnen van dit hoofdstuk hoort.",
        f"Het tussendoel voor {label(END_2017[:4])} noemen de brieven niet; volgens die brief is het doel "
        "over dat jaar als geheel gehaald, terwijl de overheidswerkgevers nog een inhaalslag moeten maken. Cijfers "
        f"per sector geeft de brief niet {e.cites((SEPT_2018, 2))}.",
    )


def latest(e: Edition) -> str:
    """Return the paragraph on the latest state in the data: share of the final target, jobs to go, pace needed."""
    now = analysis.progress(e.figures)
    when, deadline = label(now["period"]), label(now["deadline"])
    if e.municipal:
        national = analysis.progress(e.national)
        compared = wording.higher_lower(now["share_of_goal"], national["share_of_goal"])
        opening = (
            f"{e.place} is de laatste stand die van {when}: {number(now['count'])} extra banen, "
            f"{percent(now['share_of_goal'])} van het doel van {number(now['goal'])} banen {deadline} {OWN}"
            + (
                f"; dat aandeel is {compared} het landelijke aandeel van {percent(national['share_of_goal'])} "
                f"{label(national['period'])} {OWN}."
                if compared
                else "."
            )
        )
    else:
        opening = (
            f"De laatste stand in de gegevens is die van {when}: {number(now['count'])} extra banen volgens "
            f"{e.letter(now['source_id'])} {e.cites((now['source_id'], now['page']))}. Dat is "
            f"{percent(now['share_of_goal'])} van de {number(now['goal'])} banen van het einddoel {OWN}."
        )
    here = ""
    if not math.isnan(now["target"]):
        source = "" if e.municipal else f" {e.cites((now['target_source_id'], now['target_page']))}"
        gap = difference(now["count"], now["target"], "dat doel", "boven", "onder").replace("evenveel als", "gelijk aan")
        here = f"Het doel voor {when} was {number(now['target'])} banen{source}; de stand lag {gap} {OWN}."
    if now["to_create"] > 0 and now["years"] > 0:
        years = number(now["years"], 0) if float(now["years"]).is_integer() else number(now["years"], 1)
        pace = (
            f"Er moesten toen nog {number(now['to_create'])} banen bij; gelijk verdeeld over de {years} jaar tot "
            f"{deadline} is dat circa {number(analysis.rounded(now['per_year']))} per jaar {OWN}."
        )
    elif now["to_create"] <= 0:
        pace = f"Daarmee was het aantal van het einddoel bereikt {OWN}."
    else:
        pace = ""
    return sentences(opening, here, pace, _realised_pace(e, now), _path_note(e))


def _realised_pace(e: Edition, now) -> str:
    if now["previous_period"] is None:
        return ""
    verb = wording.change(
        now["previous_count"], now["count"], "nam het aantal toe", "nam het aantal af", "bleef het aantal gelijk"
    )
    amount = f" met {number(abs(now['realised_change']))}" if now["realised_change"] else ""
    per_year = "" if now["realised_years"] == 1 else f", gemiddeld {number(abs(now['realised_per_year']), 0)} per jaar"
    speed = wording.comparison(now["realised_per_year"], now["per_year"], "meer dan", "minder dan", "evenveel als")
    compared = f"; dat is {speed} het gelijkmatige tempo" if speed and now["to_create"] > 0 and now["years"] > 0 else ""
    two = now["previous_source_id"] != now["source_id"]
    caveat = (
        "Die toename is het verschil tussen tellingen uit twee brieven; of de eerdere stand bij de latere meting is "
        "herzien, vermelden de brieven niet."
        if two and not e.municipal
        else ""
    )
    return sentences(
        f"Tussen {label(now['previous_period'])} en {label(now['period'])} {verb}{amount}{per_year} {OWN}{compared}.",
        caveat,
    )


def _path_note(e: Edition) -> str:
    steps = [label(p) for p in analysis.intermediate_targets(e.national)]
    which = (
        f"behalve {'het tussendoel' if len(steps) == 1 else 'de tussendoelen'} voor {wording.joined(steps)} drukken "
        "de brieven geen tussendoelen af"
        if steps
        else "de brieven drukken geen tussendoelen af"
    )
    return f"Het gelijkmatige pad is een eigen rekenvoorbeeld en geen ingroeipad uit de afspraak: {which}."


def without_work(e: Edition) -> str:
    """Return the paragraph on the share of the doelgroep without work, which the letters give in words only."""
    return sentences(
        ("Landelijk stelt " if e.municipal else "Tegenover de groei van het aantal banen stelt ")
        + f"{e.letter(SEPT_2018)} dat ruim de helft van de mensen uit de doelgroep van de banenafspraak niet aan het "
        "werk is, en dat meer dan de helft van de mensen die niet zelfstandig het wettelijk minimumloon kunnen verdienen "
        f"geen baan heeft {e.cites((SEPT_2018, 2))}. De brief opent met de vaststelling dat meer dan de helft van alle "
        f"mensen met een arbeidsbeperking geen werk heeft {e.cites((SEPT_2018, 1))}.",
        f"{cap(e.letter(JUNE_2018))} zegt hetzelfde van mensen met een arbeidsbeperking die niet zelfstandig het "
        f"wettelijk minimumloon per uur kunnen verdienen {e.cites((JUNE_2018, 2))}.",
        "Een percentage, een aantal of een peildatum geven de brieven niet.",
    )


def municipal_group(e: Edition) -> str:
    """Return the paragraph on what the letters call the gemeentelijke doelgroep (background)."""
    return sentences(
        "Een omschrijving van de gemeentelijke doelgroep geven de brieven niet. Ze gebruiken het woord voor de groep "
        f"over wie gemeenten hun voorzieningen evenwichtig moeten verdelen {e.cites((JUNE_2017, 6))}, en waarvan "
        f"gemeenten moeten weten wie in aanmerking kan komen voor beschut werk {e.cites((JUNE_2018, 3))}.",
        f"Voor de banenafspraak telt {e.letter(JUNE_2018)} hoeveel mensen uit die groep in het doelgroepregister staan "
        f"en hoeveel er via de banenafspraak werken {e.cites((JUNE_2018, 2))}.",
        "De brieven stellen de groep niet gelijk aan de ‘nieuwe doelgroep’ van de Participatiewet: jongeren met "
        f"arbeidsvermogen die vóór {label(LAW_IN_FORCE)} in de Wajong zouden zijn gekomen en mensen die eerder een "
        f"beroep op de Wsw konden doen {e.cites((APRIL_2017, 2, 3), (JUNE_2017, 5))}.",
        f"Over die nieuwe doelgroep schreef {e.letter(APRIL_2017)} dat die na een aarzelende start in "
        f"{label(LAW_IN_FORCE)} gestaag groeide {e.cites((APRIL_2017, 2))}.",
    )


def municipal_working(e: Edition) -> str:
    """Return the paragraph on the gemeentelijke doelgroep at work via the banenafspraak and in the register."""
    group = analysis.municipal_target_group(e.figures).set_index("period")
    level, derived = group.loc[Q4_2017, "working"], group.loc[Q4_2016, "working"]
    q16, q17 = label(Q4_2016), label(Q4_2017)
    factor = analysis.municipal_factor(e.figures)
    grown = (
        "meer dan verdubbeld"
        if factor > 2
        else "verdubbeld"
        if factor == 2
        else wording.change(derived, level, "toegenomen", "afgenomen", "gelijk gebleven")
        if not math.isnan(factor)
        else ""
    )
    growth = f"Het aantal is daarmee in een jaar {grown} {OWN}." if grown and derived > 0 else ""
    register = e.text("target_group_register_persons", REGISTER_DATE, "gemeente")
    last = group.iloc[-1]
    later = ""
    if group.index[-1] != Q4_2017:  # a later quarter in the data: the latest state, with its letter
        source = (
            "" if e.municipal else f" volgens {e.letter(last['source_id'])} {e.cites((last['source_id'], last['page']))}"
        )
        later = (
            f"De laatste stand in de gegevens is die van het {label(group.index[-1])}: {number(last['working'])}{source}."
        )
    if e.municipal:
        national = e.row("municipal_target_group_working", Q4_2017, national=True)
        more = difference(level, derived, f"in het {q16}") if derived >= 0 else ""
        return sentences(
            f"{e.place} werkten in het {q17} {number(level)} mensen uit de gemeentelijke doelgroep via de banenafspraak"
            + (f", {more}." if more else "."),
            f"Het aantal in het {q16} is afgeleid als de stand min de toename: {number(derived)} {OWN}."
            if derived >= 0
            else "",
            growth,
            later,
            f"In het doelgroepregister stonden in de gegevens van de gemeente {register} mensen uit de gemeentelijke "
            "doelgroep.",
            f"Landelijk werkten er volgens {e.letter(JUNE_2018)} in het {q17} {number(national['value'])} mensen uit de "
            f"gemeentelijke doelgroep via de banenafspraak {e.cites((JUNE_2018, 2))}.",
        )
    return sentences(
        f"In het {q17} werkten {number(level)} mensen uit de gemeentelijke doelgroep via de banenafspraak, "
        f"{difference(level, derived, f'in het {q16}')} "
        f"{e.cites((group.loc[Q4_2017, 'source_id'], group.loc[Q4_2017, 'page']))}.",
        f"Het aantal in het {q16} noemt de brief niet; als verschil van de twee gedrukte, afgeronde getallen is het "
        f"circa {number(derived)} {OWN}.",
        growth,
        later,
        f"In het doelgroepregister stonden volgens {e.letter(JUNE_2018)} inmiddels {register} mensen uit de "
        f"gemeentelijke doelgroep {e.cites((JUNE_2018, 2))}. Een peildatum noemt de brief niet; daarom is dit aantal "
        f"niet afgezet tegen het aantal werkenden in het {q17}.",
    )
