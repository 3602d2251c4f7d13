"""A group's mission and vision reach translators line by line."""

import kim_cms.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('kim_cms', '0009_event_image_help'),
    ]

    operations = [
        migrations.AlterField(
            model_name='kimgrouppage',
            name='mission',
            field=kim_cms.fields.TranslatableLinesField(blank=True, help_text='One point per line.', verbose_name='mission'),
        ),
        migrations.AlterField(
            model_name='kimgrouppage',
            name='vision',
            field=kim_cms.fields.TranslatableLinesField(blank=True, verbose_name='vision'),
        ),
    ]
