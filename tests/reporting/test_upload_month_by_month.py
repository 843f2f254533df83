"""A county's upload preview states how its month-by-month sheet and its 核减 were read, before
anything is written (issue 9 §8; fresh-eyes tryout faults 2 and 4)."""

from decimal import Decimal

from guanmo.reporting.models import ReportEntry
from tests.reporting.test_upload_formats import upload
from tests.sheets.files import Drawn, to_xls

MONTHS = [f"{month}月" for month in range(1, 13)]


def test_the_preview_says_how_the_months_were_read_and_names_the_deduction(
    client, world, wuzhi_report
):
    # Stored: 装备 1—3月累计 400 and 物流 120; April takes 装备 up 120 and 物流 down 20 (核减).
    sheet = Drawn(
        [
            ["2025年重点项目逐月完成投资（单位：万元）"],
            ["项目名称", "所在县区", *MONTHS],
            ["武陟县智能装备产业园", "武陟县", 100, 150, 150, 120, *[None] * 8],
            ["武陟县冷链物流园", "武陟县", 50, 40, 30, -20, *[None] * 8],
        ]
    )
    response = upload(client, world, wuzhi_report, "武陟县逐月.xls", to_xls(sheet))
    page = client.get(response["Location"]).content.decode()
    assert (
        "工作表「台账」是逐月填报的表：本月完成投资取「4月」列，1—4月累计为1月至4月各列之和"
        "（空白的月份按0计）" in page
    )
    assert (
        "第4行「武陟县冷链物流园」本月为负数（核减）：本月完成投资-20万元，1—4月累计100万元，"
        "比3月累计120万元减少20万元" in page
    )
    assert not ReportEntry.objects.filter(
        report=wuzhi_report, cumulative_completed__isnull=False
    ).exists()
    client.post(response["Location"], {"action": "confirm", "version": 0})
    entries = {
        entry.project.name: (entry.completed_this_month, entry.cumulative_completed)
        for entry in ReportEntry.objects.filter(report=wuzhi_report).select_related("project")
    }
    assert entries == {
        "武陟县智能装备产业园": (Decimal(120), Decimal(520)),
        "武陟县冷链物流园": (Decimal(-20), Decimal(100)),
    }
