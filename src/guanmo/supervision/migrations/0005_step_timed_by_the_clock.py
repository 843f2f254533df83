# A problem's step is timed by Guanmo's clock (guanmo.clock.now), not timezone.now.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('supervision', '0004_form_submission'),
    ]

    operations = [
        migrations.AlterField(
            model_name='problemstep',
            name='at',
            field=models.DateTimeField(default=guanmo.clock.now, verbose_name='时间'),
        ),
    ]
