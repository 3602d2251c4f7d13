"""A KIM group's profile: where it works, its decree, vision and mission,
contacts, and what it published (activity reports, tips, events, training)."""

from decimal import Decimal

from django import forms
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import BodyStreamBlock
from kim_cms.conf import kim_settings
from kim_cms.fields import TranslatableLinesField
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimGroupProfileMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
)
from kim_cms.pages.groups.authored import authored_pages
from kim_cms.pages.groups.officers import OfficerSerializer
from kim_cms.pictures import all_picture_specs
from kim_cms.queries import LazyRows, below_q, page_rows, prefetch_renditions
from kim_cms.snippets import (
    Desa,
    FocusArea,
    localized_terms_of,
)

# Renditions used by the templates, prefetched by the listings.
CARD_IMAGE_SPEC = "fill-160x160|format-webp"
LOGO_SPEC = "fill-160x160|format-webp"
COVER_SPEC = "fill-960x400|format-webp"
COVER_PICTURE = "fill-960x400"  # {% kim_picture %} of the profile's cover
OFFICER_PHOTO_SPEC = "fill-96x96|format-webp"
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def with_renditions(queryset, field, *specs):
    """Select ``field`` (an image foreign key) with its renditions for
    ``specs`` in one extra query, so a listing's image count is constant."""
    rendition_model = get_image_model().get_rendition_model()
    renditions = rendition_model.objects.filter(filter_spec__in=specs)
    return queryset.select_related(field).prefetch_related(
        Prefetch(
            f"{field}__renditions",
            queryset=renditions,
            to_attr="prefetched_renditions",
        )
    )


def with_card_images(groups):
    """Groups with their logo and cover photo and the card renditions."""
    return with_renditions(
        with_renditions(groups, "logo", CARD_IMAGE_SPEC),
        "cover_image",
        CARD_IMAGE_SPEC,
    )


class KimGroupPageForm(WagtailAdminPageForm):
    """Offers only the focus areas in the page's own language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "focus_areas" in self.fields:
            locale = None
            if self.instance.locale_id:
                locale = self.instance.locale
            elif self.parent_page is not None:
                locale = self.parent_page.locale
            if locale is not None:
                self.fields["focus_areas"].queryset = FocusArea.objects.filter(
                    locale=locale
                )

    def clean(self):
        cleaned = super().clean()
        desa = cleaned.get("desa")
        kecamatan = cleaned.get("kecamatan")
        if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
            self.add_error(
                "desa",
                _("Desa %(desa)s is not in Kecamatan %(kecamatan)s.")
                % {"desa": desa.name, "kecamatan": kecamatan.name},
            )
        elif desa and not kecamatan:
            cleaned["kecamatan"] = desa.kecamatan
        start = cleaned.get("founding_date")
        sk_date = cleaned.get("sk_date")
        if start and sk_date and sk_date < start:
            self.add_error(
                "sk_date",
                _("The decree cannot be dated before the group was founded."),
            )
        has_lat = cleaned.get("latitude") is not None
        has_lng = cleaned.get("longitude") is not None
        if has_lat != has_lng:
            self.add_error(
                "longitude" if has_lat else "latitude",
                _("Fill in both latitude and longitude, or neither."),
            )
        return cleaned


class FocusAreaSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class AbstractKimGroupPage(
    KimGroupProfileMixin,
    KimVerifiedPageMixin,
    KimNewestFirstMixin,
    KimPageMixin,
    Page,
):
    """A KIM group's profile: where it works, its decree, vision and mission,
    its officers (those who consented), contacts, latest activity reports and
    the tips, events and training it authored.

    Extension contract: a subclass needs its own officer model, because an
    officer's ``ParentalKey`` names one concrete page model (``KimGroupOfficer``
    belongs to ``KimGroupPage``)::

        class DistrictGroupPage(AbstractKimGroupPage):
            ...

        class DistrictGroupOfficer(AbstractKimGroupOfficer):
            page = ParentalKey(
                DistrictGroupPage, on_delete=models.CASCADE, related_name="officers"
            )

    (the system check ``kim_cms.E011`` reports a group page type without
    officers). ``KimActivityPage`` may be created under it. A directory
    listing your type is a subclass of ``AbstractKimGroupIndexPage`` whose
    ``get_group_model()`` returns it. Set ``activity_model`` (or override
    ``get_activity_model()``) for your own activity page type, and override
    ``get_authored_models()`` to change which authored page types are listed. Subclassing the concrete ``KimGroupPage``
    instead (multi-table inheritance) keeps its officers, directory and the
    "KIM group" choosers of tips, events and training, at the cost of a join.
    """

    STATUS_ACTIVE = "active"
    STATUS_INACTIVE = "inactive"
    STATUS_CHOICES = [
        (STATUS_ACTIVE, _("Active")),
        (STATUS_INACTIVE, _("Inactive")),
    ]

    kecamatan = models.ForeignKey(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Filled in from the desa when left empty."),
    )
    desa = models.ForeignKey(
        "kim_cms.Desa",
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=STATUS_CHOICES,
        default=STATUS_ACTIVE,
    )
    sk_number = models.CharField(
        _("decree (SK) number"),
        max_length=100,
        blank=True,
        help_text=_("The number of the decree that recognises the group."),
    )
    sk_date = models.DateField(_("decree (SK) date"), null=True, blank=True)
    founding_date = models.DateField(_("founding date"), null=True, blank=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square picture works best."),
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo shown at the top and in link previews."),
    )
    vision = TranslatableLinesField(_("vision"), blank=True)
    mission = TranslatableLinesField(
        _("mission"), blank=True, help_text=_("One point per line.")
    )
    description = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("Who the group is and what it does."),
    )
    focus_areas = ParentalManyToManyField(
        "kim_cms.FocusArea",
        verbose_name=_("focus areas"),
        blank=True,
        related_name="+",
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("The group's number, shown publicly, e.g. +62 513 61234."),
    )
    whatsapp = models.CharField(
        _("WhatsApp"),
        max_length=40,
        blank=True,
        help_text=_(
            "The group's WhatsApp number, shown publicly. Use a number the "
            "group agreed to publish, with the country code: +62 812 3456 7890."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-90")),
            MaxValueValidator(Decimal("90")),
        ],
        help_text=_("E.g. -2.853: from a map app, with a point as decimal mark."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("-180")),
            MaxValueValidator(Decimal("180")),
        ],
        help_text=_("E.g. 114.172."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kecamatan"), FieldPanel("desa")]),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("sk_number"), FieldPanel("sk_date")]),
                FieldPanel("founding_date"),
            ],
            heading=pgettext_lazy("a KIM group", "Group"),
        ),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("cover_image")]),
        FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("vision"),
        FieldPanel("mission"),
        FieldPanel("description"),
        InlinePanel(
            "officers",
            heading=_("Officers"),
            label=_("Officer"),
            help_text=_(
                "Names are published only when the officer agreed. Never enter "
                "a national ID number (NIK)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp")]),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("website"),
                FieldRowPanel([FieldPanel("facebook"), FieldPanel("instagram")]),
                FieldRowPanel([FieldPanel("youtube"), FieldPanel("tiktok")]),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Location"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("vision"),
        index.SearchField("mission"),
        index.SearchField("description"),
        index.FilterField("status"),
        index.FilterField("kecamatan_id"),
        index.FilterField("desa_id"),
        index.RelatedFields("desa", [index.SearchField("name")]),
        index.RelatedFields("kecamatan", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("kecamatan_name"),
        APIField("desa_name"),
        APIField("status"),
        APIField("sk_number"),
        APIField("sk_date"),
        APIField("founding_date"),
        APIField("logo"),
        APIField(
            "logo_thumbnail",
            serializer=ImageRenditionField("fill-160x160", source="logo"),
        ),
        APIField("cover_image"),
        APIField("vision"),
        APIField("mission"),
        APIField("description"),
        APIField(
            "api_focus_areas",
            serializer=FocusAreaSerializer(many=True, read_only=True),
        ),
        APIField(
            "public_officers",
            serializer=OfficerSerializer(many=True, read_only=True),
        ),
        APIField("phone"),
        APIField("whatsapp"),
        APIField("email"),
        APIField("address"),
        APIField("website"),
        APIField("facebook"),
        APIField("instagram"),
        APIField("youtube"),
        APIField("tiktok"),
        APIField("latitude"),
        APIField("longitude"),
    ]
    override_translatable_fields = [
        SynchronizedField("kecamatan"),
        SynchronizedField("desa"),
        SynchronizedField("status"),
        SynchronizedField("sk_number"),
        SynchronizedField("sk_date"),
        SynchronizedField("founding_date"),
        SynchronizedField("logo"),
        SynchronizedField("cover_image"),
        TranslatableField("vision"),
        TranslatableField("mission"),
        TranslatableField("description"),
        SynchronizedField("focus_areas"),
        SynchronizedField("officers"),
        SynchronizedField("phone"),
        SynchronizedField("whatsapp"),
        SynchronizedField("email"),
        SynchronizedField("address"),
        SynchronizedField("website"),
        SynchronizedField("facebook"),
        SynchronizedField("instagram"),
        SynchronizedField("youtube"),
        SynchronizedField("tiktok"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
    ]
    base_form_class = KimGroupPageForm
    kim_cms_template = "kim_cms/pages/kim_group_page.html"
    activity_model = "kim_cms.KimActivityPage"

    class Meta:
        abstract = True

    # -- what the templates and the API show

    @property
    def kecamatan_name(self):
        return self.kecamatan.name if self.kecamatan_id else ""

    @property
    def desa_name(self):
        return self.desa.name if self.desa_id else ""

    @property
    def public_officers(self):
        """Officers who consented to publication, in the editor's order."""
        cached = getattr(self, "_public_officers", None)
        if cached is not None:
            return cached
        return [o for o in self.officers.all() if o.consent_to_publish]

    @property
    def api_focus_areas(self):
        return self.get_focus_areas()

    @property
    def mission_points(self):
        return [line.strip() for line in self.mission.splitlines() if line.strip()]

    @property
    def social_links(self):
        """(label, url) of the group's website and social media accounts."""
        links = [
            (_("Website"), self.website),
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("YouTube", self.youtube),
            ("TikTok", self.tiktok),
        ]
        return [(label, url) for label, url in links if url]

    def get_focus_areas(self):
        """The group's focus areas in the page's language (one query)."""
        return localized_terms_of(self.focus_areas.all(), self.locale_id)

    def get_place(self):
        """ "Desa Bahaur, Kecamatan Kahayan Kuala" (or what is known of it)."""
        parts = []
        if self.desa_id:
            parts.append(self.desa.get_place_name())
        if self.kecamatan_id:
            parts.append(self.kecamatan.get_place_name())
        return ", ".join(str(p) for p in parts)

    def get_card_meta(self):
        return self.get_place()

    def get_card_image(self):
        return self.logo or self.cover_image

    def get_social_image(self):
        return self.cover_image or self.logo

    def get_social_description(self):
        if self.search_description:
            return self.search_description
        if self.vision:
            return self.vision[:200]
        return self.get_place()

    # -- what the group published

    def get_activity_model(self):
        """The page model of the group's activity reports (``activity_model``)."""
        return apps.get_model(self.activity_model)

    def get_activities(self, count=None):
        """The group's live, public activity reports, newest first."""
        model = self.get_activity_model()
        # Restrictions above this page are checked when it is served; only the
        # reports' own restrictions remain (no extra query, unlike public()).
        activities = (
            model.objects.filter(below_q(self, children_only=True))
            .live()
            .filter(view_restrictions=None)
            .select_related("cover_image")
            .order_by("-date", "-pk")
        )
        return activities[:count] if count else activities

    def get_authored_models(self):
        """Concrete page models marked with ``KimGroupAuthoredMixin``."""
        found = [
            model
            for model in apps.get_models()
            if issubclass(model, KimGroupAuthoredMixin)
            and issubclass(model, Page)
            and not model._meta.abstract
        ]
        # A multi-table child's pages are already listed through its parent.
        return [
            model
            for model in found
            if not any(
                parent in found and parent is not model
                for parent in model._meta.get_parent_list()
            )
        ]

    def get_authored_sections(self, count=None):
        """For each authored page type, the newest live, public pages this
        group authored, ready for cards: two queries for all the types
        (which pages, then the pages with what their cards show)."""
        count = count or kim_settings.PAGE_SIZE
        page_models = self.get_authored_models()
        found = authored_pages(page_models, self, count)
        sections = []
        for model in page_models:
            pages = found.get(model)
            if pages:
                title = model.kim_group_section_title or model._meta.verbose_name_plural
                sections.append({"title": title, "model": model, "pages": pages})
        return sections

    def get_structured_data(self):
        """A schema.org ``Organization`` describing the group."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "url": self.full_url,
        }
        description = self.get_social_description()
        if description:
            data["description"] = str(description)
        if self.logo:
            rendition = self.logo.get_rendition(LOGO_SPEC)
            data["logo"] = rendition.full_url
        if self.founding_date:
            data["foundingDate"] = self.founding_date.isoformat()
        address = {"@type": "PostalAddress", "addressCountry": "ID"}
        if self.address:
            address["streetAddress"] = self.address
        if self.desa_id:
            address["addressLocality"] = self.desa.name
        if self.kecamatan_id:
            address["addressRegion"] = self.kecamatan.name
        data["address"] = address
        if self.email:
            data["email"] = self.email
        if self.phone or self.whatsapp:
            data["telephone"] = self.phone or self.whatsapp
        if self.latitude is not None and self.longitude is not None:
            data["location"] = {
                "@type": "Place",
                "geo": {
                    "@type": "GeoCoordinates",
                    "latitude": float(self.latitude),
                    "longitude": float(self.longitude),
                },
            }
        same_as = [url for _label, url in self.social_links]
        if same_as:
            data["sameAs"] = same_as
        officers = self.public_officers
        if officers:
            data["member"] = [
                {
                    "@type": "OrganizationRole",
                    "roleName": str(o.get_role_display()),
                    "member": {"@type": "Person", "name": o.name},
                }
                for o in officers
            ]
        return data

    @classmethod
    def get_serve_queryset(cls):
        """A served profile comes with its regions, logo and cover photo."""
        return (
            super()
            .get_serve_queryset()
            .select_related("logo", "cover_image", "kecamatan", "desa__kecamatan")
        )

    def prefetch_for_display(self):
        """Load the regions and images the profile shows in at most two
        queries, unless the page was loaded with them (``get_serve_queryset``)."""
        loaded = self._state.fields_cache
        if self.desa_id and "desa" not in loaded:
            self.desa = Desa.objects.select_related("kecamatan").get(pk=self.desa_id)
        if self.desa_id and self.kecamatan_id == self.desa.kecamatan_id:
            self.kecamatan = self.desa.kecamatan
        fields = [
            (name, pk)
            for name, pk in (
                ("logo", self.logo_id),
                ("cover_image", self.cover_image_id),
            )
            if pk and name not in loaded
        ]
        if fields:
            images = get_image_model().objects.in_bulk([pk for _name, pk in fields])
            for name, pk in fields:
                if pk in images:
                    setattr(self, name, images[pk])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.prefetch_for_display()
        # The header's images; what the profile lists (officers, focus
        # areas, reports, authored pages) is read when the template renders
        # it, not when its HTML is kept ({% kim_kept page %}).
        prefetch_renditions(
            [self.logo, self.cover_image],
            LOGO_SPEC,
            COVER_SPEC,
            *all_picture_specs(COVER_PICTURE),
            SOCIAL_IMAGE_SPEC,
        )
        loaded = {}

        def load(name):
            if not loaded:
                loaded.update(self.load_listed())
            return loaded[name]

        context.update(
            {
                "officers": LazyRows(lambda: load("officers")),
                "focus_areas": LazyRows(self.get_focus_areas),
                "activities": LazyRows(lambda: load("activities")),
                "authored_sections": LazyRows(lambda: load("authored_sections")),
            }
        )
        return context

    def load_listed(self):
        """``{"officers", "activities", "authored_sections"}``: what the
        profile lists, with the renditions of every image in one query."""
        self._public_officers = list(
            self.officers.filter(consent_to_publish=True).select_related("photo")
        )
        # the newest reports, read by their kept rows (queries.page_rows())
        activities = page_rows(self.get_activities(), 0, kim_settings.PAGE_SIZE)
        authored_sections = self.get_authored_sections()
        prefetch_renditions(
            [officer.photo for officer in self._public_officers]
            + [item.get_card_image() for item in activities]
            + [
                item.get_card_image()
                for section in authored_sections
                for item in section["pages"]
            ],
            CARD_IMAGE_SPEC,
            OFFICER_PHOTO_SPEC,
        )
        return {
            "officers": self._public_officers,
            "activities": activities,
            "authored_sections": authored_sections,
        }


class KimGroupPage(AbstractKimGroupPage):
    """The default KIM group profile."""

    template = "kim_cms/pages/kim_group_page.html"
    parent_page_types = ["kim_cms.KimGroupIndexPage"]
    subpage_types = [
        "kim_cms.KimActivityPage",
        "kim_cms.AgricultureTipPage",
        "kim_cms.CulturalEventPage",
        "kim_cms.TrainingMaterialPage",
    ]

    class Meta:
        verbose_name = _("KIM group")
        verbose_name_plural = _("KIM groups")
