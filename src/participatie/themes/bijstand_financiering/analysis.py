"""Financiering van bijstand en re-integratie: the analyses, figures in and frames or numbers out.

The money for benefits (macrobudget BUIG) and for re-integration (participatiebudget). Sources: the
letters of April 2017 (tk-34352-56), June 2017 (ek-33981-n, most figures) and June 2018 (tk-29817-145).
Several printed figures are rounded (`ca. € 270 miljoen`, `4,8%`, `€ 5,8 miljard`); amounts the letters
imply but do not print are intervals (`figures.rounding.Interval`): how far the rounding of the printed
figures lets the implied amount move. Money is in miljoen euro unless a column says otherwise. Frames
have English column names and codes; periods are ISO text and letters source ids.
"""

from __future__ import annotations

import pandas as pd

from ...figures import checks, lookup
from ...figures.rounding import Interval, printed_interval, rounding_margin

APRIL_2017, JUNE_2017, JUNE_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145"
TABLE_YEARS = ("2017", "2018", "2019", "2020", "2021")  # the participatiebudget table of June 2017
CUMULATIVE, STRUCTURAL = "2012/2016", "2018/.."
OVERPAID, RAISED_FROM = "2017-01/2017-06", "2017-07-01"
IOAZ_DATE = "2017-01-01"
PERCENT = 100  # a percentage is a share times a hundred
# Where a value comes from: printed in a letter, or computed by the book.
PRINTED, COMPUTED = "printed", "computed"
SURPLUS, DEFICIT = "surplus", "deficit"
# The target groups of the participatiebudget: the data's categories.
CLASSIC, NEW, TOTAL = "klassiek", "nieuw", "totaal"
# The macrobudgets the printed figures imply (implied_budgets), and the structural outlook's quantities.
FROM_DEFICIT, FROM_EXACT_DEFICIT, FROM_2017 = (
    "budget_2016_from_deficit",
    "budget_2016_exact_deficit",
    "budget_2016_from_2017",
)
BUDGET_2017, PROVISIONAL_2017 = "budget_2017", "provisional_2017"
CUMULATIVE_BUDGET, AVERAGE_BUDGET = "budget_2012_2016", "average_2012_2016"
STRUCTURAL_LEVEL, TOTAL_LAST_YEAR, FACTOR_TOTAL = "structural_level", "total_last_year", "factor_total"
NEW_STRUCTURAL, FACTOR_NEW = "new_structural", "factor_new"


def _value(
    figures: pd.DataFrame, indicator: str, period: str, category: str | None = None, source_id: str | None = None
) -> float:
    return lookup.value(figures, indicator, period, category=category, source_id=source_id)


def _months(figures: pd.DataFrame, indicator: str, period: str, category: str) -> int:
    found = lookup.row(figures, indicator, period, category=category)
    start, end = found["period_start"], found["period_end"]
    return (end.year - start.year) * 12 + end.month - start.month + 1


def cumulative_years(figures: pd.DataFrame) -> int:
    """Return the number of years the cumulative result on the macrobudget BUIG adds up (2012–2016: 5)."""
    found = lookup.row(figures, "buig_deficit", CUMULATIVE)
    return found["period_end"].year - found["period_start"].year + 1


def buig_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget BUIG the letter gives: surplus positive, deficit negative.

    Columns: period, kind (surplus or deficit), result (signed, mln euro), value, unit and qualifier as
    printed, share (the deficit as printed percentage of the macrobudget, NaN if none), cumulative (the
    result adds up several years), source_id, page. Single years first, then cumulative results.
    """
    deficits = lookup.select(figures, "buig_deficit").assign(kind=DEFICIT, sign=-1)
    surpluses = lookup.select(figures, "buig_surplus").assign(kind=SURPLUS, sign=1)
    rows = pd.concat([surpluses, deficits])
    shares = lookup.select(figures, "buig_deficit_share").set_index("period")["value"]
    cumulative = rows["period_start"] != rows["period_end"].map(lambda d: d.replace(month=1, day=1))
    return (
        rows.assign(result=rows["sign"] * rows["value"], share=rows["period"].map(shares), cumulative=cumulative)
        .sort_values(["cumulative", "period"])[
            ["period", "kind", "result", "value", "unit", "qualifier", "share", "cumulative", "source_id", "page"]
        ]
        .reset_index(drop=True)
    )


def _budget_2016_from_deficit(figures: pd.DataFrame, deficit_exact: bool = False) -> Interval:
    deficit = (
        Interval.exact(_value(figures, "buig_deficit", "2016"))
        if deficit_exact
        else printed_interval(figures, "buig_deficit", "2016")
    )
    return deficit / (printed_interval(figures, "buig_deficit_share", "2016") / PERCENT)


def _budget_2016_from_2017(figures: pd.DataFrame) -> Interval:
    return printed_interval(figures, "buig_macro_budget", "2017") - printed_interval(
        figures, "buig_macro_budget_change", "2017", category="macrobudget_2016"
    )


def _cumulative_budget(figures: pd.DataFrame) -> Interval:
    return printed_interval(figures, "buig_deficit", CUMULATIVE) / (
        printed_interval(figures, "buig_deficit_share", CUMULATIVE) / PERCENT
    )


def implied_budgets(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every macrobudget the printed figures imply, as the intervals their rounding allows (mln euro).

    Columns: key (FROM_DEFICIT …), kind (printed or computed), per_year (False for the sum over
    2012–2016), low, mid, high. Each printed figure counts within half a unit of its last digit, a
    'circa' amount within half a unit of its last non-zero digit (`rounding.rounding_margin`).
    """
    cumulative = _cumulative_budget(figures)
    budget_2017 = printed_interval(figures, "buig_macro_budget", "2017")
    rows = [
        (FROM_DEFICIT, COMPUTED, True, _budget_2016_from_deficit(figures)),
        (FROM_EXACT_DEFICIT, COMPUTED, True, _budget_2016_from_deficit(figures, deficit_exact=True)),
        (FROM_2017, COMPUTED, True, _budget_2016_from_2017(figures)),
        (BUDGET_2017, PRINTED, True, budget_2017),
        (
            PROVISIONAL_2017,
            COMPUTED,
            True,
            budget_2017 - printed_interval(figures, "buig_macro_budget_change", "2017", category="voorlopige_raming"),
        ),
        (CUMULATIVE_BUDGET, COMPUTED, False, cumulative),
        (AVERAGE_BUDGET, COMPUTED, True, cumulative / cumulative_years(figures)),
    ]
    return pd.DataFrame(
        [
            {"key": key, "kind": kind, "per_year": per_year, "low": i.low, "mid": i.mid, "high": i.high}
            for key, kind, per_year, i in rows
        ]
    )


def budget_2016_agreement(figures: pd.DataFrame) -> pd.DataFrame:
    """Return whether the macrobudget 2016 from the deficit agrees within rounding with the one from the 2017 figures.

    One row per reading of the deficit (rounded, or exact): the two central values, their difference,
    the bounds both allow (overlap_low, overlap_high; None when they exclude each other) and compatible.
    """
    from_2017 = _budget_2016_from_2017(figures)
    rows = []
    for deficit, first in (
        ("rounded", _budget_2016_from_deficit(figures)),
        ("exact", _budget_2016_from_deficit(figures, deficit_exact=True)),
    ):
        overlap = first.overlap(from_2017)
        rows.append(
            {
                "deficit": deficit,
                "mid_from_deficit": first.mid,
                "mid_from_2017": from_2017.mid,
                "difference": from_2017.mid - first.mid,
                "overlap_low": overlap[0] if overlap else None,
                "overlap_high": overlap[1] if overlap else None,
                "compatible": overlap is not None,
            }
        )
    return pd.DataFrame(rows)


def deficit_share_2016(figures: pd.DataFrame) -> float:
    """Return the 2016 deficit as a percentage of the 2016 macrobudget implied by the 2017 figures."""
    return lookup.ratio(PERCENT * _value(figures, "buig_deficit", "2016"), _budget_2016_from_2017(figures).mid)


def cumulative_share_at_2016_level(figures: pd.DataFrame) -> float:
    """Return the cumulative deficit 2012–2016 as a percentage of the 2016 macrobudget times the number of years.

    An assumption of the book, which the letters neither make nor support: every year had the 2016 budget.
    """
    years = cumulative_years(figures)
    return lookup.ratio(PERCENT * _value(figures, "buig_deficit", CUMULATIVE), years * _budget_2016_from_2017(figures).mid)


def participation_budget_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year of the June 2017 table the two target groups' budgets, their sum and the printed total.

    Columns: year, classic, new, sum, printed_total, difference (sum − printed total), margin (what the
    rounding of the two parts explains) and verdict (a `figures.checks` verdict code).
    """
    table = lookup.select(figures, "participation_budget", source_id=JUNE_2017).loc[lambda f: f["dimension"] == "doelgroep"]
    wide = table.pivot(index="period", columns="category", values="value").dropna()
    margin = {
        period: rounding_margin(wide.at[period, CLASSIC]) + rounding_margin(wide.at[period, NEW]) for period in wide.index
    }
    frame = (
        wide.reset_index()
        .rename(columns={"period": "year", CLASSIC: "classic", NEW: "new", TOTAL: "printed_total"})
        .assign(sum=lambda f: f["classic"] + f["new"])
        .assign(difference=lambda f: f["sum"] - f["printed_total"], margin=lambda f: f["year"].map(margin))
    )
    return frame.assign(
        verdict=[checks.verdict(p, s, m) for p, s, m in zip(frame["printed_total"], frame["sum"], frame["margin"])],
    )[["year", "classic", "new", "sum", "printed_total", "difference", "margin", "verdict"]]


def target_group_shift(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year the new target group's share of the participatiebudget and both groups' change since the first year.

    The share is of the sum of the two groups: the book takes the two as the whole budget.
    Columns: year, classic, new, new_share, classic_change, new_change (mln euro since the first year),
    classic_change_pct, new_change_pct, new_growth (mln euro since the year before).
    """
    parts = participation_budget_parts(figures)
    first = parts.iloc[0]
    return parts.assign(
        new_share=lookup.ratio(PERCENT * parts["new"], parts["sum"]),
        classic_change=parts["classic"] - first["classic"],
        new_change=parts["new"] - first["new"],
        classic_change_pct=PERCENT * (lookup.ratio(parts["classic"], first["classic"]) - 1),
        new_change_pct=PERCENT * (lookup.ratio(parts["new"], first["new"]) - 1),
        new_growth=parts["new"].diff(),
    )[
        [
            "year",
            "classic",
            "new",
            "new_share",
            "classic_change",
            "new_change",
            "classic_change_pct",
            "new_change_pct",
            "new_growth",
        ]
    ]


def structural_level(figures: pd.DataFrame) -> Interval:
    """Return the structural level of re-integration money (June 2018 letter) as the interval its rounding allows."""
    return printed_interval(figures, "participation_budget", STRUCTURAL, category=TOTAL)


def structural_outlook(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the structural level of the June 2018 letter against the last year of the June 2017 table.

    Assumption, stated in the chapter: the classic target group's budget stays at its last printed
    level (the table shows it flat from 2019), so the rest of the structural level is the new group's.
    Columns: key (STRUCTURAL_LEVEL …), unit (euro_mln, or factor for a ratio), low, mid, high.
    """
    last = TABLE_YEARS[-1]
    structural = structural_level(figures)
    total_last = _value(figures, "participation_budget", last, category=TOTAL, source_id=JUNE_2017)
    classic_last = _value(figures, "participation_budget", last, category=CLASSIC)
    new_last = _value(figures, "participation_budget", last, category=NEW)
    new_structural = structural - classic_last
    rows = [
        (STRUCTURAL_LEVEL, "euro_mln", structural),
        (TOTAL_LAST_YEAR, "euro_mln", Interval.exact(total_last)),
        (FACTOR_TOTAL, "factor", structural / total_last),
        (NEW_STRUCTURAL, "euro_mln", new_structural),
        (FACTOR_NEW, "factor", new_structural / new_last),
    ]
    return pd.DataFrame([{"key": k, "unit": u, "low": i.low, "mid": i.mid, "high": i.high} for k, u, i in rows])


def benefit_corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per benefit level the monthly overpayment in early 2017, scaled to a full benefit, and the July rise.

    A level's category is '<scheme>_<percentage>' (aow_70). Columns: scheme, category, percentage,
    overpaid_monthly (euro), months, overpaid_period, per_full_benefit with its bounds per_full_low and
    per_full_high (the overpayment at 100%, within the rounding to cents), rise_july (None if not printed).
    """
    levels = lookup.select(figures, "benefit_level_percentage")
    rows = []
    for _, level in levels.iterrows():
        category = level["category"]
        overpaid = printed_interval(figures, "benefit_overpayment_monthly", OVERPAID, category=category)
        months = _months(figures, "benefit_overpayment_monthly", OVERPAID, category)
        rise = lookup.select(figures, "benefit_increase_monthly", category=category, period=RAISED_FROM)
        per_full = overpaid / level["value"] * PERCENT
        rows.append(
            {
                "scheme": category.split("_")[0],
                "category": category,
                "percentage": level["value"],
                "overpaid_monthly": overpaid.mid,
                "months": months,
                "overpaid_period": overpaid.mid * months,
                "per_full_benefit": per_full.mid,
                "per_full_low": per_full.low,
                "per_full_high": per_full.high,
                "rise_july": float(rise["value"].iloc[0]) if not rise.empty else None,
            }
        )
    return pd.DataFrame(rows)


def overpayment_consistency(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per scheme whether its overpayments are proportional to the benefit level within rounding.

    The error was in the common base of all levels, so within a scheme the overpayment per full benefit
    should be the same. Columns: scheme, categories, overlap_low, overlap_high (None when the bounds
    exclude each other), proportional (None when a level of 0% leaves it undefined).
    """
    frame = benefit_corrections(figures)
    rows = []
    for scheme, group in frame.groupby("scheme", sort=False):
        intervals = [
            Interval(lo, mid, hi)
            for lo, mid, hi in zip(group["per_full_low"], group["per_full_benefit"], group["per_full_high"])
        ]
        low, high = max(i.low for i in intervals), min(i.high for i in intervals)
        undefined = any(i.undefined for i in intervals)
        rows.append(
            {
                "scheme": scheme,
                "categories": ", ".join(group["category"]),
                "overlap_low": low if low <= high else None,
                "overlap_high": high if low <= high else None,
                "proportional": None if undefined else low <= high + 1e-9,
            }
        )
    return pd.DataFrame(rows)
