"""A county's upload is previewed before anything is written (issue 9 §2, §8): how every
column was understood, the rows left out, the report; unknown columns named by the user; the
file kept on the server between the steps, never in the session."""

import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.reporting.models import ColumnMapping, FigureChange, ImportRecord, ReportEntry
from guanmo.sheets import held
from tests.ledger.sheets import xlsx


def upload_file(name="武陟4月.xlsx"):
    sheet = xlsx(
        [
            ["2025年1-4月重点项目进展"],
            ["项目名称", "本月完成投资", "本期末累计数", "形象进度"],
            ["武陟县智能装备产业园", 100, 500, "主体封顶"],
            ["合计", 100, 500, None],
        ]
    )
    return SimpleUploadedFile(name, sheet.getvalue())


def start(client, report) -> str:
    """Upload and follow to the preview; the preview's address."""
    response = client.post(
        reverse("report_upload", args=[report.pk]),
        {"version": report.version, "sheet": upload_file()},
    )
    assert response.status_code == 302
    return response["Location"]


def test_the_preview_shows_the_column_map_and_writes_nothing(wuzhi_client, wuzhi_report):
    page = wuzhi_client.get(start(wuzhi_client, wuzhi_report))
    text = page.content.decode()
    assert page.status_code == 200
    assert "武陟4月.xlsx" in text
    assert re.search(r"<td>本月完成投资</td>\s*<td>本月完成投资</td>\s*<td>100万元</td>", text)
    assert re.search(r"<td>本期末累计数</td>\s*<td>（未读取）</td>", text)
    assert "表头中没有这一列" not in text  # 本月 alone is enough to read the sheet
    assert not ReportEntry.objects.filter(report=wuzhi_report, cumulative_completed=500).exists()
    assert not ImportRecord.objects.exists()


def test_an_unknown_column_named_by_the_user_is_read_and_remembered(
    world, wuzhi_client, wuzhi_report
):
    preview = start(wuzhi_client, wuzhi_report)
    named = {"col:本期末累计数": "累计完成投资", "name": "武陟4月.xlsx", "version": 0}
    page = wuzhi_client.post(preview, {**named, "action": "preview"})
    assert re.search(
        r"<td>本期末累计数</td>\s*<td>累计完成投资</td>\s*<td>500万元</td>", page.content.decode()
    )
    assert not ImportRecord.objects.exists()

    done = wuzhi_client.post(preview, {**named, "action": "confirm"})
    assert done.status_code == 302
    entry = ReportEntry.objects.get(report=wuzhi_report, project__name="武陟县智能装备产业园")
    assert (entry.completed_this_month, entry.cumulative_completed) == (Decimal(100), Decimal(500))
    record = ImportRecord.objects.get()
    assert (record.file_name, record.county) == ("武陟4月.xlsx", world.wuzhi)
    assert (
        "累计完成投资 ← 本期末累计数（示例：500万元，单位：万元（未写明，默认），用户指定）"
        in record.text
    )
    assert FigureChange.objects.filter(import_record=record).exists()
    kept = ColumnMapping.objects.get(city=world.city, header="本期末累计数")
    period = wuzhi_report.period
    assert (kept.year, kept.month) == (period.year, period.month)  # applied only where it fits
    assert "本期末累计数" in kept.sheet_header.split("｜")
    assert not list((held._folder(world.users["wuzhi"].pk)).iterdir())  # released


def test_a_period_mismatch_is_shown_and_cannot_be_confirmed(wuzhi_client, world, april):
    may = april.reports.get(county=world.wuzhi)
    may.period.month = 5
    may.period.save()
    page = wuzhi_client.get(start(wuzhi_client, may))
    text = page.content.decode()
    assert page.status_code == 400
    assert "标题「2025年1-4月重点项目进展」写明1-4月，与导入的1-5月不符" in text
    assert 'id="confirm-upload"' not in text


def test_another_users_token_is_not_his(client, world, wuzhi_client, wuzhi_report):
    preview = start(wuzhi_client, wuzhi_report)
    client.logout()
    client.force_login(world.users["city"])
    assert client.get(preview).status_code == 403
    client.logout()
    client.force_login(world.users["wenxian"])
    assert client.get(preview).status_code == 404


def test_an_expired_or_unknown_token_asks_for_the_file_again(wuzhi_client, wuzhi_report):
    preview = reverse("report_upload_preview", args=[wuzhi_report.pk, "0" * 32])
    response = wuzhi_client.get(preview, follow=True)
    assert "上传的表格已过期或不存在，请重新上传" in response.content.decode()


def test_a_user_holds_a_bounded_number_of_files(world, wuzhi_client, wuzhi_report):
    for _ in range(held.HELD_PER_USER + 2):
        start(wuzhi_client, wuzhi_report)
    assert len(list(held._folder(world.users["wuzhi"].pk).iterdir())) == held.HELD_PER_USER
