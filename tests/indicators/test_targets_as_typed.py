"""Targets as the city office types them (issue 12, "Targets and their breakdown"; tryout 11 E):
an ordinary 万元 figure for an indicator in 亿元 is kept exactly and broken down to its own grain;
a figure finer than can be kept is refused naming the cell and how to type it; 全市 and 合计
rows giving one region's target are one target when they agree, refused naming both when not."""

from decimal import Decimal

from guanmo.indicators.models import Target
from guanmo.indicators.selectors import breakdown_of
from guanmo.indicators.target_import import import_targets
from tests.indicators.sheets import JIAOZUO_UNITS, write
from tests.sheets.files import Drawn


def _sheet(rows, header=("县区", "一般公共预算收入目标（万元）", "社会消费品零售总额（亿元）")):
    return Drawn([["2025年各县（市、区）主要经济指标目标"], list(header), *rows], name="目标")


def test_a_target_in_wan_yuan_is_kept_exactly_and_broken_down_to_its_grain(city, tmp_path):
    report = import_targets(write(tmp_path, _sheet([["中站区", 112345, 51]])), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    target = Target.objects.get(region__name="中站区", indicator__name="一般公共预算收入")
    assert target.amount == Decimal("11.2345")
    nodes = breakdown_of(target)
    assert nodes is not None
    assert sum(nodes.months) == Decimal("11.2345")
    assert all(month == month.quantize(Decimal("0.0001")) for month in nodes.months)


def test_a_target_finer_than_can_be_kept_is_refused_naming_the_cell_and_how_to_type_it(
    city, tmp_path
):
    report = import_targets(
        write(tmp_path, _sheet([["中站区", 112345.005, 51]])), city=city, year=2025
    )

    assert [str(fault) for fault in report.faults] == [
        "第3行「一般公共预算收入目标（万元）」：单元格B3所填112345.005万元换算为亿元超过6位小数，"
        "无法精确保存；请填到0.01万元为止（如112345.01）"
    ]
    assert not Target.objects.exists()


def _city_and_total(city_figure: int) -> Drawn:
    rows = [[name, 100 + place, 50] for place, name in enumerate(JIAOZUO_UNITS)]
    total = sum(100 + place for place in range(len(JIAOZUO_UNITS)))
    return _sheet(
        [["全市", total * 10, city_figure], *rows, ["合计", total, 50 * len(JIAOZUO_UNITS)]]
    )


def test_a_city_row_and_a_total_row_that_disagree_are_refused_naming_both_rows(city, tmp_path):
    report = import_targets(write(tmp_path, _city_and_total(900)), city=city, year=2025)

    said = [str(fault) for fault in report.faults]
    assert (
        "第15行「社会消费品零售总额（亿元）」：焦作市“社会消费品零售总额”目标在第3行“全市”（900亿元）"
        "和第15行“合计”（550亿元）不一致；请核对后只保留一行" in said
    )
    assert not Target.objects.exists()


def test_a_city_row_and_a_total_row_that_agree_keep_one_target_with_a_note(city, tmp_path):
    drawn = _city_and_total(550)
    drawn.rows[2][1] = drawn.rows[-1][1]  # 全市 equal to 合计 in both columns

    report = import_targets(write(tmp_path, drawn), city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert Target.objects.get(region=city, indicator__name="社会消费品零售总额").amount == 550
    assert (
        "工作表「目标」第15行“合计”的「社会消费品零售总额（亿元）」与第3行“全市”相同（550亿元），"
        "按第3行保存" in report.notes
    )
