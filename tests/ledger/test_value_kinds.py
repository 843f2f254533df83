"""Cell values as offices type them (issue 9, tryout 7): accountants' negatives, numbers kept
as text behind Excel's apostrophe, a unit written in the cell, a name re-imported in
half-width brackets. Each is read as Excel shows it, with a note, or refused saying what it
was understood as; never read as its bare digits."""

from decimal import Decimal

from guanmo.ledger.models import AnnualPlan, MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import xlsx
from tests.ledger.test_tryout_kinds import faults, ledger_figures, month_figures, two_projects

LEDGER = ["项目名称", "所在县区", "总投资（万元）", "2025年计划投资（万元）"]
PROGRESS = ["项目名称", "所在县区", "本月完成投资（万元）", "1—5月累计完成投资（万元）"]


def test_a_plan_in_brackets_is_refused_as_a_negative_never_read_as_its_digits(city):
    """L06: (1,234) is an accountant's −1234; a plan cannot be below zero."""
    sheet = xlsx([LEDGER, ["武陟县智能装备产业园", "武陟县", "50,000", "（1,234）"]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行「年度计划投资」：「（1,234）」是负数的会计写法（括号表示负数），读作-1234，"
        "不能为负数（只有「本月完成投资」可以填负数）"
    ]
    assert not Project.objects.exists()


def test_a_total_with_a_trailing_minus_is_refused_as_a_negative(city):
    """L07: 1234- is −1234 as accounting software prints it."""
    sheet = xlsx([LEDGER, ["武陟县智能装备产业园", "武陟县", "50000-", 1234]])
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == [
        "第2行「总投资」：「50000-」是负数的会计写法（末尾的负号表示负数），读作-50000，"
        "不能为负数（只有「本月完成投资」可以填负数）"
    ]
    assert not Project.objects.exists()


def test_figures_kept_as_text_behind_an_apostrophe_are_the_numbers_excel_shows(city):
    """L16: '50,000 typed so that Excel keeps it as text shows 50,000."""
    sheet = xlsx(
        [
            LEDGER,
            ["武陟县智能装备产业园", "武陟县", "'50,000", "'20000"],
            ["温县食品加工项目（一期）", "温县", "‘30000", 12000],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "武陟县智能装备产业园": ("武陟县", Decimal(50000), Decimal(20000)),
        "温县食品加工项目（一期）": ("温县", Decimal(30000), Decimal(12000)),
    }
    assert [note for note in report.notes if "撇号" in note] == [
        "工作表「Sheet1」第2、3行列C「总投资（万元）」以撇号开头，是存为文本的数字，按显示的数读取"
        "（如「'50,000」读作50000）",
        "工作表「Sheet1」第2行列D「2025年计划投资（万元）」以撇号开头，是存为文本的数字，按显示的数读取"
        "（如「'20000」读作20000）",
    ]


def test_a_unit_typed_in_a_cell_reads_that_cell_in_its_unit_and_adds_no_project(city):
    """Q10: 5亿 in a 总投资（万元） column is 50000万元; the sheet's four rows are four
    projects (the tryout's "extra" projects were the sheet's other rows)."""
    sheet = xlsx(
        [
            LEDGER,
            ["武陟县智能装备产业园", "武陟县", "5亿", 20000],
            ["温县食品加工项目（一期）", "温县", 30000, 12000],
            ["孟州市物流园", "孟州市", "8.0亿元", 30000],
            ["沁阳市新材料项目", "沁阳市", 40000, "1.5亿"],
        ]
    )
    report = import_ledger(sheet, city=city, year=2025)
    assert faults(report) == []
    assert ledger_figures() == {
        "武陟县智能装备产业园": ("武陟县", Decimal(50000), Decimal(20000)),
        "温县食品加工项目（一期）": ("温县", Decimal(30000), Decimal(12000)),
        "孟州市物流园": ("孟州市", Decimal(80000), Decimal(30000)),
        "沁阳市新材料项目": ("沁阳市", Decimal(40000), Decimal(15000)),
    }


def test_a_name_reimported_in_half_width_brackets_updates_the_stored_project_keeping_its_name(
    city,
):
    """L13: 温县食品加工项目(一期) is the stored 温县食品加工项目（一期）: updated, not added, and
    its name as stored (bulletins print it) is not rewritten."""
    first = xlsx([LEDGER, ["温县食品加工项目（一期）", "温县", 30000, 12000]])
    assert import_ledger(first, city=city, year=2025).ok
    again = xlsx([LEDGER, ["温县食品加工项目 (一期)", "温县", 31000, 12500]])
    report = import_ledger(again, city=city, year=2025)
    assert faults(report) == []
    assert (report.created, report.updated) == (0, 1)
    assert ledger_figures() == {
        "温县食品加工项目（一期）": ("温县", Decimal(31000), Decimal(12500)),
    }
    assert (
        "工作表「Sheet1」第2行「温县食品加工项目 (一期)」与台账中的「温县食品加工项目（一期）」"
        "只有全角、半角或空格的写法不同，按同一项目导入，名称不变"
    ) in report.notes


def load_may(city) -> None:
    two_projects(city)
    april = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—4月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 100, 400],
            ["修武县云台山康养小镇", "修武县", 200, 1000],
        ]
    )
    assert import_progress(april, city=city, year=2025, month=4).ok


def test_a_month_in_brackets_is_a_deduction_read_below_zero_with_a_note(city):
    """P03: 本月 (120) is a 核减 of 120, as a negative month is read today."""
    load_may(city)
    sheet = xlsx(
        [
            PROGRESS,
            ["沁阳市铝精深加工", "沁阳市", "(120)", 280],
            ["修武县云台山康养小镇", "修武县", "（30）", 970],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == []
    assert month_figures(5) == {
        "沁阳市铝精深加工": (Decimal(-120), Decimal(280)),
        "修武县云台山康养小镇": (Decimal(-30), Decimal(970)),
    }
    assert (
        "工作表「Sheet1」第2、3行列C「本月完成投资（万元）」括号表示负数，按负数读取（如「(120)」读作-120）"
    ) in report.notes
    assert (
        "工作表「Sheet1」第2行「沁阳市铝精深加工」本月为负数（核减）：本月完成投资-120万元，1—5月累计280万元，"
        "比4月累计400万元减少120万元"
    ) in report.notes


def test_a_month_with_a_trailing_minus_is_a_deduction_read_below_zero(city):
    """P04: 本月 120- is −120."""
    load_may(city)
    sheet = xlsx([PROGRESS, ["沁阳市铝精深加工", "沁阳市", "120-", 280]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == []
    assert month_figures(5) == {"沁阳市铝精深加工": (Decimal(-120), Decimal(280))}
    assert (
        "工作表「Sheet1」第2行列C「本月完成投资（万元）」末尾的负号表示负数，按负数读取（如「120-」读作-120）"
    ) in report.notes


def test_a_cumulative_in_brackets_is_refused_as_a_negative(city):
    load_may(city)
    sheet = xlsx([PROGRESS, ["沁阳市铝精深加工", "沁阳市", 20, "(420)"]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：「(420)」是负数的会计写法（括号表示负数），读作-420，"
        "不能为负数（只有「本月完成投资」可以填负数）"
    ]
    assert not MonthlyProgress.objects.filter(month=5).exists()


def test_a_first_stored_month_keeps_both_figures_as_typed_and_says_so(city):
    """No month before June is in Guanmo: 本月 200 beside 1—6月 900 is no disagreement to
    settle; both are stored as typed and the report says exactly that (tryout 7: it said
    以累计为准 and stored 本月 as typed)."""
    two_projects(city)
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 200, 900],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {"沁阳市铝精深加工": (Decimal(200), Decimal(900))}
    assert report.notes == [
        "工作表「Sheet1」第2行「沁阳市铝精深加工」：1—5月未报送，无从核对本月与累计：本月完成200万元、1—6月累计900万元均按所填保存"
    ]


def test_a_month_after_a_gap_keeps_both_figures_as_typed_and_says_so(city):
    load_may(city)  # April stored; May not reported
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本月完成投资（万元）", "1—6月累计完成投资（万元）"],
            ["沁阳市铝精深加工", "沁阳市", 50, 600],
        ]
    )
    report = import_progress(sheet, city=city, year=2025, month=6)
    assert faults(report) == []
    assert month_figures(6) == {"沁阳市铝精深加工": (Decimal(50), Decimal(600))}
    assert report.notes == [
        "工作表「Sheet1」第2行「沁阳市铝精深加工」：5月未报送，无从核对本月与累计：本月完成50万元、1—6月累计600万元均按所填保存"
    ]


def test_figures_that_disagree_with_last_month_are_refused_and_nothing_stored(city):
    """Tryout 14 P6: both were stored with a note; one of the two is wrong."""
    load_may(city)
    sheet = xlsx([PROGRESS, ["沁阳市铝精深加工", "沁阳市", 50, 500]])
    report = import_progress(sheet, city=city, year=2025, month=5)
    assert faults(report) == [
        "第2行「累计完成投资」：本月完成50万元（C2）加4月累计400万元为450万元，与所填1—5月累计"
        "500万元（D2）不符，未导入（请核对两数）"
    ]
    assert month_figures(5) == {}


def test_plans_stay_untouched_by_a_refused_negative(city):
    first = xlsx([LEDGER, ["武陟县智能装备产业园", "武陟县", 50000, 20000]])
    assert import_ledger(first, city=city, year=2025).ok
    again = xlsx([LEDGER, ["武陟县智能装备产业园", "武陟县", 50000, "(1,234)"]])
    assert not import_ledger(again, city=city, year=2025).ok
    assert AnnualPlan.objects.get().planned_investment == 20000
