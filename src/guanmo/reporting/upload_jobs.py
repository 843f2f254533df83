"""Loading a county's large progress sheet into its draft in the background: the upload
preview's confirmation starts the job (guanmo.sheets.held decides which sheets are large),
the worker runs the same all-or-nothing `upload_sheet`, and the job's page follows it on a
progress bar, leading at the end to the report's grid, or back to the preview with every
fault named.
"""

from collections.abc import Mapping
from urllib.parse import urlencode

from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.ledger.columns import Field
from guanmo.operations.jobs import JobRefused, Outcome, Progress, start_job_once
from guanmo.operations.models import BackgroundJob
from guanmo.reporting import services
from guanmo.reporting.models import CountyReport
from guanmo.sheets import held

KIND = "progress-upload"


def start_sheet_upload(
    report: CountyReport,
    *,
    user: User,
    token: str,
    version: int,
    mapping: Mapping[str, Field | None],
    file_name: str,
    rows: int,
    confirm_changes: bool = False,
) -> BackgroundJob:
    """Queue loading the user's held sheet `token` into the report's draft; a second
    confirmation of the same sheet (a double click) gets the job already under way."""
    return start_job_once(
        kind=KIND,
        subject=f"held:{user.pk}:{token}",
        title=f"{report.county.name}{report.period}：载入「{file_name}」（{rows}行）",
        owner=user,
        function="guanmo.reporting.upload_jobs.upload_report_sheet",
        arguments=(report.pk, user.pk, token, version, dict(mapping), file_name, confirm_changes),
    )


def upload_report_sheet(
    progress: Progress,
    report_id: int,
    user_id: int,
    token: str,
    version: int,
    mapping: dict[str, Field | None],
    file_name: str,
    confirm_changes: bool = False,
) -> Outcome:
    """The job: `services.upload_sheet` on the held sheet. Returns "表格已载入草稿：N个项目有
    变化" (and its notes) with the report's grid; raises JobRefused when the sheet is gone, the
    report can no longer be edited, or the sheet has faults (nothing written)."""
    report = CountyReport.objects.select_related("county", "period").get(pk=report_id)
    grid = reverse("report_grid", args=[report.pk])
    path = held.held(user_id, token)
    if path is None:
        raise JobRefused("上传的表格已过期或不存在，请重新上传", grid)
    progress(0, 1, "正在读取、检查并载入草稿")
    try:
        outcome = services.upload_sheet(
            report,
            path,
            user=User.objects.get(pk=user_id),
            version=version,
            mapping=mapping,
            file_name=file_name,
            confirm_changes=confirm_changes,
        )
    except services.ReportingError as error:
        raise JobRefused(str(error), grid) from error
    if not outcome.ok:
        query = urlencode({"name": file_name, "version": version})
        preview = f"{reverse('report_upload_preview', args=[report.pk, token])}?{query}"
        raise JobRefused(f"{outcome.summary}请查看导入报告", preview)
    held.release(user_id, token)
    return Outcome(
        "；".join([f"表格已载入草稿：{outcome.updated}个项目有变化", *outcome.notes]), grid
    )
