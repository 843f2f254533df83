# A background job's start is stamped by Guanmo's clock (guanmo.clock.now), not auto_now_add.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('operations', '0002_job_subject'),
    ]

    operations = [
        migrations.AlterField(
            model_name='backgroundjob',
            name='created_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='发起时间'),
        ),
    ]
