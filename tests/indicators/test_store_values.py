"""Storing indicator figures: all or nothing, every change recorded, nothing blanked by a
figure that was not given."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from guanmo.indicators.models import Indicator, IndicatorValue, ValueChange
from guanmo.indicators.services import Source, ValueInput, store_values


@pytest.fixture
def fai(city):
    return Indicator.objects.get(city=city, name="固定资产投资")


def test_new_figures_are_stored_with_their_history(fai, wuzhi, wenxian):
    result = store_values(
        fai,
        2025,
        6,
        [
            ValueInput(wuzhi, D("61.2"), last_year=D("55.0"), reported_rank=2),
            ValueInput(wenxian, D("40.5"), reported_growth=D("8.3")),
        ],
        source=Source.IMPORT,
        user=None,
    )
    assert (result.created, result.updated, result.changes) == (2, 0, 5)
    stored = IndicatorValue.objects.get(indicator=fai, region=wuzhi, year=2025, month=6)
    assert (stored.value, stored.last_year_value, stored.reported_rank) == (
        D("61.2"),
        D("55.0"),
        2,
    )
    assert sorted(ValueChange.objects.filter(value=stored).values_list("field", "new_value")) == [
        ("上年同期值", "55"),
        ("位次（报送）", "2"),
        ("本期累计值", "61.2"),
    ]


def test_a_changed_figure_is_recorded_old_and_new_and_a_missing_one_blanks_nothing(fai, wuzhi):
    store_values(
        fai,
        2025,
        6,
        [ValueInput(wuzhi, D("61.2"), last_year=D("55"))],
        source="表格导入",
        user=None,
    )
    result = store_values(
        fai, 2025, 6, [ValueInput(wuzhi, D("61.50"))], source=Source.ENTRY, user=None
    )
    assert (result.created, result.updated, result.changes) == (0, 1, 1)
    stored = IndicatorValue.objects.get()
    assert stored.last_year_value == D("55")  # not given this time: kept
    change = ValueChange.objects.filter(source=Source.ENTRY).get()
    assert (change.field, change.old_value, change.new_value) == ("本期累计值", "61.2", "61.5")


def test_the_same_figures_again_change_nothing(fai, wuzhi):
    given = [ValueInput(wuzhi, D("61.2"), last_year=D("55"))]
    store_values(fai, 2025, 6, given, source=Source.IMPORT, user=None)
    result = store_values(fai, 2025, 6, given, source=Source.IMPORT, user=None)
    assert (result.unchanged, result.changes) == (1, 0)
    assert ValueChange.objects.count() == 2


def test_a_quarterly_indicator_refuses_a_may_figure_and_stores_nothing(city, wuzhi):
    gdp = Indicator.objects.get(city=city, name="地区生产总值")
    with pytest.raises(ValidationError, match=r"地区生产总值.*季度.*5月"):
        store_values(gdp, 2025, 5, [ValueInput(wuzhi, D("100"))], source="x", user=None)
    assert not IndicatorValue.objects.exists()


def test_a_region_given_twice_stores_nothing(fai, wuzhi):
    twice = [ValueInput(wuzhi, D("61.2")), ValueInput(wuzhi, D("62"))]
    with pytest.raises(ValidationError, match="“武陟县”“固定资产投资”填报了两次"):
        store_values(fai, 2025, 6, twice, source=Source.IMPORT, user=None)
    assert not IndicatorValue.objects.exists()


def test_a_growth_given_alone_is_stored_without_a_value(city, wuzhi, wenxian):
    industry = Indicator.objects.get(city=city, name="规模以上工业增加值")
    store_values(
        industry,
        2025,
        6,
        [ValueInput(wuzhi, None, reported_growth=D("8.5"))],
        source="x",
        user=None,
    )
    stored = IndicatorValue.objects.get()
    assert (stored.value, stored.reported_growth) == (None, D("8.5"))
    with pytest.raises(ValidationError, match="“温县”“规模以上工业增加值”既无本期数值也无增速"):
        store_values(industry, 2025, 6, [ValueInput(wenxian, None)], source="x", user=None)
    assert IndicatorValue.objects.count() == 1


def test_every_fault_names_the_sheet_row_the_region_and_the_indicator(fai, wuzhi, wenxian):
    given = [
        ValueInput(wuzhi, None, where="工作表「月报」第5行"),
        ValueInput(wenxian, D("40.5"), reported_rank=0, where="工作表「月报」第6行"),
    ]
    with pytest.raises(ValidationError) as raised:
        store_values(fai, 2025, 6, given, source=Source.IMPORT, user=None)
    assert raised.value.messages == [
        "工作表「月报」第5行“武陟县”“固定资产投资”既无本期数值也无增速",
        "工作表「月报」第6行“温县”“固定资产投资”位次（报送）应为正整数，而不是0",
    ]
    assert not IndicatorValue.objects.exists()


def test_a_figure_the_database_would_round_or_overflow_is_refused_not_rounded(fai, wuzhi, wenxian):
    given = [
        ValueInput(wuzhi, D("61.1234567"), where="工作表「月报」第5行"),
        ValueInput(wenxian, D("40"), reported_growth=D("8.12345")),
    ]
    with pytest.raises(ValidationError) as raised:
        store_values(fai, 2025, 6, given, source=Source.IMPORT, user=None)
    assert raised.value.messages == [
        "工作表「月报」第5行“武陟县”“固定资产投资”本期累计值61.1234567超过6位小数",
        "“温县”“固定资产投资”同比增长（%，报送）8.12345超过4位小数",
    ]
    with pytest.raises(ValidationError, match=r"上年同期值1000000000000超出可保存的范围"):
        store_values(
            fai, 2025, 6, [ValueInput(wuzhi, D("1"), last_year=D("1E12"))], source="x", user=None
        )
    assert not IndicatorValue.objects.exists()
