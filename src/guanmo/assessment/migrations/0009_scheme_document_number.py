from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0008_objection_filed_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="scheme",
            name="document_number",
            field=models.CharField(
                blank=True,
                help_text="如：焦政办〔2025〕3号；无则留空",
                max_length=40,
                verbose_name="考核办法文号",
            ),
        ),
    ]
