"""Firms tied to the region tree and land kept per year, step 1 of 3 (issue 13): the new
columns, empty until 0004 fills them; the old ones made optional, so that 0005 can drop them
and going back can bring them back empty for 0004 to fill again."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0002_firm_register"),
        ("regions", "0004_region_kind_town"),
    ]

    operations = [
        migrations.AddField(
            model_name="scheme",
            name="firm_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="亩均效益评价的年度；单位考核为空",
                null=True,
                verbose_name="企业评价年度",
            ),
        ),
        migrations.AddField(
            model_name="firm",
            name="city",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assessed_firms",
                to="regions.region",
                verbose_name="城市",
            ),
        ),
        migrations.AddField(
            model_name="firm",
            name="county_unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="firms",
                to="regions.region",
                verbose_name="县（市、区）",
            ),
        ),
        migrations.AddField(
            model_name="firmyear",
            name="land_area",
            field=models.DecimalField(
                decimal_places=4, max_digits=14, null=True, verbose_name="用地面积（亩）"
            ),
        ),
        migrations.AlterField(
            model_name="firm",
            name="county",
            field=models.CharField(
                blank=True, default="", max_length=64, verbose_name="县（市、区）"
            ),
        ),
        migrations.AlterField(
            model_name="firm",
            name="land_area",
            field=models.DecimalField(
                decimal_places=4, max_digits=14, null=True, verbose_name="用地面积（亩）"
            ),
        ),
    ]
