# The disclosure settings' last change is stamped by Guanmo's clock (guanmo.clock.now, set on
# each save by DisclosureSettings.save), not auto_now.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='disclosuresettings',
            name='updated_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='最后修改时间'),
        ),
    ]
