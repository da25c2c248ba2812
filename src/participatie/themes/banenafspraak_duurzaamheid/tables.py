"""Banenafspraak: voortgang en duurzaamheid van de banen: the tables the chapter shows, one public function each.

Headings, captions and reader names are the chapter's labels; the figure tables' columns the book's shared names.
"""

from __future__ import annotations

import pandas as pd

from ...figures import lookup as fig
from ...presentation import charts as house_charts
from ...presentation import shapes, vocabulary
from ...presentation import tables as house
from ...presentation.labels import COLUMN_TEXT
from . import analysis
from .analysis import COMPUTED, REALISED_PACE

# The words for the period of a figure whose letter gives none that the data can show: no peildatum (the data date
# it on the letter); a maximum, threshold or usual level without a year (ek-33981-n p. 4 and 21: the letter's year or
# month); the MKB campaign of "het afgelopen half jaar" (ek-33981-n p. 21: January–June 2017, an assumption).
PERIOD_WORDS = {
    "target_group_register_persons": "figures.undated",
    "eu_countries_with_quota_system": "figures.undated",
    "employer_calculator_max_annual_benefit": "figures.no_period",
    "quota_levy_ict_project_costs": "figures.no_period",
    "mkb_campaign_linkedin_page_views_normal": "figures.no_period",
    "mkb_employer_size_threshold": "figures.past_half_year",
    "mkb_campaign_branches": "figures.past_half_year",
    "mkb_campaign_linkedin_impressions": "figures.past_half_year",
}


def municipal_target_group(chapter) -> shapes.TableFigure:
    """Return the gemeentelijke doelgroep at work per quarter in the data (two numbers: a table), Q4 2016 our derivation."""
    group = analysis.municipal_target_group(chapter.figures)
    computed = group["kind"] == COMPUTED
    # Our derivation (no letter) is never newer.
    newer = chapter.from_newer_letters(group.assign(source_id=group["source_id"].where(~computed)))
    frame = pd.DataFrame(
        {
            "kwartaal": vocabulary.period_labels(group["period"]),
            "werkend": group["working"],
            "soort": shapes.kind_texts(group["kind"], shapes.kind_words(chapter), newer),
            "berekening": [
                chapter.label("municipal_target_group.calculation", level=level, change=change) if c else vocabulary.MISSING
                for c, level, change in zip(computed, group["level"], group["change"])
            ],
            "brief": shapes.letters_pages(chapter, group["source_id"], group["page"]),
        }
    )
    rows = fig.select(chapter.figures, "municipal_target_group_working")
    table = shapes.data_table(frame, chapter.label("municipal_target_group.fields"), list(frame.columns))
    return shapes.labelled_table_figure(chapter, "municipal_target_group", rows, table)


def pace(chapter) -> house.Table:
    """Return our computation of the yearly pace needed for the final target, beside the pace realised before."""
    frame = analysis.required_pace(chapter.figures)
    realised = frame["measure"] == REALISED_PACE
    titles = chapter.label("pace.columns")
    shown = pd.DataFrame(
        {
            titles["measure"]: [
                chapter.label("pace.realised") if done else chapter.label("pace.needed", end=end)
                for done, end in zip(realised, frame["end"])
            ],
            titles["start"]: vocabulary.period_labels(frame["start"]),
            titles["end"]: vocabulary.period_labels(frame["end"]),
            titles["to_create"]: frame["to_create"],
            titles["years"]: frame["years"],
            # The pace needed rests on a linear spread, not on a path in the afspraak: 'circa', three digits.
            titles["per_year"]: [
                vocabulary.number(v) if done else vocabulary.value_text(analysis.rounded(v), "aantal", None, "circa")
                for v, done in zip(frame["per_year"], realised)
            ],
        }
    )
    return house.show(shown, {titles["to_create"]: 0}, caption=chapter.label("pace.caption"))


def support(chapter) -> house.Table:
    """Return the figures on support and provisions (provisions, wage subsidy, jobcoach, register) as printed."""
    return _figures(chapter, analysis.support(chapter.figures))


def other_figures(chapter) -> house.Table:
    """Return the letters' remaining figures (EU quota, calculator, ICT costs, MKB campaign), national in every edition."""
    rows = analysis.other_figures(chapter.national)
    groups = chapter.label("figures.groups")
    return _figures(chapter, rows, rows["category"].map(lambda c: f" ({groups[c]})" if c in groups else ""), national=True)


def _figures(chapter, rows: pd.DataFrame, suffix: pd.Series | str = "", national: bool = False) -> house.Table:
    # Printed figures as a reader checks them: indicator, period, value with unit and hedge, letter and page.
    # A figure without peildatum says so instead of showing the letter's date as if it were one.
    names = rows["indicator"].map(chapter.label("figures.indicators")).fillna(rows["label"])
    dates = rows["source_date"].map(lambda d: vocabulary.long_date(pd.Timestamp(d).date()))
    words = rows["indicator"].map(PERIOD_WORDS)
    ids, pages = list(rows["source_id"]), [int(p) for p in rows["page"]]
    own = chapter.municipal and not national  # the municipality's own figures, printed in no letter
    shown = pd.DataFrame(
        {
            COLUMN_TEXT["label"]: names + suffix,
            COLUMN_TEXT["period_label"]: [
                chapter.label(w, date=d) if isinstance(w, str) else vocabulary.moment(p)
                for w, p, d in zip(words, rows["period"], dates)
            ],
            COLUMN_TEXT["value"]: [house.figure_value(row) for _, row in rows.iterrows()],
            COLUMN_TEXT["letter"]: chapter.letters_of(ids) if own else house.letter_pages(ids, pages, chapter.sources),
        }
    )
    if own or not chapter.municipal:
        return house.show(shown, caption=chapter.source_line(rows))
    # The letters' figures in a municipal edition: the letters' source line, with the edition's files.
    return house.show(shown, caption=house_charts.SourceLine(house.sources_line(ids, chapter.sources), chapter.data_files))
