"""Concrete subclasses of kim_cms's abstract bases, as a district site would
write them in its own app."""

from django.db import models

from kim_cms.pages import (
    AbstractAgricultureTipPage,
    AbstractCulturalEventPage,
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
