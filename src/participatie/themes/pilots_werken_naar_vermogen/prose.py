"""Pilots Werken naar Vermogen: the texts the chapter's prose glues in."""

from __future__ import annotations

from ...presentation import formatting
from .analysis import (
    LANES,
    findings_per_topic,
    number_word,
    pilots_overview,
    scale_text,
    timeline,
    years_to_standard_method,
)


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    pilots = chapter.table("pilots")
    findings = chapter.table("pilots_findings")
    events = timeline(chapter.table("policy_timeline"), chapter.sources)
    overview = pilots_overview(pilots, findings, chapter.sources).set_index("pilot")
    per_topic = findings_per_topic(findings).set_index("topic")
    loondispensatie = pilots.loc[pilots["name"].str.contains("loondispensatie", case=False)].iloc[0]
    years = events["datum"].dt.year
    precision = events["precision"].value_counts()
    gap = years_to_standard_method(chapter.table("policy_timeline"), chapter.sources, pilots["source_id"].iloc[0])
    return {
        "pil_aantal": number_word(len(pilots)),
        "pil_start": str(int(pilots["period_start"].min())),
        "pil_eind": str(int(pilots["period_end"].max())),
        "pil_jaren": number_word(int(overview["jaren"].max())),
        "pil_loondispensatie_nr": str(int(loondispensatie["pilot"])),
        "pil_loondispensatie_schaal": scale_text(loondispensatie["scale_value"], loondispensatie["scale_unit"]),
        "pil_bevindingen": formatting.number(len(findings)),
        "pil_bevindingen_loonwaarde": number_word(int(per_topic.loc["loonwaarde", "bevindingen"])),
        "pil_bevindingen_loondispensatie": number_word(int(per_topic.loc["loondispensatie", "bevindingen"])),
        "pil_gebeurtenissen": formatting.number(len(events)),
        "pil_brieven": number_word(events["source_id"].nunique()),
        "pil_eerste_jaar": str(int(years.min())),
        "pil_laatste_jaar": str(int(years.max())),
        "pil_alleen_jaar": formatting.number(int(precision.get("year", 0))),
        "pil_alleen_maand": formatting.number(int(precision.get("month", 0))),
        "pil_kernmomenten": number_word(int(events["kernmoment"].sum())),
        "pil_jaren_tot_standaard": number_word(gap) if gap is not None else "–",
        "pil_sporen": number_word(len(LANES)),
    }
