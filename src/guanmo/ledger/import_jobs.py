"""Loading a large ledger sheet in the background: its preview page's confirmation starts the
job (guanmo.sheets.held decides which sheets are large), the worker runs the same
all-or-nothing import, and the job's page follows it on a progress bar. At the end the job's
page leads to the import's record and report, or, when the sheet no longer loads, back to
its preview with every fault named.
"""

from collections.abc import Mapping
from urllib.parse import urlencode

from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.ledger.columns import Field
from guanmo.ledger.services import import_ledger
from guanmo.operations.jobs import JobRefused, Outcome, Progress, start_job_once
from guanmo.operations.models import BackgroundJob
from guanmo.regions.models import Region
from guanmo.sheets import held
from guanmo.sheets.advice import Channel

KIND = "ledger-import"


def start_ledger_import(
    *,
    city: Region,
    user: User,
    token: str,
    year: int,
    level: str,
    mapping: Mapping[str, Field | None],
    file_name: str,
    rows: int,
    confirm_changes: bool = False,
    month: int | None = None,
) -> BackgroundJob:
    """Queue the import of the user's held sheet `token`; a second confirmation of the same
    sheet (a double click) gets the job already under way."""
    return start_job_once(
        kind=KIND,
        subject=f"held:{user.pk}:{token}",
        title=f"导入{year}年台账「{file_name}」（{rows}行）",
        owner=user,
        function="guanmo.ledger.import_jobs.import_ledger_sheet",
        arguments=(
            city.pk,
            user.pk,
            token,
            year,
            level,
            dict(mapping),
            file_name,
            confirm_changes,
            month,
        ),
    )


def import_ledger_sheet(
    progress: Progress,
    city_id: int,
    user_id: int,
    token: str,
    year: int,
    level: str,
    mapping: dict[str, Field | None],
    file_name: str,
    confirm_changes: bool = False,
    month: int | None = None,
) -> Outcome:
    """The job: `import_ledger` on the held sheet. Returns its summary ("导入完成：新增N个项目，
    更新M个项目。") with the import record's page; raises JobRefused when the sheet is gone or
    has faults (nothing written), leading back to the preview."""
    path = held.held(user_id, token)
    if path is None:
        raise JobRefused("上传的表格已过期或不存在，请重新上传", reverse("ledger_import"))
    progress(0, 1, "正在读取、检查并写入台账")
    report = import_ledger(
        path,
        city=Region.objects.get(pk=city_id),
        year=year,
        level=level,
        user=User.objects.get(pk=user_id),
        mapping=mapping,
        file_name=file_name,
        confirm_changes=confirm_changes,
        month=month,
        channel=Channel.WEB,
    )
    if not report.ok:
        query = urlencode({"name": file_name, "year": year, "level": level, "month": month or ""})
        preview = f"{reverse('ledger_import_preview', args=[token])}?{query}"
        raise JobRefused(f"{report.summary}请查看导入报告", preview)
    held.release(user_id, token)
    return Outcome(report.summary, reverse("import_record", args=[report.record_id]))
