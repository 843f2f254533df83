"""A column whose header, group header or sheet name says a growth is a growth, never an amount;
a row's region is found by its name or known short name only (issue 9, tryout 8)."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.services import install_indicator_catalogue
from guanmo.indicators.sheet_import import import_indicators
from guanmo.regions.services import init_city
from tests.indicators.sheets import write
from tests.sheets.files import Drawn

_UNITS = ("武陟县", "温县", "孟州市")


def _value(city, region: str) -> IndicatorValue:
    return IndicatorValue.objects.get(
        indicator__city=city,
        indicator__name="固定资产投资",
        region__name=region,
        year=2025,
        month=10,
    )


def test_a_growth_group_header_over_months_makes_the_months_the_growth(city, tmp_path):
    """I16: 「固定资产投资增速（%）」 merged over 「1—10月 | 位次」 beside the amount's group."""
    drawn = Drawn(
        [
            ["2025年1—10月各县（市、区）主要指标"],
            ["地区", "固定资产投资（亿元）", "固定资产投资增速（%）", None],
            [None, "1—10月", "1—10月", "位次"],
            ["武陟县", 112.9, 7.2, 2],
            ["孟州市", 148.1, -1.2, 9],
        ],
        name="主要指标",
        merged=[(2, 0, 3, 0), (2, 2, 2, 3)],
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    mengzhou = _value(city, "孟州市")
    assert (mengzhou.value, mengzhou.reported_growth, mengzhou.reported_rank) == (
        Decimal("148.1"),
        Decimal("-1.2"),
        9,
    )
    columns = {use.header: use.field for use in report.columns}
    assert columns["固定资产投资增速（%）／1—10月"] == "固定资产投资·同比增长（%）"


def test_a_sheet_named_for_a_growth_holds_growths(city, tmp_path):
    """I17: sheet 「固定资产投资增速」 with 「地区 | 1—10月(%) | 位次」 gives no amounts."""
    drawn = Drawn(
        [["地区", "1—10月(%)", "位次"], ["武陟县", 7.2, 2], ["温县", 8.0, 1]],
        name="固定资产投资增速",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = _value(city, "武陟县")
    assert (wuzhi.value, wuzhi.reported_growth) == (None, Decimal("7.2"))


def test_a_header_saying_growth_and_an_amount_unit_is_refused_naming_it(city, tmp_path):
    drawn = Drawn(
        [["地区", "固定资产投资（亿元）"], [None, "增速（亿元）"], ["武陟县", 7.2]],
        name="主要指标",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=10)

    assert [str(f) for f in report.faults] == [
        "第2行「固定资产投资（亿元）／增速（亿元）」：“增速（亿元）”既写增速又写单位亿元，"
        "无法确定是增速还是数额；请将增速和数额分列填写，增速列注明（%）"
    ]
    assert not IndicatorValue.objects.exists()


@pytest.fixture
def zoned_city(db):
    city = init_city("410800", zones=["城乡一体化示范区", "焦作高新技术产业开发区"])
    install_indicator_catalogue(city)
    return city


def test_zones_short_names_find_the_citys_zones(zoned_city, tmp_path):
    """I07: 示范区 and 高新区 are the city's zones, not unknown places of the national tree."""
    drawn = Drawn(
        [["地区", "1—10月（亿元）", "增速（%）"], ["示范区", 29.8, 15.5], ["高新区", 26.7, 2.2]],
        name="固定资产投资",
    )

    report = import_indicators(write(tmp_path, drawn), city=zoned_city, year=2025, month=10)

    assert report.ok, [str(f) for f in report.faults]
    assert _value(zoned_city, "焦作高新技术产业开发区").value == Decimal("26.7")
    assert _value(zoned_city, "城乡一体化示范区").reported_growth == Decimal("15.5")
    assert [note for note in report.notes if "简称" in note] == [
        "工作表「固定资产投资」第2行“示范区”按简称识别为城乡一体化示范区",
        "工作表「固定资产投资」第3行“高新区”按简称识别为焦作高新技术产业开发区",
    ]
