"""A linked lead's 开工 moves into its ledger project's 开工 milestone, the one place it is kept
from now on (attraction.selectors.stage_dates reads it there): the lead's dates fill what the
milestone lacks; a date the milestone already has stands."""

from django.db import migrations


def move_starts(apps, schema_editor):
    StageDate = apps.get_model("attraction", "StageDate")
    Milestone = apps.get_model("ledger", "Milestone")
    for row in StageDate.objects.filter(stage="开工", lead__project__isnull=False).select_related(
        "lead"
    ):
        milestone, _ = Milestone.objects.get_or_create(
            project_id=row.lead.project_id, kind="开工"
        )
        milestone.planned = milestone.planned or row.planned
        milestone.reached = milestone.reached or row.reached
        if milestone.planned or milestone.reached:
            milestone.save()
        else:
            milestone.delete()
        row.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("attraction", "0006_parcel_outline"),
        ("ledger", "0005_milestones_curves_removals"),
    ]

    operations = [migrations.RunPython(move_starts, migrations.RunPython.noop)]
