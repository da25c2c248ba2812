"""Banenafspraak: the charts of the UWV study (retention after a year, by background; permanent contracts), in Dutch.

Tooltips and data tables name the letter and page of each printed value (`labels.letters_pages`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts, formatting
from . import analysis
from .analysis import PERSONS_WAJONG, Q3_2015, WORKING_ALL_MEASUREMENTS
from .charts import tooltips, value_texts
from .labels import BACKGROUND, MEASURE, MEASURE_AXIS, OF_ALL, OUTCOME, UNCLEAR_BASE, letters_pages


def chart_retention_outcomes(chapter) -> charts.ChartFigure:
    """Return the bars of the shares the letter prints for the people at work in Q3 2015, a year later."""
    outcomes = analysis.retention_outcomes(chapter.figures)
    unclear = outcomes["outcome"] == WORKING_ALL_MEASUREMENTS
    frame = pd.DataFrame(
        {
            "uitkomst": outcomes["outcome"].map(OUTCOME),
            "aandeel": outcomes["share"],
            "tekst": value_texts(outcomes, "share", "procent"),
            "afbakening": [UNCLEAR_BASE if u else OF_ALL for u in unclear],
            "brief": letters_pages(chapter, outcomes["source_id"], outcomes["page"]),
        }
    )
    base_text = formatting.figure_text(chapter.figures, "register_persons_working", Q3_2015)
    quarter = formatting.period_label(Q3_2015)
    base = alt.Chart(frame).encode(
        y=alt.Y("uitkomst:N", sort=list(frame["uitkomst"]), title=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent")),
        tooltip=tooltips({"uitkomst:N": "Uitkomst", "tekst:N": "Aandeel", "afbakening:N": "Afbakening", "brief:N": "Brief"}),
    )
    bars = base.mark_bar().encode(
        color=alt.Color(
            "afbakening:N",
            title=None,
            sort=[OF_ALL, UNCLEAR_BASE],
            scale=alt.Scale(domain=[OF_ALL, UNCLEAR_BASE], range=[charts.PRIMARY, charts.SECONDARY]),
        )
    )
    inside = base.transform_filter(alt.datum.aandeel >= 50).mark_text(align="right", dx=-6, color="white")
    outside = base.transform_filter(alt.datum.aandeel < 50).mark_text(align="left", dx=5)
    where = f"in de gegevens van {chapter.gemeente_naam}" if chapter.municipal else "zoals gedrukt in de brief"
    chart = (bars + inside.encode(text="tekst:N") + outside.encode(text="tekst:N")).properties(
        width=charts.WIDTH,
        height=170,
        title=charts.title(
            f"Werkenden uit het doelgroepregister in het {quarter}: situatie een jaar later",
            f"Aandelen {where}; UWV-onderzoek onder {base_text} werkenden",
        ),
    )
    table = frame[["uitkomst", "tekst", "afbakening", "brief"]].rename(
        columns={"uitkomst": "Uitkomst", "tekst": "Aandeel", "afbakening": "Afbakening", "brief": "Brief"}
    )
    return charts.figure(
        chart,
        description=(
            f"Liggende staven met de aandelen van de {base_text} werkenden uit het doelgroepregister in het {quarter} "
            "die een jaar later weer of nog werkten, op alle tussenliggende peilmomenten werkten en niet meer werkten. "
            "De middelste staaf heeft een andere kleur: de brief zegt niet of het een aandeel van alle werkenden is "
            "of van wie een jaar later werkte."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "register_persons_working")),
        table=table,
    )


def chart_retention_by_background(chapter) -> charts.ChartFigure:
    """Return the bars of the share still or again working after a year, by background, with the overall rate."""
    shares = analysis.retention_by_background(chapter.figures)
    frame = pd.DataFrame(
        {
            "category": shares["category"],
            "achtergrond": shares["category"].map(BACKGROUND),
            "aandeel": shares["share"],
            "tekst": value_texts(shares, "share", "procent"),
            "brief": letters_pages(chapter, shares["source_id"], shares["page"]),
        }
    )
    groups = frame.loc[frame["category"] != "totaal"]
    overall = frame.loc[frame["category"] == "totaal"].assign(regel=lambda f: "alle werkenden: " + f["tekst"])
    tooltip = tooltips({"achtergrond:N": "Achtergrond", "tekst:N": "Aandeel", "brief:N": "Brief"})
    bars = (
        alt.Chart(groups)
        .mark_bar(color=charts.PRIMARY)
        .encode(
            y=alt.Y("achtergrond:N", sort=list(groups["achtergrond"]), title=None),
            x=alt.X(
                "aandeel:Q",
                scale=alt.Scale(domain=[0, 100]),
                axis=charts.value_axis("procent", "Procent na een jaar weer of nog aan het werk"),
            ),
            tooltip=tooltip,
        )
    )
    text = bars.mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    rule = (
        alt.Chart(overall)
        .mark_rule(color=charts.PALETTE[2], strokeDash=[5, 3], strokeWidth=2)
        .encode(x="aandeel:Q", tooltip=tooltips({"regel:N": "Totaal", "brief:N": "Brief"}))
    )
    rule_text = (
        alt.Chart(overall)
        .mark_text(align="right", dx=-4, dy=-6, color=charts.PALETTE[2], baseline="bottom")
        .encode(x="aandeel:Q", y=alt.value(0), text="regel:N")
    )
    quarter = formatting.period_label(Q3_2015)
    chart = (bars + text + rule + rule_text).properties(
        width=charts.WIDTH,
        height=180,
        title=charts.title(
            "Na een jaar weer of nog aan het werk, naar achtergrond",
            f"Mensen uit het doelgroepregister die in het {quarter} werkten, een jaar later",
        ),
    )
    table = frame[["achtergrond", "tekst", "brief"]].rename(
        columns={"achtergrond": "Achtergrond", "tekst": "Na een jaar weer of nog aan het werk", "brief": "Brief"}
    )
    return charts.figure(
        chart,
        description=(
            f"Liggende staven met het percentage mensen dat een jaar na het {quarter} weer of nog steeds werkte: "
            "voor mensen met een Wsw-, Wajong- en Participatiewet-achtergrond, met een gestippelde verticale lijn "
            "voor alle werkenden samen."
        ),
        source_line=chapter.source_line(fig.select(chapter.figures, "working_after_one_year_share")),
        table=table,
    )


def chart_contracts(chapter) -> charts.ChartFigure:
    """Return two panels: the share of hours worked on a permanent contract, and the share of Wajong persons with one."""
    shares = analysis.contracts(chapter.figures)
    frame = pd.DataFrame(
        {
            "measure": shares["measure"],
            "maatstaf": shares["measure"].map(MEASURE),
            "kwartaal": formatting.period_labels(shares["period"]),
            "aandeel_vast": shares["share_permanent"],
            "tekst": value_texts(shares, "share_permanent", "procent"),
            "brief": letters_pages(chapter, shares["source_id"], shares["page"]),
        }
    )
    quarters = list(dict.fromkeys(frame["kwartaal"]))
    tooltip = tooltips({"maatstaf:N": "Maatstaf", "kwartaal:N": "Kwartaal", "tekst:N": "Aandeel", "brief:N": "Brief"})

    def panel(measure: str) -> alt.LayerChart:
        part = frame.loc[frame["measure"] == measure]
        base = alt.Chart(part).encode(
            x=alt.X("kwartaal:N", sort=quarters, title=None),
            y=alt.Y(
                "aandeel_vast:Q", scale=alt.Scale(domain=[0, 100]), axis=charts.value_axis("procent", MEASURE_AXIS[measure])
            ),
            tooltip=tooltip,
        )
        bars = base.mark_bar(size=60, color=charts.PRIMARY if measure != PERSONS_WAJONG else charts.SECONDARY)
        return (bars + base.mark_text(dy=-8).encode(text="tekst:N")).properties(
            width=230, height=220, title=alt.TitleParams(MEASURE[measure], fontSize=13, fontWeight="normal")
        )

    panels = [panel(m) for m in dict.fromkeys(frame["measure"])]
    chart = alt.hconcat(*panels, spacing=40).properties(
        title=charts.title(
            "Werken met een vast contract",
            "Twee maatstaven met elk een eigen as: een aandeel van de uren van alle werkenden uit het register, "
            "en een aandeel van de werkende Wajongers",
        )
    )
    table = frame[["maatstaf", "kwartaal", "tekst", "brief"]].rename(
        columns={"maatstaf": "Maatstaf", "kwartaal": "Kwartaal", "tekst": "Aandeel", "brief": "Brief"}
    )
    return charts.figure(
        chart,
        description=(
            "Twee kleine staafdiagrammen naast elkaar, elk met een eigen as: links het aandeel van de verloonde "
            "uren van werkenden uit het doelgroepregister dat op een vast contract werd gewerkt, rechts het aandeel "
            f"werkende Wajongers met een vast contract, telkens in het {' en het '.join(quarters)}."
        ),
        source_line=chapter.source_line(
            pd.concat(
                [
                    fig.select(chapter.figures, "hours_permanent_contract_share"),
                    fig.select(chapter.figures, "permanent_contract_share_persons"),
                ]
            )
        ),
        table=table,
    )
