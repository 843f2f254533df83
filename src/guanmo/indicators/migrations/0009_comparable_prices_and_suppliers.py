"""An indicator says whether its growth is at comparable prices (only then the tables' note says
（可比价）: tryout 21 said it of 一般公共预算收入); the catalogue's two (地区生产总值, 规模以上工业
增加值) are marked. An indicator whose supplier names a department of its city is linked to it,
so that the department's entry form offers it (tryout 21: a department made after init-city
found its form empty). A reported 位次 keeps the peer group it is a place in, where known."""

import django.db.models.deletion
from django.db import migrations, models

COMPARABLE = ("地区生产总值", "规模以上工业增加值")


def mark_and_link(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    Department = apps.get_model("accounts", "Department")
    Indicator.objects.filter(name__in=COMPARABLE).update(comparable_prices=True)
    for department in Department.objects.all():
        Indicator.objects.filter(
            city_id=department.city_id, department__isnull=True, supplier=department.name
        ).update(department=department)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_department"),
        ("indicators", "0008_steps_stamped_by_the_clock"),
    ]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="comparable_prices",
            field=models.BooleanField(
                default=False,
                help_text="增速按可比价格计算（地区生产总值、规模以上工业增加值），以统计部门公布的为准",
                verbose_name="增速按可比价",
            ),
        ),
        migrations.AddField(
            model_name="indicatorvalue",
            name="rank_group",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="indicators.peergroup",
                verbose_name="报送位次所在比较组",
            ),
        ),
        migrations.RunPython(mark_and_link, migrations.RunPython.noop),
    ]
