"""Firms tied to the region tree and land kept per year, step 3 of 3 (issue 13): the firm's
county text and land dropped (kept now as its county unit and each year's land), the columns
made required, and the firms each firm scheme rated."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("assessment", "0004_firm_scope_and_land_data")]

    operations = [
        migrations.RemoveField(model_name="firm", name="county"),
        migrations.RemoveField(model_name="firm", name="land_area"),
        migrations.RenameField(model_name="firm", old_name="county_unit", new_name="county"),
        migrations.AlterField(
            model_name="firm",
            name="county",
            field=models.ForeignKey(
                blank=True,
                help_text="空：迁移前导入、县区名称无法识别的企业，只有市项目办可见",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="firms",
                to="regions.region",
                verbose_name="县（市、区）",
            ),
        ),
        migrations.AlterField(
            model_name="firm",
            name="city",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="assessed_firms",
                to="regions.region",
                verbose_name="城市",
            ),
        ),
        migrations.AlterField(
            model_name="firmyear",
            name="land_area",
            field=models.DecimalField(
                decimal_places=4, max_digits=14, verbose_name="用地面积（亩）"
            ),
        ),
        migrations.AlterModelOptions(
            name="firm",
            options={
                "ordering": ["county__sort_order", "county__code", "name"],
                "verbose_name": "企业",
                "verbose_name_plural": "企业",
            },
        ),
        migrations.CreateModel(
            name="RatedFirm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("unit", models.CharField(max_length=160, verbose_name="结果中的名称")),
                (
                    "firm",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="ratings",
                        to="assessment.firm",
                        verbose_name="企业",
                    ),
                ),
                (
                    "scheme",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rated_firms",
                        to="assessment.scheme",
                        verbose_name="评价办法",
                    ),
                ),
            ],
            options={"verbose_name": "参评企业", "verbose_name_plural": "参评企业"},
        ),
        migrations.AddConstraint(
            model_name="ratedfirm",
            constraint=models.UniqueConstraint(
                fields=("scheme", "firm"), name="assessment_rated_firm_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="ratedfirm",
            constraint=models.UniqueConstraint(
                fields=("scheme", "unit"), name="assessment_rated_unit_once"
            ),
        ),
    ]
