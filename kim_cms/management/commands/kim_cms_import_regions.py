"""``manage.py kim_cms_import_regions regions.csv [--dry-run]``"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kim_cms.snippets.regions_import import RegionImportError, import_regions


class Command(BaseCommand):
    help = (
        "Import kecamatan and desa from a CSV file with the columns code, name "
        "and parent_code (Kemendagri codes such as 62.11.01 and 62.11.01.2001). "
        "Nothing is written if any row has an error. Re-importing updates names."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The CSV file (UTF-8).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, writing nothing.",
        )

    def handle(self, path, dry_run=False, **options):
        try:
            result = import_regions(path, dry_run=dry_run)
        except RegionImportError as error:
            raise CommandError(str(error)) from error
        if result.errors:
            for line, message in result.errors:
                self.stderr.write(
                    _("Line %(line)s: %(message)s") % {"line": line, "message": message}
                )
            raise CommandError(
                _(
                    "Nothing was imported: %(count)s row(s) have errors. Correct "
                    "them and run the command again."
                )
                % {"count": len(result.errors)}
            )
        summary = _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(skipped)s province or kabupaten rows skipped."
        ) % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "skipped": result.skipped,
        }
        if dry_run:
            self.stdout.write(
                _("Dry run, nothing was written: %(summary)s") % {"summary": summary}
            )
        else:
            self.stdout.write(self.style.SUCCESS(summary))
