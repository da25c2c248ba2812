"""Pilots Werken naar Vermogen: the texts the chapter's prose glues in.

Every number and date in the chapter's prose comes from here: counts from the tables, dates of events
from the timeline (found by their event code, see `timeline_reading`), dates of letters from the
letters' table. The latest step on the policy path is computed from the timeline (`analysis.latest_step`)
and names its date and its letter, so an edition on data with a later letter says what that letter adds.
The chapter has no figures per municipality: a municipal edition shows the national texts, labelled so.
"""

from __future__ import annotations

from ...presentation import escape, formatting, references
from ...presentation.wording import joined
from .analysis import (
    differing_accounts,
    event_of,
    findings_per_topic,
    latest_step,
    letter_dates,
    pilots_summary,
    timeline,
    timeline_summary,
    wage_dispensation_pilot,
)
from .charts import milestone_labels, timeline_rows
from .labels import LANE_PHRASE, MILESTONE_PHRASE, date_text, enumeration, month_text, number_word, scale_text
from .timeline_reading import LANE_CODES

MISSING = "–"
# The page of the pilots' letter (12 July 2013) that draws the two conclusions the introduction's finding
# names: work at a regular employer is possible but not easy; wage dispensation useful but complicated.
CONCLUSIONS_PAGE = 3
NATIONAL_ONLY = "Landelijk beeld (dit hoofdstuk heeft geen cijfers per gemeente): "
# Events whose dates the prose names, by glue name.
EVENT_DATES = {
    "pil_datum_sociaal_akkoord": "social_agreement",
    "pil_jaar_wetten": "laws_in_force",
    "pil_datum_plicht_beschut": "sheltered_work_duty",
    "pil_datum_praktijkroute": "practice_route",
    "pil_datum_wajong": "wajong_provisions",
    "pil_jaar_regeerakkoord": "coalition_agreement",
    "pil_datum_hoofdlijnennotitie": "outline_memo",
    "pil_datum_debat": "outline_debate",
    "pil_datum_besluit": "no_wage_dispensation",
    "pil_jaar_thermometer": "thermometer_announced",
    "pil_datum_thermometer": "thermometer_sent",
}


def event_date(frame, code: str) -> str:
    """Return the date of an event of the timeline as precise as its letter gives it (– when absent)."""
    event = event_of(frame, code)
    return MISSING if event is None else date_text(event["date"], event["precision"])


def letter_months(sources) -> dict[str, str]:
    """Return, per letter, a glue name and the letter's month ('in juni 2017'): pil_maand_ek_33981_n → juni 2017."""
    return {f"pil_maand_{source_id.replace('-', '_')}": month_text(day) for source_id, day in letter_dates(sources).items()}


def letter_days(sources) -> dict[str, str]:
    """Return, per letter, a glue name and the letter's date ('de brief van …'): pil_brief_ek_33981_n → 30 juni 2017."""
    return {
        f"pil_brief_{source_id.replace('-', '_')}": references.letter_date(sources, source_id)
        for source_id in letter_dates(sources)
    }


def shared_labels(chapter) -> str:
    """Return, in parentheses, which milestones of one day share a label in the chart ('' when none do)."""
    labels = milestone_labels(timeline_rows(chapter))
    shared = labels.loc[labels["events"] > 1]
    if shared.empty:
        return ""
    parts = [
        f"de {number_word(int(n))} kernmomenten van {d} delen één label"
        for n, d in zip(shared["events"], shared["datum_tekst"])
    ]
    return f" ({joined(parts)})"


def step_text(chapter, frame) -> tuple[str, str]:
    """Return the latest step on the policy path as (its date, what happened with its letter), in Dutch Markdown."""
    step = latest_step(frame)
    if step.empty:
        return MISSING, MISSING
    first = step.iloc[0]
    marked = step.loc[step["milestone"]]
    if not marked.empty:
        what = joined([MILESTONE_PHRASE[code] for code in marked["event_code"]])
    else:
        what = "«" + escape.markdown(str(first["event"]).rstrip(". ")) + "»"
    letter = references.citation(chapter.sources, first["source_id"], int(first["page"]))
    return date_text(first["date"], first["precision"]), f"{what} ({letter})"


def key_figures(chapter) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    pilots = chapter.table("pilots")
    findings = chapter.table("pilots_findings")
    frame = timeline(chapter.table("policy_timeline"), chapter.sources)
    summary = pilots_summary(pilots)
    path = timeline_summary(frame)
    per_topic = findings_per_topic(findings).set_index("topic")["findings"]
    loondispensatie = wage_dispensation_pilot(pilots)
    months, days = letter_months(chapter.sources), letter_days(chapter.sources)
    step_date, step = step_text(chapter, frame)
    matters = differing_accounts(chapter.table("policy_timeline"), chapter.sources)["matter"].nunique()
    pilots_id = str(pilots["source_id"].iloc[0]).replace("-", "_")
    pilots_cite = references.citation(chapter.sources, str(pilots["source_id"].iloc[0]), CONCLUSIONS_PAGE)
    pilots_month, pilots_letter = months.get(f"pil_maand_{pilots_id}", MISSING), days.get(f"pil_brief_{pilots_id}", MISSING)
    texts = {
        "pil_aantal": number_word(summary["pilots"]),
        "pil_start": str(summary["first_year"]),
        "pil_eind": str(summary["last_year"]),
        "pil_maand_pilotbrief": pilots_month,
        "pil_loondispensatie_schaal": scale_text(loondispensatie["scale_value"], loondispensatie["scale_unit"]),
        "pil_bevindingen": formatting.number(len(findings)),
        "pil_bevindingen_loonwaarde": number_word(int(per_topic.get("loonwaarde", 0))),
        "pil_bevindingen_loondispensatie": number_word(int(per_topic.get("loondispensatie", 0))),
        "pil_gebeurtenissen": formatting.number(path["events"]),
        "pil_rijen": formatting.number(path["accounts"]),
        "pil_samengevoegd": number_word(path["merged"]),
        "pil_brieven": number_word(path["letters"]),
        "pil_eerste_jaar": str(path["first_year"]),
        "pil_laatste_jaar": str(path["last_year"]),
        "pil_alleen_jaar": formatting.number(path["year_only"]),
        "pil_alleen_maand": formatting.number(path["month_only"]),
        "pil_aangekondigd": number_word(path["announced"]),
        "pil_kernmomenten": number_word(path["milestones"]),
        "pil_kernlabels_gedeeld": shared_labels(chapter),
        "pil_sporen": number_word(len(LANE_CODES)),
        "pil_sporen_namen": enumeration([LANE_PHRASE[code] for code in LANE_CODES]),
        "pil_verschillen": number_word(matters),
        "pil_laatste_stap_datum": step_date,
        "pil_laatste_stap": f"als laatste stap in de brieven, op {step_date}, {step}",
        **{name: event_date(frame, code) for name, code in EVENT_DATES.items()},
        **months,
        **days,
    }
    finding = (
        f"De {texts['pil_aantal']} pilots Werken naar Vermogen liepen van {texts['pil_start']} tot en met "
        f"{texts['pil_eind']}. Volgens de brief van {pilots_letter} blijkt uit de pilots dat mensen met een "
        "arbeidsbeperking bij een reguliere werkgever kunnen werken, maar dat dat niet eenvoudig is, en dat "
        f"loondispensatie een bruikbaar maar ingewikkeld instrument kan zijn ({pilots_cite}). "
        f"De laatste stap op het beleidspad in de brieven is van {step_date}: {step}."
    )
    texts["pil_finding"] = (NATIONAL_ONLY if chapter.gemeente else "") + finding
    return texts
