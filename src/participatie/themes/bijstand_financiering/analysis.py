"""Financiering van bijstand en re-integratie: the analyses, figures in and frames or numbers out (mln euro).

An amount the letters imply but do not print is an interval over the rounding of the printed figures. Series
come from the data, never from a list of years: every function works on any edition and on later letters.
"""

from __future__ import annotations

import pandas as pd

from ...figures import checks, lookup
from ...figures.rounding import Interval, printed_interval, rounding_margin

# The letters of June 2017 (most figures) and June 2018.
JUNE_2017, JUNE_2018 = "ek-33981-n", "tk-29817-145"
SURPLUS, DEFICIT = "surplus", "deficit"
# The target groups of the participatiebudget: the data's categories.
CLASSIC, NEW, TOTAL = "klassiek", "nieuw", "totaal"
# The macrobudget whose change the June 2017 letter gives: the revised 2017 budget against that of 2016.
BUDGET_YEAR, PREVIOUS_BUDGET, PROVISIONAL = "2017", "macrobudget_2016", "voorlopige_raming"
PREVIOUS_YEAR = str(int(BUDGET_YEAR) - 1)
# The result the June 2017 letter explains: the one over the year before the budget year, from that letter.
FOCUS = (PREVIOUS_YEAR, JUNE_2017)
# The figures a letter itself calls preliminary: (indicator, period, letter). ek-33981-n p. 13 bases the
# 2016 result on preliminary expenditure figures; a later letter's value for 2016 is no longer preliminary.
PRELIMINARY = frozenset({("buig_deficit", "2016", JUNE_2017), ("buig_deficit_share", "2016", JUNE_2017)})
FLAT = 0.01  # our threshold, not the letters': a part that moves less than 1% from a level on stays "vrijwel gelijk"
OVERPAID, RAISED = "benefit_overpayment_monthly", "benefit_increase_monthly"


def _years(period: pd.Series) -> pd.Series:
    """Return whether each period is one calendar year (2017), not a moment, a span or an open period."""
    return period.astype(str).str.fullmatch(r"\d{4}")


def buig_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget BUIG (surplus positive, deficit negative), single years first."""
    rows = pd.concat(
        [
            lookup.select(figures, "buig_surplus").assign(kind=SURPLUS, result=lambda f: f["value"]),
            lookup.select(figures, "buig_deficit").assign(kind=DEFICIT, result=lambda f: -f["value"]),
        ]
    )
    found = lookup.select(figures, "buig_deficit_share")
    shares = dict(zip(zip(found["period"], found["source_id"]), found["value"]))  # printed beside a deficit
    keys = list(zip(rows["period"], rows["source_id"]))
    columns = ["period", "kind", "result", "value", "unit", "qualifier", "share", "cumulative", "preliminary"]
    return (
        rows.assign(
            share=[shares.get(key) if kind == DEFICIT else None for key, kind in zip(keys, rows["kind"])],
            cumulative=~_years(rows["period"]),
            preliminary=[key in PRELIMINARY for key in zip(rows["indicator"], rows["period"], rows["source_id"])],
        )
        .astype({"share": float})
        .sort_values(["cumulative", "period", "source_date"], kind="stable")[[*columns, "source_id", "page", "source_date"]]
        .reset_index(drop=True)
    )


def single_year_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget for single years (buig_results without the summed periods)."""
    results = buig_results(figures)
    return results.loc[~results["cumulative"]].reset_index(drop=True)


def focus_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result the June 2017 letter explains (FOCUS: its result over 2016); None if the data hold none."""
    results = single_year_results(figures)
    found = results.loc[(results["period"] == FOCUS[0]) & (results["source_id"] == FOCUS[1])]
    return None if found.empty else found.iloc[0]


def latest_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result on the macrobudget of the latest single year in the data (ties: the newest letter)."""
    return lookup.last(single_year_results(figures), ["period", "source_date"])


def cumulative_result(figures: pd.DataFrame) -> pd.Series | None:
    """Return the result summed over several years (2012–2016), from the newest letter; None if the data hold none."""
    results = buig_results(figures)
    return lookup.last(results.loc[results["cumulative"]], ["period", "source_date"])


def years_without_result(figures: pd.DataFrame, period: str) -> list[str]:
    """Return the years inside a summed period for which the data hold no single-year result (2012, 2014, 2015)."""
    summed = figures.loc[figures["indicator"].isin(["buig_deficit", "buig_surplus"]) & (figures["period"] == period)]
    given = set(single_year_results(figures)["period"])
    years = range(summed["period_start"].iloc[0].year, summed["period_end"].iloc[0].year + 1)
    return [str(year) for year in years if str(year) not in given]


def budget_2016(figures: pd.DataFrame) -> Interval:
    """Return the macrobudget 2016 implied by the revised 2017 budget and its increase (our computation, mln euro)."""
    # The June 2017 letter does not print it. Undefined when no positive budget follows (a municipal rounded 0).
    budget = printed_interval(figures, "buig_macro_budget", BUDGET_YEAR) - printed_interval(
        figures, "buig_macro_budget_change", BUDGET_YEAR, category=PREVIOUS_BUDGET
    )
    return budget if budget.low > 0 else Interval.not_defined()


def deficit_share_2016(figures: pd.DataFrame) -> float:
    """Return the 2016 deficit as a percentage of the implied macrobudget 2016 (central values; NaN if undefined)."""
    # Our assumptions: the budget of the 2017 passage is the printed percentage's base, and central values compare.
    return lookup.ratio(100 * lookup.value(figures, "buig_deficit", "2016"), budget_2016(figures).mid)


def deficit_share_2016_range(figures: pd.DataFrame) -> Interval:
    """Return the 2016 deficit as a percentage of the implied macrobudget 2016, over the rounding of all three figures."""
    return printed_interval(figures, "buig_deficit", "2016") / budget_2016(figures) * 100


def participation_budget_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year both target groups' budgets, their sum and the printed total, checked, from the newest table."""
    rows = (
        lookup.select(figures, "participation_budget").loc[lambda f: _years(f["period"])].rename(columns={"period": "year"})
    )
    keys = ["year", "source_id"]
    parts = rows.loc[rows["category"].isin([CLASSIC, NEW])]
    parts = parts.loc[parts.groupby(keys)["category"].transform("nunique") == 2]
    parts = parts.loc[parts["source_date"] == parts.groupby("year")["source_date"].transform("max")]  # newest letter
    frame = (
        parts.pivot_table(index=keys, columns="category", values="value", aggfunc="first")
        .rename(columns={CLASSIC: "classic", NEW: "new"})
        .join(rows.loc[rows["category"] == TOTAL].set_index(keys)["value"].rename("printed_total"))
        .join(parts.drop_duplicates(keys).set_index(keys)[["page", "source_date"]])
        .reset_index()
        .astype({"printed_total": float, "page": "int64", "source_date": str})  # plain dtypes: pages are required
    )
    frame = frame.assign(
        sum=frame["classic"] + frame["new"],
        difference=lambda f: f["sum"] - f["printed_total"],
        margin=[rounding_margin(c) + rounding_margin(n) for c, n in zip(frame["classic"], frame["new"])],
        verdict=lambda f: [
            checks.verdict(p, s, m) if pd.notna(p) else checks.NOT_COMPUTABLE
            for p, s, m in zip(f["printed_total"], f["sum"], f["margin"])
        ],
    )
    columns = ["year", "classic", "new", "sum", "printed_total", "difference", "margin", "verdict", "source_id", "page"]
    return frame[[*columns, "source_date"]].sort_values("year").reset_index(drop=True)


def target_group_shift(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year the new group's share (%), both parts' change since the first year and the new part's growth."""
    parts = participation_budget_parts(figures)  # never empty: without a table it raises KeyError
    return parts.assign(
        new_share=lookup.ratio(100 * parts["new"], parts["sum"]),  # of the sum: the two parts make up the total row
        classic_change=parts["classic"] - parts["classic"].iloc[0],
        new_change=parts["new"] - parts["new"].iloc[0],
        new_growth=parts["new"].diff(),
    )[["year", "classic", "new", "new_share", "classic_change", "new_change", "new_growth"]]


def flat_since(values: pd.Series) -> str | None:
    """Return the first label after which at least two values follow, all within FLAT of the value there."""
    for position, label in enumerate(values.index[:-2]):  # a series of zeros is flat from its start
        level, later = float(values.iloc[position]), values.iloc[position + 1 :].astype(float)
        if ((later - level).abs() <= FLAT * abs(level)).all():
            return label
    return None


def newest_letter_total(figures: pd.DataFrame) -> pd.Series | None:
    """Return the re-integration total for a single year from the newest letter that gives one (its latest year)."""
    rows = lookup.select(figures, "participation_budget", category=TOTAL)
    return lookup.last(rows.loc[_years(rows["period"])], ["source_date", "period"])


def structural_level(figures: pd.DataFrame) -> pd.Series | None:
    """Return the structural level of re-integration money (an open period), from the newest letter; None if none."""
    rows = lookup.select(figures, "participation_budget", category=TOTAL)
    return lookup.last(rows.loc[rows["period"].str.endswith("/..")], "source_date")


def _first_per_year(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Return per category the first row of an indicator whose period starts in a year, with that year."""
    rows = lookup.select(figures, indicator)
    return rows.assign(year=[d.year for d in rows["period_start"]]).drop_duplicates(["category", "year"])


def benefit_corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per benefit level the monthly overpayment in early 2017, its total over the months, and the July rise."""
    # A level's category is '<scheme>_<percentage>' (aow_70): paired with the overpayment and rise of that
    # category in the same year. overpaid_period is our computation: the monthly amount times the months.
    levels = lookup.select(figures, "benefit_level_percentage").sort_values("period", kind="stable")
    levels = levels.assign(year=[d.year for d in levels["period_start"]], percentage=levels["value"].astype(float))
    keys = ["category", "year"]
    rises = _first_per_year(figures, RAISED).set_index(keys)[["value", "qualifier", "period"]].add_prefix("rise_")
    paid = levels[[*keys, "percentage"]].merge(_first_per_year(figures, OVERPAID), on=keys).join(rises, on=keys)
    if paid.empty:
        return pd.DataFrame()
    months = [(e.year - s.year) * 12 + e.month - s.month + 1 for s, e in zip(paid["period_start"], paid["period_end"])]
    text = ["scheme", "category", "overpaid_qualifier", "overpaid_span", "rise_qualifier", "rise_period", "source_id"]
    frame = pd.DataFrame(
        {
            "scheme": paid["category"].str.split("_").str[0],
            "category": paid["category"],
            "percentage": paid["percentage"],
            "overpaid_monthly": paid["value"].astype(float),
            "overpaid_qualifier": paid["qualifier"].fillna(""),
            "overpaid_span": paid["period"],
            "months": months,
            "overpaid_period": paid["value"].astype(float) * months,
            "rise": paid["rise_value"].astype(float),
            "rise_qualifier": paid["rise_qualifier"].fillna(""),
            "rise_period": paid["rise_period"],
            "source_id": paid["source_id"],
            "page": paid["page"].astype(int),
        }
    )
    return frame.astype(dict.fromkeys(text, "str"))  # plain text columns, as a frame of records has
