"""Beschut werk: the figures' analyses, the claims the book recomputes, and the chapter's charts.

Sources: the letters of April 2017 (tk-34352-56), June 2017 (ek-33981-n), June 2018 (tk-29817-145)
and September 2018 (ek-34775-ak). Assumptions the analyses rest on are written where they are used.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import charts, checks, formatting
from . import figures as fig
from .labels import UNIT_AXIS

THEME = "beschut_werk"
APPLICANT = {"gemeente": "Gemeente", "burger": "Burger", "totaal": "Totaal"}
# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
JAN_MAY_2017, Q1_2018 = "2017-01/2017-05", "2018-01/2018-03"
END_2016, END_2017, MARCH_2018 = "2016-12-31", "2017-12-31", "2018-03-31"
REGELING, WORKING = "plekken volgens de regeling", "mensen aan het werk"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


# --- analyses --------------------------------------------------------------------------------

def advices_per_period(figures: pd.DataFrame) -> pd.DataFrame:
    """Return positive advices per year (and Q1 2018): realised counts and the letters' extrapolations."""
    rows = fig.select(figures, "positive_advices").loc[lambda f: f["category"].isna()]
    return (
        rows.assign(
            soort=rows["derived"].map({False: "gerealiseerd", True: "extrapolatie in de brief"}),
            periode=rows["period_label"],
            brief=rows["source_reference"],
        )
        .sort_values(["period_end", "derived"])
        [["periode", "soort", "value", "brief", "source_id", "page"]]
        .rename(columns={"value": "adviezen"})
        .reset_index(drop=True)
    )


def extrapolation_error(figures: pd.DataFrame) -> float:
    """Return how far the realised 2017 advices exceeded the mid-2017 extrapolation, in percent."""
    forecast = _v(figures, "positive_advices", "2017", source_id=JUNE_2017)
    realised = _v(figures, "positive_advices", "2017", source_id=JUNE_2018)
    return 100 * (fig.ratio(realised, forecast) - 1)


def assessments_by_applicant(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the UWV assessments table by applicant with the printed and recomputed share positive."""
    frame = (
        fig.select(figures, "assessments")
        .loc[lambda f: f["dimension"] == "aanvrager"]
        .loc[lambda f: f["period"].isin([JAN_MAY_2017, "2016"])]
        [["category", "period", "period_label", "value"]]
        .rename(columns={"value": "beoordelingen"})
    )
    positive = fig.select(figures, "positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    shares = fig.select(figures, "share_positive_advices").loc[lambda f: f["dimension"] == "aanvrager"]
    keyed = ["category", "period"]
    frame = (
        frame.merge(positive[[*keyed, "value"]].rename(columns={"value": "positief"}), on=keyed, how="left")
        .merge(shares[[*keyed, "value"]].rename(columns={"value": "aandeel_gedrukt"}), on=keyed, how="left")
    )
    frame = frame.assign(
        aandeel_herberekend=fig.ratio(100 * frame["positief"], frame["beoordelingen"]),
        aanvrager=frame["category"].map(APPLICANT),
        order=frame["category"].map({"gemeente": 0, "burger": 1, "totaal": 2}),
    )
    return frame.sort_values(["period", "order"], ascending=[False, True]).drop(columns="order").reset_index(drop=True)


def unweighted_total_share(figures: pd.DataFrame) -> float:
    """Return the plain mean of the gemeente and burger shares: how the printed total of 71% arises."""
    return (_v(figures, "share_positive_advices", JAN_MAY_2017, "gemeente")
            + _v(figures, "share_positive_advices", JAN_MAY_2017, "burger")) / 2


def citizen_assessments_by_month(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the months of 2017 for which the letter gives assessments requested by citizens."""
    rows = fig.select(figures, "assessments", category="burger").loc[lambda f: f["period_start"] == f["period_end"].map(lambda d: d.replace(day=1))]
    return (
        rows.assign(maand=rows["period_label"], datum=rows["period_start"].astype(str))
        [["maand", "datum", "value"]].rename(columns={"value": "beoordelingen"})
        .sort_values("datum").reset_index(drop=True)
    )


def working_vs_advised(figures: pd.DataFrame) -> pd.DataFrame:
    """Return, per date, people working on a beschut werkplek against everyone positively advised.

    The cumulative advices at end 2016 are not printed; the book adds the 2015 and 2016 counts
    (advices before 2015 are assumed nil: the instrument started in 2015).
    """
    cumulative = {
        END_2016: (_v(figures, "positive_advices", "2015") + _v(figures, "positive_advices", "2016"), True),
        END_2017: (_v(figures, "positive_advices_cumulative", END_2017), False),
        MARCH_2018: (_v(figures, "positive_advices_cumulative", MARCH_2018), False),
    }
    working = fig.select(figures, "working_sheltered_workplace")
    rows = []
    for period, (advised, computed) in cumulative.items():
        at_date = working.loc[working["period"] == period].drop_duplicates("value", keep="last")
        latest_letter = at_date["source_date"].max()
        for _, row in at_date.sort_values("source_date").iterrows():
            rows.append({
                "peildatum": row["period_label"], "datum": period, "werkend": row["value"],
                "positief_geadviseerd": advised, "geadviseerd_berekend": computed,
                "aandeel_werkend": fig.ratio(100 * row["value"], advised), "brief": row["source_reference"],
                "laatste_opgave": row["source_date"] == latest_letter, "source_id": row["source_id"],
            })
    return pd.DataFrame(rows)


def fill_rate(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the 2017 regeling's fill rate by persons and by hours, beside the printed 37%.

    By hours: people working × hours they work on average, against places × hours the regeling
    assumes per place. That is the only reading of the letter's figures that yields its 37%.
    """
    working = _v(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018)
    places = _v(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018)
    hours_worked = _v(figures, "average_hours_worked", "2017")
    hours_assumed = _v(figures, "assumed_hours_per_place", "2017/..")
    printed = _v(figures, "regeling_fill_rate", END_2017)
    return pd.DataFrame([
        {"maatstaf": "personen", "teller": working, "noemer": places, "vervulling": fig.ratio(100 * working, places),
         "berekening": f"{formatting.number(working)} werkenden / {formatting.number(places)} plekken"},
        {"maatstaf": "uren", "teller": working * hours_worked, "noemer": places * hours_assumed,
         "vervulling": fig.ratio(100 * working * hours_worked, places * hours_assumed),
         "berekening": (f"{formatting.number(working)} × {formatting.number(hours_worked)} uur / "
                        f"({formatting.number(places)} × {formatting.number(hours_assumed)} uur)")},
        {"maatstaf": "gedrukt in de brief", "teller": None, "noemer": None, "vervulling": printed, "berekening": "–"},
    ])


def regeling_vs_working(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the regeling's places for end 2017 and end 2018 beside the latest count of people working."""
    rows = [
        {"moment": "eind 2017", "reeks": REGELING,
         "aantal": _v(figures, "regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018)},
        {"moment": "eind 2017", "reeks": WORKING,
         "aantal": _v(figures, "working_sheltered_workplace", END_2017, source_id=JUNE_2018)},
        {"moment": "eind 2018 (werkenden: stand 31 maart)", "reeks": REGELING,
         "aantal": _v(figures, "regeling_sheltered_workplaces", "2018-12-31", source_id=JUNE_2018)},
        {"moment": "eind 2018 (werkenden: stand 31 maart)", "reeks": WORKING,
         "aantal": _v(figures, "working_sheltered_workplace", MARCH_2018)},
    ]
    return pd.DataFrame(rows)


def key_figures(figures: pd.DataFrame) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    t = lambda *a, **k: fig.text(figures, *a, **k)  # noqa: E731 - a local shorthand
    n = formatting.number
    rates = fill_rate(figures).set_index("maatstaf")["vervulling"]
    advised = working_vs_advised(figures).loc[lambda f: f["laatste_opgave"]].set_index("datum")
    table = assessments_by_applicant(figures).set_index(["category", "period"])
    growth = 100 * (fig.ratio(_v(figures, "working_sheltered_workplace", MARCH_2018),
                              _v(figures, "working_sheltered_workplace", END_2017, source_id=SEPT_2018)) - 1)
    return {
        "bw_adv_2015": t("positive_advices", "2015"),
        "bw_adv_2016": t("positive_advices", "2016", source_id=JUNE_2018),
        "bw_adv_2017": t("positive_advices", "2017", source_id=JUNE_2018),
        "bw_adv_q1_2018": t("positive_advices", Q1_2018),
        "bw_adv_extrap_2017": t("positive_advices", "2017", source_id=JUNE_2017),
        "bw_adv_extrap_2018": t("positive_advices", "2018"),
        "bw_adv_extrap_cum_2018": t("positive_advices_cumulative", "2018-12-31"),
        "bw_adv_extrap_error": formatting.value_text(extrapolation_error(figures), "procent", 0),
        "bw_cum_2017": t("positive_advices_cumulative", END_2017),
        "bw_cum_q1_2018": t("positive_advices_cumulative", MARCH_2018),
        "bw_req_burger_2017": t("advice_requests", "2017", category="burger"),
        "bw_req_gemeente_2017": t("advice_requests", "2017", category="gemeente"),
        "bw_assess_total": t("assessments", JAN_MAY_2017, category="totaal"),
        "bw_assess_burger": t("assessments", JAN_MAY_2017, category="burger"),
        "bw_assess_2016": t("assessments", "2016", category="totaal"),
        "bw_pos_total": t("positive_advices", JAN_MAY_2017, category="totaal"),
        "bw_pos_burger": t("positive_advices", JAN_MAY_2017, category="burger"),
        "bw_share_gemeente": t("share_positive_advices", JAN_MAY_2017, category="gemeente"),
        "bw_share_burger": t("share_positive_advices", JAN_MAY_2017, category="burger"),
        "bw_share_total_printed": t("share_positive_advices", JAN_MAY_2017, category="totaal"),
        "bw_share_total_weighted": formatting.value_text(table.loc[("totaal", JAN_MAY_2017), "aandeel_herberekend"], "procent", 1),
        "bw_share_total_unweighted": formatting.value_text(unweighted_total_share(figures), "procent", 0),
        "bw_burger_jan": t("assessments", "2017-01", category="burger"),
        "bw_burger_may": t("assessments", "2017-05", category="burger"),
        "bw_work_2016_april": t("working_sheltered_workplace", END_2016, source_id=APRIL_2017),
        "bw_work_2016_later": t("working_sheltered_workplace", END_2016, source_id=JUNE_2018),
        "bw_work_2017": t("working_sheltered_workplace", END_2017, source_id=JUNE_2018),
        "bw_work_q1_2018": t("working_sheltered_workplace", MARCH_2018),
        "bw_growth_printed": t("working_sheltered_workplace_growth", Q1_2018),
        "bw_growth_recomputed": formatting.value_text(growth, "procent", 1),
        "bw_share_working_2017": formatting.value_text(advised.loc[END_2017, "aandeel_werkend"], "procent", 1),
        "bw_share_working_printed": t("share_advised_working", END_2017),
        "bw_share_working_q1_2018": formatting.value_text(advised.loc[MARCH_2018, "aandeel_werkend"], "procent", 1),
        "bw_share_working_2016": formatting.value_text(advised.loc[END_2016, "aandeel_werkend"], "procent", 0),
        "bw_placement_months": t("placement_time_after_advice", "2018"),
        "bw_regeling_2017": t("regeling_sheltered_workplaces", END_2017, source_id=JUNE_2018),
        "bw_regeling_2018": t("regeling_sheltered_workplaces", "2018-12-31", source_id=JUNE_2018),
        "bw_regeling_2050": t("regeling_sheltered_workplaces", "2050/.."),
        "bw_financed_2048": t("financed_sheltered_workplaces", "2048/.."),
        "bw_claim_50000": n(_v(figures, "claimed_sheltered_workplaces", "2018-04-04")),
        "bw_fill_persons": formatting.value_text(rates["personen"], "procent", 1),
        "bw_fill_hours": formatting.value_text(rates["uren"], "procent", 1),
        "bw_fill_printed": t("regeling_fill_rate", END_2017),
        "bw_hours_assumed": t("assumed_hours_per_place", "2017/.."),
        "bw_hours_worked": t("average_hours_worked", "2017"),
        "bw_bonus_available": t("bonus_available", "2015/2016"),
        "bw_bonus_paid": t("bonus_paid", "2015/2016"),
        "bw_bonus_retained": t("bonus_retained", "2015/2016"),
        "bw_stimulus": t("stimulus_budget", "2016/2020"),
        "bw_not_offering_2015": t("share_gemeenten_not_offering", "2015"),
        "bw_not_offering_2016": t("share_gemeenten_not_offering", "2016"),
    }


# --- claims the book recomputes ------------------------------------------------------------

def _share(indicator_part: str, indicator_whole: str, period: str, category: str):
    return lambda f: fig.ratio(100 * _v(f, indicator_part, period, category), _v(f, indicator_whole, period, category))


def _register_checks() -> None:
    add = checks.register
    add(checks.Check(
        "bw-aandeel-positief-totaal-2017", THEME,
        "Aandeel positieve adviezen, alle aanvragers, januari–mei 2017",
        "share_positive_advices", JAN_MAY_2017, JUNE_2017, _share("positive_advices", "assessments", JAN_MAY_2017, "totaal"),
        "positieve adviezen / beoordelingen (totaal) × 100", 0.5, "totaal"))
    for category, label in (("gemeente", "aanvragen door gemeenten"), ("burger", "aanvragen door burgers")):
        add(checks.Check(
            f"bw-aandeel-positief-{category}-2017", THEME, f"Aandeel positieve adviezen, {label}, januari–mei 2017",
            "share_positive_advices", JAN_MAY_2017, JUNE_2017, _share("positive_advices", "assessments", JAN_MAY_2017, category),
            f"positieve adviezen / beoordelingen ({category}) × 100", 0.5, category))
    add(checks.Check(
        "bw-aandeel-positief-2016", THEME, "Aandeel positieve adviezen in 2016",
        "share_positive_advices", "2016", JUNE_2017, _share("positive_advices", "assessments", "2016", "totaal"),
        "positieve adviezen / beoordelingen 2016 × 100", 0.5, "totaal"))
    add(checks.Check(
        "bw-beoordelingen-totaal-2017", THEME, "Totaal beoordelingen januari–mei 2017 is de som van gemeente en burger",
        "assessments", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") + _v(f, "assessments", JAN_MAY_2017, "burger"),
        "gemeente + burger", 0, "totaal"))
    add(checks.Check(
        "bw-positief-totaal-2017", THEME, "Totaal positieve adviezen januari–mei 2017 is de som van gemeente en burger",
        "positive_advices", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "positive_advices", JAN_MAY_2017, "gemeente") + _v(f, "positive_advices", JAN_MAY_2017, "burger"),
        "gemeente + burger", 0, "totaal"))
    add(checks.Check(
        "bw-beoordelingen-per-maand-2017", THEME, "Gemiddeld aantal beoordelingen per maand op aanvraag van gemeenten",
        "assessments_monthly_average", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") / 5,
        "beoordelingen januari–mei / 5 maanden", 0.5, "gemeente"))
    add(checks.Check(
        "bw-extrapolatie-2017", THEME, "Extrapolatie van de positieve adviezen naar heel 2017 (brief juni 2017)",
        "positive_advices", "2017", JUNE_2017,
        lambda f: _v(f, "positive_advices", JAN_MAY_2017, "totaal") / 5 * 12,
        "positieve adviezen januari–mei / 5 × 12", 0.5))
    add(checks.Check(
        "bw-extrapolatie-2018", THEME, "Extrapolatie van de positieve adviezen naar heel 2018 (brief juni 2018)",
        "positive_advices", "2018", JUNE_2018, lambda f: _v(f, "positive_advices", Q1_2018) * 4,
        "positieve adviezen 1e kwartaal 2018 × 4", 0))
    add(checks.Check(
        "bw-cumulatief-2017", THEME, "Cumulatief positieve adviezen tot eind 2017",
        "positive_advices_cumulative", END_2017, JUNE_2018,
        lambda f: sum(_v(f, "positive_advices", y, source_id=JUNE_2018) for y in ("2015", "2016", "2017")),
        "2015 + 2016 + 2017", 0))
    add(checks.Check(
        "bw-cumulatief-maart-2018", THEME, "Cumulatief positieve adviezen tot 31 maart 2018",
        "positive_advices_cumulative", MARCH_2018, JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", Q1_2018),
        "cumulatief eind 2017 + 1e kwartaal 2018", 0))
    add(checks.Check(
        "bw-cumulatief-2018-extrapolatie", THEME, "Verwacht cumulatief aantal positieve adviezen eind 2018",
        "positive_advices_cumulative", "2018-12-31", JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", "2018"),
        "cumulatief eind 2017 + extrapolatie 2018", 0))
    add(checks.Check(
        "bw-aandeel-werkend-2017", THEME, "Aandeel van de positief geadviseerden dat eind 2017 werkt",
        "share_advised_working", END_2017, JUNE_2018,
        lambda f: fig.ratio(100 * _v(f, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
                            _v(f, "positive_advices_cumulative", END_2017)),
        "werkenden eind 2017 / cumulatief positieve adviezen × 100", 0.5))
    add(checks.Check(
        "bw-vervulling-regeling-2017", THEME, "Vervulling van de regeling 2017 (37%)",
        "regeling_fill_rate", END_2017, JUNE_2018, lambda f: fill_rate(f).set_index("maatstaf").loc["uren", "vervulling"],
        "werkenden × gewerkte uren / (plekken regeling × uren per plek) × 100", 0.5))
    add(checks.Check(
        "bw-groei-1e-kwartaal-2018", THEME, "Groei van het aantal werkenden van eind 2017 tot 31 maart 2018",
        "working_sheltered_workplace_growth", Q1_2018, SEPT_2018,
        lambda f: 100 * (fig.ratio(_v(f, "working_sheltered_workplace", MARCH_2018),
                                   _v(f, "working_sheltered_workplace", END_2017, source_id=SEPT_2018)) - 1),
        "(31 maart 2018 / eind 2017 − 1) × 100", 0.5))
    add(checks.Check(
        "bw-bonus-behouden", THEME, "Niet uitgekeerde bonus beschut werk (plekken 2015–2016)",
        "bonus_retained", "2015/2016", JUNE_2017,
        lambda f: _v(f, "bonus_available", "2015/2016") - _v(f, "bonus_paid", "2015/2016"),
        "beschikbaar − uitgekeerd", 0.05))


_register_checks()


# --- charts --------------------------------------------------------------------------------

def chart_advices(chapter) -> charts.ChartFigure:
    """Return the bar chart of positive advices per period, extrapolations set apart from counts."""
    frame = advices_per_period(chapter.figures)
    order = list(dict.fromkeys(frame["periode"]))
    base = alt.Chart(frame).encode(
        x=alt.X("periode:N", sort=order, title=None),
        xOffset=alt.XOffset("soort:N", sort=["gerealiseerd", "extrapolatie in de brief"]),
        y=alt.Y("adviezen:Q", axis=charts.value_axis("adviezen", "Positieve adviezen")),
        tooltip=[alt.Tooltip("periode:N", title="Periode"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("adviezen:Q", title="Positieve adviezen", format=",.0f"),
                 alt.Tooltip("brief:N", title="Brief")],
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(**charts.printed_or_derived(
        "soort", ["gerealiseerd", "extrapolatie in de brief"], {"extrapolatie in de brief"}, sort=False))
    labels = base.mark_text(dy=-7).encode(text=alt.Text("adviezen:Q", format=",.0f"))
    chart = (bars + labels).properties(
        width=charts.WIDTH, height=charts.HEIGHT,
        title=charts.title("Positieve adviezen beschut werk per periode",
                           "Gerealiseerd volgens UWV en extrapolaties zoals de brieven die maken"))
    return charts.figure(
        chart,
        description=("Staafdiagram van het aantal positieve adviezen beschut werk per jaar van 2015 tot en met 2017 en in "
                     "het eerste kwartaal van 2018, met naast de gerealiseerde aantallen de extrapolaties voor 2017 en 2018 "
                     "uit de brieven, gestippeld."),
        source_line=chapter.source_line(frame),
        table=frame[["periode", "soort", "adviezen", "brief"]].rename(columns=str.capitalize),
    )


def chart_assessments(chapter) -> charts.ChartFigure:
    """Return the stacked bars of assessments by applicant: positive and other outcomes."""
    table = assessments_by_applicant(chapter.figures).loc[lambda f: f["category"] != "totaal"]
    long = pd.concat([
        table.assign(uitkomst="positief advies", aantal=table["positief"]),
        table.assign(uitkomst="geen positief advies", aantal=table["beoordelingen"] - table["positief"]),
    ])
    long = long.assign(groep=long["aanvrager"] + ", " + long["period_label"])
    order = list(dict.fromkeys(table.assign(g=table["aanvrager"] + ", " + table["period_label"])["g"]))
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("groep:N", sort=order, title=None),
        x=alt.X("aantal:Q", stack="zero", axis=charts.value_axis("beoordelingen")),
        color=alt.Color("uitkomst:N", title=None, sort=["positief advies", "geen positief advies"],
                        scale=alt.Scale(range=[charts.PRIMARY, charts.SECONDARY])),
        order=alt.Order("uitkomst:N", sort="descending"),
        tooltip=[alt.Tooltip("groep:N", title="Aanvrager en periode"), alt.Tooltip("uitkomst:N", title="Uitkomst"),
                 alt.Tooltip("aantal:Q", title="Beoordelingen", format=",.0f")],
    ).properties(width=charts.WIDTH, height=160,
                 title=charts.title("Beoordelingen beschut werk door UWV, naar aanvrager",
                                    "Burgers konden pas vanaf 2017 zelf een advies aanvragen"))
    shown = assessments_by_applicant(chapter.figures)
    data_table = pd.DataFrame({
        "Aanvrager": shown["aanvrager"], "Periode": shown["period_label"], "Beoordelingen": shown["beoordelingen"],
        "Positief": shown["positief"], "% positief (brief)": shown["aandeel_gedrukt"],
        "% positief (herberekend)": shown["aandeel_herberekend"].round(1),
    })
    return charts.figure(
        chart,
        description=("Liggende gestapelde staven van de UWV-beoordelingen beschut werk in 2016 en januari tot en met mei 2017, "
                     "voor aanvragen door gemeenten en door burgers, verdeeld in positieve adviezen en overige uitkomsten."),
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", period=JAN_MAY_2017)),
        table=data_table, table_formats={"% positief (herberekend)": 1},
    )


def chart_citizen_months(chapter) -> charts.ChartFigure:
    """Return the line of assessments requested by citizens in the months the letter gives."""
    frame = citizen_assessments_by_month(chapter.figures)
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%B", tickCount={"interval": "month", "step": 1})),
        y=alt.Y("beoordelingen:Q", axis=charts.value_axis("beoordelingen")),
        tooltip=[alt.Tooltip("maand:N", title="Maand"), alt.Tooltip("beoordelingen:Q", format=",.0f", title="Beoordelingen")],
    )
    chart = (base.mark_line(point=True) + base.mark_text(dy=-10).encode(text=alt.Text("beoordelingen:Q", format=",.0f"))).properties(
        width=charts.WIDTH, height=220,
        title=charts.title("Beoordelingen op aanvraag van burgers, 2017",
                           "Alleen de maanden die de brief noemt; februari en april ontbreken"))
    return charts.figure(
        chart,
        description="Lijn met het aantal UWV-beoordelingen beschut werk op aanvraag van burgers in januari, maart en mei 2017.",
        source_line=chapter.source_line(fig.select(chapter.figures, "assessments", category="burger")),
        table=frame[["maand", "beoordelingen"]].rename(columns=str.capitalize),
    )


def chart_working_vs_advised(chapter) -> charts.ChartFigure:
    """Return people working on a beschut werkplek against the cumulative positive advices, per date."""
    frame = working_vs_advised(chapter.figures)
    advised = frame.drop_duplicates("datum").assign(reeks="positief geadviseerd (cumulatief)", aantal=lambda f: f["positief_geadviseerd"])
    working = frame.assign(
        reeks=frame["laatste_opgave"].map({True: "aan het werk op een beschut werkplek", False: "eerdere opgave (april 2017)"}),
        aantal=frame["werkend"])
    long = pd.concat([advised, working])[["datum", "peildatum", "reeks", "aantal", "brief"]]
    series = ["positief geadviseerd (cumulatief)", "aan het werk op een beschut werkplek", "eerdere opgave (april 2017)"]
    base = alt.Chart(long).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 3})),
        y=alt.Y("aantal:Q", axis=charts.value_axis("personen")),
        color=alt.Color("reeks:N", title=None, sort=series,
                        scale=alt.Scale(domain=series, range=[charts.SECONDARY, charts.PRIMARY, charts.PALETTE[2]])),
        tooltip=[alt.Tooltip("peildatum:N", title="Peildatum"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("aantal:Q", title="Aantal", format=",.0f"), alt.Tooltip("brief:N", title="Brief")],
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:2])).mark_line()
    points = base.mark_point(filled=True, size=70).encode(
        shape=alt.Shape("reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=["square", "circle", "triangle-up"])))
    labels = base.mark_text(dx=8, align="left").encode(text=alt.Text("aantal:Q", format=",.0f"))
    chart = (lines + points + labels).properties(
        width=charts.WIDTH, height=280,
        title=charts.title("Aan het werk tegenover positief geadviseerd",
                           "Voor eind 2016 geven de brieven twee verschillende aantallen werkenden"))
    table = pd.DataFrame({
        "Peildatum": frame["peildatum"], "Aan het werk": frame["werkend"], "Positief geadviseerd": frame["positief_geadviseerd"],
        "Geadviseerd berekend door het boek": frame["geadviseerd_berekend"], "% aan het werk": frame["aandeel_werkend"].round(1),
        "Brief": frame["brief"],
    })
    return charts.figure(
        chart,
        description=("Punten en lijnen met het aantal mensen op een beschut werkplek en het cumulatieve aantal positieve adviezen "
                     "eind 2016, eind 2017 en op 31 maart 2018; voor eind 2016 staan beide gepubliceerde aantallen werkenden."),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_sheltered_workplace")),
        table=table, table_formats={"% aan het werk": 1},
    )


def chart_regeling(chapter) -> charts.ChartFigure:
    """Return the bars of the regeling's places against the people actually working."""
    frame = regeling_vs_working(chapter.figures)
    series = [REGELING, WORKING]
    base = alt.Chart(frame).encode(
        x=alt.X("moment:N", title=None),
        xOffset=alt.XOffset("reeks:N", sort=series),
        y=alt.Y("aantal:Q", axis=charts.value_axis("werkplekken", "Plekken of personen")),
        tooltip=[alt.Tooltip("moment:N", title="Moment"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("aantal:Q", title="Aantal", format=",.0f")],
    )
    chart = (base.mark_bar().encode(color=alt.Color("reeks:N", title=None, sort=series,
                                                     scale=alt.Scale(domain=series, range=[charts.MUTED, charts.PRIMARY])))
             + base.mark_text(dy=-7).encode(text=alt.Text("aantal:Q", format=",.0f"))).properties(
        width=charts.WIDTH, height=260,
        title=charts.title("Ingroeipad van de regeling en werkelijke bezetting"))
    return charts.figure(
        chart,
        description=("Staven met het aantal beschut werkplekken dat de regeling voor eind 2017 en eind 2018 verwacht, naast het "
                     "aantal mensen dat eind 2017 en op 31 maart 2018 op een beschut werkplek werkte."),
        source_line=chapter.source_line(pd.DataFrame({"source_id": [JUNE_2018, SEPT_2018]})),
        table=frame.rename(columns=str.capitalize),
    )



def fill_rate_table(chapter) -> "tables.Table":
    """Return the fill-rate computation (persons, hours, printed) as a Dutch table."""
    from . import tables

    frame = fill_rate(chapter.figures)
    shown = pd.DataFrame({
        "Maatstaf": frame["maatstaf"].str.capitalize(), "Berekening": frame["berekening"],
        "Vervulling (%)": frame["vervulling"],
    })
    return tables.show(shown, {"Vervulling (%)": 1})


def money_table(chapter) -> "tables.Table":
    """Return the stimulus budget and the bonus beschut werk (available, paid, kept) as a table."""
    from . import tables

    rows = fig.select(chapter.figures, "stimulus_budget")
    for indicator in ("bonus_available", "bonus_paid", "bonus_retained"):
        rows = pd.concat([rows, fig.select(chapter.figures, indicator)])
    shown = pd.DataFrame({
        "Post": rows["label"], "Periode": rows["period_label"], "Miljoen euro": rows["value"],
        "Toelichting": rows["note"], "Bron": [f"{chapter.reference(s)}, p. {p}" for s, p in zip(rows["source_id"], rows["page"])],
    })
    return tables.show(shown, {"Miljoen euro": 1})
