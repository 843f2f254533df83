"""A totals row with no label (figures only, under blank name and serial cells) is a totals row
when its figures are the sum of the rows above it, checked and noted; one that is not their sum
is refused naming the row, never stored as a nameless project nor passed over (tryout 14,
L5b: refused as 项目名称不能为空; issue 9 §4)."""

from guanmo.ledger.columns import Field
from tests.sheets.test_table import left_out, names, read

HEADER = ["序号", "项目名称", "建设性质", "总投资", "年度计划投资", "建设地点"]
ROWS = [
    [1, "木城数字经济产业园", "新开工", 5.6, 3.33, "武陟县木城街道"],
    [2, "黄河滩区综合整治", "前期", 4, "—", "武陟县"],
    [3, "大封镇预制菜产业园", "续建", 1.2, 0.8, "武陟县大封镇"],
]
TITLE = [["武陟县2025年市重点项目台账"], ["金额单位：亿元"]]


def test_a_row_of_figures_only_equal_to_the_rows_above_is_their_total():
    reading = read(*TITLE, HEADER, *ROWS, [None, None, None, 10.8, 4.13, None])
    assert [str(fault) for fault in reading.faults] == []
    assert names(reading) == [row[1] for row in ROWS]
    assert left_out(reading) == [(7, "合计行")]
    assert "工作表「Sheet1」第7行未填名称，金额等于第4—6行各项目之和，按合计行核对，未导入" in (
        reading.notes
    )


def test_a_row_of_figures_only_equal_to_its_block_is_a_subtotal():
    rows = [
        ["一、武陟县"],
        *ROWS[:2],
        [None, None, None, 9.6, 3.33, None],
        ["二、温县"],
        [4, "温县光伏", "续建", 2, 1, "温县"],
        [None, None, None, 2, 1, None],
    ]
    reading = read(*TITLE, HEADER, *rows)
    assert [str(fault) for fault in reading.faults] == []
    assert names(reading) == ["木城数字经济产业园", "黄河滩区综合整治", "温县光伏"]
    assert (7, "小计行") in left_out(reading)
    assert (10, "小计行") in left_out(reading)


def test_a_row_of_figures_only_not_adding_up_is_refused_naming_it():
    reading = read(*TITLE, HEADER, *ROWS, [None, None, None, 3, 2, None])
    assert [str(fault) for fault in reading.faults] == [
        "第7行「项目名称」：本行未填项目名称，所填金额也不等于上方各项目之和"
        "（「总投资」本行30000万元，第4—6行之和108000万元；「年度计划投资」本行20000万元，"
        "第4—6行之和41300万元），不知是合计行还是漏填名称的项目；是项目的请填写项目名称，"
        "是合计行的请在名称栏写“合计”后再导入"
    ]


def test_a_total_in_a_cell_merged_over_the_first_columns_is_a_total():
    reading = read(
        *TITLE,
        HEADER,
        *ROWS,
        ["合计", None, None, 10.8, 4.13, None],
        merges=["A7:C7"],
    )
    assert [str(fault) for fault in reading.faults] == []
    assert left_out(reading) == [(7, "合计行")]
    assert not [note for note in reading.notes if "不符" in note]
    assert Field.NAME in reading.used
