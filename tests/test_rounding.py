"""figures.rounding: intervals of rounded and hedged printed figures."""

import math

import pytest

from participatie.figures.rounding import Interval, as_printed, decimals, hedged_interval, rounding_margin, rounding_step


@pytest.mark.parametrize(
    "value, qualifier, margin",
    [(4.8, None, 0.05), (142, None, 0.5), (270, "circa", 5), (300, "circa", 50), (5.8, None, 0.05)],
)
def test_rounding_margin(value, qualifier, margin):
    assert rounding_margin(value, qualifier) == pytest.approx(margin)


@pytest.mark.parametrize("value, step", [(22000, 1000), (4.8, 0.1), (270, 10), (1184, 1)])
def test_rounding_step(value, step):
    assert rounding_step(value) == pytest.approx(step)


@pytest.mark.parametrize("value, places", [(25.7, 1), (15655, 0), (6.25, 2), (0.0005, 4), (-1.5, 1), (71.0, 0)])
def test_decimals_counts_the_printed_decimals(value, places):
    assert decimals(value) == places


def test_as_printed_rounds_a_recomputation_as_the_letter_rounds_its_value():
    assert as_printed(67.528, 71) == 68 and as_printed(25.7345, 25.7) == 25.7 and as_printed(1.23456, 6.25) == 1.23
    assert math.isnan(as_printed(math.nan, 71))


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
