import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0009_scheme_document_number"),
        ("documents", "0004_indicator_bulletin"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ResultChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("field", models.CharField(max_length=64, verbose_name="项目")),
                ("old_value", models.TextField(blank=True, default="", verbose_name="原值")),
                ("new_value", models.TextField(blank=True, default="", verbose_name="新值")),
                ("source", models.CharField(max_length=32, verbose_name="来源")),
                (
                    "at",
                    models.DateTimeField(
                        default=guanmo.clock.now, editable=False, verbose_name="时间"
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="documents.issueddocument",
                        verbose_name="文件",
                    ),
                ),
                (
                    "result",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="assessment.result",
                        verbose_name="考核结果",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="修改人",
                    ),
                ),
            ],
            options={
                "verbose_name": "考核结果记录",
                "verbose_name_plural": "考核结果记录",
                "ordering": ["at", "id"],
                "abstract": False,
            },
        ),
    ]
