"""Bad ledger sheets: one message per fault, naming row and column, and nothing written."""

from decimal import Decimal

import pytest

from guanmo.ledger.models import KeyListEntry, Project
from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import ledger_xlsx, xlsx

CODE = "2024-410825-04-01-000123"  # 温县, where good() puts its projects


def good(name="甲项目", code=None, county="温县", total=1000, plan=300):
    return [1, name, code, county, "甲公司", "续建", "2024-2026", total, plan, "发改委", "张三"]


def faults_of(*rows, city, **options):
    report = import_ledger(ledger_xlsx(*rows), city=city, year=2025, **options)
    return [str(fault) for fault in report.faults]


@pytest.mark.parametrize(
    ("row", "fault"),
    [
        (good(name=None), "第4行「项目名称」：不能为空"),
        (good(name="  "), "第4行「项目名称」：不能为空"),
        (
            good(county="郑州市"),
            "第4行「所在县区」：郑州市不是焦作市的县区或园区（焦作市的县区：解放区、中站区、马村区、山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区）",
        ),
        (good(county=None), "第4行「所在县区」：不能为空"),
        (good(total="三千"), "第4行「总投资」：不是数字：三千"),
        (good(plan="-20"), "第4行「年度计划投资」：不能为负数"),
        (good(total=1000, plan=1200), "第4行「年度计划投资」：1200万元，超过总投资1000万元"),
        (
            good(code="2024-4108-04-01-000123"),
            "第4行「项目代码」：格式不对：2024-4108-04-01-000123，应为 YYYY-RRRRRR-II-TT-NNNNNN",
        ),
        (good(name="项" * 201), "第4行「项目名称」：不能超过200个字"),
    ],
)
def test_each_fault_is_one_message_naming_row_and_column(city, row, fault):
    assert faults_of(row, city=city) == [fault]
    assert not Project.objects.exists()


def test_the_same_code_twice_in_one_file(city):
    assert faults_of(good("甲项目", CODE), good("乙项目", CODE), city=city) == [
        "第5行「项目代码」：与第4行重复"
    ]


def test_the_same_name_twice_in_one_county(city):
    assert faults_of(
        good("甲项目"), good("甲项目", county="武陟县"), good(" 甲项目 "), city=city
    ) == ["第6行「项目名称」：与第4行重复（同一县区的同名项目）"]


def test_the_same_name_in_another_sheet_is_named_with_its_sheet(city):
    header = ["项目名称", "所在县区", "总投资"]
    sheet = xlsx(
        [header, ["甲项目", "温县", 100]],
        title="新开工",
        more_sheets={"续建": [header, ["甲项目", "温县", 100]]},
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「续建」第2行「项目名称」：与工作表「新开工」第2行重复（同一县区的同名项目）"
    ]


def test_every_fault_of_the_sheet_is_listed_and_nothing_is_written(city):
    assert faults_of(
        good("甲项目"),
        good(None),
        good("丙项目", total="-1"),
        good("丁项目", county="洛阳"),
        city=city,
    ) == [
        "第5行「项目名称」：不能为空",
        "第6行「总投资」：不能为负数",
        "第7行「所在县区」：洛阳不是焦作市的县区或园区（焦作市的县区：解放区、中站区、马村区、山阳区、修武县、博爱县、武陟县、温县、沁阳市、孟州市、城乡一体化示范区）",
    ]
    assert not Project.objects.exists()
    assert not KeyListEntry.objects.exists()


def test_a_fault_leaves_the_existing_ledger_untouched(city):
    import_ledger(ledger_xlsx(good("甲项目", total=1000)), city=city, year=2025)
    faults = faults_of(good("甲项目", total=5000), good("乙项目", plan="x"), city=city)
    assert faults == ["第5行「年度计划投资」：不是数字：x"]
    assert Project.objects.get().total_investment == Decimal(1000)


def test_missing_required_column_is_one_fault(city):
    sheet = xlsx([["序号", "项目名称", "所在县区", "年度计划投资"], [1, "甲项目", "温县", 100]])
    report = import_ledger(sheet, city=city, year=2025)
    assert [str(fault) for fault in report.faults] == ["第1行「总投资」：表头中没有这一列"]


def test_a_name_matching_a_project_with_another_code_is_a_fault(city):
    import_ledger(ledger_xlsx(good("甲项目", CODE)), city=city, year=2025)
    other = "2025-410825-04-01-000999"
    assert faults_of(good("甲项目", other), city=city) == [
        f"第4行「项目代码」：台账中同名项目的代码是{CODE}，与此不符"
    ]


def test_two_rows_reaching_one_project_is_a_fault(city):
    import_ledger(ledger_xlsx(good("甲项目", CODE)), city=city, year=2025)
    # The first row reaches 甲项目 by its code (renaming it), the second by its old name.
    assert faults_of(good("甲项目（新名）", CODE), good("甲项目"), city=city) == [
        "第5行「项目名称」：与第4行是台账中的同一项目"
    ]


def test_a_row_fault_names_its_sheet_even_when_one_sheet_is_read(city):
    sheet = xlsx(
        [["项目名称", "所在县区", "总投资"], ["甲项目", "温县", "-1"]],
        title="台账",
        more_sheets={"说明": [["本表由县发改委填报"]]},
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「台账」第2行「总投资」：不能为负数"
    ]
