"""A ledger import changing a project's annual plan changes the completion rates of the months
already reported: every figure of the year divides by the one stored plan. The import says which
months and units change and to what, and writes only when the office confirms (tryout 25 [1]:
a July import raising 30000 to 36000 turned May's 武陟县 52.4% into 47.8% and said only
更新1个项目)."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from guanmo.accounts.models import Role, User
from guanmo.ledger.models import AnnualPlan
from guanmo.ledger.services import import_ledger, import_progress
from guanmo.ledger.services.ledger_import import CONFIRM_CHANGES
from guanmo.progress.selectors import progress_report_for
from tests.ledger.sheets import ledger_xlsx, progress_xlsx
from tests.ledger.test_tryout_kinds import faults

ROWS = (
    [1, "甲项目", None, "孟州市", None, "续建", None, 50000, 2000],
    [2, "乙项目", None, "博爱县", None, "续建", None, 20000, 1000],
)


def _reported(city) -> None:
    """甲 (孟州市, plan 2000) and 乙 (博爱县, plan 1000) with April and May reported:
    May 甲 1000 (50.0%), 乙 500 (50.0%), 全市 1500/3000 = 50.0%."""
    import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)
    for month, (first, second) in ((4, (800, 400)), (5, (1000, 500))):
        sheet = progress_xlsx(
            [1, "甲项目", "孟州市", 200, first], [2, "乙项目", "博爱县", 100, second]
        )
        report = import_progress(sheet, city=city, year=2025, month=month, confirm_changes=True)
        assert report.ok, report.faults


def _raised(plan: int = 2400):
    return ledger_xlsx([*ROWS[0][:8], plan], ROWS[1])


def _rate(city, month: int, region: str) -> Decimal | None:
    report = progress_report_for(city, 2025, month)
    figures = [report.total, *report.regions]
    return next(f.completion_rate for f in figures if f.region == region)


def test_a_july_plan_change_names_the_reported_months_it_would_change(city):
    _reported(city)

    report = import_ledger(_raised(), city=city, year=2025, month=7, dry_run=True)

    assert faults(report) == [
        "第4行「年度计划投资」：单元格I4为2400万元，台账中已存为2000万元；各月完成率均按台账中的"
        "年度计划计算，改后已关账月份的完成率随之改变：4月孟州市40.0%→33.3%、全市40.0%→35.3%；"
        "5月孟州市50.0%→41.7%、全市50.0%→44.1%；" + CONFIRM_CHANGES
    ]


def test_the_refused_plan_change_leaves_may_as_reported(city, tmp_path):
    _reported(city)
    path = tmp_path / "台账_7月调整计划.xlsx"
    path.write_bytes(_raised().getvalue())
    may = _rate(city, 5, "孟州市")

    with pytest.raises(CommandError):
        call_command(
            "import-ledger", str(path), "--year", "2025", "--month", "7", stdout=StringIO()
        )

    assert AnnualPlan.objects.get(project__name="甲项目").planned_investment == 2000
    assert _rate(city, 5, "孟州市") == may


def test_a_confirmed_plan_change_is_written_and_says_what_it_changed(city, tmp_path):
    _reported(city)
    path = tmp_path / "台账_7月调整计划.xlsx"
    path.write_bytes(_raised().getvalue())
    out = StringIO()

    call_command(
        "import-ledger",
        str(path),
        "--year",
        "2025",
        "--month",
        "7",
        "--confirm-changes",
        stdout=out,
    )

    assert AnnualPlan.objects.get(project__name="甲项目").planned_investment == 2400
    assert (
        "第4行列I「2025年计划投资」由2000万元改为2400万元，已按确认修改；已关账月份的完成率随之改变："
        "4月孟州市40.0%→33.3%、全市40.0%→35.3%；5月孟州市50.0%→41.7%、全市50.0%→44.1%"
    ) in out.getvalue()


def test_a_plan_change_before_any_month_is_reported_is_not_doubted(city):
    import_ledger(ledger_xlsx(*ROWS), city=city, year=2025)

    report = import_ledger(_raised(), city=city, year=2025, month=7)

    assert faults(report) == []
    assert AnnualPlan.objects.get(project__name="甲项目").planned_investment == 2400


def test_a_plan_change_from_june_leaves_out_the_months_after_it(city):
    """Only the months before the import's month are reported ones; with --month 5, April."""
    _reported(city)

    report = import_ledger(_raised(), city=city, year=2025, month=5, dry_run=True)

    (fault,) = faults(report)
    assert "4月孟州市40.0%→33.3%" in fault and "5月" not in fault


def test_the_upload_page_refuses_it_until_the_office_confirms(client, city):
    _reported(city)
    client.force_login(User.objects.create_user("shixmb", role=Role.CITY_OFFICE, region=city))
    file = SimpleUploadedFile("台账_7月调整计划.xlsx", _raised().getvalue())
    preview = client.post(
        reverse("ledger_import"), {"year": 2025, "level": "市", "month": 7, "sheet": file}
    )["Location"]
    posted = {"name": "台账_7月调整计划.xlsx", "year": 2025, "level": "市", "month": 7}

    page = client.get(preview)
    shown = page.content.decode()
    assert page.status_code == 400
    assert "5月孟州市50.0%→41.7%、全市50.0%→44.1%" in shown
    assert 'name="confirm_changes"' in shown and "--confirm-changes" not in shown
    client.post(preview, {**posted, "action": "confirm"})
    assert AnnualPlan.objects.get(project__name="甲项目").planned_investment == 2000

    confirmed = {**posted, "confirm_changes": "on"}
    client.post(preview, {**confirmed, "action": "confirm"})
    assert AnnualPlan.objects.get(project__name="甲项目").planned_investment == 2400
