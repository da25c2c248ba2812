"""Pilots Werken naar Vermogen (2009–2012) and the policy path the letters describe after them: the analyses.

The pilots and their findings come from the letter of July 2013 (tk-29817-126); the timeline draws on all
five letters, up to the decision of September 2018 (ek-34775-ak) not to bring loondispensatie into the
Participatiewet. Topics, strands (lanes), events, milestones, date precisions and matters are codes; their
Dutch names are in the chapter's labels.

How the chapter reads each row of the timeline (its strand, its event, the matter on which letters differ) is
its own reading, written per row in `readings.csv`: a row is found by its letter, page and a phrase of its text,
so a corrected date or a reworded text keeps its reading. A row no reading covers is its own event (`lane_of`).
A text starting with "Aangekondigd" tells of a plan the letter announces; one saying "eigen datering" carries a
date that no letter gives (ours).
"""

import csv
import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from ...figures.sources import by_id

# How precisely a letter dates an event (the data's codes), most precise first, with its pandas period.
PRECISIONS = {"day": "D", "month": "M", "year": "Y"}
# The strands, each drawn as its own column, in the order of the columns.
LANE_CODES = ("wage_instruments", "sheltered_work", "pilots_wsw", "participation_act")
DEFAULT_LANE = "participation_act"
# The key milestones of the policy path, in order: the pilots (start, last year, results to parliament), the
# sociaal akkoord (banenafspraak; loonkostensubsidie in place of loondispensatie), the two laws of 2015, the duty
# to offer beschut werk, the plan for loondispensatie in the Participatiewet up to its end, the breed offensief.
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
# The fallback rule for rows no reading covers: the first strand one of whose words the text names.
FALLBACK_WORDS = (
    ("wage_instruments", ("loonwaarde", "loondispensatie", "loonkostensubsidie")),
    ("sheltered_work", ("beschut",)),
    ("pilots_wsw", ("werken naar vermogen", "wsw", "sw-bedrijf", "sociale werkplaats")),
)
# Topics of the findings (the data's codes), in the order the chapter discusses them.
TOPICS = ("overig", "werkgevers", "dienstverlening", "sw_bedrijf", "loonwaarde", "loondispensatie")
# The page on which a letter gives the pilots' years, where that is not the page of their aims (the letter of
# 12 July 2013 sets the pilots up "in 2009" on page 1 and says they ran up to and including 2012 on page 2).
PERIOD_PAGES = {"tk-29817-126": 2}


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
    with Path(__file__).with_name("readings.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            Reading(r["source_id"], int(r["page"]), r["phrase"], r["lane"], r["event"] or None, r["matter"] or None)
            for r in csv.DictReader(handle)
        )


def lane_of(event: str) -> str:
    """Return the strand of a row no reading covers: the first strand one of whose words the text names."""
    text = event.lower()
    return next((lane for lane, words in FALLBACK_WORDS if any(word in text for word in words)), DEFAULT_LANE)


def matching_readings(source_id: str, page: int, event: str) -> list[Reading]:
    """Return the readings that cover a row (the same letter and page, the phrase in its text)."""
    text = event.lower()
    return [r for r in readings() if r.source_id == source_id and r.page == page and r.phrase.lower() in text]


def reading_of(source_id: str, page: int, event: str) -> Reading:
    """Return the chapter's reading of a row; a row no reading covers gets the fallback strand, uncovered."""
    found = matching_readings(source_id, page, event)
    return found[0] if found else Reading(source_id, page, "", lane_of(event), covered=False)


def is_announced(event: str) -> bool:
    """Return whether a row tells of a plan the letter announces (its text starts with "Aangekondigd")."""
    return event.strip().lower().startswith("aangekondigd")


def period_page(source_id: str, page: int) -> int:
    """Return the page on which the letter gives the pilots' years (the page of their aims unless known otherwise)."""
    return PERIOD_PAGES.get(str(source_id), int(page))


def pilot_numbers(text: str) -> list[int]:
    """Return the pilot numbers a finding is attributed to (the data write them as 2;3)."""
    return [int(part) for part in str(text).split(";")]


def pilots_overview(pilots: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Return one row per pilot: name, aim, years, scale, main findings and the pages where the letter says so.

    `finding_pages` leaves out the lessons of all pilots together: they belong to none in particular.
    """
    types = {"pilot": int, "period_start": int, "period_end": int, "scale_value": float, "page": int}
    columns = ["pilot", "name", "aim", "period_start", "period_end", "scale_value", "scale_unit", "findings", "page"]
    frame = pilots.sort_values("pilot").reset_index(drop=True).astype(types)
    own = findings.assign(pilots=findings["pilot"].map(pilot_numbers)).loc[lambda f: f["pilots"].map(len) < len(pilots)]
    return frame[columns].assign(
        pages=[sorted({p, period_page(s, p)}) for s, p in zip(frame["source_id"], frame["page"])],
        finding_pages=[
            sorted({int(p) for p, found in zip(own["page"], own["pilots"]) if n in found}) for n in frame["pilot"]
        ],
        source_id=frame["source_id"],
    )


def pilots_summary(pilots: pd.DataFrame) -> dict[str, int]:
    """Return how many pilots there were and their first and last year (the letter gives no months)."""
    return {
        "pilots": len(pilots),
        "first_year": int(pilots["period_start"].astype(int).min()),
        "last_year": int(pilots["period_end"].astype(int).max()),
    }


def wage_dispensation_pilot(pilots: pd.DataFrame) -> pd.Series:
    """Return the row of the pilot that tried loondispensatie (the first with the word in its name, the letter's)."""
    return pilots.loc[pilots["name"].str.contains("loondispensatie", case=False)].iloc[0]


def findings_by_topic(findings: pd.DataFrame, pilots: pd.DataFrame) -> pd.DataFrame:
    """Return the findings by topic (general lessons first), with their sorted pilots and whether that is all."""
    numbers = findings["pilot"].map(lambda p: sorted(pilot_numbers(p)))
    every = sorted(pilots["pilot"].astype(int))
    return (
        findings.assign(pilots=numbers, all_pilots=numbers.map(lambda n: n == every))
        .sort_values("topic", key=lambda t: t.map(TOPICS.index), kind="stable")[
            ["topic", "finding", "pilots", "all_pilots", "source_id", "page"]
        ]
        .reset_index(drop=True)
    )


def findings_per_topic(findings: pd.DataFrame) -> pd.DataFrame:
    """Return how many rows of our split of the letter's summary fall under each topic, in the chapter's order."""
    counts = findings.groupby("topic").size()
    return counts.reindex([t for t in TOPICS if t in counts.index]).rename_axis("topic").reset_index(name="findings")


# --- the timeline ------------------------------------------------------------------------------


def span(date_text: str, precision: str) -> tuple[date, date]:
    """Return the first and last day of a date as precise as the letter gives it (a day, a month or a year)."""
    if precision not in PRECISIONS:
        raise ValueError(f"unknown date precision {precision!r}")
    period = pd.Period(date_text, freq=PRECISIONS[precision])
    if str(period) != date_text:  # a date more or less precise than its code says
        raise ValueError(f"date {date_text!r} is not of precision {precision!r}")
    return period.start_time.date(), period.end_time.date()


def placement(
    date_text: str, precision: str, letter: date | None = None, announced: bool = False
) -> tuple[date, date, date]:
    """Return where an event sits on the time axis: (first day, anchor day, last day).

    A month or year is cut at the letter's date: what happened ends by the letter, a plan it announces
    starts no earlier (the Thermometer Wsw announced in April 2017 for "eind 2017" is not drawn before
    April 2017). The anchor, the middle of the (cut) span, only attaches a label or sorts.
    """
    first, last = span(date_text, precision)
    if letter is not None and precision != "day":
        if announced:
            first = min(max(first, letter), last)
        else:
            last = max(min(last, letter), first)
    return first, first + (last - first) / 2, last


def accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return every row of the timeline with how the chapter reads it: strand, event, matter, plan or not, dates.

    A row no reading covers is its own event (`row-<n>`); `dated_by_book` says the year is ours, not the letter's.
    """
    frame = events[["date", "precision", "event", "source_id", "page", "section"]].reset_index(drop=True)
    frame = frame.assign(
        page=frame["page"].astype(int),
        row=frame.index,
        letter_date=frame["source_id"].map({s: pd.Timestamp(d).date() for s, d in by_id(sources)["date"].items()}),
        announced=frame["event"].map(is_announced),
        dated_by_book=frame["event"].str.contains("eigen datering", regex=False).astype(bool),
    )
    read = [reading_of(*row) for row in zip(frame["source_id"], frame["page"], frame["event"])]
    places = [placement(*row) for row in zip(frame["date"], frame["precision"], frame["letter_date"], frame["announced"])]
    return frame.assign(
        lane=[r.lane for r in read],
        event_code=[r.event or f"row-{n}" for n, r in enumerate(read)],
        milestone=[r.event in MILESTONE_CODES for r in read],
        matter=[r.matter for r in read],
        covered=[r.covered for r in read],
        start=[p[0] for p in places],
        anchor=[p[1] for p in places],
        end=[p[2] for p in places],
    )


def timeline(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the events of the policy path, oldest first: one row per event, its accounts merged.

    An event told by several rows (the sociaal akkoord in three letters) takes the most precise date any gives
    (a tie: the older letter, its `source_id`), their texts in the letters' order and every (letter, page).
    """
    frame = accounts(events, sources)
    if frame.empty:
        return frame
    frame = frame.assign(
        _precise=frame["precision"].map(list(PRECISIONS).index), _pair=list(zip(frame["source_id"], frame["page"]))
    )
    merged = (
        frame.sort_values(["letter_date", "page", "row"])
        .groupby("event_code", sort=False)
        .agg(
            row=("row", "min"),
            event=("event", " ".join),
            sources=("_pair", tuple),
            newest_source_id=("source_id", "last"),
            accounts=("row", "size"),
            announced=("announced", "any"),
            dated_by_book=("dated_by_book", "any"),
        )
    )
    lead = frame.sort_values(["_precise", "letter_date", "row"]).drop_duplicates("event_code").set_index("event_code")
    return (
        lead.drop(columns=["matter", "_pair"])
        .assign(**merged)
        .reset_index()
        .sort_values(["start", "_precise", "end", "row"])
        .drop(columns="_precise")
        .reset_index(drop=True)
    )


def timeline_summary(frame: pd.DataFrame) -> dict[str, int]:
    """Return the timeline's counts: events, rows, letters, first and last year, imprecise dates, milestones, plans."""
    return {
        "events": len(frame),
        "accounts": int(frame["accounts"].sum()),
        "letters": len({s for pairs in frame["sources"] for s, _ in pairs}),
        "first_year": min(d.year for d in frame["start"]),
        "last_year": max(d.year for d in frame["end"]),
        "year_only": int((frame["precision"] == "year").sum()),
        "month_only": int((frame["precision"] == "month").sum()),
        "milestones": int(frame["milestone"].sum()),
        "announced": int(frame["announced"].sum()),
        "merged": int((frame["accounts"] > 1).sum()),
    }


def latest_step(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the latest step on the policy path in the data: the events of the latest date, from its newest letter.

    A step had happened by its letter (no announced plan); its date is its anchor, never later than its
    letter. Of several events on that date, those of the newest letter count, key milestones first.
    """
    done = frame.loc[~frame["announced"] & (frame["start"] <= frame["letter_date"])]
    if done.empty:
        return done
    when = done["anchor"].combine(done["letter_date"], min)
    latest = done.loc[when == when.max()]
    newest = latest.loc[latest["letter_date"] == latest["letter_date"].max()]
    return newest.sort_values(["milestone", "row"], ascending=[False, True])


def differing_accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return, per matter that two or more letters tell differently, each letter's version, oldest letter first."""
    frame = accounts(events, sources)
    frame = frame.loc[frame["matter"].notna(), ["matter", "source_id", "letter_date", "page", "date", "precision", "event"]]
    frame = frame.loc[frame.groupby("matter")["source_id"].transform("nunique") > 1]
    return (
        frame.assign(_order=frame["matter"].map(MATTERS.index))
        .sort_values(["_order", "letter_date", "page"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
