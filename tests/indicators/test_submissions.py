"""Indicator figures entered on the web: a department fills its form for an open month (all or
nothing, faults naming the field), submits it, and the city office returns it with a reason or
approves it, which stores the figures with their history, as monthly reports are reviewed."""

from datetime import date
from decimal import Decimal

import pytest

from guanmo.indicators.entry import Typed
from guanmo.indicators.models import IndicatorValue, Submission, ValueChange
from guanmo.indicators.selectors import submission_lines
from guanmo.indicators.services import Source
from guanmo.indicators.submissions import (
    approve_submission,
    reopen_submission,
    return_submission,
    save_submission,
    submission_for,
    submit_submission,
)
from guanmo.reporting.models import Status
from guanmo.reporting.review import ReportingError, StaleReport
from guanmo.reporting.services import close_period, open_period
from tests.indicators.pages import indicator_city
from tests.world import YEAR


@pytest.fixture
def june(world):
    return open_period(world.city, year=YEAR, month=6, deadline=date(YEAR, 7, 10), user=None)


@pytest.fixture
def figures(world):
    return indicator_city(world)


@pytest.fixture
def statistics_form(june, figures):
    return submission_for(june, department=figures.statistics.department)


def typed(figures, region, **given) -> Typed:
    return Typed(figures.investment.pk, region.pk, **given)


def fill(form, user, *lines) -> object:
    return save_submission(form, list(lines), user=user, version=form.version)


def test_a_department_form_has_its_indicators_for_every_unit(statistics_form, figures):
    lines = submission_lines(statistics_form)
    assert {line.indicator.name for line in lines} == {
        "地区生产总值",  # quarterly, and June ends a quarter
        "规模以上工业增加值",
        "固定资产投资",
        "社会消费品零售总额",
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    }
    investment = [line.region for line in lines if line.indicator == figures.investment]
    assert investment == figures.units


def test_a_quarterly_indicator_is_not_on_the_form_of_a_month_inside_a_quarter(world, figures):
    may = open_period(world.city, year=YEAR, month=5, deadline=date(YEAR, 6, 10), user=None)
    form = submission_for(may, department=figures.statistics.department)
    assert "地区生产总值" not in {line.indicator.name for line in submission_lines(form)}


def test_a_county_form_has_its_own_line_of_the_indicators_no_department_supplies(
    june, world, figures
):
    form = submission_for(june, county=world.wuzhi)
    lines = submission_lines(form)
    names = [line.indicator.name for line in lines]
    assert "脱贫人口" in names and "赴京访批次" in names
    assert "固定资产投资" not in names and "地区生产总值" not in names  # 市统计局's
    assert {line.region for line in lines} == {world.wuzhi}


def test_one_form_per_department_and_month(june, figures):
    first = submission_for(june, department=figures.statistics.department)
    assert submission_for(june, department=figures.statistics.department) == first


def test_a_save_with_any_fault_saves_nothing_and_names_the_field(statistics_form, world, figures):
    result = fill(
        statistics_form,
        figures.statistics,
        typed(figures, world.wenxian, value="130"),
        typed(figures, world.wuzhi, growth="abc"),
    )
    assert not result.ok
    assert [str(fault) for fault in result.faults] == [
        "「武陟县·固定资产投资」同比增长（%）：不是数字：abc"
    ]
    assert statistics_form.values.count() == 0


def test_a_save_from_an_older_page_is_refused(statistics_form, world, figures):
    old = statistics_form.version
    assert fill(statistics_form, figures.statistics, typed(figures, world.wuzhi, value="110")).ok
    with pytest.raises(StaleReport):
        save_submission(
            statistics_form,
            [typed(figures, world.wuzhi, value="111")],
            user=figures.statistics,
            version=old,
        )


def test_a_form_without_any_figure_cannot_be_submitted(statistics_form, figures):
    with pytest.raises(ReportingError, match="尚未填写任何指标数值"):
        submit_submission(statistics_form, user=figures.statistics, version=statistics_form.version)


def test_return_then_approve_stores_the_figures_with_their_history(statistics_form, world, figures):
    city = world.users["city"]
    assert fill(
        statistics_form, figures.statistics, typed(figures, world.wuzhi, value="150", growth="25")
    ).ok
    submit_submission(statistics_form, user=figures.statistics, version=statistics_form.version)
    with pytest.raises(ReportingError, match="不能修改"):
        fill(statistics_form, figures.statistics, typed(figures, world.wuzhi, value="1"))

    with pytest.raises(ReportingError, match="退回原因"):
        return_submission(statistics_form, user=city, reason="  ")
    return_submission(statistics_form, user=city, reason="武陟县增速偏高，请核实")
    assert statistics_form.status == Status.RETURNED
    assert not IndicatorValue.objects.filter(month=6).exists()

    assert fill(
        statistics_form, figures.statistics, typed(figures, world.wuzhi, value="140", growth="24")
    ).ok
    submit_submission(statistics_form, user=figures.statistics, version=statistics_form.version)
    approved = approve_submission(statistics_form, user=city)
    assert approved == (1, 2)  # tryout 21: indicators and figures said apart
    assert str(approved) == "1项指标（改动2个数值）已计入"
    stored = IndicatorValue.objects.get(indicator=figures.investment, region=world.wuzhi, month=6)
    assert (stored.value, stored.reported_growth) == (Decimal(140), Decimal(24))
    history = ValueChange.objects.filter(value=stored)
    assert {(c.field, c.new_value, c.source, c.user) for c in history} == {
        ("本期累计值", "140", Source.APPROVAL, city),
        ("同比增长（%，报送）", "24", Source.APPROVAL, city),
    }
    assert history.first().reason == "市统计局2025年6月指标填报"
    assert [step.action for step in statistics_form.steps.all()] == [
        "save",
        "submit",
        "return",
        "save",
        "submit",
        "approve",
    ]


def test_an_approved_figure_never_blanks_a_stored_one(statistics_form, world, figures):
    """A figure left blank on the form is not given: the stored one stays."""
    may = IndicatorValue.objects.get(indicator=figures.investment, region=world.wuzhi, month=5)
    june = statistics_form.period
    IndicatorValue.objects.create(
        indicator=figures.investment, region=world.wuzhi, year=YEAR, month=6, value=may.value
    )
    assert fill(statistics_form, figures.statistics, typed(figures, world.wuzhi, growth="7")).ok
    submit_submission(statistics_form, user=figures.statistics, version=statistics_form.version)
    approve_submission(statistics_form, user=world.users["city"])
    stored = IndicatorValue.objects.get(indicator=figures.investment, region=world.wuzhi, month=6)
    assert (stored.value, stored.reported_growth) == (may.value, Decimal(7))
    assert june.month == 6


def test_closing_the_month_locks_the_form_until_the_city_office_reopens_it(
    statistics_form, world, figures
):
    city = world.users["city"]
    close_period(statistics_form.period, user=city)
    statistics_form.refresh_from_db()
    with pytest.raises(ReportingError, match="填报期已关闭，报表已锁定"):
        fill(statistics_form, figures.statistics, typed(figures, world.wuzhi, value="1"))
    with pytest.raises(ReportingError, match="重新打开报表必须填写原因"):
        reopen_submission(statistics_form, user=city, reason="")
    reopen_submission(statistics_form, user=city, reason="统计局更正数据")
    assert statistics_form.reopened and statistics_form.status == Status.RETURNED
    assert fill(statistics_form, figures.statistics, typed(figures, world.wuzhi, value="110")).ok


def test_a_closed_month_gets_no_new_form(june, world, figures):
    close_period(june, user=world.users["city"])
    with pytest.raises(ReportingError, match="填报期已关闭，不能再填报"):
        submission_for(june, county=world.wuzhi)
    assert not Submission.objects.exists()


def test_a_line_not_on_the_form_is_refused(statistics_form, world, figures):
    with pytest.raises(ReportingError, match="不在本填报表中"):
        fill(statistics_form, figures.statistics, Typed(figures.poverty.pk, world.wuzhi.pk, "1"))
