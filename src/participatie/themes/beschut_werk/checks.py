"""Beschut werk: the claims of the letters that are recomputed from their other printed figures (ours)."""

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


# Plain data: each check names the printed figure and how we recompute it (figures.checks.Check). A check whose
# comparison rests on a reading the letter does not state carries it as `assumption`.
CHECKS = (
    Check(
        id="bw-aandeel-positief-totaal-2017",
        claim=(
            "Aandeel positieve adviezen, alle aanvragers, januari–mei 2017 "
            "(de brief vermeldt niet hoe het totaal is berekend)"
        ),
        indicator="share_positive_advices",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=_share("positive_advices", "assessments", JAN_MAY_2017, "totaal"),
        formula="positieve adviezen / beoordelingen (totaal) × 100",
        tolerance=0.5,
        category="totaal",
    ),
    *(
        Check(
            id=f"bw-aandeel-positief-{category}-2017",
            claim=f"Aandeel positieve adviezen, {label}, januari–mei 2017",
            indicator="share_positive_advices",
            period=JAN_MAY_2017,
            source_id=JUNE_2017,
            recompute=_share("positive_advices", "assessments", JAN_MAY_2017, category),
            formula=f"positieve adviezen / beoordelingen ({category}) × 100",
            tolerance=0.5,
            category=category,
        )
        for (category, label) in (("gemeente", "aanvragen door gemeenten"), ("burger", "aanvragen door burgers"))
    ),
    Check(
        id="bw-aandeel-positief-2016",
        claim="Aandeel positieve adviezen in 2016",
        indicator="share_positive_advices",
        period="2016",
        source_id=JUNE_2017,
        recompute=_share("positive_advices", "assessments", "2016", "totaal"),
        formula="positieve adviezen / beoordelingen 2016 × 100",
        tolerance=0.5,
        category="totaal",
    ),
    Check(
        id="bw-beoordelingen-totaal-2017",
        claim="Totaal beoordelingen januari–mei 2017 is de som van gemeente en burger",
        indicator="assessments",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") + _v(f, "assessments", JAN_MAY_2017, "burger"),
        formula="gemeente + burger",
        tolerance=0,
        category="totaal",
    ),
    Check(
        id="bw-positief-totaal-2017",
        claim="Totaal positieve adviezen januari–mei 2017 is de som van gemeente en burger",
        indicator="positive_advices",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: (
            _v(f, "positive_advices", JAN_MAY_2017, "gemeente") + _v(f, "positive_advices", JAN_MAY_2017, "burger")
        ),
        formula="gemeente + burger",
        tolerance=0,
        category="totaal",
    ),
    Check(
        id="bw-beoordelingen-per-maand-2017",
        claim="Gemiddeld aantal beoordelingen per maand op aanvraag van gemeenten",
        indicator="assessments_monthly_average",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") / 5,
        formula="beoordelingen januari–mei / 5 maanden",
        tolerance=0.5,
        category="gemeente",
    ),
    Check(
        id="bw-extrapolatie-2017",
        claim="Extrapolatie van de positieve adviezen naar heel 2017 (brief juni 2017)",
        indicator="positive_advices",
        period="2017",
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "positive_advices", JAN_MAY_2017, "totaal") / 5 * 12,
        formula="positieve adviezen januari–mei / 5 × 12",
        tolerance=0.5,
        assumption="De brief zegt alleen dat zij doortrekt; aangenomen is een gelijkmatige doortrekking (× 12/5)",
    ),
    Check(
        id="bw-extrapolatie-2018",
        claim="Extrapolatie van de positieve adviezen naar heel 2018 (brief juni 2018)",
        indicator="positive_advices",
        period="2018",
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices", Q1_2018) * 4,
        formula="positieve adviezen 1e kwartaal 2018 × 4",
        tolerance=0,
    ),
    Check(
        id="bw-cumulatief-2017",
        claim="Cumulatief positieve adviezen tot eind 2017",
        indicator="positive_advices_cumulative",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: sum(_v(f, "positive_advices", y, source_id=JUNE_2018) for y in ("2015", "2016", "2017")),
        formula="2015 + 2016 + 2017",
        tolerance=0,
    ),
    Check(
        id="bw-cumulatief-maart-2018",
        claim="Cumulatief positieve adviezen tot 31 maart 2018",
        indicator="positive_advices_cumulative",
        period=MARCH_2018,
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", Q1_2018),
        formula="cumulatief eind 2017 + 1e kwartaal 2018",
        tolerance=0,
    ),
    Check(
        id="bw-cumulatief-2018-extrapolatie",
        claim="Verwacht cumulatief aantal positieve adviezen eind 2018",
        indicator="positive_advices_cumulative",
        period=END_2018,
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", "2018"),
        formula="cumulatief eind 2017 + extrapolatie 2018",
        tolerance=0,
    ),
    Check(
        id="bw-aandeel-werkend-2017",
        claim="Aandeel van de positief geadviseerden dat eind 2017 werkt",
        indicator="share_advised_working",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: fig.ratio(
            100 * _v(f, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
            _v(f, "positive_advices_cumulative", END_2017),
        ),
        formula="werkenden eind 2017 / cumulatief positieve adviezen × 100",
        tolerance=0.5,
    ),
    Check(
        id="bw-vervulling-regeling-2017",
        claim="Vervulling van de regeling 2017 in uren (eigen reconstructie van de 37%)",
        indicator="regeling_fill_rate",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: fill_rate(f).set_index("measure").loc[HOURS, "fill_rate"],
        formula="werkenden × gewerkte uren / (plekken regeling × uren per plek) × 100",
        tolerance=0.5,
        assumption=(
            "De brief geeft de berekening niet; aangenomen is dat zij in uren rekent: werkenden × circa 25 uur / "
            "(plekken × 31 uur)"
        ),
    ),
    Check(
        id="bw-groei-1e-kwartaal-2018",
        claim="Groei van het aantal werkenden van eind 2017 tot 31 maart 2018",
        indicator="working_sheltered_workplace_growth",
        period=Q1_2018,
        source_id=SEPT_2018,
        recompute=working_growth,
        formula="(31 maart 2018 / eind 2017 − 1) × 100",
        tolerance=0.5,
    ),
    Check(
        id="bw-bonus-behouden",
        claim="Niet uitgekeerde bonus beschut werk (plekken 2015–2016)",
        indicator="bonus_retained",
        period="2015/2016",
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "bonus_available", "2015/2016") - _v(f, "bonus_paid", "2015/2016"),
        formula="beschikbaar − uitgekeerd",
        tolerance=0.05,
    ),
)
