import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """A lead's change keeps the import that made it (as a project's and a park's do)."""

    dependencies = [
        ("attraction", "0004_park_figures_history_and_parcel_places"),
        ("reporting", "0005_import_record_attraction_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="leadchange",
            name="import_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="lead_changes",
                to="reporting.importrecord",
                verbose_name="导入记录",
            ),
        ),
    ]
