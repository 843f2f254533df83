"""A progress column whose figures belong to another period than its header says is refused
naming the column, the rows and the arithmetic, never stored (issue 9: never a silent wrong
figure; fresh-eyes tryout 4, P01 and P34): a 本月 column holding the year's cumulative, a 累计
column holding the cumulative since the start of construction (开累). The user who knows better
says so with --map, and the figures are then read as stated."""

from decimal import Decimal

import pytest

from guanmo.ledger.columns import parse_mapping
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx
from tests.ledger.test_tryout_kinds import faults, month_figures

HEADER = [*LEDGER_HEADER[:9], "截至上年底累计完成投资"]


def test_a_month_column_holding_the_years_cumulative_is_refused_naming_it(june):
    """P01's kind: the only 当月 column holds 1—7月 (each figure above June's cumulative)."""
    sheet = xlsx(
        [
            ["2025年7月重点项目推进情况"],
            ["序号", "项目名称", "所在县区", "当月完成投资（万元）", "形象进度"],
            [1, "甲项目", "武陟县", 4600, "主体施工"],
            [2, "乙项目", "温县", 1350, "设备安装"],
        ]
    )
    report = import_progress(sheet, city=june, year=2025, month=7)
    assert faults(report) == [
        "工作表「Sheet1」「当月完成投资（万元）」第3、4行都不小于已报的6月累计"
        "（如第3行4600万元，6月累计4000万元），本月列疑为累计数（1—7月累计），未导入；"
        "如确为1—7月累计，请将该列指定为「累计完成投资」"
        "（--map '当月完成投资（万元）=累计完成投资'）；如确为本月，请指定"
        "（--map '当月完成投资（万元）=本月完成投资'）后重新导入"
    ]
    assert month_figures(7) == {}


def test_a_month_column_the_user_states_as_the_month_is_read_as_typed(june):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "当月完成投资（万元）"],
            ["甲项目", "武陟县", 4600],
            ["乙项目", "温县", 1350],
        ]
    )
    mapping = parse_mapping(["当月完成投资（万元）=本月完成投资"])
    report = import_progress(sheet, city=june, year=2025, month=7, mapping=mapping)
    assert faults(report) == []
    assert month_figures(7) == {
        "甲项目": (Decimal(4600), Decimal(8600)),
        "乙项目": (Decimal(1350), Decimal(2550)),
    }


def test_a_month_below_the_cumulative_before_it_is_read(june):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "当月完成投资（万元）"],
            ["甲项目", "武陟县", 600],
            ["乙项目", "温县", 1300],
        ]
    )
    report = import_progress(sheet, city=june, year=2025, month=7)
    assert faults(report) == []  # one month above June's cumulative of two rows is possible
    assert month_figures(7)["甲项目"] == (Decimal(600), Decimal(4600))


def test_a_cumulative_off_by_the_year_end_figure_is_refused_as_since_start(june):
    """P34's kind: a county's 累计完成投资 is since the start of construction (2024's 8000
    included); 本月 is the month's own."""
    sheet = xlsx(
        [
            ["2025年7月份重点项目进展情况"],
            [
                "项目名称",
                "所在县区",
                "总投资（万元）",
                "累计完成投资（万元）",
                "本月完成投资（万元）",
            ],
            ["甲项目", "武陟县", 50000, 12600, 600],
            ["乙项目", "温县", 20000, 3850, 150],
        ]
    )
    report = import_progress(sheet, city=june, year=2025, month=7)
    assert faults(report) == [
        "工作表「Sheet1」「累计完成投资（万元）」疑为自开工以来的累计（开累），不是本年累计，"
        "未导入：第3行12600万元减6月累计4000万元、本月完成600万元，多出8000万元，"
        "正是台账中截至2024年底累计8000万元；第4行3850万元减6月累计1200万元、本月完成150万元，"
        "多出2500万元，正是台账中截至2024年底累计2500万元。如是开累，请将该列指定为"
        "「开工累计完成投资」（--map '累计完成投资（万元）=开工累计完成投资'）；如确为本年累计，"
        "请指定（--map '累计完成投资（万元）=累计完成投资'）后重新导入"
    ]
    assert month_figures(7) == {}


def test_a_cumulative_far_above_the_months_without_a_year_end_is_refused(city):
    """The tryout's own case: the ledger holds no 截至上年底累计, yet every row's cumulative is
    8000 above June's plus the month (a revision of earlier months that large is no revision)."""
    import_ledger(
        ledger_xlsx([1, "丙项目", None, "修武县", None, "续建", None, 60000, 9000]),
        city=city,
        year=2025,
    )
    june = xlsx(
        [
            ["项目名称", "所在县区", "1—6月累计完成投资（万元）", "6月完成投资"],
            ["丙项目", "修武县", 3001, 200],
        ]
    )
    assert import_progress(june, city=city, year=2025, month=6).faults == []
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "累计完成投资（万元）", "本月完成投资（万元）"],
            ["丙项目", "修武县", 11402, 401],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=7)
    assert faults(report) == [
        "工作表「Sheet1」「累计完成投资（万元）」疑为自开工以来的累计（开累），不是本年累计，"
        "未导入：第2行11402万元减6月累计3001万元、本月完成401万元，多出8000万元，"
        "比6月累计还多（台账中没有截至2024年底累计，无法核对）。如是开累，请将该列指定为"
        "「开工累计完成投资」（--map '累计完成投资（万元）=开工累计完成投资'）"
        "并填写截至上年底累计；"
        "如确为本年累计，请指定（--map '累计完成投资（万元）=累计完成投资'）后重新导入"
    ]
    assert month_figures(7) == {}


def test_a_cumulative_mapped_as_since_start_gives_the_year_from_the_ledger(june):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "累计完成投资（万元）", "本月完成投资（万元）"],
            ["甲项目", "武陟县", 12600, 600],
            ["乙项目", "温县", 3850, 150],
        ]
    )
    mapping = parse_mapping(["累计完成投资（万元）=开工累计完成投资"])
    report = import_progress(sheet, city=june, year=2025, month=7, mapping=mapping)
    assert faults(report) == []
    assert month_figures(7) == {
        "甲项目": (Decimal(600), Decimal(4600)),
        "乙项目": (Decimal(150), Decimal(1350)),
    }


def test_a_cumulative_a_little_above_last_month_and_this_month_is_refused(june):
    """Tryout 14 P6: a 开累 short of twice the month before's was kept as a revision."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "累计完成投资（万元）", "本月完成投资（万元）"],
            ["甲项目", "武陟县", 4700, 600],
        ]
    )
    report = import_progress(sheet, city=june, year=2025, month=7)
    assert faults(report) == [
        "第2行「累计完成投资」：本月完成600万元（D2）加6月累计4000万元为4600万元，与所填累计"
        "4700万元（C2）不符，多出100万元，疑为开累（自开工累计），未导入（请核对两数）"
    ]
    assert month_figures(7) == {}


def test_a_remembered_mapping_that_does_not_fit_the_sheet_is_named_first(june):
    """Tryout 4 P23: 完成投资（万元）=累计完成投资 given for a 1—7月 sheet is remembered and
    applied to an 8月份 sheet whose bare 完成投资 is August's own; the refusal begins with the
    remembered mapping that may not fit, not only with 累计 below July's."""
    july = xlsx(
        [
            ["2025年1—7月重点项目完成情况"],
            ["项目名称", "所在县区", "完成投资（万元）"],
            ["甲项目", "武陟县", 4600],
        ]
    )
    mapping = parse_mapping(["完成投资（万元）=累计完成投资"])
    assert import_progress(july, city=june, year=2025, month=7, mapping=mapping).faults == []
    august = xlsx(  # the same header (a changed one is not given the mapping at all)
        [
            ["2025年8月份重点项目进展情况"],
            ["项目名称", "所在县区", "完成投资（万元）"],
            ["甲项目", "武陟县", 30],
        ]
    )
    report = import_progress(august, city=june, year=2025, month=8)
    # it was stored as 1—8月累计 30万元 with a 核减 of 4570万元; a falling 累计 with no 本月
    # typed below zero is refused too now (issue 9), and the mapping is still named first
    found, falling = faults(report)
    assert found.startswith(
        "工作表「Sheet1」「完成投资（万元）」按本市上次导入时指定的对应读作「累计完成投资」"
        "（沿用上次导入的对应（"
    )
    assert falling == (
        "第3行「累计完成投资」：累计30万元（C3），低于7月累计4600万元，而本月完成投资未填写，"
        "两数相互矛盾（核减时本月应填负数）"
    )
    assert found.endswith(
        "），读出的数不合（见下列错误），这一对应可能不适用于本表，未导入；"
        "如该列是本月完成投资，请指定（--map '完成投资（万元）=本月完成投资'）；"
        "如确为累计完成投资，请指定（--map '完成投资（万元）=累计完成投资'）后重新导入"
    )
    assert month_figures(8) == {}


def test_an_earlier_quarter_beside_the_import_months_column_is_left_out_with_a_note(june):
    """Tryout 4 P16's kind: 上半年完成 beside 7月完成投资 and no 1—7月 column was refused as if
    the sheet were 上半年's; the month's column names July, so the sheet is July's and its
    cumulative comes from June's stored one, said by row."""
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "一季度完成", "7月完成投资（万元）"],
            ["甲项目", "武陟县", 1500, 600],
        ]
    )
    report = import_progress(sheet, city=june, year=2025, month=7)
    assert faults(report) == []
    assert "工作表「Sheet1」「一季度完成」写明1-3月，是此前时期的累计，不是1-7月的数，未读取" in (
        report.notes
    )
    assert month_figures(7) == {"甲项目": (Decimal(600), Decimal(4600))}


def test_a_month_after_an_unreported_one_says_which_cumulative_it_adds_to(june):
    sheet = xlsx([["项目名称", "所在县区", "8月完成投资（万元）"], ["甲项目", "武陟县", 300]])
    report = import_progress(sheet, city=june, year=2025, month=8)
    assert faults(report) == []
    assert (
        "工作表「Sheet1」第2行「甲项目」：7月未报送完成投资，1—8月累计按6月累计4000万元加本月算出（4300万元）"
        in report.notes
    )


@pytest.fixture
def may(city):
    """丁 (孟州市, 2025 plan 20000万元, no 截至上年底累计 in the ledger) with May's cumulative
    7500 stored."""
    report = import_ledger(
        ledger_xlsx([1, "丁项目", None, "孟州市", None, "续建", None, 200000, 20000]),
        city=city,
        year=2025,
    )
    assert report.faults == []
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "5月完成投资（万元）", "1—5月累计完成投资（万元）"],
            ["丁项目", "孟州市", 1500, 7500],
        ]
    )
    assert import_progress(sheet, city=city, year=2025, month=5).faults == []
    return city


NO_MONTH_LAYOUTS = [
    (
        ["项目名称", "截至6月底累计完成投资（万元）"],
        ["丁项目", 45000],
        "截至6月底累计完成投资（万元）",
    ),
    (["项目名称", "累计完成投资（万元）"], ["丁项目", 45000], "累计完成投资（万元）"),
    (
        ["项目名称", "本月完成投资", "累计完成投资"],
        ["丁项目", None, 45000],
        "累计完成投资",
    ),
]


@pytest.mark.parametrize(("header", "row", "column"), NO_MONTH_LAYOUTS)
def test_a_cumulative_without_the_month_jumping_past_the_years_plan_is_refused(
    may, header, row, column
):
    """Tryout 7: with no 本月 (no column, or left blank) a 开累 of 45000 was read as 1—6月 and
    a 本月 of 37500 (1.9 times the year's plan of 20000) worked out with no caveat."""
    report = import_progress(xlsx([header, row]), city=may, year=2025, month=6)
    assert faults(report) == [
        f"工作表「Sheet1」「{column}」疑为自开工以来的累计（开累），不是本年累计，"
        "未导入：第2行45000万元减5月累计7500万元（本月完成未填），多出37500万元，"
        "比5月累计还多，也超过本年计划20000万元（台账中没有截至2024年底累计，无法核对）。"
        "如是开累，请将该列指定为「开工累计完成投资」"
        f"（--map '{column}=开工累计完成投资'）并填写截至上年底累计；"
        f"如确为本年累计，请指定（--map '{column}=累计完成投资'）后重新导入"
    ]
    assert month_figures(6) == {}


@pytest.mark.parametrize(("header", "row", "column"), NO_MONTH_LAYOUTS)
def test_a_cumulative_without_the_month_and_a_modest_jump_is_read(may, header, row, column):
    honest = [9000 if figure == 45000 else figure for figure in row]
    report = import_progress(xlsx([header, honest]), city=may, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {"丁项目": (Decimal(1500), Decimal(9000))}


def test_a_first_cumulative_without_the_month_or_earlier_figures_is_read(city):
    """January: no earlier cumulative to jump from, the month is the cumulative."""
    import_ledger(
        ledger_xlsx([1, "丁项目", None, "孟州市", None, "续建", None, 200000, 20000]),
        city=city,
        year=2025,
    )
    sheet = xlsx([["项目名称", "累计完成投资（万元）"], ["丁项目", 1800]])
    report = import_progress(sheet, city=city, year=2025, month=1)
    assert faults(report) == []
    assert month_figures(1) == {"丁项目": (Decimal(1800), Decimal(1800))}
