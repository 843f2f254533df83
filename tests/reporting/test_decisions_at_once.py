"""Two decisions on one report sent at once (approve and return, a double click), from real
threads: exactly one is taken, the other is refused naming who decided first, and a returned
report never has its figures published."""

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.models import CountyReport, ReviewStep, Status
from guanmo.reporting.services import (
    ReportingError,
    approve_report,
    return_report,
    submit_report,
)
from tests.concurrency import all_at_once
from tests.reporting.test_review_workflow import fill

Action = ReviewStep.Action


@pytest.fixture
def submitted(transactional_db, world, wuzhi_report):
    """武陟县's April report with two projects' figures, submitted for review."""
    assert fill(wuzhi_report, world, 武陟装备=("", "700"), 武陟物流=("30", "")).ok
    submit_report(wuzhi_report, user=world.users["wuzhi"], version=wuzhi_report.version)
    return wuzhi_report


def decisions(report) -> list[str]:
    return list(
        report.steps.exclude(action__in=[Action.SAVE, Action.SUBMIT]).values_list(
            "action", flat=True
        )
    )


def published(world) -> int:
    return MonthlyProgress.objects.filter(project__county=world.wuzhi, year=2025, month=4).count()


def test_approve_and_return_at_once_give_one_decision(submitted, world):
    # Each side loaded the report as its page showed it: submitted.
    approving = CountyReport.objects.get(pk=submitted.pk)
    returning = CountyReport.objects.get(pk=submitted.pk)
    outcomes = all_at_once(
        [
            lambda: approve_report(approving, user=world.users["city"]),
            lambda: return_report(returning, user=world.users["city"], reason="数据需核实"),
        ]
    )
    refusals = [each for each in outcomes if isinstance(each, BaseException)]
    assert len(refusals) == 1 and isinstance(refusals[0], ReportingError)
    assert "该报表已被" in str(refusals[0]) and "请刷新" in str(refusals[0])
    submitted.refresh_from_db()
    assert len(decisions(submitted)) == 1
    if submitted.status == Status.RETURNED:
        assert decisions(submitted) == [Action.RETURN] and published(world) == 0
    else:
        assert submitted.status == Status.APPROVED
        assert decisions(submitted) == [Action.APPROVE] and published(world) == 2


def test_a_double_click_on_approve_approves_once(submitted, world):
    city = Client()
    city.force_login(world.users["city"])
    url = reverse("report_approve", args=[submitted.pk])
    answers = all_at_once([lambda: city.post(url), lambda: city.post(url)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED
    assert decisions(submitted) == [Action.APPROVE]
    assert published(world) == 2


def test_approve_and_return_posted_at_once_never_leave_a_returned_report_published(
    submitted, world
):
    city, colleague = Client(), Client()
    city.force_login(world.users["city"])
    colleague.force_login(world.users["city"])
    answers = all_at_once(
        [
            lambda: city.post(reverse("report_approve", args=[submitted.pk])),
            lambda: colleague.post(
                reverse("report_return", args=[submitted.pk]), {"reason": "数据需核实"}
            ),
        ]
    )
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    submitted.refresh_from_db()
    assert len(decisions(submitted)) == 1
    assert published(world) == (2 if submitted.status == Status.APPROVED else 0)


def test_a_late_decision_is_refused_naming_who_decided(submitted, world):
    stale = CountyReport.objects.get(pk=submitted.pk)
    return_report(submitted, user=world.users["city"], reason="数据需核实")
    with pytest.raises(ReportingError, match=r"该报表已被.+于\d\d:\d\d退回，请刷新页面"):
        approve_report(stale, user=world.users["city"])
    assert published(world) == 0


def test_a_double_click_on_submit_submits_once(transactional_db, world, wuzhi_report):
    assert fill(wuzhi_report, world, 武陟装备=("", "700")).ok
    version = wuzhi_report.version
    first = CountyReport.objects.get(pk=wuzhi_report.pk)
    second = CountyReport.objects.get(pk=wuzhi_report.pk)
    outcomes = all_at_once(
        [
            lambda: submit_report(first, user=world.users["wuzhi"], version=version),
            lambda: submit_report(second, user=world.users["wuzhi"], version=version),
        ]
    )
    assert sum(isinstance(each, ReportingError) for each in outcomes) == 1
    assert wuzhi_report.steps.filter(action=Action.SUBMIT).count() == 1


def test_opening_a_month_twice_at_once_opens_it_once(transactional_db, world):
    city = Client()
    city.force_login(world.users["city"])
    form = {"year": 2025, "month": 5, "deadline": "2025-06-05"}
    url = reverse("period_list")
    answers = all_at_once([lambda: city.post(url, form), lambda: city.post(url, form)])
    assert sorted(getattr(answer, "status_code", answer) for answer in answers) == [200, 302]
    refused = next(answer for answer in answers if answer.status_code == 200)
    assert "2025年5月的填报期已开启，不能重复开启" in refused.content.decode()
    assert world.city.periods.filter(year=2025, month=5).count() == 1
