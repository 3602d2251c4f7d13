"""``manage.py kim_cms_sync_privacy``: give every translation of a private
page the page's view restriction.

Since kim_cms is installed, a restriction set on a page follows its
translations. Restrictions set before are brought in step by this command:
the restriction of the page in the default language (or else of the first
restricted translation) goes to every translation without one of its own.
Nothing is made public. Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kim_cms.privacy import sync_all


class Command(BaseCommand):
    help = (
        "Give every translation of a private page the page's view restriction "
        "(login, password or groups). Nothing is made public."
    )

    def handle(self, *args, **options):
        changed = sync_all()
        for page in changed:
            self.stdout.write(
                _("Made private like its translations: %(title)s (%(language)s)")
                % {"title": page.title, "language": page.locale.language_code}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("View restrictions are in step (%(count)s pages changed).")
                % {"count": len(changed)}
            )
        )
