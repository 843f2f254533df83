"""report.xlsx says what the page and the text say: the group's total and growth in a row of
its own, the 位次不符 remark beside the region, and rank moves signed (+3 / −6) with the legend
+ 前移、− 后移 (tryout 26 item 12: r6.xlsx had none of them). Read back with openpyxl."""

import io
from decimal import Decimal

from openpyxl import load_workbook

from guanmo.indicators.report import build_report
from guanmo.indicators.report_output import as_xlsx
from guanmo.indicators.services import Source, ValueInput, store_values
from tests.indicators.pages import indicator_city
from tests.world import YEAR


def test_the_workbook_has_the_group_line_the_rank_remark_and_signed_moves(world):
    figures = indicator_city(world)
    # 武陟县 reports 2nd for May, where its 9.5% is 10th of 10
    store_values(
        figures.investment,
        YEAR,
        5,
        [ValueInput(world.wuzhi, Decimal(107), Decimal(100), Decimal("9.5"), 2)],
        source=Source.IMPORT,
        user=None,
    )
    sheet = load_workbook(io.BytesIO(as_xlsx(build_report(world.city, YEAR, 5))))["固定资产投资"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=3) if row[0].value}
    header = [cell.value for cell in rows["地区"]]
    assert header[-1] == "备注"

    whole = rows["全市"]  # the group's own line: 1055.0亿元, 5.5%
    assert whole[1].value == 1055 and Decimal(str(whole[3].value)) == Decimal("0.055")
    assert whole[2].value == 1000  # its 上年同期, the units' summed (tryout 29 item 9)

    wuzhi = rows["武陟县"]
    change = header.index("较上期位次变化")
    assert wuzhi[change].value == -3 and wuzhi[change].number_format == "+0;-0;0"
    assert rows["温县"][change].value == 1 and rows["温县"][change].number_format == "+0;-0;0"
    assert wuzhi[-1].value == "上报位次第2位，按数据计算第10位"

    said = [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value]
    assert any("位次变化“+”为前移、“-”为后移" in text for text in said)
