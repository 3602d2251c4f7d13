"""The taxonomy of cultural events."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim_cms.snippets.taxonomies import AbstractTaxonomy


class EventCategory(AbstractTaxonomy):
    """A kind of cultural event: festival, ritual adat, seni pertunjukan,
    kuliner, olahraga tradisional, pameran, ..."""

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kim_cms_eventcategory_unique_slug"
            )
        ]
