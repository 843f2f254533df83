"""The database refuses impossible indicator figures, whatever writes them."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from guanmo.indicators.models import Indicator, IndicatorValue, Target, TargetNode


def _refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(**fields)


def test_one_value_per_region_indicator_and_period(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    IndicatorValue.objects.create(indicator=fai, region=wuzhi, year=2025, month=6, value=D("61.2"))
    _refused(indicator=fai, region=wuzhi, year=2025, month=6, value=D("62"))


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_the_year_is_refused(city, wuzhi, month):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    _refused(indicator=fai, region=wuzhi, year=2025, month=month, value=D("1"))


def test_a_reported_rank_starts_at_one(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    _refused(indicator=fai, region=wuzhi, year=2025, month=6, value=D("1"), reported_rank=0)


def test_a_quarterly_indicator_has_no_may_figure(city, wuzhi):
    gdp = Indicator.objects.get(city=city, name="地区生产总值")
    value = IndicatorValue(indicator=gdp, region=wuzhi, year=2025, month=5, value=D("100"))
    with pytest.raises(ValidationError, match="季度"):
        value.full_clean()


def test_values_keep_six_decimals_exactly_to_fifteen_digits(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    IndicatorValue.objects.create(
        indicator=fai, region=wuzhi, year=2025, month=6, value=D("123456789.123456")
    )
    assert IndicatorValue.objects.get().value == D("123456789.123456")


@pytest.mark.parametrize(
    "figures", [{"amount": D("9"), "growth": D("10")}, {}, {"amount": D("-1")}]
)
def test_a_target_is_a_non_negative_amount_or_a_growth_never_both(city, wuzhi, figures):
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indicator=poverty, region=wuzhi, year=2025, **figures)


def test_one_target_per_region_indicator_and_year_and_nodes_per_month(city, wuzhi):
    poverty = Indicator.objects.get(city=city, name="脱贫人口")
    target = Target.objects.create(indicator=poverty, region=wuzhi, year=2025, amount=D("7.38"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(indicator=poverty, region=wuzhi, year=2025, growth=D("10"))
    TargetNode.objects.create(target=target, month=1, amount=D("0.5"))
    for fields in ({"month": 1, "amount": D("1")}, {"month": 13, "amount": D("1")}):
        with pytest.raises(IntegrityError), transaction.atomic():
            TargetNode.objects.create(target=target, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        TargetNode.objects.create(target=target, month=2, amount=D("-0.5"))


def test_a_figure_without_value_or_growth_is_refused(city, wuzhi):
    fai = Indicator.objects.get(city=city, name="固定资产投资")
    _refused(indicator=fai, region=wuzhi, year=2025, month=6, last_year_value=D("5"))
