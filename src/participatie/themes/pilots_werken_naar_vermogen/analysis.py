"""Pilots Werken naar Vermogen: the analyses (figures in, frames out)."""

from __future__ import annotations

from datetime import date

import pandas as pd
from babel.dates import format_date

from ...presentation import formatting, references
from ...presentation.labels import LOCALE

THEME = "pilots"
TABLES = ("pilots", "pilots_findings", "policy_timeline")

# Topics of the findings, in the order the chapter discusses them, with their Dutch headings.
TOPIC_TEXT = {
    "overig": "Algemene lessen",
    "werkgevers": "Werkgevers",
    "dienstverlening": "Dienstverlening van gemeenten en UWV",
    "sw_bedrijf": "Sw-bedrijf",
    "loonwaarde": "Loonwaarde",
    "loondispensatie": "Loondispensatie",
}
PRECISION_TEXT = {"day": "dag", "month": "maand", "year": "alleen jaar"}
PRECISION_SHAPE = {"dag": "circle", "maand": "square", "alleen jaar": "diamond"}

# The strands of the timeline, each drawn as its own column. An event goes to the first strand one of
# whose words occurs in its text (case-insensitive), so that e.g. "geen loondispensatie in de
# Participatiewet" counts as loondispensatie and the Wsw closing to make room for beschut werk as
# beschut werk; an event without any of the words concerns the Participatiewet and its target group in
# general and goes to the last strand. The words are the instruments' and laws' own names.
LANES = (
    ("Loonwaarde, loondispensatie, loonkostensubsidie",
     ("loonwaarde", "loondispensatie", "loonkostensubsidie", "vrijlaten van loon", "lage-inkomensvoordeel", "LIV")),
    ("Beschut werk", ("beschut",)),
    ("Pilots en Wsw", ("pilot", "Wsw", "sw-bedrijf", "sociale werkplaats")),
    ("Participatiewet en banenafspraak", ()),
)
DEFAULT_LANE = LANES[-1][0]

# The key milestones of the policy path this chapter follows, marked and labelled in the timeline:
# the pilots (start, last year, results to parliament), the sociaal akkoord that agreed the
# banenafspraak and loonkostensubsidie in place of loondispensatie, the two laws of 2015, the duty to
# offer beschut werk, and the plan for loondispensatie in the Participatiewet from the regeerakkoord
# to its end and the breed offensief. Each is found by a word of its event text and its date (the
# date only decides between several events with the word, so a corrected date keeps the mark); a
# milestone that is not in the data is simply not marked.
MILESTONES = (
    ("2009", "pilots", "Start van de pilots Werken naar Vermogen"),
    ("2012", "laatste jaar", "Laatste jaar van de pilots"),
    ("2013-04", "sociaal akkoord", "Sociaal akkoord"),
    ("2013-07-12", "eindrapporten", "Uitkomsten van de pilots naar de Kamer"),
    ("2015", "treden in werking", "Participatiewet en Wet banenafspraak van kracht"),
    ("2017-01-01", "verplicht beschut werk", "Gemeenten verplicht beschut werk aan te bieden"),
    ("2017", "regeerakkoord", "Regeerakkoord: loondispensatie in de Participatiewet"),
    ("2018-03-27", "hoofdlijnennotitie", "Hoofdlijnennotitie loondispensatie"),
    ("2018-09-07", "ziet af van loondispensatie", "Geen loondispensatie in de Participatiewet"),
    ("2018-09-07", "breed offensief", "breed offensief"),
)

# Matters on which two letters tell the story differently, found in the timeline by words that must
# all occur in an event; the chapter shows the letters' versions side by side (a matter that only one
# letter mentions is left out).
DIFFERING_ACCOUNTS = (
    ("Termijn van de banenafspraak uit het sociaal akkoord", ("sociaal akkoord", "arbeidsplaatsen")),
    ("Evaluatie van beschut werk", ("onderzoek naar beschut werk",)),
)
# The breed offensief's aim of one national method for loonwaarde, which the chapter sets against the
# pilot researchers' call of 2013 for common rules for all methods.
STANDARD_METHOD_WORD = "standaardmethode"

NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")

# Layout of the timeline chart (in units of the x scale: one unit per strand).
SLOT_STEP = 0.13  # horizontal step between events that would otherwise overlap within a strand
SLOT_GAP_DAYS = 50  # events closer than this (about eight pixels) share no column within a strand
LABEL_X = len(LANES) + 0.1  # where the milestone labels start, right of the strands
X_MAX = LABEL_X + 6.2


def number_word(n: int) -> str:
    """Return a small count as a Dutch word (vier), larger ones in digits with Dutch separators."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else formatting.number(n)


def pilot_numbers(text: str) -> list[int]:
    """Return the pilot numbers a finding is attributed to (the data write them as 2;3)."""
    return [int(part) for part in str(text).split(";")]


def pilots_text(numbers: list[int], all_pilots: list[int]) -> str:
    """Return which pilots a finding comes from, in Dutch: 4, 2 en 3, or alle pilots."""
    if sorted(numbers) == sorted(all_pilots):
        return "alle pilots"
    words = [str(n) for n in sorted(numbers)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " en " + words[-1]


def pages_text(pages: list[int]) -> str:
    """Return a set of pages as Dutch page text: p. 2, p. 2–3, p. 2, 4."""
    unique = sorted(set(int(p) for p in pages))
    if not unique:
        return ""
    if unique == list(range(unique[0], unique[-1] + 1)) and len(unique) > 1:
        return f"p. {unique[0]}–{unique[-1]}"
    return "p. " + ", ".join(str(p) for p in unique)


def scale_text(value: float | None, unit: str | None) -> str:
    """Return a pilot's scale as Dutch text (32 gemeenten), or – when the letter gives none."""
    if value is None or pd.isna(value):
        return "–"
    text = formatting.value_text(value, unit)
    return text if text != formatting.number(value) else f"{text} {unit}"


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


def date_text(date_value: str, precision: str) -> str:
    """Return an event's date as a Dutch reader writes it, as precise as the letter: 2015, april 2013, 27 maart 2018."""
    first, _, _ = placement(date_value, precision)
    if precision == "day":
        return formatting.long_date(first)
    if precision == "month":
        return format_date(first, "MMMM y", locale=LOCALE)
    return str(first.year)


def lane_of(event: str) -> str:
    """Return the strand of the policy path an event belongs to (see LANES for the rule)."""
    text = event.lower()
    for lane, words in LANES:
        if any(word.lower() in text for word in words):
            return lane
    return DEFAULT_LANE


def _reference(sources: pd.DataFrame, source_id: str) -> str:
    info = sources.set_index("id", drop=False) if sources.index.name != "id" else sources
    return references.source_reference(info.loc[source_id])


def pilots_overview(pilots: pd.DataFrame, findings: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return one row per pilot: name, aim, period, scale, main findings and where the letter says so.

    The page of the pilots table is where the letter states aim and scale; the pages of the findings
    are those of the findings attributed to that pilot alone or with some (not all) of the others.
    """
    all_pilots = pilots["pilot"].astype(int).tolist()
    own = findings.assign(pilots=findings["pilot"].map(pilot_numbers)).loc[lambda f: f["pilots"].map(len) < len(all_pilots)]
    rows = []
    for _, pilot in pilots.sort_values("pilot").iterrows():
        number = int(pilot["pilot"])
        finding_pages = own.loc[own["pilots"].map(lambda p: number in p), "page"].tolist()
        pages = f"p. {int(pilot['page'])}" + (f"; bevindingen {pages_text(finding_pages)}" if finding_pages else "")
        rows.append({
            "pilot": number, "naam": pilot["name"], "doel": pilot["aim"],
            "periode": f"{int(pilot['period_start'])}–{int(pilot['period_end'])}",
            "jaren": int(pilot["period_end"]) - int(pilot["period_start"]) + 1,
            "schaal": scale_text(pilot["scale_value"], pilot["scale_unit"]),
            "bevindingen": pilot["findings"],
            "pagina": pages,
            "bron": f"{_reference(sources, pilot['source_id'])}, {pages}",
            "source_id": pilot["source_id"],
        })
    return pd.DataFrame(rows)


def findings_by_topic(findings: pd.DataFrame, pilots: pd.DataFrame) -> pd.DataFrame:
    """Return the pilots' findings grouped by topic (general lessons first), with the pilots they come from."""
    all_pilots = pilots["pilot"].astype(int).tolist()
    order = {topic: i for i, topic in enumerate(TOPIC_TEXT)}
    return (
        findings.assign(
            onderwerp=findings["topic"].map(TOPIC_TEXT),
            pilots=findings["pilot"].map(lambda p: pilots_text(pilot_numbers(p), all_pilots)),
            _order=findings["topic"].map(order),
            _row=range(len(findings)),
        )
        .sort_values(["_order", "_row"])
        [["topic", "onderwerp", "finding", "pilots", "source_id", "page"]]
        .rename(columns={"finding": "bevinding"})
        .reset_index(drop=True)
    )


def findings_per_topic(findings: pd.DataFrame) -> pd.DataFrame:
    """Return how many findings the letter gives per topic, in the chapter's order of topics."""
    counts = findings.groupby("topic")["finding"].size().reindex([t for t in TOPIC_TEXT if t in set(findings["topic"])])
    return pd.DataFrame({"topic": counts.index, "onderwerp": counts.index.map(TOPIC_TEXT), "bevindingen": counts.to_numpy()})


def years_to_standard_method(events: pd.DataFrame, sources: pd.DataFrame, pilots_source: str) -> int | None:
    """Return the years from the pilots' letter to the plan for one national loonwaarde method (None if absent)."""
    hits = events.loc[events["event"].str.contains(STANDARD_METHOD_WORD, case=False, regex=False)]
    if hits.empty:
        return None
    info = sources.set_index("id", drop=False) if sources.index.name != "id" else sources
    planned = min(placement(d, p)[0].year for d, p in zip(hits["date"], hits["precision"]))
    return planned - pd.Timestamp(info.loc[pilots_source, "date"]).year


def _slots(frame: pd.DataFrame) -> pd.Series:
    """Column within its strand for each event, so that no two overlapping events share one."""
    slot = pd.Series(0, index=frame.index)
    for _, group in frame.groupby("spoor", sort=False):
        ends: list[date] = []
        for index, row in group.sort_values(["begin", "eind"], kind="stable").iterrows():
            start = row["begin"]
            free = next((i for i, end in enumerate(ends) if (start - end).days > SLOT_GAP_DAYS), None)
            if free is None:
                ends.append(row["eind"])
                free = len(ends) - 1
            else:
                ends[free] = row["eind"]
            slot[index] = free
    return slot


def milestones(events: pd.DataFrame) -> pd.DataFrame:
    """Return the timeline rows that are key milestones (see MILESTONES), each with its short Dutch label."""
    found = []
    for when, word, label in MILESTONES:
        hits = events.loc[events["event"].str.contains(word, case=False, regex=False)]
        on_date = hits.loc[hits["date"] == when]
        if not on_date.empty:
            found.append({"index": on_date.index[0], "kernlabel": label})
        elif len(hits) == 1:  # the one event with this word, its date corrected since: still the milestone
            found.append({"index": hits.index[0], "kernlabel": label})
    return pd.DataFrame(found, columns=["index", "kernlabel"]).drop_duplicates("index").set_index("index")


def timeline(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return the policy timeline, oldest first: each event's place on the time axis, strand, milestone label and source."""
    placed = events["date"].combine(events["precision"], placement)
    frame = events.assign(
        begin=placed.map(lambda p: p[0]),
        datum=placed.map(lambda p: pd.Timestamp(p[1])),
        eind=placed.map(lambda p: p[2]),
        datum_tekst=[date_text(d, p) for d, p in zip(events["date"], events["precision"])],
        nauwkeurigheid=events["precision"].map(PRECISION_TEXT),
        spoor=events["event"].map(lane_of),
        bron=[f"{_reference(sources, s)}, p. {int(p)}" for s, p in zip(events["source_id"], events["page"])],
        _row=range(len(events)),
    )
    marks = milestones(events)
    frame = frame.assign(kernlabel=frame.index.map(marks["kernlabel"].to_dict()).astype(object))
    frame = frame.assign(kernmoment=frame["kernlabel"].notna(), slot=_slots(frame))
    lane_index = {lane: i for i, (lane, _) in enumerate(LANES)}
    frame = frame.assign(
        spoor_nr=frame["spoor"].map(lane_index),
        x=frame["spoor"].map(lane_index) + SLOT_STEP * frame["slot"],
    )
    return (
        frame.sort_values(["datum", "_row"])
        .drop(columns="_row")
        [["date", "precision", "datum", "begin", "eind", "datum_tekst", "nauwkeurigheid", "spoor", "spoor_nr", "slot", "x",
          "kernmoment", "kernlabel", "event", "source_id", "page", "section", "bron"]]
        .rename(columns={"event": "gebeurtenis"})
        .reset_index(drop=True)
    )


def milestone_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Return one label per milestone date (labels of the same day joined), for the chart's right-hand column.

    `tekst` is the label on one line; `regels` breaks it after each joined label, so that a day with two
    milestones fits the column beside the strands.
    """
    marked = frame.loc[frame["kernmoment"]]
    return (
        marked.groupby("datum", sort=True)
        .agg(datum_tekst=("datum_tekst", "first"), x=("x", "max"),
             label=("kernlabel", lambda s: "; ".join(dict.fromkeys(s))))
        .reset_index()
        .assign(tekst=lambda f: f["datum_tekst"] + " – " + f["label"].str[:1].str.upper() + f["label"].str[1:],
                regels=lambda f: f["tekst"].str.replace("; ", ";\n", regex=False), label_x=LABEL_X)
    )


def differing_accounts(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Return, per matter on which letters differ, the versions of each letter side by side, oldest letter first."""
    info = sources.set_index("id", drop=False) if sources.index.name != "id" else sources
    rows = []
    text = events["event"].str.lower()
    for matter, words in DIFFERING_ACCOUNTS:
        hits = events.loc[pd.concat([text.str.contains(w.lower(), regex=False) for w in words], axis=1).all(axis=1)]
        for _, row in hits.iterrows():
            rows.append({
                "kwestie": matter, "brief": _reference(sources, row["source_id"]), "brief_datum": info.loc[row["source_id"], "date"],
                "pagina": int(row["page"]), "datering": date_text(row["date"], row["precision"]), "gebeurtenis": row["event"],
                "source_id": row["source_id"],
            })
    frame = pd.DataFrame(rows, columns=["kwestie", "brief", "brief_datum", "pagina", "datering", "gebeurtenis", "source_id"])
    frame = frame.loc[frame.groupby("kwestie")["source_id"].transform("nunique") > 1]
    order = {matter: i for i, (matter, _) in enumerate(DIFFERING_ACCOUNTS)}
    return (frame.assign(_order=frame["kwestie"].map(order)).sort_values(["_order", "brief_datum"], kind="stable")
            .drop(columns="_order").reset_index(drop=True))
