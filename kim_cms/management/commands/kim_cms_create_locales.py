"""``manage.py kim_cms_create_locales``: a Wagtail locale for every content
language. Running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kim_cms.locales import create_locales


class Command(BaseCommand):
    help = _(
        "Create a Wagtail locale for every language of WAGTAIL_CONTENT_LANGUAGES "
        "that has none. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        created = create_locales()
        if created:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Locales created: %(codes)s") % {"codes": ", ".join(created)}
                )
            )
        else:
            self.stdout.write(_("Every content language has a locale."))
