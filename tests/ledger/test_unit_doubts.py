"""A sheet that writes no money unit is read in 万元; figures that look typed in 亿元 get a note,
not a refusal (issue 9 §3: a key project's 总投资 under 100万元, a plan under 1% of 总投资)."""

from guanmo.ledger.columns import Field
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
