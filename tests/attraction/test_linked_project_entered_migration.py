"""attraction 0009: a project made from a started lead before `entered_on` existed entered the
ledger on its 开工; one already on a key list keeps reporting the whole year."""

from datetime import date

import pytest

from tests.migrating import migrate, migrate_to_latest

BEFORE = [("attraction", "0008_parcel_history"), ("ledger", "0006_project_entered_on")]
AFTER = [("attraction", "0009_linked_projects_entered_on")]


@pytest.mark.django_db(transaction=True)
def test_a_project_made_from_a_lead_entered_the_ledger_on_its_start():
    old = migrate(BEFORE)
    Region = old.get_model("regions", "Region")
    city = Region.objects.create(code="410800", name="焦作市", kind="city")
    Project = old.get_model("ledger", "Project")
    made, listed = (Project.objects.create(city=city, county=city, name=name) for name in "甲乙")
    old.get_model("ledger", "KeyListEntry").objects.create(project=listed, year=2025, level="市")
    Milestone = old.get_model("ledger", "Milestone")
    Lead = old.get_model("attraction", "Lead")
    for project in (made, listed):
        Milestone.objects.create(project=project, kind="开工", reached=date(2025, 12, 10))
        Lead.objects.create(city=city, county=city, name=project.name, register_year=2025,
                            project=project)  # fmt: skip
    try:
        new = migrate(AFTER)
        entered = dict(new.get_model("ledger", "Project").objects.values_list("name", "entered_on"))
        assert entered == {"甲": date(2025, 12, 10), "乙": None}
    finally:
        migrate_to_latest()
