"""A project lying in two counties counts in its lead county's block for the 小计 check, as it
does in the totals (tryout 25 [2]: 沁河生态廊道（武陟县、温县） was left out of 武陟县小计's
block, so a right 小计62000 was said to differ from 各项目之和42000)."""

from guanmo.ledger.services import import_ledger
from tests.ledger.sheets import xlsx

HEADER = ["序号", "项目名称", "所在县区", "建设性质", "总投资", "2025年计划投资"]


def _sheet(subtotal_total: int):
    """A ledger sorted by county with no headings, each county closed by its 县区小计 row."""
    return xlsx(
        [
            ["2025年焦作市重点项目台账"],
            ["单位：万元"],
            HEADER,
            [1, "智能装备产业园", "武陟县", "续建", 120000, 30000],
            [2, "融合计算中心", "武陟县", "续建", 50000, 12000],
            [3, "沁河生态廊道", "武陟县、温县", "续建", 90000, 20000],
            [None, "武陟县小计", None, None, subtotal_total, 62000],
            [4, "温县医院", "温县", "续建", 40000, 10000],
            [None, "温县小计", None, None, 40000, 10000],
        ]
    )


def test_a_wrong_subtotal_names_only_the_wrong_column_with_the_right_sum(city):
    report = import_ledger(_sheet(261000), city=city, year=2025, dry_run=True)

    (note,) = [note for note in report.notes if "与各项目之和不符" in note]
    assert note == (
        "工作表「Sheet1」第7行「武陟县小计」与各项目之和不符：列E「总投资」小计261000万元，"
        "各项目之和260000万元"
    )


def test_right_subtotals_say_nothing(city):
    report = import_ledger(_sheet(260000), city=city, year=2025, dry_run=True)

    assert report.ok, report.faults
    assert not [note for note in report.notes if "与各项目之和不符" in note]
