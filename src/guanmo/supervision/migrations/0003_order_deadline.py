from datetime import timedelta

from django.db import migrations, models

ORDER_DAYS = 7


def own_deadlines(apps, schema_editor):
    """Orders issued before: the problem's deadline while still ahead of the order's date,
    else a week after it (as `services.order_deadline` decides)."""
    SupervisionOrder = apps.get_model("supervision", "SupervisionOrder")
    for order in SupervisionOrder.objects.select_related("problem"):
        due = order.problem.deadline
        if due < order.issued_on:
            due = order.issued_on + timedelta(days=ORDER_DAYS)
        SupervisionOrder.objects.filter(pk=order.pk).update(deadline=due)


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0002_instruct_action"),
    ]

    operations = [
        migrations.AddField(
            model_name="supervisionorder",
            name="deadline",
            field=models.DateField(null=True, verbose_name="办结时限"),
        ),
        migrations.RunPython(own_deadlines, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="supervisionorder",
            name="deadline",
            field=models.DateField(verbose_name="办结时限"),
        ),
        migrations.AddConstraint(
            model_name="supervisionorder",
            constraint=models.CheckConstraint(
                condition=models.Q(("deadline__gte", models.F("issued_on"))),
                name="supervision_order_due_after_its_date",
                violation_error_message="办结时限不得早于督办单日期",
            ),
        ),
    ]
