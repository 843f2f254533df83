"""The firm register loaded on the web (issue 13), as `guanmo import-firms` loads it: the sheet
held and previewed (字段 ← 表头 with a sample, the firms counted), written only on
confirmation, all or nothing; the city office's alone."""

import csv

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from guanmo.assessment.models import Firm, FirmYear
from tests.assessment.test_firm_register import register_sheet

pytestmark = pytest.mark.django_db


def upload(client, path, year="2025"):
    with path.open("rb") as sheet:
        return client.post(reverse("assessment_firm_upload"), {"register": sheet, "year": year})


def test_the_city_office_previews_the_register_then_confirms_it(client, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(world.users["city"])
    listed = client.get(reverse("assessment_firms")).content.decode()
    assert 'id="firm-upload-link"' in listed
    response = upload(client, register_sheet(tmp_path / "企业.xlsx"))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "检查通过（尚未写入）：6家企业2025年度数据" in page
    assert "<td>税收（万元）</td>" in page and "<td>400万元</td>" in page
    assert "<td>用地面积（亩）</td>" in page and "<td>10</td>" in page  # 亩, not 万元
    assert not Firm.objects.exists()
    query = dict(item.split("=", 1) for item in response.url.split("?", 1)[1].split("&"))
    confirmed = client.post(
        reverse("assessment_firm_preview"),
        {"token": query["token"], "year": "2025", "name": "企业.xlsx", "action": "confirm"},
    )
    assert confirmed.status_code == 302
    assert Firm.objects.count() == 6 and FirmYear.objects.filter(year=2025).count() == 6
    assert FirmYear.objects.get(firm__name="甲").tax == 400


def test_a_sheet_with_a_fault_is_named_and_nothing_is_written(client, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"

    def broken(sheet):
        sheet["D5"] = "长垣市"

    client.force_login(world.users["city"])
    response = upload(client, register_sheet(tmp_path / "企业.xlsx", broken=broken))
    page = client.get(response.url)
    assert page.status_code == 400
    text = page.content.decode()
    assert "未导入任何企业" in text and "“长垣市”不是本市的县（市、区）或园区" in text
    assert 'id="confirm-firms"' not in text
    assert not Firm.objects.exists()


def test_only_the_city_office_loads_the_register(client, world, tmp_path):
    client.force_login(world.users["wuzhi"])
    assert client.get(reverse("assessment_firm_upload")).status_code == 403
    assert upload(client, register_sheet(tmp_path / "企业.xlsx")).status_code == 403
    listed = client.get(reverse("assessment_firms")).content.decode()
    assert 'id="firm-upload-link"' not in listed
    assert not Firm.objects.exists()


def test_a_csv_previewed_names_its_rows_by_the_file_not_a_sheet(client, world, tmp_path, settings):
    """A .csv has no sheets: the rows it leaves out are named 文件「企业.csv」第N行, as the
    ledger's report names them (`ImportReport.said`), never 工作表「企业」."""
    settings.MEDIA_ROOT = tmp_path / "media"
    book = load_workbook(register_sheet(tmp_path / "企业.xlsx"))
    rows = [list(row) for row in book.active.iter_rows(values_only=True)]
    rows.append(["合计", None, None, None, None, 73, 1500])
    path = tmp_path / "企业.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as sheet:
        csv.writer(sheet).writerows(rows)
    client.force_login(world.users["city"])
    response = upload(client, path)
    page = client.get(response.url).content.decode()
    assert "检查通过（尚未写入）：6家企业2025年度数据" in page
    assert f"文件「企业.csv」第{len(rows)}行为合计行，未导入" in page
    assert "工作表" not in page
