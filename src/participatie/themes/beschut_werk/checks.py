"""Beschut werk: the claims of the letters that are recomputed from their other printed figures (ours).

Each check is data: the printed figure and how we recompute it. Its words (the claim, how the recomputation
goes and, where the comparison rests on a reading the letter does not state, the assumption) are in the
chapter's label file, chapters/beschut_werk.labels.yml, under `checks` and the check's id.
"""

from __future__ import annotations

from ...figures import lookup as fig
from ...figures.checks import Check
from ...presentation import text
from ..record import CHAPTERS_DIR
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

_WORDS = text.labels(f"{CHAPTERS_DIR}/beschut_werk.labels.yml")["checks"]


def _check(id: str, **fields) -> Check:
    """Return a check with its words from the label file."""
    words = _WORDS[id]
    return Check(id=id, claim=words["claim"], formula=words["formula"], assumption=words.get("assumption"), **fields)


def _share(indicator_part: str, indicator_whole: str, period: str, category: str):
    return lambda f: fig.ratio(100 * _v(f, indicator_part, period, category), _v(f, indicator_whole, period, category))


# Plain data: each check names the printed figure and how we recompute it (figures.checks.Check).
CHECKS = (
    _check(
        id="bw-aandeel-positief-totaal-2017",
        indicator="share_positive_advices",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=_share("positive_advices", "assessments", JAN_MAY_2017, "totaal"),
        tolerance=0.5,
        category="totaal",
    ),
    *(
        _check(
            id=f"bw-aandeel-positief-{category}-2017",
            indicator="share_positive_advices",
            period=JAN_MAY_2017,
            source_id=JUNE_2017,
            recompute=_share("positive_advices", "assessments", JAN_MAY_2017, category),
            tolerance=0.5,
            category=category,
        )
        for category in ("gemeente", "burger")
    ),
    _check(
        id="bw-aandeel-positief-2016",
        indicator="share_positive_advices",
        period="2016",
        source_id=JUNE_2017,
        recompute=_share("positive_advices", "assessments", "2016", "totaal"),
        tolerance=0.5,
        category="totaal",
    ),
    _check(
        id="bw-beoordelingen-totaal-2017",
        indicator="assessments",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") + _v(f, "assessments", JAN_MAY_2017, "burger"),
        tolerance=0,
        category="totaal",
    ),
    _check(
        id="bw-positief-totaal-2017",
        indicator="positive_advices",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: (
            _v(f, "positive_advices", JAN_MAY_2017, "gemeente") + _v(f, "positive_advices", JAN_MAY_2017, "burger")
        ),
        tolerance=0,
        category="totaal",
    ),
    _check(
        id="bw-beoordelingen-per-maand-2017",
        indicator="assessments_monthly_average",
        period=JAN_MAY_2017,
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") / 5,
        tolerance=0.5,
        category="gemeente",
    ),
    _check(
        id="bw-extrapolatie-2017",
        indicator="positive_advices",
        period="2017",
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "positive_advices", JAN_MAY_2017, "totaal") / 5 * 12,
        tolerance=0.5,
    ),
    _check(
        id="bw-extrapolatie-2018",
        indicator="positive_advices",
        period="2018",
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices", Q1_2018) * 4,
        tolerance=0,
    ),
    _check(
        id="bw-cumulatief-2017",
        indicator="positive_advices_cumulative",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: sum(_v(f, "positive_advices", y, source_id=JUNE_2018) for y in ("2015", "2016", "2017")),
        tolerance=0,
    ),
    _check(
        id="bw-cumulatief-maart-2018",
        indicator="positive_advices_cumulative",
        period=MARCH_2018,
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", Q1_2018),
        tolerance=0,
    ),
    _check(
        id="bw-cumulatief-2018-extrapolatie",
        indicator="positive_advices_cumulative",
        period=END_2018,
        source_id=JUNE_2018,
        recompute=lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", "2018"),
        tolerance=0,
    ),
    _check(
        id="bw-aandeel-werkend-2017",
        indicator="share_advised_working",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: fig.ratio(
            100 * _v(f, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
            _v(f, "positive_advices_cumulative", END_2017),
        ),
        tolerance=0.5,
    ),
    _check(
        id="bw-vervulling-regeling-2017",
        indicator="regeling_fill_rate",
        period=END_2017,
        source_id=JUNE_2018,
        recompute=lambda f: fill_rate(f).set_index("measure").loc[HOURS, "fill_rate"],
        tolerance=0.5,
    ),
    _check(
        id="bw-groei-1e-kwartaal-2018",
        indicator="working_sheltered_workplace_growth",
        period=Q1_2018,
        source_id=SEPT_2018,
        recompute=working_growth,
        tolerance=0.5,
    ),
    _check(
        id="bw-bonus-behouden",
        indicator="bonus_retained",
        period="2015/2016",
        source_id=JUNE_2017,
        recompute=lambda f: _v(f, "bonus_available", "2015/2016") - _v(f, "bonus_paid", "2015/2016"),
        tolerance=0.05,
    ),
)
