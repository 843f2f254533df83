"""Formula results with binary float tails (3.466666666666667, shown 3.47) are refused once per
column with the advice to fix the column, not once per cell (tryout 26 item 9: 12 lines of
「超过6位小数」 and no way forward). Nothing is stored."""

from guanmo.indicators.models import IndicatorValue
from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.sheets import bulletin, jiaozuo_rows, write


def test_float_tails_are_refused_once_per_column_with_advice(city, tmp_path):
    rows = jiaozuo_rows()
    for row in rows[:3]:  # 解放区, 中站区, 马村区: 本期 of a formula =x/3
        row[1] = float(row[1]) + 1 / 3
    rows[0][2] = 100 / 3  # and one 上年同期

    report = import_indicators(write(tmp_path, bulletin(rows)), city=city, year=2025, month=6)

    said = [str(fault) for fault in report.faults]
    assert said == [
        "「固定资产投资」：工作表「主要指标」B列「固定资产投资（亿元）／1—6月累计」有3个单元格"
        "（B5、B6、B7）超过6位小数，如101.3333333333333，多为公式结果的尾数（表中按格式显示为"
        "较少小数）；请将该列设置为所需的小数位数（如两位小数），复制后选择性粘贴为数值，再导入",
        "「固定资产投资」：工作表「主要指标」C列「固定资产投资（亿元）／上年同期」有1个单元格"
        "（C5）超过6位小数，如33.33333333333334，多为公式结果的尾数（表中按格式显示为"
        "较少小数）；请将该列设置为所需的小数位数（如两位小数），复制后选择性粘贴为数值，再导入",
    ]
    assert not IndicatorValue.objects.exists()
