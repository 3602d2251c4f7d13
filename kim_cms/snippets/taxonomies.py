"""The base of the taxonomies editors manage (focus areas, commodities, event
categories, training topics): translatable snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class AbstractTaxonomy(TranslatableMixin, index.Indexed, models.Model):
    """A translatable term with a name and a URL-safe slug.

    The slug is synchronized across languages, so a filter link such as
    ``?fokus=pertanian`` works in every language; the name is translated.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_("Short identifier used in web addresses, e.g. pertanian."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name
