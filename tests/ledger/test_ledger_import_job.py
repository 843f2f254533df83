"""A large ledger sheet confirmed on its preview is loaded by the worker, on the job's progress
bar, not inside the request: the same all-or-nothing import, its report shown at the end; a
small one is still loaded at once (GUANMO_IMPORT_SYNC_MAX_ROWS)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from guanmo.ledger.models import Project
from guanmo.operations.models import BackgroundJob
from guanmo.reporting.models import ImportRecord
from tests.ledger.sheets import xlsx

NAMES = ["武陟县新材料产业园", "温县食品产业园", "武陟县物流园"]


@pytest.fixture
def office(client, world, settings):
    settings.GUANMO_IMPORT_SYNC_MAX_ROWS = 2
    client.force_login(world.users["city"])
    return client


def preview_of(client) -> tuple[str, dict]:
    """Upload the three-project sheet; the preview's address and its form as the page has it."""
    rows = [["2025年焦作市重点项目台账"], ["项目名称", "所属区域", "总投资（万元）"]]
    rows += [[name, name[: name.index("县") + 1], 1000] for name in NAMES]
    upload = SimpleUploadedFile("2025台账.xlsx", xlsx(rows).getvalue())
    response = client.post(reverse("ledger_import"), {"year": 2025, "level": "市", "sheet": upload})
    page = client.get(response["Location"]).content.decode()
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    return response["Location"], form


def test_a_large_sheet_is_loaded_by_a_job_and_its_report_shown_at_the_end(
    office, django_capture_on_commit_callbacks
):
    preview, form = preview_of(office)
    assert form["rows"] == "3"
    with django_capture_on_commit_callbacks(execute=True):
        answer = office.post(preview, {**form, "action": "confirm"})
    job = BackgroundJob.objects.get(kind="ledger-import")
    assert answer["Location"] == reverse("job_page", args=[job.pk])
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.LEDGER)
    assert (job.state, job.message) == ("done", "导入完成：新增3个项目，更新0个项目。")
    assert job.result_url == reverse("import_record", args=[record.pk])
    assert Project.objects.filter(name__in=NAMES).count() == 3
    assert "新增3个项目" in office.get(job.result_url).content.decode()


def test_a_large_sheet_that_no_longer_loads_writes_nothing_and_leads_back_to_its_report(
    office, django_capture_on_commit_callbacks
):
    preview, form = preview_of(office)
    with django_capture_on_commit_callbacks(execute=True):
        office.post(preview, {**form, "year": "2026", "action": "confirm"})
    job = BackgroundJob.objects.get(kind="ledger-import")
    assert (job.state, job.message) == ("failed", "发现1处错误，未写入任何数据。请查看导入报告")
    assert job.result_url.startswith(preview.split("?")[0])
    assert not Project.objects.filter(name__in=NAMES).exists()
    assert "写明2025年，与导入的2026年不符" in office.get(job.result_url).content.decode()


def test_a_sheet_within_the_threshold_is_still_loaded_at_once(office, settings):
    settings.GUANMO_IMPORT_SYNC_MAX_ROWS = 3
    preview, form = preview_of(office)
    answer = office.post(preview, {**form, "action": "confirm"})
    record = ImportRecord.objects.get(kind=ImportRecord.Kind.LEDGER)
    assert answer["Location"] == reverse("import_record", args=[record.pk])
    assert not BackgroundJob.objects.exists()
