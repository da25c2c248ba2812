"""Banenafspraak: voortgang en duurzaamheid van de banen: the charts the chapter shows, one public function each.

Values from letters newer than the chapter's text are drawn open (`Chapter.from_newer_letters`); tooltips and data
tables name the letter and page of each printed value; the words are the chapter's labels (`chapter.label`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...data import periods
from ...figures import lookup as fig
from ...presentation import charts as house
from ...presentation import shapes, tables, vocabulary
from . import analysis
from .analysis import PATH, PERSONS_WAJONG, REALISED, TARGET, WORKING_ALL_MEASUREMENTS


def extra_jobs(chapter) -> house.ChartFigure:
    """Return the extra jobs realised and the targets, every period in the data, with our even path to the final target."""
    frame = _jobs_frame(chapter)
    now = analysis.progress(chapter.figures)
    words = chapter.label("extra_jobs.series")
    series = [words[REALISED], words[TARGET], words[PATH]]
    legend = dict(title=None, sort=series, legend=alt.Legend(columns=1, symbolStrokeWidth=2))
    # Our even path is our own calculation: grey and dashed, as in every chart (house.kind_look).
    colours = alt.Scale(domain=series, range=[house.PRIMARY, house.PALETTE[2], house.kind_stroke(house.OWN, house.PRIMARY)])
    shape = alt.Shape("reeks:N", scale=alt.Scale(domain=series, range=["circle", "diamond", "stroke"]), **legend)
    dashes = alt.Scale(domain=series, range=[house.SOLID, house.SOLID, house.DASHED])
    # A value from a newer letter keeps its series' colour and shape and is drawn open (house.NEWER).
    drawn_open = alt.value(house.kind_fill(house.NEWER, house.PRIMARY))
    fill = alt.condition(alt.datum.nieuwer, drawn_open, alt.Fill("reeks:N", scale=colours, legend=None))
    years = [int(frame["jaar"].min()) - 1, int(frame["jaar"].max()) + 1]  # a year of room for the labels
    fields, shown = chapter.label("extra_jobs.fields"), ["peildatum:N", "reeks:N", "aantal:Q", "soort:N", "brief:N"]
    axis = alt.Axis(format="d", tickMinStep=1, title=chapter.label("extra_jobs.x_axis"))
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:Q", scale=alt.Scale(domain=years, nice=False), axis=axis),
        y=alt.Y("aantal:Q", axis=house.value_axis("banen", chapter.label("extra_jobs.y_axis"))),
        color=alt.Color("reeks:N", scale=colours, **legend),
        tooltip=shapes.tooltips(fields, shown),
    )
    lines = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=[series[0], series[2]]))
    lines = lines.mark_line(strokeWidth=2).encode(strokeDash=alt.StrokeDash("reeks:N", scale=dashes, **legend))
    points = base.transform_filter(alt.FieldOneOfPredicate(field="reeks", oneOf=series[:2]))
    points = points.mark_point(size=110, opacity=1, strokeWidth=2, filled=True)
    points = points.encode(shape=shape, fill=fill, stroke=alt.Stroke("reeks:N", scale=colours, legend=None))
    number = alt.Text("aantal:Q", format=",.0f")
    realised_labels = base.transform_filter(alt.datum.reeks == series[0]).encode(text=number, color=alt.value("#0b0c0c"))
    realised_labels = realised_labels.mark_text(dx=-9, dy=-10, align="right")
    # Targets: the final one above left of its point, the others below right (away from the counts' line).
    target_text = base.transform_filter(alt.datum.reeks == series[1]).encode(text=number, color=alt.value(house.PALETTE[2]))
    target_labels = target_text.transform_filter(alt.datum.datum != now["deadline"]).mark_text(dx=9, dy=12, align="left")
    final_label = target_text.transform_filter(alt.datum.datum == now["deadline"]).mark_text(dx=-9, dy=-8, align="right")
    values = {"latest": now["period"], "goal": now["goal"], "deadline": now["deadline"]}
    newer = list(frame.loc[frame["nieuwer"], "peildatum"].drop_duplicates())
    subtitle = chapter.label("extra_jobs.subtitle", **values)
    if newer:
        subtitle = [subtitle, chapter.label("extra_jobs.subtitle_newer")]
    layers = lines + points + realised_labels + target_labels + final_label
    table = shapes.data_table(frame, fields, shown)
    realised, targets = (list(frame.loc[frame["reeks"] == s, "peildatum"]) for s in series[:2])
    rows = _rows(chapter, "extra_jobs_realised", "extra_jobs_target")
    described = {"realised": realised, "targets": targets, "newer": newer, **values}
    return shapes.labelled_chart(chapter, "extra_jobs", layers, rows, table, height=340, subtitle=subtitle, **described)


def retention_outcomes(chapter) -> house.ChartFigure:
    """Return the bars of the shares the letter prints for the people at work in Q3 2015, a year later."""
    outcomes = analysis.retention_outcomes(chapter.figures)
    words, bases = chapter.label("retention_outcomes.outcomes"), chapter.label("retention_outcomes.bases")
    frame = pd.DataFrame(
        {
            "uitkomst": outcomes["outcome"].map(words),
            "aandeel": outcomes["share"],
            "tekst": shapes.value_texts(outcomes["share"], "procent", outcomes["qualifier"]),
            "afbakening": outcomes["outcome"].map(lambda o: bases["unclear" if o == WORKING_ALL_MEASUREMENTS else "all"]),
            "brief": shapes.letters_pages(chapter, outcomes["source_id"], outcomes["page"]),
        }
    )
    fields, shown = chapter.label("retention_outcomes.fields"), ["uitkomst:N", "tekst:N", "afbakening:N", "brief:N"]
    order = list(frame["uitkomst"])
    base = alt.Chart(frame).encode(
        y=shapes.row_y("uitkomst", order),
        x=alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=house.value_axis("procent")),
        tooltip=shapes.tooltips(fields, shown),
    )
    kinds = [bases["all"], bases["unclear"]]
    scale = alt.Scale(domain=kinds, range=[house.PRIMARY, house.SECONDARY])
    bars = base.mark_bar().encode(color=alt.Color("afbakening:N", title=None, sort=kinds, scale=scale))
    labels = base.encode(text="tekst:N")
    inside = labels.transform_filter(alt.datum.aandeel >= 50).mark_text(align="right", dx=-6, color="white")
    outside = labels.transform_filter(alt.datum.aandeel < 50).mark_text(align="left", dx=5)
    chart = shapes.bar_rows(bars, inside, outside, name="uitkomst", order=order)
    table = shapes.data_table(frame, fields, shown)
    return shapes.labelled_chart(chapter, "retention_outcomes", chart, _rows(chapter, "register_persons_working"), table)


def retention_by_background(chapter) -> house.ChartFigure:
    """Return the bars of the share still or again working after a year, by background, with the overall rate."""
    shares = analysis.retention_by_background(chapter.figures)
    frame = pd.DataFrame(
        {
            "category": shares["category"],
            "achtergrond": shares["category"].map(chapter.label("retention_by_background.backgrounds")),
            "aandeel": shares["share"],
            "tekst": shapes.value_texts(shares["share"], "procent", shares["qualifier"]),
            "brief": shapes.letters_pages(chapter, shares["source_id"], shares["page"]),
        }
    )
    groups = frame.loc[frame["category"] != "totaal"]
    overall = frame.loc[frame["category"] == "totaal"]
    overall = overall.assign(regel=[chapter.label("retention_by_background.overall", share=t) for t in overall["tekst"]])
    titles, shown = chapter.label("retention_by_background.tooltip"), ["achtergrond:N", "tekst:N", "brief:N"]
    order = list(groups["achtergrond"])
    axis = house.value_axis("procent", chapter.label("retention_by_background.x_axis"))
    x = alt.X("aandeel:Q", scale=alt.Scale(domain=[0, 100]), axis=axis)
    bars = alt.Chart(groups).mark_bar(color=house.PRIMARY)
    bars = bars.encode(y=shapes.row_y("achtergrond", order), x=x, tooltip=shapes.tooltips(titles, shown))
    text = bars.mark_text(align="right", dx=-6, color="white").encode(text="tekst:N")
    # The overall rate: a rule over the rows, named at its top (a printed figure: solid, in its own colour).
    at = alt.Chart(overall).encode(x="aandeel:Q")
    rule = at.mark_rule(color=house.PALETTE[2], strokeWidth=2).encode(
        tooltip=shapes.tooltips(titles, ["regel:N", "brief:N"])
    )
    rule_text = at.mark_text(align="right", dx=-4, dy=-6, color=house.PALETTE[2], baseline="bottom")
    rule_text = rule_text.encode(y=alt.value(0), text="regel:N")
    chart = shapes.bar_rows(bars, text, rule, rule_text, name="achtergrond", order=order)
    table = shapes.data_table(frame, chapter.label("retention_by_background.columns"), shown)
    rows = _rows(chapter, "working_after_one_year_share")
    return shapes.labelled_chart(chapter, "retention_by_background", chart, rows, table)


def permanent_contracts(chapter) -> house.ChartFigure:
    """Return two panels: the share of hours worked on a permanent contract, and the share of Wajong persons with one."""
    shares = analysis.contracts(chapter.figures)
    measures, axes = chapter.label("permanent_contracts.measures"), chapter.label("permanent_contracts.y_axes")
    frame = pd.DataFrame(
        {
            "measure": shares["measure"],
            "maatstaf": shares["measure"].map(measures),
            "kwartaal": vocabulary.period_labels(shares["period"]),
            "aandeel_vast": shares["share_permanent"],
            "tekst": shapes.value_texts(shares["share_permanent"], "procent", shares["qualifier"]),
            "brief": shapes.letters_pages(chapter, shares["source_id"], shares["page"]),
        }
    )
    quarters = list(dict.fromkeys(frame["kwartaal"]))
    fields, shown = chapter.label("permanent_contracts.fields"), ["maatstaf:N", "kwartaal:N", "tekst:N", "brief:N"]

    def panel(measure: str) -> alt.LayerChart:
        part = frame.loc[frame["measure"] == measure]
        base = alt.Chart(part).encode(
            x=alt.X("kwartaal:N", sort=quarters, title=None),
            y=alt.Y("aandeel_vast:Q", scale=alt.Scale(domain=[0, 100]), axis=house.value_axis("procent", axes[measure])),
            tooltip=shapes.tooltips(fields, shown),
        )
        bars = base.mark_bar(size=60, color=house.PRIMARY if measure != PERSONS_WAJONG else house.SECONDARY)
        return (bars + base.mark_text(dy=-8).encode(text="tekst:N")).properties(
            width=230, height=220, title=alt.TitleParams(measures[measure], fontSize=13, fontWeight="normal")
        )

    panels = [panel(m) for m in dict.fromkeys(frame["measure"])]
    chart = alt.hconcat(*panels, spacing=40).properties(title=shapes.labelled_title(chapter, "permanent_contracts"))
    table = shapes.data_table(frame, fields, shown)
    rows = _rows(chapter, "hours_permanent_contract_share", "permanent_contract_share_persons")
    return shapes.labelled_figure(chapter, "permanent_contracts", chart, rows, table, quarters=quarters)


# --- helpers --------------------------------------------------------------------------------------------------


def _rows(chapter, *indicators: str) -> pd.DataFrame:
    # The figure rows of these indicators: their letters make a chart's source line.
    return pd.concat([fig.select(chapter.figures, indicator) for indicator in indicators])


def _jobs_frame(chapter) -> pd.DataFrame:
    # The jobs chart's data: every count and target in the data and our path, with kind, newer letter and letters.
    path = analysis.jobs_path(chapter.figures)
    newer = chapter.from_newer_letters(path)
    series = chapter.label("extra_jobs.series")
    letters = shapes.letters_pages(chapter, path["source_ids"], path["pages"])
    # The June 2018 letter gives the final target no end date but a number rising "tot 2026": its reference at the
    # deadline says so, so that no cell gives it a date it does not print.
    for i, (date, kind, ids, pages) in enumerate(zip(path["date"], path["series"], path["source_ids"], path["pages"])):
        if date == analysis.DEADLINE and kind == TARGET and analysis.JUNE_2018 in ids and not chapter.municipal:
            page = int(pages[list(ids).index(analysis.JUNE_2018)])
            june = tables.letter_pages([analysis.JUNE_2018], [page], chapter.sources)[0]
            letters[i] = letters[i].replace(june, f"{june} ({chapter.label('extra_jobs.rising_until')})")
    return pd.DataFrame(
        {
            "datum": path["date"],
            "jaar": path["date"].map(lambda d: periods.parse(d).sort_date.year),
            "peildatum": vocabulary.period_labels(path["date"]),
            "reeks": path["series"].map(series),
            "aantal": path["count"],
            "soort": shapes.kind_texts(path["kind"], shapes.kind_words(chapter), newer),
            "nieuwer": newer.to_numpy(),
            "brief": letters,
        }
    )
