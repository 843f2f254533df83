"""An indicator value's 最后修改时间 is the application's clock (`guanmo.clock.now`), on every
way a value is written: stored new, changed by a later import, cleared, saved on its own (the
admin). With GUANMO_TODAY set (the demo city lives in December 2025) each is stamped that day,
not the machine's."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.utils import timezone

from guanmo.indicators.models import Indicator, IndicatorValue
from guanmo.indicators.services import Source, ValueInput, clear_value, store_values


@pytest.fixture
def fai(city):
    return Indicator.objects.get(city=city, name="固定资产投资")


def _stamped(fai, wuzhi) -> date:
    row = IndicatorValue.objects.get(indicator=fai, region=wuzhi, year=2025, month=6)
    return timezone.localtime(row.updated_at).date()


def test_a_value_is_stamped_on_the_applications_day_however_it_is_written(fai, wuzhi, settings):
    settings.GUANMO_TODAY = date(2025, 7, 10)
    given = ValueInput(wuzhi, D("61.2"), reported_growth=D("8.3"))
    store_values(fai, 2025, 6, [given], source=Source.IMPORT, user=None)
    assert _stamped(fai, wuzhi) == date(2025, 7, 10)

    settings.GUANMO_TODAY = date(2025, 7, 20)
    store_values(fai, 2025, 6, [ValueInput(wuzhi, D("61.5"))], source=Source.ENTRY, user=None)
    assert _stamped(fai, wuzhi) == date(2025, 7, 20)

    settings.GUANMO_TODAY = date(2025, 8, 1)
    assert clear_value(fai, wuzhi, 2025, 6, source=Source.ENTRY, user=None)
    assert _stamped(fai, wuzhi) == date(2025, 8, 1)

    settings.GUANMO_TODAY = date(2025, 8, 5)
    row = IndicatorValue.objects.get(indicator=fai, region=wuzhi, year=2025, month=6)
    row.reported_rank = 3
    row.save()
    assert _stamped(fai, wuzhi) == date(2025, 8, 5)
