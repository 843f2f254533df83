"""attraction 0005: a lead's change gains the import that made it; the changes kept before it
name none, and going back keeps them."""

import pytest

from tests.migrating import migrate, migrate_to_latest

BEFORE = [("attraction", "0004_park_figures_history_and_parcel_places")]
AFTER = [("attraction", "0005_lead_change_import_record")]


@pytest.mark.django_db(transaction=True)
def test_changes_kept_before_name_no_import_and_going_back_keeps_them():
    old = migrate(BEFORE)
    Region = old.get_model("regions", "Region")
    city = Region.objects.create(code="410800", name="焦作市", kind="city")
    lead = old.get_model("attraction", "Lead").objects.create(
        city=city, county=city, name="香雪海冷链产业园", register_year=2025
    )
    old.get_model("attraction", "LeadChange").objects.create(
        lead=lead, field="投资方", old_value="", new_value="香雪海", source="表格导入"
    )
    try:
        new = migrate(AFTER)
        LeadChange = new.get_model("attraction", "LeadChange")
        change = LeadChange.objects.get()
        assert change.import_record_id is None
        record = new.get_model("reporting", "ImportRecord").objects.create(
            city_id=city.pk, kind="attraction", file_name="招商项目台账.xlsx", report={}
        )
        change.import_record_id = record.pk
        change.save()
        assert LeadChange.objects.get().import_record_id == record.pk

        back = migrate(BEFORE)
        kept = back.get_model("attraction", "LeadChange").objects.get()
        assert (kept.field, kept.new_value) == ("投资方", "香雪海")
        assert "import_record_id" not in {f.attname for f in kept._meta.concrete_fields}
    finally:
        migrate_to_latest()
