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
        from django.db.models.signals import post_migrate

        from kim_cms import (
            checks,  # noqa: F401  (registers the system checks)
            page_cache,
            privacy,
            queries,
        )
        from kim_cms.aspirations import models as aspirations
        from kim_cms.outputs import sitemaps
        from kim_cms.pages import navigation, warnings
        from kim_cms.pages.base import fill_first_published_copies
        from kim_cms.pages.events.event import work_out_new_rows
        from kim_cms.wagtail_admin import names, reads, signals

        signals.connect()
        warnings.connect()
        navigation.connect()
        names.connect()
        privacy.connect()
        page_cache.connect()
        page_cache.add_site_purge_urls(sitemaps.purge_urls)
        aspirations.connect()
        queries.connect_request_memo()
        reads.install()
        post_migrate.connect(
            fill_first_published_copies,
            sender=self,
            dispatch_uid="kim_cms_fill_first_published_copies",
        )
        post_migrate.connect(
            work_out_new_rows,
            sender=self,
            dispatch_uid="kim_cms_work_out_new_event_rows",
        )
