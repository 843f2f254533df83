from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0006_dates_by_the_installations_clock"),
    ]

    operations = [
        migrations.AddField(
            model_name="result",
            name="figures",
            field=models.JSONField(blank=True, default=dict, verbose_name="结果页面数据"),
        ),
    ]
