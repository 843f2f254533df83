"""按上年进度分解 of a monthly indicator needs every month of last year: months missing are a
gap in the data, refused naming them, not filled with a straight line (tryout 26 item 3: 博爱县's
固投 had 4—6月 and 12月 last year, and 1—3月 were split in thirds, 7—11月 drawn straight, without
a word). A quarterly indicator's months between its quarters are still shared out."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from guanmo.figures.breakdown import seasonal_weights
from guanmo.indicators.choices import Profile
from guanmo.indicators.models import Indicator, Target
from guanmo.indicators.selectors import breakdown_of, target_nodes_of
from guanmo.indicators.services import TargetInput, ValueInput, set_targets, store_values
from guanmo.indicators.targets import FIRST_TWO_MONTHS

MISSING = "上年缺8个月的数据（1月、2月、3月、7月、8月、9月、10月、11月）"


def test_a_monthly_shape_with_months_missing_is_refused_naming_them():
    shape = {4: D(10), 5: D(15), 6: D(20), 12: D(50)}
    with pytest.raises(ValueError, match=rf"^{MISSING}"):
        seasonal_weights(shape, every_month=True)
    assert len(seasonal_weights(shape)) == 12  # a quarterly shape's stretches are shared


def test_a_monthly_indicators_seasonal_target_without_every_month_is_refused(city):
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    boai = city.children.get(name="博爱县")
    for month, value in ((4, 10), (5, 15), (6, 20), (12, 50)):
        store_values(investment, 2024, month, [ValueInput(boai, D(value))], source="", user=None)

    with pytest.raises(ValidationError) as refused:
        set_targets(investment, 2025, [TargetInput(boai, D(50), profile=Profile.SEASONAL)])

    assert refused.value.messages == [
        f"博爱县“固定资产投资”目标不能按上年进度分解：{MISSING}，按月统计的指标按上年进度分解"
        "需要上年每个月的累计数（上年已有累计数的月份：4月、5月、6月、12月），"
        "请先导入上年各月数据，或改用平均分解、手工分解"
    ]
    kept = Target.objects.create(
        indicator=investment, region=boai, year=2025, amount=D(50), profile=Profile.SEASONAL
    )
    with pytest.raises(ValueError, match=MISSING):
        breakdown_of(kept)  # kept before the rule: no node drawn from a straight line


def test_a_quarterly_indicators_seasonal_target_shares_its_quarters(city):
    gdp = Indicator.objects.get(city=city, name="地区生产总值")
    boai = city.children.get(name="博爱县")
    for month, value in ((3, 20), (6, 40), (9, 60), (12, 100)):
        store_values(gdp, 2024, month, [ValueInput(boai, D(value))], source="", user=None)
    (target,) = set_targets(gdp, 2025, [TargetInput(boai, D(100), profile=Profile.SEASONAL)])
    assert breakdown_of(target).quarters == (D(20), D(20), D(20), D(40))


def test_last_years_one_to_february_covers_january_and_february(city):
    # Statistics publish 固定资产投资 from 1—2月: no 1月 figure (tryout 29 item 3).
    investment = Indicator.objects.get(city=city, name="固定资产投资")
    boai = city.children.get(name="博爱县")
    for month in range(2, 13):
        store_values(
            investment, 2024, month, [ValueInput(boai, D(month * 5))], source="", user=None
        )

    (target,) = set_targets(investment, 2025, [TargetInput(boai, D(60), profile=Profile.SEASONAL)])

    plan = breakdown_of(target)
    assert (plan.node(1), plan.node(2), plan.node(3)) == (D(5), D(10), D(15))
    store_values(investment, 2025, 2, [ValueInput(boai, D(12))], source="", user=None)
    (found,) = target_nodes_of(city, 2025, 2, [boai])
    nodes = found.nodes
    assert (nodes[0].done, nodes[0].why) == (None, FIRST_TWO_MONTHS)
    assert nodes[1].vs_node == D("3.3")  # 20.0% against 16.67%


def test_january_alone_missing_is_still_refused_without_february():
    shape = {month: D(month) for month in range(3, 13)}
    with pytest.raises(ValueError, match=r"^上年缺2个月的数据（1月、2月）"):
        seasonal_weights(shape, every_month=True)
