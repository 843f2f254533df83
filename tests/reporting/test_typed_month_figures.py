"""The grid reads a month's figures by the importer's rule (issue 9, tryout 7): an accountant's
negative is a 核减, and a month with no earlier report keeps both figures as typed, saying so."""

from decimal import Decimal

from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.services import EntryInput, save_entries


def fill(report, world, key, month, cumulative):
    typed = EntryInput(
        world.projects[key].pk,
        completed_this_month=month,
        cumulative_completed=cumulative,
        visible_progress="主体施工",
    )
    return save_entries(report, [typed], user=world.users["wuzhi"], version=report.version)


def saved(report, world, key) -> tuple[Decimal, Decimal]:
    entry = report.entries.get(project=world.projects[key])
    return entry.completed_this_month, entry.cumulative_completed


def test_a_month_typed_in_brackets_is_a_deduction(world, wuzhi_report):
    result = fill(wuzhi_report, world, "武陟物流", "(20)", "")
    assert result.ok
    assert saved(wuzhi_report, world, "武陟物流") == (Decimal(-20), Decimal(100))
    assert result.warnings[world.projects["武陟物流"].pk][0] == (
        "本月为负数（核减）：本月完成投资-20万元，1—4月累计100万元，比3月累计120万元减少20万元"
    )


def test_a_cumulative_typed_in_brackets_is_refused_as_a_negative(world, wuzhi_report):
    result = fill(wuzhi_report, world, "武陟物流", "", "(100)")
    assert [str(fault) for fault in result.faults] == [
        "「武陟县冷链物流园」累计完成投资（万元）：「(100)」是负数的会计写法（括号表示负数），"
        "读作-100，不能为负数"
    ]


def test_a_first_month_keeps_both_figures_as_typed_and_says_so(world, wuzhi_report):
    MonthlyProgress.objects.filter(project=world.projects["武陟物流"]).delete()
    result = fill(wuzhi_report, world, "武陟物流", "30", "200")
    assert result.ok
    assert saved(wuzhi_report, world, "武陟物流") == (Decimal(30), Decimal(200))
    assert result.warnings[world.projects["武陟物流"].pk][0] == (
        "1—3月未报送，无从核对本月与累计：本月完成30万元、1—4月累计200万元均按所填保存"
    )
