"""Layout carries meaning: headings, 其中 rows and totals are known by their place and shape,
never by a word inside a project's name, and each total is checked against its own block."""

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

import pytest

from guanmo.ledger.columns import LEDGER_COLUMNS, Field
from guanmo.sheets.header import Expected
from guanmo.sheets.table import PassedOver, heading_text
from guanmo.sheets.workbook import SheetSpec, read_workbook
from tests.ledger.sheets import xlsx
from tests.sheets.case_files import case_file
from tests.sheets.files import Drawn, to_xlsx

SPEC = SheetSpec(LEDGER_COLUMNS, used=frozenset(Field) - {Field.SERIAL}, required=((Field.NAME,),))
HEADER = ["序号", "项目名称", "所在县区", "建设单位", "总投资（万元）", "年度计划投资（万元）"]
SEVEN = [
    "武陟县年产10万吨高端铝合金型材项目",
    "武陟县城区供水管网改造工程",
    "武陟县新能源汽车零部件产业园",
    "温县怀药深加工及冷链物流园",
    "温县太极拳文化旅游区提升工程",
    "孟州市皮毛产业园污水处理厂",
    "孟州市高端装备制造产业园",
]


def read(*rows, **options):
    return read_workbook(xlsx(rows, **options), SPEC)


def names(reading):
    return [row.values[Field.NAME] for row in reading.rows]


def left_out(reading):
    return [(left.row, left.reason) for table in reading.tables for left in table.left_out]


@pytest.mark.parametrize(
    ("name", "left"),
    [
        (
            "A_合计在上_其中行_县区标题带数.xlsx",
            [(4, "合计行"), (5, "其中行"), (6, "其中行"), (7, "其中行"), (8, "分组标题（带小计）")],
        ),
        ("A2_合计在上_县区标题带数_无其中行.xlsx", [(4, "合计行"), (5, "分组标题（带小计）")]),
        ("B_县区标题_小计_合计在下.xlsx", [(4, "标题行"), (8, "小计行"), (9, "标题行")]),
        ("C_县区只在标题行_无县区列.xlsx", [(4, "标题行"), (8, "小计行"), (9, "标题行")]),
        ("D_按县排序_县小计_无标题行.xlsx", [(7, "小计行"), (10, "小计行"), (13, "小计行")]),
    ],
)
def test_county_lists_give_their_seven_projects_and_every_total_agrees(name, left):
    reading = read_workbook(case_file("C04", name), SPEC)
    assert names(reading) == SEVEN
    assert sum(row.values[Field.TOTAL_INVESTMENT] for row in reading.rows) == Decimal(280500)
    assert sum(row.values[Field.ANNUAL_PLAN] for row in reading.rows) == Decimal(87700)
    assert not [note for note in reading.notes if "不符" in note]
    assert left_out(reading)[: len(left)] == left


def test_county_headings_stand_over_their_rows_in_the_heading_only_sheet():
    reading = read_workbook(case_file("C04", "C_县区只在标题行_无县区列.xlsx"), SPEC)
    assert [row.headings for row in reading.rows] == [("武陟县",)] * 3 + [("温县",)] * 2 + [
        ("孟州市",)
    ] * 2


def test_a_totals_word_inside_a_project_name_is_a_project_beside_real_subtotals():
    reading = read(
        HEADER,
        ["（一）温县（2个）", None, None, None, 3000, 700],
        [1, "温县融合计算中心", "温县", "温县数据公司", 1000, 300],
        [2, "综合计量检测中心", "温县", "温县市场监管局", 2000, 400],
        [None, "温县小计", None, None, 3000, 700],
        [None, "合计", None, None, 3000, 700],
    )
    assert names(reading) == ["温县融合计算中心", "综合计量检测中心"]
    assert reading.notes == []
    assert left_out(reading) == [(2, "分组标题（带小计）"), (5, "小计行"), (6, "合计行")]


def test_a_name_ending_in_a_totals_word_with_a_project_of_its_own_is_a_project():
    reading = read(HEADER, [1, "数据中心建设总计", "温县", "温县数据公司", 1000, 300])
    assert names(reading) == ["数据中心建设总计"]


def test_a_counted_second_level_heading_that_disagrees_with_its_block_is_reported():
    reading = read(
        HEADER,
        ["一、武陟县"],
        ["（一）工业项目（2个）", None, None, None, 3500, 700],
        [1, "甲项目", "武陟县", "甲公司", 1000, 300],
        [2, "乙项目", "武陟县", "乙公司", 2000, 400],
        ["（二）服务业项目（1个）", None, None, None, 500, 100],
        [3, "丙项目", "武陟县", "丙公司", 500, 100],
    )
    assert names(reading) == ["甲项目", "乙项目", "丙项目"]
    assert [str(fault) for fault in reading.faults] == [
        "第3行：「（一）工业项目（2个）」为分组标题（带小计），其金额与其下第4—5行各项目之和不符："
        "列E「总投资（万元）」小计3500万元，各项目之和3000万元；请核对标题行中的金额或其下的项目"
        "后再导入（标题行中的金额只用于核对，也可删去）"
    ]
    assert [row.headings for row in reading.rows] == [("武陟县", "工业")] * 2 + [
        ("武陟县", "服务业")
    ]


def test_a_subtotal_standing_above_its_block_is_checked_against_the_rows_below():
    reading = read(
        HEADER,
        ["一、武陟县"],
        [None, "小计", None, None, 3000, 700],
        [1, "甲项目", "武陟县", "甲公司", 1000, 300],
        [2, "乙项目", "武陟县", "乙公司", 2000, 400],
        ["二、温县"],
        [None, "小计", None, None, 800, 100],
        [3, "丙项目", "温县", "丙公司", 500, 100],
    )
    assert reading.notes == [
        "工作表「Sheet1」第7行「小计」与各项目之和不符：列E「总投资（万元）」小计800万元，各项目之和500万元"
    ]


def test_a_named_subtotal_is_checked_against_its_county_rows_wherever_they_stand():
    reading = read(
        HEADER,
        [1, "甲项目", "武陟县", "甲公司", 1000, 300],
        [2, "乙项目", "温县", "乙公司", 2000, 400],
        [3, "丙项目", "武陟县", "丙公司", 500, 100],
        [None, "武陟县小计", None, None, 1500, 400],
        [None, "温县小计", None, None, 2100, 400],
    )
    assert reading.notes == [
        "工作表「Sheet1」第6行「温县小计」与各项目之和不符：列E「总投资（万元）」小计2100万元，各项目之和2000万元"
    ]


def test_breakdown_rows_under_a_total_are_left_out_not_read_as_projects():
    reading = read(
        HEADER,
        [None, "全市合计（2个）", None, None, 3000, 700],
        [None, "其中：新开工项目（1个）", None, None, 1000, 300],
        [None, "其中:续建项目(1个)", None, None, 2000, 400],
        [1, "甲项目", "温县", "甲公司", 1000, 300],
        [2, "乙项目", "温县", "乙公司", 2000, 400],
    )
    assert names(reading) == ["甲项目", "乙项目"]
    assert left_out(reading) == [(2, "合计行"), (3, "其中行"), (4, "其中行")]
    assert reading.notes == []


@pytest.mark.parametrize("second", ["\u3000\u3000\u3000续建项目（1个）", "续建项目（1个）"])
def test_a_breakdown_line_following_a_qizhong_line_is_a_breakdown_not_a_total(second):
    # Tryout L2: an indented "续建项目（3个）" under "其中：新开工项目（2个）" was checked as a
    # total of all rows ("第6行合计与各项目之和不符…").
    reading = read(
        HEADER,
        [None, "合计（2个）", None, None, 3000, 700],
        [None, "其中：新开工项目（1个）", None, None, 1000, 300],
        [None, second, None, None, 2000, 400],
        ["（一）", "温县（2个）", None, None, None, None],
        [1, "甲项目", "温县", "甲公司", 1000, 300],
        [2, "乙项目", "温县", "乙公司", 2000, 400],
    )
    assert names(reading) == ["甲项目", "乙项目"]
    assert left_out(reading) == [(2, "合计行"), (3, "其中行"), (4, "其中行"), (5, "标题行")]
    assert reading.notes == []
    assert [row.heading for row in reading.rows] == ["温县", "温县"]


def test_a_grand_total_on_top_that_disagrees_is_reported_against_all_rows():
    reading = read(
        HEADER,
        [None, "总计", None, None, 3100, 700],
        ["一", "温县（2个）", None, None, 3000, 700],
        [1, "甲项目", "温县", "甲公司", 1000, 300],
        [2, "乙项目", "温县", "乙公司", 2000, 400],
    )
    assert reading.notes == [
        "工作表「Sheet1」第2行合计与各项目之和不符：列E「总投资（万元）」合计3100万元，各项目之和3000万元"
    ]


def test_the_title_above_the_header_is_kept_for_the_domain_to_read():
    reading = read(
        ["温县2025年重点项目台账"], ["单位：万元"], HEADER, [1, "甲项目", None, None, 1, 1]
    )
    assert reading.tables[0].title == "温县2025年重点项目台账 单位：万元"  # lines joined by a space


def test_a_subtotal_with_its_county_typed_beside_it_is_not_a_project():
    reading = read(
        HEADER,
        [1, "甲项目", "武陟县", "甲公司", 1000, 300],
        [2, "乙项目", "武陟县", "乙公司", 2000, 400],
        [None, "小计", "武陟县", None, 3000, 800],
        [3, "丙项目", "温县", "丙公司", 500, 100],
        [None, "合计", "全市", None, 3500, 800],
    )
    assert names(reading) == ["甲项目", "乙项目", "丙项目"]
    assert left_out(reading) == [(4, "小计行"), (6, "合计行")]
    assert reading.notes == [  # the 合计 agrees with all three rows: only the 小计 is wrong
        "工作表「Sheet1」第4行「小计」与各项目之和不符：列F「年度计划投资（万元）」小计800万元，各项目之和700万元"
    ]


def test_a_numbered_heading_whose_county_stands_in_the_county_column():
    reading = read(
        HEADER,
        ["一", None, "温县", None, 1000, 300],
        [1, "甲项目", None, "甲公司", 1000, 300],
    )
    assert names(reading) == ["甲项目"]
    assert [row.headings for row in reading.rows] == [("温县",)]
    assert reading.notes == []


def test_rows_left_out_are_listed_in_row_order():
    # Tryout: a hidden 第12行 was listed before the 合计 on 第3行.
    drawn = Drawn(
        [
            HEADER,
            [None, "合计", None, None, 3000, 700],
            [1, "甲项目", "温县", "甲公司", 1000, 300],
            [2, "丙项目", "温县", "丙公司", 500, 100],
            [3, "乙项目", "温县", "乙公司", 2000, 400],
        ],
        hidden_rows={4},
    )
    report = read_workbook(BytesIO(to_xlsx(drawn)), SPEC).report("个项目", dry_run=True)
    assert [str(left) for left in report.left_out] == [
        "第2行为合计行，未导入",
        "第4行为隐藏行，未导入",
    ]


@pytest.mark.parametrize(
    ("label", "reason"),
    [("合计", "合计行"), ("温县小计", "小计行"), ("小计", "小计行"), ("一、温县", "标题行")],
)
def test_a_totals_or_heading_label_typed_in_the_county_column_is_no_project(label, reason):
    """序号 | 县区 | 项目名称: the label stands in the county column, first of the text columns
    (it was read as a project in the county "合计")."""
    figures = [3000, 700] if reason != "标题行" else [None, None]
    reading = read(
        ["序号", "县区", "项目名称", "建设单位", "总投资（万元）", "年度计划投资（万元）"],
        *([[None, label, None, None, *figures]] if reason == "标题行" else []),
        [1, "温县", "甲项目", "甲公司", 1000, 300],
        [2, "温县", "乙项目", "乙公司", 2000, 400],
        *([[None, label, None, None, *figures]] if reason != "标题行" else []),
    )
    assert reading.faults == []
    assert names(reading) == ["甲项目", "乙项目"]
    assert left_out(reading) == [(2 if reason == "标题行" else 4, reason)]
    assert reading.notes == []


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("2、温县", "温县"),
        ("二 温县", "温县"),
        ("温县：", "温县"),
        ("★温县", "温县"),
        ("(二)温县", "温县"),
        ("（二）温县", "温县"),
        ("（2）温县", "温县"),
        ("11、城乡一体化示范区", "城乡一体化示范区"),
        ("1.武陟县（2个）", "武陟县"),
        ("1．武陟县(共2个项目)", "武陟县"),
        ("※ 温县重点项目", "温县"),
        ("第三、孟州市项目：", "孟州市"),
        ("武陟县智能装备产业园", "武陟县智能装备产业园"),
    ],
)
def test_heading_text_takes_off_numbering_bullets_and_tails(typed, named):
    assert heading_text(typed) == named


@dataclass
class Place:
    name: str


PLACES = [Place("武陟县"), Place("温县"), Place("城乡一体化示范区")]


def read_placed(*rows):
    return read_workbook(xlsx(rows), SPEC, Expected(places=PLACES))


def test_a_heading_naming_a_place_stands_beside_the_place_heading_before_it():
    """ "(二)温县" after "一、武陟县" is not nested under it: the rows below stand under 温县
    alone; a heading naming no place keeps its level."""
    reading = read_placed(
        ["序号", "项目名称", "总投资（万元）"],
        ["一、武陟县", None, None],
        ["(一)先进制造业", None, None],
        [1, "甲项目", 100],
        ["(二)温县", None, None],
        [1, "乙项目", 200],
        ["★示范区", None, None],
        [1, "丙项目", 300],
    )
    assert [row.headings for row in reading.rows] == [
        ("武陟县", "先进制造业"),
        ("温县",),
        ("示范区",),
    ]
    assert left_out(reading) == [(2, "标题行"), (3, "标题行"), (5, "标题行"), (7, "标题行")]


def test_without_places_a_bare_county_line_is_passed_over_as_before():
    reading = read_workbook(
        xlsx(
            [
                ["序号", "项目名称", "总投资（万元）"],
                ["一、武陟县", None, None],
                [1, "甲", 1],
                ["温县：", None, None],
                [1, "乙", 2],
            ]
        ),
        SPEC,
    )
    assert [row.headings for row in reading.rows] == [("武陟县",), ("武陟县",)]
    assert reading.tables[0].passed_over == []


def test_a_row_passed_over_naming_a_place_is_kept_with_its_section():
    reading = read_placed(
        ["序号", "项目名称", "总投资（万元）"],
        ["一、武陟县", None, None],
        [1, "甲项目", 100],
        ["温县、孟州市", None, None],
        [1, "乙项目", 200],
    )
    assert reading.tables[0].passed_over == [PassedOver(4, "温县、孟州市", 1)]
    assert [row.section for row in reading.rows] == [1, 1]


def test_a_county_name_with_figures_fitting_neither_block_stops_naming_both_readings():
    reading = read_placed(
        ["项目名称", "建设单位", "总投资（万元）"],
        ["一、武陟县"],
        ["甲项目", "甲公司", 1000],
        ["乙项目", "乙公司", 2000],
        ["温县", None, 2500],
        ["丙项目", "丙公司", 700],
    )
    assert [str(fault) for fault in reading.faults] == [
        "第5行「总投资」：只写「温县」并填有金额（「总投资」2500万元）："
        "若是其上方第3—4行的小计行，各项目之和为「总投资」3000万元；"
        "若是其下方第6行的标题行，各项目之和为「总投资」700万元；与两者都不符，"
        "无法判断这些项目属于哪个县区。请把小计行写作「温县小计」，或删去标题行中的金额后再导入"
    ]


def test_a_county_name_with_the_sum_of_the_rows_below_is_their_heading():
    reading = read_placed(
        ["项目名称", "建设单位", "总投资（万元）"],
        ["甲项目", "甲公司", 1000],
        ["乙项目", "乙公司", 2000],
        ["温县", None, 700],
        ["丙项目", "丙公司", 700],
    )
    assert reading.faults == []
    assert [row.headings for row in reading.rows] == [(), (), ("温县",)]
    assert left_out(reading) == [(4, "分组标题（带小计）")]


def test_a_county_name_with_the_sum_of_the_rows_above_closes_their_heading():
    reading = read_placed(
        ["项目名称", "建设单位", "总投资（万元）"],
        ["（一）武陟县"],
        ["甲项目", "甲公司", 1000],
        ["武陟县", None, 1000],
        ["乙项目", "乙公司", 2000],
    )
    assert reading.faults == []
    assert [row.headings for row in reading.rows] == [("武陟县",), ()]
    assert left_out(reading) == [(2, "标题行"), (4, "小计行")]


def test_full_width_digits_separators_and_units_typed_in_cells_are_each_noted_by_cell():
    """Tryout 10 (L06, L08, L14, W3): each way a figure was written beyond its digits is said
    with its rows, its column and how it was read, never converted silently."""
    reading = read(
        ["项目名称", "建设单位", "总投资（万元）", "年度计划投资（万元）"],
        ["甲项目", "甲公司", "１２３００", "2,500"],
        ["乙项目", "乙公司", "0.3亿元", 800],
    )
    assert [row.values[Field.TOTAL_INVESTMENT] for row in reading.rows] == [12300, 3000]
    assert [row.values[Field.ANNUAL_PLAN] for row in reading.rows] == [2500, 800]
    assert reading.notes == [
        "工作表「Sheet1」第2行列C「总投资（万元）」为全角数字，按半角数字读取（如「１２３００」读作12300）",
        "工作表「Sheet1」第2行列D「年度计划投资（万元）」含千位分隔符，按数字读取（如「2,500」读作2500）",
        "工作表「Sheet1」第3行列C「总投资（万元）」单元格写明亿元，与本列单位万元不同，按单元格所写单位读取（如「0.3亿元」读作3000）",
    ]


def test_a_subtotal_off_by_a_hidden_rows_figure_says_so():
    """Tryout 10, L09: an Excel SUM spanning a hidden row makes a 小计 differ by that row's
    figure; the note says which hidden row explains the difference."""
    drawn = Drawn(
        [
            ["项目名称", "建设单位", "年度计划投资（万元）"],
            ["甲项目", "甲公司", 300],
            ["旧项目", "旧公司", 45],
            ["乙项目", "乙公司", 200],
            ["小计", None, 545],
        ],
        hidden_rows={3},
    )
    reading = read_workbook(BytesIO(to_xlsx(drawn)), SPEC)
    assert names(reading) == ["甲项目", "乙项目"]
    assert reading.notes == [
        "工作表「台账」第5行「小计」与各项目之和不符：列C「年度计划投资（万元）」小计545万元，各项目之和500万元；"
        "差额等于第3行（隐藏行）的金额，该行未导入"
    ]


def test_a_bare_wan_is_read_as_wan_yuan_only_where_it_cannot_mean_yi_yuan():
    """ "2800万" typed in a （万元） column is read as 2800万元 (shared case C14 a), with a note
    naming the cell: as 2800万个万元 it would be 2800亿元, more than any project costs. "1.2万"
    may be 1.2万元 or 1.2亿元 and is refused naming the cell (tryout 18: an ambiguous figure is
    never stored). "3000万元" (the column's own unit written out) needs no note."""
    reading = read(
        ["项目名称", "建设单位", "总投资（万元）", "年度计划投资（万元）"],
        ["甲项目", "甲公司", "2800万", "3000万元"],
        ["乙项目", "乙公司", "5百万", 800],
        ["丙项目", "丙公司", 90000, "1.2万"],
    )
    assert [row.values.get(Field.TOTAL_INVESTMENT) for row in reading.rows] == [
        Decimal(2800),
        Decimal(500),
        Decimal(90000),
    ]
    assert [str(fault) for row in reading.rows for fault in row.faults] == [
        "第4行「年度计划投资」：单元格D4「1.2万」只写“万”，无法确定是1.2万元还是1.2万个万元"
        "（1.2亿元）；请填写数字，如12000（万元）"
    ]
    assert reading.notes == [
        "工作表「Sheet1」第2行列C「总投资（万元）」单元格只写“万”，按万元读取（读作若干万个万元"
        "将超过1000亿元）（如「2800万」读作2800）",
        "工作表「Sheet1」第3行列C「总投资（万元）」单元格写明百万元，与本列单位万元不同，按单元格所写单位读取"
        "（如「5百万」读作500）",
    ]
