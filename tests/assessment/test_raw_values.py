"""Issue 13 (last stop, item 3): the results page showed no raw values behind a score. It shows
原始数值 as the .xlsx's sheet holds them, each indicator headed with its unit, escaped."""

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.assessment.definition import Definition, IndicatorRow, Inputs
from guanmo.assessment.exporters.text import raw_text
from guanmo.assessment.objections import publish_result
from guanmo.assessment.services import save_scheme
from guanmo.assessment.sources import raw_header

DEFINITION = Definition(
    (
        IndicatorRow("项目建设", D(50), "投资完成率", D(50)),
        IndicatorRow("亩均效益", D(30), "亩均税收（万元/亩）", D(30)),
        IndicatorRow("服务保障", D(20), "<b>办结</b>天数", D(20)),
    )
)
INPUTS = Inputs(
    {
        "武陟县": {
            "投资完成率": D("95.5"),
            "亩均税收（万元/亩）": D("18.25"),
            "<b>办结</b>天数": D(10),
        },
        "温县": {"投资完成率": D(100), "亩均税收（万元/亩）": D(9), "<b>办结</b>天数": D(6)},
        "孟州市": {"投资完成率": D(70), "亩均税收（万元/亩）": D("12.5"), "<b>办结</b>天数": D(20)},
    }
)


@pytest.fixture
def result(world, settings):
    settings.GUANMO_TODAY = date(2025, 12, 1)
    scheme = save_scheme(world.city, "2025年度", "综合考核", DEFINITION, list(INPUTS.values))
    return publish_result(scheme, INPUTS, days=5, runs=10, seed=1)


def raw_table(page: str) -> str:
    start = page.index('id="raw-values"')
    return page[start : page.index("</table>", start)]


def test_the_page_shows_each_units_raw_values_with_units_escaped(client, world, result):
    client.force_login(world.users["wuzhi"])
    page = client.get(reverse("assessment_result", args=[result.pk])).content.decode()
    table = raw_table(page)
    headers = "<th>单位</th><th>投资完成率（%）</th><th>亩均税收（万元/亩）</th>"
    assert headers + "<th>&lt;b&gt;办结&lt;/b&gt;天数</th>" in table
    assert "<td>武陟县</td><td>95.5</td><td>18.25</td><td>10</td>" in table
    assert "<td>孟州市</td><td>70</td><td>12.5</td><td>20</td>" in table
    assert "<b>" not in page


def test_the_page_and_the_xlsx_show_the_same_raw_values(client, world, result):
    client.force_login(world.users["city"])
    url = reverse("assessment_result", args=[result.pk])
    table = raw_table(client.get(url).content.decode())
    book = load_workbook(BytesIO(b"".join(client.get(url, {"format": "xlsx"}).streaming_content)))
    header, *rows = book["原始数值"].iter_rows(min_row=2, values_only=True)
    assert "".join(f"<th>{cell}</th>" for cell in header[:3]) in table
    for row in rows:
        cells = [row[0], *(f"{D(str(value)).normalize():f}" for value in row[1:])]
        assert "".join(f"<td>{cell}</td>" for cell in cells) in table


@pytest.mark.parametrize(
    ("value", "shown"),
    [(D("95.50"), "95.5"), (D(185000), "185000"), (D(245) / D(13), "18.8462"), (None, "—")],
)
def test_a_raw_value_is_shown_as_given_and_a_long_quotient_to_four_decimals(value, shown):
    assert raw_text(value) == shown


@pytest.mark.parametrize(
    ("row", "header"),
    [
        (IndicatorRow("观摩", None, "观摩得分", None, source="观摩:县区得分"), "观摩得分（分）"),
        (IndicatorRow("项目", None, "新开工", None, source="台账:新开工项目数"), "新开工（个）"),
        (IndicatorRow("园区", None, "规上企业", None, source="园区:规上企业数"), "规上企业（家）"),
        (IndicatorRow("指标", None, "工业增加值增速", None), "工业增加值增速（%）"),
        (IndicatorRow("亩均效益", None, "单位能耗税收", None), "单位能耗税收（万元/吨标准煤）"),
        (IndicatorRow("指标", None, "单位能耗", None), "单位能耗"),
    ],
)
def test_an_indicators_raw_values_are_headed_with_its_unit(row, header):
    assert raw_header(row) == header
