"""Pilots Werken naar Vermogen: what the chapter's text needs, as facts (chapters/pilots_werken_naar_vermogen.tekst.md).

The latest step is computed from the timeline (`analysis.latest_step`), so an edition on data with a later
letter says what that letter adds. A municipal edition shows the national text (no figures per municipality).
"""

import pandas as pd

from ...figures.facts import Figure
from . import analysis

# The page of the pilots' letter (12 July 2013) that draws the two conclusions the introduction's finding
# names: work at a regular employer is possible but not easy; wage dispensation useful but complicated.
CONCLUSIONS_PAGE = 3


def _step(frame: pd.DataFrame, finder) -> dict | None:
    """Return the latest step: its date, the milestones it reaches or its own text, its letter and page."""
    step = analysis.latest_step(frame)
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
    days = (
        frame.loc[frame["milestone"]]
        .groupby("anchor")
        .agg(events=("event_code", "size"), date=("date", "first"), precision=("precision", "first"))
    )
    return days.loc[days["events"] > 1].to_dict("records")


def facts(chapter) -> dict:
    """Return the facts of the chapter's text: counts, years, events, letters and the latest step."""
    pilots = chapter.table("pilots")
    findings = chapter.table("pilots_findings")
    frame = analysis.timeline(chapter.table("policy_timeline"), chapter.sources)
    summary = analysis.pilots_summary(pilots)
    path = analysis.timeline_summary(frame)
    per_topic = analysis.findings_per_topic(findings).set_index("topic")["findings"]
    scale = analysis.wage_dispensation_pilot(pilots)
    finder = chapter.finder
    # The date of every event the chapter's reading names (None when the data do not have it).
    dated = frame.set_index("event_code")[["date", "precision"]].to_dict("index")
    return {
        "pilots": summary["pilots"],
        "first_year": str(summary["first_year"]),
        "last_year": str(summary["last_year"]),
        "pilots_letter": finder.letter(str(pilots["source_id"].iloc[0])),
        "conclusions_page": CONCLUSIONS_PAGE,
        "period_page": analysis.period_page(pilots["source_id"].iloc[0], pilots["page"].iloc[0]),
        "scale": None
        if pd.isna(scale["scale_value"])
        else Figure(float(scale["scale_value"]), str(scale["scale_unit"]), str(summary["first_year"])),
        "findings": len(findings),
        "findings_wage_value": int(per_topic.get("loonwaarde", 0)),
        "findings_wage_dispensation": int(per_topic.get("loondispensatie", 0)),
        **{key: path[key] for key in ("events", "accounts", "merged", "year_only", "month_only", "announced", "milestones")},
        "timeline_letters": path["letters"],
        "timeline_first_year": str(path["first_year"]),
        "timeline_last_year": str(path["last_year"]),
        "shared_labels": _shared_labels(frame),
        "lanes": list(analysis.LANE_CODES),
        "matters": int(analysis.differing_accounts(chapter.table("policy_timeline"), chapter.sources)["matter"].nunique()),
        "step": _step(frame, finder),
        "event": {r.event: dated.get(r.event) for r in analysis.readings() if r.event},
    }
