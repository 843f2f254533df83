"""When a needed column is missing, the refusal suggests naming only an unknown column whose
cells fit the field (numbers for money), preferring one whose header word names it (累计/年度 →
累计完成投资, 本期/本月/当月 → 本月完成投资, 总额 → 总投资); else it lists them without a
suggestion (tryout 31, finding 2: 主管部门, holding 市体育局, was suggested for 总投资, and
本期完成额, the month, for 累计完成投资)."""

from guanmo.ledger.services import import_ledger, import_progress
from guanmo.sheets.advice import Channel
from tests.ledger.sheets import xlsx


def missing_fault(report) -> str:
    [fault] = [str(fault) for fault in report.faults if "未识别的列" in str(fault)]
    return fault


def test_a_text_column_is_not_suggested_for_总投资_but_the_figure_column_is(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "主管部门", "项目总额", "本年度计划"],
            ["市体育中心改造", "市直", "市体育局", 12000, 3000],
        ]
    )
    fault = missing_fault(
        import_ledger(sheet, city=city, year=2025, dry_run=True, channel=Channel.WEB)
    )

    assert "表中有未识别的列：「主管部门」、「项目总额」，" in fault
    assert "把「项目总额」一列的“指定为”改为「总投资」" in fault
    assert "「主管部门」一列的“指定为”" not in fault


def test_the_year_s_column_is_suggested_for_the_cumulative_not_the_month_s(city):
    sheet = xlsx(
        [
            ["项目名称", "所在县区", "本期完成额", "年度累计额"],
            ["武陟县甲项目", "武陟县", 1000, 5000],
        ]
    )
    fault = missing_fault(import_progress(sheet, city=city, year=2025, month=6, dry_run=True))

    assert "--map '年度累计额=累计完成投资'" in fault
    assert "本期完成额=" not in fault


def test_no_column_fitting_the_field_lists_them_without_a_suggestion(city):
    sheet = xlsx([["项目名称", "所在县区", "主管部门"], ["市体育中心改造", "市直", "市体育局"]])
    fault = missing_fault(
        import_ledger(sheet, city=city, year=2025, dry_run=True, channel=Channel.WEB)
    )

    assert "表中有未识别的列：「主管部门」，如其中一列就是所缺的列，" in fault
    assert "请在“列对应”中把该列的“指定为”改为「总投资」后点“重新识别”" in fault
