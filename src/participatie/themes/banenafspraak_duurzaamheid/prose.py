"""Banenafspraak: voortgang en duurzaamheid van de banen: the texts the chapter's prose glues in.

Every paragraph that states numbers is one glued text `ba_p_<topic>` (prose_progress, prose_study), made
for the edition: nationally with the letter and page of each figure, in a municipal edition with the
municipality's own numbers and the letters' figures only as national ones. `ba_finding` is the
chapter's headline for the introduction. A few single figures stay available by name for the
introduction and the book's other pages.
"""

from __future__ import annotations

from ...presentation import formatting
from . import analysis, prose_notes, prose_progress, prose_study
from .analysis import AGREEMENT, END_2017, SEPT_2018, STUDY
from .prose_base import OWN, Edition, cap, number, percent, sentences

PARAGRAPHS = {
    "agreement": prose_progress.agreement,
    "target_group": prose_progress.target_group,
    "measure": prose_progress.measure,
    "target": prose_progress.target,
    "end_2016": prose_progress.end_2016,
    "end_2017": prose_progress.end_2017,
    "latest": prose_progress.latest,
    "without_work": prose_progress.without_work,
    "municipal_group": prose_progress.municipal_group,
    "municipal_working": prose_progress.municipal_working,
    **prose_study.PARAGRAPHS,
    **prose_notes.PARAGRAPHS,
}


def finding(e: Edition) -> str:
    """Return the chapter's headline for the introduction: the latest state and the share without work (attributed)."""
    now = analysis.progress(e.figures)
    when, deadline = formatting.period_label(now["period"]), formatting.period_label(now["deadline"])
    if e.municipal:
        national = analysis.progress(e.national)
        return sentences(
            f"{e.place} waren er {when} {number(now['count'])} extra banen voor mensen met een arbeidsbeperking, "
            f"{percent(now['share_of_goal'])} van het doel van {number(now['goal'])} banen {deadline} {OWN}.",
            f"Landelijk waren het er {formatting.period_label(national['period'])} volgens "
            f"{e.letter(national['source_id'])} {number(national['count'])} "
            f"{e.cites((national['source_id'], national['page']))}.",
        )
    same = now["source_id"] == SEPT_2018
    return sentences(
        f"{cap(when)} waren er volgens {e.letter(now['source_id'])} {number(now['count'])} extra banen voor mensen met "
        f"een arbeidsbeperking ten opzichte van de nulmeting {e.cites((now['source_id'], now['page']))}: "
        f"{percent(now['share_of_goal'])} van de {number(now['goal'])} banen die werkgevers in het sociaal akkoord van "
        f"{formatting.period_label(AGREEMENT)} afspraken voor {deadline} {OWN}.",
        f"Volgens {'diezelfde brief' if same else e.letter(SEPT_2018)} heeft ruim de helft van de mensen uit de doelgroep "
        f"van de banenafspraak geen werk {e.cites((SEPT_2018, 2))}.",
    )


def _circa(value: float) -> str:
    text = number(value)
    return text if text == "–" else f"circa {text}"


def key_figures(chapter) -> dict[str, str]:
    """Return every text the chapter's prose glues in, keyed by a glue name (ba_p_<topic>, ba_finding and a few figures)."""
    e = Edition(chapter)
    figures = chapter.figures
    now = analysis.progress(figures)
    low, high = analysis.page_view_ratio(figures)
    texts = {f"ba_p_{name}": make(e) for name, make in PARAGRAPHS.items()}
    texts["ba_finding"] = finding(e)
    # Single figures by name: the introduction's, and the latest state for pages that quote it.
    goal = analysis.final_target(figures)
    texts |= {
        "ba_target_total": number(goal["value"]),
        "ba_real_2017": formatting.figure_text(figures, "extra_jobs_realised", END_2017, category="totaal"),
        "ba_working": formatting.figure_text(figures, "working_after_one_year_share", STUDY, category="totaal"),
        "ba_latest_period": formatting.period_label(now["period"]),
        "ba_latest_count": number(now["count"]),
        "ba_share_of_target_latest": percent(now["share_of_goal"]),
        "ba_remaining": number(now["to_create"]),
        "ba_pace_needed": _circa(analysis.rounded(now["per_year"])),
        "ba_mun_factor": number(analysis.municipal_factor(figures), 1),
        "ba_views_ratio_low": number(low, 1),
        "ba_views_ratio_high": number(high, 1),
    }
    return texts
