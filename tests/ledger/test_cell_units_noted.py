"""A unit typed in a money cell (3000万, 0.3亿, 3,000 万元) is read by the cell's word and never
silently: a note names the sheet, row and column of the cell (tryout 11, issue 9 §3 and §8)."""

from decimal import Decimal

from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.ledger.services import import_ledger, import_progress
from tests.ledger.sheets import LEDGER_HEADER, ledger_xlsx, xlsx

TYPED = ["3000万", "0.3亿", "3,000 万元"]


def _noted(notes: list[str], sheet: str, row: int, column: str, typed: str) -> bool:
    return any(
        note.startswith(f"工作表「{sheet}」第{row}") and column in note and typed in note
        for note in notes
    )


def test_units_typed_in_ledger_money_cells_are_read_and_each_cell_noted(city):
    rows = [
        [number, f"项目{number}", None, "温县", None, "续建", None, typed, 100]
        for number, typed in enumerate(TYPED, start=1)
    ]
    report = import_ledger(
        xlsx([["2025年焦作市重点项目台账"], ["单位：万元"], LEDGER_HEADER, *rows], title="台账"),
        city=city,
        year=2025,
    )
    assert report.ok, [report.describe(fault) for fault in report.faults]
    assert set(Project.objects.values_list("total_investment", flat=True)) == {Decimal(3000)}
    for row, typed in enumerate(TYPED, start=4):
        assert _noted(report.notes, "台账", row, "总投资", typed), (typed, report.notes)


def test_units_typed_in_progress_money_cells_are_read_and_each_cell_noted(city):
    import_ledger(
        ledger_xlsx(
            *[
                [number, f"项目{number}", None, "温县", None, "续建", None, 90000, 9000]
                for number in (1, 2, 3)
            ]
        ),
        city=city,
        year=2025,
    )
    header = ["序号", "项目名称", "本月完成投资（万元）", "1-4月累计完成投资（万元）"]
    rows = [[number, f"项目{number}", 100, typed] for number, typed in enumerate(TYPED, start=1)]
    report = import_progress(xlsx([header, *rows], title="温县"), city=city, year=2025, month=4)
    assert report.ok, [report.describe(fault) for fault in report.faults]
    assert set(MonthlyProgress.objects.values_list("cumulative_completed", flat=True)) == {
        Decimal(3000)
    }
    for row, typed in enumerate(TYPED, start=2):
        assert _noted(report.notes, "温县", row, "累计完成投资", typed), (typed, report.notes)


def test_a_bare_wan_that_may_mean_wan_or_yi_yuan_is_refused_naming_the_cell(city):
    """Tryout 18 (S11c): "1.2万" under 单位：万元 may be 1.2万元 or 1.2万个万元 (1.2亿元, beside a
    总投资 of 12亿元 the likelier): an ambiguous figure is never stored, the cell is refused
    saying how to type it. "3000万" cannot mean 3000亿元 (no project costs 1000亿元) and is read."""
    rows = [
        [1, "焦作—温县快速通道", None, "温县", None, "续建", None, 120000, "1.2万"],
        [2, "项目二", None, "温县", None, "续建", None, "3000万", 100],
    ]
    report = import_ledger(
        xlsx([["2025年焦作市重点项目台账"], ["单位：万元"], LEDGER_HEADER, *rows], title="台账"),
        city=city,
        year=2025,
    )
    assert [report.describe(fault) for fault in report.faults] == [
        "工作表「台账」第4行「年度计划投资」：单元格I4「1.2万」只写“万”，无法确定是1.2万元还是"
        "1.2万个万元（1.2亿元）；请填写数字，如12000（万元）"
    ]
    assert not Project.objects.exists()
