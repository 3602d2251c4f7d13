"""Commodities that agriculture and fisheries tips are about (padi, karet, ...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim_cms.snippets.taxonomies import AbstractTaxonomy


class Commodity(AbstractTaxonomy):
    """A crop, estate crop, livestock or fish, e.g. padi, karet, ikan patin.

    The name is translated; the slug (``?komoditas=padi``) is shared by both
    languages.
    """

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("commodity")
        verbose_name_plural = _("commodities")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kim_cms_commodity_unique_slug"
            )
        ]
