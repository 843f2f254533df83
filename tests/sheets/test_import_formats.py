"""Ledgers in every format an office sends import the same projects, or say exactly why not.

The C09 and C10 cases come from ../shared/cases/sheets; each kind also has a sheet of another
layout built here (title, units line in 亿元, a merged two-row header, hidden and struck rows).
"""

import struct
from decimal import Decimal
from io import BytesIO

import pytest
import xlwt
from openpyxl import Workbook

from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from guanmo.ledger.services.ledger_import import LEDGER_SHEET
from guanmo.sheets.workbook import read_workbook
from tests.sheets.case_files import case_file
from tests.sheets.files import WRITERS, Drawn, to_csv, to_xlsx

YEAR = 2025


def figures(city) -> dict[str, tuple[Decimal, Decimal | None]]:
    """Each project's 总投资 and 2025 plan, by name."""
    return {
        project.name: (
            project.total_investment,
            project.annual_plans.filter(year=YEAR)
            .values_list("planned_investment", flat=True)
            .first(),
        )
        for project in Project.objects.filter(city=city)
    }


C10_FIGURES = {
    "博爱县智能装备产业园": (Decimal(38000), Decimal(12000)),
    "温县怀药深加工及冷链物流园": (Decimal(32000), Decimal(8000)),
}


@pytest.mark.parametrize("prefix", ["a_", "b_", "c_", "d_", "e_", "f_", "g_"])
def test_every_c10_file_format_imports_its_two_projects(city, prefix):
    report = import_ledger(case_file("C10", prefix), city=city, year=YEAR)
    assert report.faults == []
    assert report.created == 2
    assert figures(city) == C10_FIGURES


def test_c09_formulas_with_saved_values_import_their_values(city):
    report = import_ledger(case_file("C09", "b_"), city=city, year=YEAR)
    assert report.ok, report.faults
    assert figures(city) == {
        "沁阳市年产20万吨特种纸项目": (Decimal(120000), Decimal(40000)),
        "孟州市皮毛产业园污水处理厂": (Decimal(18000), Decimal(6000)),
        "博爱县太行山文旅康养项目": (Decimal(56000), Decimal(12000)),
    }


def test_c09_formulas_without_saved_values_stop_the_import_naming_every_cell(city):
    report = import_ledger(case_file("C09", "a_"), city=city, year=YEAR)
    assert not report.ok
    named = [fault.message.split("是公式")[0] for fault in report.faults]
    # 总投资 (D) and 年度计划投资 (H) of the three projects, and every SUM of the 合计 row 6.
    assert named == [
        f"单元格{cell}"
        for cell in ["D3", "H3", "D4", "H4", "D5", "H5"] + [f"{column}6" for column in "DEFGHIJKL"]
    ]
    assert "请用 Excel 或 WPS 打开、保存后再导入" in report.faults[0].message
    assert not Project.objects.filter(city=city).exists()


def test_c09_formulas_without_saved_values_never_overwrite_stored_figures(city):
    import_ledger(case_file("C09", "b_"), city=city, year=YEAR)
    before = figures(city)
    report = import_ledger(case_file("C09", "a_"), city=city, year=YEAR)
    assert not report.ok
    assert figures(city) == before


def test_a_formula_without_value_in_another_layout_is_named_with_its_sheet(city):
    # openpyxl writes a formula and no value, as any program does.
    drawn = Drawn(
        name="温县",
        rows=[
            ["项目名称", "所在县区", "年度计划投资", "总投资"],
            ["温县食品产业园", "温县", 3000, "=C2*4"],
        ],
    )
    report = import_ledger(BytesIO(to_xlsx(drawn)), city=city, year=YEAR)
    assert [(fault.sheet, fault.message[:9]) for fault in report.faults] == [
        ("温县", "单元格D2是公式，")
    ]


# A ledger as a county sends it: title, units in 亿元, a merged two-row header, a row hidden
# (a project moved to another list) and a row struck through (a project taken off).
LAYOUT = Drawn(
    rows=[
        ["2025年市重点项目台账", None, None, None, None],
        [None, None, None, None, "单位：亿元"],
        ["序号", "项目名称", "县（市、区）", "投资情况", None],
        [None, None, None, "总投资", "2025年计划投资"],
        [1, "武陟县智能装备产业园", "武陟县", 3.8, 1.25],
        [2, "温县怀药深加工及冷链物流园", "温县", 3.2, 0.8],
        [3, "已调整出库的项目", "温县", 1, 0.5],
        [4, "博爱县新材料产业园", "博爱县", 0.5, 0.2],
    ],
    hidden_rows={6},
    struck_rows={7},
    merged=[(1, 0, 1, 4), (3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 4, 2), (3, 3, 3, 4)],
)
LAYOUT_FIGURES = {
    "武陟县智能装备产业园": (Decimal(38000), Decimal(12500)),
    "博爱县新材料产业园": (Decimal(5000), Decimal(2000)),
}


@pytest.mark.parametrize("extension", sorted(WRITERS))
def test_hidden_and_struck_rows_are_left_out_and_listed_in_every_format(city, extension):
    report = import_ledger(BytesIO(WRITERS[extension](LAYOUT)), city=city, year=YEAR)
    assert report.faults == []
    assert figures(city) == LAYOUT_FIGURES
    assert [str(row) for row in report.left_out] == [
        "第6行为隐藏行，未导入",
        "第7行为删除线，未导入",
    ]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_csv_ledgers_in_utf8_and_gbk_import_the_same_figures(city, encoding):
    drawn = Drawn(
        rows=[
            ["2025年重点项目台账（单位：万元）"],
            ["项目名称", "所在县区", "总投资", "年度计划投资"],
            ["武陟县智能装备产业园", "武陟县", "38,000", "12000"],
            ["温县怀药深加工及冷链物流园", "温县", "32000.5", "8000"],
        ]
    )
    report = import_ledger(BytesIO(to_csv(drawn, encoding)), city=city, year=YEAR)
    assert report.faults == []
    assert figures(city) == {
        "武陟县智能装备产业园": (Decimal(38000), Decimal(12000)),
        "温县怀药深加工及冷链物流园": (Decimal("32000.5"), Decimal(8000)),
    }


def test_a_hidden_column_is_known_and_its_figures_are_not_read(city):
    drawn = Drawn(
        rows=[
            ["项目名称", "所在县区", "总投资", "年度计划投资"],
            ["武陟县智能装备产业园", "武陟县", 38000, 12000],
        ],
        hidden_columns={3},
    )
    reading = read_workbook(BytesIO(to_xlsx(drawn)), LEDGER_SHEET)
    assert reading.hidden_columns == {"台账": frozenset({3})}
    assert reading.tables[0].rows[0].values == {
        Field.NAME: "武陟县智能装备产业园",
        Field.COUNTY: "武陟县",
        Field.TOTAL_INVESTMENT: Decimal(38000),
    }


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_hidden_revised_plan_column_is_not_read_and_said_so_in_every_format(city, suffix):
    """Tryout 7 Q11: a hidden 调整后年度计划 column beside the plan means the same in every
    format: not read, and the report says so (README said hidden columns were read)."""
    drawn = Drawn(
        rows=[
            ["项目名称", "所在县区", "总投资", "年度计划投资", "调整后年度计划"],
            ["武陟县智能装备产业园", "武陟县", 38000, 12000, 13000],
        ],
        hidden_columns={4},
    )
    report = import_ledger(BytesIO(WRITERS[suffix](drawn)), city=city, year=YEAR)
    assert report.faults == []
    assert figures(city) == {"武陟县智能装备产业园": (Decimal(38000), Decimal(12000))}
    assert "工作表「台账」「调整后年度计划」所在的E列为隐藏列，未读取" in report.notes
    assert "（未读取）← 调整后年度计划（隐藏列）" in [str(use) for use in report.columns]


def test_a_hidden_worksheet_is_not_imported_and_is_noted(city):
    workbook = Workbook()
    visible = workbook.active
    visible.title = "2025年"
    visible.append(["项目名称", "所在县区", "总投资"])
    visible.append(["武陟县智能装备产业园", "武陟县", 38000])
    hidden = workbook.create_sheet("2024年")
    hidden.append(["项目名称", "所在县区", "总投资"])
    hidden.append(["温县旧项目", "温县", 100])
    hidden.sheet_state = "hidden"
    file = BytesIO()
    workbook.save(file)
    report = import_ledger(file, city=city, year=YEAR)
    assert report.faults == []
    assert set(figures(city)) == {"武陟县智能装备产业园"}
    assert "工作表「2024年」是隐藏的工作表，未导入" in report.notes


# xlwt writes a formula's result field as an empty text (bytes 0 and 6-7: 03 … FF FF) with no
# value, as programs that write .xls do; Excel writes the value computed (a number's 8 bytes).
XLWT_NO_VALUE = b"\x03\x00\x00\x00\x00\x00\xff\xff"


def xls_with_formulas(saved: list[float] | None = None) -> bytes:
    """A .xls ledger whose 总投资 is =F+G on each row (xlwt); `saved` writes, in order, the value
    each formula would have been saved with by Excel, else they are saved without a value."""
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("台账")
    header = [
        "项目名称",
        "所在县区",
        "建设性质",
        "总投资（万元）",
        "年度计划投资",
        "中央资金",
        "自筹",
    ]
    for column, title in enumerate(header):
        sheet.write(0, column, title)
    rows = [("武陟县数字农业示范园", 3000, 5000, 1000), ("温县食品产业园", 1200, 800, 600)]
    for number, (name, central, own, plan) in enumerate(rows, start=1):
        for column, value in enumerate([name, name[: name.index("县") + 1], "续建"]):
            sheet.write(number, column, value)
        sheet.write(number, 3, xlwt.Formula(f"F{number + 1}+G{number + 1}"))
        sheet.write(number, 4, plan)
        sheet.write(number, 5, central)
        sheet.write(number, 6, own)
    file = BytesIO()
    workbook.save(file)
    data = file.getvalue()
    for value in saved or []:
        data = data.replace(XLWT_NO_VALUE, struct.pack("<d", value), 1)
    return data


def test_an_xls_formula_saved_without_value_stops_the_import_naming_the_cell(city):
    report = import_ledger(BytesIO(xls_with_formulas()), city=city, year=YEAR)
    assert [(fault.sheet, fault.message[:21]) for fault in report.faults] == [
        ("台账", "单元格D2是公式，但文件中没有保存计算结果"),
        ("台账", "单元格D3是公式，但文件中没有保存计算结果"),
    ]
    assert not Project.objects.filter(city=city).exists()


def test_an_xls_formula_saved_with_its_value_reads_as_that_value(city):
    report = import_ledger(BytesIO(xls_with_formulas([8000, 2000])), city=city, year=YEAR)
    assert report.ok, report.faults
    assert figures(city) == {
        "武陟县数字农业示范园": (Decimal(8000), Decimal(1000)),
        "温县食品产业园": (Decimal(2000), Decimal(600)),
    }


def test_an_xls_formula_without_value_never_overwrites_a_stored_figure(city):
    import_ledger(BytesIO(xls_with_formulas([8000, 2000])), city=city, year=YEAR)
    before = figures(city)
    report = import_ledger(BytesIO(xls_with_formulas()), city=city, year=YEAR)
    assert not report.ok
    assert figures(city) == before
