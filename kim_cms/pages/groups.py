"""KIM groups: the directory, group profiles and activity reports."""

from decimal import Decimal

from django import forms
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import BodyStreamBlock, GalleryImageBlock
from kim_cms.conf import kim_settings
from kim_cms.fields import TranslatableLinesField
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimIndexPageMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
)
from kim_cms.pages.queries import prefetch_renditions, public_q
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import (
    clean_search_query,
    paginate,
    parse_choice,
    parse_id,
    parse_slug,
)
from kim_cms.snippets import (
    Desa,
    FocusArea,
    Kecamatan,
    localized_terms,
    localized_terms_of,
)

# Renditions used by the templates, prefetched by the listings.
CARD_IMAGE_SPEC = "fill-160x160|format-webp"
LOGO_SPEC = "fill-160x160|format-webp"
COVER_SPEC = "fill-960x400|format-webp"
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


# --- The directory -----------------------------------------------------------


class AbstractKimGroupIndexPage(KimIndexPageMixin, Page):
    """The directory of KIM groups: the live groups under it, in its language,
    filterable by kecamatan, desa, focus area and status, with a text search.

    Extension contract: override ``get_groups(request)`` to change the base
    queryset, ``filter_groups(groups, filters)`` to add filters, and
    ``get_group_model()`` when your site lists its own group page type.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences shown above the list of groups."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = [TranslatableField("introduction")]

    kim_cms_template = "kim_cms/pages/kim_group_index_page.html"

    class Meta:
        abstract = True

    def get_group_model(self):
        """The page model the directory lists."""
        return KimGroupPage

    def get_groups(self, request=None):
        """Live, public groups under this directory, in its language."""
        return (
            self.get_group_model()
            .objects.descendant_of(self)
            .live()
            .filter(public_q())
            .filter(locale_id=self.locale_id)
        )

    def get_filters(self, request):
        """The valid filters of the request; malformed values are dropped."""
        params = request.GET
        return {
            "kecamatan": parse_id(params.get("kecamatan"), Kecamatan),
            "desa": parse_id(params.get("desa"), Desa),
            "fokus": parse_slug(params.get("fokus")),
            "status": parse_choice(
                params.get("status"), AbstractKimGroupPage.STATUS_CHOICES
            ),
            "q": clean_search_query(params.get("q")),
        }

    def filter_groups(self, groups, filters):
        """Apply ``filters`` (from ``get_filters``) to ``groups``."""
        if filters["kecamatan"]:
            groups = groups.filter(kecamatan_id=filters["kecamatan"])
        if filters["desa"]:
            groups = groups.filter(desa_id=filters["desa"])
        if filters["fokus"]:
            groups = groups.filter(focus_areas__slug=filters["fokus"]).distinct()
        if filters["status"]:
            groups = groups.filter(status=filters["status"])
        for word in filters["q"].split():
            groups = groups.filter(
                Q(title__icontains=word)
                | Q(desa__name__icontains=word)
                | Q(kecamatan__name__icontains=word)
                | Q(search_description__icontains=word)
            )
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        groups = self.filter_groups(self.get_groups(request), filters)
        groups = with_card_images(
            groups.select_related("kecamatan", "desa").prefetch_related("focus_areas")
        ).order_by("title", "pk")
        page_obj = paginate(request, groups, kim_settings.PAGE_SIZE)
        attach_localized_focus_areas(page_obj.object_list, self.locale_id)
        kecamatan_list = list(Kecamatan.objects.all())
        desa_list = []
        if filters["kecamatan"]:
            desa_list = list(
                Desa.objects.filter(kecamatan_id=filters["kecamatan"]).select_related(
                    "kecamatan"
                )
            )
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "groups": page_obj,
                "filters": filters,
                "filtering": any(filters.values()),
                "kecamatan_list": kecamatan_list,
                "desa_list": desa_list,
                "focus_area_list": FocusArea.objects.filter(locale_id=self.locale_id),
                "status_choices": AbstractKimGroupPage.STATUS_CHOICES,
                "query_string": query.urlencode(),
            }
        )
        return context


class KimGroupIndexPage(AbstractKimGroupIndexPage):
    """The default directory of KIM groups."""

    template = "kim_cms/pages/kim_group_index_page.html"
    subpage_types = ["kim_cms.KimGroupPage"]

    class Meta:
        verbose_name = _("KIM group directory")
        verbose_name_plural = _("KIM group directories")


def attach_localized_focus_areas(groups, locale):
    """Set ``localized_focus_areas`` on each group (prefetched
    ``focus_areas``) in one query for the whole list."""
    groups = list(groups)
    terms = {t.pk: t for g in groups for t in g.focus_areas.all()}
    localized = dict(zip(terms, localized_terms(terms.values(), locale), strict=True))
    for group in groups:
        group.localized_focus_areas = [localized[t.pk] for t in group.focus_areas.all()]
    return groups


# --- Group profiles ----------------------------------------------------------


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


class OfficerSerializer(serializers.Serializer):
    """An officer in the API: name, role and term only."""

    name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    term_start = serializers.DateField()
    term_end = serializers.DateField()


class FocusAreaSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class AbstractKimGroupPage(KimVerifiedPageMixin, KimPageMixin, Page):
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
    ``get_group_model()`` returns it. Override ``get_activity_model()`` for
    your own activity page type and ``get_authored_models()`` to change which
    authored page types are listed. Subclassing the concrete ``KimGroupPage``
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
            parts.append(f"{self.desa.get_kind_display()} {self.desa.name}")
        if self.kecamatan_id:
            parts.append(f"{_('Kecamatan')} {self.kecamatan.name}")
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
        """The page model of the group's activity reports."""
        return KimActivityPage

    def get_activities(self, count=None):
        """The group's live, public activity reports, newest first."""
        model = self.get_activity_model()
        # Restrictions above this page are checked when it is served; only the
        # reports' own restrictions remain (no extra query, unlike public()).
        activities = (
            model.objects.child_of(self)
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
        self._public_officers = list(
            self.officers.filter(consent_to_publish=True).select_related("photo")
        )
        activities = list(self.get_activities(kim_settings.PAGE_SIZE))
        authored_sections = self.get_authored_sections()
        # The renditions of every image on the profile, in one query.
        prefetch_renditions(
            [self.logo, self.cover_image]
            + [officer.photo for officer in self._public_officers]
            + [item.get_card_image() for item in activities]
            + [
                item.get_card_image()
                for section in authored_sections
                for item in section["pages"]
            ],
            LOGO_SPEC,
            COVER_SPEC,
            SOCIAL_IMAGE_SPEC,
            CARD_IMAGE_SPEC,
            OFFICER_PHOTO_SPEC,
        )
        context.update(
            {
                "officers": self._public_officers,
                "focus_areas": self.get_focus_areas(),
                "activities": activities,
                "authored_sections": authored_sections,
            }
        )
        return context


class AbstractKimGroupOfficer(Orderable):
    """An officer of a group, published only with their consent.

    No national ID number (NIK) is ever stored.
    """

    ROLE_CHOICES = [
        ("ketua", _("Chair")),
        ("sekretaris", _("Secretary")),
        ("bendahara", _("Treasurer")),
        ("pengumpulan", _("Head of information collection")),
        ("pengolahan", _("Head of information processing")),
        ("penyebaran", _("Head of information dissemination")),
        ("anggota", _("Member")),
    ]

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=20, choices=ROLE_CHOICES, default="anggota"
    )
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_to_publish = models.BooleanField(
        _("consent to publish"),
        default=False,
        help_text=_(
            "Tick only when this person agreed that their name, role and photo "
            "appear on the website."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
        FieldPanel("photo"),
        FieldPanel("consent_to_publish"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": _("The term cannot end before it starts.")}
            )


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


class KimGroupOfficer(AbstractKimGroupOfficer):
    page = ParentalKey(
        "kim_cms.KimGroupPage", on_delete=models.CASCADE, related_name="officers"
    )


def authored_pages(page_models, group, count):
    """``{model: [page, ...]}``: the ``count`` newest live, public pages of each
    of ``page_models`` whose ``kim_group`` is ``group``, as instances of the model
    with the foreign keys of their cards (``card_select_related``) loaded.

    One query finds the pages of every type, one more loads them."""
    if not page_models:
        return {}
    picks = [
        model.objects.live()
        .filter(public_q())
        # Credited to the group (in any language) or published under its
        # profile, in the group page's language.
        .filter(
            Q(kim_group__translation_key=group.translation_key)
            | Q(path__startswith=group.path, depth__gt=group.depth),
            locale_id=group.locale_id,
        )
        .order_by()
        .annotate(kim_type=Value(position, output_field=models.IntegerField()))
        .values_list("kim_type", "pk", "first_published_at")
        for position, model in enumerate(page_models)
    ]
    rows = picks[0].union(*picks[1:], all=True) if len(picks) > 1 else picks[0]
    newest = {}
    for position, pk, _published in sorted(
        rows, key=lambda row: (row[2] is not None, row[2], row[1]), reverse=True
    ):
        chosen = newest.setdefault(page_models[position], [])
        if len(chosen) < count:
            chosen.append(pk)
    found = {}
    joined = [model for model in newest if _child_of_page(model)]
    if joined:
        # The pages of every type in one query: each base page row with its
        # own type's row (Django's select_related on the child link).
        related = []
        for model in joined:
            name = model._meta.model_name
            related.append(name)
            related += [f"{name}__{field}" for field in model.card_select_related]
        pks = [pk for model in joined for pk in newest[model]]
        pages = Page.objects.filter(pk__in=pks).select_related(*related)
        by_pk = {}
        for page in pages:
            for model in joined:
                specific = getattr(page, model._meta.model_name, None)
                if specific is not None and type(specific) is model:
                    by_pk[page.pk] = specific
        for model in joined:
            found[model] = [by_pk[pk] for pk in newest[model] if pk in by_pk]
    for model in newest:
        if model not in found:  # a page type below another page type
            pages = model.objects.filter(pk__in=newest[model]).select_related(
                *model.card_select_related
            )
            by_pk = {page.pk: page for page in pages}
            found[model] = [by_pk[pk] for pk in newest[model] if pk in by_pk]
    return found


def _child_of_page(model):
    """Whether ``model`` inherits directly from Wagtail's ``Page``."""
    return model._meta.get_parent_list() == [Page]


# --- Activity reports --------------------------------------------------------


class AbstractKimActivityPage(KimVerifiedPageMixin, KimPageMixin, Page):
    """An activity report (kegiatan) of a KIM group: date, place, summary,
    body and a photo gallery. Created under the group's page."""

    date = models.DateField(_("date"))
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Balai Desa Bahaur."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences: what happened, who took part."),
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in lists and link previews."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("report"), blank=True)
    gallery = StreamField(
        [("photo", GalleryImageBlock())],
        verbose_name=_("photo gallery"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("date"),
        APIField("place"),
        APIField("summary"),
        APIField("cover_image"),
        APIField(
            "cover_thumbnail",
            serializer=ImageRenditionField("fill-160x160", source="cover_image"),
        ),
        APIField("body"),
        APIField("gallery"),
    ]
    override_translatable_fields = [
        SynchronizedField("date"),
        TranslatableField("place"),
        TranslatableField("summary"),
        SynchronizedField("cover_image"),
        TranslatableField("body"),
        TranslatableField("gallery"),
    ]
    kim_cms_template = "kim_cms/pages/kim_activity_page.html"

    class Meta:
        abstract = True

    def get_card_image(self):
        return self.cover_image

    def get_card_meta(self):
        from django.utils.formats import date_format

        parts = [date_format(self.date, "j F Y")]
        if self.place:
            parts.append(self.place)
        return " · ".join(parts)

    def get_social_image(self):
        return self.cover_image

    def get_social_description(self):
        return self.search_description or self.summary[:200]

    def get_group(self):
        """The group that reported this activity."""
        return self.get_parent().specific

    def get_structured_data(self):
        return None


class KimActivityPage(AbstractKimActivityPage):
    """The default activity report, under any group page: ``KimGroupPage``
    or a site's own subclass of ``AbstractKimGroupPage``."""

    template = "kim_cms/pages/kim_activity_page.html"
    parent_page_types = None  # every group page type, see below
    subpage_types = []

    @classmethod
    def clean_parent_page_models(cls):
        """The group page types, unless a subclass sets ``parent_page_types``."""
        if cls.parent_page_types is not None:
            return super().clean_parent_page_models()
        from wagtail.models import get_page_models

        return [
            model
            for model in get_page_models()
            if issubclass(model, AbstractKimGroupPage)
        ]

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")


# --- The portal section ------------------------------------------------------


def latest_groups(portal, request, count):
    """The portal's newest live groups in its language (the portal fetches
    the card renditions of every section at once)."""
    groups = (
        KimGroupPage.objects.descendant_of(portal)
        .live()
        .filter(public_q())
        .filter(locale_id=portal.locale_id)
        .select_related("kecamatan", "desa", "logo", "cover_image")
    ).order_by("-first_published_at", "-pk")
    return list(groups[:count])


register_portal_section(
    PortalSection(
        key="groups",
        title=_("KIM groups"),
        items=latest_groups,
        index_model="kim_cms.KimGroupIndexPage",
        order=10,
    )
)

__all__ = [
    "AbstractKimActivityPage",
    "AbstractKimGroupIndexPage",
    "AbstractKimGroupOfficer",
    "AbstractKimGroupPage",
    "KimActivityPage",
    "KimGroupIndexPage",
    "KimGroupOfficer",
    "KimGroupPage",
]
