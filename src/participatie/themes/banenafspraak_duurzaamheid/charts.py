"""Banenafspraak: banen en hoe lang ze duren: the chapter's charts, in Dutch (the analyses' codes get their words
from the theme's labels)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...data import periods
from ...figures import lookup as fig
from ...presentation import charts, formatting, references, shapes
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import PRINTED as PRINTED_TEXT
from . import analysis
from .analysis import (
    COMPUTED,
    DEADLINE,
    DEADLINE_INCLUSIVE,
    JUNE_2017,
    PATH,
    Q3_2015,
    REALISED,
    TARGET,
    TARGET_INCLUSIVE,
    value,
)
from .labels import BACKGROUND, EARLIER_COUNT, KIND, MEASURE, OUTCOME, SERIES, pace_series


def _qualifiers(column: pd.Series) -> pd.Series:
    # The data's hedge codes, "" where a value is exact (the chart texts and tables read them so).
    return column.fillna("")


def _tooltips(fields: dict[str, str]) -> list[alt.Tooltip]:
    # Tooltips for fields (name:type) with their Dutch titles; numbers in whole Dutch units (12.345).
    return [
        alt.Tooltip(f, title=t, format=",.0f") if f.endswith(":Q") else alt.Tooltip(f, title=t) for f, t in fields.items()
    ]


def _reader_table(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    # The chart's data table: the columns named, in that order, under their Dutch headers; "–" for no hedge.
    table = frame[list(columns)].rename(columns=columns)
    return table.replace({"Kwalificatie": {"": "–"}}) if "Kwalificatie" in table else table


def _jobs_frame(chapter) -> pd.DataFrame:
    path = analysis.jobs_path(chapter.figures)
    paces = {pace["end"]: pace for _, pace in analysis.required_pace(chapter.figures).iterrows()}
    names = [
        pace_series(paces[to]) if series == PATH else SERIES[series] for series, to in zip(path["series"], path["path_to"])
    ]
    letters = ["; ".join(references.references(list(ids), chapter.sources)) if ids else "–" for ids in path["source_ids"]]
    frame = path.assign(
        peildatum=formatting.period_labels(path["date"]), reeks=names, soort=path["kind"].map(KIND), brief=letters
    ).rename(columns={"date": "datum", "count": "aantal"})
    return frame[["datum", "peildatum", "reeks", "aantal", "soort", "brief"]]


def chart_jobs(chapter) -> charts.ChartFigure:
    """Return the extra jobs realised against the targets, with the book's linear paths to 125.000."""
    frame = _jobs_frame(chapter)
    frame = frame.assign(jaar=frame["datum"].map(lambda d: periods.parse(d).sort_date.year))
    paths = [pace_series(p) for _, p in analysis.required_pace(chapter.figures).iloc[:2].iterrows()]
    series = [SERIES[REALISED], SERIES[TARGET], SERIES[TARGET_INCLUSIVE], *paths]
    target = formatting.number(value(chapter.figures, "extra_jobs_target", DEADLINE, "totaal"))
    legend = dict(title=None, sort=series, legend=alt.Legend(columns=1, symbolStrokeWidth=2))
    colours = [charts.PRIMARY, charts.PALETTE[2], charts.PALETTE[2], charts.PALETTE[4], charts.PALETTE[4]]
    colour = alt.Color("reeks:N", scale=alt.Scale(domain=series, range=colours), **legend)
    shapes_ = ["circle", "diamond", "square", "stroke", "stroke"]
    shape = alt.Shape("reeks:N", scale=alt.Scale(domain=series, range=shapes_), **legend)
    dashes = [[1, 0], [1, 0], [1, 0], [6, 4], [2, 2]]
    dash = alt.StrokeDash("reeks:N", scale=alt.Scale(domain=series, range=dashes), **legend)
    years = [int(frame["jaar"].min()) - 1, int(frame["jaar"].max()) + 1]  # a year of room for the labels
    base = alt.Chart(frame).encode(
        x=alt.X(
            "jaar:Q",
            scale=alt.Scale(domain=years, nice=False),
            axis=alt.Axis(format="d", tickMinStep=1, title="Stand aan het eind van het jaar"),
        ),
        y=alt.Y("aantal:Q", axis=charts.value_axis("banen", "Extra banen t.o.v. de nulmeting")),
        color=colour,
        shape=shape,
        strokeDash=dash,
        tooltip=_tooltips(
            {"peildatum:N": "Peildatum", "reeks:N": "Reeks", "aantal:Q": "Banen", "soort:N": "Soort", "brief:N": "Brief"}
        ),
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=[series[0], *paths])).mark_line(strokeWidth=2)
    points = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:3])).mark_point(
        size=110, filled=True, opacity=1
    )
    realised_labels = (
        base.transform_filter(alt.datum.reeks == SERIES[REALISED])
        .mark_text(dx=-9, dy=-10, align="right")
        .encode(text=alt.Text("aantal:Q", format=",.0f"), color=alt.value("#0b0c0c"))
    )
    # Targets: the intermediate one below right of its point, the final one above left (the same number at
    # the other deadline reading is not labelled again: legend, tooltip and table give it).
    targets = base.transform_filter(alt.datum.reeks == SERIES[TARGET])
    intermediate_label = (
        targets.transform_filter(alt.datum.datum != DEADLINE)
        .mark_text(dx=9, dy=12, align="left")
        .encode(text=alt.Text("aantal:Q", format=",.0f"), color=alt.value(charts.PALETTE[2]))
    )
    final_label = (
        targets.transform_filter(alt.datum.datum == DEADLINE)
        .mark_text(dx=-9, dy=-8, align="right")
        .encode(text=alt.Text("aantal:Q", format=",.0f"), color=alt.value(charts.PALETTE[2]))
    )
    chart = (lines + points + realised_labels + intermediate_label + final_label).properties(
        width=charts.WIDTH,
        height=340,
        title=charts.title(
            "Extra banen: gerealiseerd, doelen en benodigd tempo",
            f"Gestippeld: lineair pad van de laatste telling naar {target}, {COMPUTED_TEXT}",
        ),
    )
    # The table adds the earlier, hedged count of end 2016 ("ruim 22.000") that the chart leaves out.
    early = analysis.realised_vs_target(chapter.figures).loc[lambda f: f["source_id"] == JUNE_2017]
    early = early.assign(
        peildatum=formatting.period_labels(early["period"]),
        reeks=EARLIER_COUNT,
        soort=PRINTED_TEXT,
        brief=references.references(early["source_id"].tolist(), chapter.sources),
    )
    columns = {"peildatum": "Peildatum", "reeks": "Reeks", "aantal": "Banen", "soort": "Soort", "brief": "Brief"}
    table = pd.concat([frame, early.rename(columns={"realised": "aantal"})])
    table = _reader_table(table, columns).reset_index(drop=True)
    deadline, inclusive = formatting.period_label(DEADLINE), formatting.period_label(DEADLINE_INCLUSIVE)
    return charts.figure(
        chart,
        description=(
            f"Punten en lijnen met het aantal gerealiseerde extra banen, het tussendoel voor eind 2016 en het doel "
            f"van {target} banen {deadline}, met een vierkant voor de lezing {inclusive}. "
            f"Twee stippellijnen tonen het lineaire pad van de laatste telling naar {target} voor beide lezingen "
            "van de einddatum; die paden zijn berekend door het boek."
        ),
        source_line=chapter.source_line(
            pd.concat([fig.select(chapter.figures, "extra_jobs_realised"), fig.select(chapter.figures, "extra_jobs_target")])
        ),
        table=table,
    )


def chart_retention_by_background(chapter) -> charts.ChartFigure:
    """Return the bars of the share still or again working after a year, by background, with the overall rate."""
    shares = analysis.retention_by_background(chapter.figures)
    frame = shares.assign(
        achtergrond=shares["category"].map(BACKGROUND),
        aandeel=shares["share"],
        kwalificatie=_qualifiers(shares["qualifier"]),
    )
    frame = frame[["category", "achtergrond", "aandeel", "kwalificatie", "page"]]
    groups = frame.loc[frame["category"] != "totaal"].assign(
        tekst=lambda f: f["aandeel"].map(lambda v: formatting.value_text(v, "procent"))
    )
    overall = frame.loc[frame["category"] == "totaal"].assign(
        tekst=lambda f: [
            f"alle werkenden: {formatting.value_text(v, 'procent', None, q or None)}"
            for v, q in zip(f["aandeel"], f["kwalificatie"])
        ]
    )
    bars = (
        alt.Chart(groups)
        .mark_bar(color=charts.PRIMARY)
        .encode(
            y=alt.Y("achtergrond:N", sort=list(groups["achtergrond"]), title=None),
            x=alt.X(
                "aandeel:Q",
                scale=alt.Scale(domain=[0, 100]),
                axis=charts.value_axis("procent", "Procent na een jaar (weer) aan het werk"),
            ),
            tooltip=_tooltips({"achtergrond:N": "Achtergrond", "aandeel:Q": "Procent"}),
        )
    )
    text = bars.mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    rule = (
        alt.Chart(overall)
        .mark_rule(color=charts.PALETTE[2], strokeDash=[5, 3], strokeWidth=2)
        .encode(x="aandeel:Q", tooltip=[alt.Tooltip("tekst:N", title="Totaal")])
    )
    rule_text = (
        alt.Chart(overall)
        .mark_text(align="right", dx=-4, dy=-6, color=charts.PALETTE[2], baseline="bottom")
        .encode(x="aandeel:Q", y=alt.value(0), text="tekst:N")
    )
    chart = (bars + text + rule + rule_text).properties(
        width=charts.WIDTH,
        height=180,
        title=charts.title(
            "Na een jaar weer of nog aan het werk, naar achtergrond",
            "Mensen uit het doelgroepregister die in het 3e kwartaal 2015 werkten, een jaar later",
        ),
    )
    table = _reader_table(
        frame,
        {
            "achtergrond": "Achtergrond",
            "aandeel": "% na een jaar (weer) aan het werk",
            "kwalificatie": "Kwalificatie",
            "page": "Pagina",
        },
    )
    return charts.figure(
        chart,
        description=(
            "Liggende staven met het percentage mensen dat een jaar na het derde kwartaal 2015 weer of nog steeds "
            "werkte: voor mensen met een Wsw-, Wajong- en Participatiewet-achtergrond, met een gestippelde "
            "verticale lijn voor alle werkenden samen."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_after_one_year_share")),
        table=table,
    )


def chart_retention_outcomes(chapter) -> charts.ChartFigure:
    """Return the bars of what became of the circa 80.000 people a year on, with the people each share stands for."""
    outcomes = analysis.retention_outcomes(chapter.figures)
    frame = outcomes.assign(
        uitkomst=outcomes["outcome"].map(OUTCOME),
        kwalificatie=_qualifiers(outcomes["qualifier"]),
        soort=outcomes["kind"].map(KIND),
    )
    frame = frame.rename(columns={"share": "aandeel", "base": "basis", "persons": "personen"})
    frame = frame[["uitkomst", "aandeel", "kwalificatie", "soort", "page", "basis", "personen"]]
    base_text = formatting.figure_text(chapter.figures, "register_persons_working", Q3_2015)
    frame = frame.assign(
        tekst=[
            f"{formatting.value_text(a, 'procent', None, q or None)} · circa {formatting.number(p, 0)} mensen"
            for a, q, p in zip(frame["aandeel"], frame["kwalificatie"], frame["personen"])
        ]
    )
    kinds = [PRINTED_TEXT, COMPUTED_TEXT]
    base = alt.Chart(frame).encode(
        y=alt.Y("uitkomst:N", sort=list(frame["uitkomst"]), title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent")),
        tooltip=_tooltips(
            {"uitkomst:N": "Uitkomst", "aandeel:Q": "Procent", "personen:Q": "Circa personen (berekend)", "soort:N": "Soort"}
        ),
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(**charts.printed_or_derived("soort", kinds, {COMPUTED_TEXT}))
    inside = (
        base.transform_filter(alt.datum.aandeel >= 50).mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    )
    outside = base.transform_filter(alt.datum.aandeel < 50).mark_text(align="left", dx=5).encode(text="tekst:N")
    chart = (bars + inside + outside).properties(
        width=charts.WIDTH,
        height=200,
        title=charts.title(
            "Wat werd er van de werkenden van het 3e kwartaal 2015?",
            f"Aandeel een jaar later; aantallen mensen {COMPUTED_TEXT} op een basis van {base_text}",
        ),
    )
    table = _reader_table(
        frame,
        {
            "uitkomst": "Uitkomst",
            "aandeel": "Procent",
            "kwalificatie": "Kwalificatie",
            "personen": "Circa personen (berekend)",
            "soort": "Soort",
            "page": "Pagina",
        },
    )
    return charts.figure(
        chart,
        description=(
            f"Liggende staven met het percentage van de {base_text} werkenden uit het doelgroepregister in het derde "
            "kwartaal 2015 dat een jaar later weer of nog werkte, op alle peilmomenten werkte, niet meer werkte, en "
            "het deel dat de brief niet verklaart (grijs, gestippeld, berekend), met het aantal mensen per aandeel."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "register_persons_working")),
        table=table,
        table_formats={"Circa personen (berekend)": 0},
    )


def chart_municipal(chapter) -> charts.ChartFigure:
    """Return the bars of the gemeentelijke doelgroep at work in Q4 2016 (derived) and Q4 2017 (printed)."""
    group = analysis.municipal_target_group(chapter.figures)
    frame = pd.DataFrame(
        {
            "kwartaal": formatting.period_labels(group["period"]),
            "werkend": group["working"],
            "soort": group["kind"].map(KIND),
            "berekening": [
                f"{formatting.number(level)} − {formatting.number(change)}" if kind == COMPUTED else "–"
                for kind, level, change in zip(group["kind"], group["level"], group["change"])
            ],
        }
    )
    chart = shapes.labelled_bars(
        frame,
        x=alt.X("kwartaal:N", sort=list(frame["kwartaal"]), title=None),
        y=alt.Y("werkend:Q", axis=charts.value_axis("personen", "Personen aan het werk")),
        kind="soort",
        kinds=[COMPUTED_TEXT, PRINTED_TEXT],
        computed={COMPUTED_TEXT},
        size=70,
        tooltip=_tooltips(
            {"kwartaal:N": "Kwartaal", "werkend:Q": "Personen", "soort:N": "Soort", "berekening:N": "Berekening"}
        ),
    ).properties(
        width=charts.WIDTH,
        height=240,
        title=charts.title(
            "Gemeentelijke doelgroep aan het werk via de banenafspraak",
            "Het 4e kwartaal 2016 staat niet in de brief: stand 2017 min de genoemde toename",
        ),
    )
    table = _reader_table(
        frame, {"kwartaal": "Kwartaal", "werkend": "Personen", "soort": "Soort", "berekening": "Berekening"}
    )
    return charts.figure(
        chart,
        description=(
            "Twee staven: het aantal mensen uit de gemeentelijke doelgroep dat via de banenafspraak werkte in het "
            "vierde kwartaal 2016, grijs en gestippeld omdat het boek het berekent, en in het vierde kwartaal 2017."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "municipal_target_group_working")),
        table=table,
    )


def chart_contracts(chapter) -> charts.ChartFigure:
    """Return the bars of the shares on a permanent contract, hours of all and Wajong persons, both years."""
    shares = analysis.contracts(chapter.figures)
    frame = shares.assign(
        maatstaf=shares["measure"].map(MEASURE),
        kwartaal=formatting.period_labels(shares["period"]),
        aandeel_vast=shares["share_permanent"],
        kwalificatie=_qualifiers(shares["qualifier"]),
    )
    frame = frame[["maatstaf", "kwartaal", "period", "aandeel_vast", "kwalificatie", "page"]]
    quarters = list(dict.fromkeys(frame["kwartaal"]))
    frame = frame.assign(
        tekst=[
            f"{periods.parse(p).start.year}: {formatting.value_text(v, 'procent', None, q or None)}"
            for p, v, q in zip(frame["period"], frame["aandeel_vast"], frame["kwalificatie"])
        ]
    )
    colour = alt.Color(
        "kwartaal:N", title=None, sort=quarters, scale=alt.Scale(domain=quarters, range=[charts.SECONDARY, charts.PRIMARY])
    )
    chart = shapes.grouped_bars(
        frame,
        x=alt.X("maatstaf:N", title=None, sort=list(dict.fromkeys(frame["maatstaf"]))),
        offset=alt.XOffset("kwartaal:N", sort=quarters),
        y=alt.Y(
            "aandeel_vast:Q",
            scale=alt.Scale(domain=[0, 100]),
            axis=charts.value_axis("procent", "Procent met een vast contract"),
        ),
        tooltip=_tooltips({"maatstaf:N": "Maatstaf", "kwartaal:N": "Kwartaal", "aandeel_vast:Q": "Procent vast"}),
        encodings={"color": colour},
        text="tekst:N",
    ).properties(
        width=charts.WIDTH,
        height=260,
        title=charts.title(
            "Werken met een vast contract", "Links een aandeel van de gewerkte uren, rechts een aandeel van de personen"
        ),
    )
    table = _reader_table(
        frame,
        {
            "maatstaf": "Maatstaf",
            "kwartaal": "Kwartaal",
            "aandeel_vast": "% vast",
            "kwalificatie": "Kwalificatie",
            "page": "Pagina",
        },
    )
    return charts.figure(
        chart,
        description=(
            "Staven met het aandeel van de verloonde uren van werkenden uit het doelgroepregister dat op een vast "
            "contract werd gewerkt, en het aandeel werkende Wajongers met een vast contract, in het derde kwartaal "
            "van 2015 en van 2016; elk staaf draagt het percentage als label."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "hours_permanent_contract_share")),
        table=table,
    )
