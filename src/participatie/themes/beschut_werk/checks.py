"""Beschut werk: the claims of the letters that are recomputed from their other printed figures (ours).

Each check is data; its words (claim, formula and any assumption) are in chapters/beschut_werk.labels.yml under
`checks.<id>`.
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


def _check(id: str, indicator: str, period: str, source_id: str, recompute, tolerance: float = 0, category=None) -> Check:
    """Return a check of a printed figure, with its words from the label file."""
    words = _WORDS[id]
    claim, formula, assumption = words["claim"], words["formula"], words.get("assumption")
    return Check(id, claim, indicator, period, source_id, recompute, formula, tolerance, category, assumption)


def _share(category: str, period: str = JAN_MAY_2017):
    return lambda f: fig.ratio(100 * _v(f, "positive_advices", period, category), _v(f, "assessments", period, category))


def _parts(indicator: str):
    # The letter's total of January–May 2017: gemeenten plus burgers.
    return lambda f: _v(f, indicator, JAN_MAY_2017, "gemeente") + _v(f, indicator, JAN_MAY_2017, "burger")


# Each check: its id, the printed indicator, period and letter, our recomputation, the tolerance that the printed
# rounding explains (none: exact), and the category.
CHECKS = (
    *(
        _check(f"bw-aandeel-positief-{c}-2017", "share_positive_advices", JAN_MAY_2017, JUNE_2017, _share(c), 0.5, c)
        for c in ("totaal", "gemeente", "burger")
    ),
    _check("bw-aandeel-positief-2016", "share_positive_advices", "2016", JUNE_2017, _share("totaal", "2016"), 0.5, "totaal"),
    _check("bw-beoordelingen-totaal-2017", "assessments", JAN_MAY_2017, JUNE_2017, _parts("assessments"), 0, "totaal"),
    _check("bw-positief-totaal-2017", "positive_advices", JAN_MAY_2017, JUNE_2017, _parts("positive_advices"), 0, "totaal"),
    _check(
        "bw-beoordelingen-per-maand-2017",
        "assessments_monthly_average",
        JAN_MAY_2017,
        JUNE_2017,
        lambda f: _v(f, "assessments", JAN_MAY_2017, "gemeente") / 5,
        0.5,
        "gemeente",
    ),
    _check(
        "bw-extrapolatie-2017",
        "positive_advices",
        "2017",
        JUNE_2017,
        lambda f: _v(f, "positive_advices", JAN_MAY_2017, "totaal") / 5 * 12,
        0.5,
    ),
    _check("bw-extrapolatie-2018", "positive_advices", "2018", JUNE_2018, lambda f: _v(f, "positive_advices", Q1_2018) * 4),
    _check(
        "bw-cumulatief-2017",
        "positive_advices_cumulative",
        END_2017,
        JUNE_2018,
        lambda f: sum(_v(f, "positive_advices", y, source_id=JUNE_2018) for y in ("2015", "2016", "2017")),
    ),
    _check(
        "bw-cumulatief-maart-2018",
        "positive_advices_cumulative",
        MARCH_2018,
        JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", Q1_2018),
    ),
    _check(
        "bw-cumulatief-2018-extrapolatie",
        "positive_advices_cumulative",
        END_2018,
        JUNE_2018,
        lambda f: _v(f, "positive_advices_cumulative", END_2017) + _v(f, "positive_advices", "2018"),
    ),
    _check(
        "bw-aandeel-werkend-2017",
        "share_advised_working",
        END_2017,
        JUNE_2018,
        lambda f: fig.ratio(
            100 * _v(f, "working_sheltered_workplace", END_2017, source_id=JUNE_2018),
            _v(f, "positive_advices_cumulative", END_2017),
        ),
        0.5,
    ),
    _check(
        "bw-vervulling-regeling-2017",
        "regeling_fill_rate",
        END_2017,
        JUNE_2018,
        lambda f: fill_rate(f).set_index("measure").loc[HOURS, "fill_rate"],
        0.5,
    ),
    _check("bw-groei-1e-kwartaal-2018", "working_sheltered_workplace_growth", Q1_2018, SEPT_2018, working_growth, 0.5),
    _check(
        "bw-bonus-behouden",
        "bonus_retained",
        "2015/2016",
        JUNE_2017,
        lambda f: _v(f, "bonus_available", "2015/2016") - _v(f, "bonus_paid", "2015/2016"),
        0.05,
    ),
)
