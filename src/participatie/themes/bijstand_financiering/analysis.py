"""Financiering van bijstand en re-integratie: the analyses (figures in, frames out)."""

from __future__ import annotations

import pandas as pd

from ...figures import checks
from ...figures import lookup as fig
from ...figures.rounding import MLN_PER_MLD, Interval, printed_interval, rounding_margin
from ...presentation import formatting

THEME = "bijstand_financiering"
APRIL_2017, JUNE_2017, JUNE_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145"
TABLE_YEARS = ("2017", "2018", "2019", "2020", "2021")  # the participatiebudget table of June 2017
CUMULATIVE, STRUCTURAL = "2012/2016", "2018/.."
OVERPAID, RAISED_FROM = "2017-01/2017-06", "2017-07-01"
IOAZ_DATE = "2017-01-01"
PERCENT = 100  # a percentage is a share times a hundred
GROUP = {"klassiek": "klassieke doelgroep", "nieuw": "nieuwe doelgroep", "totaal": "totaal"}
SCHEME = {"aow": "AOW", "bijstand": "bijstand"}
PRINTED, DERIVED = "gedrukt in de brief", "afgeleid door het boek"
HEIGHT_SMALL = 260
AND = " en "  # joins the bounds of a range in a sentence: tussen € 5.463 en 5.790 mln
LABEL_ROOM = 0.12  # share of a value axis kept free for labels beside bars
LABEL_ROOM_WIDE = 0.18  # the same where labels stand on both sides of a bar


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
    t = lambda *a, **k: formatting.figure_text(figures, *a, **k)  # noqa: E731 - a local shorthand
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
