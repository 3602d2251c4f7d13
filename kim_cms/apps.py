from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KimCmsConfig(AppConfig):
    """The kim_cms app. ``default_auto_field`` is pinned so that a site's
    ``DEFAULT_AUTO_FIELD`` never creates migrations inside the package."""

    name = "kim_cms"
    label = "kim_cms"
    verbose_name = _("KIM portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            admin_reads,
            checks,  # noqa: F401  (registers the system checks)
            names,
            privacy,
            signals,
        )

        signals.connect()
        names.connect()
        privacy.connect()
        admin_reads.install()
