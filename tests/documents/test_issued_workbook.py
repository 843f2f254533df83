"""An issued bulletin's .xlsx is the one issued: kept with the .docx when the bulletin is issued
and served as kept from the issued page, so a figure corrected afterwards changes neither (issue
14: "the issued document must be the issued one")."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.documents.models import IssuedDocument
from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.models import Period
from guanmo.reporting.services import close_period, open_period
from tests.world import YEAR


@pytest.fixture
def march(world) -> Period:
    period = open_period(
        world.city, year=YEAR, month=3, deadline=date(YEAR, 4, 5), user=world.users["city"]
    )
    close_period(period, user=world.users["city"])
    return period


def _county_figures(content: bytes, county: str) -> tuple[Decimal, Decimal]:
    """The county's 年度计划投资 and 完成投资 (万元) in the workbook's 县区汇总 sheet."""
    sheet = load_workbook(io.BytesIO(content))["县区汇总"]
    header = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "县区")
    plan, completed = header.index("年度计划投资（万元）"), header.index("完成投资（万元）")
    row = next(row for row in sheet.iter_rows(values_only=True) if row[1] == county)
    return Decimal(str(row[plan])), Decimal(str(row[completed]))


def _xlsx(client) -> bytes:
    response = client.get(reverse("bulletin_file", args=[YEAR, 3, "xlsx"]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _issue(client) -> IssuedDocument:
    client.post(reverse("bulletin_issue", args=[YEAR, 3]), {"dated": f"{YEAR}-04-08"})
    return IssuedDocument.objects.get()


def test_a_correction_after_issue_leaves_the_issued_workbook_as_issued(client, world, march):
    client.force_login(world.users["city"])
    issued = _issue(client)
    # 武陟县: plans 1200 + 2000, completed by March 400 + 120
    assert _county_figures(_xlsx(client), "武陟县") == (Decimal(3200), Decimal(520))

    MonthlyProgress.objects.filter(project=world.projects["武陟装备"], year=YEAR, month=3).update(
        cumulative_completed=Decimal(900)
    )

    downloaded = _xlsx(client)
    assert _county_figures(downloaded, "武陟县") == (Decimal(3200), Decimal(520))
    assert downloaded == bytes(IssuedDocument.objects.get(pk=issued.pk).workbook)


def test_the_issued_page_offers_the_issued_workbook(client, world, march):
    client.force_login(world.users["city"])
    _issue(client)

    page = client.get(reverse("bulletin", args=[YEAR, 3])).content.decode()

    issued_part = page.split('id="issued"')[1].split('id="issued-content"')[0]
    assert reverse("bulletin_file", args=[YEAR, 3, "xlsx"]) in issued_part
    assert "下载 Excel" in issued_part


def test_a_county_reads_the_issued_workbook_from_the_document_list(client, world, march):
    client.force_login(world.users["city"])
    issued = _issue(client)
    MonthlyProgress.objects.filter(project=world.projects["温县文旅"], year=YEAR, month=3).update(
        cumulative_completed=Decimal(10)
    )

    client.force_login(world.users["wenxian"])
    response = client.get(reverse("document_file", args=[issued.pk, "xlsx"]))

    content = b"".join(response.streaming_content)
    # 温县: plans 1000 + 800, completed by March 400 + 260, as issued
    assert _county_figures(content, "温县") == (Decimal(1800), Decimal(660))
