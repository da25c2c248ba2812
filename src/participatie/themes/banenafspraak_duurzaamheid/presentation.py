"""Banenafspraak: banen en hoe lang ze duren: the chapter's charts and tables."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...data import periods
from ...figures import lookup as fig
from ...presentation import charts, formatting, tables
from ...presentation.labels import COLUMN_TEXT, COMPUTED, PRINTED
from .analysis import (
    ALTERNATIVE_TARGET,
    DEADLINE,
    DEADLINE_INCLUSIVE,
    JUNE_2017,
    Q3_2015,
    _label,
    _v,
    contracts,
    jobs_path,
    municipal_target_group,
    pace_series,
    realised_vs_target,
    required_pace,
    retention_by_background,
    retention_outcomes,
)


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
    base_text = formatting.figure_text(chapter.figures, "register_persons_working", Q3_2015)
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
