"""Banenafspraak: the glued texts around the tables of checks and revisions, and the items of "Wat de cijfers niet
zeggen": about the letters, so the same in every edition (dates and citations from the data and the analysis).
"""

from __future__ import annotations

from ...presentation import formatting, wording
from ...presentation.labels import VERDICT_TEXT
from . import analysis
from .analysis import DEADLINE, END_2017, JUNE_2017, JUNE_2018, Q3_2016, RISING_UNTIL, SEPT_2018
from .checks import CHECKS
from .prose_base import OWN, Edition, sentences

label = formatting.period_label
# Dates the letters print for what they announce (ek-33981-n p. 19): UWV's quarterly factsheets since
# November 2016, and the repetition of the study in the spring of 2018.
FACTSHEETS_SINCE, STUDY_REPEATED = "2016-11", "2018"


def checks(e: Edition) -> str:
    """Return the paragraph that explains the cross-checks and the assumption one of them rests on."""
    assumed = next(c.assumption for c in CHECKS if c.assumption).rstrip(".")
    assumed = assumed[0].lower() + assumed[1:]
    return sentences(
        f"Elke bewering in de brieven die uit andere gedrukte cijfers volgt, is nagerekend {OWN}. Een uitkomst "
        f"*{VERDICT_TEXT['klopt']}* als ze gelijk is aan het gedrukte getal, *{VERDICT_TEXT['afgerond']}* als het "
        "verschil binnen de afronding van het gedrukte getal valt (de kolom Marge), en "
        f"*{VERDICT_TEXT['afwijking']}* als dat niet zo is.",
        f"Rust de vergelijking op een aanname die de brief zelf niet maakt, dan luidt het oordeel "
        f"*{VERDICT_TEXT['aanname']}*: een verschil is dan geen afwijking in de brief. Dat geldt hier voor het aandeel "
        f"dat na een jaar niet meer werkte. De vergelijking neemt aan: {assumed}; dat zegt de "
        "brief niet.",
        "De meeste percentages uit het UWV-onderzoek zijn niet na te rekenen, omdat de brief de omvang van de groepen "
        "niet geeft.",
    )


def revisions_note(e: Edition) -> str:
    """Return the paragraph above the revisions table, with why the end date of the target is no revision."""
    total = e.text("extra_jobs_target", DEADLINE, "totaal", JUNE_2018, national=True)
    return sentences(
        "Cijfers die in verschillende brieven voor dezelfde indicator en periode verschillen, staan hieronder naast "
        "elkaar, met de soort van het verschil; de laatste brief is gemarkeerd.",
        f"De einddatum van het doel is geen revisie: {e.letter(JUNE_2017)} noemt {label(DEADLINE)}, {e.letter(JUNE_2018)} "
        f"een aantal dat oploopt tot {label(RISING_UNTIL)}, en beide noemen {total} banen "
        f"{e.cites((JUNE_2017, 16), (JUNE_2018, 2))}.",
    )


def limit_sectors(e: Edition) -> str:
    """Return the item on the split of the realised jobs by sector."""
    return (
        "**Hoeveel van de extra banen bij de overheid en hoeveel in de marktsector zijn.** De brieven geven de "
        "realisatie alleen als totaal; dat de overheidswerkgevers achterlopen, staat er zonder getal "
        f"{e.cites((SEPT_2018, 2), (JUNE_2018, 2))}."
    )


def limit_path(e: Edition) -> str:
    """Return the item on the path to the final target (the intermediate targets in the data, named)."""
    steps = [label(p) for p in analysis.intermediate_targets(e.national)]
    printed = (
        f"Alleen {'het tussendoel' if len(steps) == 1 else 'de tussendoelen'} voor {wording.joined(steps)} "
        f"{'is' if len(steps) == 1 else 'zijn'} gedrukt; "
        if steps
        else ""
    )
    return (
        "**Welk ingroeipad naar het einddoel geldt.** "
        f"{printed}dat het doel over {label(END_2017[:4])} is gehaald, staat er zonder het doelgetal "
        f"{e.cites((SEPT_2018, 2))}. Het tempo in dit hoofdstuk is een eigen berekening."
    )


def limit_durability(e: Edition) -> str:
    """Return the item on the durability of the jobs after the study."""
    return (
        f"**Hoe duurzaam de banen na het {label(Q3_2016)} zijn.** Het UWV-onderzoek volgt één groep werkenden gedurende "
        f"één jaar en is volgens de brief een eerste indicatie {e.cites((JUNE_2017, 17))}. UWV houdt het baanbehoud "
        f"sinds {label(FACTSHEETS_SINCE)} per kwartaal bij in regionale factsheets en zou het onderzoek in het voorjaar "
        f"van {label(STUDY_REPEATED)} herhalen {e.cites((JUNE_2017, 19))}; die cijfers staan niet in deze brieven."
    )


def limit_register(e: Edition) -> str:
    """Return the item on the size of the register and the share without work."""
    return (
        "**Hoeveel mensen het doelgroepregister telt en hoeveel van hen werk hebben.** De brieven noemen alleen het "
        f"aantal uit de gemeentelijke doelgroep, zonder peildatum {e.cites((JUNE_2018, 2))}, en zeggen dat ruim de helft "
        f"van de doelgroep geen werk heeft, zonder percentage of aantal {e.cites((SEPT_2018, 2), (JUNE_2018, 2))}."
    )


def limit_sources(e: Edition) -> str:
    """Return the item on the reports the letters refer to without printing them."""
    return (
        "**Wat in de rapporten staat waarnaar de brieven verwijzen.** Het UWV-rapport over de duurzaamheid van de "
        "banen, het rapport over quotaregelingen in de Europese Unie, de resultaten van de derde meting en de "
        "onderzoeken die daarbij naar de Tweede Kamer gingen, en de uitkomsten van de pilot inkoop van producten zijn "
        f"niet in de brieven opgenomen {e.cites((JUNE_2017, 1, 2, 4), (SEPT_2018, 2))}; dit hoofdstuk geeft alleen de "
        "cijfers die de brieven daaruit overnemen."
    )


PARAGRAPHS = {
    "checks": checks,
    "revisions": revisions_note,
    "limit_sectors": limit_sectors,
    "limit_path": limit_path,
    "limit_durability": limit_durability,
    "limit_register": limit_register,
    "limit_sources": limit_sources,
}
