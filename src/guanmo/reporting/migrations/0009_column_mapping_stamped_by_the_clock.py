# A remembered column naming is stamped by Guanmo's clock (guanmo.clock.now), not auto_now.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('reporting', '0008_history_dates_in_chinese'),
    ]

    operations = [
        migrations.AlterField(
            model_name='columnmapping',
            name='updated_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='设置时间'),
        ),
    ]
