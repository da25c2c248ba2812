"""Pilots Werken naar Vermogen (2009–2012) and the policy path the letters describe after them: the analyses.

Sources: the four pilots and their findings come from the letter of July 2013 (tk-29817-126); the
timeline draws on all five letters, up to the decision of September 2018 (ek-34775-ak) not to bring
loondispensatie into the Participatiewet. The theme has no figure table: it reads the tables `pilots`,
`pilots_findings` and `policy_timeline`, so it has no printed figure the book could recompute and
registers no checks.

Tables in, frames and numbers out, without display text: topics, strands (lanes), milestones, date
precisions and matters are codes; their Dutch names live in the presentation. The rules that read the
data's Dutch event texts (which strand, which milestone, which matter) are analysis and live here, with
their assumptions written where they are made.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

# Topics of the findings (the data's codes), in the order the chapter discusses them.
TOPICS = ("overig", "werkgevers", "dienstverlening", "sw_bedrijf", "loonwaarde", "loondispensatie")
# How precisely a letter dates an event (the data's codes).
PRECISIONS = ("day", "month", "year")

# The strands of the timeline, each drawn as its own column. An event goes to the first strand one of
# whose words occurs in its text (case-insensitive), so that e.g. "geen loondispensatie in de
# Participatiewet" counts as loondispensatie and the Wsw closing to make room for beschut werk as
# beschut werk; an event without any of the words concerns the Participatiewet and its target group in
# general and goes to the last strand. The words are the instruments' and laws' own names.
LANES = (
    (
        "wage_instruments",
        ("loonwaarde", "loondispensatie", "loonkostensubsidie", "vrijlaten van loon", "lage-inkomensvoordeel", "LIV"),
    ),
    ("sheltered_work", ("beschut",)),
    ("pilots_wsw", ("pilot", "Wsw", "sw-bedrijf", "sociale werkplaats")),
    ("participation_act", ()),
)
LANE_CODES = tuple(code for code, _ in LANES)
DEFAULT_LANE = LANES[-1][0]

# The key milestones of the policy path this chapter follows, marked and labelled in the timeline:
# the pilots (start, last year, results to parliament), the sociaal akkoord that agreed the
# banenafspraak and loonkostensubsidie in place of loondispensatie, the two laws of 2015, the duty to
# offer beschut werk, and the plan for loondispensatie in the Participatiewet from the regeerakkoord
# to its end and the breed offensief. Each is found by a word of its event text and its date (the
# date only decides between several events with the word, so a corrected date keeps the mark); a
# milestone that is not in the data is simply not marked. Rows: (code, date, word).
MILESTONES = (
    ("pilots_start", "2009", "pilots"),
    ("pilots_last_year", "2012", "laatste jaar"),
    ("social_agreement", "2013-04", "sociaal akkoord"),
    ("pilot_results", "2013-07-12", "eindrapporten"),
    ("laws_in_force", "2015", "treden in werking"),
    ("sheltered_work_duty", "2017-01-01", "verplicht beschut werk"),
    ("coalition_agreement", "2017", "regeerakkoord"),
    ("outline_memo", "2018-03-27", "hoofdlijnennotitie"),
    ("no_wage_dispensation", "2018-09-07", "ziet af van loondispensatie"),
    ("broad_offensive", "2018-09-07", "breed offensief"),
)
MILESTONE_CODES = tuple(code for code, _, _ in MILESTONES)

# Matters on which two letters tell the story differently, found in the timeline by words that must
# all occur in an event; the chapter shows the letters' versions side by side (a matter that only one
# letter mentions is left out). Rows: (code, words).
DIFFERING_ACCOUNTS = (
    ("banenafspraak_term", ("sociaal akkoord", "arbeidsplaatsen")),
    ("sheltered_work_evaluation", ("onderzoek naar beschut werk",)),
)
# The breed offensief's aim of one national method for loonwaarde, which the chapter sets against the
# pilot researchers' call of 2013 for common rules for all methods.
STANDARD_METHOD_WORD = "standaardmethode"
# The pilot that tried loondispensatie, found by the word in its name.
WAGE_DISPENSATION_WORD = "loondispensatie"


def pilot_numbers(text: str) -> list[int]:
    """Return the pilot numbers a finding is attributed to (the data write them as 2;3)."""
    return [int(part) for part in str(text).split(";")]


def placement(date_text: str, precision: str) -> tuple[date, date, date]:
    """Return where an event sits on the time axis: (first day, plotted day, last day) of its date.

    A day is itself. A month is plotted on its 15th and a year on 1 July: when the letter gives only a
    month or a year, the middle is the point least far from wherever in that span the event really
    fell, while 1 January would claim a start of the year the letter does not state (the regeerakkoord
    of 2017 came in the autumn, the Inspectie's 2016 study in the autumn). The first and last day let
    the chart draw the whole span, so a reader sees the date is imprecise.
    """
    parts = [int(p) for p in date_text.split("-")]
    if precision == "day":
        day = date(*parts)
        return day, day, day
    if precision == "month":
        year, month = parts
        last = (pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)).date()
        return date(year, month, 1), date(year, month, 15), last
    if precision == "year":
        (year,) = parts
        return date(year, 1, 1), date(year, 7, 1), date(year, 12, 31)
    raise ValueError(f"unknown date precision {precision!r}")


def lane_of(event: str) -> str:
    """Return the code of the strand of the policy path an event belongs to (see LANES for the rule)."""
    text = event.lower()
    for lane, words in LANES:
        if any(word.lower() in text for word in words):
            return lane
    return DEFAULT_LANE


def pilots_overview(pilots: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """Return one row per pilot: name, aim, years, scale, main findings and the pages where the letter says so.

    `page` is where the letter states aim and scale; `finding_pages` are the sorted distinct pages of
    the findings attributed to that pilot alone or with some (not all) of the others (the lessons of
    all pilots together belong to none of them in particular).
    """
    all_pilots = pilots["pilot"].astype(int).tolist()
    own = findings.assign(pilots=findings["pilot"].map(pilot_numbers)).loc[lambda f: f["pilots"].map(len) < len(all_pilots)]
    rows = []
    for _, pilot in pilots.sort_values("pilot").iterrows():
        number = int(pilot["pilot"])
        finding_pages = [page for page, found in zip(own["page"], own["pilots"]) if number in found]
        start, end = int(pilot["period_start"]), int(pilot["period_end"])
        rows.append(
            {
                "pilot": number,
                "name": pilot["name"],
                "aim": pilot["aim"],
                "period_start": start,
                "period_end": end,
                "years": end - start + 1,
                "scale_value": None if pd.isna(pilot["scale_value"]) else float(pilot["scale_value"]),
                "scale_unit": None if pd.isna(pilot["scale_unit"]) else str(pilot["scale_unit"]),
                "findings": pilot["findings"],
                "page": int(pilot["page"]),
                "finding_pages": sorted({int(p) for p in finding_pages}),
                "source_id": pilot["source_id"],
            }
        )
    return pd.DataFrame(rows)


def pilots_summary(pilots: pd.DataFrame) -> dict[str, int]:
    """Return how many pilots there were, their first and last year, and the longest run in years."""
    start, end = pilots["period_start"].astype(int), pilots["period_end"].astype(int)
    return {
        "pilots": len(pilots),
        "first_year": int(start.min()),
        "last_year": int(end.max()),
        "longest_years": int((end - start + 1).max()),
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
    """Return how many findings the letter gives per topic, in the chapter's order of topics."""
    counts = findings.groupby("topic")["finding"].size().reindex([t for t in TOPICS if t in set(findings["topic"])])
    return pd.DataFrame({"topic": counts.index, "findings": counts.to_numpy()})


def years_to_standard_method(events: pd.DataFrame, sources: pd.DataFrame, pilots_source: str) -> int | None:
    """Return the years from the pilots' letter to the plan for one national loonwaarde method (None if absent)."""
    hits = events.loc[events["event"].str.contains(STANDARD_METHOD_WORD, case=False, regex=False)]
    if hits.empty:
        return None
    info = sources.set_index("id", drop=False) if sources.index.name != "id" else sources
    planned = min(placement(d, p)[0].year for d, p in zip(hits["date"], hits["precision"]))
    return planned - pd.Timestamp(info.loc[pilots_source, "date"]).year


def milestones(events: pd.DataFrame) -> pd.Series:
    """Return the milestone code of each timeline row that is a key milestone (see MILESTONES), by row index."""
    found = {}
    for code, when, word in MILESTONES:
        hits = events.loc[events["event"].str.contains(word, case=False, regex=False)]
        on_date = hits.loc[hits["date"] == when]
        if not on_date.empty:
            found.setdefault(on_date.index[0], code)
        elif len(hits) == 1:  # the one event with this word, its date corrected since: still the milestone
            found.setdefault(hits.index[0], code)
    return pd.Series(found, dtype=object, name="milestone")


def timeline(events: pd.DataFrame) -> pd.DataFrame:
    """Return the policy timeline, oldest first: each event's span and plotted day, strand, milestone and source.

    `start`, `plotted` and `end` come from `placement`; `lane` is the strand's code (`lane_of`);
    `milestone` the milestone's code (missing for other events).
    """
    placed = events["date"].combine(events["precision"], placement)
    marks = milestones(events)
    frame = events.assign(
        start=placed.map(lambda p: p[0]),
        plotted=placed.map(lambda p: pd.Timestamp(p[1])),
        end=placed.map(lambda p: p[2]),
        lane=events["event"].map(lane_of),
        milestone=events.index.map(marks.to_dict()).astype(object),
        _row=range(len(events)),
    )
    return (
        frame.assign(is_milestone=frame["milestone"].notna())
        .sort_values(["plotted", "_row"])[
            [
                "date",
                "precision",
                "plotted",
                "start",
                "end",
                "lane",
                "is_milestone",
                "milestone",
                "event",
                "source_id",
                "page",
                "section",
            ]
        ]
        .reset_index(drop=True)
    )


def timeline_summary(frame: pd.DataFrame) -> dict[str, int]:
    """Return the timeline's counts: events, letters, first and last year, events dated by year or month only, milestones."""
    years = frame["plotted"].dt.year
    precision = frame["precision"].value_counts()
    return {
        "events": len(frame),
        "letters": int(frame["source_id"].nunique()),
        "first_year": int(years.min()),
        "last_year": int(years.max()),
        "year_only": int(precision.get("year", 0)),
        "month_only": int(precision.get("month", 0)),
        "milestones": int(frame["is_milestone"].sum()),
    }


def differing_accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return, per matter on which letters differ, the versions of each letter side by side, oldest letter first."""
    info = sources.set_index("id", drop=False) if sources.index.name != "id" else sources
    columns = ["matter", "source_id", "letter_date", "page", "date", "precision", "event"]
    rows = []
    text = events["event"].str.lower()
    for matter, words in DIFFERING_ACCOUNTS:
        hits = events.loc[pd.concat([text.str.contains(w.lower(), regex=False) for w in words], axis=1).all(axis=1)]
        for _, row in hits.iterrows():
            rows.append(
                {
                    "matter": matter,
                    "source_id": row["source_id"],
                    "letter_date": info.loc[row["source_id"], "date"],
                    "page": int(row["page"]),
                    "date": row["date"],
                    "precision": row["precision"],
                    "event": row["event"],
                }
            )
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.loc[frame.groupby("matter")["source_id"].transform("nunique") > 1]
    order = {matter: i for i, (matter, _) in enumerate(DIFFERING_ACCOUNTS)}
    return (
        frame.assign(_order=frame["matter"].map(order))
        .sort_values(["_order", "letter_date"], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )
