"""A figure typed on the web entry in another unit (385000 in a 亿元 field beside May's 107亿元:
a 万元 habit) is refused at save, submit and approval, naming the line and the field, by the
same check the import refuses the cell with (tryout 26 item 1: the import refused the figure
the web saved, submitted and approved, and the report said 550000.0% of the target)."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from guanmo.indicators.entry import Typed
from guanmo.indicators.models import IndicatorValue, SubmittedValue
from guanmo.indicators.submissions import (
    approve_submission,
    save_submission,
    submission_for,
    submit_submission,
)
from guanmo.reporting.review import ReportingError
from guanmo.reporting.services import open_period
from tests.indicators.pages import indicator_city
from tests.world import YEAR

# 武陟县, the 7th unit, has 107亿元 stored for 1—5月 (tests/indicators/pages.py).
SLIP = (
    "「武陟县·固定资产投资」本期累计值：385000亿元，是1—5月累计107亿元的10000倍左右，"
    "疑为单位填错（数字像是万元，本栏单位为亿元）；请核对后按亿元填写"
)


@pytest.fixture
def figures(world):
    return indicator_city(world)


@pytest.fixture
def form(world, figures):
    june = open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)
    return submission_for(june, department=figures.statistics.department)


def _typed(figures, region, value: str) -> Typed:
    return Typed(figures.investment.pk, region.pk, value=value)


def test_a_figure_in_another_unit_is_not_saved_and_its_field_is_named(form, world, figures):
    result = save_submission(
        form,
        [_typed(figures, world.wuzhi, "385000"), _typed(figures, world.wenxian, "110")],
        user=figures.statistics,
        version=form.version,
    )
    assert [str(fault) for fault in result.faults] == [SLIP]
    assert not form.values.exists()  # all or nothing
    ok = save_submission(
        form, [_typed(figures, world.wuzhi, "115")], user=figures.statistics, version=form.version
    )
    assert ok.ok


def test_a_kept_figure_in_another_unit_is_neither_submitted_nor_approved(form, world, figures):
    # A draft kept before the month's figures it is judged by were stored.
    SubmittedValue.objects.create(
        submission=form, indicator=figures.investment, region=world.wuzhi, value=Decimal(385000)
    )
    with pytest.raises(ReportingError) as refused:
        submit_submission(form, user=figures.statistics, version=form.version)
    assert str(refused.value) == f"不能提交：{SLIP}"
    form.status = "submitted"
    form.save(update_fields=["status"])
    with pytest.raises(ReportingError) as refused:
        approve_submission(form, user=world.users["city"])
    assert str(refused.value) == f"不能审核通过：{SLIP}"
    assert not IndicatorValue.objects.filter(month=6).exists()


def test_the_reviewer_sees_the_doubtful_figure(client, form, world, figures):
    SubmittedValue.objects.create(
        submission=form, indicator=figures.investment, region=world.wuzhi, value=Decimal(385000)
    )
    client.force_login(world.users["city"])
    body = client.get(reverse("submission_form", args=[form.pk])).content.decode()
    doubts = body[body.index('id="unit-doubts"') :]
    assert SLIP in doubts[: doubts.index("</ul>")]
    assert "以上数值疑为单位填错，不能提交或审核通过" in body


def test_the_web_entry_page_refuses_it_by_field(client, form, world, figures):
    key = f"{figures.investment.pk}-{world.wuzhi.pk}"
    client.force_login(figures.statistics)
    url = reverse("submission_form", args=[form.pk])
    body = client.post(url, {"version": 0, f"v-{key}": "385000", "action": "submit"})
    assert SLIP in body.content.decode()
    form.refresh_from_db()
    assert form.status != "submitted" and not form.values.exists()
