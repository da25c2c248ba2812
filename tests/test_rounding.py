"""figures.rounding: intervals of rounded and hedged printed figures."""

import math

import pytest

from participatie.figures.rounding import Interval, hedged_interval, rounding_margin, rounding_step


@pytest.mark.parametrize(
    "value, qualifier, margin",
    [(4.8, None, 0.05), (142, None, 0.5), (270, "circa", 5), (300, "circa", 50), (5.8, None, 0.05)],
)
def test_rounding_margin(value, qualifier, margin):
    assert rounding_margin(value, qualifier) == pytest.approx(margin)


@pytest.mark.parametrize("value, step", [(22000, 1000), (4.8, 0.1), (270, 10), (1184, 1)])
def test_rounding_step(value, step):
    assert rounding_step(value) == pytest.approx(step)


@pytest.mark.parametrize(
    "value, qualifier, low, high",
    [
        (22000, "ruim", 22000, 23000),
        (1200, "bijna", 1100, 1200),
        (270, "circa", 265, 275),
        (37, None, 36.5, 37.5),
        (50000, "meer_dan", 50000, math.inf),
    ],
)
def test_hedged_interval(value, qualifier, low, high):
    interval = hedged_interval(value, qualifier)
    assert (interval.low, interval.high) == (pytest.approx(low), pytest.approx(high))


def test_interval_arithmetic_and_undefined_division():
    a, b = Interval.around(10, 1), Interval.exact(2)
    assert (a + b).low == 11 and (a - b).high == 9 and (a * b).high == 22 and (a / b).low == 4.5
    assert (a / Interval.around(0, 1)).undefined
