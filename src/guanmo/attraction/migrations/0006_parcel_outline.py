from django.db import migrations, models


class Migration(migrations.Migration):
    """A parcel may carry its outline, a GeoJSON Polygon, drawn on the map of parcels."""

    dependencies = [
        ("attraction", "0005_lead_change_import_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="parcel",
            name="outline",
            field=models.JSONField(
                blank=True,
                help_text="GeoJSON多边形（Polygon），顶点为WGS-84的[经度, 纬度]",
                null=True,
                verbose_name="地块范围",
            ),
        ),
    ]
