from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0007_result_page_figures"),
    ]

    operations = [
        migrations.AddField(
            model_name="objection",
            name="filed_by",
            field=models.CharField(blank=True, max_length=64, verbose_name="代为提出"),
        ),
    ]
