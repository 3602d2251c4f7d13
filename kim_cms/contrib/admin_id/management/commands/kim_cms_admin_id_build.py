"""``manage.py kim_cms_admin_id_build [--check]``: merge the sources into the
built catalogues and compile them.

Every source is checked first (translated, not fuzzy, placeholders and HTML
tags kept, one translation per msgid across sources); nothing is written
unless all of them pass. ``--check`` writes nothing and fails when the built
files differ from what the sources give. Output is in English: this is a
maintainer's tool.
"""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kim_cms.contrib.admin_id import catalogues


class Command(BaseCommand):
    help = (
        "Merge kim_cms/contrib/admin_id/sources/*.po into the app's Indonesian "
        "catalogues and compile them (--check: only compare)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; fail when the built catalogues are out of step.",
        )

    def handle(self, *args, check=False, **options):
        if shutil.which("msgfmt") is None:
            raise CommandError("msgfmt (GNU gettext) is needed: install gettext.")
        sources, problems = catalogues.read_sources(catalogues.SOURCES_DIR)
        merged, conflicts = catalogues.merge(sources)
        problems += conflicts
        if problems:
            raise CommandError(
                "The sources need fixing, nothing was written:\n"
                + "\n".join(f"  {problem}" for problem in problems)
            )
        with tempfile.TemporaryDirectory() as work:
            try:
                written = catalogues.write_built(merged, Path(work))
            except subprocess.CalledProcessError as error:
                raise CommandError(
                    f"msgfmt refused a catalogue:\n{error.stderr}"
                ) from error
            stale = []
            for path in written:
                relative = path.relative_to(work)
                target = Path(catalogues.LOCALE_DIR) / relative
                if not target.exists() or target.read_bytes() != path.read_bytes():
                    stale.append(target)
                    if not check:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, target)
        counts = ", ".join(
            f"{len(catalogue)} {domain} messages"
            for domain, catalogue in merged.items()
        )
        if check:
            if stale:
                raise CommandError(
                    "Out of step with the sources (run manage.py "
                    "kim_cms_admin_id_build): "
                    + ", ".join(os.path.relpath(path) for path in stale)
                )
            self.stdout.write(
                f"Built catalogues are in step with the sources ({counts})."
            )
        elif stale:
            self.stdout.write(
                f"Wrote {len(stale)} files from {len(sources)} sources ({counts})."
            )
        else:
            self.stdout.write(f"Nothing changed ({counts}).")
