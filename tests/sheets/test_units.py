"""A money column's unit as the sheet writes it (header, units line, cell), per column, whether
the column was recognised or mapped by the user (issue 9 §3); an unknown unit is refused."""

from decimal import Decimal

import pytest

from guanmo.ledger.columns import LEDGER_COLUMNS, Field, parse_mapping
from guanmo.sheets.column_map import column_map
from guanmo.sheets.header import Expected
from guanmo.sheets.workbook import SheetSpec, read_workbook
from tests.ledger.sheets import xlsx

SPEC = SheetSpec(LEDGER_COLUMNS, used=frozenset(Field) - {Field.SERIAL}, required=((Field.NAME,),))


def read(rows, mapping=None):
    expected = Expected(year=2025, mapping=parse_mapping(mapping or []))
    return read_workbook(xlsx(rows), SPEC, expected)


def money(reading):
    row = next(iter(reading.rows))
    return row.values.get(Field.TOTAL_INVESTMENT), row.values.get(Field.ANNUAL_PLAN)


@pytest.mark.parametrize(
    ("word", "total", "plan"),
    [
        ("千元", Decimal(5000), Decimal(2000)),
        ("百万元", Decimal(5000000), Decimal(2000000)),
        ("亿", Decimal(500000000), Decimal(200000000)),
        ("万", Decimal(50000), Decimal(20000)),
        ("亿元", Decimal(500000000), Decimal(200000000)),
        ("元", Decimal(5), Decimal(2)),
    ],
)
def test_a_unit_word_in_a_header_is_read_exactly(word, total, plan):
    reading = read(
        [["项目名称", f"总投资（{word}）", f"2025年计划投资（{word}）"], ["甲", 50000, 20000]]
    )
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading) == (total, plan)


def test_a_mapped_column_keeps_the_unit_its_header_names():
    reading = read(
        [["项目名称", "投资总额（千元）", "计划（亿）"], ["甲", 50000, Decimal("0.5")]],
        ["投资总额（千元）=总投资", "计划（亿）=年度计划投资"],
    )
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading) == (Decimal(5000), Decimal(5000))
    assert not any("以元填报" in note for note in reading.notes)
    assert any("以千元填报" in note for note in reading.notes)


@pytest.mark.parametrize("word", ["万美元", "美元", "万欧元"])
def test_a_foreign_or_unknown_unit_is_refused_naming_the_cell(word):
    reading = read([["项目名称", f"总投资（{word}）"], ["甲", 5]])
    messages = [str(fault) for fault in reading.faults]
    assert any(f"单位「{word}」无法换算为万元" in m and "B1" in m for m in messages), messages
    assert not any("没有这一列" in m for m in messages), messages


def test_an_unknown_unit_in_a_mapped_column_is_refused_too():
    reading = read([["项目名称", "投资额（万美元）"], ["甲", 5]], ["投资额（万美元）=总投资"])
    assert any("单位「万美元」无法换算为万元" in str(fault) for fault in reading.faults)


def test_an_unknown_unit_in_a_units_line_is_refused():
    reading = read([["单位：万美元"], ["项目名称", "总投资"], ["甲", 5]])
    assert any("单位「万美元」无法换算为万元" in str(fault) for fault in reading.faults)


def test_a_units_line_in_thousands_is_read():
    reading = read([["金额单位：千元"], ["项目名称", "总投资"], ["甲", 50000]])
    assert not reading.faults
    assert money(reading)[0] == Decimal(5000)


def test_a_sheet_without_any_unit_is_read_in_wan_and_says_so():
    reading = read([["项目名称", "总投资"], ["甲", 500]])
    assert money(reading)[0] == Decimal(500)
    assert any("表中未写明金额单位，按万元读取" in note for note in reading.notes)
    uses = column_map(reading.headers, reading.tables, SPEC.used)
    assert next(use.unit for use in uses if use.field == "总投资") == "万元（未写明，默认）"


def test_a_declared_wan_is_no_assumption():
    reading = read([["项目名称", "总投资（万元）"], ["甲", 500]])
    assert not any("未写明金额单位" in note for note in reading.notes)
    uses = column_map(reading.headers, reading.tables, SPEC.used)
    assert next(use.unit for use in uses if use.field == "总投资") == "万元"


def test_a_month_by_month_sheet_is_refused_clearly():
    months = [f"{month}月" for month in range(1, 13)]
    reading = read([["项目名称", "总投资", *months], ["甲", 500, *([10] * 6), *([None] * 6)]])
    assert any("这是逐月填报的表（1月…12月）" in str(fault) for fault in reading.faults)
    reading = read(
        [["项目名称", "总投资", *months], ["甲", 500, *([10] * 6), *([None] * 6)]],
        ["6月=本月完成投资"],
    )
    assert any("这是逐月填报的表（1月…12月）" in str(fault) for fault in reading.faults)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("5000千元", Decimal(500)), ("3百万元", Decimal(300)), ("0.5亿", Decimal(5000))],
)
def test_a_unit_typed_in_a_cell_is_read_exactly(typed, amount):
    reading = read([["项目名称", "总投资"], ["甲", typed]])
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading)[0] == amount


def test_a_foreign_unit_typed_in_a_cell_is_refused_naming_the_cell():
    reading = read([["项目名称", "总投资"], ["甲", "5万美元"]])
    messages = [str(fault) for row in reading.rows for fault in row.faults]
    assert messages == [
        "第2行「总投资」：单位「万美元」无法换算为万元；请改为万元、亿元或元后再导入"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "单位：个、亿元",  # a count of projects, then the money unit
        "（单位：亿元、%）",
        "计量单位：亿元",
        "2025年重点项目台账（单位：亿元）",
        "面积单位：亩；金额单位：亿元",
    ],
)
def test_a_units_line_is_read_by_the_one_rule_every_reader_uses(line):
    reading = read([[line], ["项目名称", "总投资"], ["甲", 5]])
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading)[0] == Decimal(50000)


def test_an_organisation_named_after_unit_states_no_unit():
    reading = read([["填报单位：万达集团"], ["单位：亿元"], ["项目名称", "总投资"], ["甲", 5]])
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading)[0] == Decimal(50000)


def test_a_note_stating_the_unit_under_the_table_is_still_read():
    reading = read([["项目名称", "总投资"], ["甲", 5], ["注：表中单位为亿元"]])
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading)[0] == Decimal(50000)


def test_a_header_unit_beside_another_units_line_wins_and_the_report_says_so():
    reading = read(
        [["单位：万元"], ["项目名称", "总投资（亿元）", "年度计划投资"], ["甲", 1.5, 300]]
    )
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading) == (Decimal(15000), Decimal(300))
    assert (
        "工作表「Sheet1」「总投资」表头写明亿元，与第1行「单位：万元」所写万元不同，按表头读取"
        "（表头所写单位更具体）" in reading.notes
    ), reading.notes


@pytest.mark.parametrize(
    ("header", "typed", "amount", "read_as"),
    [
        ("总投资（万元）", "1.5亿元", Decimal(15000), "15000"),
        ("总投资（亿元）", "5000万元", Decimal(5000), "0.5"),
    ],
)
def test_a_unit_typed_in_a_cell_beats_its_columns_with_a_note(header, typed, amount, read_as):
    reading = read([["项目名称", header], ["甲", typed], ["乙", 2]])
    assert not reading.faults, [str(fault) for fault in reading.faults]
    assert money(reading)[0] == amount
    column = "万元" if "万元" in header else "亿元"
    cell = "亿元" if column == "万元" else "万元"
    assert (
        f"工作表「Sheet1」第2行列B「{header}」单元格写明{cell}，与本列单位{column}不同，按单元格所写"
        f"单位读取（如「{typed}」读作{read_as}）" in reading.notes
    ), reading.notes
