"""Columns as offices name them, and the ones the user names (issue 9 §2): case C01's detail
sheet, --map on the command line, mappings remembered per city, and the report that says how
every column was read."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from guanmo.ledger.columns import Field, parse_mapping
from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.reporting.models import ColumnMapping, FigureChange, ImportRecord
from tests.ledger.sheets import xlsx
from tests.ledger.test_commands import run
from tests.sheets.case_files import case_file
from tests.sheets.files import Drawn, to_xls


@pytest.mark.parametrize("file", ["项目明细表.xlsx", "项目明细表.xls"])
def test_c01_detail_sheet_imports_with_its_own_words(city, file):
    report = import_ledger(case_file("C01", file), city=city, year=2025)
    assert report.faults == []
    assert (report.created, report.rows_read, report.file) == (3, 3, file)
    first = Project.objects.get(name="武陟县年产10万吨高端铝合金型材项目")
    assert first.county.name == "武陟县"  # from 区域
    assert (first.start_year, first.end_year) == (2024, 2026)  # 建设起止时间 24.3-26.12
    assert first.leader_in_charge == "县委常委 赵某"  # 挂钩领导
    assert first.responsible_unit == "武陟县发改委"  # 挂钩责任单位 / 单位名称
    assert first.owner == "焦作铝邦型材有限公司"  # 项目业主单位 / 业主名称
    plans = dict(AnnualPlan.objects.values_list("project__name", "planned_investment"))
    assert sorted(plans.values()) == [Decimal(2700), Decimal(8000), Decimal(30000)]
    shown = [str(use) for use in report.columns]
    assert "所在县区 ← 区域（示例：武陟县）" in shown
    assert "年度计划投资 ← 2025年计划投资（万元）（示例：30000万元，单位：万元）" in shown
    assert "（未读取）← 项目业主单位／电话及传真（未识别）" in shown


@pytest.mark.parametrize(
    "file", ["项目明细表_区域改为所在县区.xlsx", "项目明细表_区域起止挂钩改名.xlsx"]
)
def test_c01_renamed_variants_give_the_same_projects(city, file):
    report = import_ledger(case_file("C01", file), city=city, year=2025)
    assert report.faults == []
    assert Project.objects.filter(county__name="武陟县").count() == 2
    assert Project.objects.get(name="温县怀药深加工及冷链物流园").leader_in_charge == "副县长 钱某"


def test_other_office_words_of_another_layout(city):
    sheet = xlsx(
        [
            [
                "县（市、区）",
                "项目名称",
                "主要规模和内容",
                "项目工期",
                "当年计划投资",
                "总投资",
                "联系领导",
            ],
            ["温县", "丙项目", "新建厂房", "2025-2027", 800, 9000, "王某"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert report.faults == []
    project = Project.objects.get()
    assert (project.county.name, project.scope, project.end_year) == ("温县", "新建厂房", 2027)
    assert project.leader_in_charge == "王某"
    assert AnnualPlan.objects.get().planned_investment == 800


def unknown_sheet():
    return xlsx(
        [
            ["项目名称", "片区", "总投资", "年度盘子", "联系电话"],
            ["丁项目", "孟州市", 5000, 1200, "0391-1234567"],
        ]
    )


def test_an_unknown_column_is_read_as_the_field_the_user_names(city):
    refused = import_ledger(unknown_sheet(), city=city, year=2025)
    assert [str(fault) for fault in refused.faults] == [
        "第1行「所在县区」：表头中没有这一列（或「建设地点」），"
        "第2行的县区也无法从标题行、工作表名、表头标题或项目代码得知"
    ]
    assert [use.header for use in refused.unknown_columns] == ["片区", "年度盘子", "联系电话"]

    mapping = parse_mapping(["片区=所在县区", "年度盘子=年度计划投资", "联系电话=忽略"])
    report = import_ledger(unknown_sheet(), city=city, year=2025, mapping=mapping)
    assert report.faults == []
    assert Project.objects.get().county.name == "孟州市"
    assert AnnualPlan.objects.get().planned_investment == 1200
    assert "年度计划投资 ← 年度盘子（示例：1200万元，单位：万元（未写明，默认），用户指定）" in [
        str(use) for use in report.columns
    ]
    assert "（未读取）← 联系电话（用户指定忽略）" in [str(use) for use in report.columns]


def test_a_citys_mapping_is_remembered_for_its_next_import(city):
    mapping = parse_mapping(["片区=所在县区", "年度盘子=计划投资"])
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=mapping)
    assert set(ColumnMapping.objects.values_list("header", "field")) == {
        ("片区", "所在县区"),
        ("年度盘子", "年度计划投资"),
    }
    again = import_ledger(unknown_sheet(), city=city, year=2026)
    assert again.faults == []
    assert AnnualPlan.objects.get(year=2026).planned_investment == 1200


def test_a_dry_run_remembers_nothing(city):
    mapping = parse_mapping(["片区=所在县区"])
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=mapping, dry_run=True)
    assert not ColumnMapping.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("片区", "「片区」应写成“Excel列名=字段”，如“区域=所在县区”"),
        ("片区=地址簿", "「片区=地址簿」中的“地址簿”不是可导入的字段"),
    ],
)
def test_a_bad_mapping_is_explained(typed, message):
    with pytest.raises(ValueError, match=message):
        parse_mapping([typed])


def test_a_mapping_may_name_a_field_by_any_of_its_words():
    assert parse_mapping(["A列=挂钩领导", "B列=忽略"]) == {
        "A列": Field.LEADER_IN_CHARGE,
        "B列": None,
    }


def test_import_ledger_map_option_and_dry_run_print_the_column_map(city, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(unknown_sheet().getvalue())
    out, _ = run(
        "import-ledger",
        str(path),
        "--year",
        "2025",
        "--dry-run",
        "--map",
        "片区=所在县区",
        "--map",
        "联系电话=忽略",
    )
    lines = out.splitlines()
    assert lines[:3] == [
        "文件：台账.xlsx",
        "读取工作表：Sheet1；读取1行",
        "新增1个项目，更新0个项目，无变化0个项目",
    ]
    assert "  所在县区 ← 片区（示例：孟州市，用户指定）" in lines
    assert "  总投资 ← 总投资（示例：5000万元，单位：万元（未写明，默认））" in lines
    assert "  （未读取）← 年度盘子（未识别）" in lines
    assert lines[-1] == "检查通过（试运行，未写入）：将新增1个项目，更新0个项目。"
    assert not Project.objects.exists()


def test_a_failed_import_still_prints_the_column_map(city, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(unknown_sheet().getvalue())
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import-ledger", str(path), "--year", "2025", stderr=err)
    assert "  （未读取）← 片区（未识别）" in err.getvalue().splitlines()


def test_import_progress_map_option(city, tmp_path):
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=parse_mapping(["片区=县区"]))
    path = tmp_path / "进度.xlsx"
    path.write_bytes(
        xlsx([["项目名称", "片区", "截至本期完成"], ["丁项目", "孟州市", 300]]).getvalue()
    )
    out, _ = run(
        "import-progress",
        str(path),
        "--year",
        "2025",
        "--month",
        "1",
        "--map",
        "截至本期完成=累计完成投资",
    )
    assert (
        "  累计完成投资 ← 截至本期完成（示例：300万元，单位：万元（未写明，默认），用户指定）"
        in out.splitlines()
    )
    assert MonthlyProgress.objects.get().cumulative_completed == 300


def test_the_report_is_kept_and_the_changes_point_to_it(city):
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=parse_mapping(["片区=县区"]))
    sheet = xlsx(  # the same header: the remembered 片区=县区 applies
        [
            ["项目名称", "片区", "总投资", "年度盘子", "联系电话"],
            ["丁项目", "孟州市", 6000, 1200, "0391-1234567"],
        ]
    )
    sheet.name = "台账6月.xlsx"
    report = import_ledger(sheet, city=city, year=2025)
    assert report.updated == 1
    record = ImportRecord.objects.get(file_name="台账6月.xlsx")
    assert record.kind == ImportRecord.Kind.LEDGER
    assert record.report["updated"] == 1
    assert "总投资 ← 总投资（示例：6000万元，单位：万元（未写明，默认））" in record.text
    change = FigureChange.objects.get(field="总投资（万元）")
    assert (change.old_value, change.new_value, change.import_record) == ("5000", "6000", record)
    assert change.reason == "导入《台账6月.xlsx》"


def test_a_progress_import_is_recorded_with_its_counts(city):
    import_ledger(unknown_sheet(), city=city, year=2025, mapping=parse_mapping(["片区=县区"]))
    sheet = xlsx([["项目名称", "片区", "累计完成投资"], ["丁项目", "孟州市", 300]])
    import_progress(sheet, city=city, year=2025, month=1)
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.PROGRESS)
    assert (record.report["created"], record.report["rows_read"]) == (1, 1)
    assert FigureChange.objects.filter(import_record=record).count() == 2


def test_c14_typed_figures_are_read_in_the_unit_each_cell_or_column_gives(city):
    report = import_ledger(case_file("C14", "a_"), city=city, year=2025)
    totals = dict(Project.objects.values_list("name", "total_investment"))
    plans = dict(AnnualPlan.objects.values_list("project__name", "planned_investment"))
    assert report.faults == []
    expected = {
        "温县项目一 空格分隔": (3500, 1200),
        "温县项目二 千分位": (13500, 4000),
        "温县项目三 全角数字": (3500, 1200),
        "温县项目四 亿写在格内": (12000, 3000),
        "温县项目五 不换行空格": (3500, 900),
        "温县项目六 万元写在格内": (2800, 2800),
    }
    assert {name: (totals[name], plans[name]) for name in expected} == expected
    units = {use.header: use.unit for use in report.columns if use.unit}
    assert units == {"总投资（万元）": "万元", "年度计划投资（万元）": "万元"}
    assert "（未读取）← （期望）（未识别）" in [str(use) for use in report.columns]


def test_a_hidden_plan_column_of_an_xls_file_is_never_this_years_plan(city, tmp_path):
    # Last year's plan column, hidden and headed only 年度计划投资, stood before this year's.
    path = tmp_path / "台账.xls"
    path.write_bytes(
        to_xls(
            Drawn(
                [
                    ["项目名称", "所在县区", "总投资", "年度计划投资", "2025年计划投资"],
                    ["甲项目", "武陟县", 50000, 9000, 12000],
                ],
                hidden_columns={3},
            )
        )
    )
    report = import_ledger(path, city=city, year=2025)
    assert report.faults == []
    assert AnnualPlan.objects.get().planned_investment == 12000
    assert "工作表「台账」「年度计划投资」所在的D列为隐藏列，未读取" in report.notes


def test_a_construction_column_shows_its_cells_text_as_the_sample(city):
    # Tryout: the map showed 建设性质's sample as "StageOrNature(stage=", a Python repr.
    report = import_ledger(
        xlsx(
            [
                ["项目名称", "所在县区", "建设性质", "总投资", "2025年计划投资"],
                ["武陟县智算中心", "武陟县", "续建", 50000, 20000],
            ]
        ),
        city=city,
        year=2025,
        dry_run=True,
    )
    shown = [str(use) for use in report.columns]
    assert [use for use in shown if use.endswith("← 建设性质（示例：续建）")], shown
    assert not [use for use in shown if "StageOrNature" in use]


def test_the_sample_project_code_is_shown_whole_and_a_long_name_bounded(city):
    """Tryout 11: the map showed 2024-410823-48-01-12, a code that does not exist."""
    name = "武陟县年产十万吨新能源电池正极材料及配套产业园建设项目"
    report = import_ledger(
        xlsx(
            [
                ["项目名称", "项目代码", "所在县区", "总投资", "2025年计划投资"],
                [name, "2024-410823-48-01-123456", "武陟县", 50000, 2000],
            ]
        ),
        city=city,
        year=2025,
        dry_run=True,
    )
    assert report.faults == []
    shown = [str(use) for use in report.columns]
    assert "项目代码 ← 项目代码（示例：2024-410823-48-01-123456）" in shown
    assert f"项目名称 ← 项目名称（示例：{name[:20]}）" in shown
