"""Bijstand financiering: the money for benefits (macrobudget BUIG) and re-integration (participatiebudget).

Sources: the letters of April 2017 (tk-34352-56), June 2017 (ek-33981-n, most figures) and June 2018
(tk-29817-145). Several printed figures are rounded (`ca. € 270 miljoen`, `4,8%`, `€ 5,8 miljard`);
amounts the letters imply but do not print are computed here with interval arithmetic, so that the
book shows how far the rounding of the printed figures lets the implied amount move.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import altair as alt
import pandas as pd

from . import charts, checks, formatting, tables
from . import figures as fig
from .labels import UNIT_TEXT, VERDICT_TEXT

THEME = "bijstand_financiering"
APRIL_2017, JUNE_2017, JUNE_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145"
TABLE_YEARS = ("2017", "2018", "2019", "2020", "2021")  # the participatiebudget table of June 2017
CUMULATIVE, STRUCTURAL = "2012/2016", "2018/.."
OVERPAID, RAISED_FROM = "2017-01/2017-06", "2017-07-01"
IOAZ_DATE = "2017-01-01"
PERCENT = 100  # a percentage is a share times a hundred
MLN_PER_MLD = 1000  # unit conversion: one miljard is a thousand miljoen
GROUP = {"klassiek": "klassieke doelgroep", "nieuw": "nieuwe doelgroep", "totaal": "totaal"}
SCHEME = {"aow": "AOW", "bijstand": "bijstand"}
PRINTED, DERIVED = "gedrukt in de brief", "afgeleid door het boek"
HEIGHT_SMALL = 260
AND = " en "  # joins the bounds of a range in a sentence: tussen € 5.463 en 5.790 mln
LABEL_ROOM = 0.12  # share of a value axis kept free for labels beside bars
LABEL_ROOM_WIDE = 0.18  # the same where labels stand on both sides of a bar


# --- interval arithmetic ------------------------------------------------------------------------

@dataclass(frozen=True)
class Interval:
    """A quantity known only within bounds: lowest, central and highest value.

    A quantity the figures do not define (a division by an interval that may be zero) is the undefined
    interval: all three values NaN. Arithmetic with it gives it again; it overlaps nothing.
    """

    low: float
    mid: float
    high: float

    def __post_init__(self):
        if self.undefined and not all(math.isnan(v) for v in (self.low, self.mid, self.high)):
            raise ValueError(f"interval partly undefined: {self.low}, {self.mid}, {self.high}")
        if not self.undefined and not self.low <= self.mid <= self.high:
            raise ValueError(f"interval bounds out of order: {self.low} <= {self.mid} <= {self.high}")

    @classmethod
    def exact(cls, value: float) -> "Interval":
        """Return a quantity known without any margin."""
        return cls(value, value, value)

    @classmethod
    def around(cls, value: float, margin: float) -> "Interval":
        """Return the interval value ± margin."""
        return cls(value - margin, value, value + margin)

    @classmethod
    def not_defined(cls) -> "Interval":
        """Return the undefined interval (all NaN): a quantity the figures do not determine."""
        return cls(math.nan, math.nan, math.nan)

    @property
    def undefined(self) -> bool:
        """Return whether the interval is the undefined one (its values are NaN)."""
        return any(math.isnan(v) for v in (self.low, self.mid, self.high))

    def __add__(self, other) -> "Interval":
        other = _interval(other)
        return Interval(self.low + other.low, self.mid + other.mid, self.high + other.high)

    __radd__ = __add__

    def __sub__(self, other) -> "Interval":
        other = _interval(other)
        return Interval(self.low - other.high, self.mid - other.mid, self.high - other.low)

    def __rsub__(self, other) -> "Interval":
        return _interval(other) - self

    def __mul__(self, other) -> "Interval":
        other = _interval(other)
        if self.undefined or other.undefined:
            return Interval.not_defined()
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), self.mid * other.mid, max(products))

    __rmul__ = __mul__

    def __truediv__(self, other) -> "Interval":
        other = _interval(other)
        if self.undefined or other.undefined or other.low <= 0 <= other.high:
            return Interval.not_defined()  # a divisor that may be zero leaves the quotient unbounded
        quotients = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(quotients), self.mid / other.mid, max(quotients))

    def __rtruediv__(self, other) -> "Interval":
        return _interval(other) / self

    @property
    def width(self) -> float:
        """Return the distance between the lowest and highest value."""
        return self.high - self.low

    def contains(self, value: float) -> bool:
        """Return whether a value lies within the bounds."""
        return self.low - 1e-9 <= value <= self.high + 1e-9

    def overlap(self, other: "Interval") -> tuple[float, float] | None:
        """Return the bounds both intervals allow, or None when they exclude each other (or one is undefined)."""
        if self.undefined or other.undefined:
            return None
        low, high = max(self.low, other.low), min(self.high, other.high)
        return (low, high) if low <= high + 1e-9 else None


def _interval(value) -> Interval:
    return value if isinstance(value, Interval) else Interval.exact(float(value))


def rounding_margin(value: float, qualifier: str | None = None) -> float:
    """Return half a unit of the last printed digit (of the last non-zero digit for a 'circa' round number).

    4,8 → 0,05; 142 → 0,5; ca. 270 → 5 (rounded to tens); ca. 300 → 50; 5,8 (miljard) → 0,05.
    """
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 0.5 * 10 ** -len(text.split(".")[1])
    trailing = len(text) - len(text.rstrip("0")) if qualifier == "circa" and value != 0 else 0
    return 0.5 * 10 ** trailing


def printed_interval(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
                     source_id: str | None = None) -> Interval:
    """Return a printed figure as the interval its rounding allows (amounts in miljoen euro)."""
    found = fig.row(figures, indicator, period, category=category, source_id=source_id)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    interval = Interval.around(float(found["value"]), rounding_margin(float(found["value"]), qualifier))
    return interval * MLN_PER_MLD if found["unit"] == "euro_mld" else interval


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _mln(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
         source_id: str | None = None) -> float:
    found = fig.row(figures, indicator, period, category=category, source_id=source_id)
    return float(found["value"]) * (MLN_PER_MLD if found["unit"] == "euro_mld" else 1)


def _years(figures: pd.DataFrame, indicator: str, period: str) -> int:
    found = fig.row(figures, indicator, period)
    return found["period_end"].year - found["period_start"].year + 1


def _months(figures: pd.DataFrame, indicator: str, period: str, category: str) -> int:
    found = fig.row(figures, indicator, period, category=category)
    start, end = found["period_start"], found["period_end"]
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _margin_text(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None) -> str:
    found = fig.row(figures, indicator, period, category=category)
    qualifier = found["qualifier"] if isinstance(found.get("qualifier"), str) else None
    unit = "procentpunt" if found["unit"] == "procent" else found["unit"]
    return formatting.value_text(rounding_margin(float(found["value"]), qualifier), unit)


def bound_text(value: float, decimals: int, side: str) -> str:
    """Return a lower ('low') or upper ('high') bound in Dutch notation, rounded outwards so it still encloses."""
    if not math.isfinite(value):
        return "–"
    step = 10 ** -decimals
    scaled = round(value / step, 6)
    return formatting.number((math.floor(scaled) if side == "low" else math.ceil(scaled)) * step, decimals)


def range_text(interval: Interval, unit: str, decimals: int = 0, joiner: str = "–") -> str:
    """Return an interval's bounds as Dutch text with the unit, rounded outwards (€ 5.463–5.790 mln); "–" if undefined."""
    if interval.undefined:
        return "–"
    low, high = bound_text(interval.low, decimals, "low"), bound_text(interval.high, decimals, "high")
    return UNIT_TEXT[unit].format(n=f"{low}{joiner}{high}")


# --- the macrobudget BUIG ---------------------------------------------------------------------

def buig_results(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the results on the macrobudget BUIG the letter gives: surplus positive, deficit negative."""
    deficits = fig.select(figures, "buig_deficit").assign(soort="tekort", teken=-1)
    surpluses = fig.select(figures, "buig_surplus").assign(soort="overschot", teken=1)
    rows = pd.concat([surpluses, deficits])
    shares = fig.select(figures, "buig_deficit_share").set_index("period")["value"]
    cumulative = rows["period_start"] != rows["period_end"].map(lambda d: d.replace(month=1, day=1))
    return (
        rows.assign(
            periode=rows["period_label"].where(~cumulative, rows["period_label"] + " (opgeteld)"),
            opgeteld=cumulative,
            resultaat=rows["teken"] * rows["value"],
            bedrag=[formatting.value_text(v, u, None, q if isinstance(q, str) else None)
                    for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
            aandeel=rows["period"].map(shares),
            brief=rows["source_reference"],
        )
        .sort_values(["opgeteld", "period"])
        [["periode", "period", "soort", "resultaat", "bedrag", "aandeel", "opgeteld", "brief", "source_id", "page"]]
        .reset_index(drop=True)
    )


def _budget_2016_from_deficit(figures: pd.DataFrame, deficit_exact: bool = False) -> Interval:
    deficit = (Interval.exact(_v(figures, "buig_deficit", "2016")) if deficit_exact
               else printed_interval(figures, "buig_deficit", "2016"))
    return deficit / (printed_interval(figures, "buig_deficit_share", "2016") / PERCENT)


def _budget_2016_from_2017(figures: pd.DataFrame) -> Interval:
    return (printed_interval(figures, "buig_macro_budget", "2017")
            - printed_interval(figures, "buig_macro_budget_change", "2017", category="macrobudget_2016"))


def _cumulative_budget(figures: pd.DataFrame) -> Interval:
    return (printed_interval(figures, "buig_deficit", CUMULATIVE)
            / (printed_interval(figures, "buig_deficit_share", CUMULATIVE) / PERCENT))


def implied_budgets(figures: pd.DataFrame) -> pd.DataFrame:
    """Return every macrobudget the printed figures imply, as intervals that their rounding allows (mln euro)."""
    t = lambda *a, **k: fig.text(figures, *a, **k)  # noqa: E731 - a local shorthand
    margin = lambda *a, **k: _margin_text(figures, *a, **k)  # noqa: E731
    years = _years(figures, "buig_deficit", CUMULATIVE)
    cumulative = _cumulative_budget(figures)
    rows = [
        ("mb2016_tekort", "Macrobudget 2016, uit tekort en percentage", "2016 uit tekort en %", DERIVED, True,
         f"{t('buig_deficit', '2016')} / {t('buig_deficit_share', '2016')}",
         f"tekort ± {margin('buig_deficit', '2016')}; percentage ± {margin('buig_deficit_share', '2016')}",
         _budget_2016_from_deficit(figures)),
        ("mb2016_tekort_exact", "Idem, met het tekort als exact bedrag", "2016, tekort exact", DERIVED, True,
         f"{t('buig_deficit', '2016')} / {t('buig_deficit_share', '2016')}",
         f"alleen percentage ± {margin('buig_deficit_share', '2016')}",
         _budget_2016_from_deficit(figures, deficit_exact=True)),
        ("mb2016_2017", "Macrobudget 2016, uit macrobudget 2017 en de toename", "2016 uit cijfers 2017", DERIVED, True,
         f"{t('buig_macro_budget', '2017')} − {t('buig_macro_budget_change', '2017', category='macrobudget_2016')}",
         f"macrobudget 2017 ± {margin('buig_macro_budget', '2017')}; toename ± "
         f"{margin('buig_macro_budget_change', '2017', category='macrobudget_2016')}",
         _budget_2016_from_2017(figures)),
        ("mb2017", "Macrobudget 2017 (bijgestelde raming)", "2017 (brief)", PRINTED, True,
         t("buig_macro_budget", "2017"), f"± {margin('buig_macro_budget', '2017')}",
         printed_interval(figures, "buig_macro_budget", "2017")),
        ("mb2017_voorlopig", "Voorlopige raming macrobudget 2017", "2017 voorlopige raming", DERIVED, True,
         f"{t('buig_macro_budget', '2017')} − {t('buig_macro_budget_change', '2017', category='voorlopige_raming')}",
         f"macrobudget 2017 ± {margin('buig_macro_budget', '2017')}; bijstelling ± "
         f"{margin('buig_macro_budget_change', '2017', category='voorlopige_raming')}",
         printed_interval(figures, "buig_macro_budget", "2017")
         - printed_interval(figures, "buig_macro_budget_change", "2017", category="voorlopige_raming")),
        ("mb_2012_2016", "Macrobudget 2012–2016 opgeteld, uit opgeteld tekort en percentage", "2012–2016 opgeteld", DERIVED, False,
         f"{t('buig_deficit', CUMULATIVE)} / {t('buig_deficit_share', CUMULATIVE)}",
         f"tekort ± {margin('buig_deficit', CUMULATIVE)}; percentage ± {margin('buig_deficit_share', CUMULATIVE)}",
         cumulative),
        ("mb_gemiddeld_2012_2016", "Gemiddeld macrobudget per jaar 2012–2016", "gemiddeld 2012–2016", DERIVED, True,
         f"opgeteld macrobudget / {years} jaar", "als de regel hierboven", cumulative / years),
    ]
    return pd.DataFrame([
        {"sleutel": key, "grootheid": name, "kort": short, "soort": kind, "per_jaar": per_year, "berekening": how,
         "marges": margins, "laag": interval.low, "midden": interval.mid, "hoog": interval.high}
        for key, name, short, kind, per_year, how, margins, interval in rows
    ])


def budget_2016_agreement(figures: pd.DataFrame) -> pd.DataFrame:
    """Return whether the two macrobudgets 2016 the letter implies agree within rounding, with their overlap."""
    from_deficit = _budget_2016_from_deficit(figures)
    from_2017 = _budget_2016_from_2017(figures)
    rows = []
    for name, first in (("tekort afgerond", from_deficit),
                        ("tekort exact", _budget_2016_from_deficit(figures, deficit_exact=True))):
        overlap = first.overlap(from_2017)
        rows.append({
            "vergelijking": f"uit tekort en percentage ({name}) tegen uit de cijfers over 2017",
            "midden_tekort": first.mid, "midden_2017": from_2017.mid, "verschil": from_2017.mid - first.mid,
            "overlap_laag": overlap[0] if overlap else None, "overlap_hoog": overlap[1] if overlap else None,
            "verenigbaar": overlap is not None,
        })
    return pd.DataFrame(rows)


def deficit_share_2016(figures: pd.DataFrame) -> float:
    """Return the 2016 deficit as a percentage of the 2016 macrobudget implied by the 2017 figures."""
    return fig.ratio(PERCENT * _v(figures, "buig_deficit", "2016"), _budget_2016_from_2017(figures).mid)


def cumulative_share_at_2016_level(figures: pd.DataFrame) -> float:
    """Return the cumulative deficit 2012–2016 as a percentage of five times the 2016 macrobudget."""
    years = _years(figures, "buig_deficit", CUMULATIVE)
    return fig.ratio(PERCENT * _v(figures, "buig_deficit", CUMULATIVE), years * _budget_2016_from_2017(figures).mid)


# --- the participatiebudget (re-integration) ----------------------------------------------------

def participation_budget_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year of the June 2017 table the two target groups' budgets, their sum and the printed total."""
    table = fig.select(figures, "participation_budget", source_id=JUNE_2017).loc[lambda f: f["dimension"] == "doelgroep"]
    wide = table.pivot(index="period", columns="category", values="value").dropna()
    tolerance = {
        period: rounding_margin(wide.at[period, "klassiek"]) + rounding_margin(wide.at[period, "nieuw"])
        for period in wide.index
    }
    frame = (
        wide.reset_index()
        .rename(columns={"period": "jaar", "totaal": "totaal_gedrukt"})
        .assign(som=lambda f: f["klassiek"] + f["nieuw"])
        .assign(verschil=lambda f: f["som"] - f["totaal_gedrukt"], marge=lambda f: f["jaar"].map(tolerance))
    )
    return frame.assign(
        oordeel=[checks.verdict(p, s, m) for p, s, m in zip(frame["totaal_gedrukt"], frame["som"], frame["marge"])],
    )[["jaar", "klassiek", "nieuw", "som", "totaal_gedrukt", "verschil", "marge", "oordeel"]]


def target_group_shift(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per year the share of the new target group and both groups' change since the first year."""
    parts = participation_budget_parts(figures)
    first = parts.iloc[0]
    return parts.assign(
        aandeel_nieuw=fig.ratio(PERCENT * parts["nieuw"], parts["som"]),
        klassiek_sinds_begin=parts["klassiek"] - first["klassiek"],
        nieuw_sinds_begin=parts["nieuw"] - first["nieuw"],
        klassiek_sinds_begin_pct=PERCENT * (fig.ratio(parts["klassiek"], first["klassiek"]) - 1),
        nieuw_sinds_begin_pct=PERCENT * (fig.ratio(parts["nieuw"], first["nieuw"]) - 1),
        nieuw_groei_jaar=parts["nieuw"].diff(),
    )[["jaar", "klassiek", "nieuw", "aandeel_nieuw", "klassiek_sinds_begin", "nieuw_sinds_begin",
       "klassiek_sinds_begin_pct", "nieuw_sinds_begin_pct", "nieuw_groei_jaar"]]


def structural_outlook(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the structural level of the June 2018 letter against the last year of the June 2017 table.

    Assumption, stated in the chapter: the classic target group's budget stays at its last printed
    level (the table shows it flat from 2019), so the rest of the structural level is the new group's.
    """
    last = TABLE_YEARS[-1]
    structural = printed_interval(figures, "participation_budget", STRUCTURAL, category="totaal")
    total_last = _v(figures, "participation_budget", last, category="totaal", source_id=JUNE_2017)
    classic_last = _v(figures, "participation_budget", last, category="klassiek")
    new_last = _v(figures, "participation_budget", last, category="nieuw")
    new_structural = structural - classic_last
    rows = [
        ("structureel_niveau", "Structureel niveau (brief juni 2018)", structural),
        ("totaal_laatste_jaar", f"Totaal {last} (tabel juni 2017)", Interval.exact(total_last)),
        ("factor_totaal", f"Structureel niveau / totaal {last}", structural / total_last),
        ("nieuw_structureel", f"Nieuwe doelgroep structureel, als de klassieke op het niveau van {last} blijft",
         new_structural),
        ("factor_nieuw", f"Nieuwe doelgroep structureel / nieuwe doelgroep {last}", new_structural / new_last),
    ]
    return pd.DataFrame([{"sleutel": k, "grootheid": n, "laag": i.low, "midden": i.mid, "hoog": i.high}
                         for k, n, i in rows])


# --- benefit levels 2017 --------------------------------------------------------------------------

def benefit_corrections(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per benefit level the monthly overpayment in early 2017, scaled to a full benefit, and the July rise."""
    levels = fig.select(figures, "benefit_level_percentage")
    rows = []
    for _, level in levels.iterrows():
        category = level["category"]
        overpaid = printed_interval(figures, "benefit_overpayment_monthly", OVERPAID, category=category)
        months = _months(figures, "benefit_overpayment_monthly", OVERPAID, category)
        rise = fig.select(figures, "benefit_increase_monthly", category=category, period=RAISED_FROM)
        per_full = overpaid / level["value"] * PERCENT
        rows.append({
            "regeling": SCHEME[category.split("_")[0]], "category": category, "percentage": level["value"],
            "uitkering": f"{SCHEME[category.split('_')[0]]}, {formatting.value_text(level['value'], 'procent')}",
            "te_veel_per_maand": overpaid.mid, "maanden": months, "te_veel_periode": overpaid.mid * months,
            "per_volle_uitkering": per_full.mid, "per_volle_laag": per_full.low, "per_volle_hoog": per_full.high,
            "stijging_juli": float(rise["value"].iloc[0]) if not rise.empty else None,
        })
    return pd.DataFrame(rows)


def overpayment_consistency(figures: pd.DataFrame) -> pd.DataFrame:
    """Return per scheme whether its overpayments are proportional to the benefit level within rounding."""
    frame = benefit_corrections(figures)
    rows = []
    for scheme, group in frame.groupby("regeling", sort=False):
        intervals = [Interval(lo, mid, hi) for lo, mid, hi in
                     zip(group["per_volle_laag"], group["per_volle_uitkering"], group["per_volle_hoog"])]
        low, high = max(i.low for i in intervals), min(i.high for i in intervals)
        undefined = any(i.undefined for i in intervals)  # a level of 0%: proportionality cannot be judged
        rows.append({"regeling": scheme, "niveaus": ", ".join(group["uitkering"]),
                     "overlap_laag": low if low <= high else None, "overlap_hoog": high if low <= high else None,
                     "evenredig": None if undefined else low <= high + 1e-9})
    return pd.DataFrame(rows)


# --- key figures ------------------------------------------------------------------------------

def key_figures(figures: pd.DataFrame) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    t = lambda *a, **k: fig.text(figures, *a, **k)  # noqa: E731 - a local shorthand
    mln = lambda v, d=0: formatting.value_text(v, "euro_mln", d)  # noqa: E731
    pct = lambda v, d=1: formatting.value_text(v, "procent", d)  # noqa: E731
    implied = implied_budgets(figures).set_index("sleutel")
    interval = lambda key: Interval(*implied.loc[key, ["laag", "midden", "hoog"]])  # noqa: E731
    agreement = budget_2016_agreement(figures).iloc[0]
    parts = participation_budget_parts(figures).set_index("jaar")
    shift = target_group_shift(figures).set_index("jaar")
    outlook = structural_outlook(figures).set_index("sleutel")
    benefits = benefit_corrections(figures).set_index("category")
    first, last = TABLE_YEARS[0], TABLE_YEARS[-1]
    new_structural = Interval(*outlook.loc["nieuw_structureel", ["laag", "midden", "hoog"]])
    off = parts.loc[parts["oordeel"] != checks.EXACT]
    texts = {
        "bf_deficit_2016": t("buig_deficit", "2016"),
        "bf_deficit_share_2016": t("buig_deficit_share", "2016"),
        "bf_deficit_share_recomputed": pct(deficit_share_2016(figures), 2),
        "bf_surplus_2013": t("buig_surplus", "2013"),
        "bf_deficit_cum": t("buig_deficit", CUMULATIVE),
        "bf_deficit_cum_share": t("buig_deficit_share", CUMULATIVE),
        "bf_asylum_2016": t("asylum_advance_budget", "2016"),
        "bf_asylum_2017": t("asylum_advance_budget", "2017"),
        "bf_recipients": t("bijstand_recipients", "2017-03"),
        "bf_budget_2017": t("buig_macro_budget", "2017"),
        "bf_change_provisional": t("buig_macro_budget_change", "2017", category="voorlopige_raming"),
        "bf_change_2016": t("buig_macro_budget_change", "2017", category="macrobudget_2016"),
        "bf_mb2016_deficit": mln(interval("mb2016_tekort").mid),
        "bf_mb2016_deficit_range": range_text(interval("mb2016_tekort"), "euro_mln", joiner=AND),
        "bf_mb2016_deficit_exact_range": range_text(interval("mb2016_tekort_exact"), "euro_mln", joiner=AND),
        "bf_mb2016_2017": mln(interval("mb2016_2017").mid),
        "bf_mb2016_2017_range": range_text(interval("mb2016_2017"), "euro_mln", joiner=AND),
        "bf_mb2016_diff": mln(agreement["verschil"]),
        "bf_mb2016_overlap": range_text(Interval(agreement["overlap_laag"], agreement["overlap_laag"],
                                                 agreement["overlap_hoog"]), "euro_mln", joiner=AND)
        if agreement["verenigbaar"] else "–",
        "bf_provisional_2017": mln(interval("mb2017_voorlopig").mid),
        "bf_cum_budget": mln(interval("mb_2012_2016").mid),
        "bf_cum_budget_range": range_text(interval("mb_2012_2016"), "euro_mln", joiner=AND),
        "bf_cum_years": formatting.number(_years(figures, "buig_deficit", CUMULATIVE)),
        "bf_cum_avg": mln(interval("mb_gemiddeld_2012_2016").mid),
        "bf_cum_avg_range": range_text(interval("mb_gemiddeld_2012_2016"), "euro_mln", joiner=AND),
        "bf_cum_avg_above_2016": pct(PERCENT * (fig.ratio(interval("mb_gemiddeld_2012_2016").mid, interval("mb2016_2017").mid) - 1)),
        "bf_cum_avg_low_below_2016": pct(PERCENT * (1 - fig.ratio(interval("mb_gemiddeld_2012_2016").low,
                                                                   interval("mb2016_2017").mid))),
        "bf_cum_share_flat": pct(cumulative_share_at_2016_level(figures), 3),
        "bf_pb_first_total": mln(parts.loc[first, "totaal_gedrukt"], 3),
        "bf_pb_last_total": mln(parts.loc[last, "totaal_gedrukt"], 3),
        "bf_pb_first_classic": mln(parts.loc[first, "klassiek"], 3),
        "bf_pb_last_classic": mln(parts.loc[last, "klassiek"], 3),
        "bf_pb_first_new": mln(parts.loc[first, "nieuw"], 3),
        "bf_pb_last_new": mln(parts.loc[last, "nieuw"], 3),
        "bf_pb_off_years": ", ".join(off.index) if not off.empty else "geen",
        "bf_pb_last_sum": mln(parts.loc[last, "som"], 3),
        "bf_pb_last_gap": mln(abs(parts.loc[last, "verschil"]), 3),
        "bf_pb_margin": mln(parts.loc[last, "marge"], 3),
        "bf_pb_2018_table": t("participation_budget", "2018", category="totaal", source_id=JUNE_2017),
        "bf_pb_2018_letter": t("participation_budget", "2018", category="totaal", source_id=JUNE_2018),
        "bf_pb_structural": t("participation_budget", STRUCTURAL, category="totaal"),
        "bf_pb_structural_factor": formatting.number(outlook.loc["factor_totaal", "midden"], 1),
        "bf_pb_new_structural": mln(new_structural.mid),
        "bf_pb_new_structural_range": range_text(new_structural, "euro_mln", joiner=AND),
        "bf_pb_new_structural_factor": formatting.number(outlook.loc["factor_nieuw", "midden"], 1),
        "bf_share_new_first": pct(shift.loc[first, "aandeel_nieuw"]),
        "bf_share_new_last": pct(shift.loc[last, "aandeel_nieuw"]),
        "bf_classic_change": mln(abs(shift.loc[last, "klassiek_sinds_begin"]), 1),
        "bf_classic_change_pct": pct(abs(shift.loc[last, "klassiek_sinds_begin_pct"])),
        "bf_new_change": mln(shift.loc[last, "nieuw_sinds_begin"], 1),
        "bf_new_change_pct": pct(shift.loc[last, "nieuw_sinds_begin_pct"], 0),
        "bf_new_jump_last": mln(shift.loc[last, "nieuw_groei_jaar"], 1),
        "bf_new_growth_min": mln(shift["nieuw_groei_jaar"].min(), 1),
        "bf_new_growth_max_other": mln(shift["nieuw_groei_jaar"].drop(last).max(), 1),
        "bf_pp_intensive": t("reintegration_budget_per_person", "2015/..", category="intensief"),
        "bf_pp_other": t("reintegration_budget_per_person", "2015/..", category="overig"),
        "bf_inflow": t("new_target_group_inflow_assumption", "2015/.."),
        "bf_esf": t("esf_active_inclusion_budget", "2014/2016"),
        "bf_months_overpaid": formatting.number(benefits["maanden"].max()),
        "bf_overpaid_max_period": formatting.value_text(benefits["te_veel_periode"].max(), "euro", 2),
        "bf_ioaz_first": t("ioaz_income_norm_correction", IOAZ_DATE, category="eerste"),
        "bf_ioaz_second": t("ioaz_income_norm_correction", IOAZ_DATE, category="tweede"),
        "bf_ioaz_norm_first": t("ioaz_income_norm", IOAZ_DATE, category="eerste", decimals=0),
        "bf_ioaz_norm_second": t("ioaz_income_norm", IOAZ_DATE, category="tweede", decimals=0),
    }
    for category, row in benefits.iterrows():
        texts[f"bf_pct_{category}"] = t("benefit_level_percentage", "2017", category=category)
        texts[f"bf_over_{category}"] = t("benefit_overpayment_monthly", OVERPAID, category=category, decimals=2)
        texts[f"bf_full_{category}"] = formatting.value_text(row["per_volle_uitkering"], "euro", 2)
        if row["stijging_juli"] is not None and not pd.isna(row["stijging_juli"]):
            texts[f"bf_rise_{category}"] = t("benefit_increase_monthly", RAISED_FROM, category=category, decimals=2)
    return texts


# --- claims the book recomputes -------------------------------------------------------------------

def _register_checks() -> None:
    add = checks.register
    for year in TABLE_YEARS:
        add(checks.Check(
            f"bf-participatiebudget-som-{year}", THEME,
            f"Participatiebudget {year}: totaal is klassieke plus nieuwe doelgroep (tabel meicirculaire 2017)",
            "participation_budget", year, JUNE_2017,
            lambda f, y=year: _v(f, "participation_budget", y, "klassiek") + _v(f, "participation_budget", y, "nieuw"),
            "klassieke doelgroep + nieuwe doelgroep", 0.001, "totaal"))
    add(checks.Check(
        "bf-participatiebudget-2018-brief-2018", THEME,
        "Re-integratiemiddelen 2018 in de brief van juni 2018 tegenover de tabel van juni 2017",
        "participation_budget", "2018", JUNE_2018,
        lambda f: _v(f, "participation_budget", "2018", "totaal", source_id=JUNE_2017),
        "totaal 2018 uit de tabel van juni 2017 (meicirculaire 2017)", 0.5, "totaal"))
    add(checks.Check(
        "bf-tekort-aandeel-2016", THEME, "Tekort op het macrobudget BUIG 2016 als percentage van het macrobudget",
        "buig_deficit_share", "2016", JUNE_2017, deficit_share_2016,
        "tekort 2016 / (macrobudget 2017 − toename t.o.v. 2016) × 100", 0.05))


_register_checks()


# --- charts and tables ----------------------------------------------------------------------------

def chart_buig_results(chapter) -> charts.ChartFigure:
    """Return the bars of the results on the macrobudget BUIG: the 2013 surplus, the 2016 and cumulative deficits."""
    frame = buig_results(chapter.figures)
    frame = frame.assign(label=frame["soort"] + " " + frame["bedrag"])
    order = frame["periode"].tolist()
    kinds = ["overschot", "tekort"]
    pad = (frame["resultaat"].max() - frame["resultaat"].min()) * LABEL_ROOM
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=order, title=None),
        y=alt.Y("resultaat:Q", axis=charts.value_axis("euro_mln", "Resultaat (miljoen euro)"),
                scale=alt.Scale(domain=[float(frame["resultaat"].min() - pad), float(frame["resultaat"].max() + pad)])),
        tooltip=[alt.Tooltip("periode:N", title="Periode"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("resultaat:Q", title="Resultaat (mln euro)", format=",.0f"),
                 alt.Tooltip("brief:N", title="Brief")],
    )
    bars = base.mark_bar(size=60, strokeWidth=1.5, stroke=charts.PALETTE[4]).encode(
        color=alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.SECONDARY, charts.PRIMARY])),
        strokeDash=alt.StrokeDash("opgeteld:N", legend=None, scale=alt.Scale(domain=[False, True], range=[[1, 0], [4, 3]])),
    )
    positive = base.transform_filter("datum.resultaat >= 0").mark_text(dy=-9).encode(text="label:N")
    negative = base.transform_filter("datum.resultaat < 0").mark_text(dy=11).encode(text="label:N")
    zero = alt.Chart(pd.DataFrame({"nul": [0]})).mark_rule(color=charts.PALETTE[4]).encode(y="nul:Q")
    chart = (bars + zero + positive + negative).properties(
        width=charts.WIDTH, height=HEIGHT_SMALL,
        title=charts.title("Resultaat op het macrobudget BUIG",
                           "Boven nul een overschot, onder nul een tekort; de gestippelde staaf telt "
                           f"{_years(chapter.figures, 'buig_deficit', CUMULATIVE)} jaren op"))
    parts = "; ".join(f"{p}: {label}" for p, label in zip(frame["periode"], frame["label"]))
    return charts.figure(
        chart,
        description=("Staafdiagram van het landelijke resultaat op het macrobudget voor de bijstand, boven nul een overschot "
                     f"en onder nul een tekort ({parts}); de opgetelde periode is gestippeld."),
        source_line=chapter.source_line(frame),
        table=pd.DataFrame({"Periode": frame["periode"], "Soort": frame["soort"], "Bedrag": frame["bedrag"],
                            "% van het macrobudget (brief)": frame["aandeel"], "Brief": frame["brief"]}),
    )



def chart_implied_budgets(chapter) -> charts.ChartFigure:
    """Return the ranges of the yearly macrobudgets the printed figures imply, beside the printed 2017 budget."""
    frame = implied_budgets(chapter.figures).loc[lambda f: f["per_jaar"]]
    frame = frame.assign(
        laag_tekst=[bound_text(v, 0, "low") for v in frame["laag"]],
        hoog_tekst=[bound_text(v, 0, "high") for v in frame["hoog"]],
    )
    order = frame["kort"].tolist()
    kinds = [PRINTED, DERIVED]
    y = alt.Y("kort:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    span = frame["hoog"].max() - frame["laag"].min()
    pad = span * LABEL_ROOM_WIDE  # room for the bound labels left and right of the bars
    x_scale = alt.Scale(zero=False, nice=False, domain=[float(frame["laag"].min() - pad), float(frame["hoog"].max() + pad)])
    base = alt.Chart(frame).encode(
        y=y,
        tooltip=[alt.Tooltip("grootheid:N", title="Grootheid"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("berekening:N", title="Berekening"),
                 alt.Tooltip("laag:Q", title="Laagst (mln euro)", format=",.0f"),
                 alt.Tooltip("midden:Q", title="Midden (mln euro)", format=",.0f"),
                 alt.Tooltip("hoog:Q", title="Hoogst (mln euro)", format=",.0f")],
    )
    colour = alt.Color("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[charts.PRIMARY, charts.SECONDARY]))
    ranges = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("laag:Q", scale=x_scale, axis=charts.value_axis("euro_mln", "Miljoen euro per jaar")), x2="hoog:Q",
        color=colour,
        strokeDash=alt.StrokeDash("soort:N", title=None, scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 3]])))
    points = base.mark_point(filled=True, size=90, color="black").encode(
        x="midden:Q",
        shape=alt.Shape("soort:N", title=None, scale=alt.Scale(domain=kinds, range=["square", "circle"])))
    low = base.mark_text(align="right", dx=-6).encode(x="laag:Q", text="laag_tekst:N")
    high = base.mark_text(align="left", dx=6).encode(x="hoog:Q", text="hoog_tekst:N")
    chart = (ranges + points + low + high).properties(
        width=charts.WIDTH, height=HEIGHT_SMALL,
        title=charts.title("Welk macrobudget volgt uit de afgeronde cijfers?",
                           "Balk: alle waarden die de afronding van de gedrukte getallen toelaat; punt: uitkomst met de gedrukte getallen"))
    shown = implied_budgets(chapter.figures)
    return charts.figure(
        chart,
        description=("Liggende balken met de marges van het macrobudget BUIG 2016 zoals dat volgt uit het tekort en het "
                     "percentage, en zoals het volgt uit het macrobudget 2017 en de toename, naast het gedrukte macrobudget 2017, "
                     "de voorlopige raming 2017 en het gemiddelde jaarbudget over 2012 tot en met 2016; de balken van 2016 overlappen."),
        source_line=chapter.source_line(fig.select(chapter.figures, "buig_deficit")),
        table=pd.DataFrame({"Grootheid": shown["grootheid"], "Soort": shown["soort"], "Berekening": shown["berekening"],
                            "Marges": shown["marges"], "Laagst": shown["laag"], "Midden": shown["midden"],
                            "Hoogst": shown["hoog"]}),
        table_formats={"Laagst": lambda v: bound_text(v, 0, "low"), "Midden": 0,
                       "Hoogst": lambda v: bound_text(v, 0, "high")},
    )


def implied_budgets_table(chapter) -> tables.Table:
    """Return the implied macrobudgets with their computation, rounding margins and bounds as a Dutch table."""
    frame = implied_budgets(chapter.figures)
    shown = pd.DataFrame({
        "Grootheid": frame["grootheid"], "Berekening": frame["berekening"], "Afrondingsmarges": frame["marges"],
        "Laagst (mln)": frame["laag"], "Midden (mln)": frame["midden"], "Hoogst (mln)": frame["hoog"],
    })
    return tables.show(shown, {"Laagst (mln)": lambda v: bound_text(v, 0, "low"), "Midden (mln)": 0,
                               "Hoogst (mln)": lambda v: bound_text(v, 0, "high")})


def chart_participation_budget(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the participatiebudget by target group, with the printed totals and the structural level."""
    parts = participation_budget_parts(chapter.figures)
    long = pd.concat([
        parts.assign(doelgroep=GROUP["klassiek"], bedrag=parts["klassiek"], volgorde=0),
        parts.assign(doelgroep=GROUP["nieuw"], bedrag=parts["nieuw"], volgorde=1),
    ])
    long = long.assign(label=long["doelgroep"].str.split(" ").str[0] + "\n"
                       + [formatting.number(v, 1) for v in long["bedrag"]])
    groups = [GROUP["klassiek"], GROUP["nieuw"]]
    base = alt.Chart(long).encode(
        x=alt.X("jaar:N", title=None),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("doelgroep:N", title="Doelgroep"),
                 alt.Tooltip("bedrag:Q", title="Miljoen euro", format=",.3f")],
    )
    bars = base.mark_bar(size=56).encode(
        y=alt.Y("bedrag:Q", stack="zero", axis=charts.value_axis("euro_mln")),
        color=alt.Color("doelgroep:N", title=None, sort=groups, scale=alt.Scale(domain=groups, range=[charts.PRIMARY, charts.SECONDARY])),
        order=alt.Order("volgorde:Q"),
    )
    inside = base.mark_text(color="white", lineBreak="\n", fontSize=10).encode(
        y=alt.Y("midden:Q"), text="label:N",
    ).transform_stack(stack="bedrag", groupby=["jaar"], sort=[alt.SortField("volgorde")], as_=["onder", "boven"]
                      ).transform_calculate(midden="(datum.onder + datum.boven) / 2")
    totals = alt.Chart(parts.assign(tekst=[f"totaal {formatting.number(v, 3)}" for v in parts["totaal_gedrukt"]])).mark_text(dy=-9).encode(
        x="jaar:N", y="totaal_gedrukt:Q", text="tekst:N")
    structural = fig.row(chapter.figures, "participation_budget", STRUCTURAL, category="totaal")
    level = pd.DataFrame({"niveau": [_mln(chapter.figures, "participation_budget", STRUCTURAL, category="totaal")],
                          "tekst": [f"structureel niveau {fig.text(chapter.figures, 'participation_budget', STRUCTURAL, category='totaal')} "
                                    "(brief juni 2018; jaar niet genoemd)"]})
    rule = alt.Chart(level).mark_rule(strokeDash=[6, 4], color=charts.PALETTE[4], strokeWidth=1.5).encode(y="niveau:Q")
    rule_text = alt.Chart(level).mark_text(align="left", dy=-8, x=4).encode(y="niveau:Q", text="tekst:N")
    chart = (bars + inside + totals + rule + rule_text).properties(
        width=charts.WIDTH, height=420,
        title=charts.title("Participatiebudget naar doelgroep, 2017–2021",
                           "Miljoen euro volgens de meicirculaire 2017; gestippeld het structurele niveau uit juni 2018"))
    table = pd.DataFrame({"Jaar": parts["jaar"], "Klassieke doelgroep": parts["klassiek"], "Nieuwe doelgroep": parts["nieuw"],
                          "Som": parts["som"], "Totaal (brief)": parts["totaal_gedrukt"]})
    rows = pd.concat([fig.select(chapter.figures, "participation_budget", source_id=JUNE_2017), structural.to_frame().T])
    return charts.figure(
        chart,
        description=(f"Gestapelde staven van het participatiebudget per jaar van {parts['jaar'].iloc[0]} tot en met "
                     f"{parts['jaar'].iloc[-1]}, verdeeld over de klassieke en de nieuwe doelgroep, met het gedrukte totaal "
                     f"boven elke staaf en een gestippelde lijn op het structurele niveau van "
                     f"{fig.text(chapter.figures, 'participation_budget', STRUCTURAL, category='totaal')} "
                     "dat de brief van juni 2018 noemt."),
        source_line=chapter.source_line(rows),
        table=table, table_formats={c: 3 for c in table.columns if c != "Jaar"},
    )


def participation_budget_table(chapter) -> tables.Table:
    """Return the participatiebudget table's parts against its printed totals, year by year, with the verdict."""
    parts = participation_budget_parts(chapter.figures)
    shown = pd.DataFrame({
        "Jaar": parts["jaar"], "Klassieke doelgroep": parts["klassiek"], "Nieuwe doelgroep": parts["nieuw"],
        "Som van de delen": parts["som"], "Totaal (brief)": parts["totaal_gedrukt"], "Verschil": parts["verschil"],
        "Marge": parts["marge"], "Oordeel": parts["oordeel"].map(VERDICT_TEXT),
    })
    return tables.show(shown, {c: 3 for c in ("Klassieke doelgroep", "Nieuwe doelgroep", "Som van de delen",
                                               "Totaal (brief)", "Verschil", "Marge")})


def chart_target_group_shift(chapter) -> charts.ChartFigure:
    """Return the line of the new target group's share of the participatiebudget per year."""
    frame = target_group_shift(chapter.figures)
    frame = frame.assign(tekst=[formatting.value_text(v, "procent", 1) for v in frame["aandeel_nieuw"]])
    top = frame["aandeel_nieuw"].max()  # NaN when no year has a share (all budgets 0)
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:N", title=None),
        y=alt.Y("aandeel_nieuw:Q", axis=charts.value_axis("procent", "Aandeel nieuwe doelgroep (%)"),
                scale=alt.Scale(domain=[0, float(top) * (1 + LABEL_ROOM)] if pd.notna(top) else alt.Undefined)),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("aandeel_nieuw:Q", title="Aandeel nieuwe doelgroep (%)", format=",.1f"),
                 alt.Tooltip("nieuw:Q", title="Nieuwe doelgroep (mln euro)", format=",.1f"),
                 alt.Tooltip("klassiek:Q", title="Klassieke doelgroep (mln euro)", format=",.1f")],
    )
    chart = (base.mark_line(point=True) + base.mark_text(dy=-11).encode(text="tekst:N")).properties(
        width=charts.WIDTH, height=240,
        title=charts.title("Aandeel van de nieuwe doelgroep in het participatiebudget",
                           "Berekend door het boek uit de tabel van juni 2017 (som van de twee doelgroepen is het geheel)"))
    table = pd.DataFrame({
        "Jaar": frame["jaar"], "Klassiek (mln)": frame["klassiek"], "Nieuw (mln)": frame["nieuw"],
        "Aandeel nieuw (%)": frame["aandeel_nieuw"], "Klassiek t.o.v. eerste jaar (mln)": frame["klassiek_sinds_begin"],
        "Nieuw t.o.v. eerste jaar (mln)": frame["nieuw_sinds_begin"], "Nieuw t.o.v. vorig jaar (mln)": frame["nieuw_groei_jaar"],
    })
    return charts.figure(
        chart,
        description=(f"Lijn met het aandeel van de nieuwe doelgroep in het participatiebudget per jaar, van "
                     f"{frame['tekst'].iloc[0]} in {frame['jaar'].iloc[0]} naar {frame['tekst'].iloc[-1]} in "
                     f"{frame['jaar'].iloc[-1]}."),
        source_line=chapter.source_line(fig.select(chapter.figures, "participation_budget", source_id=JUNE_2017)),
        table=table, table_formats={"Klassiek (mln)": 3, "Nieuw (mln)": 3, "Aandeel nieuw (%)": 1,
                                    "Klassiek t.o.v. eerste jaar (mln)": 3, "Nieuw t.o.v. eerste jaar (mln)": 3,
                                    "Nieuw t.o.v. vorig jaar (mln)": 3},
    )


def structural_table(chapter) -> tables.Table:
    """Return the structural level of re-integration money against the table's last year, as a Dutch table."""
    frame = structural_outlook(chapter.figures)
    factor = frame["sleutel"].str.startswith("factor")
    shown = pd.DataFrame({"Grootheid": frame["grootheid"], "Laagst": frame["laag"], "Midden": frame["midden"],
                          "Hoogst": frame["hoog"], "Eenheid": factor.map({True: "keer", False: "mln euro"})})
    return tables.show(shown, {"Laagst": lambda v: bound_text(v, 1, "low"), "Midden": 1,
                               "Hoogst": lambda v: bound_text(v, 1, "high")})


def benefit_corrections_table(chapter) -> tables.Table:
    """Return the 2017 benefit corrections per level: overpaid per month and in total, per full benefit, July rise."""
    frame = benefit_corrections(chapter.figures)
    months = int(frame["maanden"].max())
    euro = lambda v: formatting.value_text(v, "euro", 2)  # noqa: E731
    shown = pd.DataFrame({
        "Uitkering": frame["uitkering"], "Te veel per maand (brief)": frame["te_veel_per_maand"],
        f"Te veel over {months} maanden": frame["te_veel_periode"],
        "Per maand, omgerekend naar 100%": frame["per_volle_uitkering"],
        "Marge omgerekend": [range_text(Interval(lo, lo, hi), "euro", 3)
                             for lo, hi in zip(frame["per_volle_laag"], frame["per_volle_hoog"])],
        "Stijging per 1 juli (brief)": frame["stijging_juli"],
    })
    return tables.show(shown, {"Te veel per maand (brief)": euro, f"Te veel over {months} maanden": euro,
                               "Per maand, omgerekend naar 100%": euro, "Stijging per 1 juli (brief)": euro})


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures on money and numbers (advances, ESF, budget per person, inflow, recipients)."""
    rows = pd.concat([fig.select(chapter.figures, i) for i in (
        "bijstand_recipients", "asylum_advance_budget", "esf_active_inclusion_budget",
        "reintegration_budget_per_person", "new_target_group_inflow_assumption")])
    categories = {"intensief": "intensieve begeleiding", "overig": "overige nieuwe doelgroep"}
    shown = pd.DataFrame({
        "Indicator": [f"{label} ({categories.get(c, c)})" if isinstance(c, str) else label
                      for label, c in zip(rows["label"], rows["category"])],
        "Periode": rows["period_label"],
        "Waarde": [formatting.value_text(v, u, None, q if isinstance(q, str) else None)
                   for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        "Toelichting": rows["note"],
        "Bron": [f"{chapter.reference(s)}, p. {p}" for s, p in zip(rows["source_id"], rows["page"])],
    })
    return tables.show(shown)
