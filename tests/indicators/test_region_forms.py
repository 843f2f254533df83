"""Regions as provincial and city tables write them, read by the one naming rule and said in
the report: 济源示范区 is 济源市, 焦作高新区 the zone 高新区 of 焦作市 (issue 9 §7, tryout 11)."""

from decimal import Decimal

from guanmo.indicators.models import IndicatorValue, Target
from guanmo.indicators.sheet_import import import_indicators
from guanmo.indicators.target_import import import_targets
from guanmo.regions.models import Region
from tests.indicators.sheets import write
from tests.sheets.files import Drawn


def test_jiyuan_written_as_a_demonstration_zone_is_stored_as_jiyuan_city(city, tmp_path):
    drawn = Drawn(
        [
            ["2025年1—6月全省各省辖市主要经济指标"],
            ["地区", "固定资产投资增速（%）", "位次"],
            ["郑州", 5.1, 2],
            ["焦作", 9.8, 1],
            ["济源示范区", -1.0, 3],
        ],
        name="省辖市",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    jiyuan = Region.objects.get(name="济源市")
    value = IndicatorValue.objects.get(region=jiyuan, indicator__name="固定资产投资")
    assert value.reported_growth == Decimal("-1")
    assert "工作表「省辖市」第5行“济源示范区”按城市名加示范区识别为河南省济源市" in report.notes


def test_a_zone_named_after_its_city_takes_its_target_and_says_so(city, tmp_path):
    city.children.create(name="焦作高新技术产业开发区", code="410800-Z02", kind=Region.Kind.ZONE)
    drawn = Drawn(
        [["县区", "固定资产投资增长（%）"], ["焦作高新区", 9], ["焦作示范区", 8]], name="目标"
    )

    report = import_targets(write(tmp_path, drawn), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    target = Target.objects.get(region__name="焦作高新技术产业开发区", year=2025)
    assert target.growth == Decimal(9)
    assert Target.objects.get(region__name="城乡一体化示范区").growth == Decimal(8)
    assert "工作表「目标」第2行“焦作高新区”按所属城市名加园区简称识别为焦作高新技术产业开发区" in (
        report.notes
    )
