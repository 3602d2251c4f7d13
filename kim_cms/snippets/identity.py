"""A portal's identity, shown in the footer of every kim_cms page and in
print views (``kim_cms.pages.navigation``): the district, the communications
office (Diskominfo) with its address, phone, e-mail and social media, and the
logo.

Wagtail's site settings cannot be translated (wagtail-localize translates
pages and snippets, not settings), so the identity is a site setting
(*Settings → Portal identity*: logo, address, contacts, social media, what is
the same in every language) that chooses a translatable snippet (*KIM →
Portal identity texts*: the district's and the office's names, opening hours
and a short note, translated like any snippet).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string
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


@register_setting(icon="site")
class KimSiteIdentity(BaseSiteSetting):
    """The identity of a site's KIM portal, shown in every page's footer and
    in print views."""

    text = models.ForeignKey(
        KimSiteIdentityText,
        verbose_name=_("names and opening hours"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The district's and the office's names, translated: choose them, or "
            "create them here; translate them in KIM → Portal identity texts."
        ),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The district's emblem, shown small in the header and footer."),
    )
    address = models.TextField(_("office address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    x = models.URLField(_("X (Twitter)"), blank=True)

    select_related = ["text", "logo"]

    panels = [
        FieldPanel("text"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Diskominfo contact"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("facebook"), FieldPanel("instagram")]),
                FieldRowPanel([FieldPanel("youtube"), FieldPanel("tiktok")]),
                FieldPanel("x"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("portal identity")
        verbose_name_plural = _("portal identities")

    @property
    def social_links(self):
        """(label, url) of the office's social media accounts."""
        links = [
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("YouTube", self.youtube),
            ("TikTok", self.tiktok),
            ("X", self.x),
        ]
        return [(label, url) for label, url in links if url]
