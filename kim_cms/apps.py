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
        from kim_cms import (
            checks,  # noqa: F401  (registers the system checks)
            page_cache,
            privacy,
            queries,
        )
        from kim_cms.aspirations import models as aspirations
        from kim_cms.pages import navigation, warnings
        from kim_cms.wagtail_admin import names, reads, signals

        signals.connect()
        warnings.connect()
        navigation.connect()
        names.connect()
        privacy.connect()
        page_cache.connect()
        aspirations.connect()
        queries.connect_request_memo()
        reads.install()
