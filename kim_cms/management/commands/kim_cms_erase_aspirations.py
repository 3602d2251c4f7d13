"""Erase the personal data of aspirations older than the retention period.

Safe to run daily (e.g. from cron): it only touches messages whose sender's
name, contact or attachment is still stored, and does nothing the second time.
``KIM_CMS_ASPIRATION_RETENTION_DAYS`` (default 365) sets the period.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from kim_cms.aspirations.models import Aspiration


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
        if not dry_run:
            for aspiration in due.exclude(attachment="").only("pk", "attachment"):
                aspiration.attachment.delete(save=False)
            due.update(name="", contact="", attachment="", personal_data_erased_at=now)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} the personal data of {count} aspiration(s).")
