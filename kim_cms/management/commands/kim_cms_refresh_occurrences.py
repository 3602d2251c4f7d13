"""``manage.py kim_cms_refresh_occurrences``: store again the next occurrence
of every cultural event whose stored one is over (or was never worked out).

Listings refresh such events themselves when they meet them, so they are
right without it; run daily (e.g. from cron shortly after midnight) it
spares the first reader of the day that work. Running it again changes
nothing.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kim_cms.pages.events import AbstractCulturalEventPage, occurrences, refresh_stored


class Command(BaseCommand):
    help = (
        "Store again the next occurrence of every cultural event whose stored "
        "one is over. Safe to run daily."
    )

    def handle(self, *args, **options):
        moment = occurrences.now()
        changed = 0
        for model in apps.get_models():
            if issubclass(model, AbstractCulturalEventPage):
                changed += refresh_stored(model._base_manager.all(), moment)
        self.stdout.write(
            self.style.SUCCESS(
                _("Next occurrences are up to date (%(count)s events changed).")
                % {"count": changed}
            )
        )
