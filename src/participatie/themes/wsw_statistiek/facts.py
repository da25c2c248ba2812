"""De sociale werkvoorziening in cijfers: the facts the chapter's text file needs (no words).

`facts(chapter)` returns one flat dictionary for `chapters/wsw_statistiek.tekst.md`: figures (`Figure`, without
a letter in a municipal edition), letters, numbers we compute (None where not defined), ISO periods and flags.
"Latest" is the latest period in the data, "previous" the period before it. Figures the text labels as national
(`*_national`, `cause_total`, `kerstens`, `zembla`) come from `chapter.national_finder` in every edition; facts
about the letters' own claims (checks, revisions, the rise a letter prints) are empty in a municipal edition.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ...figures import lookup
from ...figures.checks import ASSUMPTION, DISCREPANCY
from ...figures.facts import Figure, Finder, collect, defined
from ...figures.rounding import as_printed, decimals
from ...presentation.labels import REVISION_KIND_TEXT
from . import analysis
from .analysis import FIRST, JULY_2013, JUNE_2018, REPEAT, SPAN_2012, TOTAL


def facts(chapter) -> dict:
    """Return what the chapter's text needs, by name (see the module doc; the text file lists the names)."""
    return collect(chapter, _letters, _indications, _waiting_list, _workforce, _shares, _money, _national_claims)


def _first_row(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None) -> pd.Series | None:
    """Return the row of an indicator and period from the earliest letter that gives it (None when none does)."""
    found = lookup.select(figures, indicator, category=category, period=period)
    return None if found.empty else found.sort_values("source_date").iloc[0]


def _fits(recomputed: float | None, printed: Figure | None) -> bool:
    """Return whether a printed percentage is the recomputed one, rounded as the letter rounds it."""
    if printed is None or recomputed is None:
        return False
    return abs(as_printed(recomputed, printed.value) - printed.value) < 1e-9


def _pair(chapter, name: str, indicator: str, category: str | None = None) -> dict:
    """Return `name`_previous, _latest, _change (latest minus previous) and _change_pct (its size in % of previous)."""
    previous, latest = (chapter.finder.of(row) for row in analysis.latest_two(chapter.figures, indicator, category))
    change = relative = None
    if previous is not None:
        change = latest.value - previous.value
        relative = defined(lookup.ratio(100 * abs(change), previous.value))
    return {f"{name}_previous": previous, f"{name}_latest": latest, f"{name}_change": change, f"{name}_change_pct": relative}


def _letters(chapter) -> dict:
    """The letters the text names by role, and the letters the chapter's figures come from (oldest first)."""
    national = chapter.national_finder
    used = chapter.figures.drop_duplicates("source_id").sort_values("source_date")["source_id"]
    return {
        "july_2013": national.letter(JULY_2013),
        "april_2017": national.letter(analysis.APRIL_2017),
        "june_2017": national.letter(analysis.JUNE_2017),
        "june_2018": national.letter(JUNE_2018),
        "chapter_letters": [] if chapter.municipal else [national.letter(s) for s in used],
        "manifesto": chapter.finder.latest("manifesto_signatory_municipalities"),
    }


def _indications(chapter) -> dict:
    """The Wsw-indicaties: the latest two totals, the parts of the latest year that has them, the letter's cause."""
    figures, finder = chapter.figures, chapter.finder
    year = (analysis.parts_periods(figures) or [None])[-1]
    first = repeat = parts = total = None
    if year is not None:
        first, repeat = (finder.of(lookup.row(figures, "wsw_indications", year, category=c)) for c in (FIRST, REPEAT))
        parts = first.value + repeat.value
        if not lookup.select(figures, "wsw_indications", category=TOTAL, period=year).empty:
            total = lookup.value(figures, "wsw_indications", year, category=TOTAL)
    cause = _first_row(chapter.national, "wsw_indications", analysis.YEAR_2012, TOTAL)
    cause = cause if cause is not None and cause["source_id"] == JULY_2013 else None
    return _pair(chapter, "indications", "wsw_indications", TOTAL) | {
        "parts_year": year,
        "parts_first": first,
        "parts_repeat": repeat,
        "parts_total": total,
        "parts_sum": parts,
        "parts_gap": parts - total if total is not None else None,
        "parts_repeat_pct": defined(lookup.ratio(100 * repeat.value, total)) if total is not None else None,
        "cause_total": chapter.national_finder.of(cause),
        "cause_section": str(cause["section"]) if cause is not None else None,
        "first_2011_printed": _first_row(chapter.national, "wsw_indications", analysis.YEAR_2011, FIRST) is not None,
    }


def _waiting_list(chapter) -> dict:
    """The waiting list: its latest stand, the printed decrease that ends there, and the start they imply."""
    figures, finder = chapter.figures, chapter.finder
    stand = lookup.last(analysis.series(figures, "wsw_waiting_list"))
    decrease = pct = start = recomputed = None
    if stand is not None:
        decreases = lookup.select(figures, "wsw_waiting_list_decrease").sort_values("source_date")
        decrease = lookup.last(decreases.loc[decreases["period_end"].astype(str) == stand["period"]])
    if decrease is not None:
        found = lookup.select(figures, "wsw_waiting_list_decrease_pct", period=decrease["period"])
        pct = finder.of(lookup.last(found.sort_values("source_date")))
        # The stand at the start of the decrease's span (not printed): the end stand plus the decrease.
        start = float(stand["value"]) + float(decrease["value"])
        recomputed = defined(lookup.ratio(100 * float(decrease["value"]), start))
    return {
        "waiting_stand": finder.of(stand),
        "waiting_decrease": finder.of(decrease),
        "waiting_decrease_pct": pct,
        "waiting_start_day": decrease["period_start"].isoformat() if decrease is not None else None,
        "waiting_start": start,
        "waiting_recomputed_pct": recomputed,
        "waiting_decimals": decimals(pct.value) if pct is not None else 0,
        "waiting_pct_fits": _fits(recomputed, pct),
        # The letter of July 2013 gives the same probable cause for this decrease as for the indications.
        "waiting_same_cause": decrease is not None and stand["source_id"] == JULY_2013 and decrease["period"] == SPAN_2012,
    }


def _workforce(chapter) -> dict:
    """The workforce and the places in begeleid werken: the latest two counts, and the rise the letter prints."""
    figures = chapter.figures
    pairs = _pair(chapter, "workforce", "wsw_employees") | _pair(chapter, "places", "wsw_supported_employment_places")
    # The letter of July 2013 itself calls the size of the workforce over 2012 about the same.
    rows = [row for row in analysis.latest_two(figures, "wsw_employees") if row is not None]
    periods, letters = {row["period"] for row in rows}, {row["source_id"] for row in rows}
    share, places_latest = None, pairs["places_latest"]
    if places_latest is not None:
        staff = lookup.last(lookup.select(figures, "wsw_employees", period=places_latest.period))
        share = lookup.ratio(100 * places_latest.value, float(staff["value"])) if staff is not None else None
    printed = rise = None
    found = lookup.select(figures, "wsw_supported_employment_places_increase_pct", period=SPAN_2012)
    if not chapter.municipal and not found.empty:
        printed = chapter.finder.of(found.iloc[0])
        rise = defined(analysis.supported_employment_rise(figures))
    return pairs | {
        "workforce_letter_says_same": periods == {analysis.START_2012, analysis.END_2012} and letters == {JULY_2013},
        # The places as a share of the workforce of the same moment (NaN: a workforce of 0).
        "places_share_of_staff": share,
        # The percentage the letter calls the rise of the places, and the rise its own counts give.
        "places_printed_pct": printed,
        "places_decimals": decimals(printed.value) if printed is not None else 0,
        "places_rise_pct": rise,
        "places_pct_fits": _fits(rise, printed),
    }


def _shares(chapter) -> dict:
    """The two printed shares (seconded_*; regular_*: at a regular employer): latest two, change, the national share."""
    found = {}
    for name, indicator in (("seconded", "wsw_seconded_share"), ("regular", "wsw_regular_employer_share")):
        pair = _pair(chapter, name, indicator)
        previous, latest = pair[f"{name}_previous"], pair[f"{name}_latest"]
        # The decimals of the more precise of the two (for the change in percentage points).
        places = max(decimals(previous.value), decimals(latest.value)) if previous is not None else 0
        # The national figure for the period of the edition's latest one.
        national = _first_row(chapter.national, indicator, latest.period) if latest is not None else None
        found |= pair | {f"{name}_decimals": places, f"{name}_national": chapter.national_finder.of(national)}
    return found


def _cut_rows(finder: Finder, figures: pd.DataFrame) -> list[tuple[Figure, Figure]]:
    """Return (per Wsw-er, total) of the first and last year of the efficiency cut in the data."""
    frame = analysis.efficiency_cut(figures)
    if frame.empty:
        return [(None, None), (None, None)]
    return [
        (
            finder.of(lookup.row(figures, "wsw_efficiency_cut_per_employee", year, source_id=per)),
            finder.of(lookup.row(figures, "wsw_efficiency_cut_total", year, source_id=total)),
        )
        for year, per, total in frame.iloc[[0, -1]][["year", "source_id", "total_source_id"]].itertuples(index=False)
    ]


def _money(chapter) -> dict:
    """The budget, the efficiency cut, the contribution per place, the volume, the motie Kerstens and Zembla."""
    figures, finder, national = chapter.figures, chapter.finder, chapter.national_finder
    current, expected = analysis.budget_rows(figures)
    (per_first, total_first), (per_last, total_last) = _cut_rows(finder, figures)
    (national_first, _), (national_last, _) = _cut_rows(national, chapter.national)
    place = lookup.last(analysis.series(figures, "wsw_state_contribution_per_place"))
    volume = finder.latest("wsw_volume_below_forecast")
    kerstens = analysis.series(chapter.national, "motie_kerstens_funds")
    anchor = kerstens.loc[kerstens["source_id"] == JUNE_2018]
    return {
        "budget_current": finder.of(current),
        "budget_expected": finder.of(expected),
        "budget_national_expected": national.of(analysis.budget_rows(chapter.national)[1]),
        "cut_per_first": per_first,
        "cut_per_last": per_last,
        "cut_total_first": total_first,
        "cut_total_last": total_last,
        "cut_national_first": national_first,
        "cut_national_last": national_last,
        "cut_place": finder.of(place),
        # The first year of a structural level (an open period such as 2020/..), None for another period.
        "cut_place_from": str(place["period_start"].year) if place is not None and place["period_kind"] == "open" else None,
        "volume_latest": volume,
        "volume_below": volume is not None and volume.value >= 0,
        # The size of the difference from the forecast, with its unit and hedge (the side is volume_below).
        "volume_size": dataclasses.replace(volume, value=abs(volume.value)) if volume is not None else None,
        "volume_national": national.latest("wsw_volume_below_forecast"),
        # The national amount of the motie Kerstens (the June 2018 letter's, which says what it was for).
        "kerstens": national.of(lookup.last(anchor if not anchor.empty else kerstens)),
        "kerstens_own": finder.latest("motie_kerstens_funds") if chapter.municipal else None,
        "kerstens_letters": [national.letter(s) for s in kerstens.drop_duplicates("source_id")["source_id"]],
        "kerstens_same": kerstens["value"].nunique() == 1,
        "zembla": national.latest("wsw_cuts_cited_by_zembla"),
    }


def _national_claims(chapter) -> dict:
    """The checks that rest on an assumption, the revisions between letters and the figures repeated alike."""
    # The letters' claims are national: a municipal edition has no checks, no revisions and no repeated figures.
    result, changed = chapter.checks(), chapter.revisions()
    repeated = analysis.repeated_figures(chapter.figures.iloc[0:0] if chapter.municipal else chapter.figures)
    assumed = result.loc[result["verdict"] == ASSUMPTION]
    alike = repeated.loc[repeated["values_agree"]].drop_duplicates("indicator")
    return {
        "checks_count": len(result),
        "checks_assumed": [{"claim": c, "assumption": a} for c, a in assumed[["claim", "assumption"]].to_numpy()],
        "checks_discrepant": result.loc[result["verdict"] == DISCREPANCY, "claim"].tolist(),
        "revised_count": changed.groupby(lookup.KEY, dropna=False).ngroups,
        # The table's words for the kinds of difference (presentation.labels), in order of appearance.
        "revision_kinds": [REVISION_KIND_TEXT[k] for k in dict.fromkeys(changed["kind"])],
        "repeated_alike": alike["label"].tolist(),
        "repeated_period_assumed": bool(set(alike["indicator"]) & analysis.ASSUMED_PERIOD),
    }
