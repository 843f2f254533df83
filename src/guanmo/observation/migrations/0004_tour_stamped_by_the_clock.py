# A tour's creation is stamped by Guanmo's clock (guanmo.clock.now), not auto_now_add.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('observation', '0003_form_submission'),
    ]

    operations = [
        migrations.AlterField(
            model_name='tour',
            name='created_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='创建时间'),
        ),
    ]
