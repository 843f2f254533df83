"""Figures corrected after the month's bulletin was issued: the page says they changed after
issue and offers the current figures' .xlsx beside the issued one, and the import that changes
them names the issued bulletin (tryout 26 item 5: the banner said 已印发 over figures the issued
downloads did not have, and nothing said so)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.indicators.sheet_import import import_indicators
from tests.indicators.pages import indicator_city
from tests.indicators.sheets import bulletin, jiaozuo_rows, write

QUERY = "?year=2025&month=5"
SAID = "本页数字在印发后有更正，与已印发的焦作项目办〔2025〕1号不同，已印发的文件见下载"


@pytest.fixture
def issued(client, world):
    figures = indicator_city(world)
    client.force_login(world.users["city"])
    client.post(reverse("indicator_board_issue") + QUERY, {"dated": "2025-06-03"})
    return figures


def _workbook(client, query: str) -> list:
    response = client.get(reverse("indicator_board_file", args=["xlsx"]) + query)
    rows = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["固定资产投资"]
    return next(list(r) for r in rows.iter_rows(values_only=True) if r[0] == "武陟县")


def test_the_page_says_the_figures_changed_after_issue_and_offers_both(
    client, world, issued, tmp_path
):
    body = client.get(reverse("indicator_board") + QUERY).content.decode()
    assert "已印发：焦作项目办〔2025〕1号" in body and SAID not in body

    rows = [r for r in jiaozuo_rows() if r[0] != "城乡一体化示范区"]  # not in the test city
    wuzhi = next(r for r in rows if r[0] == "武陟县")
    wuzhi[1], wuzhi[3], wuzhi[4] = 107, 25, None  # May's 9.5% corrected to 25%
    drawn = bulletin(
        rows, title="2025年1—5月各县（市、区）主要经济指标", investment_value="1—5月累计"
    )
    report = import_indicators(write(tmp_path, drawn), city=world.city, year=2025, month=5)
    assert report.ok, [str(fault) for fault in report.faults]
    assert any(
        note.startswith("本次导入改动了已印发的焦作项目办〔2025〕1号《") for note in report.notes
    )

    body = client.get(reverse("indicator_board") + QUERY).content.decode()
    assert SAID in body
    assert "导出当前数字（Excel）" in body and "current=1" in body
    assert _workbook(client, QUERY)[4:6] == [10, -3]  # as issued
    assert _workbook(client, QUERY + "&current=1")[4] != 10  # as it stands


def test_the_issued_workbook_says_its_number_and_date_and_the_draft_does_not(client, world, issued):
    # tryout 29 item 9: the issued report.xlsx could not be told from the draft
    response = client.get(reverse("indicator_board_file", args=["xlsx"]) + QUERY)
    first = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    heading = " ".join(str(first.cell(row, 1).value or "") for row in (1, 2))
    assert "焦作项目办〔2025〕1号" in heading and "2025年6月3日" in heading
    current = client.get(reverse("indicator_board_file", args=["xlsx"]) + QUERY + "&current=1")
    draft = load_workbook(io.BytesIO(b"".join(current.streaming_content))).worksheets[0]
    assert "焦作项目办" not in " ".join(str(draft.cell(r, 1).value or "") for r in (1, 2))
