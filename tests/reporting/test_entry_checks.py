"""Warnings on a monthly entry that do not block saving, worked by hand (figures in 万元)."""

from dataclasses import replace
from decimal import Decimal

import pytest

from guanmo.reporting.checks import EntryFigures, entry_warnings

ORDINARY = EntryFigures(
    month=5,
    completed_this_month=Decimal(100),
    cumulative_completed=Decimal(500),
    visible_progress="主体结构完成至三层",
    earlier_months=[Decimal(100), Decimal(120), Decimal(80), Decimal(100)],
    annual_plan=Decimal(2000),
)


def test_an_ordinary_entry_has_no_warnings():
    assert entry_warnings(ORDINARY) == []


def test_a_month_more_than_three_times_the_earlier_median_is_questioned():
    # Earlier months 80, 100, 100, 120: median 100, so anything above 300 is a spike.
    entry = replace(ORDINARY, completed_this_month=Decimal("300.01"))
    assert entry_warnings(entry) == ["本月完成300.01万元，超过此前月度中位数100万元的3倍，请核实"]


def test_a_month_exactly_three_times_the_earlier_median_is_not_questioned():
    assert entry_warnings(replace(ORDINARY, completed_this_month=Decimal(300))) == []


def test_the_median_of_an_even_number_of_months_is_the_mean_of_the_middle_two():
    entry = replace(
        ORDINARY,
        month=3,
        earlier_months=[Decimal(100), Decimal(150)],
        completed_this_month=Decimal("375.5"),
    )
    assert entry_warnings(entry) == ["本月完成375.5万元，超过此前月度中位数125万元的3倍，请核实"]


def test_spike_figures_are_quoted_without_trailing_zeros():
    # The ledger stores four decimals; the sentence quotes the figure as a person would.
    entry = replace(
        ORDINARY,
        month=4,
        earlier_months=[Decimal("100.0000"), Decimal("100.0000"), Decimal("100.0000")],
        completed_this_month=Decimal("1200.0000"),
    )
    assert entry_warnings(entry) == ["本月完成1200万元，超过此前月度中位数100万元的3倍，请核实"]


@pytest.mark.parametrize("earlier", [[], [Decimal(10)]])
def test_fewer_than_two_earlier_months_give_no_median_to_compare(earlier):
    entry = replace(ORDINARY, month=2, earlier_months=earlier, completed_this_month=Decimal(1000))
    assert entry_warnings(entry) == []


def test_a_median_of_zero_gives_nothing_to_compare():
    entry = replace(
        ORDINARY,
        earlier_months=[Decimal(0), Decimal(0), Decimal(50)],
        completed_this_month=Decimal(1000),
    )
    assert entry_warnings(entry) == []


def test_investment_without_visible_progress_is_questioned():
    entry = replace(ORDINARY, visible_progress=" \n\u3000 ")
    assert entry_warnings(entry) == ["本月有投资但未填写形象进度"]


@pytest.mark.parametrize("completed", [Decimal(0), None])
def test_no_investment_needs_no_visible_progress(completed):
    entry = replace(ORDINARY, completed_this_month=completed, visible_progress="")
    assert entry_warnings(entry) == []


def test_a_cumulative_equal_to_the_annual_plan_by_june_is_questioned():
    entry = replace(ORDINARY, month=6, cumulative_completed=Decimal("2000.0000"))
    assert entry_warnings(entry) == ["累计完成投资恰好等于年度计划2000万元，请核实是否照抄计划"]


def test_a_cumulative_equal_to_the_annual_plan_from_july_is_not_questioned():
    entry = replace(ORDINARY, month=7, cumulative_completed=Decimal(2000))
    assert entry_warnings(entry) == []


def test_a_cumulative_just_short_of_the_annual_plan_is_not_questioned():
    entry = replace(ORDINARY, month=6, cumulative_completed=Decimal("1999.99"))
    assert entry_warnings(entry) == []


@pytest.mark.parametrize("plan", [None, Decimal(0)])
def test_without_an_annual_plan_there_is_no_plan_to_have_copied(plan):
    entry = replace(
        ORDINARY,
        month=1,
        earlier_months=[],
        completed_this_month=Decimal(0),
        cumulative_completed=Decimal(0),
        annual_plan=plan,
    )
    assert entry_warnings(entry) == []


def test_an_entry_without_figures_has_no_warnings():
    entry = replace(
        ORDINARY, completed_this_month=None, cumulative_completed=None, visible_progress=""
    )
    assert entry_warnings(entry) == []


def test_every_warning_that_applies_is_given_in_order():
    entry = replace(
        ORDINARY,
        month=6,
        completed_this_month=Decimal(1500),
        cumulative_completed=Decimal(2000),
        visible_progress="",
    )
    assert entry_warnings(entry) == [
        "本月完成1500万元，超过此前月度中位数100万元的3倍，请核实",
        "本月有投资但未填写形象进度",
        "累计完成投资恰好等于年度计划2000万元，请核实是否照抄计划",
    ]
