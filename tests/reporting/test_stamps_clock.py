"""Every moment the reporting workflow keeps is the application's clock (`guanmo.clock.now`), as
the history's is: with GUANMO_TODAY set (the demo city lives on 15 December 2025) a period
opened, a sheet uploaded, a report saved, submitted, approved, the month closed and its
bulletin issued are all stamped that day, not the machine's real day (issue 14)."""

from datetime import date

from django.apps import apps
from django.utils import timezone

from guanmo.documents.models import IssuedDocument, IssuingOffice
from guanmo.progress.services import issue_bulletin
from guanmo.reporting.models import ImportRecord, Period, Step
from guanmo.reporting.services import (
    approve_report,
    close_period,
    open_period,
    submit_report,
    upload_sheet,
)
from tests.ledger.sheets import xlsx
from tests.world import YEAR

DEMO_TODAY = date(2025, 12, 15)


def _day(moment) -> date:
    return timezone.localtime(moment).date()


def _sheet():
    return xlsx(
        [
            ["2025年1-4月重点项目进展"],
            ["项目名称", "本月完成投资", "累计完成投资", "形象进度"],
            ["武陟县智能装备产业园", 100, 500, "主体封顶"],
            ["武陟县冷链物流园", 30, 150, "主体施工"],
            ["合计", 130, 650, None],
        ]
    )


def test_the_months_workflow_is_stamped_on_the_applications_day(world, settings):
    settings.GUANMO_TODAY = DEMO_TODAY
    city_office = world.users["city"]
    IssuingOffice.objects.create(
        city=world.city,
        full_name="焦作市重点项目建设办公室",
        short_name="焦作市项目办",
        number_prefix="焦作项目办",
        signer="王建国",
    )
    april = open_period(world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=city_office)
    report = april.reports.get(county=world.wuzhi)

    outcome = upload_sheet(
        report, _sheet(), user=world.users["wuzhi"], version=report.version, file_name="4月.xlsx"
    )
    assert outcome.ok, outcome.lines()
    report.refresh_from_db()
    submit_report(report, user=world.users["wuzhi"], version=report.version)
    approve_report(report, user=city_office)
    close_period(april, user=city_office)
    issued = issue_bulletin(world.city, YEAR, 4, dated=date(YEAR, 5, 8), user=city_office)

    report.refresh_from_db()
    april = Period.objects.get(pk=april.pk)
    stamps = {
        "opened_at": april.opened_at,
        "updated_at": report.updated_at,
        "submitted_at": report.submitted_at,
        "closed_at": april.closed_at,
        "import": ImportRecord.objects.get(county=world.wuzhi).at,
        "issued_at": IssuedDocument.objects.get(pk=issued.pk).issued_at,
        **{f"step {step.action}": step.at for step in report.steps.all()},
    }
    assert {"step upload", "step submit", "step approve"} <= stamps.keys()
    assert {name: _day(moment) for name, moment in stamps.items()} == dict.fromkeys(
        stamps, DEMO_TODAY
    )


def test_every_workflow_step_takes_the_applications_clock(settings):
    """The monthly reports' and the indicator submissions' steps alike."""
    settings.GUANMO_TODAY = DEMO_TODAY
    steps = [
        model for model in apps.get_models() if issubclass(model, Step) and not model._meta.abstract
    ]

    assert len(steps) >= 2
    for model in steps:
        assert _day(model._meta.get_field("at").get_default()) == DEMO_TODAY, model.__name__
