"""Banenafspraak: the glued paragraphs on support, the UWV study, contracts and the other figures.

Each function returns one Markdown paragraph for the edition it is given (see
`prose_base.Edition`). Figures that are no municipal quantity at all (European countries, a calculator,
an ICT project, a national campaign) are the letters' in every edition, taken from the national figures
and attributed.
"""

from __future__ import annotations

from ...presentation import formatting, wording
from . import analysis
from .analysis import (
    APRIL_2017,
    END_2016,
    JUNE_2017,
    JUNE_2018,
    Q3_2015,
    Q3_2016,
    STUDY,
)
from .labels import BACKGROUND_PHRASE, moment
from .prose_base import OWN, Edition, cap, number, percent, sentences

label = formatting.period_label


def _provisions(frame) -> tuple[str, str, str]:
    # The verb of the change, its span (from … to …) and the change in percent (our computation; '' at a first of 0).
    change = analysis.reintegration_change(frame)
    verb = wording.change(change["first"], change["last"])
    start, end = moment(change["start"]), moment(change["end"])
    span = (
        f"op {number(change['last'])} tussen {start} en {end}"
        if verb == "bleef gelijk"
        else f"van {number(change['first'])} {start} tot {number(change['last'])} {end}"
    )
    pct = (
        f"een {'toename' if change['increase'] > 0 else 'afname'} van {percent(abs(change['increase_pct']))}"
        if change["increase"] and change["first"]
        else ""
    )
    return verb, span, pct


def provisions(e: Edition) -> str:
    """Return the paragraph on the re-integration provisions of gemeenten."""
    what = "het aantal re-integratievoorzieningen dat gemeenten verstrekken aan de hele doelgroep van de Participatiewet"
    verb, span, pct = _provisions(e.figures)
    computed = f", {pct} {OWN}." if pct else "."
    if e.municipal:
        national_verb, national_span, _ = _provisions(e.national)
        return sentences(
            f"{e.place} {verb} {what} {span}{computed}",
            f"Landelijk {national_verb} het aantal volgens {e.letter(JUNE_2018)} {national_span} "
            f"{e.cites((JUNE_2018, 2))}. De brief telt voorzieningen, geen personen.",
        )
    return sentences(
        f"{cap(what)} {verb} {span} {e.cites((JUNE_2018, 2))}{computed}",
        "De brief telt voorzieningen, geen personen.",
    )


def support_people(e: Edition) -> str:
    """Return the paragraph on people with a wage subsidy or jobcoach, provisions below the minimum wage, and Wajongers."""
    subsidy = e.text("persons_wage_subsidy_or_jobcoach", END_2016)
    below = e.text("persons_provision_below_minimum_wage", "2017-11")
    wajong = e.text("wajong_working_without_support_share", "2015")
    differ = (
        "De definities verschillen (werkend met een bepaald instrument tegenover een voorziening van welke aard ook), "
        "zodat het verschil tussen de twee geen groei meet."
    )
    if e.municipal:
        return sentences(
            f"{e.place} werkten {label(END_2016)} {subsidy} mensen buiten beschut werk met loonkostensubsidie, een "
            f"jobcoach of beide, en zetten gemeenten in {label('2017-11')} een voorziening in voor {below} mensen die "
            "niet zelfstandig het wettelijk minimumloon kunnen verdienen.",
            differ,
            f"Van de Wajongers die bij een reguliere werkgever werkten, deed in {label('2015')} {wajong} dat zonder "
            "begeleiding.",
        )
    return sentences(
        f"{cap(label(END_2016))} werkten {subsidy} mensen buiten beschut werk met loonkostensubsidie, een jobcoach of "
        f"beide {e.cites((APRIL_2017, 2))}. In {label('2017-11')} zetten gemeenten volgens de Statistiek Re-integratie "
        f"Gemeenten een voorziening in voor {below} mensen die niet zelfstandig het wettelijk minimumloon kunnen "
        f"verdienen {e.cites((JUNE_2018, 2))}.",
        differ,
        f"Van de Wajongers die bij een reguliere werkgever werkten, deed in {label('2015')} {wajong} dat zonder "
        f"begeleiding {e.cites((APRIL_2017, 3))}; het aantal Wajongers noemt de brief niet.",
    )


def study_method(e: Edition) -> str:
    """Return the paragraph on how UWV studied the durability of the jobs (background)."""
    return sentences(
        "Op verzoek van de staatssecretaris bracht UWV de duurzaamheid van de banen van mensen uit de doelgroep in "
        f"kaart. UWV vergeleek daarvoor de gegevens over het {label(Q3_2015)} met die over het {label(Q3_2016)}, uit de "
        f"polisadministratie en het doelgroepregister {e.cites((JUNE_2017, 1, 2, 18))}.",
        "Het rapport zelf is ter inzage gelegd en staat niet in de brief; de brief noemt het onderzoek een eerste "
        f"indicatie {e.cites((JUNE_2017, 1, 17))}.",
    )


def study_shares(e: Edition) -> str:
    """Return the paragraph on the shares still at work, at work throughout and no longer at work a year later."""
    base = e.text("register_persons_working", Q3_2015)
    working = e.text("working_after_one_year_share", STUDY, "totaal")
    throughout = e.text("working_all_measurements_share", STUDY, "totaal")
    gone = e.text("not_working_after_one_year_share", STUDY, "totaal")
    persons = f"circa {number(analysis.rounded(analysis.persons_working_again(e.figures), 2), 0)}"
    unclear = (
        f"Of het tweede percentage betrekking heeft op alle werkenden van het {label(Q3_2015)} of alleen op wie een "
        "jaar later weer werkte, blijkt niet uit de brief."
    )
    if e.municipal:
        return sentences(
            f"{e.place} werkten in het {label(Q3_2015)} {base} mensen uit het doelgroepregister. Een jaar later werkte "
            f"{working} van hen weer of nog, had {throughout} op alle tussenliggende peilmomenten werk en werkte "
            f"{gone} niet meer.",
            f"Omgerekend werkten een jaar later {persons} mensen weer of nog {OWN}.",
            f"Landelijk werkte volgens {e.letter(JUNE_2017)} "
            f"{e.text('working_after_one_year_share', STUDY, 'totaal', national=True)} van de "
            f"{e.text('register_persons_working', Q3_2015, national=True)} werkenden een jaar later weer of nog "
            f"{e.cites((JUNE_2017, 18))}.",
        )
    return sentences(
        f"Van de {base} mensen uit het doelgroepregister die in het {label(Q3_2015)} werkten, werkte een jaar later "
        f"{working} weer of nog steeds; {throughout} had ook op alle tussenliggende peilmomenten werk "
        f"{e.cites((JUNE_2017, 18))}.",
        unclear,
        f"Omgerekend naar personen werkten een jaar later {persons} mensen weer of nog {OWN}, op basis van afgeronde "
        "getallen.",
        f"{cap(gone)} werkte een jaar later niet meer {e.cites((JUNE_2017, 18))}; de brief zegt niet dat dit aandeel en "
        "het aandeel dat weer of nog werkte samen de hele groep vormen.",
    )


def study_background(e: Edition) -> str:
    """Return the paragraph on the shares by background and UWV's explanation of the difference."""
    shares = analysis.retention_by_background(e.figures)
    groups = shares.loc[shares["category"] != "totaal"]
    share = lambda r: formatting.value_text(r["share"], "procent", None, r["qualifier"] or None)  # noqa: E731
    listed = wording.joined(
        [f"{share(r)} bij {BACKGROUND_PHRASE[r['category']]}" for _, r in groups.fillna({"qualifier": ""}).iterrows()]
    )
    explained = (
        f"{'Landelijk verklaart UWV' if e.municipal else 'UWV verklaart'} het verschil tussen Wajong en Participatiewet "
        "vooral uit de duur van het werk: veel Wajongers "
        "werken al langer, veel mensen uit de doelgroep Participatiewet hebben pas kort een baan, en wie langer werkt, "
        f"behoudt zijn baan vaker {e.cites((JUNE_2017, 18))}."
    )
    size = (
        "De brief geeft de omvang van de drie groepen niet; daarom zijn deze percentages niet in aantallen om te "
        "rekenen en is niet na te gaan hoe zij samen het totaal vormen."
    )
    if e.municipal:
        top, bottom = groups["share"].max(), groups["share"].min()
        highest = groups.loc[groups["share"] == top, "category"]
        lowest = groups.loc[groups["share"] == bottom, "category"]
        order = (
            f": het hoogst bij {BACKGROUND_PHRASE[highest.iloc[0]]} en het laagst bij {BACKGROUND_PHRASE[lowest.iloc[0]]}"
            if top > bottom and len(highest) == 1 and len(lowest) == 1
            else ""
        )
        return sentences(
            f"{e.place} was het aandeel dat een jaar later weer of nog werkte {listed}{order}.",
            explained,
            size.replace("De brief geeft", "De gegevens geven"),
        )
    return sentences(
        f"Het aandeel dat een jaar later weer of nog werkte, was {listed} {e.cites((JUNE_2017, 18))}.",
        explained,
        "Veel mensen met een Wsw-achtergrond werken via een Wsw-detachering met een vast contract "
        f"{e.cites((JUNE_2017, 2))}.",
        size,
    )


def contracts_hours(e: Edition) -> str:
    """Return the paragraph on the share of hours worked on a permanent contract."""
    first = e.row("hours_permanent_contract_share", Q3_2015)
    second = e.row("hours_permanent_contract_share", Q3_2016)
    shares = (
        f"In het {label(Q3_2015)} werd {formatting.row_text(first)} van de verloonde uren van werkenden uit het register"
    )
    if e.municipal:
        verb = wording.change(first["value"], second["value"])
        moved = (
            f"; het aandeel {verb} met {formatting.value_text(abs(second['value'] - first['value']), 'procentpunt')}"
            if verb and verb != "bleef gelijk"
            else ""
        )
        return sentences(
            f"{e.place}: {shares[0].lower()}{shares[1:]} op een vast contract gewerkt, een jaar later "
            f"{formatting.row_text(second)}{moved}.",
            f"Landelijk was dat volgens {e.letter(JUNE_2017)} "
            f"{e.text('hours_permanent_contract_share', Q3_2015, national=True)} en een jaar later "
            f"{e.text('hours_permanent_contract_share', Q3_2016, national=True)} {e.cites((JUNE_2017, 18))}.",
        )
    return sentences(
        "UWV kan loopbanen niet doorlopend volgen, maar wel per meetmoment zien hoeveel uren op een vast of een "
        f"tijdelijk contract zijn gewerkt {e.cites((JUNE_2017, 18))}.",
        f"{shares} op een vast contract gewerkt, een jaar later {formatting.row_text(second)}; volgens de brief "
        f"nagenoeg gelijk {e.cites((JUNE_2017, 18))}.",
        "De brief vat beide uitkomsten samen als ongeveer tweederde en vermeldt daarbij steeds het precieze percentage "
        f"{e.cites((JUNE_2017, 1, 18))}.",
    )


def contracts_persons(e: Edition) -> str:
    """Return the paragraph on Wajong persons with a permanent contract and starters with a temporary one."""
    first = e.row("permanent_contract_share_persons", Q3_2015, "wajong")
    second = e.row("permanent_contract_share_persons", Q3_2016, "wajong")
    both = (
        f"in beide jaren {formatting.row_text(first)}"
        if first["value"] == second["value"]
        else f"in het {label(Q3_2015)} {formatting.row_text(first)} en in het {label(Q3_2016)} {formatting.row_text(second)}"
    )
    starters = e.text("starters_temporary_contract_share", "2014", "wajong")
    if e.municipal:
        return sentences(
            f"{e.place} had van de werkende Wajongers {both} een vast contract; van de Wajongers die in {label('2014')} "
            f"aan het werk gingen, had {starters} een tijdelijk contract.",
            "Landelijk komen vaste contracten volgens UWV vooral voor bij detacheringen, vooral van mensen met een "
            f"Wsw-achtergrond, en in de sector overheid {e.cites((JUNE_2017, 18))}.",
        )
    return sentences(
        f"Het gaat om uren, niet om mensen. Voor personen geeft de brief alleen een cijfer voor de Wajong: van de werkende "
        f"Wajongers had {both} een vast contract {e.cites((JUNE_2017, 19))}.",
        f"Van de Wajongers die in {label('2014')} aan het werk gingen, had volgens eerder UWV-onderzoek {starters} een "
        f"tijdelijk contract {e.cites((JUNE_2017, 19))}.",
        "Ook bij mensen uit de doelgroep Participatiewet en bij uitzendwerk werkt volgens de brief het merendeel met een "
        f"tijdelijk contract; een percentage ontbreekt {e.cites((JUNE_2017, 19))}.",
        "Vaste contracten komen volgens UWV vooral voor bij detacheringen, vooral van mensen met een Wsw-achtergrond, "
        f"en in de sector overheid {e.cites((JUNE_2017, 18))}.",
    )


def quota(e: Edition) -> str:
    """Return the paragraph on the European analysis of quota schemes (the letters' figure in every edition)."""
    countries = e.row("eu_countries_with_quota_system", "2017-06-30", national=True)
    return sentences(
        f"Volgens een analyse van quotaregelingen in de Europese Unie, die {e.letter(JUNE_2017)} meestuurde, hebben "
        f"{formatting.row_text(countries)} Europese landen een quotumregeling voor arbeidsgehandicapten. Er is weinig "
        "empirisch onderzoek naar de werking en de effecten; een effect is volgens de analyse alleen te verwachten als "
        "de regeling samengaat met ondersteunend beleid, een voldoende hoge sanctie en effectieve controle op naleving "
        f"{e.cites((JUNE_2017, 2))}.",
        "Het SCP ziet in Oostenrijk onder voorwaarden kleine werkgelegenheidseffecten, vooral doordat mensen met een "
        f"arbeidsbeperking hun baan langer houden {e.cites((JUNE_2017, 2))}.",
        "Op welk moment de landen zijn geteld, vermeldt de brief niet.",
    )


def calculator(e: Edition) -> str:
    """Return the paragraph on the employers' calculator and the ICT project of the quota levy (the letters' figures)."""
    steps = e.row("employer_calculator_steps", "2017-05-15", national=True)
    benefit = e.row("employer_calculator_max_annual_benefit", "2017", national=True)
    ict = e.row("quota_levy_ict_project_costs", "2017", national=True)
    return sentences(
        f"Met een calculator, gelanceerd op {label(steps['period'])}, berekent een werkgever in "
        f"{formatting.row_text(steps)} stappen de premiekortingen, het lage-inkomensvoordeel en de loonkostensubsidie "
        f"voor een werknemer; het jaarlijkse voordeel kan oplopen tot {formatting.value_text(benefit['value'], 'euro')} "
        f"per werknemer {e.cites((JUNE_2017, 4))}.",
        "Het ICT-project voor de quotumheffing en de inleenadministratie overschrijdt de grens van "
        f"{formatting.value_text(ict['value'], ict['unit'])} aan ICT-kosten; daarom moet het Bureau ICT-toetsing erover "
        f"adviseren {e.cites((JUNE_2017, 4))}.",
    )


def campaign(e: Edition) -> str:
    """Return the paragraph on the MKB campaign (the letters' figures in every edition)."""
    figures = e.national
    half = "2017-01/2017-06"
    low, high = analysis.page_view_ratio(figures)
    t = lambda *a: e.text(*a, national=True)  # noqa: E731
    return sentences(
        f"Een proefcampagne richtte zich via {t('mkb_campaign_branches', half)} branches op werkgevers met "
        f"{t('mkb_employer_size_threshold', half)} werknemers {e.cites((JUNE_2017, 21))}. De brief spreekt van het "
        f"afgelopen half jaar; hier is aangenomen dat het om {label(half)} gaat (eigen aanname).",
        f"De LinkedIn-advertenties zijn {t('mkb_campaign_linkedin_impressions', half)} keer vertoond; in "
        f"{label('2017-04')} werd de LinkedIn-pagina van de campagne {t('mkb_campaign_linkedin_page_views', '2017-04')} "
        "keer bekeken. De brief noemt dat ten minste een verdubbeling ten opzichte van het gebruikelijke aantal van "
        f"{number(analysis.value(figures, 'mkb_campaign_linkedin_page_views_normal', '2017-04', 'ondergrens'))} tot "
        f"{number(analysis.value(figures, 'mkb_campaign_linkedin_page_views_normal', '2017-04', 'bovengrens'))} "
        f"{e.cites((JUNE_2017, 21))}; nagerekend is het {number(low, 1)} tot {number(high, 1)} keer zoveel {OWN}.",
        "Het is een maat voor aandacht, niet voor banen.",
    )


PARAGRAPHS = {
    "provisions": provisions,
    "support_people": support_people,
    "study_method": study_method,
    "study_shares": study_shares,
    "study_background": study_background,
    "contracts_hours": contracts_hours,
    "contracts_persons": contracts_persons,
    "quota": quota,
    "calculator": calculator,
    "campaign": campaign,
}
