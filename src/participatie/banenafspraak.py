"""Banenafspraak duurzaamheid: the figures' analyses, the claims the book recomputes, and the charts.

Sources: the letters of April 2017 (tk-34352-56), June 2017 (ek-33981-n, with the UWV study of how
durable the jobs are in its annex), June 2018 (tk-29817-145) and September 2018 (ek-34775-ak).
Assumptions the analyses rest on are written where they are used; every value the book computes
itself (a derived level, a pace, a number of people behind a percentage) is marked as such.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import charts, checks, formatting, periods, tables
from . import figures as fig
from .labels import COLUMN_TEXT, COMPUTED, PRINTED

THEME = "banenafspraak"
# Letters by role, so an analysis says which letter's figure it uses where letters differ.
APRIL_2017, JUNE_2017, JUNE_2018, SEPT_2018 = "tk-34352-56", "ek-33981-n", "tk-29817-145", "ek-34775-ak"
END_2016, END_2017 = "2016-12-31", "2017-12-31"
# The deadline of the 125.000 jobs: the data record it as end 2025 (ek-33981-n p. 16 says "eind 2025";
# tk-29817-145 p. 2 says "oplopend tot 2026", which reads as end 2025 when "tot" excludes 2026). Read
# inclusively ("tot en met 2026") the June 2018 letter puts it a year later; the book shows both readings.
DEADLINE = "2025-12-31"
DEADLINE_INCLUSIVE = "2026-12-31"
Q3_2015, Q3_2016, Q4_2017 = "2015-07/2015-09", "2016-07/2016-09", "2017-10/2017-12"
STUDY = "2015-07/2016-09"  # the UWV study follows people from Q3 2015 to Q3 2016
CHANGE_Q4 = "2016-10/2017-12"  # the printed increase of the gemeentelijke doelgroep, Q4 2016 to Q4 2017
BACKGROUND = {"wsw": "Wsw", "wajong": "Wajong", "participatiewet": "Participatiewet", "totaal": "Alle werkenden"}
ALTERNATIVE_TARGET = "doel bij de lezing tot en met 2026"


def _v(figures: pd.DataFrame, indicator: str, period: str, category: str | None = None,
       source_id: str | None = None) -> float:
    return fig.value(figures, indicator, period, category=category, source_id=source_id)


def _years_between(start: str, end: str) -> float:
    first, last = periods.parse(start).sort_date, periods.parse(end).sort_date
    return (last.year - first.year) + (last.month - first.month) / 12


def _label(period: str) -> str:
    return periods.parse(period).label


# --- analyses --------------------------------------------------------------------------------

def realised_vs_target(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs realised at end 2016 against that year's target: surplus and ratio."""
    target = _v(figures, "extra_jobs_target", END_2016, "totaal")
    rows = (
        fig.select(figures, "extra_jobs_realised", period=END_2016)
        .sort_values("source_date", ascending=False)
    )
    return pd.DataFrame({
        "peildatum": rows["period_label"],
        "gerealiseerd": rows["value"],
        "kwalificatie": rows["qualifier"].fillna(""),
        "tussendoel": target,
        "verschil": rows["value"] - target,
        "realisatie_pct": fig.ratio(100 * rows["value"], target),
        "brief": rows["source_reference"],
        "source_id": rows["source_id"],
        "page": rows["page"],
    }).reset_index(drop=True)


def latest_realisation(figures: pd.DataFrame) -> pd.Series:
    """Return the most recent printed count of extra jobs (latest date, then latest letter)."""
    rows = fig.select(figures, "extra_jobs_realised", category="totaal")
    return rows.sort_values(["period_end", "source_date"]).iloc[-1]


def required_pace(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the yearly pace needed from the latest realisation to 125.000 jobs, for both deadline readings.

    Linear: the jobs still to be created divided by the years left. The realised pace of 2017 (end
    2017 minus end 2016, two letters) stands beside it; all of it is the book's computation.
    """
    latest = latest_realisation(figures)
    target_row = fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal")
    target = float(target_row["value"])
    readings = [
        (DEADLINE, "eind 2025 (brief juni 2017; 'tot 2026' exclusief gelezen)"),
        (DEADLINE_INCLUSIVE, "eind 2026 ('oplopend tot 2026' inclusief gelezen, brief juni 2018)"),
    ]
    rows = []
    for deadline, reading in readings:
        years = _years_between(latest["period"], deadline)
        rows.append({
            "maatstaf": f"nodig tot {_label(deadline)}", "lezing": reading, "vanaf": latest["period_label"],
            "tot": _label(deadline), "deadline": deadline, "stand": latest["value"], "doel": target,
            "nog_te_realiseren": target - latest["value"], "jaren": years,
            "per_jaar": fig.ratio(target - latest["value"], years),
        })
    start = _v(figures, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018)
    years = _years_between(END_2016, latest["period"])
    rows.append({
        "maatstaf": f"gerealiseerd in {latest['period_end'].year}", "lezing": "stand eind 2017 min stand eind 2016",
        "vanaf": _label(END_2016), "tot": latest["period_label"], "deadline": latest["period"], "stand": start,
        "doel": latest["value"], "nog_te_realiseren": latest["value"] - start, "jaren": years,
        "per_jaar": fig.ratio(latest["value"] - start, years),
    })
    return pd.DataFrame(rows)


def jobs_path(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the extra jobs over time: realised counts, targets, and the book's linear paths to 125.000."""
    realised = fig.select(figures, "extra_jobs_realised", category="totaal")
    realised = realised.loc[realised["qualifier"].isna()].sort_values("period_end")  # exact counts only
    targets = (
        fig.select(figures, "extra_jobs_target", category="totaal").sort_values("source_date")
        .groupby(["period", "period_label", "value"], as_index=False)
        .agg(brief=("source_reference", "; ".join))
        .sort_values("period")
    )
    rows = [
        {"datum": r["period"], "peildatum": r["period_label"], "reeks": "gerealiseerd", "aantal": r["value"],
         "soort": PRINTED, "brief": r["source_reference"]}
        for _, r in realised.iterrows()
    ] + [
        {"datum": r["period"], "peildatum": r["period_label"], "reeks": "doel", "aantal": r["value"],
         "soort": PRINTED, "brief": r["brief"]}
        for _, r in targets.iterrows()
    ]
    latest = latest_realisation(figures)
    june_2018 = fig.row(figures, "extra_jobs_target", DEADLINE, category="totaal", source_id=JUNE_2018)
    for _, pace in required_pace(figures).iloc[:2].iterrows():
        series = pace_series(pace)
        if pace["deadline"] == DEADLINE_INCLUSIVE:
            rows.append({"datum": DEADLINE_INCLUSIVE, "peildatum": pace["tot"], "reeks": ALTERNATIVE_TARGET,
                         "aantal": pace["doel"], "soort": "lezing van de brief", "brief": june_2018["source_reference"]})
        rows += [
            {"datum": latest["period"], "peildatum": latest["period_label"], "reeks": series,
             "aantal": latest["value"], "soort": COMPUTED, "brief": "–"},
            {"datum": pace["deadline"], "peildatum": pace["tot"], "reeks": series, "aantal": pace["doel"],
             "soort": COMPUTED, "brief": "–"},
        ]
    return pd.DataFrame(rows)


def pace_series(pace: pd.Series) -> str:
    """Return the Dutch name of a linear path to the target: its deadline and its pace per year."""
    return f"lineair pad tot {pace['tot']}: {formatting.number(pace['per_jaar'], 0)} per jaar"


def municipal_target_group(figures: pd.DataFrame) -> pd.DataFrame:
    """Return people of the gemeentelijke doelgroep at work in Q4 2016 (derived) and Q4 2017 (printed).

    The June 2018 letter prints the Q4 2017 level and the increase since Q4 2016, not the Q4 2016
    level itself; the book derives it as the difference.
    """
    level = fig.row(figures, "municipal_target_group_working", Q4_2017)
    change = _v(figures, "municipal_target_group_working_change", CHANGE_Q4)
    q4_2016 = periods.parse("2016-10/2016-12").label
    return pd.DataFrame([
        {"kwartaal": q4_2016, "werkend": level["value"] - change, "soort": COMPUTED,
         "berekening": f"{formatting.number(level['value'])} − {formatting.number(change)}"},
        {"kwartaal": level["period_label"], "werkend": level["value"], "soort": PRINTED, "berekening": "–"},
    ])


def municipal_growth(figures: pd.DataFrame) -> float:
    """Return the growth of the gemeentelijke doelgroep at work from Q4 2016 to Q4 2017, in percent (derived base)."""
    frame = municipal_target_group(figures)
    return 100 * (fig.ratio(frame["werkend"].iloc[1], frame["werkend"].iloc[0]) - 1)


def reintegration_change(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the re-integration provisions begin 2015 and end 2017 with the change the book computes."""
    rows = fig.select(figures, "reintegration_provisions").sort_values("period_end")
    first, last = rows.iloc[0], rows.iloc[-1]
    return pd.DataFrame([{
        "van": first["period_label"], "tot": last["period_label"], "begin": first["value"], "eind": last["value"],
        "toename": last["value"] - first["value"], "toename_pct": 100 * (fig.ratio(last["value"], first["value"]) - 1),
    }])


def retention_by_background(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the share of people working in Q3 2015 who (still or again) worked a year later, by background."""
    rows = fig.select(figures, "working_after_one_year_share", period=STUDY)
    order = list(BACKGROUND)
    return (
        rows.assign(achtergrond=rows["category"].map(BACKGROUND), volgorde=rows["category"].map(order.index),
                    kwalificatie=rows["qualifier"].fillna(""))
        .sort_values("volgorde")
        [["category", "achtergrond", "value", "kwalificatie", "page"]]
        .rename(columns={"value": "aandeel"})
        .reset_index(drop=True)
    )


def retention_outcomes(figures: pd.DataFrame) -> pd.DataFrame:
    """Return what became of everyone working in Q3 2015 a year later, with the people each share stands for.

    The base is the circa 80.000 people of the register at work in Q3 2015. The shares working and not
    working should add up to 100; the rest is what the letter leaves unexplained, computed by the book.
    People per share: share × base, as rough as the circa of the base.
    """
    base = _v(figures, "register_persons_working", Q3_2015)
    working = fig.row(figures, "working_after_one_year_share", STUDY, category="totaal")
    all_points = fig.row(figures, "working_all_measurements_share", STUDY, category="totaal")
    gone = fig.row(figures, "not_working_after_one_year_share", STUDY, category="totaal")
    rows = [
        ("weer of nog aan het werk", working, PRINTED),
        ("op alle peilmomenten aan het werk", all_points, PRINTED),
        ("niet meer aan het werk", gone, PRINTED),
    ]
    frame = pd.DataFrame([
        {"uitkomst": name, "aandeel": r["value"], "kwalificatie": r["qualifier"] if isinstance(r["qualifier"], str) else "",
         "soort": kind, "page": r["page"]}
        for name, r, kind in rows
    ])
    rest = 100 - working["value"] - gone["value"]
    frame = pd.concat([frame, pd.DataFrame([{"uitkomst": "niet verklaard (rest)", "aandeel": rest, "kwalificatie": "",
                                             "soort": COMPUTED, "page": pd.NA}])], ignore_index=True)
    return frame.assign(basis=base, personen=frame["aandeel"] / 100 * base)


def contracts(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the shares on permanent contracts: hours of everyone in the register, and Wajong persons."""
    hours = fig.select(figures, "hours_permanent_contract_share").assign(maatstaf="uren, alle werkenden uit het register")
    persons = fig.select(figures, "permanent_contract_share_persons", category="wajong").assign(maatstaf="personen, Wajong")
    frame = pd.concat([hours, persons])
    return pd.DataFrame({
        "maatstaf": frame["maatstaf"], "kwartaal": frame["period_label"], "period": frame["period"],
        "aandeel_vast": frame["value"], "kwalificatie": frame["qualifier"].fillna(""), "page": frame["page"],
    }).reset_index(drop=True)


def page_view_ratio(figures: pd.DataFrame) -> tuple[float, float]:
    """Return the April 2017 LinkedIn page views as a multiple of the usual range (upper, lower bound)."""
    views = _v(figures, "mkb_campaign_linkedin_page_views", "2017-04")
    low = _v(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "ondergrens")
    high = _v(figures, "mkb_campaign_linkedin_page_views_normal", "2017-04", "bovengrens")
    return fig.ratio(views, high), fig.ratio(views, low)


def key_figures(figures: pd.DataFrame) -> dict[str, str]:
    """Return every number the chapter's prose cites, as Dutch text keyed by a glue name."""
    t = lambda *a, **k: fig.text(figures, *a, **k)  # noqa: E731 - a local shorthand
    n = formatting.number
    pct = lambda x, d=1: formatting.value_text(x, "procent", d)  # noqa: E731
    vs = realised_vs_target(figures).set_index("source_id")
    pace = required_pace(figures).set_index("deadline")
    outcome = retention_outcomes(figures).set_index("uitkomst")
    municipal = municipal_target_group(figures).set_index("soort")
    reint = reintegration_change(figures).iloc[0]
    latest = latest_realisation(figures)
    target = _v(figures, "extra_jobs_target", DEADLINE, "totaal")
    low_ratio, high_ratio = page_view_ratio(figures)
    circa = lambda x: formatting.value_text(x, "personen", 0, "circa")  # noqa: E731
    return {
        "ba_target_total": t("extra_jobs_target", DEADLINE, category="totaal"),
        "ba_target_market": t("extra_jobs_target", DEADLINE, category="markt"),
        "ba_target_government": t("extra_jobs_target", DEADLINE, category="overheid"),
        "ba_deadline": _label(DEADLINE),
        "ba_deadline_inclusive": _label(DEADLINE_INCLUSIVE),
        "ba_target_2016": t("extra_jobs_target", END_2016, category="totaal"),
        "ba_real_2016": t("extra_jobs_realised", END_2016, category="totaal", source_id=JUNE_2018),
        "ba_real_2016_early": t("extra_jobs_realised", END_2016, category="totaal", source_id=JUNE_2017),
        "ba_real_2017": t("extra_jobs_realised", END_2017, category="totaal"),
        "ba_surplus_2016": n(vs.loc[JUNE_2018, "verschil"]),
        "ba_ratio_2016": pct(vs.loc[JUNE_2018, "realisatie_pct"]),
        "ba_share_of_target_latest": pct(fig.ratio(100 * latest["value"], target)),
        "ba_remaining": n(target - latest["value"]),
        "ba_years_deadline": n(pace.loc[DEADLINE, "jaren"]),
        "ba_years_inclusive": n(pace.loc[DEADLINE_INCLUSIVE, "jaren"]),
        "ba_pace_deadline": n(pace.loc[DEADLINE, "per_jaar"], 0),
        "ba_pace_inclusive": n(pace.loc[DEADLINE_INCLUSIVE, "per_jaar"], 0),
        "ba_pace_realised": n(pace.loc[latest["period"], "per_jaar"], 0),
        "ba_mun_q4_2017": t("municipal_target_group_working", Q4_2017),
        "ba_mun_change": t("municipal_target_group_working_change", CHANGE_Q4),
        "ba_mun_q4_2016": n(municipal.loc[COMPUTED, "werkend"]),
        "ba_mun_growth": pct(municipal_growth(figures), 0),
        "ba_register_municipal": t("target_group_register_persons", "2018-06-15", category="gemeente"),
        "ba_reint_2015": t("reintegration_provisions", "2015-01-01"),
        "ba_reint_2017": t("reintegration_provisions", END_2017),
        "ba_reint_change": n(reint["toename"]),
        "ba_reint_change_pct": pct(reint["toename_pct"]),
        "ba_below_wml": t("persons_provision_below_minimum_wage", "2017-11"),
        "ba_lks_jobcoach": t("persons_wage_subsidy_or_jobcoach", END_2016),
        "ba_wajong_no_support": t("wajong_working_without_support_share", "2015"),
        "ba_base": t("register_persons_working", Q3_2015),
        "ba_working": t("working_after_one_year_share", STUDY, category="totaal"),
        "ba_all_points": t("working_all_measurements_share", STUDY, category="totaal"),
        "ba_not_working": t("not_working_after_one_year_share", STUDY, category="totaal"),
        "ba_complement": pct(100 - _v(figures, "working_after_one_year_share", STUDY, "totaal"), 0),
        "ba_gap": formatting.value_text(outcome.loc["niet verklaard (rest)", "aandeel"], "procentpunt"),
        "ba_persons_working": circa(outcome.loc["weer of nog aan het werk", "personen"]),
        "ba_persons_all_points": circa(outcome.loc["op alle peilmomenten aan het werk", "personen"]),
        "ba_persons_not_working": circa(outcome.loc["niet meer aan het werk", "personen"]),
        "ba_persons_gap": circa(outcome.loc["niet verklaard (rest)", "personen"]),
        "ba_wsw": t("working_after_one_year_share", STUDY, category="wsw"),
        "ba_wajong": t("working_after_one_year_share", STUDY, category="wajong"),
        "ba_pw": t("working_after_one_year_share", STUDY, category="participatiewet"),
        "ba_hours_2015": t("hours_permanent_contract_share", Q3_2015),
        "ba_hours_2016": t("hours_permanent_contract_share", Q3_2016),
        "ba_wajong_permanent": t("permanent_contract_share_persons", Q3_2015, category="wajong"),
        "ba_wajong_starters_temporary": t("starters_temporary_contract_share", "2014", category="wajong"),
        "ba_eu": t("eu_countries_with_quota_system", "2017-06-30"),
        "ba_calc_steps": t("employer_calculator_steps", "2017-05-15"),
        "ba_calc_max": t("employer_calculator_max_annual_benefit", "2017"),
        "ba_ict": t("quota_levy_ict_project_costs", "2017/.."),
        "ba_mkb_size": t("mkb_employer_size_threshold", "2017-01/2017-06"),
        "ba_mkb_branches": t("mkb_campaign_branches", "2017-01/2017-06"),
        "ba_views": t("mkb_campaign_linkedin_page_views", "2017-04"),
        "ba_views_ratio_low": n(low_ratio, 1),
        "ba_views_ratio_high": n(high_ratio, 1),
    }


# --- claims the book recomputes ------------------------------------------------------------

def _register_checks() -> None:
    add = checks.register
    add(checks.Check(
        "ba-doel-markt-plus-overheid", THEME, "125.000 banen = 100.000 in de marktsector + 25.000 bij de overheid",
        "extra_jobs_target", DEADLINE, JUNE_2018,
        lambda f: _v(f, "extra_jobs_target", DEADLINE, "markt") + _v(f, "extra_jobs_target", DEADLINE, "overheid"),
        "marktsector + overheid", 0, "totaal"))
    add(checks.Check(
        "ba-banen-eind-2016-afgerond", THEME, "'Ruim 22.000' extra banen eind 2016 (juni 2017) tegenover de latere telling",
        "extra_jobs_realised", END_2016, JUNE_2017,
        lambda f: _v(f, "extra_jobs_realised", END_2016, "totaal", source_id=JUNE_2018),
        "telling eind 2016 uit de brief van juni 2018 (ruim 22.000 dekt 22.000 tot 23.000)", 999, "totaal"))
    add(checks.Check(
        "ba-niet-meer-aan-het-werk", THEME, "Bijna 10% werkt na een jaar niet meer, naast bijna 87% dat wel werkt",
        "not_working_after_one_year_share", STUDY, JUNE_2017,
        lambda f: 100 - _v(f, "working_after_one_year_share", STUDY, "totaal"),
        "100 − aandeel dat na een jaar (weer) werkt", 1, "totaal"))


_register_checks()


# --- charts --------------------------------------------------------------------------------

def chart_jobs(chapter) -> charts.ChartFigure:
    """Return the extra jobs realised against the targets, with the book's linear paths to 125.000."""
    frame = jobs_path(chapter.figures)
    frame = frame.assign(jaar=frame["datum"].map(lambda d: periods.parse(d).sort_date.year))
    paths = [pace_series(p) for _, p in required_pace(chapter.figures).iloc[:2].iterrows()]
    series = ["gerealiseerd", "doel", ALTERNATIVE_TARGET, *paths]
    target = formatting.number(_v(chapter.figures, "extra_jobs_target", DEADLINE, "totaal"))
    legend = dict(title=None, sort=series, legend=alt.Legend(columns=1, symbolStrokeWidth=2))
    colour = alt.Color("reeks:N", scale=alt.Scale(domain=series, range=[charts.PRIMARY, charts.PALETTE[2], charts.PALETTE[2],
                                                                        charts.PALETTE[4], charts.PALETTE[4]]), **legend)
    shape = alt.Shape("reeks:N", scale=alt.Scale(domain=series, range=["circle", "diamond", "square", "stroke", "stroke"]), **legend)
    dash = alt.StrokeDash("reeks:N", scale=alt.Scale(domain=series, range=[[1, 0], [1, 0], [1, 0], [6, 4], [2, 2]]), **legend)
    years = [int(frame["jaar"].min()) - 1, int(frame["jaar"].max()) + 1]  # a year of room for the labels
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:Q", scale=alt.Scale(domain=years, nice=False),
                axis=alt.Axis(format="d", tickMinStep=1, title="Stand aan het eind van het jaar")),
        y=alt.Y("aantal:Q", axis=charts.value_axis("banen", "Extra banen t.o.v. de nulmeting")),
        color=colour, shape=shape, strokeDash=dash,
        tooltip=[alt.Tooltip("peildatum:N", title="Peildatum"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("aantal:Q", title="Banen", format=",.0f"), alt.Tooltip("soort:N", title="Soort"),
                 alt.Tooltip("brief:N", title="Brief")],
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=[series[0], *paths])).mark_line(strokeWidth=2)
    points = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:3])).mark_point(size=110, filled=True, opacity=1)
    realised_labels = base.transform_filter(alt.datum.reeks == "gerealiseerd").mark_text(dx=-9, dy=-10, align="right").encode(
        text=alt.Text("aantal:Q", format=",.0f"), color=alt.value("#0b0c0c"))
    # Targets: the intermediate one below right of its point, the final one above left (the same number at
    # the other deadline reading is not labelled again: legend, tooltip and table give it).
    targets = base.transform_filter(alt.datum.reeks == "doel")
    intermediate_label = targets.transform_filter(alt.datum.datum != DEADLINE).mark_text(dx=9, dy=12, align="left").encode(
        text=alt.Text("aantal:Q", format=",.0f"), color=alt.value(charts.PALETTE[2]))
    final_label = targets.transform_filter(alt.datum.datum == DEADLINE).mark_text(dx=-9, dy=-8, align="right").encode(
        text=alt.Text("aantal:Q", format=",.0f"), color=alt.value(charts.PALETTE[2]))
    chart = (lines + points + realised_labels + intermediate_label + final_label).properties(
        width=charts.WIDTH, height=340,
        title=charts.title("Extra banen: gerealiseerd, doelen en benodigd tempo",
                           f"Gestippeld: lineair pad van de laatste telling naar {target}, berekend door het boek"))
    table = pd.DataFrame({
        "Peildatum": frame["peildatum"], "Reeks": frame["reeks"], "Banen": frame["aantal"],
        "Soort": frame["soort"], "Brief": frame["brief"],
    })
    early = realised_vs_target(chapter.figures).loc[lambda f: f["source_id"] == JUNE_2017]
    table = pd.concat([table, pd.DataFrame({
        "Peildatum": early["peildatum"], "Reeks": "gerealiseerd, eerdere opgave (ruim)", "Banen": early["gerealiseerd"],
        "Soort": PRINTED, "Brief": early["brief"]})], ignore_index=True)
    return charts.figure(
        chart,
        description=(f"Punten en lijnen met het aantal gerealiseerde extra banen, het tussendoel voor eind 2016 en het doel "
                     f"van {target} banen {_label(DEADLINE)}, met een vierkant voor de lezing {_label(DEADLINE_INCLUSIVE)}. "
                     f"Twee stippellijnen tonen het lineaire pad van de laatste telling naar {target} voor beide lezingen "
                     "van de einddatum; die paden zijn berekend door het boek."),
        source_line=chapter.source_line(pd.concat([fig.select(chapter.figures, "extra_jobs_realised"),
                                                   fig.select(chapter.figures, "extra_jobs_target")])),
        table=table,
    )


def chart_retention_by_background(chapter) -> charts.ChartFigure:
    """Return the bars of the share still or again working after a year, by background, with the overall rate."""
    frame = retention_by_background(chapter.figures)
    groups = frame.loc[frame["category"] != "totaal"].assign(tekst=lambda f: f["aandeel"].map(lambda v: formatting.value_text(v, "procent")))
    overall = frame.loc[frame["category"] == "totaal"].assign(
        tekst=lambda f: [f"alle werkenden: {formatting.value_text(v, 'procent', None, q or None)}"
                         for v, q in zip(f["aandeel"], f["kwalificatie"])])
    bars = alt.Chart(groups).mark_bar(color=charts.PRIMARY).encode(
        y=alt.Y("achtergrond:N", sort=list(groups["achtergrond"]), title=None),
        x=alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent", "Procent na een jaar (weer) aan het werk")),
        tooltip=[alt.Tooltip("achtergrond:N", title="Achtergrond"), alt.Tooltip("aandeel:Q", title="Procent", format=",.0f")],
    )
    text = bars.mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    rule = alt.Chart(overall).mark_rule(color=charts.PALETTE[2], strokeDash=[5, 3], strokeWidth=2).encode(
        x="aandeel:Q", tooltip=[alt.Tooltip("tekst:N", title="Totaal")])
    rule_text = alt.Chart(overall).mark_text(align="right", dx=-4, dy=-6, color=charts.PALETTE[2], baseline="bottom").encode(
        x="aandeel:Q", y=alt.value(0), text="tekst:N")
    chart = (bars + text + rule + rule_text).properties(
        width=charts.WIDTH, height=180,
        title=charts.title("Na een jaar weer of nog aan het werk, naar achtergrond",
                           "Mensen uit het doelgroepregister die in het 3e kwartaal 2015 werkten, een jaar later"))
    table = pd.DataFrame({
        "Achtergrond": frame["achtergrond"], "% na een jaar (weer) aan het werk": frame["aandeel"],
        "Kwalificatie": frame["kwalificatie"].replace("", "–"), "Pagina": frame["page"],
    })
    return charts.figure(
        chart,
        description=("Liggende staven met het percentage mensen dat een jaar na het derde kwartaal 2015 weer of nog steeds "
                     "werkte: voor mensen met een Wsw-, Wajong- en Participatiewet-achtergrond, met een gestippelde "
                     "verticale lijn voor alle werkenden samen."),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_after_one_year_share")),
        table=table,
    )


def chart_retention_outcomes(chapter) -> charts.ChartFigure:
    """Return the bars of what became of the circa 80.000 people a year on, with the people each share stands for."""
    frame = retention_outcomes(chapter.figures)
    base_text = fig.text(chapter.figures, "register_persons_working", Q3_2015)
    frame = frame.assign(tekst=[
        f"{formatting.value_text(a, 'procent', None, q or None)} · circa {formatting.number(p, 0)} mensen"
        for a, q, p in zip(frame["aandeel"], frame["kwalificatie"], frame["personen"])])
    kinds = [PRINTED, COMPUTED]
    base = alt.Chart(frame).encode(
        y=alt.Y("uitkomst:N", sort=list(frame["uitkomst"]), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent")),
        tooltip=[alt.Tooltip("uitkomst:N", title="Uitkomst"), alt.Tooltip("aandeel:Q", title="Procent", format=",.0f"),
                 alt.Tooltip("personen:Q", title="Circa personen (berekend)", format=",.0f"),
                 alt.Tooltip("soort:N", title="Soort")],
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(**charts.printed_or_derived("soort", kinds, {COMPUTED}))
    inside = base.transform_filter(alt.datum.aandeel >= 50).mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    outside = base.transform_filter(alt.datum.aandeel < 50).mark_text(align="left", dx=5).encode(text="tekst:N")
    chart = (bars + inside + outside).properties(
        width=charts.WIDTH, height=200,
        title=charts.title("Wat werd er van de werkenden van het 3e kwartaal 2015?",
                           f"Aandeel een jaar later; aantallen mensen berekend door het boek op een basis van {base_text}"))
    table = pd.DataFrame({
        "Uitkomst": frame["uitkomst"], "Procent": frame["aandeel"], "Kwalificatie": frame["kwalificatie"].replace("", "–"),
        "Circa personen (berekend)": frame["personen"], "Soort": frame["soort"], "Pagina": frame["page"],
    })
    return charts.figure(
        chart,
        description=(f"Liggende staven met het percentage van de {base_text} werkenden uit het doelgroepregister in het derde "
                     "kwartaal 2015 dat een jaar later weer of nog werkte, op alle peilmomenten werkte, niet meer werkte, en "
                     "het deel dat de brief niet verklaart (grijs, gestippeld, berekend), met het aantal mensen per aandeel."),
        source_line=chapter.source_line(fig.select(chapter.figures, "register_persons_working")),
        table=table, table_formats={"Circa personen (berekend)": 0},
    )


def chart_municipal(chapter) -> charts.ChartFigure:
    """Return the bars of the gemeentelijke doelgroep at work in Q4 2016 (derived) and Q4 2017 (printed)."""
    frame = municipal_target_group(chapter.figures)
    kinds = [COMPUTED, PRINTED]
    base = alt.Chart(frame).encode(
        x=alt.X("kwartaal:N", sort=list(frame["kwartaal"]), title=None),
        y=alt.Y("werkend:Q", axis=charts.value_axis("personen", "Personen aan het werk")),
        tooltip=[alt.Tooltip("kwartaal:N", title="Kwartaal"), alt.Tooltip("werkend:Q", title="Personen", format=",.0f"),
                 alt.Tooltip("soort:N", title="Soort"), alt.Tooltip("berekening:N", title="Berekening")],
    )
    bars = base.mark_bar(strokeWidth=1.5, size=70).encode(**charts.printed_or_derived("soort", kinds, {COMPUTED}))
    text = base.mark_text(dy=-8).encode(text=alt.Text("werkend:Q", format=",.0f"))
    chart = (bars + text).properties(
        width=charts.WIDTH, height=240,
        title=charts.title("Gemeentelijke doelgroep aan het werk via de banenafspraak",
                           "Het 4e kwartaal 2016 staat niet in de brief: stand 2017 min de genoemde toename"))
    table = pd.DataFrame({"Kwartaal": frame["kwartaal"], "Personen": frame["werkend"], "Soort": frame["soort"],
                          "Berekening": frame["berekening"]})
    return charts.figure(
        chart,
        description=("Twee staven: het aantal mensen uit de gemeentelijke doelgroep dat via de banenafspraak werkte in het "
                     "vierde kwartaal 2016, grijs en gestippeld omdat het boek het berekent, en in het vierde kwartaal 2017."),
        source_line=chapter.source_line(fig.select(chapter.figures, "municipal_target_group_working")),
        table=table,
    )


def chart_contracts(chapter) -> charts.ChartFigure:
    """Return the bars of the shares on a permanent contract, hours of all and Wajong persons, both years."""
    frame = contracts(chapter.figures)
    quarters = list(dict.fromkeys(frame["kwartaal"]))
    frame = frame.assign(tekst=[f"{periods.parse(p).start.year}: {formatting.value_text(v, 'procent', None, q or None)}"
                                for p, v, q in zip(frame["period"], frame["aandeel_vast"], frame["kwalificatie"])])
    base = alt.Chart(frame).encode(
        x=alt.X("maatstaf:N", title=None, sort=list(dict.fromkeys(frame["maatstaf"]))),
        xOffset=alt.XOffset("kwartaal:N", sort=quarters),
        y=alt.Y("aandeel_vast:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent", "Procent met een vast contract")),
        tooltip=[alt.Tooltip("maatstaf:N", title="Maatstaf"), alt.Tooltip("kwartaal:N", title="Kwartaal"),
                 alt.Tooltip("aandeel_vast:Q", title="Procent vast", format=",.0f")],
    )
    bars = base.mark_bar().encode(color=alt.Color("kwartaal:N", title=None, sort=quarters,
                                                  scale=alt.Scale(domain=quarters, range=[charts.SECONDARY, charts.PRIMARY])))
    text = base.mark_text(dy=-8).encode(text="tekst:N")
    chart = (bars + text).properties(
        width=charts.WIDTH, height=260,
        title=charts.title("Werken met een vast contract",
                           "Links een aandeel van de gewerkte uren, rechts een aandeel van de personen"))
    table = pd.DataFrame({"Maatstaf": frame["maatstaf"], "Kwartaal": frame["kwartaal"], "% vast": frame["aandeel_vast"],
                          "Kwalificatie": frame["kwalificatie"].replace("", "–"), "Pagina": frame["page"]})
    return charts.figure(
        chart,
        description=("Staven met het aandeel van de verloonde uren van werkenden uit het doelgroepregister dat op een vast "
                     "contract werd gewerkt, en het aandeel werkende Wajongers met een vast contract, in het derde kwartaal "
                     "van 2015 en van 2016; elk staaf draagt het percentage als label."),
        source_line=chapter.source_line(fig.select(chapter.figures, "hours_permanent_contract_share")),
        table=table,
    )


# --- tables --------------------------------------------------------------------------------

def _letter_and_page(rows: pd.DataFrame) -> list[str]:
    # A compact cell (the letter's date and the page); the table's caption gives the full references.
    return [f"{formatting.long_date(pd.Timestamp(d).date())}, p. {p}" for d, p in zip(rows["source_date"], rows["page"])]


def pace_table(chapter) -> tables.Table:
    """Return the book's computation of the yearly pace needed for 125.000 jobs, beside the pace realised in 2017."""
    frame = required_pace(chapter.figures)
    shown = pd.DataFrame({
        "Maatstaf": frame["maatstaf"], "Lezing": frame["lezing"], "Van": frame["vanaf"], "Tot": frame["tot"],
        "Banen erbij": frame["nog_te_realiseren"], "Jaren": frame["jaren"], "Banen per jaar": frame["per_jaar"],
    })
    return tables.show(shown, {"Banen per jaar": 0}, caption="Tempo, berekend door het boek (lineair)")


def support_table(chapter) -> tables.Table:
    """Return the figures on support by gemeenten (provisions, wage subsidy, jobcoach) as printed, with the change."""
    f = chapter.figures
    rows = pd.concat([fig.select(f, ind) for ind in (
        "reintegration_provisions", "persons_provision_below_minimum_wage", "persons_wage_subsidy_or_jobcoach",
        "wajong_working_without_support_share", "target_group_register_persons")])
    shown = pd.DataFrame({
        COLUMN_TEXT["label"]: rows["label"], COLUMN_TEXT["period_label"]: rows["period_label"],
        COLUMN_TEXT["value"]: [formatting.value_text(v, u, None, q if isinstance(q, str) else None)
                               for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        COLUMN_TEXT["note"]: rows["note"],
        COLUMN_TEXT["letter"]: _letter_and_page(rows),
    })
    return tables.show(shown, caption=chapter.source_line(rows))


def other_figures_table(chapter) -> tables.Table:
    """Return the remaining figures of the letters (EU quota, calculator, ICT costs, MKB campaign) as printed."""
    f = chapter.figures
    indicators = ["eu_countries_with_quota_system", "employer_calculator_steps", "employer_calculator_max_annual_benefit",
                  "quota_levy_ict_project_costs", "mkb_employer_size_threshold", "mkb_campaign_branches",
                  "mkb_campaign_linkedin_impressions", "mkb_campaign_linkedin_page_views",
                  "mkb_campaign_linkedin_page_views_normal"]
    rows = pd.concat([fig.select(f, ind) for ind in indicators])
    group = rows["category"].map({"ondergrens": " (ondergrens)", "bovengrens": " (bovengrens)"}).fillna("")
    shown = pd.DataFrame({
        COLUMN_TEXT["label"]: rows["label"] + group, COLUMN_TEXT["period_label"]: rows["period_label"],
        COLUMN_TEXT["value"]: [formatting.value_text(v, u, None, q if isinstance(q, str) else None)
                               for v, u, q in zip(rows["value"], rows["unit"], rows["qualifier"])],
        COLUMN_TEXT["note"]: rows["note"],
        COLUMN_TEXT["letter"]: _letter_and_page(rows),
    })
    return tables.show(shown, caption=chapter.source_line(rows))
