"""Pilots Werken naar Vermogen (2009–2012) and the policy path the letters describe after them: the analyses.

Sources: the four pilots and their findings come from the letter of July 2013 (tk-29817-126); the
timeline draws on all five letters, up to the decision of September 2018 (ek-34775-ak) not to bring
loondispensatie into the Participatiewet. The theme has no figure table: it reads the tables `pilots`,
`pilots_findings` and `policy_timeline`, so it has no printed figure the book could recompute and
registers no checks.

Tables in, frames and numbers out, without display text: topics, strands (lanes), events, milestones,
date precisions and matters are codes; their Dutch names live in the chapter's label file.

How the chapter reads each row of the timeline — its strand, the event it tells of, the matter on which
letters tell the story differently — is this chapter's reading, not the letters'. It is written down per
row in `readings.csv` beside this module, not guessed from words: a row is found by its letter, its page
and a phrase of its text (which tells apart the rows of one page), so a corrected date or a reworded text
keeps its reading as long as the phrase stays. Rows of one event share an event code and are drawn once
(`timeline`); the codes of key milestones are event codes too. A row that no reading covers (a later
letter added to the data) is its own event, not a milestone, and goes to a strand by `lane_of`.

Two conventions of the data's text are read as codes: a row whose text starts with "Aangekondigd" tells
of a plan the letter announces (not of something that happened), and a row whose text says "eigen
datering" carries a date that no letter gives (ours).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

READINGS_FILE = Path(__file__).with_name("readings.csv")
# How precisely a letter dates an event (the data's codes), most precise first.
PRECISIONS = ("day", "month", "year")
# The strands, each drawn as its own column, in the order of the columns.
LANE_CODES = ("wage_instruments", "sheltered_work", "pilots_wsw", "participation_act")
DEFAULT_LANE = "participation_act"
# The key milestones of the policy path this chapter follows, in order: the pilots (start, last year,
# results to parliament), the sociaal akkoord (banenafspraak; loonkostensubsidie in place of
# loondispensatie), the two laws of 2015, the duty to offer beschut werk, and the plan for loondispensatie
# in the Participatiewet from the regeerakkoord to its end and the breed offensief.
MILESTONE_CODES = (
    "pilots_start",
    "pilots_last_year",
    "social_agreement",
    "pilot_results",
    "laws_in_force",
    "sheltered_work_duty",
    "coalition_agreement",
    "outline_memo",
    "no_wage_dispensation",
    "broad_offensive",
)
# Matters on which two letters tell the story differently, in the order the chapter discusses them. (The bonus
# beschut werk is none: the letter of 30 June 2017 gives the budget's years, that of 15 June 2018 the years in
# which gemeenten can claim the bonus, and the first award covered places of 2015 and 2016; they agree.)
MATTERS = ("banenafspraak_term", "thermometer_wsw", "sheltered_work_evaluation")
ANNOUNCED_PREFIX = "aangekondigd"
DATED_BY_BOOK_MARK = "eigen datering"
# The fallback rule for rows no reading covers: the first strand one of whose words the text names.
FALLBACK_WORDS = (
    ("wage_instruments", ("loonwaarde", "loondispensatie", "loonkostensubsidie")),
    ("sheltered_work", ("beschut",)),
    ("pilots_wsw", ("Werken naar Vermogen", "Wsw", "sw-bedrijf", "sociale werkplaats")),
)


@dataclass(frozen=True)
class Reading:
    """The chapter's reading of one row: found by letter, page and phrase; its strand, event and matter."""

    source_id: str
    page: int
    phrase: str
    lane: str
    event: str | None = None
    matter: str | None = None
    covered: bool = True


@functools.cache
def readings() -> tuple[Reading, ...]:
    """Return the chapter's reading of every row of the timeline (readings.csv)."""
    with READINGS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Reading(r["source_id"], int(r["page"]), r["phrase"], r["lane"], r["event"] or None, r["matter"] or None)
            for r in csv.DictReader(handle)
        )


def lane_of(event: str) -> str:
    """Return the strand of a row no reading covers: the first strand one of whose words the text names."""
    text = event.lower()
    for lane, words in FALLBACK_WORDS:
        if any(word.lower() in text for word in words):
            return lane
    return DEFAULT_LANE


def matching_readings(source_id: str, page: int, event: str) -> list[Reading]:
    """Return the readings that cover a row (the same letter and page, the phrase in its text)."""
    text = event.lower()
    return [r for r in readings() if r.source_id == source_id and r.page == page and r.phrase.lower() in text]


def reading_of(source_id: str, page: int, event: str) -> Reading:
    """Return the chapter's reading of a row; a row no reading covers gets the fallback strand, uncovered."""
    found = matching_readings(source_id, page, event)
    if found:
        return found[0]
    return Reading(source_id, page, "", lane_of(event), covered=False)


def is_announced(event: str) -> bool:
    """Return whether a row tells of a plan the letter announces (its text starts with "Aangekondigd")."""
    return event.strip().lower().startswith(ANNOUNCED_PREFIX)


# Topics of the findings (the data's codes), in the order the chapter discusses them.
TOPICS = ("overig", "werkgevers", "dienstverlening", "sw_bedrijf", "loonwaarde", "loondispensatie")
# The pilot that tried loondispensatie, found by the word in its name (the letter's own name of the pilot).
WAGE_DISPENSATION_WORD = "loondispensatie"
# The page on which a letter gives the pilots' years, where that is not the page of their aims (the letter of
# 12 July 2013 sets the pilots up "in 2009" on page 1 and says they ran up to and including 2012 on page 2).
PERIOD_PAGES = {"tk-29817-126": 2}


def period_page(source_id: str, page: int) -> int:
    """Return the page on which the letter gives the pilots' years (the page of their aims unless known otherwise)."""
    return PERIOD_PAGES.get(str(source_id), int(page))


def pilot_numbers(text: str) -> list[int]:
    """Return the pilot numbers a finding is attributed to (the data write them as 2;3)."""
    return [int(part) for part in str(text).split(";")]


def pilots_overview(pilots: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Return one row per pilot: name, aim, years, scale, main findings and the pages where the letter says so.

    `page` is where the letter states aim and scale, `pages` the sorted pages of aim, scale and years;
    `finding_pages` are the sorted distinct pages of
    the findings attributed to that pilot alone or with some (not all) of the others (the lessons of
    all pilots together belong to none of them in particular).
    """
    all_pilots = pilots["pilot"].astype(int).tolist()
    own = findings.assign(pilots=findings["pilot"].map(pilot_numbers)).loc[lambda f: f["pilots"].map(len) < len(all_pilots)]
    rows = []
    for _, pilot in pilots.sort_values("pilot").iterrows():
        number = int(pilot["pilot"])
        finding_pages = [page for page, found in zip(own["page"], own["pilots"]) if number in found]
        rows.append(
            {
                "pilot": number,
                "name": pilot["name"],
                "aim": pilot["aim"],
                "period_start": int(pilot["period_start"]),
                "period_end": int(pilot["period_end"]),
                "scale_value": None if pd.isna(pilot["scale_value"]) else float(pilot["scale_value"]),
                "scale_unit": None if pd.isna(pilot["scale_unit"]) else str(pilot["scale_unit"]),
                "findings": pilot["findings"],
                "page": int(pilot["page"]),
                "pages": sorted({int(pilot["page"]), period_page(pilot["source_id"], pilot["page"])}),
                "finding_pages": sorted({int(p) for p in finding_pages}),
                "source_id": pilot["source_id"],
            }
        )
    return pd.DataFrame(rows)


def pilots_summary(pilots: pd.DataFrame) -> dict[str, int]:
    """Return how many pilots there were and their first and last year (the letter gives no months)."""
    return {
        "pilots": len(pilots),
        "first_year": int(pilots["period_start"].astype(int).min()),
        "last_year": int(pilots["period_end"].astype(int).max()),
    }


def wage_dispensation_pilot(pilots: pd.DataFrame) -> pd.Series:
    """Return the row of the pilot that tried loondispensatie (the first whose name has the word)."""
    return pilots.loc[pilots["name"].str.contains(WAGE_DISPENSATION_WORD, case=False)].iloc[0]


def findings_by_topic(findings: pd.DataFrame, pilots: pd.DataFrame) -> pd.DataFrame:
    """Return the pilots' findings grouped by topic (general lessons first), with the pilots they come from.

    `pilots` holds the sorted pilot numbers of each finding; `all_pilots` says the finding is a lesson
    of every pilot.
    """
    every = sorted(pilots["pilot"].astype(int).tolist())
    order = {topic: i for i, topic in enumerate(TOPICS)}
    numbers = findings["pilot"].map(lambda p: sorted(pilot_numbers(p)))
    return (
        findings.assign(
            pilots=numbers,
            all_pilots=numbers.map(lambda n: n == every),
            _order=findings["topic"].map(order),
            _row=range(len(findings)),
        )
        .sort_values(["_order", "_row"])[["topic", "finding", "pilots", "all_pilots", "source_id", "page"]]
        .reset_index(drop=True)
    )


def findings_per_topic(findings: pd.DataFrame) -> pd.DataFrame:
    """Return how many rows of our split of the letter's summary fall under each topic, in the chapter's order."""
    counts = findings.groupby("topic")["finding"].size().reindex([t for t in TOPICS if t in set(findings["topic"])])
    return pd.DataFrame({"topic": counts.index, "findings": counts.to_numpy()})


# --- the timeline ------------------------------------------------------------------------------


def span(date_text: str, precision: str) -> tuple[date, date]:
    """Return the first and last day of a date as precise as the letter gives it (a day, a month or a year)."""
    parts = [int(p) for p in date_text.split("-")]
    if precision == "day":
        day = date(*parts)
        return day, day
    if precision == "month":
        year, month = parts
        return date(year, month, 1), (pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)).date()
    if precision == "year":
        (year,) = parts
        return date(year, 1, 1), date(year, 12, 31)
    raise ValueError(f"unknown date precision {precision!r}")


def placement(
    date_text: str, precision: str, letter: date | None = None, announced: bool = False
) -> tuple[date, date, date]:
    """Return where an event sits on the time axis: (first day, anchor day, last day).

    A letter tells of what happened before it and of what is planned after it. So the span of a date
    the letter gives only as a month or a year is cut at the letter's date: an event that happened
    ends by the letter, a plan it announces starts no earlier than the letter (the Thermometer Wsw
    announced in April 2017 for "eind 2017" is not drawn before April 2017). The anchor is the day
    itself, or the middle of the (cut) span: the point least far from wherever in that span the
    event really fell, used only to attach a label or sort; a month or year is drawn as its span.
    """
    first, last = span(date_text, precision)
    if letter is not None and precision != "day":
        if announced:
            first = min(max(first, letter), last)
        else:
            last = max(min(last, letter), first)
    anchor = first + (last - first) / 2
    return first, date(anchor.year, anchor.month, anchor.day), last


def letter_dates(sources: pd.DataFrame) -> dict[str, date]:
    """Return the date of every letter by its id."""
    ids = sources["id"] if "id" in sources.columns else sources.index
    return {s: pd.Timestamp(d).date() for s, d in zip(ids, sources["date"])}


def accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return every row of the timeline with how the chapter reads it: strand, event, matter, plan or not, dates.

    `event` is the code of the event the row tells of (rows of one event share it; a row that no
    reading covers is its own event, `row-<n>`); `milestone` says the event is a key milestone;
    `announced` that the letter announces it as a plan; `dated_by_book` that the year is ours, not the
    letter's. `start`, `anchor` and `end` come from `placement` with the row's letter date.
    """
    dated = letter_dates(sources)
    rows = []
    for position, (_, row) in enumerate(events.iterrows()):
        reading = reading_of(row["source_id"], int(row["page"]), row["event"])
        announced = is_announced(row["event"])
        letter = dated[row["source_id"]]
        start, anchor, end = placement(row["date"], row["precision"], letter, announced)
        rows.append(
            {
                **{c: row[c] for c in ("date", "precision", "event", "source_id", "page", "section")},
                "page": int(row["page"]),
                "row": position,
                "letter_date": letter,
                "lane": reading.lane,
                "event_code": reading.event or f"row-{position}",
                "milestone": reading.event in MILESTONE_CODES,
                "matter": reading.matter,
                "covered": reading.covered,
                "announced": announced,
                "dated_by_book": DATED_BY_BOOK_MARK in row["event"],
                "start": start,
                "anchor": anchor,
                "end": end,
            }
        )
    return pd.DataFrame(rows)


def timeline(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the events of the policy path, oldest first: one row per event, its accounts merged.

    Where several rows tell of one event (the sociaal akkoord in three letters; the duty to offer
    beschut werk on two pages of one letter), the event takes the most precise date any of them gives
    (a tie: the older letter), their texts in the order of the letters, and every letter and page
    (`sources`: a tuple of (source_id, page)). `source_id` is the letter whose date the event takes;
    `newest_source_id` the newest letter that tells of it.
    """
    frame = accounts(events, sources)
    if frame.empty:
        return frame
    rank = {p: i for i, p in enumerate(PRECISIONS)}
    drawn = []
    for _, group in frame.groupby("event_code", sort=False):
        ordered = group.sort_values(["letter_date", "page", "row"])
        lead = ordered.assign(_rank=ordered["precision"].map(rank)).sort_values(["_rank", "letter_date", "row"]).iloc[0]
        drawn.append(
            {
                **lead.drop(["_rank", "matter", "row"]).to_dict(),
                "row": int(ordered["row"].min()),
                "event": " ".join(ordered["event"]),
                "sources": tuple(zip(ordered["source_id"], ordered["page"])),
                "newest_source_id": ordered["source_id"].iloc[-1],
                "accounts": len(ordered),
                "announced": bool(ordered["announced"].any()),
                "dated_by_book": bool(ordered["dated_by_book"].any()),
            }
        )
    order = {p: i for i, p in enumerate(PRECISIONS)}
    result = pd.DataFrame(drawn)
    return (
        result.assign(_precise=result["precision"].map(order))
        .sort_values(["start", "_precise", "end", "row"])
        .drop(columns="_precise")
        .reset_index(drop=True)
    )


def timeline_summary(frame: pd.DataFrame) -> dict[str, int]:
    """Return the timeline's counts: events, rows, letters, first and last year, imprecise dates, milestones, plans."""
    letters = {s for pairs in frame["sources"] for s, _ in pairs}
    return {
        "events": len(frame),
        "accounts": int(frame["accounts"].sum()),
        "letters": len(letters),
        "first_year": min(d.year for d in frame["start"]),
        "last_year": max(d.year for d in frame["end"]),
        "year_only": int((frame["precision"] == "year").sum()),
        "month_only": int((frame["precision"] == "month").sum()),
        "milestones": int(frame["milestone"].sum()),
        "announced": int(frame["announced"].sum()),
        "merged": int((frame["accounts"] > 1).sum()),
    }


def event_of(frame: pd.DataFrame, code: str) -> pd.Series | None:
    """Return the event with this code from `timeline` (None when the data do not have it)."""
    hits = frame.loc[frame["event_code"] == code]
    return None if hits.empty else hits.iloc[0]


def latest_step(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the latest step on the policy path in the data: the events of the latest date, from its newest letter.

    A step is an event that had happened by the date of its letter (no announced plan). Its date is
    its anchor, never later than its letter. Of several events on that date, those of the newest
    letter count, key milestones first.
    """
    done = frame.loc[~frame["announced"] & (frame["start"] <= frame["letter_date"])]
    if done.empty:
        return done
    when = done["anchor"].combine(done["letter_date"], min)
    latest = done.loc[when == when.max()]
    newest = latest.loc[latest["letter_date"] == latest["letter_date"].max()]
    return newest.sort_values(["milestone", "row"], ascending=[False, True])


def differing_accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return, per matter on which letters differ, the versions of each letter side by side, oldest letter first.

    A matter that only one letter tells of is left out.
    """
    columns = ["matter", "source_id", "letter_date", "page", "date", "precision", "event"]
    frame = accounts(events, sources)
    frame = frame.loc[frame["matter"].notna(), columns] if not frame.empty else pd.DataFrame(columns=columns)
    frame = frame.loc[frame.groupby("matter")["source_id"].transform("nunique") > 1]
    order = {matter: i for i, matter in enumerate(MATTERS)}
    return (
        frame.assign(_order=frame["matter"].map(order))
        .sort_values(["_order", "letter_date", "page"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
