"""A quarterly indicator's rank change compares with the previous quarter, and says so:
较上季度, not 较上月, in the report's sentences, the dashboard warnings and the pages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.indicators.models import Indicator
from guanmo.indicators.report import build_report
from guanmo.indicators.services import install_city_peer_group
from guanmo.indicators.warnings import falling_warnings, report_warnings
from guanmo.regions.services import units_of
from tests.indicators.pages import store_growths
from tests.indicators.test_warnings import line

JUNE = {p: Decimal(12 - p) for p in range(1, 12)}  # 武陟县 (7th) grows 5.0: 7th in June
MARCH = {**JUNE, 7: Decimal("0.5")}  # and 0.5 in March: 11th, so it moved up 4 places


@pytest.fixture
def gdp(city):
    """地区生产总值 (quarterly) of 焦作's eleven units for March and June 2025; 武陟县 rises
    from 11th to 7th while 解放区 … keep their order."""
    install_city_peer_group(city)
    units = units_of(city)
    indicator = Indicator.objects.get(city=city, name="地区生产总值")
    store_growths(indicator, units, 3, MARCH)
    store_growths(indicator, units, 6, JUNE)
    return indicator


def test_a_quarterly_indicators_move_is_against_the_previous_quarter(city, gdp):
    report = build_report(city, 2025, 6, region="武陟县")
    said = [
        s
        for s in report.sentences
        if "地区生产总值" in s and "增速居全市第7位，较上季度前移4位。" in s
    ]
    assert len(said) == 1
    assert not any("较上月" in sentence for sentence in report.sentences)


def test_a_monthly_indicators_move_is_still_against_the_previous_month(city, gdp):
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    units = units_of(city)
    store_growths(investment, units, 5, MARCH)
    store_growths(investment, units, 6, JUNE)
    report = build_report(city, 2025, 6, region="武陟县")
    said = [
        s
        for s in report.sentences
        if "固定资产投资" in s and "增速居全市第7位，较上月前移4位。" in s
    ]
    assert len(said) == 1


def test_a_fall_of_a_quarterly_indicator_is_warned_against_the_previous_quarter(city, gdp):
    store_growths(gdp, units_of(city), 6, {**JUNE, 7: Decimal("0.1")})  # 武陟县 falls to 11th...
    store_growths(gdp, units_of(city), 3, JUNE)  # ...from 7th in March
    warnings = report_warnings(build_report(city, 2025, 6), Decimal(10))
    assert [w.message for w in warnings] == [
        "武陟县地区生产总值增速居全市第11位，较上季度后移4位。"
    ]


def test_the_falling_warning_names_the_period_it_compares_with():
    (warning,) = falling_warnings("地区生产总值", "全市", [line("武陟县", 10, -3)], since="上季度")
    assert warning.message == "武陟县地区生产总值增速居全市第10位，较上季度后移3位。"


def test_the_county_page_says_the_previous_quarter(client, world, gdp):
    client.force_login(world.users["wuzhi"])
    body = client.get(reverse("county_places") + "?year=2025&month=6").content.decode()
    assert "地区生产总值完成107.0亿元，同比增长5.0%，增速居全市第7位，较上季度前移4位。" in body
    assert "较上月" not in body
