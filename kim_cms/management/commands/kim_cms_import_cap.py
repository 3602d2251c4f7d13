"""``manage.py kim_cms_import_cap [file-or-url] [--index <page id>] [--dry-run]``"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kim_cms.conf import kim_settings
from kim_cms.pages.warnings import AbstractWarningIndexPage, import_location
from kim_cms.pages.warnings.cap_import import FAILED


def warning_index(page_id=None):
    """The warning list given by id, else the only one in the default
    language; ``CommandError`` otherwise."""
    from wagtail.models import Locale, Page

    if page_id is not None:
        page = Page.objects.filter(pk=page_id).first()
        page = page.specific if page is not None else None
        if not isinstance(page, AbstractWarningIndexPage):
            raise CommandError(
                _("Page %(id)s is not a warning list.") % {"id": page_id}
            )
        return page
    from django.apps import apps

    kinds = [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractWarningIndexPage)
    ]
    found = [
        page
        for model in kinds
        for page in model.objects.filter(locale=Locale.get_default()).order_by("pk")
    ]
    if len(found) != 1:
        raise CommandError(
            _(
                "There are %(count)s warning lists in the default language: "
                "choose one with --index <page id>."
            )
            % {"count": len(found)}
        )
    return found[0]


class Command(BaseCommand):
    help = (
        "Import a CAP 1.2 alert, or every alert of an RSS or Atom list of CAP "
        "alerts, as draft warnings under a warning list (never published). "
        "Without an argument, KIM_CMS_CAP_IMPORT_URL is fetched. Alerts already "
        "imported are left alone; each alert is imported all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source",
            nargs="?",
            help="A file, or an http(s) address that is fetched.",
        )
        parser.add_argument(
            "--index",
            type=int,
            help="The id of the warning list (needed when there are several).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report what would be imported, writing nothing.",
        )

    def handle(self, source=None, index=None, dry_run=False, **options):
        source = source or kim_settings.CAP_IMPORT_URL
        if not source:
            raise CommandError(
                _(
                    "Give a CAP file or address, or set KIM_CMS_CAP_IMPORT_URL "
                    "(it is off by default)."
                )
            )
        page = warning_index(index)
        report = import_location(source, page, dry_run=dry_run)
        for document in report.documents:
            name = document.identifier or document.location
            line = f"{name}: {document.outcome_label}"
            if document.outcome == FAILED:
                self.stderr.write(line)
                for error in document.errors:
                    self.stderr.write(f"  - {error}")
            else:
                self.stdout.write(line)
            for note in document.notes:
                self.stdout.write(f"  · {note}")
        summary = _(
            "%(created)s created, %(updated)s updated, %(cancelled)s cancelled, "
            "%(unchanged)s already imported, %(skipped)s skipped, %(failed)s "
            "not imported."
        ) % {
            "created": report.count("created"),
            "updated": report.count("updated"),
            "cancelled": report.count("cancelled"),
            "unchanged": report.count("unchanged"),
            "skipped": report.count("skipped"),
            "failed": report.count(FAILED),
        }
        if dry_run:
            summary = _("Dry run, nothing was written: %(summary)s") % {
                "summary": summary
            }
        if not report.ok:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
