"""Financiering van bijstand en re-integratie: the texts the chapter's prose glues in.

`key_figures` returns, by glue name: every paragraph that states numbers (`bf_p_<topic>`, one glued
Markdown text each, see the text_* modules), the introduction's finding (`bf_finding`) and the single
figures they are built from (`bf_<figure>`), as Dutch text.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ...figures import checks, lookup
from ...figures.revisions import ROUNDING, revisions
from ...presentation import escape, formatting, wording
from . import analysis, text_benefits, text_buig, text_reintegration
from .analysis import BUDGET_YEAR, JUNE_2017, PREVIOUS_BUDGET, PREVIOUS_YEAR, PROVISIONAL, TOTAL
from .labels import KIND_SENTENCE
from .phrases import EIGEN, chamber, cite, letter, letter_date, mln_change, name, percent, period, value

PARAGRAPHS: dict[str, Callable] = {
    "bf_p_buig_2016": text_buig.p_buig_2016,
    "bf_p_buig_years": text_buig.p_buig_years,
    "bf_p_budget_2017": text_buig.p_budget_2017,
    "bf_p_pb_background": text_reintegration.p_pb_background,
    "bf_p_pb_table": text_reintegration.p_pb_table,
    "bf_p_pb_sum": text_reintegration.p_pb_sum,
    "bf_p_pb_groups": text_reintegration.p_pb_groups,
    "bf_p_pb_2018": text_reintegration.p_pb_2018,
    "bf_p_per_person": text_reintegration.p_per_person,
    "bf_p_overpaid": text_benefits.p_overpaid,
    "bf_p_rise": text_benefits.p_rise,
    "bf_p_ioaz": text_benefits.p_ioaz,
}


def p_sources(chapter) -> str:
    """Return the introduction's paragraph on where the figures come from and how rounding is treated."""
    counts = chapter.national["source_id"].value_counts()
    rounding = (
        "Afgeronde bedragen staan hier zoals de brieven ze afronden; wat daaruit is berekend, is gemarkeerd als "
        f"{EIGEN} en niet nauwkeuriger weergegeven dan de gedrukte getallen toelaten."
    )
    occasion = (
        f"{letter(chapter, JUNE_2017).capitalize()} reageerde onder meer op een motie van de VNG over de financiering "
        "van de bijstand en op een rondetafelgesprek van de Tweede Kamer over investeren in werk voor kwetsbare groepen "
        f"({cite(chapter, JUNE_2017, 4, 12)})."
        if JUNE_2017 in counts.index
        else ""
    )
    if counts.empty:
        return rounding
    main = counts.index[0]
    others = sorted(
        (s for s in counts.index if s != main), key=lambda s: str(chapter.sources.set_index("id").loc[s, "date"])
    )
    dates = wording.joined([letter_date(chapter, s) for s in others])
    rest = (
        f"; {'de brieven' if len(others) > 1 else 'de brief'} van {dates} {'vullen' if len(others) > 1 else 'vult'} ze aan"
        if others
        else ""
    )
    if chapter.municipal:
        return (
            f"Deze editie toont de cijfers van {name(chapter)}; de brieven zelf geven alleen landelijke cijfers. De "
            f"landelijke cijfers die de tekst noemt, komen vooral uit {letter(chapter, main)} aan de "
            f"{chamber(chapter, main)}{rest}. {occasion} {rounding}"
        ).replace("  ", " ")
    return (
        f"De meeste cijfers in dit hoofdstuk komen uit {letter(chapter, main)} aan de {chamber(chapter, main)}{rest}. "
        f"{occasion} {rounding}"
    ).replace("  ", " ")


def p_checks(chapter) -> str:
    """Return the paragraph above the cross-checks: what the verdicts mean and which check rests on our assumption."""
    if chapter.municipal:
        return (
            "De rekencontrole gaat over de landelijke cijfers die de brieven drukken; deze gemeentelijke editie toont "
            "haar niet."
        )
    text = (
        f"Uitspraken in de brieven die uit andere gedrukte cijfers volgen, zijn waar mogelijk nagerekend ({EIGEN}). "
        "Een uitkomst *klopt* als ze gelijk is aan het gedrukte getal, *klopt op afronding* als het verschil binnen de "
        "afronding van het gedrukte getal valt (de kolom Marge), en *wijkt af* als dat niet zo is; afwijkingen staan "
        "bovenaan."
    )
    try:
        share = analysis.deficit_share_2016_range(chapter.national)
    except KeyError:
        share = None
    if share is not None and not share.undefined:
        text += (
            f" De controle van het percentage van het tekort over {PREVIOUS_YEAR} berust op een eigen afleiding van het "
            f"macrobudget {PREVIOUS_YEAR} uit het afgeronde macrobudget {BUDGET_YEAR} en de toename, en op de "
            "aanname dat het percentage op dat budget slaat. Binnen de afronding van de drie bedragen ligt het "
            f"herberekende percentage tussen {percent(share.low)} en {percent(share.high)} ({EIGEN}), zodat deze "
            "controle weinig onderscheidt."
        )
    summed = analysis.cumulative_result(chapter.national)
    if summed is not None:
        text += (
            f" Het percentage van het opgetelde resultaat over {period(summed['period'])} is niet na te rekenen, omdat "
            "de macrobudgetten van die jaren in geen van de brieven staan."
        )
    return text


def p_revisions(chapter) -> str:
    """Return the paragraph above the revisions: which figures letters give with different values, and of what kind."""
    if chapter.municipal:
        return "Revisies tussen brieven gaan over landelijke cijfers; deze gemeentelijke editie toont ze niet."
    changed = revisions(chapter.national)
    if changed.empty:
        return "Geen cijfer van dit hoofdstuk staat met verschillende waarden in meer dan één brief."
    sentences = []
    for _, rows in changed.groupby(lookup.KEY, sort=False, dropna=False):
        first = rows.iloc[0]
        values = wording.joined([f"{letter(chapter, r['source_id'])} {value(r)}" for _, r in rows.iterrows()])
        precise = (
            " De nauwkeurigere waarde blijft de beste, ook als die uit de oudere brief komt."
            if first["kind"] == ROUNDING
            else ""
        )
        label = escape.markdown(first["label"])
        sentences.append(f"{label} ({period(first['period'])}): {values}; {KIND_SENTENCE[first['kind']]}.{precise}")
    count = changed.groupby(lookup.KEY, dropna=False).ngroups
    lead = "Eén cijfer staat" if count == 1 else f"{formatting.number(count)} cijfers staan"
    return f"{lead} met verschillende waarden in meer dan één brief. " + " ".join(sentences)


def finding(chapter) -> str:
    """Return the introduction's paragraph with the chapter's headline finding (latest state, the letters' key fact)."""
    parts = [text_buig.finding_buig(chapter), text_reintegration.finding_reintegration(chapter)]
    if chapter.municipal:
        latest = analysis.latest_result(chapter.national)
        if latest is not None:
            parts.append(
                f"Landelijk was het resultaat over {period(latest['period'])} volgens "
                f"{letter(chapter, latest['source_id'])} {text_buig.result_phrase(latest)}."
            )
    return " ".join(p for p in parts if p)


def _figure(figures: pd.DataFrame, *args, **kwargs) -> str:
    """Return a printed figure as Dutch text, or '–' when the data do not hold it."""
    try:
        return formatting.figure_text(figures, *args, **kwargs)
    except (KeyError, lookup.AmbiguousFigure):
        return "–"


def _figures(chapter) -> dict[str, str]:
    """Return the single figures the paragraphs are built from, as Dutch text ('–' where not defined)."""
    figures = chapter.figures
    t = lambda *a, **k: _figure(figures, *a, **k)  # noqa: E731
    parts = analysis.participation_budget_parts(figures).set_index("year")
    shift = analysis.target_group_shift(figures).set_index("year")
    first, last = (parts.index[0], parts.index[-1]) if not parts.empty else (None, None)
    pb = lambda column, year: (  # noqa: E731
        formatting.value_text(parts.at[year, column], "euro_mln", 3) if year is not None else "–"
    )
    share = lambda year: percent(shift.at[year, "new_share"]) if year is not None else "–"  # noqa: E731
    try:
        budget_2016 = analysis.budget_2016(figures).mid
    except KeyError:
        budget_2016 = float("nan")
    texts = {
        "bf_deficit_2016": t("buig_deficit", "2016", source_id=JUNE_2017),
        "bf_deficit_share_2016": t("buig_deficit_share", "2016", source_id=JUNE_2017),
        "bf_surplus_2013": t("buig_surplus", "2013"),
        "bf_deficit_cum": t("buig_deficit", "2012/2016"),
        "bf_deficit_cum_share": t("buig_deficit_share", "2012/2016"),
        "bf_asylum_2016": t("asylum_advance_budget", "2016"),
        "bf_asylum_2017": t("asylum_advance_budget", "2017"),
        "bf_budget_2017": t("buig_macro_budget", BUDGET_YEAR, source_id=JUNE_2017),
        "bf_change_provisional": t("buig_macro_budget_change", BUDGET_YEAR, category=PROVISIONAL),
        "bf_change_2016": t("buig_macro_budget_change", BUDGET_YEAR, category=PREVIOUS_BUDGET),
        "bf_budget_2016": formatting.value_text(budget_2016, "euro_mln", 0),
        "bf_pb_first_total": pb("printed_total", first),
        "bf_pb_last_total": pb("printed_total", last),
        "bf_pb_first_classic": pb("classic", first),
        "bf_pb_last_classic": pb("classic", last),
        "bf_pb_first_new": pb("new", first),
        "bf_pb_last_new": pb("new", last),
        "bf_share_new_first": share(first),
        "bf_share_new_last": share(last),
        "bf_pb_2018_table": t("participation_budget", "2018", category=TOTAL, source_id=JUNE_2017),
        "bf_pb_2018_letter": t("participation_budget", "2018", category=TOTAL, source_id=analysis.JUNE_2018),
        "bf_pb_structural": t("participation_budget", "2018/..", category=TOTAL),
        "bf_pp_intensive": t("reintegration_budget_per_person", "2015", category="intensief"),
        "bf_pp_other": t("reintegration_budget_per_person", "2015", category="overig"),
        "bf_inflow": t("new_target_group_inflow_assumption", "2015/.."),
        "bf_esf": t("esf_active_inclusion_budget", "2014/2016"),
        "bf_ioaz_years": t("ioaz_income_reference_period", text_benefits.IOAZ_DATE),
    }
    try:
        texts["bf_recipients"] = value(lookup.latest(figures, "bijstand_recipients"))
    except KeyError:
        texts["bf_recipients"] = "–"
    for key, column in (("bf_classic_change", "classic_change"), ("bf_new_change", "new_change")):
        texts[key] = mln_change(shift.at[last, column]) if last is not None else "–"
    benefits = analysis.benefit_corrections(figures)
    for _, row in benefits.iterrows():
        texts[f"bf_over_{row['category']}"] = formatting.value_text(
            row["overpaid_monthly"], "euro", 2, row["overpaid_qualifier"]
        )
        texts[f"bf_rise_{row['category']}"] = formatting.value_text(row["rise"], "euro", 2, row["rise_qualifier"])
    if not benefits.empty:
        texts["bf_overpaid_max_period"] = formatting.value_text(benefits["overpaid_period"].max(), "euro", 2)
    for category in ("eerste", "tweede"):
        texts[f"bf_ioaz_norm_{category}"] = t("ioaz_income_norm", text_benefits.IOAZ_DATE, category=category, decimals=0)
        texts[f"bf_ioaz_correction_{category}"] = t(
            "ioaz_income_norm_correction", text_benefits.IOAZ_DATE, category=category
        )
    verdicts = analysis.participation_budget_parts(figures)["verdict"]
    texts["bf_pb_years_off"] = formatting.number(int((verdicts == checks.DISCREPANCY).sum()))
    return texts


def key_figures(chapter) -> dict[str, str]:
    """Return every text the chapter's prose glues in, keyed by glue name (bf_…)."""
    texts = _figures(chapter)
    texts["bf_p_sources"] = p_sources(chapter)
    texts.update({key: make(chapter) for key, make in PARAGRAPHS.items()})
    texts["bf_p_checks"] = p_checks(chapter)
    texts["bf_p_revisions"] = p_revisions(chapter)
    texts["bf_finding"] = finding(chapter)
    return texts
