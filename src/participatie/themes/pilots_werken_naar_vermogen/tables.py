"""Pilots Werken naar Vermogen: the chapter's tables (the pilots, their findings, where the letters differ)."""

from __future__ import annotations

import pandas as pd

from ...presentation import references, tables
from .analysis import differing_accounts, findings_by_topic, pilots_overview
from .labels import MATTER_TEXT, TOPIC_TEXT, date_text, pages_text, pilots_text, scale_text


def pilots_table(chapter) -> tables.Table:
    """Return the four pilots as a Dutch table, one block per pilot: aim, period, scale, findings and source pages.

    The table is long (one row per item of a pilot) rather than wide, so that the long texts of aim
    and findings keep a readable column width on the page. The names are the letter's own names of
    the pilots.
    """
    frame = pilots_overview(chapter.table("pilots"), chapter.table("pilots_findings"))
    single_letter = frame["source_id"].nunique() == 1
    pages = [
        f"p. {page}" + (f"; bevindingen {pages_text(found)}" if found else "")
        for page, found in zip(frame["page"], frame["finding_pages"])
    ]
    shown = frame.assign(
        periode=[f"{start} tot en met {end}" for start, end in zip(frame["period_start"], frame["period_end"])],
        schaal=[scale_text(v, u) for v, u in zip(frame["scale_value"], frame["scale_unit"])],
        bron=pages if single_letter else [f"{chapter.reference(s)}, {p}" for s, p in zip(frame["source_id"], pages)],
    )
    items = (
        ("Doel", "aim"),
        ("Looptijd", "periode"),
        ("Omvang", "schaal"),
        ("Belangrijkste bevindingen", "findings"),
        ("Bron", "bron"),
    )
    rows = [
        {"Pilot": f"{pilot['pilot']}. {pilot['name']}" if i == 0 else "", "Onderdeel": item, "Inhoud": pilot[column]}
        for _, pilot in shown.iterrows()
        for i, (item, column) in enumerate(items)
    ]
    return tables.show(pd.DataFrame(rows), caption=chapter.source_line(frame) if single_letter else None)


def findings_table(chapter) -> tables.Table:
    """Return the pilots' findings grouped by topic (each topic named once), with pilots and page."""
    frame = findings_by_topic(chapter.table("pilots_findings"), chapter.table("pilots"))
    topic = frame["topic"].map(TOPIC_TEXT)
    single_letter = frame["source_id"].nunique() == 1
    source = (
        [f"p. {int(p)}" for p in frame["page"]]
        if single_letter
        else references.letter_page(frame["source_id"], frame["page"], chapter.sources)
    )
    shown = pd.DataFrame(
        {
            "Onderwerp": topic.where(~topic.duplicated(), ""),
            "Bevinding": frame["finding"],
            "Pilot": [pilots_text(n, a) for n, a in zip(frame["pilots"], frame["all_pilots"])],
            "Bron": source,
        }
    )
    return tables.show(shown, caption=chapter.source_line(frame) if single_letter else None)


def differing_accounts_table(chapter) -> tables.Table:
    """Return the matters on which the letters tell the story differently, their versions side by side."""
    frame = differing_accounts(chapter.table("policy_timeline"), chapter.sources)
    matter = frame["matter"].map(MATTER_TEXT)
    shown = pd.DataFrame(
        {
            "Kwestie": matter.where(~matter.duplicated(), ""),
            "Brief": references.letter_page(frame["source_id"], frame["page"], chapter.sources),
            "Datum volgens de brief": [date_text(d, p) for d, p in zip(frame["date"], frame["precision"])],
            "Wat de brief zegt (samengevat)": frame["event"],
        }
    )
    return tables.show(shown, caption=chapter.source_line(frame) if not frame.empty else None)
