"""guanmo import-indicators: both layouts, units, totals, 位次, the national tree, every fault
named and all or nothing (issue 12, "Import as the statistics bureau sends it")."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from guanmo.indicators.models import Indicator, IndicatorValue, PeerGroup, ValueChange
from guanmo.indicators.services import (
    ValueInput,
    add_to_peer_group,
    install_city_peer_group,
    store_values,
)
from guanmo.indicators.sheet_import import import_indicators
from guanmo.regions.models import Region
from guanmo.regions.services import resolve_city
from guanmo.reporting.models import ImportRecord
from tests.indicators.sheets import JIAOZUO_UNITS, bulletin, jiaozuo_rows, write
from tests.sheets.files import Drawn


def _value(city, indicator: str, region: str, month: int = 6) -> IndicatorValue:
    return IndicatorValue.objects.get(
        indicator__city=city, indicator__name=indicator, region__name=region, year=2025, month=month
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_monthly_bulletin_is_stored_per_region_in_each_indicators_unit(city, tmp_path, suffix):
    install_city_peer_group(city)
    rows = [["全市", 1200.5, 1100, 9.1, None, 150000, 140000, 7.1], *jiaozuo_rows()]
    path = write(tmp_path, bulletin(rows), suffix)

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = _value(city, "固定资产投资", "武陟县")
    assert (wuzhi.value, wuzhi.reported_growth, wuzhi.reported_rank) == (
        Decimal("107"),
        Decimal("5"),
        7,
    )
    revenue = _value(city, "一般公共预算收入", "武陟县")
    assert revenue.value == Decimal("1.23456")  # 12345.6万元 in 亿元, exactly
    assert revenue.last_year_value == Decimal("1.1")
    total = _value(city, "固定资产投资", "焦作市")  # 全市, kept as reported
    assert (total.value, total.reported_growth) == (Decimal("1200.5"), Decimal("9.1"))
    assert report.created == 24
    assert any("以万元填报，已换算为亿元" in note for note in report.notes)
    assert not any(note.startswith("位次不符") for note in report.notes)
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.INDICATORS)
    assert wuzhi.import_record == record
    assert ValueChange.objects.filter(value=wuzhi, import_record=record).count() == 4
    columns = {use.header: use.field for use in report.columns}
    assert columns["固定资产投资（亿元）／增速（%）"] == "固定资产投资·同比增长（%）"
    assert columns["地区"] == "地区"
    assert columns["一般公共预算收入（万元）／绝对值"] == "一般公共预算收入·本期累计值"


def test_a_reported_rank_that_disagrees_is_reported_and_kept(city, tmp_path):
    install_city_peer_group(city)
    path = write(tmp_path, bulletin(jiaozuo_rows(disagreeing_rank=True)))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok
    assert (
        "位次不符：工作表「主要指标」第11行列E「固定资产投资（亿元）／位次」，“固定资产投资”武陟县"
        "报送第2位，按增速在“焦作市各县（市、区）”中计算为第7位" in (report.notes)
    )
    assert _value(city, "固定资产投资", "武陟县").reported_rank == 2


def test_ranks_are_not_checked_when_the_sheet_is_not_a_whole_group(city, tmp_path):
    install_city_peer_group(city)
    path = write(tmp_path, bulletin(jiaozuo_rows(disagreeing_rank=True)[:5]))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok
    assert not any(note.startswith("位次不符") for note in report.notes)
    assert any("不是一个完整的比较组，未核对" in note for note in report.notes)


def _province_sheet(rows):
    return Drawn(
        [
            ["2025年1—6月全省各省辖市固定资产投资"],
            ["省辖市", "1—6月累计（亿元）", "上年同期（亿元）", "增速（%）", "位次"],
            *rows,
        ],
        name="固定资产投资",
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_one_sheet_per_indicator_finds_regions_outside_the_city_in_the_national_tree(
    city, tmp_path, suffix
):
    path = write(
        tmp_path,
        _province_sheet(
            [
                ["全省", 20000, 18500, 8.1, None],
                ["郑州市", 3000, 2800, 7.1, 3],
                ["新乡", 900, 800, 12.5, 1],
                ["焦作市", 800, 730, 9.6, 2],
                ["济源市", 300, 290, 3.4, 5],
                ["山阳县", 100, 95, 5.3, 4],  # 商洛's, not 焦作's 山阳区
            ]
        ),
        suffix,
    )

    report = import_indicators(path, city=city, year=2025, month=6, group="全省18个省辖市")

    assert report.ok, [str(f) for f in report.faults]
    group = PeerGroup.objects.get(city=city, name="全省18个省辖市")
    assert group.short_name == "全省"
    assert sorted(group.members.values_list("name", flat=True)) == [
        "山阳县",
        "新乡市",
        "济源市",
        "焦作市",
        "郑州市",
    ]
    xinxiang = Region.objects.get(name="新乡市")
    assert xinxiang.parent.name == "河南省" and xinxiang.compared_only
    assert resolve_city() == city  # the cities kept to compare with are not served
    assert Region.objects.get(name="山阳县").parent.name == "商洛市"
    assert any("“新乡”按同表其他地区理解为河南省新乡市" in note for note in report.notes)
    assert _value(city, "固定资产投资", "河南省").value == Decimal("20000")
    assert _value(city, "固定资产投资", "焦作市").reported_rank == 2
    assert not any(note.startswith("位次不符") for note in report.notes)


def test_an_ambiguous_or_unknown_region_stops_the_import_naming_its_cell(city, tmp_path):
    path = write(
        tmp_path,
        _province_sheet(
            [["和平区", 10, 9, 11.1, 1], ["火星市", 8, 7, 14.3, 2], ["焦作市", 8, 7, 1, 3]]
        ),
    )

    report = import_indicators(path, city=city, year=2025, month=6, group="同类县")

    faults = [str(fault) for fault in report.faults]
    assert faults[0].startswith(
        "第3行「省辖市」：“和平区”有多个同名地区：天津市和平区、辽宁省沈阳市和平区"
    )
    assert faults[1].startswith(
        "第4行「省辖市」：全国行政区划中找不到“火星市”；焦作市的单位为：解放区"
    )
    assert not IndicatorValue.objects.exists()
    assert not PeerGroup.objects.filter(name="同类县").exists()


def test_every_faulty_cell_is_named_and_nothing_is_written(city, tmp_path):
    rows = jiaozuo_rows()
    rows[0][3] = "#VALUE!"  # 解放区's growth: an Excel error
    rows[1][1] = "=B5*2"  # 中站区's value: a formula saved without its result
    rows[2][5] = "一万"  # 马村区's revenue: not a number
    path = write(tmp_path, bulletin(rows))

    report = import_indicators(path, city=city, year=2025, month=6)

    faults = [str(fault) for fault in report.faults]
    assert faults[0] == "第5行「固定资产投资（亿元）／增速（%）」：单元格是错误值 #VALUE!，无法读取"
    assert (
        "第6行「固定资产投资（亿元）／1—6月累计」：单元格B6是公式，但文件中没有保存计算结果"
        in faults[1]
    )
    assert faults[2] == "第7行「一般公共预算收入（万元）／绝对值」：不是数字：一万"
    assert report.summary == "发现3处错误，未写入任何数据。"
    assert not IndicatorValue.objects.exists()
    assert not ImportRecord.objects.exists()


def test_a_period_in_the_header_or_title_that_is_not_the_months_stops_the_import(city, tmp_path):
    path = write(tmp_path, bulletin(jiaozuo_rows(), investment_value="1—5月累计"))

    report = import_indicators(path, city=city, year=2025, month=6)

    faults = [str(fault) for fault in report.faults]
    assert faults == ["第4行「固定资产投资（亿元）／1—5月累计」：表头写明1-5月，与导入的1-6月不符"]

    titled = write(tmp_path, bulletin(jiaozuo_rows(), title="2025年1—5月主要经济指标"))
    faults = [str(f) for f in import_indicators(titled, city=city, year=2025, month=6).faults]
    assert faults == ["第1行：标题「2025年1—5月主要经济指标」写明1-5月，与导入的1-6月不符"]
    assert not IndicatorValue.objects.exists()


def test_hidden_rows_are_left_out_and_listed(city, tmp_path):
    drawn = bulletin(jiaozuo_rows())
    drawn.hidden_rows = {8}  # 山阳区
    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert report.ok
    assert [str(row) for row in report.left_out] == ["第8行为隐藏行，未导入"]
    assert not IndicatorValue.objects.filter(region__name="山阳区").exists()


def test_a_unit_of_another_kind_is_refused(city, tmp_path):
    drawn = bulletin(jiaozuo_rows())
    drawn.rows[2][1] = "固定资产投资（万人）"

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert "以万人填报，指标“固定资产投资”的单位是亿元，无法换算" in str(report.faults[0])


def test_dry_run_counts_and_writes_nothing(city, tmp_path):
    report = import_indicators(
        write(tmp_path, bulletin(jiaozuo_rows())), city=city, year=2025, month=6, dry_run=True
    )

    assert report.ok and report.created == 22
    assert report.summary.startswith("检查通过（试运行，未写入）")
    assert not IndicatorValue.objects.exists()
    assert not ImportRecord.objects.exists()


def test_the_command_imports_and_stops_with_the_faults(city, tmp_path, capsys):
    path = write(tmp_path, bulletin(jiaozuo_rows()))
    call_command("import-indicators", str(path), "--year", "2025", "--month", "6")
    assert "导入完成：新增22条指标数值" in capsys.readouterr().out

    with pytest.raises(CommandError, match="发现2处错误"):
        call_command("import-indicators", str(path), "--year", "2025", "--month", "7")


def test_messy_numbers_are_read_exactly(city, tmp_path):
    rows = jiaozuo_rows()
    rows[6][1:5] = ["1,107.25", "１０００", "−3.2%", "第7位"]  # 武陟县

    report = import_indicators(write(tmp_path, bulletin(rows)), city=city, year=2025, month=6)

    assert report.ok, [str(f) for f in report.faults]
    wuzhi = _value(city, "固定资产投资", "武陟县")
    assert (wuzhi.value, wuzhi.last_year_value) == (Decimal("1107.25"), Decimal("1000"))
    assert (wuzhi.reported_growth, wuzhi.reported_rank) == (Decimal("-3.2"), 7)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        # 0.001万元 is 0.0000001亿元, below six decimals
        (0.001, "0.001换算为亿元后超过6位小数，无法精确保存"),
        # a unit typed in the cell of a 万元 column: refused, never read as 1.5万元 (issue 9 §3)
        ("1.5亿元", "不是数字：「1.5亿元」（本列单位为万元，格内只填数字）"),
    ],
)
def test_a_figure_that_would_need_rounding_or_names_its_own_unit_is_refused(
    city, tmp_path, typed, why
):
    rows = jiaozuo_rows()
    rows[0][5] = typed  # 解放区's revenue

    report = import_indicators(write(tmp_path, bulletin(rows)), city=city, year=2025, month=6)

    assert [str(fault) for fault in report.faults] == [
        f"第5行「一般公共预算收入（万元）／绝对值」：{why}"
    ]
    assert not IndicatorValue.objects.exists()


def test_a_quarterly_indicator_outside_a_quarters_end_is_refused(city, tmp_path):
    drawn = Drawn(
        [
            ["地区", "1—5月累计（亿元）", "增速（%）"],
            ["武陟县", 120.5, 8.1],
        ],
        name="地区生产总值",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=5)

    # tryout 18 (6b): named by sheet, row and column, the indicator's name said once
    assert report.fault_lines == [
        "工作表「地区生产总值」第1行列B「1—5月累计（亿元）」：“地区生产总值”是季度指标，"
        "只在3、6、9、12月有数，本次导入的是5月"
    ]
    assert not IndicatorValue.objects.exists()


def test_a_named_group_that_exists_gains_the_sheets_regions(city, tmp_path):
    xiuwu = city.children.get(name="修武县")
    add_to_peer_group(city, "同类县", [xiuwu], short_name="同类县")
    drawn = Drawn(
        [
            ["地区", "1—6月累计（亿元）", "增速（%）", "位次"],
            ["武陟县", 107, 5.0, 1],
            ["韩城市", 90, 6.0, 2],
        ],
        name="固定资产投资",
    )

    report = import_indicators(
        write(tmp_path, drawn), city=city, year=2025, month=6, group="同类县"
    )

    assert report.ok
    group = PeerGroup.objects.get(name="同类县")
    assert sorted(group.members.values_list("name", flat=True)) == ["修武县", "武陟县", "韩城市"]
    # 修武县 has no figure in the sheet: the group is not whole, so 位次 is kept unchecked
    assert any("不是一个完整的比较组，未核对" in note for note in report.notes)
    assert _value(city, "固定资产投资", "韩城市").reported_rank == 2


def test_a_sheets_last_year_differing_from_the_stored_same_period_is_said_with_both(city, tmp_path):
    # tryout 17: a sheet's 上年同期 93.63 beside a stored 2024年1—6月 of 95.8 was used silently.
    # The report names the cell, both figures and which the growth is taken from.
    install_city_peer_group(city)
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    wuzhi = Region.objects.get(parent=city, name="武陟县")
    store_values(investment, 2024, 6, [ValueInput(wuzhi, Decimal("95.8"))], source="", user=None)
    rows = jiaozuo_rows()
    at = next(i for i, row in enumerate(rows) if row[0] == "武陟县")
    rows[at][2] = "93.63"
    same = next(row for row in rows if row[0] == "温县")
    wenxian = Region.objects.get(parent=city, name="温县")
    store_values(investment, 2024, 6, [ValueInput(wenxian, Decimal(same[2]))], source="", user=None)
    path = write(tmp_path, bulletin(rows))

    report = import_indicators(path, city=city, year=2025, month=6)

    assert report.ok
    said = [note for note in report.notes if "上年同期" in note and "不一致" in note]
    assert said == [
        "工作表「主要指标」第11行“武陟县”C11：“固定资产投资”上年同期93.63与已存2024年1—6月"
        "数值95.8不一致；增速取表中报送的5.0%，上年同期按表中93.63保存"
    ]
    rows[at][3] = None  # without a reported growth, the sheet's 上年同期 gives it
    report = import_indicators(write(tmp_path, bulletin(rows)), city=city, year=2025, month=6)
    assert [note for note in report.notes if "不一致" in note] == [
        "工作表「主要指标」第11行“武陟县”C11：“固定资产投资”上年同期93.63与已存2024年1—6月"
        "数值95.8不一致；增速按表中上年同期93.63计算"
    ]


def test_every_fault_of_a_sheet_is_reported_in_one_run_with_the_citys_units(city, tmp_path):
    # tryout 17: a mistyped 温县 cell was refused first, with a false note that 温县's row had
    # no figure; the unknown 武陟县产业集聚区 only on a second run, without the city's units.
    install_city_peer_group(city)
    rows = [[name, 10 + at, None, None, None] for at, name in enumerate(JIAOZUO_UNITS)]
    rows[6][0] = "武陟县产业集聚区"
    rows[7][1] = "2,9.18"
    drawn = Drawn(
        [
            ["2025年1—12月各县（市、区）进出口总额"],
            ["单位：亿元"],
            ["县区", "1—12月", "上年同期", "增速（%）", "位次"],
            *rows,
        ],
        name="进出口总额",
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=12)

    faults = [str(fault) for fault in report.faults]
    assert any("2,9.18" in fault and "第11行" in fault for fault in faults), faults
    unknown = next(fault for fault in faults if "武陟县产业集聚区" in fault)
    assert "焦作市的单位为：解放区、中站区" in unknown  # the city's units listed
    assert not any("没有任何数值" in note and "温县" in note for note in report.notes)
    assert not IndicatorValue.objects.exists()


def test_a_cumulative_amount_that_falls_is_refused_naming_its_cell(city, tmp_path):
    # tryout 21 (11): 修武县 赴京访批次 1—5月2批, then 1—6月0批 was kept without a word.
    petitions = Indicator.objects.get(city=city, name="赴京访批次")
    xiuwu = city.children.get(name="修武县")
    store_values(petitions, 2025, 5, [ValueInput(xiuwu, Decimal(2))], source="", user=None)
    drawn = Drawn([["地区", "1—6月累计（批）"], ["修武县", 0], ["武陟县", 3]], name="赴京访批次")

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert [str(fault) for fault in report.faults] == [
        "第2行「赴京访批次」：单元格B2修武县1—6月累计0批，少于已存的1—5月累计2批：累计数不会减少，"
        "请核对（如是前月数有误，请先更正1—5月的数）"
    ]
    assert not IndicatorValue.objects.filter(month=6).exists()


def test_a_ratio_may_fall(city, tmp_path):
    high_tech = Indicator.objects.get(city=city, name="高新技术产业增加值占比")
    xiuwu = city.children.get(name="修武县")
    store_values(high_tech, 2025, 5, [ValueInput(xiuwu, Decimal(40))], source="", user=None)
    drawn = Drawn([["地区", "1—6月（%）"], ["修武县", 38]], name="高新技术产业增加值占比")

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=6)

    assert report.ok


def test_a_quarterly_indicators_blank_columns_in_may_are_left_out_with_a_note(city, tmp_path):
    # tryout 21 (12): the monthly template keeps GDP's columns, empty in May; the import stopped.
    drawn = Drawn(
        [
            ["地区", "地区生产总值（亿元）", None, "一般公共预算收入（亿元）", None],
            [None, "绝对值", "增速（%）", "1—5月", "上年同期"],
            ["修武县", None, None, 8.5, 8.0],
            ["武陟县", None, None, 12.1, 11.0],
        ],
        name="主要指标",
        merged=[(1, 1, 1, 2), (1, 3, 1, 4)],
    )

    report = import_indicators(write(tmp_path, drawn), city=city, year=2025, month=5)

    assert report.ok, report.faults
    assert any(
        note.startswith("工作表「")
        and note.endswith("“地区生产总值”是季度指标，5月不报，表中其各列均为空，已略过")
        for note in report.notes
    ), report.notes
    assert IndicatorValue.objects.filter(indicator__name="一般公共预算收入", month=5).count() == 2
