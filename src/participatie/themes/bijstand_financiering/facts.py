"""Financiering van bijstand en re-integratie: the facts the chapter's text needs, by name (no words).

`facts(chapter)` returns one flat dictionary; chapters/bijstand_financiering.tekst.md lists its keys and records.
Printed figures are `Figure`s: the edition's own (a municipality's are cited to no letter), and under
`national_…` the letters' national figures. A key whose figure the data do not hold is None (a list: empty),
and the text leaves its sentence out.
"""

from __future__ import annotations

import contextlib
import math
import re

import pandas as pd

from ...figures import checks, lookup
from ...figures.facts import Figure, Finder, collect, defined
from ...figures.rounding import MLN_PER_MLD, Interval
from ...figures.sources import by_id
from . import analysis
from .analysis import BUDGET_YEAR, FOCUS, JUNE_2017, PREVIOUS_BUDGET, PREVIOUS_YEAR, PROVISIONAL, RAISED


def facts(chapter) -> dict:
    """Return what the chapter's text and labels need, by name (see the module docstring)."""
    parts = (_letters, _buig, _budget, _people, _budget_parts, _target_groups, _totals, _benefits, _ioaz, _checks)
    return collect(chapter, *parts)


def _result(finder: Finder, row: pd.Series | None) -> dict | None:
    """Return a result on the macrobudget (a row of `analysis.buig_results`) as a record of facts."""
    if row is None:
        return None
    return {
        "figure": finder.of(row),
        "result": float(row["result"]),  # signed: a surplus above zero, a deficit below
        "deficit": row["kind"] == analysis.DEFICIT,
        "share": defined(row["share"]),  # the printed percentage of the macrobudget
        "preliminary": bool(row["preliminary"]),
    }


def _surname(sender: str) -> str:
    """Return how running text names a sender after 'staatssecretaris': 'T. van Ark' → 'Van Ark'."""
    name = re.sub(r"^(?:[A-Z][a-z]?\.\s*)+", "", str(sender).strip())
    return name[:1].upper() + name[1:]


def _letters(chapter) -> dict:
    """Return the letter most national figures come from, the others, the June 2017 letter, and who signed each."""
    counts = chapter.national["source_id"].value_counts()
    letters = chapter.national_finder.letters
    main = counts.index[0] if not counts.empty else None
    ordered = sorted((letters[s] for s in counts.index), key=lambda x: (x.date, x.id))  # oldest first
    sources = by_id(chapter.sources)
    senders = {i: _surname(sources.loc[i, "sender"]) for i in letters}  # every letter has a sender (sources.csv)
    names = dict.fromkeys(senders[found.id] for found in ordered)  # in the order of their first letter
    return {
        "main_letter": letters[main] if main is not None else None,
        "other_letters": [found for found in ordered if found.id != main],
        "june_2017_letter": letters[JUNE_2017] if JUNE_2017 in counts.index else None,
        "senders": senders,
        "letters_by_sender": [{"name": n, "letters": [x for x in ordered if senders[x.id] == n]} for n in names],
    }


def _buig(chapter) -> dict:
    """Return the results on the macrobudget: the one the June 2017 letter explains, the latest, the summed."""
    own, national = chapter.figures, chapter.national
    finder, printed = chapter.finder, chapter.national_finder
    latest, summed = analysis.latest_result(own), analysis.cumulative_result(own)
    others = analysis.single_year_results(own).loc[lambda f: f["period"] != FOCUS[0]]
    advances = lookup.select(own, "asylum_advance_budget").sort_values(["period", "source_date"])
    newest = None if latest is None or (latest["period"], latest["source_id"]) == FOCUS else latest
    return {
        "focus_result": _result(finder, analysis.focus_result(own)),
        "national_focus_result": _result(printed, analysis.focus_result(national)),
        "latest_result": _result(finder, latest),
        "national_latest_result": _result(printed, analysis.latest_result(national)),
        "newest_result": _result(finder, newest),
        "other_results": [_result(finder, row) for _, row in others.iterrows()],
        "summed_result": _result(finder, summed),
        "summed_missing_years": [] if summed is None else analysis.years_without_result(own, summed["period"]),
        "national_summed_result": _result(printed, analysis.cumulative_result(national)),
        "advances": finder.rows(advances),
    }


def _budget(chapter) -> dict:
    """Return the macrobudget 2017, its two changes, the macrobudget 2016 they imply, and a later letter's 2017 budget."""
    own, finder = chapter.figures, chapter.finder
    budget = finder.figure("buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017)
    later = lookup.select(own, "buig_macro_budget", period=BUDGET_YEAR).loc[lambda f: f["source_id"] != JUNE_2017]
    implied = None
    if budget is not None:
        with contextlib.suppress(KeyError):  # the data lack a figure it is computed from
            mid = analysis.budget_2016(own).mid / (MLN_PER_MLD if budget.unit == "euro_mld" else 1)
            implied = Figure(mid, budget.unit, PREVIOUS_YEAR) if math.isfinite(mid) else None
    return {
        "budget_2017": budget,
        "budget_increase": finder.figure("buig_macro_budget_change", BUDGET_YEAR, category=PREVIOUS_BUDGET),
        "budget_revision": finder.figure("buig_macro_budget_change", BUDGET_YEAR, category=PROVISIONAL),
        "budget_2016": implied,
        "budget_2016_decimals": 0 if budget is None else len(f"{budget.value:g}".partition(".")[2]),  # as printed
        "budget_2017_later": finder.of(lookup.last(later)),
        "national_budget_2017": chapter.national_finder.figure("buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017),
    }


def _people(chapter) -> dict:
    """Return the people in the bijstand, the assumed inflow of the new target group and the amounts per person."""
    finder, printed = chapter.finder, chapter.national_finder
    per_person = "reintegration_budget_per_person"
    esf = lookup.select(chapter.figures, "esf_active_inclusion_budget")
    return {
        "recipients": finder.latest("bijstand_recipients"),
        "national_recipients": printed.latest("bijstand_recipients"),
        "inflow": finder.latest("new_target_group_inflow_assumption"),
        "national_inflow": printed.latest("new_target_group_inflow_assumption"),
        "per_person_intensive": finder.latest(per_person, category="intensief"),
        "per_person_other": finder.latest(per_person, category="overig"),
        "national_per_person_intensive": printed.latest(per_person, category="intensief"),
        "national_per_person_other": printed.latest(per_person, category="overig"),
        "esf_first": finder.of(esf.iloc[0]) if not esf.empty else None,
        "esf_latest": finder.of(lookup.last(esf, "period")),
    }


def _budget_parts(chapter) -> dict:
    """Return the participatiebudget's total and target groups in its first and last year, and the letters of its table."""
    parts = analysis.participation_budget_parts(chapter.figures)  # never empty: without a table it raises
    by_year = parts.set_index("year")
    total = by_year["printed_total"].fillna(by_year["sum"])
    first, last = parts["year"].iloc[0], parts["year"].iloc[-1]
    classic, new = by_year["classic"], by_year["new"]
    flat = analysis.flat_since(classic)
    factor = lookup.ratio(new[last], new[first])
    cited = parts.iloc[:0] if chapter.municipal else parts.drop_duplicates("source_id")  # a municipality's: no letter
    return {
        "flat_threshold": 100 * analysis.FLAT,  # percent: a part that moves less stays "vrijwel gelijk"
        "pb_first_year": first,
        "pb_last_year": last,
        "pb_start": float(total[first]),
        "pb_end": float(total[last]),
        "pb_letters": [chapter.finder.letter(s) for s in cited["source_id"]],
        "pb_citations": [
            {"letter": chapter.finder.letter(s), "page": int(p)} for s, p in zip(cited["source_id"], cited["page"])
        ],
        "pb_from_june_2017": cited["source_id"].tolist() == [JUNE_2017],
        "classic_first": float(classic[first]),
        "classic_last": float(classic[last]),
        "classic_flat_year": flat,
        "classic_flat_value": float(classic[flat]) if flat is not None else None,
        "classic_flat_second": flat is not None and list(classic.index).index(flat) == 1,
        "new_first": float(new[first]),
        "new_last": float(new[last]),
        "new_factor": float(factor) if pd.notna(factor) and factor > 0 else None,
    }


def _target_groups(chapter) -> dict:
    """Return whether the two target groups add up to the total, their shares and changes, and the new group's growth."""
    parts = analysis.participation_budget_parts(chapter.figures)

    def gaps(verdict: str) -> list[dict]:
        rows = parts.loc[parts["verdict"] == verdict]
        return [{"year": year, "gap": abs(float(gap))} for year, gap in zip(rows["year"], rows["difference"])]

    shift = analysis.target_group_shift(chapter.figures)
    first, last = shift.iloc[0], shift.iloc[-1]
    found = {
        "sum_checked": bool((parts["verdict"] != checks.NOT_COMPUTABLE).any()),
        "sum_discrepancies": gaps(checks.DISCREPANCY),
        "sum_roundings": gaps(checks.ROUNDED),
        "share_new_first": defined(first["new_share"]),
        "share_new_last": defined(last["new_share"]),
        "classic_change": defined(last["classic_change"]),
        "new_change": defined(last["new_change"]),
    }
    growth = shift.set_index("year")["new_growth"].dropna()
    if len(growth) < 2:
        return found | NO_GROWTH
    before, last_growth = growth.iloc[:-1], float(growth.iloc[-1])
    small, large = sorted([float(before.min()), float(before.max())], key=abs)
    return found | {
        "growth_until": before.index[-1],  # the years up to this one grew by growth_small to growth_large
        "growth_small": small,
        "growth_large": large,
        "growth_last_year": growth.index[-1],
        "growth_last": last_growth,
        "growth_rising": bool((growth > 0).all()),
        "growth_falling": bool((growth < 0).all()),
        "growth_unusual": bool(last_growth > before.max() or last_growth < before.min()),
    }


NO_GROWTH = dict.fromkeys(["growth_until", "growth_small", "growth_large", "growth_last_year", "growth_last"])
NO_GROWTH |= dict.fromkeys(["growth_rising", "growth_falling", "growth_unusual"], False)


def _in_mln(figure: Figure) -> float:
    return figure.value * (MLN_PER_MLD if figure.unit == "euro_mld" else 1)


def _totals(chapter) -> dict:
    """Return the newest letter's re-integration total and the structural level, and an earlier letter's value."""
    finder, printed = chapter.finder, chapter.national_finder
    total = finder.of(analysis.newest_letter_total(chapter.figures))
    level = finder.of(analysis.structural_level(chapter.figures))
    national_total = analysis.newest_letter_total(chapter.national)
    return {
        "reintegration_total": total,
        "structural_level": level,
        "structural_rises": total is not None and level is not None and _in_mln(level) > _in_mln(total),
        "national_reintegration_total": printed.of(national_total),
        "national_structural_level": printed.of(analysis.structural_level(chapter.national)),
        "total_revision": _earlier_value(chapter, national_total),
    }


def _earlier_value(chapter, total: pd.Series | None) -> dict | None:
    """Return an earlier letter's value of the same national total: its figure, the kind of difference, its table."""
    if total is None:
        return None
    changed = chapter.revisions()  # between letters: none in a municipal edition
    same = ["indicator", "category", "period"]
    earlier = changed.loc[changed[same].eq(total[same]).all(axis=1) & (changed["source_id"] != total["source_id"])]
    if earlier.empty:
        return None
    first = earlier.iloc[0]
    # from_table: the June 2017 participatiebudget table, not a total with beschut werk.
    return {
        "figure": chapter.national_finder.of(first),
        "kind": first["kind"],
        "from_table": first["source_id"] == JUNE_2017,
    }


def _levels(rows: pd.DataFrame, column: str, qualifier: str, period: str) -> list[dict]:
    """Return per scheme (in the data's order) the amounts of a column at each benefit level, and their total."""
    found = []
    for scheme, group in rows.groupby("scheme", sort=False):
        levels = [
            {"amount": Figure(float(v), "euro", str(p), q or None), "percentage": float(level)}
            for v, q, p, level in zip(group[column], group[qualifier], group[period], group["percentage"])
        ]
        found.append({"scheme": scheme, "levels": levels, "total": float(group[column].sum())})
    return found


def _benefits(chapter) -> dict:
    """Return the overpayments of early 2017 per benefit level and the rise per July 2017 (the latest period)."""
    frame = analysis.benefit_corrections(chapter.figures)
    if frame.empty:
        return {"overpaid_span": None, "overpaid_by_scheme": [], "rise_period": None, "rise_by_scheme": []}
    frame = frame.loc[frame["overpaid_span"] == frame["overpaid_span"].max()]  # the latest period of overpayment
    rises = frame.dropna(subset=["rise"])

    def cited(row: pd.Series) -> Figure | None:  # the letter and page that print a level's overpayment
        span, category = row["overpaid_span"], row["category"]
        return chapter.finder.figure(analysis.OVERPAID, span, category=category, source_id=row["source_id"])

    return {
        "overpaid_span": frame["overpaid_span"].iloc[0],
        "overpaid_months": int(frame["months"].max()),
        "overpaid_most": float(frame["overpaid_period"].max()),
        "overpaid_by_scheme": _levels(frame, "overpaid_monthly", "overpaid_qualifier", "overpaid_span"),
        "overpaid_cited": cited(frame.iloc[0]),
        "rise_period": rises["rise_period"].iloc[0] if not rises.empty else None,
        "rise_by_scheme": _levels(rises, "rise", "rise_qualifier", "rise_period"),
        "rise_cited": cited(rises.iloc[0]) if not rises.empty else None,
    }


def _ioaz(chapter) -> dict:
    """Return the IOAZ income norms of 1 January 2017 and their corrections, and when the July correction applies."""
    finder, printed = chapter.finder, chapter.national_finder

    def norms(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
        return lookup.select(figures, indicator, period="2017-01-01").sort_values("category")  # June 2017 letter

    corrections = norms(chapter.figures, "ioaz_income_norm_correction")
    rises = lookup.select(chapter.figures, RAISED)
    return {
        "ioaz_norms": finder.rows(norms(chapter.figures, "ioaz_income_norm")),
        "ioaz_corrections": finder.rows(corrections),
        "ioaz_correction_total": float(corrections["value"].sum()),
        "national_ioaz_norms": printed.rows(norms(chapter.national, "ioaz_income_norm")),
        "national_ioaz_corrections": printed.rows(norms(chapter.national, "ioaz_income_norm_correction")),
        "national_ioaz_years": printed.latest("ioaz_income_reference_period"),
        "corrected_from": rises["period"].min() if not rises.empty else None,
    }


def _checks(chapter) -> dict:
    """Return the range of the recomputed 2016 deficit share over the rounding, and the figures letters revise."""
    share = Interval.not_defined()
    with contextlib.suppress(KeyError):  # the data lack a figure it is computed from
        share = analysis.deficit_share_2016_range(chapter.national)
    changed = chapter.revisions()  # between letters: none in a municipal edition
    return {
        "deficit_share_low": None if share.undefined else share.low,
        "deficit_share_high": None if share.undefined else share.high,
        "revisions": [
            rows.iloc[0][["label", "period", "kind"]].to_dict() | {"figures": chapter.national_finder.rows(rows)}
            for _, rows in changed.groupby(lookup.KEY, sort=False, dropna=False)
        ],
    }
