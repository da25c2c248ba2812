"""Beschut werk: the charts the chapter shows, one public function per chart (words: chapters/beschut_werk.labels.yml).

Time charts draw every period the data hold; printed counts are filled symbols on a solid line, our sums, the
letters' extrapolations and counts from letters newer than the text (`labels.NEWER_LETTER`) each a look of their own.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...presentation import charts, shapes, vocabulary
from ...presentation.labels import COMPUTED as COMPUTED_TEXT
from ...presentation.labels import NEWER_LETTER
from ...presentation.labels import PRINTED as PRINTED_TEXT
from . import analysis
from .analysis import ADVISED, COMPUTED, EXTRAPOLATED, PART_YEAR, PLACES_COUNTED, PRINTED, REALISED, REGELING, WORKING
from .checks import CHECKS

_DARK = charts.PALETTE[4]  # the regeling's marks: dark grey


# --- shared by the charts and the tables ------------------------------------------------------------------------


def _kind_words(chapter) -> dict[str, str]:
    """Return the words for printed, computed and carried-forward figures in this edition."""
    words = chapter.label("words")
    if chapter.municipal:
        return {PRINTED: words["municipal"], COMPUTED: COMPUTED_TEXT, EXTRAPOLATED: words["municipal_extrapolated"]}
    return {PRINTED: PRINTED_TEXT, COMPUTED: COMPUTED_TEXT, EXTRAPOLATED: words["extrapolated"]}


def _columns(chapter, chart: str) -> dict[str, str]:
    """Return a chart's or table's column headers; a municipal edition names its source, not a letter."""
    columns = chapter.label(f"{chart}.columns")
    if not chapter.municipal:
        return columns
    return {key: chapter.label("municipal_columns").get(key, header) for key, header in columns.items()}


def _present(order: list[str], values: pd.Series) -> list[str]:
    """Return the values of `order` that occur in `values`, in that order (a legend without absent entries)."""
    return [v for v in order if v in set(values)]


# --- the charts --------------------------------------------------------------------------------------------------


def advices(chapter) -> charts.ChartFigure:
    """Return the bars of positive advices per calendar year: counts, a part-year count, the letters' extrapolations."""
    years = analysis.advices_by_year(chapter.figures)
    # How a letter extrapolated its advices, as our cross-check recomputes it ("–" where no check does).
    formulas = {(c.period, c.source_id): c.formula for c in CHECKS if c.indicator == "positive_advices"}
    words = {**chapter.label("advices.kind"), EXTRAPOLATED: _kind_words(chapter)[EXTRAPOLATED]}
    kind = shapes.kind_texts(years["kind"], words, chapter.from_newer_letters(years))
    frame = pd.DataFrame(
        {
            "jaar": years["year"].astype(str),
            "periode": vocabulary.period_labels(years["period"]),
            "soort": kind,
            "adviezen": years["advices"],
            "brief": chapter.where_printed(years["source_id"], years["page"]),
            "berekening": [
                formulas.get((p, s), "–") if k == EXTRAPOLATED else "–"
                for p, s, k in zip(years["period"], years["source_id"], years["kind"])
            ],
            "source_id": years["source_id"],
        }
    )
    colours = {words[REALISED]: charts.PRIMARY, words[PART_YEAR]: charts.SECONDARY, words[EXTRAPOLATED]: charts.PRIMARY}
    looks = {words[REALISED]: charts.PRINTED, words[PART_YEAR]: charts.PRINTED, words[EXTRAPOLATED]: charts.ESTIMATE}
    looks[NEWER_LETTER] = charts.NEWER
    kinds = _present(list(looks), frame["soort"])
    columns = _columns(chapter, "advices")
    base = alt.Chart(frame).encode(
        x=alt.X("jaar:O", title=None),
        xOffset=alt.XOffset("soort:N", sort=kinds),
        y=alt.Y("adviezen:Q", axis=charts.value_axis("adviezen", columns["adviezen"])),
        tooltip=shapes.tooltips(columns, "periode:N soort:N adviezen:Q berekening:N brief:N"),
    )
    bars = base.mark_bar(strokeWidth=1.5).encode(**charts.kind_look("soort", {k: looks[k] for k in kinds}, colours))
    numbers = base.mark_text(dy=-7).encode(text=alt.Text("adviezen:Q", format=",.0f"))
    table = shapes.data_table(frame, columns, ["jaar", "periode", "soort", "adviezen", "brief"])
    return shapes.labelled_chart(chapter, "advices", bars + numbers, frame, table, height=charts.HEIGHT)


def assessments(chapter) -> charts.ChartFigure:
    """Return the stacked bars of assessments by applicant, one panel per period: positive and other outcomes."""
    table = analysis.assessments_by_applicant(chapter.figures)
    applicant = chapter.label("words.applicant")
    outcome = chapter.label("assessments.outcome")
    kinds = _kind_words(chapter)
    shown = table.assign(
        periode=vocabulary.period_labels(table["period"]),
        aanvrager=table["category"].map(applicant),
        brief=chapter.where_printed(table["source_id"], table["page"]),
    )
    parts = shown.loc[shown["category"] != "totaal"]
    long = pd.concat(
        [
            parts.assign(uitkomst=outcome["positive"], aantal=parts["positive"], soort=kinds[PRINTED]),
            parts.assign(uitkomst=outcome["other"], aantal=parts["assessments"] - parts["positive"], soort=kinds[COMPUTED]),
        ]
    )[["periode", "aanvrager", "uitkomst", "aantal", "soort", "brief"]]
    periods = list(dict.fromkeys(parts["periode"]))
    header = alt.Header(labelAngle=0, labelAnchor="start", labelOrient="top", labelFontSize=12, labelFontWeight="bold")
    columns = _columns(chapter, "assessments")
    tooltip = shapes.tooltips(columns, "aanvrager:N periode:N uitkomst:N aantal:Q soort:N brief:N")
    chart = (
        alt.Chart(long)
        .mark_bar(strokeWidth=1.5)
        .encode(
            y=alt.Y("aanvrager:N", title=None, sort=list(applicant.values())),
            x=alt.X("aantal:Q", stack="zero", axis=charts.value_axis("beoordelingen")),
            **charts.kind_look("uitkomst", {outcome["positive"]: charts.PRINTED, outcome["other"]: charts.OWN}),
            order=alt.Order("uitkomst:N", sort="descending"),
            tooltip=tooltip,
        )
        .properties(height=alt.Step(26))
        .facet(row=alt.Row("periode:N", sort=periods, title=None, header=header), spacing=14)
        .resolve_scale(y="independent")
        .properties(title=shapes.labelled_title(chapter, "assessments"))
    )
    fields = ["aanvrager", "periode", "assessments", "positive", "share_printed", "share_recomputed", "brief"]
    data_table = shapes.data_table(shown.assign(share_recomputed=shown["share_recomputed"].round(0)), columns, fields)
    return shapes.labelled_figure(chapter, "assessments", chart, shown, data_table, {columns["share_recomputed"]: 0})


def citizen_months(chapter) -> charts.ChartFigure:
    """Return the points of assessments requested by citizens in the months the letters give (no line between)."""
    months = analysis.citizen_assessments_by_month(chapter.figures)
    frame = pd.DataFrame(
        {
            "maand": vocabulary.period_labels(months["period"]),
            "datum": months["date"],
            "beoordelingen": months["assessments"],
            "brief": chapter.where_printed(months["source_id"], months["page"]),
            "source_id": months["source_id"],
        }
    )
    axis = alt.Axis(format="%B %Y", tickCount={"interval": "month", "step": 1}, labelBound=True)
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=axis, scale=alt.Scale(padding=30)),
        y=alt.Y("beoordelingen:Q", axis=charts.value_axis("beoordelingen")),
        tooltip=shapes.tooltips(_columns(chapter, "citizen_months"), "maand:N beoordelingen:Q brief:N"),
    )
    points = base.mark_point(filled=True, size=80, opacity=1) + base.mark_text(dy=-12).encode(
        text=alt.Text("beoordelingen:Q", format=",.0f")
    )
    table = shapes.data_table(frame, _columns(chapter, "citizen_months"), ["maand", "beoordelingen", "brief"])
    return shapes.labelled_chart(chapter, "citizen_months", points, frame, table, height=220)


def working_vs_advised(chapter) -> charts.ChartFigure:
    """Return every count of people working on a beschut werkplek against the positive advices given so far."""
    series = chapter.label("words.series")
    advised = analysis.cumulative_advices(chapter.figures).assign(qualifier=None, series=ADVISED)
    frame = pd.concat([_working_points(chapter), _counts(chapter, advised)], ignore_index=True)
    frame = frame.sort_values(["datum", "reeks"], kind="stable")
    colours = {series[WORKING]: charts.PRIMARY, series[PLACES_COUNTED]: charts.PALETTE[2], series[ADVISED]: charts.SECONDARY}
    shown = _present(list(colours), frame["reeks"])
    chart = _points_and_lines(chapter, frame, shown, [colours[s] for s in shown], chapter.label("working_vs_advised.axis"))
    table = shapes.data_table(frame, _columns(chapter, "counts"), ["peildatum", "reeks", "tekst", "soort", "brief"])
    return shapes.labelled_chart(chapter, "working_vs_advised", chart, frame, table, height=300)


def regeling(chapter) -> charts.ChartFigure:
    """Return the people working on a beschut werkplek at their dates beside the regeling's numbers per year end."""
    words = chapter.label("words")
    places = analysis.regeling_places(chapter.figures)
    frame = pd.DataFrame(
        {
            "datum": places["date"],
            "peildatum": vocabulary.period_labels(places["period"]),
            "reeks": words["series"][REGELING],
            "soort": _kind_words(chapter)[PRINTED],
            "aantal": places["value"],
            "tekst": [vocabulary.number(v) for v in places["value"]],
            "eenheid": words["unit"][REGELING],
            "brief": shapes.letters_pages(chapter, places["source_ids"], places["pages"]),
            "source_id": [s[-1] for s in places["source_ids"]],
        }
    )
    working = _working_points(chapter).loc[lambda f: f["reeks"] == words["series"][WORKING]]
    both = pd.concat([working, frame], ignore_index=True).sort_values(["datum", "reeks"], kind="stable")
    series = [words["series"][WORKING], words["series"][REGELING]]
    colour = alt.Color("reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=[charts.PRIMARY, _DARK]))
    people = _points_and_lines(chapter, working, series, [charts.PRIMARY, _DARK], chapter.label("regeling.axis"))
    marks = alt.Chart(frame).encode(x="datum:T", y="aantal:Q")
    tooltip = shapes.tooltips(_columns(chapter, "counts"), "peildatum:N reeks:N tekst:N eenheid:N brief:N")
    ticks = marks.mark_tick(orient="horizontal", thickness=3, size=28).encode(color=colour, tooltip=tooltip)
    tick_labels = marks.mark_text(dx=18, align="left", color=_DARK).encode(text="tekst:N")
    subtitle = [chapter.label("regeling.subtitle"), chapter.label("regeling.subtitle_people")]
    table = shapes.data_table(both, _columns(chapter, "counts"), ["peildatum", "reeks", "tekst", "eenheid", "brief"])
    return shapes.labelled_chart(
        chapter, "regeling", people + ticks + tick_labels, both, table, height=280, subtitle=subtitle
    )


# --- the time charts' points -------------------------------------------------------------------------------------


def _counts(chapter, rows: pd.DataFrame) -> pd.DataFrame:
    """Return one point per date, series, kind and value of the rows (letters that print the same value joined)."""
    words = chapter.label("words")
    frame = rows.assign(
        reeks=rows["series"].map(words["series"]),
        soort=shapes.kind_texts(rows["kind"], _kind_words(chapter), chapter.from_newer_letters(rows)),
        tekst=shapes.value_texts(rows["value"], "aantal", rows["qualifier"]),
    )
    grouped = frame.groupby(["date", "reeks", "soort", "tekst"], sort=False)
    return pd.DataFrame(
        [
            {
                "datum": d,
                "peildatum": vocabulary.period(g["period"].iloc[0]),
                "reeks": r,
                "soort": s,
                "aantal": float(g["value"].iloc[0]),
                "tekst": t,
                "eenheid": words["unit"][g["series"].iloc[0]],
                "brief": shapes.letters_pages(chapter, [tuple(g["source_id"])], [tuple(g["page"])])[0],
                "source_id": g["source_id"].iloc[-1],
            }
            for (d, r, s, t), g in grouped
        ]
    )


def _working_points(chapter) -> pd.DataFrame:
    return _counts(chapter, analysis.working_counts(chapter.figures).assign(kind=PRINTED))


def _points_and_lines(chapter, frame: pd.DataFrame, series: list[str], colours: list[str], axis_title: str):
    """Return points per series in the look of their kind, lines through printed and newer letters' points, a legend.

    Labels stand right of a point; for a newer letter left, for a count of places below (no overlap on one date).
    """
    words = _kind_words(chapter)
    looks = {words[PRINTED]: charts.PRINTED, words[COMPUTED]: charts.OWN, words[EXTRAPOLATED]: charts.ESTIMATE}
    looks[NEWER_LETTER] = charts.NEWER
    frame = frame.assign(**shapes.kind_colours(frame["soort"].map(looks), frame["reeks"].map(dict(zip(series, colours)))))
    base = alt.Chart(frame).encode(
        x=alt.X("datum:T", title=None, axis=alt.Axis(format="%b %Y", labelBound=True), scale=alt.Scale(padding=30)),
        y=alt.Y("aantal:Q", axis=charts.value_axis("aantal", axis_title)),
        tooltip=shapes.tooltips(_columns(chapter, "counts"), "peildatum:N reeks:N tekst:N eenheid:N soort:N brief:N"),
    )
    printed, newest = alt.datum.soort == words[PRINTED], alt.datum.soort == NEWER_LETTER
    colour = alt.Color("reeks:N", title=None, sort=series, scale=alt.Scale(domain=series, range=colours))
    lines = base.transform_filter(printed).mark_line().encode(color=colour) + base.transform_filter(newest).mark_line(
        strokeWidth=1.5
    ).encode(color=colour)
    dash = alt.StrokeDash(
        "soort:N", legend=None, scale=alt.Scale(domain=list(looks), range=[charts.DASHES[k] for k in looks.values()])
    )
    points = base.mark_point(size=100, filled=True, opacity=1, strokeWidth=2).encode(
        fill=alt.Fill("vulling:N", scale=None), stroke=alt.Stroke("lijn:N", scale=None), strokeDash=dash
    )
    places = alt.datum.reeks == chapter.label("words.series")[PLACES_COUNTED]
    text = {"text": "tekst:N", "color": colour}
    labels = (
        base.transform_filter(~newest & ~places).mark_text(dx=9, align="left").encode(**text)
        + base.transform_filter(newest).mark_text(dx=-9, align="right").encode(**text)
        + base.transform_filter(places).mark_text(dx=9, dy=11, align="left").encode(**text)
    )
    legend = shapes.kind_legend(frame, "soort", looks)
    return alt.layer(lines, points, labels, legend).resolve_scale(
        fill="independent", stroke="independent", strokeDash="independent"
    )
