"""A county's large progress sheet confirmed on its preview is loaded into the draft by the
worker, on the job's progress bar, not inside the request; all or nothing as before."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.operations.models import BackgroundJob
from guanmo.reporting.models import ImportRecord, ReportEntry
from tests.reporting.test_upload_preview import start


@pytest.fixture
def wuzhi_client(client, world, settings):
    settings.GUANMO_IMPORT_SYNC_MAX_ROWS = 0
    client.force_login(world.users["wuzhi"])
    return client


def confirm(client, report, capture, **changed):
    """Upload, then confirm the preview's form as the page has it (with `changed` fields)."""
    preview = start(client, report)
    page = client.get(preview).content.decode()
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    with capture(execute=True):
        answer = client.post(preview, {**form, **changed, "action": "confirm"})
    return preview, answer, BackgroundJob.objects.get(kind="progress-upload")


def test_a_large_sheet_is_loaded_into_the_draft_by_a_job(
    wuzhi_client, wuzhi_report, django_capture_on_commit_callbacks
):
    _, answer, job = confirm(wuzhi_client, wuzhi_report, django_capture_on_commit_callbacks)
    assert answer["Location"] == reverse("job_page", args=[job.pk])
    assert (job.state, job.message) == (
        "done",
        "表格已载入草稿：1个项目有变化；工作表「Sheet1」有未识别的列，已忽略：本期末累计数；"
        "工作表「Sheet1」表中未写明金额单位，按万元读取（「本月完成投资」）；如不是万元，"
        "请在表头写明单位；工作表「Sheet1」第3行「武陟县智能装备产业园」：表中没有累计完成投资列，"
        "1—4月累计按已报的3月累计400万元加本月完成投资100万元算出500万元",
    )
    assert job.result_url == f"/reporting/reports/{wuzhi_report.pk}/"
    entry = ReportEntry.objects.get(report=wuzhi_report, project__name="武陟县智能装备产业园")
    assert entry.completed_this_month == Decimal(100)
    assert ImportRecord.objects.filter(kind=ImportRecord.Kind.PROGRESS).count() == 1


def test_a_large_sheet_refused_by_the_job_writes_nothing(
    wuzhi_client, wuzhi_report, django_capture_on_commit_callbacks
):
    # The draft was saved by someone else since the upload: the version no longer matches.
    _, _, job = confirm(
        wuzhi_client, wuzhi_report, django_capture_on_commit_callbacks, version="99"
    )
    assert job.state == "failed" and job.message
    assert job.result_url == f"/reporting/reports/{wuzhi_report.pk}/"
    assert not ImportRecord.objects.exists()
    assert not ReportEntry.objects.filter(report=wuzhi_report, completed_this_month=100).exists()
