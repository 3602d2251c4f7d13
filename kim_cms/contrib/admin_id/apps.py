from django.apps import AppConfig

from kim_cms.contrib import ADMIN_ID_VERBOSE_NAME


class AdminIdConfig(AppConfig):
    """Listed before Wagtail's apps in ``INSTALLED_APPS``, so that Django
    prefers its catalogue to theirs."""

    name = "kim_cms.contrib.admin_id"
    label = "kim_cms_admin_id"
    verbose_name = ADMIN_ID_VERBOSE_NAME
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers the system checks)
            patches,
        )

        patches.install()
