"""De sociale werkvoorziening in cijfers: the texts the chapter's prose glues in.

Every paragraph that states numbers is one glued text `wsw_p_<topic>` (prose_statistics, prose_money):
the national wording with its letters cited, or in a municipal edition the wording the municipality's
own numbers support. `wsw_finding` is the chapter's headline for the introduction. A few single figures
stay available under their old names for pages that glue them.
"""

from __future__ import annotations

from ...figures import lookup
from ...presentation import formatting, wording
from . import analysis, prose_money, prose_statistics
from .analysis import JUNE_2018, SPAN_2012
from .sentences import Context, value, when

PARAGRAPHS = {
    "wsw_p_scope": prose_money.scope,
    "wsw_p_indications": prose_statistics.indications,
    "wsw_p_indications_sum": prose_statistics.indications_sum,
    "wsw_p_indications_cause": prose_statistics.indications_cause,
    "wsw_p_waiting": prose_statistics.waiting_list,
    "wsw_p_workforce": prose_statistics.workforce,
    "wsw_p_seconded": prose_statistics.seconded,
    "wsw_p_supported": prose_statistics.supported,
    "wsw_p_regular": prose_statistics.regular,
    "wsw_p_budget": prose_money.budget,
    "wsw_p_cut": prose_money.cut,
    "wsw_p_volume": prose_money.volume,
    "wsw_p_kerstens": prose_money.kerstens,
    "wsw_p_zembla": prose_money.zembla,
    "wsw_p_money": prose_money.money,
    "wsw_p_checks": prose_money.checks,
    "wsw_p_revisions": prose_money.revisions,
    "wsw_p_unsaid_staff": prose_statistics.unsaid_staff,
}


def finding(ctx: Context) -> str:
    """Return the chapter's headline for the introduction: the latest count and the money, with their letters."""
    figures = ctx.figures
    staff = lookup.latest(figures, "wsw_employees") if not lookup.select(figures, "wsw_employees").empty else None
    current, expected = analysis.budget_rows(figures)
    closed = "sinds de invoering van de Participatiewet in 2015 geen nieuwe instroom in de Wsw meer"
    if ctx.municipal:
        text = []
        if staff is not None:
            text.append(f"In {ctx.place} telde het Wsw-werknemersbestand {value(staff)} {when(staff['period'])}.")
        if current is not None:
            text.append(
                f"De Wsw-middelen van de gemeente zijn in de gegevens {value(current)} {when(current['period'])}"
                + (f" en {value(expected)} {when(expected['period'])} (een verwachting)." if expected is not None else ".")
            )
        text.append(f"Landelijk is er volgens {ctx.letter(JUNE_2018)} {closed} {ctx.cite_letter(JUNE_2018, 8)}.")
        return " ".join(text)
    text = []
    if staff is not None:
        text.append(
            f"De laatste telling van het Wsw-werknemersbestand in de brieven is die van "
            f"{formatting.period_label(staff['period'])}: {value(staff)}, volgens {ctx.letter(staff['source_id'])} "
            f"{ctx.cite(staff)}."
        )
    if current is None:
        text.append(f"Volgens {ctx.letter(JUNE_2018)} is er {closed} {ctx.cite_letter(JUNE_2018, 8)}.")
        return " ".join(text)
    same = current["source_id"] == JUNE_2018
    sentence = f"Volgens {ctx.letter(JUNE_2018)} is er {closed}; " + (
        "gemeenten krijgen" if same else f"volgens {ctx.letter(current['source_id'])} krijgen gemeenten"
    )
    sentence += f" voor de uitvoering van de Wsw {value(current)} {when(current['period'])}"
    if expected is not None:
        verb = wording.change(float(current["value"]), float(expected["value"]), "stijgt", "daalt", "gelijk blijft")
        gradual = "geleidelijk " if expected["source_id"] == JUNE_2018 and verb == "daalt" else ""
        sentence += f", een bedrag dat naar verwachting {gradual}{verb} tot {value(expected)} {when(expected['period'])}"
    pages = {JUNE_2018: {8}}
    text.append(f"{sentence} {ctx.cite(current, expected, pages=pages)}.")
    return " ".join(text)


def _figure(figures, indicator: str, period: str) -> str:
    """Return a printed figure's text, or '–' when the data lack it (a page may still glue the old name)."""
    try:
        return formatting.figure_text(figures, indicator, period)
    except KeyError:
        return "–"


def key_figures(chapter) -> dict[str, str]:
    """Return every text the chapter's prose glues in, keyed by its glue name."""
    ctx = Context(chapter)
    texts = {name: make(ctx) for name, make in PARAGRAPHS.items()}
    texts["wsw_finding"] = finding(ctx)
    figures = chapter.figures
    try:
        rise = formatting.value_text(analysis.supported_employment_rise(figures), "procent", 1)
    except KeyError:
        rise = "–"
    texts |= {
        "wsw_budget_2018": _figure(figures, "wsw_budget", "2018"),
        "wsw_budget_2050": _figure(figures, "wsw_budget", "2050"),
        "wsw_bw_rise_printed": _figure(figures, "wsw_supported_employment_places_increase_pct", SPAN_2012),
        "wsw_bw_rise_recomputed": rise,
    }
    return texts
