"""guanmo import-park-figures: a park's own figures of a period read through the ledger's sheet
reading, a blank cell never stored as 0 nor overwriting, every fault named by sheet, row and
column with nothing written, every change kept with the import's record (issue 14, "Parks")."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from guanmo.attraction.models import ParkFigures, ParkFiguresChange
from guanmo.attraction.park_import import import_park_figures
from guanmo.regions.services import init_city
from guanmo.reporting.models import ImportRecord
from tests.sheets.files import Drawn, to_xlsx

HEADER = [
    "序号",
    "园区名称",
    "主营业务收入（亿元）",
    "其中主导产业收入（亿元）",
    "主导产业占比目标（%）",
    "规上企业（家）",
    "高新技术企业（家）",
    "公共服务平台（个）",
    "从业人员（人）",
    "规划面积（平方公里）",
    "建成面积（公顷）",
]
TITLE = "2025年1—6月产业集聚区主要指标"


def _write(tmp_path, rows, header=HEADER, title=TITLE, name="园区指标.xlsx"):
    path = tmp_path / name
    path.write_bytes(to_xlsx(Drawn([[title], header, *rows], name="园区")))
    return path


def _messages(report) -> list[str]:
    return [report.describe(fault) for fault in report.faults]


ROWS = [
    [1, "城乡一体化示范区", 150, 89.4, 70, 86, 41, 6, 23500, 30, 1850],
    [2, "武陟产业集聚区", 98.5, None, None, 57, 12, None, 15800, 22.5, None],
]


def test_figures_are_stored_in_their_units_for_the_titles_period(city, tmp_path):
    report = import_park_figures(_write(tmp_path, ROWS), city=city, year=2025)

    assert report.ok, _messages(report)
    assert (report.created, report.updated) == (2, 0)
    demo = ParkFigures.objects.get(park__name="城乡一体化示范区")
    assert (demo.year, demo.month) == (2025, 6)
    assert demo.revenue == Decimal("1500000")  # 150 亿元 in 万元
    assert demo.leading_revenue == Decimal("894000")
    assert demo.leading_share_target == Decimal("70")
    assert (demo.enterprises_above_size, demo.high_tech_enterprises) == (86, 41)
    assert (demo.service_platforms, demo.employees) == (6, 23500)
    assert (demo.planned_area, demo.built_area) == (Decimal("30"), Decimal("18.5"))
    wuzhi = ParkFigures.objects.get(park__name="武陟产业集聚区")
    assert (wuzhi.leading_revenue, wuzhi.service_platforms, wuzhi.built_area) == (None,) * 3
    assert "园区主要指标按2025年1—6月读取" in report.notes


def test_a_blank_cell_keeps_the_stored_figure_and_a_change_is_kept_with_its_import(city, tmp_path):
    import_park_figures(_write(tmp_path, ROWS), city=city, year=2025)
    again = [[1, "城乡一体化示范区", 152, None, None, 86, None, None, None, None, None]]

    report = import_park_figures(_write(tmp_path, again, name="更正.xlsx"), city=city, year=2025)

    assert report.ok, _messages(report)
    assert (report.created, report.updated) == (0, 1)
    demo = ParkFigures.objects.get(park__name="城乡一体化示范区")
    assert demo.revenue == Decimal("1520000")
    assert demo.leading_revenue == Decimal("894000")  # blank: kept, never 0
    assert demo.high_tech_enterprises == 41
    change = ParkFiguresChange.objects.get(figures=demo)
    assert (change.field, change.old_value, change.new_value) == (
        "主营业务收入（万元）",
        "1500000",
        "1520000",
    )
    assert change.reason == "导入《更正.xlsx》"
    assert change.import_record.kind == ImportRecord.Kind.PARK_FIGURES
    assert change.import_record.pk == report.record_id
    assert "新增0个园区的本期数据，更新1个园区的本期数据" in change.import_record.text


def test_every_fault_is_named_and_nothing_is_written(city, tmp_path):
    rows = [
        [1, "城乡一体化示范区", 150, 160, 120, 86.5, 41, 6, -3, 30, 1850],
        [2, "高新区", 98.5, None, None, 57, 12, None, 15800, 22.5, None],
        [3, "武陟产业集聚区", 98.5, None, None, 57, 12, None, 15800, 22.5, None],
        [4, "武陟产业集聚区", 98.5, None, None, 57, 12, None, 15800, 22.5, None],
    ]

    report = import_park_figures(_write(tmp_path, rows), city=city, year=2025)

    assert _messages(report) == [
        "工作表「园区」第3行「规上企业（家）」：应为整数，而不是86.5",
        "工作表「园区」第3行「从业人员（人）」：不能为负数",
        "工作表「园区」第3行「主导产业占比目标（%）」：占比目标是百分数，不能超过100",
        "工作表「园区」第3行「其中主导产业收入」：1600000万元超过主营业务收入1500000万元",
        "工作表「园区」第4行「园区」：“高新区”不是本市的园区（本市的园区：城乡一体化示范区、"
        "武陟产业集聚区；与县区并列的园区请先用 guanmo init-city 410800 --zone 高新区 添加）",
        "工作表「园区」第6行「园区」：与第5行是同一园区；每个园区只能填一行",
    ]
    assert not ParkFigures.objects.exists()
    assert not ImportRecord.objects.exists()


def test_an_area_without_its_unit_and_a_period_nobody_states_are_refused(city, tmp_path):
    header = [*HEADER[:9], "规划面积", "建成面积（平方公里）"]

    report = import_park_figures(
        _write(tmp_path, ROWS, header=header, title="产业集聚区主要指标"), city=city, year=2025
    )

    assert _messages(report) == [
        "工作表「园区」第2行：未写明数字截至哪个月；请在标题写明（如“2025年1—6月园区主要指标”）"
        "或导入时用 --month 指定",
        "工作表「园区」第2行「规划面积」：面积未写明单位；请在表头写明平方公里、公顷或亩，"
        "如“规划面积（平方公里）”",
    ]
    assert not ParkFigures.objects.exists()


def test_a_month_given_against_the_titles_is_refused(city, tmp_path):
    report = import_park_figures(_write(tmp_path, ROWS), city=city, year=2025, month=9)

    assert _messages(report) == ["工作表「园区」第2行：标题写的是截至6月，与导入时指定的9月不一致"]


def test_an_area_in_mu_that_is_not_exact_in_square_kilometres_is_refused(city, tmp_path):
    header = [*HEADER[:9], "规划面积（亩）", "建成面积（公顷）"]
    blank = [None] * 6
    rows = [
        [1, "城乡一体化示范区", 150, *blank, 100, None],
        [2, "武陟产业集聚区", 98.5, *blank, 45000, None],
    ]

    report = import_park_figures(_write(tmp_path, rows, header=header), city=city, year=2025)

    assert _messages(report) == [
        "工作表「园区」第3行「规划面积（亩）」：100折合0.066667…平方公里，超过4位小数；请改填平方公里"
    ]
    rows.pop(0)
    report = import_park_figures(_write(tmp_path, rows, header=header), city=city, year=2025)
    assert report.ok, _messages(report)
    assert ParkFigures.objects.get().planned_area == Decimal(30)  # 45000 亩


def test_the_command_checks_with_dry_run_then_loads(city, tmp_path, capsys):
    path = _write(tmp_path, ROWS, title="产业集聚区主要指标")

    call_command("import-park-figures", str(path), "--year", "2025", "--month", "9", "--dry-run")
    assert not ParkFigures.objects.exists()
    assert "检查通过（试运行，未写入）：将新增2个园区的本期数据" in capsys.readouterr().out
    call_command("import-park-figures", str(path), "--year", "2025", "--month", "9")
    assert ParkFigures.objects.filter(year=2025, month=9).count() == 2
    with pytest.raises(CommandError, match="月份应在1到12之间"):
        call_command("import-park-figures", str(path), "--year", "2025", "--month", "13")


def test_people_in_wan_and_areas_in_square_kilometres_or_a_units_line_are_converted(city, tmp_path):
    header = ["园区名称", "从业人员（万人）", "规划面积（平方千米）", "建成面积"]
    sheet = [
        [TITLE],
        [None, None, None, "面积单位：公顷"],
        header,
        ["城乡一体化示范区", 2.3456, 58.6, 3215],
    ]
    path = tmp_path / "园区.xlsx"
    path.write_bytes(to_xlsx(Drawn(sheet, name="指标")))

    report = import_park_figures(path, city=city, year=2025)

    assert report.ok, _messages(report)
    demo = ParkFigures.objects.get(park__name="城乡一体化示范区")
    assert demo.employees == 23456
    assert (demo.planned_area, demo.built_area) == (Decimal("58.6"), Decimal("32.15"))
    said = " ".join(report.notes)
    assert "以万人填报，已换算为人" in said and "以公顷填报，已换算为平方公里" in said


def test_a_park_named_by_its_alias_is_found(db, tmp_path):
    city = init_city("410800", zones=["城乡一体化示范区", "焦作高新技术产业开发区"])
    rows = [["示范区", 150, None, None, 86, None, None, None, None, None],
            ["高新区", 98.5, None, None, 57, None, None, None, None, None]]  # fmt: skip

    report = import_park_figures(_write(tmp_path, rows, HEADER[1:]), city=city, year=2025)

    assert report.ok, _messages(report)
    assert ParkFigures.objects.get(park__name="焦作高新技术产业开发区").enterprises_above_size == 57


def test_an_area_in_hectares_is_said_converted_and_the_count_is_of_figures(city, tmp_path):
    """Tryout 22: 建成面积（公顷） converted with no note; 「新增1个园区」 for an existing park."""
    report = import_park_figures(_write(tmp_path, ROWS), city=city, year=2025)

    assert report.ok, _messages(report)
    assert "工作表「园区」建成面积（公顷）已换算为平方公里（1公顷=0.01平方公里）" in report.notes, (
        report.notes
    )
    assert "新增2个园区的本期数据" in "\n".join(report.lines())
