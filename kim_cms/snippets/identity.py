"""The translated part of a portal's identity (see ``kim_cms.identity``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField


class KimSiteIdentityText(TranslatableMixin, index.Indexed, models.Model):
    """The translated part of a portal's identity: names, opening hours and a
    short note, chosen in *Settings → Portal identity*."""

    district_name = models.CharField(
        _("district name"),
        max_length=120,
        help_text=_("As readers write it, e.g. Kabupaten Pulang Pisau."),
    )
    office_name = models.CharField(
        _("office name"),
        max_length=200,
        blank=True,
        help_text=_(
            "The communications office (Diskominfo) that runs the portal, in full."
        ),
    )
    office_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Senin–Jumat, 07.30–16.00 WIB."),
    )
    footer_note = models.TextField(
        _("footer note"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences under the district's name."),
    )

    panels = [
        FieldPanel("district_name"),
        FieldPanel("office_name"),
        FieldPanel("office_hours"),
        FieldPanel("footer_note"),
    ]
    override_translatable_fields = [
        TranslatableField("district_name"),
        TranslatableField("office_name"),
        TranslatableField("office_hours"),
        TranslatableField("footer_note"),
    ]
    search_fields = [
        index.SearchField("district_name"),
        index.SearchField("office_name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("portal identity text")
        verbose_name_plural = _("portal identity texts")

    def __str__(self):
        return self.district_name
