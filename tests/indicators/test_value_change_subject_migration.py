"""indicators 0006: a value's changes name their subject (indicator, region, period), taken
from their row; going back drops the changes no row holds any longer."""

import pytest

from tests.migrating import migrate, migrate_to_latest

BEFORE = [("indicators", "0005_indicator_kind_count")]
AFTER = [("indicators", "0006_value_change_subject")]


@pytest.mark.django_db(transaction=True)
def test_changes_take_their_subject_from_their_row_and_outlive_it():
    old = migrate(BEFORE)
    Region = old.get_model("regions", "Region")
    city = Region.objects.create(code="410800", name="焦作市", kind="city")
    indicator = old.get_model("indicators", "Indicator").objects.create(
        city=city, name="规上企业数", unit="家"
    )
    row = old.get_model("indicators", "IndicatorValue").objects.create(
        indicator=indicator, region=city, year=2025, month=6, value=86
    )
    old.get_model("indicators", "ValueChange").objects.create(
        value=row, field="本期累计值", old_value="", new_value="86", source="园区主要指标"
    )
    try:
        new = migrate(AFTER)
        ValueChange = new.get_model("indicators", "ValueChange")
        change = ValueChange.objects.get()
        assert (change.indicator_id, change.region_id, change.year, change.month) == (
            indicator.pk, city.pk, 2025, 6,
        )  # fmt: skip
        new.get_model("indicators", "IndicatorValue").objects.all().delete()
        assert ValueChange.objects.get().value_id is None  # kept, its subject said

        back = migrate(BEFORE)
        assert not back.get_model("indicators", "ValueChange").objects.exists()
    finally:
        migrate_to_latest()
