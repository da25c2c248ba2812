"""Beschut werk: the paragraphs of the national edition, each one glued text, every figure cited to its letter.

A sentence about a specific period (the extrapolation of mid-2017, the fill rate of 2017) reads the figures
of that period; a sentence about the latest state reads the latest period in the data and names its
letter, so that an edition with a later letter states the newer figure. Directions ("steeg", "meer")
are computed from the numbers they are about.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...figures.revisions import CONFLICT, FORECAST, ROUNDING
from ...presentation import wording
from .analysis import (
    ADVISED,
    COMPUTED,
    END_2016,
    END_2017,
    END_2018,
    EXTRAPOLATED,
    JAN_MAY_2017,
    JUNE_2017,
    JUNE_2018,
    MARCH_2018,
    PART_YEAR,
    PLACES_COUNTED,
    PRINTED,
    Q1_2018,
    REALISED,
    SEPT_2018,
    WORKING,
    advices_by_year,
    by_month,
    counts_at,
    cumulative_advices,
    latest_share_working,
    latest_working,
)
from .writer import Writer, pages_text, rounds_to, sentence

UNIT_WORD = {WORKING: "personen", PLACES_COUNTED: "werkplekken", ADVISED: "positieve adviezen"}


def when(period: str, w: Writer) -> str:
    """Return a period as an adverbial phrase: 'eind 2018', 'op 31 maart 2018', 'in juli 2019'."""
    label = w.period(period)
    if label.startswith("eind "):
        return label
    return f"op {label}" if len(period) == 10 else f"in {label}"


def risen(old: float, new: float) -> str:
    """Return 'een stijging', 'een daling' or 'geen verandering' for a change from old to new."""
    return {"steeg": "een stijging", "daalde": "een daling"}.get(wording.change(old, new), "geen verandering")


def realised_years(w: Writer) -> pd.DataFrame:
    """Return the realised yearly counts of positive advices (newest letter per year)."""
    years = advices_by_year(w.figures)
    return years.loc[years["kind"] == REALISED].drop_duplicates("year", keep="last")


def advices_sentences(w: Writer, cite: bool = True, where: str = "") -> list[str]:
    """Return the sentences on the positive advices per year, the part-year counts and the latest cumulative."""
    years = advices_by_year(w.figures)
    realised = realised_years(w)
    ref = (lambda rows: f" ({w.cite_figures(rows['source_id'], rows['page'])})") if cite else (lambda rows: "")
    out = []
    if not realised.empty:
        items = [
            f"over {w.period(p)} {w.count(v, q)}"
            for p, v, q in zip(realised["period"], realised["advices"], realised["qualifier"])
        ]
        out.append(f"UWV gaf{where} {wording.joined(items)} positieve adviezen beschut werk af{ref(realised)}.")
    for _, row in years.loc[years["kind"] == PART_YEAR].iterrows():
        rows = pd.DataFrame([row])
        out.append(f"In het {w.period(row['period'])} waren het er {w.count(row['advices'], row['qualifier'])}{ref(rows)}.")
    printed = cumulative_advices(w.figures).loc[lambda f: f["kind"] == PRINTED]
    if not printed.empty:
        last = printed.iloc[-1]
        out.append(
            f"{sentence(when(last['period'], w))} stond het aantal positieve adviezen sinds de start op "
            f"{w.count(last['value'])}{ref(pd.DataFrame([last]))}."
        )
    return out


def advices(w: Writer) -> str:
    """Return the paragraph on the positive advices per year (latest cumulative from the data)."""
    return " ".join(advices_sentences(w))


def outcome(w: Writer, year: int, forecast: pd.Series, cite: bool = True) -> str:
    """Return the sentence on what became of a letter's extrapolation for a year (a realised count, or none yet)."""
    realised = realised_years(w).loc[lambda f: f["year"] == year]
    if realised.empty:
        return (
            f"Voor {year} geven de brieven geen gerealiseerd aantal."
            if cite
            else f"Voor {year} staat er geen gerealiseerd aantal in de gegevens."
        )
    row = realised.iloc[-1]
    gap = 100 * (fig.ratio(row["advices"], forecast["advices"]) - 1)
    how = wording.comparison(row["advices"], forecast["advices"], "meer dan", "minder dan", "evenveel als")
    amount = "" if how == "evenveel als" or pd.isna(gap) else f"{w.pct(abs(gap))} "
    source = f"volgens {w.letter(row['source_id'])} " if cite else ""
    where = f" ({pages_text(int(row['page']))})" if cite else ""
    return (
        f"Over {year} werden het er {source}{w.count(row['advices'], row['qualifier'])}{where}: {amount}{how} "
        "doorgetrokken (eigen berekening). Een gerealiseerd aantal verving hier een raming; het is geen correctie "
        "van een eerder gemeten aantal."
    )


def extrapolations(w: Writer) -> str:
    """Return the paragraph on the two extrapolations the letters made and what became of them."""
    years = advices_by_year(w.figures)
    forecasts = years.loc[years["kind"] == EXTRAPOLATED].set_index(["year", "source_id"])
    out = []
    if (2017, JUNE_2017) in forecasts.index:
        out.append(
            f"{sentence(w.letter(JUNE_2017))} trok de positieve adviezen van {w.period(JAN_MAY_2017)} door naar heel "
            f"{w.period('2017')} en kwam uit op {w.text('positive_advices', '2017', source_id=JUNE_2017)} "
            f"({pages_text(10)})."
        )
        out.append(outcome(w, 2017, forecasts.loc[(2017, JUNE_2017)]))
    if (2018, JUNE_2018) in forecasts.index:
        out.append(
            f"{sentence(w.letter(JUNE_2018))} trok op haar beurt het {w.period(Q1_2018)} door naar "
            f"{w.text('positive_advices', '2018', source_id=JUNE_2018)} positieve adviezen over heel {w.period('2018')} "
            f"en {w.text('positive_advices_cumulative', END_2018, source_id=JUNE_2018)} in totaal {w.period(END_2018)} "
            f"({pages_text(4)})."
        )
        out.append(outcome(w, 2018, forecasts.loc[(2018, JUNE_2018)]))
    out.append("Beide doortrekkingen zijn berekeningen van de brieven zelf; de grafiek toont ze grijs en gestippeld.")
    return " ".join(out)


def more_or_fewer(a: float, b: float) -> tuple[str, str]:
    """Return ('meer', 'dan'), ('minder', 'dan') or ('evenveel', 'als') for a against b."""
    how = wording.comparison(a, b, "meer", "minder", "evenveel")
    return how, ("als" if how == "evenveel" else "dan")


def applicants(w: Writer) -> str:
    """Return the paragraph on who asked UWV for an assessment (gemeenten, and since 2017 the people themselves)."""
    burger, gemeente = (w.value("advice_requests", "2017", category=c) for c in ("burger", "gemeente"))
    how, than = more_or_fewer(burger, gemeente)
    return (
        f"Tot {w.period('2017')} kon alleen een gemeente UWV om een advies vragen; over heel {w.period('2016')} gaf UWV op "
        f"aanvraag van gemeenten {w.text('assessments', '2016', category='gemeente')} beoordelingen "
        f"({w.cite(JUNE_2017, 9)}). In {w.period(JAN_MAY_2017)} waren het er "
        f"{w.text('assessments', JAN_MAY_2017, category='totaal')}, waarvan "
        f"{w.text('assessments', JAN_MAY_2017, category='burger')} op aanvraag van de betrokkene zelf (p. 9). Over heel "
        f"{w.period('2017')} kwamen volgens {w.letter(JUNE_2018)} {how} aanvragen van burgers "
        f"({w.text('advice_requests', '2017', category='burger')}) {than} van gemeenten "
        f"({w.text('advice_requests', '2017', category='gemeente')}) (p. 4)."
    )


def last_year(months: pd.DataFrame) -> pd.DataFrame:
    """Return the monthly figures of the latest year that has any (the months a sentence goes through)."""
    if months.empty:
        return months
    years = months["period"].str[:4]
    return months.loc[years == years.iloc[-1]]


def monthly_shares(w: Writer, who: str, category: str) -> str:
    """Return how an applicant's monthly share positive moved from its first to its last month in the data."""
    months = last_year(by_month(w.figures, "share_positive_advices", category))
    if len(months) < 2:
        return ""
    first, last = months.iloc[0], months.iloc[-1]
    verb = wording.change(first["value"], last["value"])
    a, b = w.pct(first["value"]), w.pct(last["value"])
    if verb == "bleef gelijk":
        return f"{who} bleef het aandeel positief {a} ({w.period(first['period'])} en {w.period(last['period'])})"
    return f"{who} {verb} het aandeel positief van {a} in {w.period(first['period'])} tot {b} in {w.period(last['period'])}"


def shares(w: Writer, cite: bool = True) -> str:
    """Return the paragraph on the shares positive by applicant and how they moved month by month."""
    g, b = (w.value("share_positive_advices", JAN_MAY_2017, category=c) for c in ("gemeente", "burger"))
    often = wording.comparison(g, b, "vaker", "minder vaak", "even vaak")
    text = (
        f"Aanvragen van gemeenten leidden in {w.period(JAN_MAY_2017)} {often} tot een positief advies "
        f"({w.text('share_positive_advices', JAN_MAY_2017, category='gemeente')}) dan aanvragen van burgers "
        f"({w.text('share_positive_advices', JAN_MAY_2017, category='burger')})"
        + (f" ({w.cite(JUNE_2017, 9)})." if cite else ".")
    )
    moves = [
        m
        for m in (
            monthly_shares(w, "bij eigen aanvragen", "burger"),
            monthly_shares(w, "bij aanvragen van gemeenten", "gemeente"),
        )
        if m
    ]
    if moves:
        text += f" {sentence('; '.join(moves))}" + (" (p. 9)." if cite else ".")
    return text


def shares_context(w: Writer) -> str:
    """Return what the letters say about the rising share positive, and the one figure for single gemeenten."""
    return (
        f"{sentence(w.letter(JUNE_2018))} verbindt het stijgende aandeel positieve adviezen met gemeenten die beter vooraf "
        f"inschatten wie in aanmerking komt ({pages_text(5)}); {w.letter(JUNE_2017)} wil burgers met voorlichting "
        f"helpen dat zelf vooraf in te schatten ({pages_text('10–11')}). Volgens {w.letter(JUNE_2018)} was in "
        f"Amsterdam en Rotterdam {w.text('share_positive_advices', '2015-01/2018-03', category='amsterdam_rotterdam')} "
        "van de gemeentelijke aanvragen positief; over welke periode, staat er niet bij (p. 5)."
    )


def total_share(w: Writer, unweighted: float, cite: bool = True) -> str:
    """Return the paragraph on the printed total share positive against the share that the counts give."""
    printed = w.value("share_positive_advices", JAN_MAY_2017, category="totaal")
    positive = w.value("positive_advices", JAN_MAY_2017, category="totaal")
    assessed = w.value("assessments", JAN_MAY_2017, category="totaal")
    ours = fig.ratio(100 * positive, assessed)
    where = f"de tabel van {w.letter(JUNE_2017)}" if cite else "de gegevens"
    text = f"In {where} staat als totaal voor {w.period(JAN_MAY_2017)} {w.pct(printed)} positief" + (
        " (p. 9). " if cite else ". "
    )
    counts = f"{w.count(positive)} positieve adviezen op {w.count(assessed)} beoordelingen"
    if rounds_to(ours, printed):
        return text + f"Uit de aantallen volgt, afgerond, hetzelfde percentage ({counts}; eigen berekening)."
    text += f"Uit de aantallen volgt {w.pct(ours)}: {counts} (eigen berekening)."
    if not cite:
        return text
    same = "valt samen met" if rounds_to(unweighted, printed) else "verschilt van"
    return (
        text + " Hoe de brief aan het gedrukte totaal komt, vermeldt zij niet; het "
        f"{same} het ongewogen gemiddelde van de percentages voor gemeenten en burgers ({w.pct(unweighted)}), "
        "maar dat is een vermoeden."
    )


def months_direction(values: list[float]) -> str:
    """Return 'nam toe', 'nam af' or 'wisselde' for a series of monthly counts."""
    pairs = list(zip(values, values[1:]))
    if pairs and all(b > a for a, b in pairs):
        return "nam maand na maand toe"
    if pairs and all(b < a for a, b in pairs):
        return "nam maand na maand af"
    return "wisselde van maand tot maand"


def months(w: Writer, cite: bool = True, where: str = "") -> str:
    """Return the paragraph on the monthly assessments requested by citizens."""
    rows = last_year(by_month(w.figures, "assessments", "burger"))
    if rows.empty:
        return ""
    items = [f"{w.count(v)} in {w.period(p)}" for p, v in zip(rows["period"], rows["value"])]
    starts = pd.to_datetime(rows["date"])
    gaps = any((b.year * 12 + b.month) - (a.year * 12 + a.month) > 1 for a, b in zip(starts, starts.iloc[1:]))
    direction = months_direction(rows["value"].tolist())
    text = f"Het aantal beoordelingen op eigen aanvraag{where} {direction}: {wording.joined(items)}"
    text += f" ({w.cite_figures(rows['source_id'], rows['page'])})." if cite else "."
    if gaps:
        text += (
            " Voor de maanden ertussen noemt de brief geen aantallen."
            if cite
            else " Voor de maanden ertussen staan er geen aantallen in de gegevens."
        )
    if cite:
        text += " De brief ziet de stijging als direct gevolg van de wetswijziging (p. 9)."
    return text


def working(w: Writer) -> str:
    """Return the paragraph on the people at work on a beschut werkplek, ending with the latest state in the data."""
    end, march = (w.value("working_sheltered_workplace", p, source_id=SEPT_2018) for p in (END_2017, MARCH_2018))
    ours, printed = 100 * (fig.ratio(march, end) - 1), w.value("working_sheltered_workplace_growth", Q1_2018)
    if rounds_to(ours, printed):  # the letter's rounded growth, as it prints it
        change = f"{risen(end, march)} van {w.text('working_sheltered_workplace_growth', Q1_2018)} (p. 2)"
    else:  # the letter's growth does not follow from its counts: ours, and the printed figure beside it
        change = f"{risen(end, march)} van {w.pct(abs(ours))} (eigen berekening; de brief noemt {w.pct(printed)}, p. 2)"
    text = (
        f"Niet iedereen met een positief advies werkt ook op een beschut werkplek ({w.cite(JUNE_2018, 5)}). "
        f"{sentence(w.period(END_2017))} werkten {w.text('working_sheltered_workplace', END_2017, source_id=JUNE_2018)} "
        f"mensen op een beschut werkplek ({w.cite(JUNE_2018, 4)}). Volgens {w.letter(SEPT_2018)} waren het er "
        f"{when(MARCH_2018, w)} {w.text('working_sheltered_workplace', MARCH_2018, source_id=SEPT_2018)}: {change}."
    )
    latest = latest_working(w.figures)
    if (latest["period"], latest["source_id"]) == (MARCH_2018, SEPT_2018):
        return text + " Dat is de laatste stand in de brieven."
    return text + " " + latest_sentence(w, latest)


def latest_sentence(w: Writer, latest: pd.Series) -> str:
    """Return the sentence that states the latest count of people working and the letter that prints it."""
    return (
        f"De nieuwste stand in de gegevens is die van {w.period(latest['period'])}: volgens "
        f"{w.full(latest['source_id'], int(latest['page']))} werkten toen {w.row(latest)} mensen op een beschut werkplek."
    )


def readings_2016(w: Writer, date: str, advised: float, cite: bool = True) -> list[str]:
    """Return, for a date without a printed cumulative count, our share working for each count the letters give."""
    items = []
    for _, row in counts_at(w.figures, date).iterrows():
        word = "werkenden" if row["series"] == WORKING else "werkplekken"
        where = f" ({w.cite_figures(row['source_ids'], row['pages'])})" if cite else ""
        share = w.pct(fig.ratio(100 * row["value"], advised))
        items.append(f"tegen {w.count(row['value'], row['qualifier'])} {word}{where} {share}")
    return items


def share_working(w: Writer) -> str:
    """Return the paragraph on the share of the positive advices that led to work (printed and ours)."""
    text = (
        f"{sentence(w.period(END_2017))} werkte volgens {w.letter(JUNE_2018)} "
        f"{w.text('share_advised_working', END_2017)} van de mensen met een positief advies; de brief deelt daarvoor door "
        f"de {w.text('positive_advices_cumulative', END_2017)} positieve adviezen tot die datum (p. 4)."
    )
    latest = latest_share_working(w.figures)
    if latest is not None and latest["date"] != END_2017:
        text += (
            f" {sentence(when(latest['date'], w))} was dat {w.pct(latest['share_working'])}: "
            f"{w.count(latest['working'], latest['working_qualifier'])} werkenden "
            f"({w.cite(latest['source_id'], latest['working_page'])}) op {w.count(latest['advised'])} positieve adviezen "
            f"({w.cite(latest['advised_source_id'], latest['advised_page'])}; eigen berekening)."
        )
    computed = cumulative_advices(w.figures).loc[lambda f: f["kind"] == COMPUTED]
    for _, row in computed.iterrows():
        items = readings_2016(w, row["date"], row["value"])
        text += (
            f" Voor {w.period(row['period'])} geven de brieven geen cumulatief aantal positieve adviezen. Opgeteld uit de "
            f"jaarcijfers vanaf 2015 is het {w.count(row['value'])} ({w.cite(row['source_id'], int(row['page']))}; eigen "
            f"berekening); afgezet {wording.joined(items)} (eigen berekeningen)."
        )
    return text


def gap(w: Writer) -> str:
    """Return the paragraph on the causes the June 2018 letter gives for the gap between advices and work."""
    return (
        f"{sentence(w.letter(JUNE_2018))} noemt als oorzaken van het verschil tussen adviezen en werkenden: een gemeente "
        f"heeft na een positief advies gemiddeld {w.text('placement_time_after_advice', '2018')} nodig om iemand te "
        "plaatsen; sommigen hebben eerst een voortraject nodig; sommigen vallen voor of kort na de plaatsing uit, "
        f"bijvoorbeeld door ziekte of verhuizing; en sommige gemeenten hebben al een wachtlijst ({pages_text('4–5')}). "
        "Hoe groot elk van deze oorzaken is, staat er niet bij."
    )


def counts_2016(w: Writer, kinds: pd.Series) -> str:
    """Return the paragraph on the different counts the letters give for the end of 2016, and the kind of difference."""
    counts = counts_at(w.figures, END_2016)
    items = [
        f"{w.count(r['value'], r['qualifier'])} {UNIT_WORD[r['series']]} ({w.cite_figures(r['source_ids'], r['pages'])})"
        for _, r in counts.iterrows()
    ]
    if len(items) < 2:
        return f"Voor {w.period(END_2016)} noemen de brieven één aantal: {wording.joined(items)}."
    kind = kinds.iloc[0] if not kinds.empty else CONFLICT
    why = {
        CONFLICT: "De brieven verklaren het verschil niet; de tabel Revisies rekent het tot de tegenstrijdige cijfers.",
        ROUNDING: "Het verschil valt binnen de afronding van de brieven (tabel Revisies).",
        FORECAST: "Een later gemeten aantal verving hier een raming (tabel Revisies).",
    }[kind]
    return (
        f"Voor {w.period(END_2016)} noemen de brieven verschillende aantallen: {wording.joined(items)}. {why} "
        "De grafiek toont alle opgaven."
    )
