"""Two steps on one form under review sent at once, from real threads, for every kind of form
the shared review (guanmo.reporting.review) decides on: a county's monthly report and a
department's indicator form. Exactly one step is taken, the other is refused naming who took
it first; the figures count once, or not at all when the form was returned.

What only one kind of form has stays beside it (opening a month twice:
tests/reporting/test_decisions_at_once.py)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.accounts.models import User
from guanmo.indicators.entry import Typed
from guanmo.indicators.models import IndicatorValue, ValueChange
from guanmo.indicators.submissions import (
    approve_submission,
    return_submission,
    save_submission,
    submission_for,
    submit_submission,
)
from guanmo.ledger.models import MonthlyProgress
from guanmo.reporting.models import Reviewed, ReviewStep, Status
from guanmo.reporting.services import (
    ReportingError,
    approve_report,
    open_period,
    return_report,
    submit_report,
)
from tests.concurrency import all_at_once
from tests.indicators.pages import indicator_city
from tests.reporting.test_review_workflow import fill
from tests.world import YEAR, World

Action = ReviewStep.Action


@dataclass(frozen=True)
class Kind:
    """One kind of form under review, as these tests drive it."""

    name: str
    draft: Callable[[World], tuple[Reviewed, User]]  # a form with figures, and its sender
    submit: Callable[..., object]  # (form, *, user, version)
    approve: Callable[..., object]  # (form, *, user)
    send_back: Callable[..., object]  # (form, *, user, reason)
    approve_url: str
    return_url: str
    counted: Callable[[World], tuple[int, ...]]  # the rows its figures made count
    approved: tuple[int, ...]  # `counted` once approved; all 0 while not


def monthly_report(world: World) -> tuple[Reviewed, User]:
    """武陟县's April report with two projects' figures."""
    april = open_period(
        world.city, year=YEAR, month=4, deadline=date(YEAR, 5, 5), user=world.users["city"]
    )
    report = april.reports.get(county=world.wuzhi)
    assert fill(report, world, 武陟装备=("", "700"), 武陟物流=("30", "")).ok
    return report, world.users["wuzhi"]


def indicator_form(world: World) -> tuple[Reviewed, User]:
    """市统计局's June form with 武陟县's 固定资产投资 and its growth."""
    figures = indicator_city(world)
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    form = submission_for(june, department=figures.statistics.department)
    typed = [Typed(figures.investment.pk, world.wuzhi.pk, value="140", growth="24")]
    assert save_submission(form, typed, user=figures.statistics, version=form.version).ok
    return form, figures.statistics


KINDS = [
    Kind(
        name="monthly report",
        draft=monthly_report,
        submit=submit_report,
        approve=approve_report,
        send_back=return_report,
        approve_url="report_approve",
        return_url="report_return",
        counted=lambda world: (
            MonthlyProgress.objects.filter(project__county=world.wuzhi, year=YEAR, month=4).count(),
        ),
        approved=(2,),
    ),
    Kind(
        name="indicator form",
        draft=indicator_form,
        submit=submit_submission,
        approve=approve_submission,
        send_back=return_submission,
        approve_url="submission_approve",
        return_url="submission_return",
        counted=lambda world: (  # the value, and its history (value and growth) once
            IndicatorValue.objects.filter(year=YEAR, month=6).count(),
            ValueChange.objects.filter(value__year=YEAR, value__month=6).count(),
        ),
        approved=(1, 2),
    ),
]


@pytest.fixture(params=KINDS, ids=lambda kind: kind.name)
def kind(request) -> Kind:
    return request.param


@pytest.fixture
def submitted(transactional_db, world, kind):
    form, sender = kind.draft(world)
    kind.submit(form, user=sender, version=form.version)
    return form


def decisions(form: Reviewed) -> list[str]:
    return list(
        form.steps.exclude(action__in=[Action.SAVE, Action.SUBMIT]).values_list("action", flat=True)
    )


def nothing(kind: Kind) -> tuple[int, ...]:
    return (0,) * len(kind.approved)


def fresh(form: Reviewed) -> Reviewed:
    """The form as a page showing it now would have loaded it."""
    return type(form).objects.get(pk=form.pk)


def test_approve_and_return_at_once_give_one_decision(submitted, world, kind):
    approving, returning = fresh(submitted), fresh(submitted)
    outcomes = all_at_once(
        [
            lambda: kind.approve(approving, user=world.users["city"]),
            lambda: kind.send_back(returning, user=world.users["city"], reason="数据需核实"),
        ]
    )
    refusals = [each for each in outcomes if isinstance(each, BaseException)]
    assert len(refusals) == 1 and isinstance(refusals[0], ReportingError)
    assert "该报表已被" in str(refusals[0]) and "请刷新" in str(refusals[0])
    submitted.refresh_from_db()
    if submitted.status == Status.RETURNED:
        assert decisions(submitted) == [Action.RETURN]
        assert kind.counted(world) == nothing(kind)
    else:
        assert submitted.status == Status.APPROVED
        assert decisions(submitted) == [Action.APPROVE]
        assert kind.counted(world) == kind.approved


def test_a_double_click_on_approve_approves_once(submitted, world, kind):
    city = Client()
    city.force_login(world.users["city"])
    url = reverse(kind.approve_url, args=[submitted.pk])
    answers = all_at_once([lambda: city.post(url), lambda: city.post(url)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED
    assert decisions(submitted) == [Action.APPROVE]
    assert kind.counted(world) == kind.approved


def test_approve_and_return_posted_at_once_never_leave_a_returned_form_counted(
    submitted, world, kind
):
    city, colleague = Client(), Client()
    city.force_login(world.users["city"])
    colleague.force_login(world.users["city"])
    answers = all_at_once(
        [
            lambda: city.post(reverse(kind.approve_url, args=[submitted.pk])),
            lambda: colleague.post(
                reverse(kind.return_url, args=[submitted.pk]), {"reason": "数据需核实"}
            ),
        ]
    )
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    submitted.refresh_from_db()
    assert len(decisions(submitted)) == 1
    approved = submitted.status == Status.APPROVED
    assert kind.counted(world) == (kind.approved if approved else nothing(kind))


def test_a_late_decision_is_refused_naming_who_decided(submitted, world, kind):
    stale = fresh(submitted)
    kind.send_back(submitted, user=world.users["city"], reason="数据需核实")
    with pytest.raises(ReportingError, match=r"该报表已被.+于\d\d:\d\d退回，请刷新页面"):
        kind.approve(stale, user=world.users["city"])
    assert kind.counted(world) == nothing(kind)


def test_a_double_click_on_submit_submits_once(transactional_db, world, kind):
    form, sender = kind.draft(world)
    first, second = fresh(form), fresh(form)
    outcomes = all_at_once(
        [
            lambda: kind.submit(first, user=sender, version=form.version),
            lambda: kind.submit(second, user=sender, version=form.version),
        ]
    )
    assert sum(isinstance(each, ReportingError) for each in outcomes) == 1
    assert form.steps.filter(action=Action.SUBMIT).count() == 1
