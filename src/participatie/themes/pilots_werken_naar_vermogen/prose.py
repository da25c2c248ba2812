"""Pilots Werken naar Vermogen: the texts the chapter's prose glues in."""

from __future__ import annotations

from ...presentation import formatting
from .analysis import (
    LANE_CODES,
    findings_per_topic,
    pilots_summary,
    timeline,
    timeline_summary,
    wage_dispensation_pilot,
    years_to_standard_method,
)
from .labels import number_word, scale_text


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    pilots = chapter.table("pilots")
    findings = chapter.table("pilots_findings")
    events = chapter.table("policy_timeline")
    summary = pilots_summary(pilots)
    per_topic = findings_per_topic(findings).set_index("topic")["findings"]
    loondispensatie = wage_dispensation_pilot(pilots)
    path = timeline_summary(timeline(events))
    gap = years_to_standard_method(events, chapter.sources, pilots["source_id"].iloc[0])
    return {
        "pil_aantal": number_word(summary["pilots"]),
        "pil_start": str(summary["first_year"]),
        "pil_eind": str(summary["last_year"]),
        "pil_jaren": number_word(summary["longest_years"]),
        "pil_loondispensatie_nr": str(int(loondispensatie["pilot"])),
        "pil_loondispensatie_schaal": scale_text(loondispensatie["scale_value"], loondispensatie["scale_unit"]),
        "pil_bevindingen": formatting.number(len(findings)),
        "pil_bevindingen_loonwaarde": number_word(int(per_topic.loc["loonwaarde"])),
        "pil_bevindingen_loondispensatie": number_word(int(per_topic.loc["loondispensatie"])),
        "pil_gebeurtenissen": formatting.number(path["events"]),
        "pil_brieven": number_word(path["letters"]),
        "pil_eerste_jaar": str(path["first_year"]),
        "pil_laatste_jaar": str(path["last_year"]),
        "pil_alleen_jaar": formatting.number(path["year_only"]),
        "pil_alleen_maand": formatting.number(path["month_only"]),
        "pil_kernmomenten": number_word(path["milestones"]),
        "pil_jaren_tot_standaard": number_word(gap) if gap is not None else "–",
        "pil_sporen": number_word(len(LANE_CODES)),
    }
