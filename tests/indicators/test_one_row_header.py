"""A one-row header naming indicator and measure together (固定资产投资增速（%）, 地区生产总值
（亿元）, 规上工业增加值增速 with 位次 beside), as provincial and city tables are typed (issue 9,
tryout 11 D; issue 12, "Import as the statistics bureau sends it")."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.services import install_city_peer_group
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import JIAOZUO_UNITS, write
from tests.sheets.files import Drawn

PROVINCE = ("郑州市", "开封市", "洛阳市", "焦作市", "新乡市", "济源市")


def _value(city, indicator: str, region: str) -> IndicatorValue:
    return IndicatorValue.objects.get(
        indicator__city=city, indicator__name=indicator, region__name=region, year=2025, month=6
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_a_growth_header_naming_its_indicator_is_read_with_the_rank_beside_it(
    city, tmp_path, suffix
):
    growths = (5.1, 6.2, 7.3, 9.8, 8.7, -1.0)
    ranks = (5, 4, 3, 1, 2, 6)
    drawn = Drawn(
        [
            ["2025年1—6月全省各省辖市主要经济指标"],
            ["地区", "固定资产投资增速（%）", "位次"],
            ["全  省", 4.5, None],
            *(
                [name[:-1], growth, rank]
                for name, growth, rank in zip(PROVINCE, growths, ranks, strict=True)
            ),
        ],
        name="省辖市",
    )

    report = import_indicators(
        write(tmp_path, drawn, suffix), city=city, year=2025, month=6, group="全省18个省辖市"
    )

    assert report.ok, [str(f) for f in report.faults]
    jiaozuo = _value(city, "固定资产投资", "焦作市")
    assert (jiaozuo.reported_growth, jiaozuo.reported_rank, jiaozuo.value) == (
        Decimal("9.8"),
        1,
        None,
    )
    assert _value(city, "固定资产投资", "济源市").reported_growth == Decimal("-1")
    columns = {use.header: use.field for use in report.columns}
    assert columns == {
        "地区": "地区",
        "固定资产投资增速（%）": "固定资产投资·同比增长（%）",
        "位次": "固定资产投资·位次",
    }


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_several_indicators_named_in_one_header_row_each_take_their_measure(city, tmp_path, suffix):
    install_city_peer_group(city)
    rows = [
        [name, 100 + place, 8.0 - place / 2, place, 12.0 - place, 20 - place, 50 + place, 45]
        for place, name in enumerate(JIAOZUO_UNITS, start=1)
    ]
    drawn = Drawn(
        [
            ["2025年1—6月各县（市、区）主要经济指标"],
            [
                "县（市、区）",
                "地区生产总值（亿元）",
                "地区生产总值增长（%）",
                "位次",
                "一般公共预算收入增长（%）",
                "规上工业增加值增速",
                "固定资产投资绝对值（亿元）",
                "固定资产投资上年同期（亿元）",
            ],
            *rows,
        ],
        name="主要指标",
    )

    report = import_indicators(write(tmp_path, drawn, suffix), city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = JIAOZUO_UNITS.index("武陟县") + 1
    gdp = _value(city, "地区生产总值", "武陟县")
    assert (gdp.value, gdp.reported_growth, gdp.reported_rank) == (
        Decimal(100 + wuzhi),
        Decimal("8.0") - Decimal(wuzhi) / 2,
        wuzhi,
    )
    assert _value(city, "一般公共预算收入", "武陟县").reported_growth == Decimal(12 - wuzhi)
    assert _value(city, "规模以上工业增加值", "武陟县").reported_growth == Decimal(20 - wuzhi)
    investment = _value(city, "固定资产投资", "武陟县")
    assert (investment.value, investment.last_year_value) == (Decimal(50 + wuzhi), Decimal(45))
    columns = {use.header: use.field for use in report.columns}
    assert columns["位次"] == "地区生产总值·位次"
    assert columns["规上工业增加值增速"] == "规模以上工业增加值·同比增长（%）"
    assert columns["固定资产投资上年同期（亿元）"] == "固定资产投资·上年同期值"
