"""``manage.py kim_cms_sync_roles``: create or repair kim_cms's roles.

Creates the "Diskominfo moderators" and "Translators" groups, one "KIM <group>
editors" group per KIM group page with its own image and document
collection, their permissions, and the "KIM review" workflow on every portal.
Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kim_cms.wagtail_admin.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Create or repair the kim_cms roles, permissions and the KIM review workflow."
    )

    def handle(self, *args, **options):
        result = sync_roles()
        self.stdout.write(
            _("Moderators: %(name)s") % {"name": result["moderators"].name}
        )
        self.stdout.write(
            _("Translators: %(name)s") % {"name": result["translators"].name}
        )
        for group in result["editors"]:
            self.stdout.write(_("Group editors: %(name)s") % {"name": group.name})
        self.stdout.write(_("Workflow: %(name)s") % {"name": result["workflow"].name})
        for portal in result["portals_with_other_workflow"]:
            self.stderr.write(
                _(
                    "The portal %(title)s keeps the workflow already assigned to "
                    'it; assign "%(workflow)s" in Settings > Workflows if you want '
                    "it."
                )
                % {"title": portal.title, "workflow": result["workflow"].name}
            )
        self.stdout.write(self.style.SUCCESS(_("Roles are in step.")))
