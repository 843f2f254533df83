"""A sheet that writes no money unit is read in 万元; figures that look typed in 亿元 get a note,
not a refusal (issue 9 §3: a key project's 总投资 under 100万元, a plan under 1% of 总投资)."""

from guanmo.ledger.columns import Field
from guanmo.ledger.models import Project
from guanmo.ledger.services import import_ledger
from guanmo.ledger.services.ledger_import import LEDGER_SHEET
from guanmo.ledger.unit_doubts import unit_doubt_notes
from guanmo.sheets.workbook import read_workbook
from tests.ledger.sheets import xlsx


def notes_for(*rows):
    reading = read_workbook(xlsx(rows), LEDGER_SHEET)
    assert not reading.faults
    return unit_doubt_notes(reading.tables)


def test_a_tiny_total_without_a_written_unit_is_noted():
    notes = notes_for(["项目名称", "所在县区", "总投资", "年度计划投资"], ["甲", "温县", 3.2, 1.5])
    assert any("第2行" in note and "不足100万元" in note for note in notes), notes


def test_a_plan_under_one_percent_of_the_total_without_a_written_unit_is_noted():
    notes = notes_for(
        ["项目名称", "所在县区", "总投资", "年度计划投资"], ["甲", "温县", 30000, 1.2]
    )
    assert any("不足总投资" in note and "1%" in note for note in notes), notes


def test_plausible_figures_or_a_written_unit_give_no_note():
    assert not notes_for(
        ["项目名称", "所在县区", "总投资", "年度计划投资"], ["甲", "温县", 30000, 5000]
    )
    assert not notes_for(
        ["项目名称", "所在县区", "总投资（万元）", "年度计划投资（万元）"],
        ["甲", "温县", 3.2, 0.01],
    )


def test_the_note_names_the_field():
    notes = notes_for(["项目名称", "所在县区", "总投资"], ["甲", "温县", 50])
    assert any(Field.TOTAL_INVESTMENT.value in note for note in notes), notes


L47_HEADER = ["序号", "项目名称", "所在县区", "总投资", "2026年计划投资"]


def test_most_totals_under_100_wan_with_no_unit_written_stop_the_import(city):
    """Tryout 6 L47: no unit anywhere and most 总投资 figures under 100 — the sheet is in 亿元
    far more likely than a list of key projects each under 100万元; never stored as 5.2万元."""
    sheet = xlsx(
        [
            L47_HEADER,
            [1, "智能装备产业园", "武陟县", 5.2, 1.2],
            [2, "怀药深加工", "温县", 0.86, 0.5],
            [3, "污水处理厂提标改造", "孟州市", 1.53, 0.62],
            [4, "铝基新材料", "沁阳市", 12.6, 3],
        ]
    )
    report = import_ledger(sheet, city=city, year=2026)
    assert not report.ok
    (fault,) = [str(each) for each in report.faults]
    assert "「总投资」列未写明金额单位" in fault
    assert "第2、3、4、5行" in fault and "如第2行5.2万元" in fault
    assert "「总投资（万元）」或「总投资（亿元）」" in fault
    assert not Project.objects.exists()


def test_a_few_small_totals_among_large_ones_with_no_unit_are_only_noted(city):
    sheet = xlsx(
        [
            L47_HEADER,
            [1, "智能装备产业园", "武陟县", 52000, 12000],
            [2, "怀药深加工", "温县", 8600, 5000],
            [3, "污水处理厂提标改造", "孟州市", 15.3, 6.2],
        ]
    )
    report = import_ledger(sheet, city=city, year=2026)
    assert report.ok, report.faults
    assert any("第4行" in note and "不足100万元" in note for note in report.notes)
