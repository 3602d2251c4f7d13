"""Concrete subclasses of kim_cms's abstract bases, as a district site would
write them in its own app."""

from django.db import models

from kim_cms.pages import AbstractCulturalEventPage, AbstractKimPortalPage


class DistrictPortalPage(AbstractKimPortalPage):
    """A site's portal with one extra field and no template of its own."""

    tagline = models.CharField(max_length=100, blank=True)


class BrandedPortalPage(AbstractKimPortalPage):
    """A site's portal that ships its own template."""


class DistrictEventPage(AbstractCulturalEventPage):
    """A site's event page with one extra field and no template of its own."""

    dress_code = models.CharField(max_length=100, blank=True)
