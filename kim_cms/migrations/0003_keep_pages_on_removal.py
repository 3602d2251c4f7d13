"""``migrate kim_cms zero`` refuses while kim-cms pages exist.

Unapplying the migrations drops the page types' tables; pages of those types
would stay in Wagtail's page tree without their content, and the tree (every
listing of pages, the admin's page explorer) would fail. So the way back
from here first checks that the site has deleted its kim-cms pages.
"""

import swapper
from django.core.management.base import CommandError
from django.db import migrations
from django.utils.translation import gettext as _


def refuse_while_pages_exist(apps, schema_editor):
    Page = apps.get_model(swapper.get_model_name("wagtailcore", "Page"))
    pages = Page.objects.using(schema_editor.connection.alias).filter(
        content_type__app_label="kim_cms"
    )
    count = pages.count()
    if count:
        top = pages.order_by("depth", "path").first()
        raise CommandError(
            _(
                "%(count)d kim-cms pages still exist, such as “%(title)s” "
                "(page ID %(id)d). Delete them first (in the admin, delete each "
                "KIM portal: its pages go with it; if a portal is a site's root "
                "page, give the site another root page first), then unapply "
                "the migrations again."
            )
            % {"count": count, "title": top.title, "id": top.pk}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("kim_cms", "0002_roles_and_verification"),
        swapper.dependency("wagtailcore", "Page"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, refuse_while_pages_exist),
    ]
