"""The demo's started leads are key projects of the year (issue 14: "When it starts, it
becomes … a ledger project"): on the year's list, a plan, and their months reported from the
start, so no page warns of a report never due or never asked for (tryout 16: 29 conversions on
no list, warned 逾期未报送 on their pages, absent from /warnings/)."""

from datetime import date

import pytest

from guanmo.demo.city import TODAY, YEAR
from guanmo.ledger.models import MonthlyProgress, Project
from guanmo.progress.status import Month, project_statuses
from guanmo.reporting.models import Period

pytestmark = pytest.mark.django_db


def test_the_started_leads_projects_are_key_projects_reporting_from_their_start(demo, settings):
    settings.GUANMO_TODAY = TODAY
    city = demo.summary.city
    linked = Project.objects.filter(city=city, attraction_lead__isnull=False)
    closed = set(
        Period.objects.filter(city=city, year=YEAR, closed_at__isnull=False).values_list(
            "month", flat=True
        )
    )
    assert linked.count() > 10
    assert set(
        Project.objects.in_ledger(YEAR).filter(pk__in=linked).values_list("pk", flat=True)
    ) == set(linked.values_list("pk", flat=True))
    started_by_november = {p.pk for p in linked if p.entered_on < date(YEAR, 12, 1)}
    for project in linked:
        first = project.entered_on.month if project.entered_on.year == YEAR else 1
        months = set(
            MonthlyProgress.objects.filter(project=project, year=YEAR).values_list(
                "month", flat=True
            )
        )
        assert months == {month for month in closed if month >= first}, project.name
    november = Month(YEAR, 11, Period.objects.get(city=city, year=YEAR, month=11))
    statuses = project_statuses(Project.objects.filter(pk__in=linked), city, november)
    unreported = [s.name for s in statuses if not s.reported and s.pk in started_by_november]
    assert not unreported


@pytest.mark.parametrize("month", [9, 11])
def test_the_months_a_project_left_the_list_say_it_in_the_bulletin(demo, month):
    """The demo's November removal is of a project on the city list only, so it leaves the
    ledger and the bulletin says so (tryout 16: it was 省重点 too, stayed counted, and the
    November bulletin had no 本月调出 sentence beside the section naming it)."""
    from guanmo.progress.selectors import progress_report_for

    report = progress_report_for(demo.summary.city, YEAR, month)

    assert report.leaving == 1
    assert any(s.startswith("本月调出重点项目名录项目1个，") for s in report.sentences)
