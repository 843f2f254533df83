"""A targets sheet's 全市, 合计 and 小计 rows follow the indicators' one rule (indicators.totals,
issue 9 §4): 全市 is the city's target, a 合计 only when it covers every unit, a 小计 never a
region; amounts are checked against the units' sum."""

from decimal import Decimal

from guanmo.indicators.models import Target
from guanmo.indicators.target_import import import_targets
from tests.indicators.sheets import JIAOZUO_UNITS
from tests.sheets.files import Drawn, to_xlsx


def _write(tmp_path, rows) -> object:
    path = tmp_path / "目标.xlsx"
    drawn = Drawn(
        [
            ["2025年各县（市、区）主要指标目标任务"],
            ["县（市、区）", "固定资产投资增长（%）", "脱贫人口（万人）"],
            *rows,
        ],
        name="目标",
    )
    path.write_bytes(to_xlsx(drawn))
    return path


def _city_target(city) -> Target | None:
    return Target.objects.filter(region=city, indicator__name="脱贫人口").first()


def test_a_subtotal_row_is_left_out_and_its_units_are_kept(city, tmp_path):
    rows = [["解放区", 10, "0.5"], ["中站区", 9, "0.25"], ["城区小计", 9.5, "0.75"], ["温县", 8, 1]]

    report = import_targets(_write(tmp_path, rows), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert [(each.row, each.reason) for each in report.left_out] == [(5, "小计行")]
    assert Target.objects.filter(indicator__name="脱贫人口").count() == 3
    assert _city_target(city) is None


def test_a_total_of_some_units_is_never_the_citys_target(city, tmp_path):
    rows = [["解放区", 10, "0.5"], ["中站区", 9, "0.25"], ["温县", 8, 1], ["合计", 9, "1.75"]]

    report = import_targets(_write(tmp_path, rows), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_target(city) is None
    assert not Target.objects.filter(region=city).exists()
    assert "工作表「目标」第6行“合计”：合计行只含本表所列3个地区，未作为全市数据" in report.notes


def test_a_total_over_every_unit_is_the_citys_target_checked_against_their_sum(city, tmp_path):
    rows = [[name, 10, 1] for name in JIAOZUO_UNITS] + [["合计", 10, 12]]

    report = import_targets(_write(tmp_path, rows), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_target(city).amount == Decimal("12")
    assert "工作表「目标」第14行“合计”含全市全部11个地区，作为全市数据保存" in report.notes
    assert (
        "工作表「目标」第14行“合计”“脱贫人口”（单元格C14）12万人，各地区之和11万人，按报送数保存"
        in report.notes
    )
    growth = Target.objects.get(region=city, indicator__name="固定资产投资")
    assert growth.growth == Decimal("10")
    assert (
        "工作表「目标」第14行“合计”“固定资产投资”（单元格B14）增速10%不能由各地区数相加核对，"
        "按表中所报作为焦作市数据保存" in report.notes
    )


def test_the_city_row_is_its_target_whatever_the_sheet_lists(city, tmp_path):
    rows = [["全市", 10, "7.38"], ["温县", 8, 1]]

    report = import_targets(_write(tmp_path, rows), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert _city_target(city).amount == Decimal("7.38")
    assert not any("各地区之和" in note for note in report.notes)
