"""Disaster warnings (peringatan): what BPBD or Diskominfo tells residents about
a hazard now, shown on every kim_cms page as a banner while it is valid, with
a list of current and past warnings and a CAP 1.2 document per warning.

Status levels are the ones Indonesian agencies use (Normal, Waspada, Siaga,
Awas); ``CAP_LEVELS`` maps them to CAP's severity, urgency and certainty.
A warning leaves the banner at its ``valid_until`` by itself (no scheduled
job): the banner is cached only until the next warning starts or ends.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.conf import kim_settings
from kim_cms.datetimes import format_datetime
from kim_cms.pages.base import KimIndexPageMixin, KimPageMixin
from kim_cms.pages.queries import public_q
from kim_cms.params import paginate, parse_id, parse_slug
from kim_cms.schedule import zone_abbreviation

LEVEL_NORMAL = "normal"
LEVEL_WASPADA = "waspada"
LEVEL_SIAGA = "siaga"
LEVEL_AWAS = "awas"
LEVEL_CHOICES = [
    (LEVEL_NORMAL, pgettext_lazy("warning level", "Normal")),
    (LEVEL_WASPADA, pgettext_lazy("warning level", "Waspada (be alert)")),
    (LEVEL_SIAGA, pgettext_lazy("warning level", "Siaga (be ready)")),
    (LEVEL_AWAS, pgettext_lazy("warning level", "Awas (act now)")),
]
LEVEL_SHORT_LABELS = {
    LEVEL_NORMAL: pgettext_lazy("warning level", "NORMAL"),
    LEVEL_WASPADA: pgettext_lazy("warning level", "WASPADA"),
    LEVEL_SIAGA: pgettext_lazy("warning level", "SIAGA"),
    LEVEL_AWAS: pgettext_lazy("warning level", "AWAS"),
}

TIME_ZONE_CHOICES = [
    ("Asia/Jakarta", _("WIB: Western Indonesia (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA: Central Indonesia (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT: Eastern Indonesia (Asia/Jayapura)")),
]

STATUS_ACTIVE = "active"
STATUS_UPCOMING = "upcoming"
STATUS_EXPIRED = "expired"
STATUS_CANCELLED = "cancelled"
STATUS_LABELS = {
    STATUS_ACTIVE: _("In force"),
    STATUS_UPCOMING: _("Not yet in force"),
    STATUS_EXPIRED: _("Expired"),
    STATUS_CANCELLED: _("Cancelled"),
}


@dataclass(frozen=True)
class CapLevel:
    """What a status level is in CAP 1.2, and its rank (higher is more severe)."""

    severity: str
    urgency: str
    certainty: str
    rank: int


CAP_LEVELS = {
    LEVEL_NORMAL: CapLevel("Minor", "Future", "Unlikely", 0),
    LEVEL_WASPADA: CapLevel("Moderate", "Future", "Possible", 1),
    LEVEL_SIAGA: CapLevel("Severe", "Expected", "Likely", 2),
    LEVEL_AWAS: CapLevel("Extreme", "Immediate", "Observed", 3),
}

# Levels shown in the banner: Normal is the all-clear, not a warning to show.
BANNER_LEVELS = (LEVEL_WASPADA, LEVEL_SIAGA, LEVEL_AWAS)

_POINT = r"-?\d{1,2}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?"
POLYGON_RE = re.compile(rf"{_POINT}(?: {_POINT}){{3,}}")
CIRCLE_RE = re.compile(rf"{_POINT} \d+(?:\.\d+)?")


def cap_level(level):
    """The ``CapLevel`` of a status level (``LEVEL_*``)."""
    return CAP_LEVELS[level]


def now():
    """The current moment (a seam for tests)."""
    return timezone.now()


def default_warning_time_zone():
    """``KIM_CMS_TIME_ZONE`` when it is an Indonesian zone, else WIB (a
    callable default: the setting never ends up in a migration)."""
    configured = kim_settings.TIME_ZONE
    return configured if configured in dict(TIME_ZONE_CHOICES) else "Asia/Jakarta"


def get_warning_model():
    """The concrete warning page type the banner and the feeds read."""
    from django.apps import apps

    return apps.get_model("kim_cms", "WarningPage")


class AbstractWarningPage(RoutablePageMixin, KimPageMixin, Page):
    """A warning about a hazard for kecamatan and desa of the district, valid
    from one moment until another.

    The title is the headline. Publishing goes through the normal moderation
    (the "KIM review" workflow); ticking *cancelled* and publishing withdraws
    the warning (CAP ``msgType`` Cancel). Extension contract: subclass to add
    fields; ``get_status(moment)``, ``get_instruction_steps()`` and
    ``get_cap_message_type()`` may be overridden. Its CAP 1.2 document is at
    ``cap/`` below the page. Renders with
    ``kim_cms/pages/warning_page.html`` unless your app ships its own template.
    """

    hazard = models.ForeignKey(
        "kim_cms.Hazard",
        verbose_name=_("hazard"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    level = models.CharField(
        _("status level"),
        max_length=10,
        choices=LEVEL_CHOICES,
        default=LEVEL_WASPADA,
        help_text=_(
            "As the agencies use it: Waspada (be alert), Siaga (be ready), "
            "Awas (act now). Normal announces that the danger has passed."
        ),
    )
    level_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    description = models.TextField(
        _("what is happening"),
        max_length=2000,
        help_text=_("Two or three sentences: the danger, where and how bad."),
    )
    instructions = models.TextField(
        _("what to do now"),
        max_length=2000,
        help_text=_("Short steps, one per line."),
    )
    kecamatan = ParentalManyToManyField(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        related_name="+",
        help_text=_("The kecamatan affected."),
    )
    desa = ParentalManyToManyField(
        "kim_cms.Desa",
        verbose_name=_("desa"),
        blank=True,
        related_name="+",
        help_text=_("Name desa only when the warning is for some desa only."),
    )
    area_description = models.CharField(
        _("area"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to list the kecamatan and desa chosen above."),
    )
    polygon = models.TextField(
        _("area polygon"),
        blank=True,
        help_text=_(
            "Optional, for CAP readers: points as latitude,longitude separated "
            "by spaces, the first point repeated at the end."
        ),
    )
    circle = models.CharField(
        _("area circle"),
        max_length=100,
        blank=True,
        help_text=_(
            "Optional, for CAP readers: latitude,longitude and a radius in "
            "kilometres, e.g. -2.95,114.05 10"
        ),
    )
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(
        _("valid until"),
        help_text=_("The warning leaves the banner at this moment by itself."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default=default_warning_time_zone,
    )
    issuing_agency = models.CharField(
        _("issued by"),
        max_length=200,
        help_text=_("E.g. BPBD Kabupaten Pulang Pisau, BMKG."),
    )
    source_url = models.URLField(
        _("source"),
        blank=True,
        help_text=_("The agency's own announcement, if it is online."),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_(
            "Tick and publish to withdraw the warning: it leaves the banner "
            "and CAP readers receive a cancellation."
        ),
    )
    cap_identifier = models.CharField(
        _("CAP identifier"),
        max_length=255,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("The CAP message this warning was imported from."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("hazard"), FieldPanel("level")]),
                FieldPanel("description"),
                FieldPanel("instructions"),
            ],
            heading=_("The warning"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kecamatan"),
                FieldPanel("desa"),
                FieldPanel("area_description"),
                FieldPanel("polygon"),
                FieldPanel("circle"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("time_zone"),
                FieldPanel("cancelled"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("issuing_agency"), FieldPanel("source_url")],
            heading=_("Who issues it"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("instructions"),
        index.SearchField("area_description"),
        index.FilterField("level"),
        index.FilterField("hazard"),
        index.FilterField("cancelled"),
    ]
    api_fields = [
        APIField("hazard"),
        APIField("level"),
        APIField("description"),
        APIField("instructions"),
        APIField("kecamatan"),
        APIField("desa"),
        APIField("area_description"),
        APIField("valid_from"),
        APIField("valid_until"),
        APIField("time_zone"),
        APIField("issuing_agency"),
        APIField("source_url"),
        APIField("cancelled"),
    ]
    override_translatable_fields = [
        TranslatableField("hazard"),
        SynchronizedField("level"),
        TranslatableField("description"),
        TranslatableField("instructions"),
        SynchronizedField("kecamatan"),
        SynchronizedField("desa"),
        TranslatableField("area_description"),
        SynchronizedField("polygon"),
        SynchronizedField("circle"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
        SynchronizedField("time_zone"),
        SynchronizedField("issuing_agency"),
        SynchronizedField("source_url"),
        SynchronizedField("cancelled"),
    ]

    kim_cms_template = "kim_cms/pages/warning_page.html"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            errors["valid_until"] = _(
                "A warning must end after it starts: choose a later moment."
            )
        polygon = " ".join((self.polygon or "").split())
        if polygon:
            points = polygon.split(" ")
            if not POLYGON_RE.fullmatch(polygon) or points[0] != points[-1]:
                errors["polygon"] = _(
                    "Write at least four points as latitude,longitude separated by "
                    "spaces, the first point repeated at the end."
                )
        circle = " ".join((self.circle or "").split())
        if circle and not CIRCLE_RE.fullmatch(circle):
            errors["circle"] = _(
                "Write latitude,longitude, a space and the radius in kilometres."
            )
        if errors:
            raise ValidationError(errors)
        self.polygon, self.circle = polygon, circle
        if not (self.area_description or "").strip():
            self.area_description = self.describe_area()

    def save(self, *args, **kwargs):
        self.level_rank = CAP_LEVELS[self.level].rank if self.level in CAP_LEVELS else 0
        return super().save(*args, **kwargs)

    def describe_area(self):
        """``Kahayan Hilir, Jabiren Raya (Desa Garung)``: the kecamatan and
        desa chosen, as a line of text (CAP's ``areaDesc``)."""
        names = [k.name for k in self.kecamatan.all()]
        text = ", ".join(names)
        desa = [d.name for d in self.desa.all()]
        if desa:
            text += f" ({', '.join(desa)})"
        return text[:500]

    # What readers see -----------------------------------------------------

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def zone_abbreviation(self):
        return zone_abbreviation(self.time_zone)

    def local(self, value):
        """``value`` on the warning's wall clock."""
        return value.astimezone(self.zone)

    def get_status(self, moment=None):
        """``active``, ``upcoming``, ``expired`` or ``cancelled`` at ``moment``
        (default: now). A warning is in force from ``valid_from`` until just
        before ``valid_until``."""
        moment = moment or now()
        if self.cancelled:
            return STATUS_CANCELLED
        if moment >= self.valid_until:
            return STATUS_EXPIRED
        if moment < self.valid_from:
            return STATUS_UPCOMING
        return STATUS_ACTIVE

    def get_status_label(self, moment=None):
        return STATUS_LABELS[self.get_status(moment)]

    def is_active(self, moment=None):
        return self.get_status(moment) == STATUS_ACTIVE

    def get_level_label(self):
        return LEVEL_SHORT_LABELS.get(self.level, self.level)

    def get_cap_level(self):
        return CAP_LEVELS[self.level]

    def get_instruction_steps(self):
        """The lines of *what to do now*, without empty ones."""
        return [line.strip() for line in self.instructions.splitlines() if line.strip()]

    def get_valid_from_display(self):
        return format_datetime(self.local(self.valid_from), self.zone_abbreviation)

    def get_valid_until_display(self):
        return format_datetime(self.local(self.valid_until), self.zone_abbreviation)

    def get_card_meta(self):
        parts = [str(self.get_level_label())]
        if self.hazard_id:
            parts.append(self.hazard.name)
        if self.area_description:
            parts.append(self.area_description)
        until = self.get_valid_until_display()
        parts.append(str(_("until %(moment)s")) % {"moment": until})
        return " · ".join(parts)

    def get_social_description(self):
        if self.search_description:
            return self.search_description
        return self.description[:200]

    @classmethod
    def get_serve_queryset(cls):
        return super().get_serve_queryset().select_related("hazard")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        moment = now()
        context["warning_status"] = self.get_status(moment)
        context["warning_active"] = context["warning_status"] == STATUS_ACTIVE
        context["warning_steps"] = self.get_instruction_steps()
        context["warning_kecamatan"] = list(self.kecamatan.all())
        context["warning_desa"] = list(self.desa.select_related("kecamatan"))
        context["cap_url"] = self.get_cap_url(request)
        context["warning_guides"] = self.get_guides()
        return context

    def get_guides(self):
        """The live, public preparedness guides of this warning's hazard, in
        its language."""
        from kim_cms.pages.guides import guides_for_hazard

        return list(guides_for_hazard(self.hazard, self.locale_id))

    # CAP ------------------------------------------------------------------

    def get_cap_translations(self):
        """The live, public translations of this warning (itself included),
        the default content language first: one ``<info>`` each."""
        from kim_cms.i18n import default_content_language

        pages = list(
            type(self)
            .objects.live()
            .filter(public_q())
            .filter(translation_key=self.translation_key)
            .select_related("hazard", "locale")
        )
        if not any(p.pk == self.pk for p in pages):
            pages.append(self)
        default = default_content_language()
        return sorted(
            pages, key=lambda p: (p.locale.language_code != default, p.locale_id)
        )

    def get_cap_url(self, request=None):
        """The absolute address of this warning's CAP document."""
        return (self.get_full_url(request=request) or "") + self.reverse_subpage(
            "cap"
        ).lstrip("/")

    def get_cap_identifier(self, request=None):
        """The identifier of the current CAP message of this warning."""
        from kim_cms.cap import cap_sender, message_identifier

        return message_identifier(
            cap_sender(self, request),
            self.translation_key,
            self.last_published_at or self.latest_revision_created_at or now(),
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("cap/", name="cap")
    def cap_document(self, request):
        """The warning as a CAP 1.2 document, one ``<info>`` per language."""
        from kim_cms.cap import CAP_CONTENT_TYPE, build_cap

        return HttpResponse(
            build_cap(self.get_cap_translations(), request),
            content_type=f"{CAP_CONTENT_TYPE}; charset=utf-8",
        )

    def get_cap_message_type(self):
        """``Alert`` when first published, ``Update`` once republished,
        ``Cancel`` when cancelled."""
        if self.cancelled:
            return "Cancel"
        first, last = self.first_published_at, self.last_published_at
        if first and last and last > first:
            return "Update"
        return "Alert"


class WarningFilterForm(forms.Form):
    """The filters of the warning list: hazard (slug) and kecamatan (id).
    A value that cannot be a slug or an id makes the request a bad one (400);
    a well-formed value that names nothing lists no warning."""

    bahaya = forms.ChoiceField(label=_("Hazard"), required=False)
    kecamatan = forms.ChoiceField(label=_("Kecamatan"), required=False)

    def __init__(self, data, *, hazards, kecamatan):
        super().__init__(data)
        all_ = [("", _("All"))]
        self.fields["bahaya"].choices = all_ + [(h.slug, h.name) for h in hazards]
        self.fields["kecamatan"].choices = all_ + [
            (str(k.pk), k.name) for k in kecamatan
        ]


def parse_warning_filters(params):
    """``{"bahaya": slug, "kecamatan": id}`` of the values given, or ``None``
    when one of them is malformed."""
    values = {}
    hazard = params.get("bahaya", "")
    if hazard.strip():
        values["bahaya"] = parse_slug(hazard, max_length=100)
        if values["bahaya"] is None:
            return None
    kecamatan = params.get("kecamatan", "")
    if kecamatan.strip():
        values["kecamatan"] = parse_id(kecamatan)
        if values["kecamatan"] is None:
            return None
    return values


class AbstractWarningIndexPage(RoutablePageMixin, KimIndexPageMixin, Page):
    """The warnings of one language: those in force (most severe first) and
    past ones, filterable by hazard and kecamatan, with RSS and Atom feeds
    of the warnings in force.

    Extension contract: ``get_warnings(request)`` returns the queryset listed;
    ``filter_warnings(warnings, values)`` applies the filters. Renders with
    ``kim_cms/pages/warning_index_page.html`` unless your app ships its own.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Who issues these warnings and where to call in an emergency."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = [TranslatableField("introduction")]

    kim_cms_template = "kim_cms/pages/warning_index_page.html"

    class Meta:
        abstract = True

    def get_warnings(self, request=None):
        """Live, public warnings under this index."""
        return (
            get_warning_model()
            .objects.descendant_of(self)
            .live()
            .filter(public_q())
            .select_related("hazard")
        )

    def filter_warnings(self, warnings, values):
        if values.get("bahaya"):
            warnings = warnings.filter(hazard__slug=values["bahaya"])
        if values.get("kecamatan"):
            tagged = warnings.model.objects.filter(kecamatan=values["kecamatan"])
            warnings = warnings.filter(pk__in=tagged.values("pk"))
        return warnings

    def get_filter_form(self, request):
        from kim_cms.snippets import Hazard, Kecamatan

        return WarningFilterForm(
            request.GET,
            hazards=Hazard.objects.filter(locale_id=self.locale_id),
            kecamatan=Kecamatan.objects.all(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = parse_warning_filters(request.GET) or {}
        moment = now()
        warnings = self.filter_warnings(self.get_warnings(request), values)
        current = list(
            warnings.filter(cancelled=False, valid_until__gt=moment).order_by(
                "-level_rank", "valid_from", "pk"
            )
        )
        past = warnings.exclude(pk__in=[w.pk for w in current]).order_by(
            "-valid_until", "-pk"
        )
        past_page = paginate(request, past, kim_settings.PAGE_SIZE)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            {
                "filter_form": self.get_filter_form(request),
                "filters_active": bool(values),
                "current_warnings": current,
                "past_warnings": past_page,
                "filter_query": query.urlencode(),
                "feed_urls": self.get_feed_urls(request),
                "guides": self.get_guides(request),
            }
        )
        return context

    def get_guides(self, request=None):
        """The live, public preparedness guides under this list."""
        from kim_cms.pages.guides import PreparednessGuidePage

        return list(
            PreparednessGuidePage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("hazard")
            .order_by("title")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        if parse_warning_filters(request.GET) is None:
            return HttpResponseBadRequest(
                _("The hazard, kecamatan or page number in this address is malformed."),
                content_type="text/plain; charset=utf-8",
            )
        return super().index_route(request, *args, **kwargs)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        """RSS 2.0 index of the warnings not yet expired, linking to CAP."""
        from kim_cms.warning_feeds import WarningRssFeed

        return WarningRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        """Atom 1.0 index of the warnings not yet expired, linking to CAP."""
        from kim_cms.warning_feeds import WarningAtomFeed

        return WarningAtomFeed(self)(request)

    def get_feed_urls(self, request=None):
        """``{"rss": url, "atom": url}``, absolute."""
        base = self.get_full_url(request=request) or ""
        return {
            "rss": base + self.reverse_subpage("rss").lstrip("/"),
            "atom": base + self.reverse_subpage("atom").lstrip("/"),
        }


class WarningIndexPage(AbstractWarningIndexPage):
    """The default list of disaster warnings."""

    template = "kim_cms/pages/warning_index_page.html"

    @classmethod
    def allowed_subpage_models(cls):
        """Warnings and preparedness guides, and a site's own subclasses."""
        from kim_cms.pages.guides import AbstractPreparednessGuidePage

        kinds = (AbstractWarningPage, AbstractPreparednessGuidePage)
        return [
            model
            for model in super().allowed_subpage_models()
            if issubclass(model, kinds)
        ]

    class Meta:
        verbose_name = _("warning list")
        verbose_name_plural = _("warning lists")


class WarningPage(AbstractWarningPage):
    """The default disaster warning."""

    template = "kim_cms/pages/warning_page.html"
    parent_page_types = ["kim_cms.WarningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("disaster warning")
        verbose_name_plural = _("disaster warnings")


# The banner ---------------------------------------------------------------

BANNER_CACHE_KEY = "kim_cms:warning_banner:{version}:{language}"
BANNER_VERSION_KEY = "kim_cms:warning_banner:version"


@dataclass(frozen=True)
class BannerWarning:
    """What the banner shows of one warning: plain values, cached."""

    headline: str
    level: str
    level_label: str
    hazard: str
    area: str
    valid_until: str
    url: str
    rank: int


def _banner_version():
    version = cache.get(BANNER_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(BANNER_VERSION_KEY, version, None)
    return version


def invalidate_banner():
    """Forget every cached banner (on publish, unpublish, delete)."""
    cache.set(BANNER_VERSION_KEY, uuid.uuid4().hex, None)


def _pick_language(pages, language):
    """One page per warning (translation key): the one in ``language``, else
    the one in the default content language, else any."""
    from kim_cms.i18n import default_content_language

    default = default_content_language()
    chosen = {}
    for page in pages:
        code = page.locale.language_code
        current = chosen.get(page.translation_key)
        if current is None:
            chosen[page.translation_key] = page
            continue
        current_code = current.locale.language_code
        if current_code != language and (
            code == language or (code == default and current_code != default)
        ):
            chosen[page.translation_key] = page
    return list(chosen.values())


def load_banner(moment, language):
    """``(warnings, until)``: the banner at ``moment`` in ``language``, most
    severe first, and the timestamp until which it stays the same (the next
    start or end of a warning). One query."""
    pages = list(
        get_warning_model()
        .objects.live()
        .filter(public_q())
        .filter(cancelled=False, valid_until__gt=moment, level__in=BANNER_LEVELS)
        .select_related("hazard", "locale")
        .only(
            "title",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "level",
            "level_rank",
            "area_description",
            "valid_from",
            "valid_until",
            "time_zone",
            "hazard__name",
            "locale__language_code",
        )
    )
    until = moment + datetime.timedelta(
        seconds=kim_settings.WARNING_BANNER_CACHE_SECONDS
    )
    shown = []
    for page in pages:
        if page.valid_from > moment:
            until = min(until, page.valid_from)
            continue
        until = min(until, page.valid_until)
        shown.append(page)
    shown = sorted(
        _pick_language(shown, language),
        key=lambda p: (-p.level_rank, p.valid_from, p.pk),
    )
    warnings = [
        BannerWarning(
            headline=page.title,
            level=page.level,
            level_label=str(LEVEL_SHORT_LABELS[page.level]),
            hazard=page.hazard.name,
            area=page.area_description,
            valid_until=page.get_valid_until_display(),
            url=page.get_url() or "",
            rank=page.level_rank,
        )
        for page in shown
    ]
    return warnings, until.timestamp()


def get_banner_warnings(moment=None, language=None):
    """The warnings in force now, for the banner, in the active language:
    from the cache, which never keeps them past the next start or end of a
    warning, else from the database (one query)."""
    moment = moment or now()
    language = (language or translation.get_language() or "id").split("-")[0]
    key = BANNER_CACHE_KEY.format(version=_banner_version(), language=language)
    cached = cache.get(key)
    if cached is not None and cached[1] > moment.timestamp():
        return cached[0]
    warnings, until = load_banner(moment, language)
    timeout = max(1, int(until - moment.timestamp()))
    cache.set(key, (warnings, until), timeout)
    return warnings


def _warning_changed(sender=None, instance=None, **kwargs):
    if isinstance(instance, AbstractWarningPage):
        invalidate_banner()


def _hazard_changed(sender=None, instance=None, **kwargs):
    invalidate_banner()


def connect():
    """Forget the banner when a warning is published, unpublished or
    deleted, or a hazard renamed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from kim_cms.snippets import Hazard

    page_published.connect(_warning_changed, dispatch_uid="kim_cms_warning_published")
    page_unpublished.connect(
        _warning_changed, dispatch_uid="kim_cms_warning_unpublished"
    )
    post_delete.connect(_warning_changed, dispatch_uid="kim_cms_warning_deleted")
    post_save.connect(
        _hazard_changed, sender=Hazard, dispatch_uid="kim_cms_hazard_saved"
    )
