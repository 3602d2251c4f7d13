"""The warning page: a hazard, a status level, the kecamatan and desa
affected, what to do now, and when it is valid; its CAP 1.2 document is at
``cap/`` below the page."""

import datetime
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageLogEntry
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.datetimes import format_datetime
from kim_cms.outputs.cap import (
    CAP_CONTENT_TYPE,
    build_cap,
    cap_messages,
    cap_sender,
)
from kim_cms.pages.base import KimPageMixin
from kim_cms.pages.warnings import levels
from kim_cms.pages.warnings.admin_form import WarningAdminForm
from kim_cms.pages.warnings.levels import (
    CAP_LEVELS,
    CIRCLE_RE,
    LEVEL_CHOICES,
    LEVEL_SHORT_LABELS,
    LEVEL_WASPADA,
    POLYGON_RE,
    STATUS_ACTIVE,
    STATUS_CANCELLED,
    STATUS_EXPIRED,
    STATUS_LABELS,
    STATUS_UPCOMING,
    TIME_ZONE_CHOICES,
    default_warning_time_zone,
)
from kim_cms.queries import LazyRows, page_rows, public_q
from kim_cms.schedule import zone_abbreviation


def publication_moments(page_ids):
    """``{page id: [moment, ...]}``: when each page was published."""
    moments = defaultdict(list)
    published = PageLogEntry.objects.filter(
        page_id__in=page_ids, action="wagtail.publish"
    ).values_list("page_id", "timestamp")
    for page_id, timestamp in published:
        moments[page_id].append(timestamp)
    return moments


def messages_of(pages, moments, sender):
    """The CAP messages of the translations ``pages`` of one warning, from
    their publication ``moments``."""
    logged = [moment for p in pages for moment in moments.get(p.pk, ())]
    # pages published without a log entry (by a script or a fixture)
    unlogged = [
        moment
        for p in pages
        for moment in (p.first_published_at, p.last_published_at)
        if moment
    ]
    primary = pages[0]
    return cap_messages(
        sender,
        primary.translation_key,
        logged or unlogged or [primary.latest_revision_created_at or levels.now()],
    )


def administrative_area(region):
    """A kecamatan or desa as a schema.org ``AdministrativeArea``, with its
    Kemendagri code where known."""
    place = {"@type": "AdministrativeArea", "name": region.name}
    if region.code:
        place["identifier"] = region.code
    return place


class AbstractWarningPage(RoutablePageMixin, KimPageMixin, Page):
    """A warning about a hazard for kecamatan and desa of the district, valid
    from one moment until another.

    The title is the headline. Publishing goes through the normal moderation
    (the "KIM review" workflow); ticking *cancelled* and publishing withdraws
    the warning (CAP ``msgType`` Cancel). The admin form
    (``WarningAdminForm``) reads and shows *valid from* and *valid until* on
    the warning's own clock (``time_zone``). Extension contract: subclass to add
    fields; ``get_status(moment)``, ``get_instruction_steps()``,
    ``get_cap_message_type()`` and ``get_kim_reports()`` may be overridden.
    Its CAP 1.2 document is at ``cap/`` below the page. Renders with
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
        # the banner, the feeds and the list read by it
        db_index=True,
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
    base_form_class = WarningAdminForm

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
        moment = moment or levels.now()
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

    def get_share_lines(self):
        """The level, the hazard and the area, then how long the warning is
        in force (on the warning's own clock), or that it no longer is."""
        parts = [str(self.get_level_label())]
        if self.hazard_id:
            parts.append(self.hazard.name)
        if self.area_description:
            parts.append(self.area_description)
        status = self.get_status()
        if status in (STATUS_CANCELLED, STATUS_EXPIRED):
            validity = str(STATUS_LABELS[status]).upper()
        else:
            validity = _("In force from %(start)s until %(end)s") % {
                "start": self.get_valid_from_display(),
                "end": self.get_valid_until_display(),
            }
        return [" · ".join(parts), validity]

    def get_social_description(self):
        if self.search_description:
            return self.search_description
        return self.description[:200]

    def get_expiry(self):
        """When the warning stops being in force: ``valid_until``, or the
        moment its cancellation was published if that came first."""
        if self.cancelled and self.last_published_at:
            return min(self.valid_until, self.last_published_at)
        return self.valid_until

    def get_areas(self):
        """``(kecamatan, desa)``: the affected regions as lists, each desa with
        its kecamatan; read once per page object (the page shows them and its
        JSON-LD names them)."""
        areas = self.__dict__.get("_kim_areas")
        if areas is None:
            areas = self._kim_areas = (
                list(self.kecamatan.all()),
                list(self.desa.select_related("kecamatan")),
            )
        return areas

    def get_structured_data(self):
        """A schema.org ``SpecialAnnouncement``: the headline, what is
        happening and what to do, when it was posted and expires (on the
        warning's clock), the hazard as its category, the kecamatan and desa
        as ``AdministrativeArea`` and the issuing agency as author."""
        areas = {}
        kecamatan_list, desa_list = self.get_areas()
        for kecamatan in kecamatan_list:
            areas[kecamatan.pk] = administrative_area(kecamatan)
        places = list(areas.values())
        for desa in desa_list:
            place = administrative_area(desa)
            place["containedInPlace"] = areas.get(desa.kecamatan_id) or (
                administrative_area(desa.kecamatan)
            )
            places.append(place)
        text = self.description
        steps = self.get_instruction_steps()
        if steps:
            text += "\n\n" + "\n".join(steps)
        data = {
            "@context": "https://schema.org",
            "@type": "SpecialAnnouncement",
            "name": self.title,
            "text": text,
            "inLanguage": self.locale.language_code,
            "category": self.hazard.name,
            "expires": self.local(self.get_expiry()).isoformat(),
            "spatialCoverage": places,
            "author": {"@type": "GovernmentOrganization", "name": self.issuing_agency},
        }
        if self.first_published_at:
            data["datePosted"] = self.local(self.first_published_at).isoformat()
        if self.last_published_at:
            data["dateModified"] = self.local(self.last_published_at).isoformat()
        url = self.get_full_url()
        if url:
            data["url"] = url
        if self.source_url:
            data["isBasedOn"] = self.source_url
        return data

    @classmethod
    def get_serve_queryset(cls):
        return super().get_serve_queryset().select_related("hazard")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        moment = levels.now()
        context["warning_status"] = self.get_status(moment)
        context["warning_active"] = context["warning_status"] == STATUS_ACTIVE
        context["warning_steps"] = self.get_instruction_steps()
        context["warning_kecamatan"], context["warning_desa"] = self.get_areas()
        context["cap_url"] = self.get_cap_url(request)
        # read when rendered, not when kept ({% kim_kept page %})
        context["warning_guides"] = LazyRows(self.get_guides)
        kecamatan_ids = [k.pk for k in context["warning_kecamatan"]]
        desa_ids = [d.pk for d in context["warning_desa"]]
        context["kim_reports"] = LazyRows(
            lambda: self.get_kim_reports(kecamatan_ids, desa_ids)
        )
        return context

    #: How long before ``valid_from`` a KIM report may have been seen and
    #: still belong to the warning: groups often see a fire before the
    #: agency warns of it.
    kim_report_lead = datetime.timedelta(days=1)

    def get_kim_reports(self, kecamatan_ids, desa_ids):
        """The KIM disaster reports of this warning's hazard from its
        kecamatan or desa, seen from ``kim_report_lead`` before it starts
        until it ends, newest first."""
        from kim_cms.pages.groups import disaster_reports

        return disaster_reports(
            self.hazard,
            self.locale_id,
            kecamatan_ids=kecamatan_ids,
            desa_ids=desa_ids,
            since=self.valid_from - self.kim_report_lead,
            until=self.valid_until,
        )

    #: The most preparedness guides a warning links to (by title): the
    #: warning list links to all of them.
    guides_shown = 5

    def get_guides(self):
        """The live, public preparedness guides of this warning's hazard, in
        its language: the first ``guides_shown``."""
        from kim_cms.pages.guides import guides_for_hazard

        # by title, read by their kept rows: not every guide of the hazard
        # sorted again on each visit
        guides = guides_for_hazard(self.hazard, self.locale_id)
        return page_rows(guides, 0, self.guides_shown)

    # CAP ------------------------------------------------------------------

    def get_cap_translations(self):
        """The live, public translations of this warning (itself included),
        the default content language first: one ``<info>`` each."""
        return type(self).load_cap_translations([self])[self.translation_key]

    @classmethod
    def load_cap_translations(cls, warnings):
        """``{translation_key: [page, ...]}``: the live, public translations
        of ``warnings`` (each included) in one query, the default content
        language first."""
        from kim_cms.i18n import default_content_language

        found = defaultdict(list)
        pages = (
            cls.objects.live()
            .filter(public_q())
            .filter(translation_key__in={w.translation_key for w in warnings})
            .select_related("hazard", "locale")
        )
        for page in pages:
            found[page.translation_key].append(page)
        for warning in warnings:
            translations = found[warning.translation_key]
            if not any(p.pk == warning.pk for p in translations):
                translations.append(warning)
        default = default_content_language()
        for translations in found.values():
            translations.sort(
                key=lambda p: (p.locale.language_code != default, p.locale_id)
            )
        return found

    @classmethod
    def load_cap_messages(cls, warnings, request=None):
        """Work out the CAP messages of ``warnings`` in two queries (for the
        feeds): each one's ``get_cap_messages()`` then queries nothing."""
        translations = cls.load_cap_translations(warnings)
        moments = publication_moments(
            [p.pk for pages in translations.values() for p in pages]
        )
        # the warnings of one list share a site, and so a sender
        sender = cap_sender(warnings[0], request) if warnings else ""
        for warning in warnings:
            warning._cap_messages = messages_of(
                translations[warning.translation_key], moments, sender
            )

    def get_cap_messages(self, request=None, pages=None):
        """The CAP messages of this warning, oldest first, the current one
        last: one for each time it was published in any of the languages it
        is published in (``pages``, by default its live translations). The
        document and the feeds take the identifier from here."""
        if pages is None:
            cached = getattr(self, "_cap_messages", None)
            if cached is not None:
                return cached
            pages = self.get_cap_translations()
        moments = publication_moments([p.pk for p in pages])
        return messages_of(pages, moments, cap_sender(pages[0], request))

    def get_cap_url(self, request=None):
        """The absolute address of this warning's CAP document."""
        return (self.get_full_url(request=request) or "") + self.reverse_subpage(
            "cap"
        ).lstrip("/")

    def get_cap_identifier(self, request=None):
        """The identifier of the current CAP message of this warning, the
        same in every language (the feeds' guid)."""
        return self.get_cap_messages(request)[-1].identifier

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("cap/", name="cap")
    def cap_document(self, request):
        """The warning as a CAP 1.2 document, one ``<info>`` per language."""
        return HttpResponse(
            build_cap(self.get_cap_translations(), request),
            content_type=f"{CAP_CONTENT_TYPE}; charset=utf-8",
        )

    def get_cap_message_type(self, messages=None):
        """``Alert`` for the first publication in any language, ``Update``
        for later ones, ``Cancel`` when cancelled."""
        if self.cancelled:
            return "Cancel"
        messages = messages if messages is not None else self.get_cap_messages()
        return "Update" if len(messages) > 1 else "Alert"


class WarningPage(AbstractWarningPage):
    """The default disaster warning."""

    template = "kim_cms/pages/warning_page.html"
    parent_page_types = ["kim_cms.WarningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("disaster warning")
        verbose_name_plural = _("disaster warnings")
