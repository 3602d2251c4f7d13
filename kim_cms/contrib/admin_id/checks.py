"""System checks of ``kim_cms.contrib.admin_id``."""

from django.apps import apps
from django.core.checks import Tags, Warning, register

from kim_cms.contrib.admin_id.catalogues import UPSTREAM_PACKAGES

APP = "kim_cms.contrib.admin_id"


@register(Tags.translation)
def check_app_order(app_configs=None, **kwargs):
    """Django prefers the catalogue of the app listed first: an upstream app
    listed before this one keeps its English (or its own Indonesian)."""
    names = [config.name for config in apps.get_app_configs()]
    position = names.index(APP)
    before = [
        name for name in names[:position] if name.split(".")[0] in UPSTREAM_PACKAGES
    ]
    if not before:
        return []
    return [
        Warning(
            f"{APP} is listed after {', '.join(before)} in INSTALLED_APPS, so their "
            "catalogues win over its Indonesian.",
            hint=f"List '{APP}' before every wagtail and wagtail_localize app.",
            id="kim_cms_admin_id.W001",
        )
    ]
