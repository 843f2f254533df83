# A visit's and a photo's stamps are Guanmo's clock (guanmo.clock.now), not auto_now_add.

from django.db import migrations, models

import guanmo.clock


class Migration(migrations.Migration):

    dependencies = [
        ('commissioners', '0002_visit_submission'),
    ]

    operations = [
        migrations.AlterField(
            model_name='visit',
            name='created_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='填写时间'),
        ),
        migrations.AlterField(
            model_name='photo',
            name='uploaded_at',
            field=models.DateTimeField(default=guanmo.clock.now, editable=False, verbose_name='上传时间'),
        ),
    ]
