"""``manage.py kim_cms_admin_id_coverage``: how much of the installed Wagtail
and wagtail-localize an Indonesian editor reads in Indonesian.

For each catalogue of the installed apps of those packages (``--all``: of every
app they ship), the share of its English messages that have Indonesian,
upstream's or this app's. ``--missing`` lists the rest; ``--write-missing DIR``
writes them as catalogues to translate and add to ``sources/``;
``--fail-under PERCENT`` fails when the total is lower. Output is in English:
this is a maintainer's tool.
"""

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kim_cms.contrib.admin_id import catalogues


def _version(distribution):
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


class Command(BaseCommand):
    help = (
        "Report the share of Wagtail's and wagtail-localize's messages that have "
        "Indonesian, per app and in total."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Measure every app the packages ship, not only the installed ones.",
        )
        parser.add_argument(
            "--missing",
            action="store_true",
            help="List the messages without Indonesian.",
        )
        parser.add_argument(
            "--write-missing",
            metavar="DIR",
            help="Write one catalogue of the messages without Indonesian per app into DIR.",
        )
        parser.add_argument(
            "--fail-under",
            type=float,
            metavar="PERCENT",
            help="Exit with an error when the total share is below PERCENT.",
        )

    def handle(self, *args, **options):
        fail_under = options["fail_under"]
        if fail_under is not None and not 0 <= fail_under <= 100:
            raise CommandError("--fail-under takes a percentage between 0 and 100.")
        rows = catalogues.coverage(
            catalogues.upstream_catalogues(options["all"]), catalogues.LOCALE_DIR
        )
        if not rows:
            raise CommandError("No Wagtail or wagtail-localize catalogue is installed.")
        self.stdout.write(
            f"Indonesian in Wagtail {_version('wagtail')} and wagtail-localize "
            f"{_version('wagtail-localize')}, with kim_cms.contrib.admin_id:"
        )
        width = max(len(row.catalogue.name) for row in rows) + 2
        self.stdout.write(
            f"{'catalogue':<{width}}{'messages':>9}{'upstream':>10}{'covered':>9}{'share':>8}"
        )
        for row in rows:
            name = row.catalogue.name + ("" if row.catalogue.installed else " *")
            self.stdout.write(
                f"{name:<{width}}{row.messages:>9}{row.upstream:>10}"
                f"{row.covered:>9}{row.share:>7.1f}%"
            )
        messages = sum(row.messages for row in rows)
        covered = sum(row.covered for row in rows)
        upstream = sum(row.upstream for row in rows)
        total = 100.0 * covered / messages if messages else 100.0
        self.stdout.write(
            f"{'total':<{width}}{messages:>9}{upstream:>10}{covered:>9}{total:>7.1f}%"
        )
        if any(not row.catalogue.installed for row in rows):
            self.stdout.write("* not in INSTALLED_APPS")

        if options["missing"]:
            for row in rows:
                if row.missing:
                    self.stdout.write(
                        f"\n{row.catalogue.name}: {len(row.missing)} missing"
                    )
                    for entry in row.missing:
                        self.stdout.write(
                            f"  {catalogues.describe(catalogues.key(entry))}"
                        )

        if options["write_missing"]:
            folder = Path(options["write_missing"])
            folder.mkdir(parents=True, exist_ok=True)
            for row in rows:
                if row.missing:
                    path = folder / f"{row.catalogue.name}.po"
                    catalogues.missing_template(row).save(str(path))
                    self.stdout.write(f"Wrote {path} ({len(row.missing)} messages)")

        if fail_under is not None and total < fail_under:
            raise CommandError(
                f"Indonesian covers {total:.1f}% of the messages, under {fail_under:g}%: "
                "run with --write-missing DIR, translate, add the messages to "
                "kim_cms/contrib/admin_id/sources/ and run kim_cms_admin_id_build."
            )
