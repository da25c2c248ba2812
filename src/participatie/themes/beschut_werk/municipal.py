"""Beschut werk: the paragraphs of a municipal edition.

The municipality's figures were printed in no letter: a sentence that states them cites none, and every
direction or comparison in it is computed from them. Where a paragraph is about what the letters say
nationally (the rules of the regeling, the causes of the gap, the financing), the national wording comes
with the national figures of the same data, under the label LANDELIJK.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import escape, wording
from . import paragraphs as p
from . import policy
from .analysis import (
    COMPUTED,
    END_2016,
    END_2017,
    EXTRAPOLATED,
    HOURS,
    JAN_MAY_2017,
    MARCH_2018,
    PERSONS,
    PRINTED,
    SEPT_2018,
    WORKING,
    advices_by_year,
    counts_at,
    fill_rate,
    fill_rate_inputs,
    latest_against_regeling,
    latest_working,
    money,
    regeling_places,
    unweighted_total_share,
    working_vs_advised,
)
from .writer import Writer, sentence

LANDELIJK = "Landelijk beeld uit de brieven (geen cijfers van deze gemeente):"


def national(text: str) -> str:
    """Return a paragraph of the national edition labelled as national."""
    return f"{LANDELIJK} {text}"


def advices(w: Writer) -> str:
    """Return the municipality's positive advices per year and the latest cumulative count."""
    return " ".join(p.advices_sentences(w, cite=False, where=f" in {w.place}"))


def extrapolations(w: Writer) -> str:
    """Return the municipality's carried-forward counts of advices and, where there is one, the realised count."""
    years = advices_by_year(w.figures)
    out = []
    for _, row in years.loc[years["kind"] == EXTRAPOLATED].iterrows():
        out.append(
            f"Voor {row['year']} bevatten de gegevens van {w.place} een doorgetrokken aantal van "
            f"{w.count(row['advices'], row['qualifier'])} positieve adviezen."
        )
        out.append(p.outcome(w, int(row["year"]), row, cite=False))
    out.append("Landelijk maakten de brieven deze doortrekkingen zelf; de grafiek toont ze grijs en gestippeld.")
    return " ".join(out)


def applicants(w: Writer) -> str:
    """Return the municipality's assessments and requests by applicant."""
    burger, gemeente = (w.value("advice_requests", "2017", category=c) for c in ("burger", "gemeente"))
    how, than = p.more_or_fewer(burger, gemeente)
    return (
        f"Over heel {w.period('2016')} gaf UWV in {w.place} {w.text('assessments', '2016', category='gemeente')} "
        f"beoordelingen op aanvraag van de gemeente. In {w.period(JAN_MAY_2017)} waren het er "
        f"{w.text('assessments', JAN_MAY_2017, category='totaal')}, waarvan "
        f"{w.text('assessments', JAN_MAY_2017, category='burger')} op eigen aanvraag van burgers. Over heel "
        f"{w.period('2017')} kwamen er {how} aanvragen van burgers ({w.text('advice_requests', '2017', category='burger')}) "
        f"{than} van de gemeente ({w.text('advice_requests', '2017', category='gemeente')})."
    )


def shares(w: Writer) -> str:
    """Return the municipality's shares positive by applicant and their monthly movement."""
    g, b = (w.value("share_positive_advices", JAN_MAY_2017, category=c) for c in ("gemeente", "burger"))
    often = wording.comparison(g, b, "vaker", "minder vaak", "even vaak")
    text = (
        f"In {w.place} leidden aanvragen van de gemeente in {w.period(JAN_MAY_2017)} {often} tot een positief advies "
        f"({w.pct(g)}) dan aanvragen van burgers ({w.pct(b)})."
    )
    moves = [
        m
        for m in (
            p.monthly_shares(w, "bij eigen aanvragen", "burger"),
            p.monthly_shares(w, "bij aanvragen van de gemeente", "gemeente"),
        )
        if m
    ]
    return text + (f" {sentence('; '.join(moves))}." if moves else "")


def share_working(w: Writer) -> str:
    """Return the municipality's share of the positive advices that led to work (our computations)."""
    frame = working_vs_advised(w.figures)
    printed = frame.loc[(frame["advised_kind"] == PRINTED) & (frame["working_series"] == WORKING)]
    printed = printed.drop_duplicates("date", keep="last")
    items = [
        f"{p.when(r['date'], w)} {w.pct(r['share_working'])} ({w.count(r['working'])} werkenden op "
        f"{w.count(r['advised'])} positieve adviezen)"
        for _, r in printed.iterrows()
    ]
    text = ""
    if items:
        text = (
            f"Afgezet tegen het aantal positieve adviezen tot dan werkte in {w.place} {wording.joined(items)} "
            "(eigen berekeningen)."
        )
    for _, row in frame.loc[frame["advised_kind"] == COMPUTED].drop_duplicates("date").iterrows():
        readings = p.readings_2016(w, row["date"], row["advised"], cite=False)
        text += (
            f" Voor {w.period(row['date'])} is het aantal positieve adviezen opgeteld uit de jaarcijfers vanaf 2015: "
            f"{w.count(row['advised'])}; afgezet {wording.joined(readings)} (eigen berekeningen)."
        )
    return text.strip()


def working(w: Writer) -> str:
    """Return the municipality's people at work, the change in the first quarter of 2018 and the latest state."""
    end, march = (w.value("working_sheltered_workplace", period, source_id=SEPT_2018) for period in (END_2017, MARCH_2018))
    change = 100 * (fig.ratio(march, end) - 1)
    text = (
        f"In {w.place} werkten {w.period(END_2017)} {w.count(end)} mensen op een beschut werkplek en "
        f"{p.when(MARCH_2018, w)} {w.count(march)}: {p.risen(end, march)}"
        + ("" if pd.isna(change) or change == 0 else f" van {w.pct(abs(change))} (eigen berekening)")
        + "."
    )
    latest = latest_working(w.figures)
    if latest["period"] == MARCH_2018:
        return text + " Dat is de laatste stand in de gegevens."
    return text + f" De nieuwste stand in de gegevens is die van {w.period(latest['period'])}: {w.row(latest)} mensen."


def counts_2016(w: Writer) -> str:
    """Return the municipality's different counts for the end of 2016 (no letters named)."""
    counts = counts_at(w.figures, END_2016)
    items = [f"{w.count(r['value'], r['qualifier'])} {p.UNIT_WORD[r['series']]}" for _, r in counts.iterrows()]
    if len(items) < 2:
        return f"Voor {w.period(END_2016)} bevatten de gegevens van {w.place} één aantal: {wording.joined(items)}."
    return (
        f"Voor {w.period(END_2016)} bevatten de gegevens van {w.place} verschillende aantallen: {wording.joined(items)}. "
        "Landelijk verklaren de brieven zulke verschillen niet."
    )


def regeling(w: Writer, n: Writer) -> str:
    """Return the regeling's rule (national, labelled) and the municipality's numbers from it."""
    places = regeling_places(w.figures)
    items = [f"{w.count(v)} plekken voor {w.period(q)}" for q, v in zip(places["period"], places["value"])]
    own = f" Voor {w.place} geven de gegevens {wording.joined(items)}." if items else ""
    return national(policy.regeling(n)) + own


def level(w: Writer) -> str:
    """Return the municipality's latest count of people working against its number in the regeling."""
    found = latest_against_regeling(w.figures)
    if found is None:
        return (
            f"De gegevens van {w.place} geven geen moment met zowel een aantal werkenden als een aantal plekken "
            "uit de regeling."
        )
    count, places = found
    return (
        f"Het laatste moment waarvoor de gegevens van {w.place} zowel een aantal werkenden als een aantal plekken uit "
        f"de regeling geven, is {w.period(count['period'])}: toen werkten er {w.count(count['value'], count['qualifier'])} "
        f"mensen op een beschut werkplek, {wording.comparison(count['value'], places['value'])} de "
        f"{w.count(places['value'])} plekken in de regeling voor dat moment."
    )


def fill(w: Writer) -> str:
    """Return the municipality's fill rate of the regeling in persons and in hours (ours) beside the figure in the data."""
    rates = fill_rate(w.figures).set_index("measure")["fill_rate"]
    x = fill_rate_inputs(w.figures)
    return (
        f"In {w.place} werkten {w.period(END_2017)} {w.count(x['working'])} mensen, tegenover {w.count(x['places'])} "
        f"plekken uit de regeling: in personen {w.pct(rates[PERSONS])}; in uren, met {w.count(x['hours_per_place'])} uur "
        f"per plek en {w.count(x['hours_worked'])} gewerkte uren per week uit de gegevens, {w.pct(rates[HOURS])} "
        f"(eigen berekeningen). De gegevens noemen als vervulling {w.pct(rates[PRINTED])}."
    )


def money_amounts(w: Writer, n: Writer) -> str:
    """Return the municipality's amounts of the stimulus budget and the bonus, then the national account (labelled)."""
    rows = money(w.figures)
    items = [f"{escape.markdown(r['label']).lower()} {w.row(r)} ({w.period(r['period'])})" for _, r in rows.iterrows()]
    own = f"De gegevens van {w.place} noemen: {wording.joined(items)}. " if items else ""
    return own + national(policy.money(n))


def total_share(w: Writer) -> str:
    """Return the municipality's total share positive against the share its counts give."""
    try:
        unweighted = unweighted_total_share(w.figures)
    except KeyError:
        unweighted = float("nan")
    return p.total_share(w, unweighted, cite=False)


def paragraphs(chapter) -> dict[str, str]:
    """Return every paragraph of a municipal edition, keyed like the national ones."""
    w, n = Writer(chapter), Writer(chapter, chapter.national)
    return {
        "advices": advices(w),
        "extrapolations": extrapolations(w),
        "applicants": applicants(w),
        "shares": shares(w),
        "shares_context": national(p.shares_context(n)),
        "total_share": total_share(w),
        "months": p.months(w, cite=False, where=f" in {w.place}"),
        "working": working(w),
        "share_working": share_working(w),
        "gap": national(p.gap(n)),
        "counts_2016": counts_2016(w),
        "regeling": regeling(w, n),
        "projection": national(policy.projection(n)),
        "level": level(w),
        "fill": fill(w),
        "money": money_amounts(w, n),
        "inspectie": national(policy.inspectie(n)),
        "information": national(policy.information(n)),
        "praktijkroute": national(policy.praktijkroute(n)),
        "differences": national(policy.differences(n)),
        "finding": policy.municipal_finding(w, n),
    }
