"""Concrete subclasses of kim_cms's abstract bases, as a district site would
write them in its own app."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from kim_cms.pages import (
    AbstractAgricultureTipPage,
    AbstractCulturalEventPage,
    AbstractKimGroupIndexPage,
    AbstractKimGroupOfficer,
    AbstractKimGroupPage,
    AbstractKimPortalPage,
)


class DistrictPortalPage(AbstractKimPortalPage):
    """A site's portal with one extra field and no template of its own."""

    tagline = models.CharField(max_length=100, blank=True)


class BrandedPortalPage(AbstractKimPortalPage):
    """A site's portal that ships its own template."""


class DistrictEventPage(AbstractCulturalEventPage):
    """A site's event page with one extra field and no template of its own."""

    dress_code = models.CharField(max_length=100, blank=True)


class DistrictTipPage(AbstractAgricultureTipPage):
    """A site's tip with no template of its own."""

    parent_page_types = ["kim_cms.AgricultureTipIndexPage"]


class DistrictGroupIndexPage(AbstractKimGroupIndexPage):
    """A site's group directory listing the site's own group page type."""

    subpage_types = ["testapp.DistrictGroupPage"]

    def get_group_model(self):
        return DistrictGroupPage


class DistrictGroupPage(AbstractKimGroupPage):
    """A site's group page with one extra field and no template of its own.
    Its officers are DistrictGroupOfficer (below)."""

    motto = models.CharField(max_length=120, blank=True)

    content_panels = AbstractKimGroupPage.content_panels + [FieldPanel("motto")]
    parent_page_types = ["testapp.DistrictGroupIndexPage"]
    subpage_types = ["kim_cms.KimActivityPage"]


class DistrictGroupOfficer(AbstractKimGroupOfficer):
    """The officers of a DistrictGroupPage: what a site subclassing
    AbstractKimGroupPage declares."""

    page = ParentalKey(
        DistrictGroupPage, on_delete=models.CASCADE, related_name="officers"
    )


class HostRoutedPage(Page):
    """A host site's own page with a ``route()`` of its own: kim-cms never
    skips it when it routes to the pages below."""

    def route(self, request, path_components):
        request.host_routed = True
        return super().route(request, path_components)
