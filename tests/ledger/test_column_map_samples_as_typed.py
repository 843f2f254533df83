"""The column map's sample is the cell as the sheet has it, in the sheet's unit: a ledger in
亿元 shows 74.26015亿元 (折合742601.5万元, the stored unit), never a figure in one unit labelled
with another; a hidden column not understood is said 隐藏列 and left out, not merely 未识别
(issue 9 §2 and §8: the column map is the user's proof)."""

from io import BytesIO

from guanmo.ledger.services import import_ledger
from tests.sheets.files import Drawn, to_xlsx

HEADER = ["序号", "项目名称", "所在县区", "建设性质", "起止年限", "总投资", "2025年计划投资"]


def _ledger(unit: str, total: object, plan: object, *, hidden: str | None = None) -> BytesIO:
    header = [*HEADER, hidden] if hidden else HEADER
    row = [1, "武陟县高端装备产业园", "武陟县", "续建", "2024—2026", total, plan]
    drawn = Drawn(
        [
            ["2025年焦作市重点项目台账"],
            [f"单位：{unit}"],
            header,
            [*row, "甲乙丙"] if hidden else row,
        ],
        name="台账",
        hidden_columns={len(HEADER)} if hidden else set(),
    )
    return BytesIO(to_xlsx(drawn))


def test_a_sample_in_yi_is_shown_as_typed_with_the_stored_figure_beside(city):
    report = import_ledger(_ledger("亿元", 74.26015, 12.5), city=city, year=2025, dry_run=True)

    assert report.ok, report.fault_lines
    shown = [str(use) for use in report.columns]
    assert "总投资 ← 总投资（示例：74.26015亿元（折合742601.5万元），单位：亿元）" in shown
    assert "年度计划投资 ← 2025年计划投资（示例：12.5亿元（折合125000万元），单位：亿元）" in shown


def test_a_sample_in_wan_is_the_cell_itself(city):
    report = import_ledger(_ledger("万元", 742601.5, 3000), city=city, year=2025, dry_run=True)

    assert report.ok, report.fault_lines
    shown = [str(use) for use in report.columns]
    assert "总投资 ← 总投资（示例：742601.5万元，单位：万元）" in shown


def test_a_hidden_column_not_understood_is_said_hidden_and_left_out(city):
    report = import_ledger(
        _ledger("万元", 5000, 3000, hidden="联络暗号"), city=city, year=2025, dry_run=True
    )

    assert report.ok, report.fault_lines
    assert "（未读取）← 联络暗号（隐藏列）" in [str(use) for use in report.columns]
    assert "工作表「台账」「联络暗号」所在的H列为隐藏列，未读取" in report.note_lines
    assert not any("未识别" in note for note in report.note_lines)
    assert not report.unknown_columns
