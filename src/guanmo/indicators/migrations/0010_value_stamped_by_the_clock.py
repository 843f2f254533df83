# An indicator value's last change is stamped by Guanmo's clock (guanmo.clock.now, set on each
# save by IndicatorValue.save), not auto_now.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0009_comparable_prices_and_suppliers'),
    ]

    operations = [
        migrations.AlterField(
            model_name='indicatorvalue',
            name='updated_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='最后修改时间'),
        ),
    ]
