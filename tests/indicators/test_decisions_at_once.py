"""Two decisions on one indicator form sent at once, from real threads (as for monthly
reports, tests/reporting/test_decisions_at_once.py): exactly one is taken, the other refused
naming who decided first; the figures are stored once, or not at all when it was returned."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from guanmo.indicators.entry import Typed
from guanmo.indicators.models import IndicatorValue, Submission, ValueChange
from guanmo.indicators.submissions import (
    approve_submission,
    return_submission,
    save_submission,
    submission_for,
    submit_submission,
)
from guanmo.reporting.models import Status
from guanmo.reporting.review import ReportingError
from guanmo.reporting.services import open_period
from tests.concurrency import all_at_once
from tests.indicators.pages import indicator_city
from tests.world import YEAR


@pytest.fixture
def submitted(transactional_db, world):
    """市统计局's June form with 武陟县's 固定资产投资, submitted."""
    figures = indicator_city(world)
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    form = submission_for(june, department=figures.statistics.department)
    typed = [Typed(figures.investment.pk, world.wuzhi.pk, value="140", growth="24")]
    assert save_submission(form, typed, user=figures.statistics, version=form.version).ok
    submit_submission(form, user=figures.statistics, version=form.version)
    return form


def decisions(form) -> list[str]:
    return list(form.steps.exclude(action__in=["save", "submit"]).values_list("action", flat=True))


def stored() -> int:
    return IndicatorValue.objects.filter(year=YEAR, month=6).count()


def test_approve_and_return_at_once_give_one_decision(submitted, world):
    approving = Submission.objects.get(pk=submitted.pk)
    returning = Submission.objects.get(pk=submitted.pk)
    outcomes = all_at_once(
        [
            lambda: approve_submission(approving, user=world.users["city"]),
            lambda: return_submission(returning, user=world.users["city"], reason="请核实"),
        ]
    )
    refusals = [each for each in outcomes if isinstance(each, BaseException)]
    assert len(refusals) == 1 and isinstance(refusals[0], ReportingError)
    assert "该报表已被" in str(refusals[0]) and "请刷新" in str(refusals[0])
    submitted.refresh_from_db()
    assert len(decisions(submitted)) == 1
    if submitted.status == Status.RETURNED:
        assert stored() == 0
    else:
        assert submitted.status == Status.APPROVED and stored() == 1


def test_a_double_click_on_approve_stores_the_figures_once(submitted, world):
    city = Client()
    city.force_login(world.users["city"])
    url = reverse("submission_approve", args=[submitted.pk])
    answers = all_at_once([lambda: city.post(url), lambda: city.post(url)])
    assert [getattr(answer, "status_code", answer) for answer in answers] == [302, 302]
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED
    assert decisions(submitted) == ["approve"]
    assert stored() == 1
    assert ValueChange.objects.filter(value__month=6).count() == 2  # value and growth, once
