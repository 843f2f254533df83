"""A ledger project made from a started lead entered the ledger on its start: it reports from
that month (progress.warnings), so one made before `Project.entered_on` existed gets its 开工
milestone's date. A project already on a key list was in the ledger before the lead linked to
it and keeps reporting the whole year (entered_on stays empty)."""

from django.db import migrations


def date_linked_projects(apps, schema_editor):
    Project = apps.get_model("ledger", "Project")
    Milestone = apps.get_model("ledger", "Milestone")
    made = Project.objects.filter(
        attraction_lead__isnull=False, entered_on__isnull=True, key_lists__isnull=True
    )
    for milestone in Milestone.objects.filter(
        project__in=made, kind="开工", reached__isnull=False
    ):
        Project.objects.filter(pk=milestone.project_id).update(entered_on=milestone.reached)


class Migration(migrations.Migration):
    dependencies = [
        ("attraction", "0008_parcel_history"),
        ("ledger", "0006_project_entered_on"),
    ]

    operations = [migrations.RunPython(date_linked_projects, migrations.RunPython.noop)]
