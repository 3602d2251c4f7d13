"""The district's identity in the footer of every kim_cms page and in print:
the district, the communications office (Diskominfo) with its address, phone,
e-mail and social media, and the logo.

Wagtail's site settings cannot be translated (wagtail-localize translates
pages and snippets, not settings), so the identity is a site setting
(*Settings → Portal identity*: logo, address, contacts, social media, what is
the same in every language) that chooses a translatable snippet (*KIM →
Portal identity text*: the district's and the office's names, opening hours
and a short note, translated like any snippet). The footer shows the text in
the reader's language, and falls back to the portal page's own district and
Diskominfo contact for whatever the setting leaves empty.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images import get_image_model_string

from kim_cms.snippets.identity import KimSiteIdentityText

#: The rendition of the logo (shown 48 px high in the header and footer).
LOGO_SPEC = "max-240x96|format-webp"


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


@dataclass
class Identity:
    """What the footer and the print view show, in one language."""

    district_name: str = ""
    office_name: str = ""
    office_hours: str = ""
    footer_note: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    social_links: list = field(default_factory=list)
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0

    @property
    def phone_link(self):
        """``tel:`` target of the phone number: digits and a leading ``+``."""
        text = self.phone.strip()
        digits = "".join(ch for ch in text if ch.isdigit())
        return ("+" if text.startswith("+") else "") + digits

    @property
    def has_contact(self):
        return bool(self.address or self.phone or self.email or self.website)

    def __bool__(self):
        return bool(self.district_name or self.office_name or self.logo_url)


def _localized_text(text):
    from kim_cms.pages.queries import localized

    if text is None:
        return None
    return localized(text)


def _portal_fields(portal):
    """The district and contact the portal page itself holds."""
    from kim_cms.pages.portal import AbstractKimPortalPage

    if portal is None:
        return {}
    specific = portal if isinstance(portal, AbstractKimPortalPage) else None
    if specific is None:
        model = portal.specific_class
        if model is None or not issubclass(model, AbstractKimPortalPage):
            return {}
        specific = model._default_manager.filter(pk=portal.pk).first()
        if specific is None:
            return {}
    return {
        "district_name": specific.district_name,
        "office_name": specific.office_name,
        "address": specific.office_address,
        "phone": specific.office_phone,
        "email": specific.office_email,
        "website": specific.office_website,
    }


def build_identity(site, portal=None):
    """The ``Identity`` of ``site`` in the active language (queries)."""
    identity = Identity()
    setting = None
    if site is not None:
        setting = KimSiteIdentity.base_queryset().filter(site=site).first()
    if setting is not None:
        text = _localized_text(setting.text)
        if text is not None:
            identity.district_name = text.district_name
            identity.office_name = text.office_name
            identity.office_hours = text.office_hours
            identity.footer_note = text.footer_note
        identity.address = setting.address
        identity.phone = setting.phone
        identity.email = setting.email
        identity.website = setting.website
        identity.social_links = [(str(a), b) for a, b in setting.social_links]
        if setting.logo is not None:
            rendition = setting.logo.get_rendition(LOGO_SPEC)
            identity.logo_url = rendition.url
            identity.logo_width = rendition.width
            identity.logo_height = rendition.height
    fallback = None
    for name in (
        "district_name",
        "office_name",
        "address",
        "phone",
        "email",
        "website",
    ):
        if not getattr(identity, name):
            if fallback is None:
                fallback = _portal_fields(portal)
            setattr(identity, name, fallback.get(name, ""))
    return identity


def get_identity(request, portal=None):
    """The ``Identity`` of the request's site in the active language, cached
    (see ``kim_cms.navigation``): no query once cached."""
    from wagtail.models import Site

    from kim_cms.navigation import CACHE_TIMEOUT, layout_cache_key

    memo = getattr(request, "_kim_identity", None)
    if memo is not None:
        return memo
    site = Site.find_for_request(request) if request is not None else None
    key = layout_cache_key(
        "identity",
        getattr(site, "pk", 0),
        getattr(portal, "pk", 0),
        get_language() or "",
    )
    identity = cache.get(key)
    if identity is None:
        identity = build_identity(site, portal)
        cache.set(key, identity, CACHE_TIMEOUT)
    if request is not None:
        request._kim_identity = identity
    return identity
