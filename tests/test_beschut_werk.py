
import pandas as pd
import pytest
from helpers import assert_house_chart, set_value

from participatie import beschut_werk as bw
from participatie import chapter, charts


@pytest.fixture(scope="module")
def hoofdstuk():
    return chapter.open_chapter("beschut_werk")


def test_advices_per_period_sets_extrapolations_apart(hoofdstuk):
    frame = bw.advices_per_period(hoofdstuk.figures)
    realised = frame.loc[frame["soort"] == "gerealiseerd"].set_index("periode")["adviezen"]
    assert realised.to_dict() == {"2015": 116, "2016": 388, "2017": 1650, "1e kwartaal 2018": 490}
    assert frame.loc[frame["soort"] != "gerealiseerd", "adviezen"].tolist() == [1442, 1960]


def test_extrapolation_error(hoofdstuk):
    assert bw.extrapolation_error(hoofdstuk.figures) == pytest.approx(100 * (1650 / 1442 - 1))


def test_assessments_by_applicant_recomputes_the_weighted_total(hoofdstuk):
    table = bw.assessments_by_applicant(hoofdstuk.figures).set_index(["category", "period"])
    total = table.loc[("totaal", "2017-01/2017-05")]
    assert (total["beoordelingen"], total["positief"], total["aandeel_gedrukt"]) == (890, 601, 71)
    assert total["aandeel_herberekend"] == pytest.approx(67.53, abs=0.01)


def test_unweighted_total_share_explains_the_printed_71(hoofdstuk):
    assert bw.unweighted_total_share(hoofdstuk.figures) == 71


def test_citizen_assessments_by_month(hoofdstuk):
    frame = bw.citizen_assessments_by_month(hoofdstuk.figures)
    assert frame["maand"].tolist() == ["januari 2017", "maart 2017", "mei 2017"]
    assert frame["beoordelingen"].tolist() == [12, 144, 179]


def test_working_vs_advised_keeps_both_end_2016_figures(hoofdstuk):
    frame = bw.working_vs_advised(hoofdstuk.figures)
    end_2016 = frame.loc[frame["datum"] == "2016-12-31"]
    assert end_2016["werkend"].tolist() == [200, 313] and end_2016["laatste_opgave"].tolist() == [False, True]
    assert end_2016["positief_geadviseerd"].iloc[0] == 116 + 388 and end_2016["geadviseerd_berekend"].all()
    march = frame.loc[frame["datum"] == "2018-03-31"].iloc[0]
    assert march["aandeel_werkend"] == pytest.approx(100 * 1465 / 2644)


def test_fill_rate_by_hours_gives_the_letters_37(hoofdstuk):
    rates = bw.fill_rate(hoofdstuk.figures).set_index("maatstaf")["vervulling"]
    assert rates["personen"] == pytest.approx(100 * 1184 / 2600)
    assert rates["uren"] == pytest.approx(100 * 1184 * 25 / (2600 * 31))
    assert round(rates["uren"]) == rates["gedrukt in de brief"] == 37


def test_regeling_vs_working(hoofdstuk):
    frame = bw.regeling_vs_working(hoofdstuk.figures)
    assert frame["aantal"].tolist() == [2600, 1184, 4600, 1465]
    assert frame["reeks"].nunique() == 2


def test_key_figures_are_dutch_text(hoofdstuk):
    texts = bw.key_figures(hoofdstuk.figures)
    assert texts["bw_adv_2017"] == "1.650" and texts["bw_fill_hours"] == "36,7%"
    assert texts["bw_share_total_weighted"] == "67,5%" and texts["bw_work_2016_april"] == "200"
    assert all(isinstance(v, str) and v for v in texts.values())


def test_checks_registered_for_the_theme(hoofdstuk):
    verdicts = hoofdstuk.checks().set_index("id")["verdict"]
    assert verdicts["bw-aandeel-positief-totaal-2017"] == "afwijking"
    assert (verdicts.drop("bw-aandeel-positief-totaal-2017") != "afwijking").all()
    assert len(verdicts) >= 15


@pytest.mark.parametrize("make_chart", [bw.chart_advices, bw.chart_assessments, bw.chart_citizen_months,
                                        bw.chart_working_vs_advised, bw.chart_regeling])
def test_charts_have_title_description_source_and_table(hoofdstuk, make_chart):
    assert_house_chart(make_chart(hoofdstuk))


def test_tables(hoofdstuk):
    fill = bw.fill_rate_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "36,7" in fill and "45,5" in fill
    money = bw.money_table(hoofdstuk)._repr_mimebundle_()["text/plain"]
    assert "9,8" in money and "100" in money


def test_analyses_follow_changed_data(data_copy):
    match = {"indicator": "working_sheltered_workplace", "period": "2017-12-31"}
    assert set_value(data_copy / "beschut_werk.csv", match, "1300") == 2  # both letters' copies
    changed = chapter.open_chapter("beschut_werk", data_copy)
    rates = bw.fill_rate(changed.figures).set_index("maatstaf")["vervulling"]
    assert rates["personen"] == pytest.approx(100 * 1300 / 2600)
    verdicts = changed.checks().set_index("id")["verdict"]
    assert verdicts["bw-vervulling-regeling-2017"] == "afwijking"
