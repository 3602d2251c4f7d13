"""Erase the personal data of aspirations older than the retention period.

Safe to run daily (e.g. from cron): it only touches messages whose sender's
name, contact or attachment is still stored, and does nothing the second time.
``KIM_CMS_ASPIRATION_RETENTION_DAYS`` (default 365) sets the period.

The message and the moderator's public question are anonymised first (the
sender's name and contact, and anything like a phone number or an e-mail
address, replaced by "[dihapus]"), as ``Aspiration.erase_personal_data`` does
for an erasure on request; when a message on a public list of answers
changed, the page cache starts a new generation.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from kim_cms import page_cache
from kim_cms.aspirations.models import (
    ANONYMISED_FIELDS,
    PERSONAL_FIELDS,
    Aspiration,
)

BATCH_SIZE = 500
ERASED_FIELDS = (
    *ANONYMISED_FIELDS,
    *PERSONAL_FIELDS,
    "attachment",
    "personal_data_erased_at",
)


def retention_days():
    return getattr(settings, "KIM_CMS_ASPIRATION_RETENTION_DAYS", 365)


class Command(BaseCommand):
    help = "Erase names, contacts and attachments of aspirations older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period (days).",
        )
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = retention_days() if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        now = timezone.now()
        due = Aspiration.objects.filter(
            submit_time__lt=now - datetime.timedelta(days=days)
        ).filter(~Q(name="") | ~Q(contact="") | ~Q(attachment=""))
        count = due.count()
        if not dry_run and count:
            self.erase(due, now)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} the personal data of {count} aspiration(s).")

    def erase(self, due, now):
        # the ids first: rows are not updated under an open cursor
        pks = list(due.order_by("pk").values_list("pk", flat=True))
        public = False
        for start in range(0, len(pks), BATCH_SIZE):
            batch = list(
                Aspiration.objects.filter(
                    pk__in=pks[start : start + BATCH_SIZE]
                ).select_related("page__locale")
            )
            for aspiration in batch:
                aspiration.erase_personal_data(now)
                public = public or aspiration.is_public
            Aspiration.objects.bulk_update(batch, ERASED_FIELDS)
        if public:
            # a bulk update sends no signal: the public list of answers changed
            page_cache.purge_all()
