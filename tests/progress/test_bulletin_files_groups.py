"""The bulletin's .docx and .xlsx carry what its page shows: each unit's rank in the city and
within its ranking group, its move since the previous month (前移3位/后移2位/持平) and the
change of its completion rate in 个百分点, all from the one `month_on_month`."""

import io
from datetime import date
from decimal import Decimal

from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from guanmo.documents.pdf import docx_to_pdf
from guanmo.progress.exporters.docx import bulletin_docx
from guanmo.progress.exporters.xlsx import write_xlsx
from guanmo.progress.report import Period, UnitTotals, build_progress_report, month_on_month
from guanmo.regions.models import RankingGroup, Region
from guanmo.reporting.services import close_period, open_period
from tests.documents.docx import HEAD, body_tables
from tests.documents.pages import assert_official_pages, pdf_pages
from tests.world import YEAR

GROUPS = ["县（市）组", "城区组"]
UNITS = {
    "武陟县": "县（市）组",
    "温县": "县（市）组",
    "解放区": "城区组",
    "山阳区": "城区组",
    "示范区": "",
}


def _report(month: int, completed: dict[str, str]):
    units = [
        UnitTotals(name, 1, Decimal(100), Decimal(completed[name]), group=group)
        for name, group in UNITS.items()
    ]
    return build_progress_report(Period(2025, month), units, group_order=GROUPS)


def _june_after_may():
    may = _report(5, {"武陟县": "35", "温县": "45", "解放区": "30", "山阳区": "48", "示范区": "20"})
    june = _report(
        6, {"武陟县": "40", "温县": "60", "解放区": "70", "山阳区": "50", "示范区": "60"}
    )
    june.changes = month_on_month(may, june)
    return june


EXPECTED = [
    # 县区, 全市位次, 位次较上月, 完成率较上月（个百分点）, 所在组, 组内位次
    ["温县", "并列2", "持平", "+15.0", "县（市）组", "1"],
    ["武陟县", "5", "后移2位", "+5.0", "县（市）组", "2"],
    ["解放区", "1", "前移3位", "+40.0", "城区组", "1"],
    ["山阳区", "4", "后移3位", "+2.0", "城区组", "2"],
    ["示范区", "并列2", "前移3位", "+40.0", "—", "—"],
]


def test_the_bulletin_docx_ranks_within_groups_and_says_the_change_since_last_month():
    document = Document(io.BytesIO(bulletin_docx(_june_after_may(), HEAD, "焦作市")))

    tables = body_tables(document)
    (changes,) = [t for t in tables if t.rows[0].cells[-1].text == "组内位次"]
    rows = [[cell.text for cell in row.cells] for row in changes.rows]
    assert rows[0] == [
        "县区",
        "全市位次",
        "位次较上月",
        "完成率较上月（个百分点）",
        "所在组",
        "组内位次",
    ]
    assert rows[1:] == EXPECTED


def test_the_bulletin_xlsx_carries_the_same_group_ranks_and_changes():
    output = io.BytesIO()
    write_xlsx(_june_after_may(), "焦作市", output)

    sheet = load_workbook(io.BytesIO(output.getvalue()))["县区汇总"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = values.index(next(row for row in values if row[0] == "位次"))
    columns = values[header]
    rows = {row[1]: dict(zip(columns, row, strict=True)) for row in values[header + 1 :]}
    wenxian = rows["温县"]
    assert (wenxian["所在组"], wenxian["组内位次"], wenxian["位次较上月"]) == (
        "县（市）组",
        "1",
        "持平",
    )
    assert wenxian["完成率较上月（个百分点）"] == Decimal("15.0")
    assert rows["山阳区"]["位次较上月"] == "后移3位"
    assert rows["示范区"]["所在组"] is None and rows["示范区"]["组内位次"] is None
    cell = next(c for c in sheet[header + 1] if c.value == "完成率较上月（个百分点）")
    assert sheet.cell(header + 2, cell.column).number_format == "+0.0;-0.0;0.0"


def test_the_downloaded_and_issued_bulletins_carry_the_group_table(client, world):
    counties = RankingGroup.objects.create(city=world.city, name="县（市）组", sort_order=1)
    Region.objects.filter(pk__in=[world.wuzhi.pk, world.wenxian.pk]).update(ranking_group=counties)
    for month in (2, 3):
        period = open_period(
            world.city, year=YEAR, month=month, deadline=date(YEAR, month + 1, 5), user=None
        )
        close_period(period, user=world.users["city"])
    client.force_login(world.users["city"])

    def group_rows(content: bytes) -> list[list[str]]:
        tables = body_tables(Document(io.BytesIO(content)))
        (changes,) = [t for t in tables if t.rows[0].cells[-1].text == "组内位次"]
        return [[cell.text for cell in row.cells] for row in changes.rows[1:]]

    draft = client.get(reverse("bulletin_file", args=[YEAR, 3, "docx"]))
    page = client.get(reverse("bulletin", args=[YEAR, 3])).content.decode()
    drafted = group_rows(b"".join(draft.streaming_content))
    assert [row[0] for row in drafted[:2]] == ["温县", "武陟县"]
    assert [row[4:] for row in drafted[:2]] == [["县（市）组", "1"], ["县（市）组", "2"]]
    for row in drafted:
        # the same move since February as the page says (a cell headed 位次较上月 says 持平 where
        # the page's sentence says 位次与上月相同)
        assert {"持平": "位次与上月相同"}.get(row[2], row[2]) in page

    client.post(reverse("bulletin_issue", args=[YEAR, 3]), {"dated": f"{YEAR}-04-08"})
    issued = client.get(reverse("bulletin_file", args=[YEAR, 3, "docx"]))
    assert group_rows(b"".join(issued.streaming_content)) == drafted


def test_the_group_table_prints_within_the_text_area(tmp_path):
    pages = pdf_pages(docx_to_pdf(bulletin_docx(_june_after_may(), HEAD, "焦作市")), tmp_path)

    assert_official_pages(pages, HEAD.number)
    assert "完成率较上月" in "".join(page.text for page in pages)
