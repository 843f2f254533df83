"""`guanmo assess` on a scheme sheet and a values sheet made here, in every format, read back.

The scheme, worked by hand (two levels; 一级指标 and its 权重 merged over their rows):

    项目建设 60: 投资完成率 30 (正向, 极值法), 新开工项目数 30 (正向, 功效系数 60 + 40·…)
    服务保障 40: 问题办结天数 40 (负向, 极值法)
    加分 (all bonuses at most 3): 国家级荣誉 +0.5 each, at most 1
    一票否决: 重大安全事故 (排在末位)

so each indicator weighs 0.3, 0.3 and 0.4 of a composite out of 100. The values (戊园区 is
exempt and sets no range):

    县区  投资完成率 新开工 天数  min-max    功效系数 天数(负向) points 0.3/0.3/0.4, 加分
    甲县  95.5      12     10   25.5/31.2  88      10/14     24.5192+26.4+28.5714+0.5 = 79.99
    乙县  80        8      12   10/31.2    72      8/14      9.6154+21.6+22.8571 = 54.07
    丙县  101.2     15     6    100        100     100       100 + 2 × 0.5 capped at 1 = 101.00
    丁县  70        5      20   0          60      0         0 + 18 + 0 = 18.00

乙县 is vetoed and placed last: 丙县 1, 甲县 2, 丁县 3, 乙县 4. Previous ranks 甲 3, 乙 1, 丙 2,
丁 4: 丙、甲、丁 move up one place, 乙 moves down three.
"""

import csv
import json
from datetime import date
from decimal import Decimal as D
from io import StringIO
from pathlib import Path

import pytest
import xlwt
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import Workbook, load_workbook

from guanmo.documents.official import chinese_date
from guanmo.sheets.formats import open_workbook
from tests.documents.injection import INJECTION, assert_kept_as_text

SCHEME_HEADER = ["序号", "一级指标", "权重", "二级指标", "权重/分值", "方向", "计分方法", "参数"]
SCHEME_ROWS = [
    [1, "项目建设", 60, "投资完成率", 30, "正向", "极值法", None],
    [2, None, None, "新开工项目数", 30, "正向", "功效系数", "起点=60；跨度=40"],
    [3, "服务保障", 40, "问题办结天数", 40, "负向", "极值法", None],
    [None, "合计", 100, None, 100, None, None, None],
    [None, "加分", 3, "国家级荣誉", 0.5, None, None, "上限=1"],
    [None, "一票否决", None, "重大安全事故", None, None, None, "排在末位"],
]
VALUES_HEADER = [
    "序号",
    "县区",
    "投资完成率（%）",
    "新开工项目数",
    "问题办结天数",
    "国家级荣誉",
    "重大安全事故",
    "不参评",
]
VALUES_ROWS = [
    [1, "甲县", "95.5%", 12, 10, 1, None, None],
    [2, "乙县", 80, 8, 12, None, "是", None],
    [3, "丙县", "101.2", 15, 6, 2, "否", None],
    [4, "丁县", 70, "５", 20, None, None, None],
    [5, "戊园区", None, None, None, None, None, "是"],
    [None, "合计", None, 40, None, None, None, None],
]


def save_xlsx(path: Path, title: str, header, rows, merged=()) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in [[title], header, *rows]:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def save_xls(path: Path, title: str, header, rows) -> Path:
    """A values sheet as an old office program saves it (BIFF .xls)."""
    book = xlwt.Workbook()
    sheet = book.add_sheet("数值")
    for r, row in enumerate([[title], header, *rows]):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


@pytest.fixture
def sheets(tmp_path) -> dict[str, Path]:
    return {
        "scheme": save_xlsx(
            tmp_path / "考核办法.xlsx",
            "2025年度县区重点项目综合考核办法",
            SCHEME_HEADER,
            SCHEME_ROWS,
            merged=("B3:B4", "C3:C4"),
        ),
        "values": save_xls(
            tmp_path / "数值.xls", "2025年度考核指标数值", VALUES_HEADER, VALUES_ROWS
        ),
        "previous": save_xlsx(
            tmp_path / "上期.xlsx",
            "2024年度考核位次",
            ["县区", "位次"],
            [["甲县", "第3位"], ["乙县", 1], ["丙县", 2], ["丁县", 4]],
        ),
    }


def run(*args: str) -> str:
    out = StringIO()
    call_command("assess", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def arguments(files: dict[str, Path]) -> list[str]:
    """--scheme, --values and (when given) --previous for these files."""
    return [argument for key, path in files.items() for argument in (f"--{key}", str(path))]


def assess_json(files: dict[str, Path], *extra: str) -> dict:
    return json.loads(run(*arguments(files), "--format", "json", *extra))


def test_json_gives_the_hand_worked_scores_ranks_classes_and_changes(sheets):
    result = assess_json(sheets, "--runs", "200", "--seed", "3")
    table = [
        (u["unit"], u["score"], u["rank"], u["class"], u["rank_change"]) for u in result["units"]
    ]
    assert table == [
        ("丙县", "101.00", 1, "优秀", 1),
        ("甲县", "79.99", 2, "合格", 1),
        ("丁县", "18.00", 3, "不合格", 1),
        ("乙县", "54.07", 4, "不合格", -3),
        ("戊园区", None, None, "不参评", None),
    ]
    first = result["units"][1]
    assert first["contributions"] == {
        "投资完成率": "24.52",
        "新开工项目数": "26.40",
        "问题办结天数": "28.57",
    }
    assert result["weights"] == {
        "投资完成率": "0.3000",
        "新开工项目数": "0.3000",
        "问题办结天数": "0.4000",
    }
    assert result["method"] == {
        "normalisation": ["min_max", "efficacy_coefficient"],
        "aggregation": "weighted_arithmetic",
        "weighting": "by_hand",
        "entropy_variant": None,
    }
    assert set(result["sensitivity"]) == {"weights", "normalisation", "aggregation"}
    assert result["sentences"][:2] == [
        "综合得分第一名为丙县（101.00分），第二名为甲县（79.99分），第三名为丁县（18.00分）。",
        "乙县因“重大安全事故”一票否决，排在末位。",
    ]
    assert "乙县从第1位退位到第4位，下降3位。" in result["sentences"]
    assert "丁县由第4位进位到第3位，前移1个位次。" in result["sentences"]
    vetoed = result["units"][3]
    assert vetoed["rank_interval"] is None and vetoed["p_last"] is None


def test_with_nothing_varied_every_interval_is_the_point_rank(sheets, tmp_path):
    rows = [*SCHEME_ROWS, [None, "设置", None, "权重浮动", None, None, None, "0%"]]
    rows.append([None, "设置", None, "汇总备选", None, None, None, "加权算术"])
    sheets["scheme"] = save_xlsx(tmp_path / "固定.xlsx", "考核办法", SCHEME_HEADER, rows)
    result = assess_json(sheets, "--runs", "50")
    ranked = [u for u in result["units"] if u["rank_interval"] is not None]
    assert [(u["unit"], u["rank_interval"]) for u in ranked] == [
        ("丙县", [1, 1]),
        ("甲县", [2, 2]),
        ("丁县", [3, 3]),
    ]
    assert [(u["p_first"], u["p_last"]) for u in ranked] == [
        ("1.0000", "0.0000"),
        ("0.0000", "0.0000"),
        ("0.0000", "1.0000"),
    ]
    assert all(
        index == {"first_order": "0.0000", "total_order": "0.0000"}
        for index in result["sensitivity"].values()
    )


# Two indicators at equal weight over three units, 乙 and 丙 close at the bottom:
#   规模 100, 60, 40 → min-max 100, 33.33, 0;  进度 100, 0, 40 → 100, 0, 40
#   乙 16.67, 丙 20.00: 乙 is last at the scheme's weights, but 规模 weighing 1.2 times 进度
#   puts 丙 last, and weights vary by ±25%.
CLOSE_SCHEME = [
    ["规模", 50, "规模", 1, "正向", "极值法", None],
    ["进度", 50, "进度", 1, "正向", "极值法", None],
]
CLOSE_VALUES = [["甲县", 100, 100], ["乙县", 60, 0], ["丙县", 40, 40]]


@pytest.fixture
def close(tmp_path) -> dict[str, Path]:
    return {
        "scheme": save_xlsx(tmp_path / "s.xlsx", "考核办法", SCHEME_HEADER[1:], CLOSE_SCHEME),
        "values": save_xlsx(tmp_path / "v.xlsx", "数值", ["县区", "规模", "进度"], CLOSE_VALUES),
    }


def test_two_close_units_each_could_be_last_and_neither_is_named(close):
    result = assess_json(close, "--runs", "400", "--seed", "11")
    units = {u["unit"]: u for u in result["units"]}
    assert units["乙县"]["rank"] == 3
    for unit in ("乙县", "丙县"):
        assert D(0) < D(units[unit]["p_last"]) < D(1)
        assert units[unit]["rank_interval"] == [2, 3]
    assert D(units["乙县"]["p_last"]) + D(units["丙县"]["p_last"]) == 1
    last = result["sentences"][1]
    assert last.startswith("排名末位尚不能认定：本期得分最低的是乙县（16.67分），")
    assert "均可能排在末位" in last and "不作末位认定" in last
    # Seeded: 乙县 was last in 73% of the runs, so a city content with 0.5 names it.
    assert units["乙县"]["p_last"] == "0.7300"
    lower = assess_json(close, "--runs", "400", "--seed", "11", "--threshold", "0.5")
    assert lower["sentences"][1] == "排名末位的是乙县（16.67分）。"


def test_a_seeded_run_reproduces_exactly(close):
    first = assess_json(close, "--runs", "300", "--seed", "8")
    assert assess_json(close, "--runs", "300", "--seed", "8") == first
    assert assess_json(close, "--runs", "300", "--seed", "9") != first


def test_a_value_not_filled_stops_the_command_naming_row_and_column(sheets, tmp_path):
    rows = [list(row) for row in VALUES_ROWS]
    rows[1][3] = None  # 乙县's 新开工项目数
    sheets["values"] = save_xlsx(tmp_path / "缺.xlsx", "数值", VALUES_HEADER, rows)
    err = StringIO()
    with pytest.raises(CommandError, match="发现1处错误，未计算结果"):
        call_command("assess", *arguments(sheets), stdout=StringIO(), stderr=err)
    assert "第4行「新开工项目数」：乙县没有填写“新开工项目数”" in err.getvalue()


def test_an_unknown_scoring_form_stops_the_command_naming_its_cell(sheets, tmp_path):
    rows = [list(row) for row in SCHEME_ROWS]
    rows[2][6] = "打分法"
    sheets["scheme"] = save_xlsx(tmp_path / "错.xlsx", "考核办法", SCHEME_HEADER, rows)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("assess", *arguments(sheets), stdout=StringIO(), stderr=err)
    assert "第5行「计分方法」：「打分法」不是可用的计分方法" in err.getvalue()


def test_xlsx_keeps_every_intermediate_and_reads_back(sheets, tmp_path):
    output = tmp_path / "结果.xlsx"
    del sheets["previous"]
    run(
        *arguments(sheets),
        "--runs",
        "50",
        "--format",
        "xlsx",
        "-o",
        str(output),
    )
    read = {sheet.name: sheet.rows for sheet in open_workbook(output)}
    assert list(read) == [
        "考核结果",
        "原始数值",
        "标准化得分",
        "加权得分",
        "得分构成",
        "与第一名差距",
        "加减分",
        "一票否决",
        "权重与方法",
        "敏感性",
    ]
    assert read["考核结果"][3][:4] == (1, "丙县", 101, "优秀")
    assert read["原始数值"][2][:2] == ("甲县", 95.5)
    assert read["标准化得分"][5][1:] == (0, 60, 0)  # 丁县
    assert read["加减分"][4][0] == "丙县" and read["加减分"][4][2] == 1  # 2 honours, capped at 1
    assert read["一票否决"][3][1] == "是：重大安全事故"  # 乙县, the item named (tryout 30)
    # 甲县 lost 30.00 − 24.52 points to 丙县 on 投资完成率 (0.3 × (100 − 81.73)): the
    # difference of the shown points, not the exact 5.4808 rounded on its own.
    assert read["与第一名差距"][3][0] == "甲县"
    assert read["与第一名差距"][3][1] == 5.48
    # every method code in Chinese (tryout 13: 权重与方法 showed min_max)
    methods = {row[6] for row in read["权重与方法"][2:5]}
    assert methods == {"功效系数", "极值法"}, methods


def test_docx_is_the_bulletin_with_its_sentences(sheets, tmp_path):
    output = tmp_path / "通报.docx"
    run(
        *arguments(sheets),
        "--runs",
        "50",
        "--format",
        "docx",
        "-o",
        str(output),
    )
    text = "\n".join(paragraph.text for paragraph in Document(output).paragraphs)
    assert "综合得分第一名为丙县（101.00分）" in text
    assert "乙县因“重大安全事故”一票否决，排在末位。" in text
    assert "关于综合考核结果的通报" in text


def test_the_docx_title_names_the_cycle_and_scheme_given(sheets, tmp_path, settings):
    """Tryout 13: the command's bulletin was titled without city or cycle."""
    settings.GUANMO_TODAY = date(2025, 12, 15)
    output = tmp_path / "通报.docx"
    run(
        *arguments(sheets),
        "--runs",
        "0",
        "--cycle",
        "2025年前三季度",
        "--name",
        "县区综合评价",
        "--city-name",
        "焦作市",
        "--format",
        "docx",
        "-o",
        str(output),
    )
    paragraphs = [paragraph.text for paragraph in Document(output).paragraphs]
    assert "关于焦作市2025年前三季度县区综合评价结果的通报" in paragraphs
    # Tryout 15: no city in the masthead, no 主送 and no date; now the documents app's
    # letterhead as the bulletins have it, dated the installation's today.
    assert "焦作市重点项目建设办公室文件" in paragraphs
    assert any(t.startswith("各县（市、区）人民政府") and t.endswith("：") for t in paragraphs)
    assert chinese_date(date(2025, 12, 15)) in paragraphs


def test_assumptions_and_rows_left_out_are_said(sheets, tmp_path):
    rows = [list(row) for row in SCHEME_ROWS]
    rows[2][5] = None  # 问题办结天数 without a direction: read as 正向, and said so
    sheets["scheme"] = save_xlsx(tmp_path / "无方向.xlsx", "考核办法", SCHEME_HEADER, rows)
    err = StringIO()
    call_command("assess", *arguments(sheets), "--runs", "0", stdout=StringIO(), stderr=err)
    said = err.getvalue()
    assert "提示：《无方向.xlsx》第5行“问题办结天数”未填写方向，按正向计分" in said
    assert "提示：《数值.xls》工作表「数值」第8行为合计行，未导入" in said


def test_a_unit_named_like_a_formula_stays_text_in_the_xlsx(sheets, tmp_path):
    # A CSV keeps the name as typed text, as an upload from another system would carry it.
    values = tmp_path / "数值.csv"
    with values.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(VALUES_HEADER)
        for row in VALUES_ROWS[:4]:
            writer.writerow(["" if value is None else value for value in row])
        writer.writerow(["9", INJECTION, 85, 9, 11, "", "", ""])
    sheets["values"] = values
    del sheets["previous"]
    output = tmp_path / "结果.xlsx"
    run(*arguments(sheets), "--runs", "20", "--format", "xlsx", "-o", str(output))
    assert_kept_as_text(load_workbook(output))


def test_what_if_prints_the_new_score_and_rank_beside_the_issued_ones(sheets):
    # 甲县 takes 1 day instead of 10: the days range becomes 1…20 (负向), so 甲县 scores the
    # full 40 there (24.5192 + 26.4 + 40 + 0.5 = 91.42) and 丙县's 6 days fall to 14/19:
    # 30 + 30 + 29.4737 + 1 = 90.47, behind 甲县. 丁县 at 6 days: range 6…12 (乙县 12), 丁县
    # 0 + 18 + 40 = 58.00, still behind 甲县 (24.5192 + 26.4 + 13.3333 + 0.5 = 64.75).
    out = StringIO()
    call_command(
        "assess", *arguments(sheets), "--runs", "0",
        "--what-if", "甲县:问题办结天数=1", "--what-if", "丁县：问题办结天数＝6",
        stdout=out, stderr=StringIO(),
    )  # fmt: skip
    assert "甲县“问题办结天数”改为1：综合得分由79.99分变为91.42分，位次由第2位变为第1位" in (
        out.getvalue()
    )
    assert "丁县“问题办结天数”改为6：综合得分由18.00分变为58.00分，位次仍为第3位" in out.getvalue()


def test_what_if_leaves_the_json_as_issued_and_says_it_on_stderr(sheets):
    plain = assess_json(sheets, "--runs", "0")
    out, err = StringIO(), StringIO()
    call_command(
        "assess", *arguments(sheets), "--runs", "0", "--format", "json",
        "--what-if", "甲县:问题办结天数=1", stdout=out, stderr=err,
    )  # fmt: skip
    assert json.loads(out.getvalue()) == plain
    assert "假设分析：甲县“问题办结天数”改为1" in err.getvalue()


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("戌县:问题办结天数=1", "本期考核没有单位“戌县”"),
        ("甲县:天数=1", "考核办法中没有指标或加减分事项“天数”"),
        ("甲县问题办结天数1", "应写成“单位:指标=数值”"),
        ("甲县:问题办结天数=一", "不是数"),
    ],
)
def test_a_what_if_that_cannot_be_made_is_refused_saying_why(sheets, typed, why):
    with pytest.raises(CommandError, match=why):
        run(*arguments(sheets), "--runs", "0", "--what-if", typed)


def test_xlsx_probabilities_are_the_fractions_excel_shows_as_percent(sheets, tmp_path):
    """Issue 13: P(first) = 1 showed as 1.0% (0.01 in the cell). The cell must hold 1 under
    the percent format, so Excel shows 100.0%."""
    rows = [*SCHEME_ROWS, [None, "设置", None, "权重浮动", None, None, None, "0%"]]
    rows.append([None, "设置", None, "汇总备选", None, None, None, "加权算术"])
    sheets["scheme"] = save_xlsx(tmp_path / "固定.xlsx", "考核办法", SCHEME_HEADER, rows)
    output = tmp_path / "结果.xlsx"
    run(*arguments(sheets), "--runs", "20", "--format", "xlsx", "-o", str(output))
    sheet = load_workbook(output)["考核结果"]
    header = [cell.value for cell in sheet[3]]
    first, last = header.index("居首概率") + 1, header.index("末位概率") + 1
    rows_by_unit = {sheet.cell(r, 2).value: r for r in range(4, sheet.max_row + 1)}
    top, bottom = rows_by_unit["丙县"], rows_by_unit["丁县"]
    assert sheet.cell(top, first).value == 1
    assert sheet.cell(top, first).number_format == "0.0%"
    assert sheet.cell(bottom, last).value == 1
    assert sheet.cell(bottom, first).value == 0


def test_a_previous_rank_naming_no_unit_of_the_values_is_refused_naming_its_row(sheets, tmp_path):
    """Issue 13: a previous-ranks row naming an unknown unit was silently dropped."""
    sheets["previous"] = save_xlsx(
        tmp_path / "上期错.xlsx", "上期", ["县区", "位次"], [["甲县", 1], ["戌县", 2]]
    )
    with pytest.raises(CommandError, match="中发现1处错误"):
        run(*arguments(sheets))
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("assess", *arguments(sheets), stdout=StringIO(), stderr=err)
    assert "第4行「单位」" in err.getvalue() and "“戌县”不是数值表中的单位" in err.getvalue()


def test_a_z_score_beside_0_to_100_forms_must_state_its_scale(sheets, tmp_path):
    """Issue 13 (tryout13): Z分数 at centre 0, spread 1 scored about −1.5…+1.8 beside 0–100
    forms, its weight nominal. Refused naming the row unless 中心 and 离散 are written."""
    rows = [list(row) for row in SCHEME_ROWS]
    rows[2][6] = "Z分数"  # 问题办结天数, the sheet's row 5
    sheets["scheme"] = save_xlsx(tmp_path / "标准分.xlsx", "考核办法", SCHEME_HEADER, rows)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("assess", *arguments(sheets), stdout=StringIO(), stderr=err)
    assert "第5行「参数」" in err.getvalue() and "须在参数中写明中心和离散" in err.getvalue()
    rows[2][7] = "中心=60；离散=10"
    sheets["scheme"] = save_xlsx(tmp_path / "标准分.xlsx", "考核办法", SCHEME_HEADER, rows)
    units = assess_json(sheets, "--runs", "0")["units"]
    scores = {u["unit"]: D(u["score"]) for u in units if u["score"] is not None}
    assert scores["丙县"] > 80  # 60 + 10 × z: 问题办结天数 weighs its 40 (at 0 ± 1 it would not)


def test_what_if_on_a_bonus_item_changes_its_count_within_the_cap(sheets):
    """Issue 13 (tryout13): a 加分/扣分 item was refused as "考核办法中没有指标". 甲县 with
    3 national honours instead of 1: +0.5 each, capped at 1, so 79.99 − 0.5 + 1 = 80.49."""
    out = run(*arguments(sheets), "--runs", "0", "--what-if", "甲县:国家级荣誉=3")
    assert "甲县“国家级荣誉”改为3：综合得分由79.99分变为80.49分，位次仍为第2位" in out


def test_what_if_finds_an_indicator_named_without_its_unit_and_lists_the_names(sheets, tmp_path):
    rows = [list(row) for row in SCHEME_ROWS]
    rows[0][3] = "投资完成率（%）"
    sheets["scheme"] = save_xlsx(tmp_path / "带单位.xlsx", "考核办法", SCHEME_HEADER, rows)
    out = run(*arguments(sheets), "--runs", "0", "--what-if", "甲县:投资完成率=95.5")
    assert "甲县“投资完成率（%）”改为95.5：综合得分由79.99分变为79.99分" in out
    with pytest.raises(
        CommandError, match="可用：投资完成率（%）、新开工项目数、问题办结天数、国家级荣誉"
    ):
        run(*arguments(sheets), "--runs", "0", "--what-if", "甲县:天数=1")


def test_a_score_below_zero_after_deductions_is_kept_and_said(tmp_path):
    """Issue 13 (tryout13): under TOPSIS the worst unit scores 0, and a deduction took it to
    −1.00 with no word. The rule kept: deductions have no floor (a floor at 0 would tie it
    with a unit not deducted and hide the deduction); a sentence says why it is negative."""
    scheme = [
        ["规模", 50, "规模", 1, "正向", "极值法", None],
        ["进度", 50, "进度", 1, "正向", "极值法", None],
        ["扣分", 5, "安全事故", -1, None, None, None],
        ["设置", None, "汇总方法", None, None, None, "TOPSIS"],
    ]
    files = {
        "scheme": save_xlsx(tmp_path / "s.xlsx", "考核办法", SCHEME_HEADER[1:], scheme),
        "values": save_xlsx(
            tmp_path / "v.xlsx",
            "数值",
            ["县区", "规模", "进度", "安全事故"],
            [["甲县", 100, 100, None], ["乙县", 60, 50, None], ["丙县", 40, 0, 1]],
        ),
    }
    result = assess_json(files, "--runs", "0")
    scores = {u["unit"]: u["score"] for u in result["units"]}
    assert scores["丙县"] == "-1.00"
    assert any(
        "丙县综合得分为负数（-1.00分）" in s and "扣分不设下限" in s for s in result["sentences"]
    )
