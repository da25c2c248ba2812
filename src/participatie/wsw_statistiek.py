"""Wsw statistiek: the figures' analyses, the claims the book recomputes, and the chapter's charts.

Sources: the letters of July 2013 (tk-29817-126, the Wsw-statistiek 2012), April 2017 (tk-34352-56),
June 2017 (ek-33981-n) and June 2018 (tk-29817-145). Assumptions the analyses rest on are written
where they are used.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import charts, checks, formatting, tables
from . import figures as fig
from .labels import COMPUTED, INTERPOLATION_MARK, PRINTED

# Where a number of Wsw employees comes from: counted by the statistics, or implied by the cut.
COUNTED, IMPLIED = "geteld (Wsw-statistiek)", "afgeleid uit de efficiencykorting"
THEME = "wsw_statistiek"
# Letters by role, so an analysis says which letter's figure it uses.
JULY_2013, APRIL_2017, JUNE_2017, JUNE_2018 = "tk-29817-126", "tk-34352-56", "ek-33981-n", "tk-29817-145"
YEAR_2011, YEAR_2012, SPAN_2012 = "2011", "2012", "2012-01/2012-12"
START_2012, END_2012 = "2012-01-01", "2012-12-31"
CUT_FIRST, CUT_LAST = "2015", "2020"
KIND = {"eerste_indicatie": "eerste indicaties", "herindicatie": "herindicaties", "totaal": "totaal"}
# Figures whose period the letters do not give: the period in the data is the book's assumption.
ASSUMED_PERIOD = {"motie_kerstens_funds", "wsw_cuts_cited_by_zembla"}
# Figures the letter only quotes from a television programme: no figure of the ministry.
CITED_CLAIM = {"wsw_cuts_cited_by_zembla"}
# Unit conversion (not data): euros per unit of a money unit.
EURO_PER_UNIT = {"euro": 1, "euro_mln": 1_000_000, "euro_mld": 1_000_000_000}
SECONDED, SUPPORTED, REGULAR = "gedetacheerd", "begeleid werken (berekend)", "bij een reguliere werkgever"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _moment(period: str) -> str:
    """Return 'begin 2012' or 'eind 2012' for a stock on the first or last day of a year, else the year."""
    parsed = pd.Timestamp(period)
    return f"begin {parsed.year}" if (parsed.month, parsed.day) == (1, 1) else f"eind {parsed.year}"


def _assumed(period: str) -> str:
    """Return an assumed period in plain words: '2015', or 'vanaf 2015' for an open period."""
    return f"vanaf {period.split('/')[0]}" if period.endswith("/..") else period


def _half_unit(value: float) -> float:
    """Return half the last printed digit of a value (25.7 -> 0.05, 34 -> 0.5): what rounding hides."""
    text = f"{value:g}"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 / 10 ** decimals


# --- analyses --------------------------------------------------------------------------------

def indications(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw-indicaties per year and kind as printed, plus the book's sum of the 2012 parts."""
    rows = fig.select(figures, "wsw_indications")
    printed = rows.assign(
        jaar=rows["period"], soort=rows["category"].map(KIND), herkomst=PRINTED,
        brief=rows["source_reference"],
    )[["jaar", "soort", "value", "herkomst", "brief", "source_id"]]
    parts = rows.loc[(rows["period"] == YEAR_2012) & (rows["category"] != "totaal")]
    total = pd.DataFrame([{
        "jaar": YEAR_2012, "soort": "som van de delen", "value": parts["value"].sum(), "herkomst": COMPUTED,
        "brief": parts["source_reference"].iloc[0], "source_id": parts["source_id"].iloc[0],
    }])
    order = {"totaal": 0, "som van de delen": 1, "eerste indicaties": 2, "herindicaties": 3}
    return (
        pd.concat([printed, total], ignore_index=True)
        .assign(_o=lambda f: f["soort"].map(order))
        .sort_values(["jaar", "_o"]).drop(columns="_o")
        .rename(columns={"value": "indicaties"})
        .reset_index(drop=True)
    )


def indications_difference(figures: pd.DataFrame) -> float:
    """Return the printed 2012 total of indicaties minus the sum of first and re-indications."""
    return (_v(figures, "wsw_indications", YEAR_2012, "totaal")
            - _v(figures, "wsw_indications", YEAR_2012, "eerste_indicatie")
            - _v(figures, "wsw_indications", YEAR_2012, "herindicatie"))


def waiting_list(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the waiting list at the start (implied by the book) and the end of 2012 (printed)."""
    end = _v(figures, "wsw_waiting_list", END_2012)
    decrease = _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    return pd.DataFrame([
        {"moment": _moment(START_2012), "datum": START_2012, "personen": end + decrease, "herkomst": COMPUTED,
         "berekening": f"eindstand {formatting.number(end)} + daling {formatting.number(decrease)}"},
        {"moment": _moment(END_2012), "datum": END_2012, "personen": end, "herkomst": PRINTED,
         "berekening": "–"},
    ])


def implied_waiting_list_start(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the start-of-2012 waiting list implied two ways: end plus decrease, and decrease over its percentage.

    The percentage is printed with one decimal; the range shows every start it is compatible with.
    """
    end = _v(figures, "wsw_waiting_list", END_2012)
    decrease = _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    pct = _v(figures, "wsw_waiting_list_decrease_pct", SPAN_2012)
    half = _half_unit(pct)
    return pd.DataFrame([
        {"methode": "eindstand + daling", "beginstand": end + decrease, "laagst": end + decrease,
         "hoogst": end + decrease},
        {"methode": f"daling / {formatting.value_text(pct, 'procent')}", "beginstand": fig.ratio(100 * decrease, pct),
         "laagst": fig.ratio(100 * decrease, pct + half), "hoogst": fig.ratio(100 * decrease, pct - half)},
    ])


def workforce(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce and the places in begeleid werken at the start and end of 2012, with shares."""
    rows = []
    for period in (START_2012, END_2012):
        employees = _v(figures, "wsw_employees", period)
        supported = _v(figures, "wsw_supported_employment_places", period)
        rows.append({"moment": _moment(period), "datum": period, "werknemers": employees,
                     "begeleid_werken": supported, "aandeel_begeleid_werken": fig.ratio(100 * supported, employees)})
    return pd.DataFrame(rows)


def supported_employment_readings(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the readings of the printed 6,2% for begeleid werken: the rise it claims and the shares that match it.

    `past_bij_gedrukt` says whether the reading, rounded as the letter rounds, gives the printed number.
    """
    start = _v(figures, "wsw_supported_employment_places", START_2012)
    end = _v(figures, "wsw_supported_employment_places", END_2012)
    staff_start = _v(figures, "wsw_employees", START_2012)
    staff_end = _v(figures, "wsw_employees", END_2012)
    printed = _v(figures, "wsw_supported_employment_places_increase_pct", SPAN_2012)
    n = formatting.number
    frame = pd.DataFrame([
        {"lezing": "stijging begin–eind 2012 (zoals de brief het noemt)", "procent": 100 * (fig.ratio(end, start) - 1),
         "berekening": f"({n(end)} / {n(start)} − 1) × 100"},
        {"lezing": "aandeel in het werknemersbestand eind 2012", "procent": fig.ratio(100 * end, staff_end),
         "berekening": f"{n(end)} / {n(staff_end)} × 100"},
        {"lezing": "aandeel in het werknemersbestand begin 2012", "procent": fig.ratio(100 * start, staff_start),
         "berekening": f"{n(start)} / {n(staff_start)} × 100"},
    ])
    return frame.assign(
        gedrukt=printed,
        past_bij_gedrukt=(frame["procent"] - printed).abs() <= _half_unit(printed) + 1e-9,
    )


def outside_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of Wsw employees working outside the sw-bedrijf per year, printed parts and computed parts.

    2011 and 2012: the printed share seconded (gedetacheerd) plus the book's share in begeleid werken
    (places over workforce; for 2011 the stand of 1 January 2012 stands in for the end of 2011). The book
    assumes both shares have the same workforce as denominator; the letter does not say. 2014 and 2015:
    the printed share at regular employers, which the April 2017 letter does not break down.
    """
    shares = workforce(figures).set_index("datum")["aandeel_begeleid_werken"]
    rows = []
    for year, stand in ((YEAR_2011, START_2012), (YEAR_2012, END_2012)):
        seconded = fig.row(figures, "wsw_seconded_share", year)
        rows.append({"jaar": year, "onderdeel": SECONDED, "procent": float(seconded["value"]),
                     "herkomst": PRINTED, "stand": year, "source_id": seconded["source_id"]})
        rows.append({"jaar": year, "onderdeel": SUPPORTED, "procent": shares[stand],
                     "herkomst": COMPUTED, "stand": _moment(stand), "source_id": seconded["source_id"]})
    regular = fig.select(figures, "wsw_regular_employer_share").sort_values("period")
    for _, row in regular.iterrows():
        rows.append({"jaar": row["period"], "onderdeel": REGULAR, "procent": row["value"],
                     "herkomst": PRINTED, "stand": row["period"], "source_id": row["source_id"]})
    frame = pd.DataFrame(rows)
    return frame.assign(totaal_jaar=frame.groupby("jaar")["procent"].transform("sum"))


def budget_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw budget per year: the years the letter prints, and straight-line interpolation between them.

    The letter gives only the end points and says the amount falls gradually; the straight line is the
    book's interpolation, not the letter's path (which follows the shrinking number of Wsw employees).
    """
    printed = fig.select(figures, "wsw_budget").assign(jaar=lambda f: f["period"].astype(int)).sort_values("jaar")
    years, values = printed["jaar"].tolist(), printed["value"].tolist()
    rows = []
    for (y0, v0), (y1, v1) in zip(zip(years, values), zip(years[1:], values[1:])):
        for year in range(y0 + 1, y1):
            rows.append({"jaar": year, "miljoen_euro": v0 + (v1 - v0) * (year - y0) / (y1 - y0),
                         "soort": INTERPOLATION_MARK})
    rows += [{"jaar": y, "miljoen_euro": v, "soort": PRINTED} for y, v in zip(years, values)]
    return pd.DataFrame(rows).sort_values("jaar").reset_index(drop=True)


def budget_linear_decline(figures: pd.DataFrame) -> float:
    """Return the yearly fall of the Wsw budget (mln euro) if it fell in a straight line between the printed years."""
    printed = fig.select(figures, "wsw_budget").assign(jaar=lambda f: f["period"].astype(int)).sort_values("jaar")
    first, last = printed.iloc[0], printed.iloc[-1]
    return fig.ratio(first["value"] - last["value"], last["jaar"] - first["jaar"])


def efficiency_cut(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the efficiency cut per Wsw employee and in total, with the number of employees the two imply."""
    rows = []
    for year in (CUT_FIRST, CUT_LAST):
        per = fig.row(figures, "wsw_efficiency_cut_per_employee", year)
        total = fig.row(figures, "wsw_efficiency_cut_total", year)
        total_euro = total["value"] * EURO_PER_UNIT[total["unit"]]
        per_euro = per["value"] * EURO_PER_UNIT[per["unit"]]
        rows.append({
            "jaar": year, "korting_per_wsw_er": per_euro,
            "korting_per_wsw_er_kwalificatie": per["qualifier"] if isinstance(per["qualifier"], str) else "",
            "korting_totaal_mln": total["value"], "impliciet_aantal_wsw_ers": fig.ratio(total_euro, per_euro),
            "source_id": total["source_id"],
        })
    return pd.DataFrame(rows)


def employees_counted_and_implied(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the Wsw workforce as counted (start and end 2012) beside the numbers implied by the efficiency cut."""
    counted = fig.select(figures, "wsw_employees").sort_values("period")
    rows = [{"moment": _moment(r["period"]), "personen": r["value"], "herkomst": COUNTED,
             "source_id": r["source_id"]} for _, r in counted.iterrows()]
    rows += [{"moment": r["jaar"], "personen": r["impliciet_aantal_wsw_ers"],
              "herkomst": IMPLIED, "source_id": r["source_id"]}
             for _, r in efficiency_cut(figures).iterrows()]
    return pd.DataFrame(rows)


def money_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the theme's money figures with their status: ministry figure or quoted claim, period printed or assumed."""
    money = figures.loc[figures["unit"].isin(list(EURO_PER_UNIT))]
    period = [f"niet in de brief; aangenomen: {_assumed(p)}" if indicator in ASSUMED_PERIOD else label
              for indicator, p, label in zip(money["indicator"], money["period"], money["period_label"])]
    return pd.DataFrame({
        "post": money["label"], "periode": period, "waarde": [
            formatting.value_text(v, u, None, q if isinstance(q, str) else None)
            for v, u, q in zip(money["value"], money["unit"], money["qualifier"])],
        "status": money["indicator"].map(lambda i: "bewering uit een tv-uitzending, aangehaald" if i in CITED_CLAIM
                                         else "cijfer van het ministerie"),
        "periode_in_brief": money["indicator"].map(lambda i: "nee, aangenomen" if i in ASSUMED_PERIOD else "ja"),
        "source_id": money["source_id"], "page": money["page"], "source_date": money["source_date"],
    }).sort_values(["source_date", "page"], kind="stable").reset_index(drop=True)


def repeated_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures printed in more than one letter, one row per letter, with whether the values agree."""
    keyed = figures.assign(**{c: figures[c].fillna("") for c in ("dimension", "category")})
    count = keyed.groupby(fig.KEY)["source_id"].transform("nunique")
    repeated = keyed.loc[count > 1]
    agree = repeated.groupby(fig.KEY)["value"].transform("nunique") == 1
    return repeated.assign(gelijk=agree).sort_values([*fig.KEY, "source_date"]).reset_index(drop=True)


def key_figures(figures: pd.DataFrame) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    t = lambda *a, **k: fig.text(figures, *a, **k)  # noqa: E731 - a local shorthand
    n, pct = formatting.number, lambda v, d=1: formatting.value_text(v, "procent", d)  # noqa: E731
    ind = indications(figures).set_index(["jaar", "soort"])["indicaties"]
    start = implied_waiting_list_start(figures).set_index("methode")
    via_end, via_pct = start.iloc[0], start.iloc[1]
    force = workforce(figures).set_index("datum")
    readings = supported_employment_readings(figures)
    cut = efficiency_cut(figures).set_index("jaar")
    shares = outside_shares(figures).drop_duplicates("jaar").set_index("jaar")["totaal_jaar"]
    end, decrease = _v(figures, "wsw_waiting_list", END_2012), _v(figures, "wsw_waiting_list_decrease", SPAN_2012)
    staff_change = force.loc[END_2012, "werknemers"] - force.loc[START_2012, "werknemers"]
    supported_change = force.loc[END_2012, "begeleid_werken"] - force.loc[START_2012, "begeleid_werken"]
    seconded_change = _v(figures, "wsw_seconded_share", YEAR_2012) - _v(figures, "wsw_seconded_share", YEAR_2011)
    ind_change = ind[(YEAR_2012, "totaal")] - ind[(YEAR_2011, "totaal")]
    budget = budget_path(figures)
    return {
        "wsw_ind_2011": t("wsw_indications", YEAR_2011, category="totaal"),
        "wsw_ind_2012": t("wsw_indications", YEAR_2012, category="totaal"),
        "wsw_ind_first_2012": t("wsw_indications", YEAR_2012, category="eerste_indicatie"),
        "wsw_ind_re_2012": t("wsw_indications", YEAR_2012, category="herindicatie"),
        "wsw_ind_sum_2012": n(ind[(YEAR_2012, "som van de delen")]),
        "wsw_ind_gap": n(indications_difference(figures)),
        "wsw_ind_change": n(abs(ind_change)),
        "wsw_ind_change_pct": pct(abs(fig.ratio(100 * ind_change, ind[(YEAR_2011, "totaal")]))),
        "wsw_ind_re_share": pct(fig.ratio(100 * ind[(YEAR_2012, "herindicaties")], ind[(YEAR_2012, "totaal")]), 0),
        "wsw_wait_end_2012": t("wsw_waiting_list", END_2012),
        "wsw_wait_decrease": t("wsw_waiting_list_decrease", SPAN_2012),
        "wsw_wait_decrease_pct": t("wsw_waiting_list_decrease_pct", SPAN_2012),
        "wsw_wait_start_implied": n(via_end["beginstand"]),
        "wsw_wait_pct_recomputed": pct(fig.ratio(100 * decrease, end + decrease), 2),
        "wsw_wait_start_via_pct": n(round(via_pct["beginstand"], 0)),  # round(NaN, 0) is NaN; round(NaN) raises
        "wsw_wait_start_low": n(round(via_pct["laagst"], 0)),
        "wsw_wait_start_high": n(round(via_pct["hoogst"], 0)),
        "wsw_staff_start_2012": t("wsw_employees", START_2012),
        "wsw_staff_end_2012": t("wsw_employees", END_2012),
        "wsw_staff_change": n(staff_change),
        "wsw_staff_change_pct": pct(fig.ratio(100 * staff_change, force.loc[START_2012, "werknemers"])),
        "wsw_seconded_2011": t("wsw_seconded_share", YEAR_2011),
        "wsw_seconded_2012": t("wsw_seconded_share", YEAR_2012),
        "wsw_seconded_change": formatting.value_text(seconded_change, "procentpunt", 1),
        "wsw_bw_start_2012": t("wsw_supported_employment_places", START_2012),
        "wsw_bw_end_2012": t("wsw_supported_employment_places", END_2012),
        "wsw_bw_change": n(supported_change),
        "wsw_bw_rise_printed": t("wsw_supported_employment_places_increase_pct", SPAN_2012),
        "wsw_bw_rise_recomputed": pct(readings.loc[0, "procent"]),
        "wsw_bw_share_end": pct(readings.loc[1, "procent"], 2),
        "wsw_bw_share_start": pct(readings.loc[2, "procent"], 1),
        "wsw_outside_2011": pct(shares[YEAR_2011]),
        "wsw_outside_2012": pct(shares[YEAR_2012]),
        "wsw_regular_2014": t("wsw_regular_employer_share", "2014"),
        "wsw_regular_2015": t("wsw_regular_employer_share", "2015"),
        "wsw_volume_2016": t("wsw_volume_below_forecast", "2016"),
        "wsw_budget_2018": t("wsw_budget", "2018"),
        "wsw_budget_2050": t("wsw_budget", "2050"),
        "wsw_budget_linear_step": formatting.value_text(budget_linear_decline(figures), "euro_mln", 0),
        "wsw_budget_interp_years": n(int((budget["soort"] == INTERPOLATION_MARK).sum())),
        "wsw_cut_pp_2015": t("wsw_efficiency_cut_per_employee", CUT_FIRST),
        "wsw_cut_pp_2020": t("wsw_efficiency_cut_per_employee", CUT_LAST),
        "wsw_cut_total_2015": t("wsw_efficiency_cut_total", CUT_FIRST),
        "wsw_cut_total_2020": t("wsw_efficiency_cut_total", CUT_LAST),
        "wsw_cut_implied_2015": n(cut.loc[CUT_FIRST, "impliciet_aantal_wsw_ers"]),
        "wsw_cut_implied_2020": n(cut.loc[CUT_LAST, "impliciet_aantal_wsw_ers"], 0),
        "wsw_cut_implied_2020_rounded": n(round(cut.loc[CUT_LAST, "impliciet_aantal_wsw_ers"], -2)),
        "wsw_contribution_2020": t("wsw_state_contribution_per_place", "2020/.."),
        "wsw_kerstens": t("motie_kerstens_funds", "2015"),
        "wsw_zembla": t("wsw_cuts_cited_by_zembla", "2015/.."),
    }


# --- claims the book recomputes ------------------------------------------------------------

def _register_checks() -> None:
    add = checks.register
    add(checks.Check(
        "wsw-indicaties-totaal-2012", THEME, "Totaal Wsw-indicaties 2012 is de som van eerste indicaties en herindicaties",
        "wsw_indications", YEAR_2012, JULY_2013,
        lambda f: _v(f, "wsw_indications", YEAR_2012, "eerste_indicatie") + _v(f, "wsw_indications", YEAR_2012, "herindicatie"),
        "eerste indicaties + herindicaties", 0, "totaal"))
    add(checks.Check(
        "wsw-wachtlijst-daling-pct-2012", THEME, "Daling van de Wsw-wachtlijst in 2012 als percentage van de beginstand",
        "wsw_waiting_list_decrease_pct", SPAN_2012, JULY_2013,
        lambda f: fig.ratio(100 * _v(f, "wsw_waiting_list_decrease", SPAN_2012),
                            _v(f, "wsw_waiting_list", END_2012) + _v(f, "wsw_waiting_list_decrease", SPAN_2012)),
        "daling / (eindstand + daling) × 100 (beginstand niet gedrukt)", 0.05))
    add(checks.Check(
        "wsw-begeleid-werken-stijging-2012", THEME, "Stijging van het aantal plaatsen begeleid werken in 2012",
        "wsw_supported_employment_places_increase_pct", SPAN_2012, JULY_2013,
        lambda f: 100 * (fig.ratio(_v(f, "wsw_supported_employment_places", END_2012),
                                   _v(f, "wsw_supported_employment_places", START_2012)) - 1),
        "(plaatsen eind 2012 / plaatsen begin 2012 − 1) × 100", 0.05))


_register_checks()


# --- charts --------------------------------------------------------------------------------

def chart_indications(chapter) -> charts.ChartFigure:
    """Return the bars of Wsw-indicaties: the printed totals beside the sum of the printed 2012 parts."""
    frame = indications(chapter.figures)
    parts = frame.loc[frame["soort"].isin(["eerste indicaties", "herindicaties"])]
    totals = frame.loc[frame["soort"] == "totaal"]
    total_sum = frame.loc[frame["soort"] == "som van de delen"]
    stack = pd.concat([
        totals.assign(staaf=totals["jaar"] + ": totaal in de brief", onderdeel="totaal"),
        parts.assign(staaf=parts["jaar"] + ": eerste + herindicaties", onderdeel=parts["soort"]),
    ])
    labels = pd.concat([
        totals.assign(staaf=totals["jaar"] + ": totaal in de brief", tekst=totals["indicaties"].map(formatting.number)),
        total_sum.assign(staaf=total_sum["jaar"] + ": eerste + herindicaties",
                         tekst="som: " + total_sum["indicaties"].map(formatting.number) + " (berekend)"),
    ])
    order = list(dict.fromkeys(stack.sort_values(["jaar", "onderdeel"], ascending=[True, False])["staaf"]))
    kinds = ["totaal", "eerste indicaties", "herindicaties"]
    bars = alt.Chart(stack).mark_bar(stroke="white", strokeWidth=1).encode(
        y=alt.Y("staaf:N", sort=order, title=None),
        x=alt.X("indicaties:Q", stack="zero", axis=charts.value_axis("indicaties")),
        color=alt.Color("onderdeel:N", title=None, sort=kinds,
                        scale=alt.Scale(domain=kinds, range=[charts.PRIMARY, charts.SECONDARY, charts.PALETTE[2]])),
        order=alt.Order("onderdeel:N", sort="ascending"),
        tooltip=[alt.Tooltip("staaf:N", title="Staaf"), alt.Tooltip("onderdeel:N", title="Onderdeel"),
                 alt.Tooltip("indicaties:Q", title="Indicaties", format=",.0f")],
    )
    text = alt.Chart(labels).mark_text(align="right", dx=-6, color="white", fontWeight="bold").encode(
        y=alt.Y("staaf:N", sort=order), x=alt.X("indicaties:Q"), text="tekst:N")
    chart = (bars + text).properties(
        width=charts.WIDTH, height=170,
        title=charts.title("Uitgevoerde Wsw-indicaties",
                           "De delen van 2012 tellen op tot twee minder dan het gedrukte totaal"))
    return charts.figure(
        chart,
        description=("Liggende staven met het totaal aantal Wsw-indicaties in 2011 en 2012 zoals de brief het geeft, en voor "
                     "2012 een gestapelde staaf van eerste indicaties en herindicaties waarvan de som, door het boek berekend, "
                     "twee lager uitkomt dan het gedrukte totaal."),
        source_line=chapter.source_line(frame),
        table=frame[["jaar", "soort", "indicaties", "herkomst"]].rename(columns=str.capitalize),
    )


def chart_waiting_list(chapter) -> charts.ChartFigure:
    """Return the bars of the Wsw waiting list: the implied start of 2012 (computed) and the printed end of 2012."""
    frame = waiting_list(chapter.figures)
    kinds = [COMPUTED, PRINTED]
    base = alt.Chart(frame).encode(
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=charts.value_axis("personen", "Personen op de wachtlijst")),
        tooltip=[alt.Tooltip("moment:N", title="Moment"), alt.Tooltip("herkomst:N", title="Herkomst"),
                 alt.Tooltip("personen:Q", title="Personen", format=",.0f"),
                 alt.Tooltip("berekening:N", title="Berekening")],
    )
    bars = base.mark_bar(strokeWidth=2, size=80).encode(**charts.printed_or_derived("herkomst", kinds, {COMPUTED}))
    labels = base.mark_text(dy=-8).encode(text=alt.Text("personen:Q", format=",.0f"))
    chart = (bars + labels).properties(
        width=charts.WIDTH, height=260,
        title=charts.title("Wachtlijst Wsw in 2012",
                           "De beginstand staat niet in de brief: eindstand plus de gedrukte daling"))
    return charts.figure(
        chart,
        description=("Twee staven: het aantal mensen op de Wsw-wachtlijst begin 2012, door het boek berekend uit de eindstand en "
                     "de daling en daarom grijs en gestreept, en het gedrukte aantal eind 2012."),
        source_line=chapter.source_line(fig.select(chapter.figures, "wsw_waiting_list")),
        table=frame[["moment", "personen", "herkomst", "berekening"]].rename(columns=str.capitalize),
    )


def chart_outside_shares(chapter) -> charts.ChartFigure:
    """Return the stacked bars of the share of Wsw employees working outside the sw-bedrijf, per year."""
    frame = outside_shares(chapter.figures)
    frame = frame.assign(volgorde=frame["onderdeel"].map({SECONDED: 0, REGULAR: 0, SUPPORTED: 1}))
    domain = [SECONDED, SUPPORTED, REGULAR]
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:N", title=None),
        tooltip=[alt.Tooltip("jaar:N", title="Jaar"), alt.Tooltip("onderdeel:N", title="Onderdeel"),
                 alt.Tooltip("procent:Q", title="Procent", format=",.1f"), alt.Tooltip("herkomst:N", title="Herkomst"),
                 alt.Tooltip("stand:N", title="Stand")],
    )
    bars = base.mark_bar(strokeWidth=1.5, size=60).encode(
        y=alt.Y("procent:Q", stack="zero", axis=charts.value_axis("procent", "Procent van de Wsw-werknemers")),
        color=alt.Color("onderdeel:N", title=None, sort=domain,
                        scale=alt.Scale(domain=domain, range=[charts.PRIMARY, charts.MUTED, charts.SECONDARY])),
        strokeDash=alt.StrokeDash("onderdeel:N", title=None, sort=domain,
                                  scale=alt.Scale(domain=domain, range=[[1, 0], [4, 3], [1, 0]])),
        stroke=alt.value(charts.PALETTE[4]),
        order=alt.Order("volgorde:Q", sort="ascending"),
    )
    totals = base.transform_aggregate(totaal="sum(procent)", groupby=["jaar"]).mark_text(dy=-8).encode(
        y=alt.Y("totaal:Q"), text=alt.Text("totaal:Q", format=",.1~f"))
    chart = (bars + totals).properties(
        width=charts.WIDTH, height=280,
        title=charts.title("Wsw-werknemers die buiten het sw-bedrijf werken",
                           "2011–2012: gedetacheerd (brief) + begeleid werken (berekend); 2014–2015: bij een reguliere werkgever (brief)"))
    table = pd.DataFrame({"Jaar": frame["jaar"], "Onderdeel": frame["onderdeel"], "Procent": frame["procent"].round(1),
                          "Herkomst": frame["herkomst"], "Stand": frame["stand"]})
    return charts.figure(
        chart,
        description=("Gestapelde staven per jaar met het percentage Wsw-werknemers buiten het sw-bedrijf: voor 2011 en 2012 het "
                     "gedrukte aandeel gedetacheerden met daarboven het door het boek berekende aandeel begeleid werken in grijs "
                     "met een gestreepte rand, voor 2014 en 2015 het gedrukte aandeel bij een reguliere werkgever."),
        source_line=chapter.source_line(frame),
        table=table, table_formats={"Procent": 1},
    )


def chart_budget_path(chapter) -> charts.ChartFigure:
    """Return the Wsw budget 2018–2050: the two printed points and a dashed straight line labelled as interpolation."""
    frame = budget_path(chapter.figures)
    printed = frame.loc[frame["soort"] == PRINTED]
    x = alt.X("jaar:Q", title=None, scale=alt.Scale(nice=False, padding=20), axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("miljoen_euro:Q", axis=charts.value_axis("euro_mln"))
    line = alt.Chart(frame).mark_line(strokeDash=[6, 4], color=charts.MUTED, strokeWidth=2.5).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("jaar:Q", title="Jaar", format="d"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("miljoen_euro:Q", title="Miljoen euro", format=",.0f")],
    )
    points = alt.Chart(printed).mark_point(filled=True, size=110, opacity=1, color=charts.PRIMARY).encode(
        x=x, y=y,
        tooltip=[alt.Tooltip("jaar:Q", title="Jaar", format="d"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("miljoen_euro:Q", title="Miljoen euro", format=",.0f")],
    )
    named = printed.assign(tekst=printed["miljoen_euro"].map(lambda v: formatting.value_text(v, "euro_mln")) + " (brief)")
    labels = (alt.Chart(named.iloc[:1]).mark_text(align="left", dx=12).encode(x=x, y=y, text="tekst:N")
              + alt.Chart(named.iloc[1:]).mark_text(align="right", dx=-4, dy=-16).encode(x=x, y=y, text="tekst:N"))
    middle = frame.loc[frame["soort"] == INTERPOLATION_MARK].iloc[[len(frame) // 2 - 1]]
    note = alt.Chart(middle.assign(tekst=f"rechte lijn: {INTERPOLATION_MARK}")).mark_text(
        align="left", dx=10, dy=-10, color="#505a5f", fontStyle="italic").encode(x=x, y=y, text="tekst:N")
    chart = (line + points + labels + note).properties(
        width=charts.WIDTH, height=280,
        title=charts.title("Wsw-middelen voor gemeenten, 2018–2050",
                           "Alleen 2018 en 2050 staan in de brief; de lijn ertussen is een interpolatie, geen brongegeven"))
    table = pd.DataFrame({"Jaar": frame["jaar"].astype(str), "Miljoen euro": frame["miljoen_euro"].round(1),
                          "Soort": frame["soort"]})
    return charts.figure(
        chart,
        description=("Twee punten met de Wsw-middelen voor gemeenten zoals de brief van juni 2018 ze noemt, voor 2018 en nul "
                     "in 2050, verbonden door een grijze gestippelde rechte lijn die het boek als interpolatie tekent; de brief "
                     "geeft geen bedragen voor de tussenliggende jaren."),
        source_line=chapter.source_line(fig.select(chapter.figures, "wsw_budget")),
        table=table, table_formats={"Miljoen euro": 1},
    )


def chart_employees(chapter) -> charts.ChartFigure:
    """Return the bars of Wsw employees counted in 2012 beside the numbers the efficiency cut implies for 2015 and 2020."""
    frame = employees_counted_and_implied(chapter.figures)
    kinds = list(dict.fromkeys(frame["herkomst"]))
    base = alt.Chart(frame).encode(
        x=alt.X("moment:N", sort=frame["moment"].tolist(), title=None),
        y=alt.Y("personen:Q", axis=charts.value_axis("personen", "Wsw-werknemers")),
        tooltip=[alt.Tooltip("moment:N", title="Moment"), alt.Tooltip("herkomst:N", title="Herkomst"),
                 alt.Tooltip("personen:Q", title="Wsw-werknemers", format=",.0f")],
    )
    bars = base.mark_bar(strokeWidth=2, size=60).encode(**charts.printed_or_derived("herkomst", kinds, {IMPLIED}))
    labels = base.mark_text(dy=-8).encode(text=alt.Text("personen:Q", format=",.0f"))
    chart = (bars + labels).properties(
        width=charts.WIDTH, height=260,
        title=charts.title("Wsw-werknemers: geteld en afgeleid",
                           "2015 en 2020: totale korting gedeeld door de korting per Wsw-er (berekend, grijs)"))
    return charts.figure(
        chart,
        description=("Staven met het aantal Wsw-werknemers begin en eind 2012 volgens de Wsw-statistiek, en grijs gestreept het "
                     "aantal dat volgt uit de efficiencykorting in 2015 en 2020 (totale korting gedeeld door de korting per Wsw-er)."),
        source_line=chapter.source_line(frame),
        table=frame[["moment", "personen", "herkomst"]].rename(columns=str.capitalize),
    )


# --- tables --------------------------------------------------------------------------------

def waiting_list_table(chapter) -> tables.Table:
    """Return the implied start-of-2012 waiting list by both routes, with the range the rounded percentage allows."""
    frame = implied_waiting_list_start(chapter.figures)
    shown = pd.DataFrame({"Berekening": frame["methode"], "Beginstand 2012": frame["beginstand"].round(0),
                          "Laagst": frame["laagst"].round(0), "Hoogst": frame["hoogst"].round(0)})
    return tables.show(shown, {"Beginstand 2012": 0, "Laagst": 0, "Hoogst": 0})


def supported_employment_table(chapter) -> tables.Table:
    """Return the readings of the printed 6,2% for begeleid werken and whether each matches it."""
    frame = supported_employment_readings(chapter.figures)
    shown = pd.DataFrame({"Lezing": frame["lezing"], "Berekening": frame["berekening"], "Uitkomst (%)": frame["procent"],
                          "Gedrukt (%)": frame["gedrukt"], "Past bij het gedrukte getal": frame["past_bij_gedrukt"]})
    return tables.show(shown, {"Uitkomst (%)": 2, "Gedrukt (%)": 1})


def efficiency_cut_table(chapter) -> tables.Table:
    """Return the efficiency cut per Wsw employee and in total, with the number of Wsw employees it implies."""
    frame = efficiency_cut(chapter.figures)
    shown = pd.DataFrame({
        "Jaar": frame["jaar"],
        "Korting per Wsw-er": [formatting.value_text(v, "euro", None, q or None)
                               for v, q in zip(frame["korting_per_wsw_er"], frame["korting_per_wsw_er_kwalificatie"])],
        "Korting totaal (mln euro)": frame["korting_totaal_mln"],
        "Impliciet aantal Wsw-ers (berekend)": frame["impliciet_aantal_wsw_ers"].round(0),
        "Bron": [f"{chapter.reference(s)}" for s in frame["source_id"]],
    })
    return tables.show(shown, {"Impliciet aantal Wsw-ers (berekend)": 0})


def money_table(chapter) -> tables.Table:
    """Return the theme's money figures with status (ministry figure or quoted TV claim) and whether the period is printed."""
    frame = money_figures(chapter.figures)
    shown = pd.DataFrame({
        "Post": frame["post"], "Periode": frame["periode"], "Bedrag": frame["waarde"], "Status": frame["status"],
        "Bron": [f"{chapter.reference(s)}, p. {p}" for s, p in zip(frame["source_id"], frame["page"])],
    })
    return tables.show(shown)


def repeated_table(chapter) -> tables.Table:
    """Return the figures that several letters print, side by side, with whether the letters agree."""
    frame = repeated_figures(chapter.figures)
    shown = pd.DataFrame({
        "Indicator": frame["label"], "Periode": frame["period_label"],
        "Waarde": [formatting.value_text(v, u) for v, u in zip(frame["value"], frame["unit"])],
        "Brief": [chapter.reference(s) for s in frame["source_id"]], "Pagina": frame["page"],
        "Gelijk in alle brieven": frame["gelijk"],
    })
    return tables.show(shown)
