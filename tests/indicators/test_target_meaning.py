"""import-targets: a growth target is one whatever words say it, a region is named by its own
names only, and a target given twice names its two columns (issue 9, tryout 8)."""

from decimal import Decimal

import pytest

from guanmo.indicators.models import Target
from guanmo.indicators.services import install_indicator_catalogue
from guanmo.indicators.target_import import import_targets
from guanmo.regions.services import init_city
from tests.sheets.files import Drawn, to_xlsx


@pytest.fixture
def zoned_city(db):
    city = init_city("410800", zones=["城乡一体化示范区", "焦作高新技术产业开发区"])
    install_indicator_catalogue(city)
    return city


def _import(city, tmp_path, rows, name="目标"):
    path = tmp_path / "目标.xlsx"
    path.write_bytes(to_xlsx(Drawn(rows, name=name)))
    return import_targets(path, city=city, year=2025)


def test_a_growth_target_without_a_percent_sign_is_a_growth(zoned_city, tmp_path):
    """T02: 「规上工业增加值增速目标」 and 「固定资产投资增长目标」 are growths, not 8亿元."""
    report = _import(
        zoned_city,
        tmp_path,
        [["县（市、区）", "规上工业增加值增速目标", "固定资产投资增长目标"], ["温县", 8, 11]],
    )

    assert report.ok, [str(f) for f in report.faults]
    wen = {t.indicator.name: t for t in Target.objects.filter(region__name="温县")}
    assert (wen["规模以上工业增加值"].growth, wen["规模以上工业增加值"].amount) == (
        Decimal(8),
        None,
    )
    assert (wen["固定资产投资"].growth, wen["固定资产投资"].amount) == (Decimal(11), None)


def test_a_park_row_is_not_taken_for_its_county(zoned_city, tmp_path):
    """T07: 「武陟县产业集聚区」 is no unit of the city, not 武陟县."""
    report = _import(
        zoned_city,
        tmp_path,
        [["县（市、区）", "固定资产投资增长（%）"], ["温县", 9], ["武陟县产业集聚区", 12]],
    )

    faults = [str(f) for f in report.faults]
    assert len(faults) == 1
    assert faults[0].startswith(
        "第3行「县（市、区）」：焦作市没有“武陟县产业集聚区”这个单位；焦作市的单位为：解放区、"
    )
    assert faults[0].endswith("城乡一体化示范区、焦作高新技术产业开发区")
    assert not Target.objects.exists()


def test_zones_short_names_find_the_citys_zones(zoned_city, tmp_path):
    """T06: 示范区 and 高新区."""
    report = _import(
        zoned_city,
        tmp_path,
        [["县（市、区）", "固定资产投资增长（%）"], ["示范区", 15], ["高新区", 6]],
    )

    assert report.ok, [str(f) for f in report.faults]
    growths = dict(Target.objects.values_list("region__name", "growth"))
    assert growths == {"城乡一体化示范区": Decimal(15), "焦作高新技术产业开发区": Decimal(6)}
    assert [note for note in report.notes if "简称" in note] == [
        "工作表「目标」第2行“示范区”按简称识别为城乡一体化示范区",
        "工作表「目标」第3行“高新区”按简称识别为焦作高新技术产业开发区",
    ]


def test_an_amount_and_a_growth_target_of_one_indicator_keep_the_ranked_one(zoned_city, tmp_path):
    """T04, as tryout 18 (4) decided: one target per region and indicator (an amount or a
    growth), so of the two the one the indicator is ranked by is kept (一般公共预算收入 按增速)
    and the other is said by its cell, not stored; no longer 「目标填写了两次」."""
    report = _import(
        zoned_city,
        tmp_path,
        [
            ["县（市、区）", "一般公共预算收入（亿元）", "一般公共预算收入增长（%）"],
            ["解放区", 8.8, 6],
        ],
    )

    assert report.ok, [str(f) for f in report.faults]
    assert [note for note in report.notes if "同时填写了" in note] == [
        "工作表「目标」第2行列B「一般公共预算收入（亿元）」：解放区“一般公共预算收入”同时填写了"
        "数额目标8.8亿元和增速目标6%；每个指标每年只保存一个目标，本指标按增速排名，保存增速目标"
        "6%（工作表「目标」第2行列C「一般公共预算收入增长（%）」），数额目标未保存；"
        "没有2024年1—12月实际数，未核对两者是否相符"
    ]
    assert list(Target.objects.values_list("amount", "growth")) == [(None, Decimal(6))]
