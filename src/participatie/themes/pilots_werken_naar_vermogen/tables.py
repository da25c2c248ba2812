"""Pilots Werken naar Vermogen: the chapter's tables (the pilots, their findings, where the letters differ).

Their headings and the words for codes are in chapters/pilots_werken_naar_vermogen.labels.yml.
"""

import pandas as pd

from ...figures.facts import Figure
from ...presentation import tables, vocabulary
from . import analysis


def _scale(value: float | None, unit: str | None) -> str:
    """Return a pilot's scale with its unit (32 gemeenten), or – when the letter gives none."""
    return vocabulary.MISSING if pd.isna(value) else vocabulary.quantity(Figure(value, unit, ""))


def _pilots(numbers: list[int], all_pilots: bool, every: str) -> str:
    """Return which pilots a finding comes from: 4, 2 en 3, or `every` (all pilots)."""
    return every if all_pilots else vocabulary.joined([str(n) for n in sorted(numbers)])


def pilots(chapter) -> tables.Table:
    """Return the four pilots as a Dutch table, one block per pilot: aim, period, scale, findings and source pages.

    Long (one row per item of a pilot) rather than wide, so that the long texts keep a readable width. The names
    are the letter's own names of the pilots.
    """
    words = chapter.labels["pilots_table"]
    frame = analysis.pilots_overview(chapter.table("pilots"), chapter.table("pilots_findings"))
    single_letter = frame["source_id"].nunique() == 1
    pages = [
        vocabulary.pages_text(own) + (f"; {words['findings_pages']} {vocabulary.pages_text(found)}" if found else "")
        for own, found in zip(frame["pages"], frame["finding_pages"])
    ]
    shown = frame.assign(
        period=[
            chapter.label("pilots_table.period", start=str(s), end=str(e))
            for s, e in zip(frame["period_start"], frame["period_end"])
        ],
        scale=[_scale(v, u) for v, u in zip(frame["scale_value"], frame["scale_unit"])],
        source=pages if single_letter else [f"{chapter.reference(s)}, {p}" for s, p in zip(frame["source_id"], pages)],
    )
    rows = [
        {
            words["pilot"]: f"{pilot['pilot']}. {pilot['name']}" if i == 0 else "",
            words["item"]: words["items"][item],
            words["content"]: pilot[item],
        }
        for _, pilot in shown.iterrows()
        for i, item in enumerate(("aim", "period", "scale", "findings", "source"))
    ]
    return tables.show(pd.DataFrame(rows), caption=chapter.source_line(frame) if single_letter else None)


def findings(chapter) -> tables.Table:
    """Return the pilots' findings grouped by topic (each topic named once), with pilots and page."""
    words = chapter.labels["findings_table"]
    frame = analysis.findings_by_topic(chapter.table("pilots_findings"), chapter.table("pilots"))
    topic = frame["topic"].map(chapter.labels["topic"])
    single_letter = frame["source_id"].nunique() == 1
    source = (
        [f"p. {int(p)}" for p in frame["page"]]
        if single_letter
        else tables.letter_pages(frame["source_id"], frame["page"], chapter.sources)
    )
    every = chapter.labels["all_pilots"]
    shown = pd.DataFrame(
        {
            words["topic"]: topic.where(~topic.duplicated(), ""),
            words["finding"]: frame["finding"],
            words["pilot"]: [_pilots(n, a, every) for n, a in zip(frame["pilots"], frame["all_pilots"])],
            words["source"]: source,
        }
    )
    return tables.show(shown, caption=chapter.source_line(frame) if single_letter else None)


def differing_accounts(chapter) -> tables.Table:
    """Return the matters on which the letters tell the story differently, their versions side by side."""
    words = chapter.labels["differing_table"]
    frame = analysis.differing_accounts(chapter.table("policy_timeline"), chapter.sources)
    matter = frame["matter"].map(chapter.labels["matter"])
    shown = pd.DataFrame(
        {
            words["matter"]: matter.where(~matter.duplicated(), ""),
            words["letter"]: tables.letter_pages(frame["source_id"], frame["page"], chapter.sources),
            words["date"]: [vocabulary.date_at(d, p) for d, p in zip(frame["date"], frame["precision"])],
            words["event"]: frame["event"],
        }
    )
    return tables.show(shown, caption=chapter.source_line(frame) if not frame.empty else None)
