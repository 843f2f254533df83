"""An indicator value's history names its subject (indicator, region, year, month) and outlives
its row: a value cleared away (its row removed, attraction.park_indicators) keeps its history
(tryout 13: CASCADE took it). Existing changes take their subject from their row."""

import django.db.models.deletion
from django.db import migrations, models


def subject_from_row(apps, schema_editor):
    ValueChange = apps.get_model("indicators", "ValueChange")
    for change in ValueChange.objects.select_related("value").iterator():
        row = change.value
        change.indicator_id, change.region_id = row.indicator_id, row.region_id
        change.year, change.month = row.year, row.month
        change.save(update_fields=["indicator", "region", "year", "month"])


def drop_orphans(apps, schema_editor):
    # Going back, a change with no row has nowhere to be kept: the old schema cascades.
    apps.get_model("indicators", "ValueChange").objects.filter(value__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0005_indicator_kind_count"),
        ("regions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="valuechange",
            name="indicator",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="value_changes",
                to="indicators.indicator",
                verbose_name="指标",
            ),
        ),
        migrations.AddField(
            model_name="valuechange",
            name="region",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="indicator_changes",
                to="regions.region",
                verbose_name="地区",
            ),
        ),
        migrations.AddField(
            model_name="valuechange",
            name="year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="年度"),
        ),
        migrations.AddField(
            model_name="valuechange",
            name="month",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="月份"),
        ),
        migrations.RunPython(subject_from_row, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="valuechange",
            name="indicator",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="value_changes",
                to="indicators.indicator",
                verbose_name="指标",
            ),
        ),
        migrations.AlterField(
            model_name="valuechange",
            name="region",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="indicator_changes",
                to="regions.region",
                verbose_name="地区",
            ),
        ),
        migrations.AlterField(
            model_name="valuechange",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="年度"),
        ),
        migrations.AlterField(
            model_name="valuechange",
            name="month",
            field=models.PositiveSmallIntegerField(verbose_name="月份"),
        ),
        migrations.AlterField(
            model_name="valuechange",
            name="value",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="changes",
                to="indicators.indicatorvalue",
                verbose_name="指标数值",
            ),
        ),
        # last, so that going back drops them before `value` is required again
        migrations.RunPython(migrations.RunPython.noop, drop_orphans),
    ]
