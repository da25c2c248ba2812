"""Beschut werk: the claims of the letters that the book recomputes."""

from __future__ import annotations

from ...figures import lookup as fig
from ...figures.checks import Check
from .analysis import (
    END_2017,
    END_2018,
    HOURS,
    JAN_MAY_2017,
    JUNE_2017,
    JUNE_2018,
    MARCH_2018,
    Q1_2018,
    SEPT_2018,
    fill_rate,
    working_growth,
)
from .analysis import value as _v


def _share(indicator_part: str, indicator_whole: str, period: str, category: str):
    return lambda f: fig.ratio(100 * _v(f, indicator_part, period, category), _v(f, indicator_whole, period, category))


def _checks():
    yield (Check(
        "bw-aandeel-positief-totaal-2017",
        "Aandeel positieve adviezen, alle aanvragers, januari–mei 2017",
        "share_positive_advices", JAN_MAY_2017, JUNE_2017, _share("positive_advices", "assessments", JAN_MAY_2017, "totaal"),
        "positieve adviezen / beoordelingen (totaal) × 100", 0.5, "totaal"))
    for category, label in (("gemeente", "aanvragen door gemeenten"), ("burger", "aanvragen door burgers")):
        yield (Check(
            f"bw-aandeel-positief-{category}-2017", f"Aandeel positieve adviezen, {label}, januari–mei 2017",
            "share_positive_advices", JAN_MAY_2017, JUNE_2017, _share("positive_advices", "assessments", JAN_MAY_2017, category),
            f"positieve adviezen / beoordelingen ({category}) × 100", 0.5, category))
    yield (Check(
        "bw-aandeel-positief-2016", "Aandeel positieve adviezen in 2016",
        "share_positive_advices", "2016", JUNE_2017, _share("positive_advices", "assessments", "2016", "totaal"),
        "positieve adviezen / beoordelingen 2016 × 100", 0.5, "totaal"))
    yield (Check(
        "bw-beoordelingen-totaal-2017", "Totaal beoordelingen januari–mei 2017 is de som van gemeente en burger",
        "assessments", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") + _v(f, "assessments", JAN_MAY_2017, "burger"),
        "gemeente + burger", 0, "totaal"))
    yield (Check(
        "bw-positief-totaal-2017", "Totaal positieve adviezen januari–mei 2017 is de som van gemeente en burger",
        "positive_advices", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "positive_advices", JAN_MAY_2017, "gemeente") + _v(f, "positive_advices", JAN_MAY_2017, "burger"),
        "gemeente + burger", 0, "totaal"))
    yield (Check(
        "bw-beoordelingen-per-maand-2017", "Gemiddeld aantal beoordelingen per maand op aanvraag van gemeenten",
        "assessments_monthly_average", JAN_MAY_2017, JUNE_2017,
        lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") / 5,
        "beoordelingen januari–mei / 5 maanden", 0.5, "gemeente"))
    yield (Check(
        "bw-extrapolatie-2017", "Extrapolatie van de positieve adviezen naar heel 2017 (brief juni 2017)",
        "positive_advices", "2017", JUNE_2017,
        lambda f: _v(f, "positive_advices", JAN_MAY_2017, "totaal") / 5 * 12,
        "positieve adviezen januari–mei / 5 × 12", 0.5))
    yield (Check(
        "bw-extrapolatie-2018", "Extrapolatie van de positieve adviezen naar heel 2018 (brief juni 2018)",
        "positive_advices", "2018", JUNE_2018, lambda f: _v(f, "positive_advices", Q1_2018) * 4,
        "positieve adviezen 1e kwartaal 2018 × 4", 0))
    yield (Check(
        "bw-cumulatief-2017", "Cumulatief positieve adviezen tot eind 2017",
        "positive_advices_cumulative", END_2017, JUNE_2018,
        lambda f: sum(_v(f, "positive_advices", y, source_id=JUNE_2018) for y in ("2015", "2016", "2017")),
        "2015 + 2016 + 2017", 0))
    yield (Check(
        "bw-cumulatief-maart-2018", "Cumulatief positieve adviezen tot 31 maart 2018",
        "positive_advices_cumulative", MARCH_2018, JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", Q1_2018),
        "cumulatief eind 2017 + 1e kwartaal 2018", 0))
    yield (Check(
        "bw-cumulatief-2018-extrapolatie", "Verwacht cumulatief aantal positieve adviezen eind 2018",
        "positive_advices_cumulative", END_2018, JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", "2018"),
        "cumulatief eind 2017 + extrapolatie 2018", 0))
    yield (Check(
        "bw-aandeel-werkend-2017", "Aandeel van de positief geadviseerden dat eind 2017 werkt",
        "share_advised_working", END_2017, JUNE_2018,
        lambda f: fig.ratio(100 * _v(f, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
                            _v(f, "positive_advices_cumulative", END_2017)),
        "werkenden eind 2017 / cumulatief positieve adviezen × 100", 0.5))
    yield (Check(
        "bw-vervulling-regeling-2017", "Vervulling van de regeling 2017 (37%)",
        "regeling_fill_rate", END_2017, JUNE_2018, lambda f: fill_rate(f).set_index("measure").loc[HOURS, "fill_rate"],
        "werkenden × gewerkte uren / (plekken regeling × uren per plek) × 100", 0.5))
    yield (Check(
        "bw-groei-1e-kwartaal-2018", "Groei van het aantal werkenden van eind 2017 tot 31 maart 2018",
        "working_sheltered_workplace_growth", Q1_2018, SEPT_2018,
        working_growth,
        "(31 maart 2018 / eind 2017 − 1) × 100", 0.5))
    yield (Check(
        "bw-bonus-behouden", "Niet uitgekeerde bonus beschut werk (plekken 2015–2016)",
        "bonus_retained", "2015/2016", JUNE_2017,
        lambda f: _v(f, "bonus_available", "2015/2016") - _v(f, "bonus_paid", "2015/2016"),
        "beschikbaar − uitgekeerd", 0.05))


CHECKS = tuple(_checks())
