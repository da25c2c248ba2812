from datetime import date

import pytest

from participatie.presentation import formatting


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (1234.5, 1, "1.234,5"),
        (1465, None, "1.465"),
        (0.5, None, "0,5"),
        (612.709, None, "612,709"),
        (125000, 0, "125.000"),
        (36.7245, 1, "36,7"),
        (float("nan"), None, "–"),
    ],
)
def test_number_is_dutch(value, decimals, expected):
    assert formatting.number(value, decimals) == expected


def test_value_text_units_and_hedges():
    assert formatting.value_text(24, "procent") == "24%"
    assert formatting.value_text(612.709, "euro_mln", 1) == "€ 612,7 mln"
    assert formatting.value_text(25, "uren_per_week", qualifier="circa") == "circa 25 uur per week"
    assert formatting.value_text(30000, "werkplekken", qualifier="ruim") == "ruim 30.000"


def test_value_text_unknown_unit_is_named():
    with pytest.raises(KeyError, match="furlongs"):
        formatting.value_text(1, "furlongs")


def test_percent_and_long_date():
    assert formatting.percent(1184, 2600, 1) == "45,5%"
    assert formatting.long_date(date(2018, 6, 15)) == "15 juni 2018"


def test_number_rounded():
    assert formatting.number_rounded(25821.0) == "25.821"
    assert formatting.number_rounded(67.52809) == "67,528"
    assert formatting.number_rounded(699.725) == "699,725"
