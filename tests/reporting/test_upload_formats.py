"""A county uploads its progress sheet in whatever format it keeps; a damaged file is a message."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.reporting.models import ReportEntry
from guanmo.reporting.services import upload_sheet
from tests.sheets.files import Drawn, to_xls, to_xlsx

PROGRESS = Drawn(
    rows=[
        ["2025年1—4月重点项目进展情况"],
        ["序号", "项目名称", "所在县区", "本月完成投资", "1—4月累计完成投资", "形象进度"],
        [1, "武陟县智能装备产业园", "武陟县", 120, 520, "主体封顶"],
        [2, "武陟县冷链物流园", "武陟县", 30, 150, "设备安装"],
    ]
)


def upload(client, world, report, name: str, content: bytes):
    client.force_login(world.users["wuzhi"])
    return client.post(
        reverse("report_upload", args=[report.pk]),
        {"version": report.version, "sheet": SimpleUploadedFile(name, content)},
    )


def test_an_xls_progress_sheet_is_loaded_into_the_draft(client, world, wuzhi_report):
    response = upload(client, world, wuzhi_report, "武陟县4月进度.xls", to_xls(PROGRESS))
    assert response.status_code == 302  # to the preview, which writes nothing
    assert client.get(response["Location"]).status_code == 200
    confirmed = client.post(response["Location"], {"action": "confirm", "version": 0})
    assert confirmed["Location"] == reverse("report_grid", args=[wuzhi_report.pk])
    entry = ReportEntry.objects.get(report=wuzhi_report, project=world.projects["武陟装备"])
    assert entry.cumulative_completed == Decimal(520)


def test_a_truncated_sheet_is_a_message_never_a_server_error(client, world, wuzhi_report):
    content = to_xlsx(PROGRESS)
    preview = upload(client, world, wuzhi_report, "武陟县4月进度.xlsx", content[:-200])
    response = client.get(preview["Location"])
    assert response.status_code == 400
    assert "无法读取文件：Excel 工作簿（.xlsx）已损坏或不完整" in response.content.decode()
    assert not ReportEntry.objects.filter(
        report=wuzhi_report, cumulative_completed__isnull=False
    ).exists()


def test_a_file_of_another_kind_is_refused_by_the_form(client, world, wuzhi_report):
    response = upload(client, world, wuzhi_report, "说明.docx", b"PK\x03\x04")
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["请上传Excel（.xlsx、.xls）、WPS（.et）、OpenDocument（.ods）或 CSV 表格"]


def test_a_file_over_the_upload_bound_is_refused_by_the_form(client, world, wuzhi_report, settings):
    settings.GUANMO_SHEET_MAX_UPLOAD_MB = 0
    response = upload(client, world, wuzhi_report, "武陟县4月进度.xlsx", to_xlsx(PROGRESS))
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["文件超过0MB，请删去无关的工作表或分成几个文件上传"]


def test_a_blank_cumulative_never_changes_the_drafts_figure(world, wuzhi_report):
    upload_sheet(wuzhi_report, io.BytesIO(to_xlsx(PROGRESS)), user=world.users["wuzhi"], version=0)
    wuzhi_report.refresh_from_db()
    blank = Drawn(rows=[*PROGRESS.rows[:2], [1, "武陟县智能装备产业园", "武陟县", 150, None, ""]])
    outcome = upload_sheet(
        wuzhi_report,
        io.BytesIO(to_xlsx(blank)),
        user=world.users["wuzhi"],
        version=wuzhi_report.version,
    )
    assert [str(fault) for fault in outcome.faults] == [
        "第3行「累计完成投资」：未填写；4月已存累计520万元，由本月完成推算为550万元，"
        "与之不符，未导入（请填写累计完成投资）"
    ]
    entry = ReportEntry.objects.get(report=wuzhi_report, project=world.projects["武陟装备"])
    assert (entry.completed_this_month, entry.cumulative_completed) == (120, 520)
