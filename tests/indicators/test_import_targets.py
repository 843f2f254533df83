"""guanmo import-targets: amounts and growth rates per region, as the header and unit say."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.choices import Profile
from guanmo.indicators.models import IndicatorValue, Target
from guanmo.indicators.target_import import import_targets
from guanmo.reporting.models import ImportRecord
from tests.sheets.files import Drawn, to_xls, to_xlsx


def _targets_sheet(rows) -> Drawn:
    return Drawn(
        [
            ["2025年各县（市、区）主要指标目标任务"],
            [
                "县（市、区）",
                "固定资产投资增长（%）",
                "一般公共预算收入（万元）",
                "脱贫人口（万人）",
            ],
            *rows,
        ],
        name="目标",
    )


@pytest.mark.parametrize("write", [to_xlsx, to_xls])
def test_amount_and_growth_targets_are_kept_per_region(city, tmp_path, write):
    path = tmp_path / "目标.bin"
    path.write_bytes(
        write(_targets_sheet([["全市", 10, 1500000, 7.38], ["武陟县", "12.0", 21000, 0.9]]))
    )

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = {t.indicator.name: t for t in Target.objects.filter(region__name="武陟县")}
    assert wuzhi["固定资产投资"].growth == Decimal("12.0")
    assert wuzhi["固定资产投资"].amount is None
    assert wuzhi["一般公共预算收入"].amount == Decimal("2.1")  # 万元 → 亿元
    assert wuzhi["脱贫人口"].amount == Decimal("0.9")
    assert wuzhi["脱贫人口"].profile == Profile.EQUAL
    city_target = Target.objects.get(region=city, indicator__name="脱贫人口")
    assert city_target.amount == Decimal("7.38")
    assert report.created == 6
    assert ImportRecord.objects.get().kind == ImportRecord.Kind.TARGETS


def test_a_faulty_target_sheet_names_each_cell_and_keeps_nothing(city, tmp_path):
    path = tmp_path / "目标.xlsx"
    path.write_bytes(
        to_xlsx(_targets_sheet([["武陟县", "十", 21000.005, 0.9], ["火星县", 5, 1, 1]]))
    )

    report = import_targets(path, city=city, year=2025)

    assert [str(f) for f in report.faults] == [
        "第3行「固定资产投资增长（%）」：不是数字：十",
        "第3行「一般公共预算收入（万元）」：单元格C3所填21000.005万元换算为亿元超过6位小数，无法精确"
        "保存；请填到0.01万元为止（如21000.01）",
        "第4行「县（市、区）」：焦作市没有“火星县”这个单位；焦作市的单位为：解放区、中站区、马村区、"
        "山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区",
    ]
    assert not Target.objects.exists()


def test_the_command_refuses_a_negative_target(city, tmp_path):
    path = tmp_path / "目标.xlsx"
    path.write_bytes(to_xlsx(_targets_sheet([["温县", 8, 100, -1]])))

    with pytest.raises(CommandError, match="发现1处错误"):
        call_command("import-targets", str(path), "--year", "2025")
    assert not Target.objects.exists()


def _revenue_sheet(tmp_path, rows):
    """Tryout 14 T3: a one-row header, 一般公共预算收入 targets in 万元."""
    path = tmp_path / "目标.xlsx"
    path.write_bytes(to_xlsx(Drawn([["地区", "一般公共预算收入目标（万元）"], *rows])))
    return path


def _revenue_target(city, name, year, amount):
    return Target.objects.create(
        indicator=city.indicators.get(name="一般公共预算收入"),
        region=city.children.get(name=name) if name != city.name else city,
        year=year,
        amount=Decimal(amount),
    )


def test_a_target_a_power_of_ten_off_its_stored_one_is_refused_naming_the_cell(city, tmp_path):
    _revenue_target(city, "温县", 2025, "18.73")
    path = _revenue_sheet(tmp_path, [["武陟县", 210000], ["温县", 1.41]])
    report = import_targets(path, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第3行「一般公共预算收入目标（万元）」：单元格B3 0.000141亿元，与已存2025年目标"
        "18.73亿元相差约100000倍，疑为单位填错（表头写万元，数字像是亿元）；请核对单位后再导入"
    ]
    assert Target.objects.get(region__name="温县").amount == Decimal("18.73")
    assert not Target.objects.filter(region__name="武陟县").exists()


def test_a_target_a_power_of_ten_off_last_years_is_refused(city, tmp_path):
    _revenue_target(city, "温县", 2024, "17.5")
    report = import_targets(_revenue_sheet(tmp_path, [["温县", 1.41]]), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第2行「一般公共预算收入目标（万元）」：单元格B2 0.000141亿元，与2024年目标"
        "17.5亿元相差约100000倍，疑为单位填错（表头写万元，数字像是亿元）；请核对单位后再导入"
    ]
    assert not Target.objects.filter(year=2025).exists()


def test_a_target_a_power_of_ten_off_the_other_units_is_refused(city, tmp_path):
    rows = [["武陟县", 210000], ["温县", 1.41], ["孟州市", 160000], ["沁阳市", 150000]]
    report = import_targets(_revenue_sheet(tmp_path, rows), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第3行「一般公共预算收入目标（万元）」：单元格B3 0.000141亿元，与其他单位"
        "目标的中位数16亿元相差约100000倍，疑为单位填错（表头写万元，数字像是亿元）；请核对单位后再导入"
    ]
    assert not Target.objects.exists()


def _revenue_actual(city, name, year, month, value):
    return IndicatorValue.objects.create(
        indicator=city.indicators.get(name="一般公共预算收入"),
        region=city.children.get(name=name) if name != city.name else city,
        year=year,
        month=month,
        value=Decimal(value),
    )


def test_a_whole_column_typed_in_yi_under_a_wan_header_is_refused_against_last_years_actual(
    city, tmp_path
):
    """Tryout 18 S13: every figure of the column in 亿元 under （万元）, so the targets agree with
    one another; the region's actual of last year (1—12月) shows the slip."""
    _revenue_actual(city, "解放区", 2024, 12, "28.6")
    _revenue_actual(city, "解放区", 2024, 11, "0.02")
    path = _revenue_sheet(tmp_path, [["全市", 697], ["解放区", 30], ["温县", 25], ["孟州市", 20]])
    report = import_targets(path, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第3行「一般公共预算收入目标（万元）」：单元格B3 0.003亿元，与2024年1—12月实际28.6亿元"
        "相差约10000倍，疑为单位填错（表头写万元，数字像是亿元）；请核对单位后再导入"
    ]
    assert not Target.objects.exists()


def test_a_target_far_above_this_years_cumulative_is_refused_without_last_years_actual(
    city, tmp_path
):
    _revenue_actual(city, "温县", 2025, 3, "4.2")
    _revenue_actual(city, "温县", 2025, 6, "9.1")
    report = import_targets(_revenue_sheet(tmp_path, [["温县", 1900000000]]), city=city, year=2025)
    assert [str(fault) for fault in report.faults] == [
        "第2行「一般公共预算收入目标（万元）」：单元格B2 190000亿元，与2025年1—6月累计9.1亿元"
        "相差约10000倍，疑为单位填错（表头写万元，数字像是元）；请核对单位后再导入"
    ]
    assert not Target.objects.exists()


def test_a_target_near_the_regions_actual_is_kept(city, tmp_path):
    _revenue_actual(city, "温县", 2024, 12, "17.5")
    report = import_targets(_revenue_sheet(tmp_path, [["温县", 190000]]), city=city, year=2025)
    assert report.ok, [str(f) for f in report.faults]
    assert Target.objects.get(region__name="温县").amount == Decimal("19")


def test_targets_far_apart_but_within_a_power_of_ten_are_kept(city, tmp_path):
    _revenue_target(city, "温县", 2025, "18.73")
    rows = [["武陟县", 210000], ["温县", 30000], ["孟州市", 16000], ["沁阳市", 150000]]
    report = import_targets(_revenue_sheet(tmp_path, rows), city=city, year=2025)
    assert report.ok, [str(fault) for fault in report.faults]
    assert Target.objects.get(region__name="温县").amount == Decimal(3)


def test_a_unit_with_a_qualifier_in_brackets_is_read_as_the_catalogue_indicator(city, tmp_path):
    """Tryout 24 F3: 「赴京访批次（控制数，批）」 was said not to be in the catalogue and left
    unread; the qualifier 控制数 is dropped when matching."""
    path = tmp_path / "目标.xls"
    sheet = Drawn(
        [
            ["2025年各县（市、区）主要指标目标任务"],
            ["县（市、区）", "一般公共预算收入（万元）", "赴京访批次（控制数，批）"],
            ["武陟县", 21000, 3],
        ],
        name="目标",
    )
    path.write_bytes(to_xls(sheet))

    report = import_targets(path, city=city, year=2025)

    assert report.ok, [str(f) for f in report.faults]
    assert not [note for note in report.notes if "赴京访批次" in note]
    target = Target.objects.get(region__name="武陟县", indicator__name="赴京访批次")
    assert target.amount == Decimal(3)


def test_a_catalogue_indicators_column_left_unread_is_refused(city, tmp_path):
    """Tryout 24 F3: a column naming a catalogue indicator that cannot be matched is never
    dropped with a note only; the import stops naming the column."""
    path = tmp_path / "目标.xlsx"
    sheet = Drawn(
        [
            ["县（市、区）", "一般公共预算收入（万元）", "赴京访批次及人次（批）"],
            ["武陟县", 21000, 3],
        ],
        name="目标",
    )
    path.write_bytes(to_xlsx(sheet))

    report = import_targets(path, city=city, year=2025)

    assert [str(f) for f in report.faults if "赴京访批次" in str(f)], [
        str(f) for f in report.faults
    ]
    assert not Target.objects.exists()
