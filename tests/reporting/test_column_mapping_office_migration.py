"""reporting 0010: a column naming a county office's user gave becomes that county's; every
other stays the city office's (tryout 31, finding 6)."""

import pytest

from tests.migrating import migrate, migrate_to_latest

USERS = ("accounts", "0003_department")  # users with their role and region
BEFORE = [("reporting", "0009_column_mapping_stamped_by_the_clock"), USERS]
AFTER = [("reporting", "0010_column_mapping_per_office"), USERS]


@pytest.mark.django_db(transaction=True)
def test_a_county_office_s_naming_becomes_its_county_s():
    old = migrate(BEFORE)
    Region = old.get_model("regions", "Region")
    city = Region.objects.create(code="410800", name="焦作市", kind="city")
    wuzhi = Region.objects.create(code="410823", name="武陟县", kind="county", parent=city)
    User = old.get_model("accounts", "User")
    county_user = User.objects.create(username="wz", role="county_office", region=wuzhi)
    city_user = User.objects.create(username="sx", role="city_office", region=city)
    Mapping = old.get_model("reporting", "ColumnMapping")
    Mapping.objects.create(city=city, header="本期完成额", field="本月完成投资", user=county_user)
    Mapping.objects.create(city=city, header="片区", field="所在县区", user=city_user)
    try:
        new = migrate(AFTER)
        kept = new.get_model("reporting", "ColumnMapping").objects.values_list("header", "unit_id")
        assert set(kept) == {("本期完成额", wuzhi.pk), ("片区", None)}
    finally:
        migrate_to_latest()
