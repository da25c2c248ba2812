from datetime import date

import pytest

from participatie.data import periods
from participatie.presentation.vocabulary import period as period_label


@pytest.mark.parametrize(
    "text, start, end, kind, label",
    [
        ("2017", date(2017, 1, 1), date(2017, 12, 31), "year", "2017"),
        ("2017-05", date(2017, 5, 1), date(2017, 5, 31), "month", "mei 2017"),
        ("2016-12-31", date(2016, 12, 31), date(2016, 12, 31), "moment", "eind 2016"),
        ("2018-03-31", date(2018, 3, 31), date(2018, 3, 31), "moment", "31 maart 2018"),
        ("2017-01/2017-05", date(2017, 1, 1), date(2017, 5, 31), "interval", "januari–mei 2017"),
        ("2018-01/2018-03", date(2018, 1, 1), date(2018, 3, 31), "interval", "eerste kwartaal 2018"),
        ("2015-07/2015-09", date(2015, 7, 1), date(2015, 9, 30), "interval", "derde kwartaal 2015"),
        ("2012/2016", date(2012, 1, 1), date(2016, 12, 31), "interval", "2012–2016"),
        ("2015-07/2016-09", date(2015, 7, 1), date(2016, 9, 30), "interval", "juli 2015 – september 2016"),
        ("2050/..", date(2050, 1, 1), None, "open", "vanaf 2050 (structureel)"),
    ],
)
def test_parse_and_label(text, start, end, kind, label):
    period = periods.parse(text)
    assert (period.start, period.end, period.kind, period_label(text)) == (start, end, kind, label)


def test_sort_date_is_end_or_start_when_open():
    assert periods.parse("2017").sort_date == date(2017, 12, 31)
    assert periods.parse("2048/..").sort_date == date(2048, 1, 1)


@pytest.mark.parametrize("text", ["2017-13", "2017-02-30", "eind 2017", "17", "2018/2017", "2017-1", ""])
def test_rejects_non_periods(text):
    with pytest.raises(ValueError, match="period"):
        periods.parse(text)
