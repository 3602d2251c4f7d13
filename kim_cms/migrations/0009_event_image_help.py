"""The event image says where it is shown: its page, lists and link previews."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kim_cms', '0008_site_identity'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AlterField(
            model_name='culturaleventpage',
            name='image',
            field=models.ForeignKey(blank=True, help_text='Poster or photo, shown on its page, in lists and link previews.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='image'),
        ),
    ]
