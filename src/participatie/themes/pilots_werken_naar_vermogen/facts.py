"""Pilots Werken naar Vermogen: what the chapter's text needs, as facts (chapters/pilots_werken_naar_vermogen.tekst.md).

Counts come from the tables, dates of events from the timeline (found by their event code), letters from
the letters' table. The latest step on the policy path is computed from the timeline
(`analysis.latest_step`) with its date and its letter, so an edition on data with a later letter says what
that letter adds. The chapter has no figures per municipality: a municipal edition shows the national text.
"""

from __future__ import annotations

import pandas as pd

from ...figures.facts import Figure
from .analysis import (
    LANE_CODES,
    differing_accounts,
    event_of,
    findings_per_topic,
    latest_step,
    period_page,
    pilots_summary,
    timeline,
    timeline_summary,
    wage_dispensation_pilot,
)

# The page of the pilots' letter (12 July 2013) that draws the two conclusions the introduction's finding
# names: work at a regular employer is possible but not easy; wage dispensation useful but complicated.
CONCLUSIONS_PAGE = 3
# The events whose dates the text names, by event code.
EVENTS = (
    "social_agreement",
    "laws_in_force",
    "sheltered_work_duty",
    "practice_route",
    "wajong_provisions",
    "coalition_agreement",
    "outline_memo",
    "outline_debate",
    "no_wage_dispensation",
    "thermometer_announced",
    "thermometer_sent",
    "three_measurement",
    "inspectorate_youth",
)


def _event(frame: pd.DataFrame, code: str) -> dict | None:
    found = event_of(frame, code)
    return None if found is None else {"date": found["date"], "precision": found["precision"]}


def _step(frame: pd.DataFrame, finder) -> dict | None:
    """Return the latest step: its date, the milestones it reaches (codes) or its own text, its letter and page."""
    step = latest_step(frame)
    if step.empty:
        return None
    first = step.iloc[0]
    return {
        "date": first["date"],
        "precision": first["precision"],
        "milestones": list(step.loc[step["milestone"], "event_code"]),
        "event": str(first["event"]).rstrip(". "),
        "letter": finder.letter(first["source_id"]),
        "page": int(first["page"]),
    }


def _shared_labels(frame: pd.DataFrame) -> list[dict]:
    """Return the milestone days whose milestones share one label beside the timeline: how many, and the date."""
    marked = frame.loc[frame["milestone"]]
    days = marked.groupby("anchor", sort=True).agg(events=("event_code", "size"), date=("date", "first"))
    precision = marked.groupby("anchor", sort=True)["precision"].first()
    return [
        {"events": int(n), "date": d, "precision": p} for n, d, p in zip(days["events"], days["date"], precision) if n > 1
    ]


def facts(chapter) -> dict:
    """Return the facts of the chapter's text: counts, years, events, letters and the latest step."""
    pilots = chapter.table("pilots")
    findings = chapter.table("pilots_findings")
    frame = timeline(chapter.table("policy_timeline"), chapter.sources)
    summary = pilots_summary(pilots)
    path = timeline_summary(frame)
    per_topic = findings_per_topic(findings).set_index("topic")["findings"]
    scale = wage_dispensation_pilot(pilots)
    finder = chapter.finder
    return {
        "pilots": summary["pilots"],
        "first_year": str(summary["first_year"]),
        "last_year": str(summary["last_year"]),
        "pilots_letter": finder.letter(str(pilots["source_id"].iloc[0])),
        "conclusions_page": CONCLUSIONS_PAGE,
        "period_page": period_page(pilots["source_id"].iloc[0], pilots["page"].iloc[0]),
        "scale": None
        if pd.isna(scale["scale_value"])
        else Figure(float(scale["scale_value"]), str(scale["scale_unit"]), str(summary["first_year"])),
        "findings": len(findings),
        "findings_wage_value": int(per_topic.get("loonwaarde", 0)),
        "findings_wage_dispensation": int(per_topic.get("loondispensatie", 0)),
        "events": path["events"],
        "accounts": path["accounts"],
        "merged": path["merged"],
        "timeline_letters": path["letters"],
        "timeline_first_year": str(path["first_year"]),
        "timeline_last_year": str(path["last_year"]),
        "year_only": path["year_only"],
        "month_only": path["month_only"],
        "announced": path["announced"],
        "milestones": path["milestones"],
        "shared_labels": _shared_labels(frame),
        "lanes": list(LANE_CODES),
        "matters": int(differing_accounts(chapter.table("policy_timeline"), chapter.sources)["matter"].nunique()),
        "step": _step(frame, finder),
        "event": {code: _event(frame, code) for code in EVENTS},
    }
