"""The warning page: a hazard, a status level, the kecamatan and desa
affected, what to do now, and when it is valid; its CAP 1.2 document is at
``cap/`` below the page."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.datetimes import format_datetime
from kim_cms.outputs.cap import (
    CAP_CONTENT_TYPE,
    build_cap,
    cap_sender,
    message_identifier,
)
from kim_cms.pages.base import KimPageMixin
from kim_cms.pages.warnings import levels
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
from kim_cms.queries import public_q
from kim_cms.schedule import zone_abbreviation


class AbstractWarningPage(RoutablePageMixin, KimPageMixin, Page):
    """A warning about a hazard for kecamatan and desa of the district, valid
    from one moment until another.

    The title is the headline. Publishing goes through the normal moderation
    (the "KIM review" workflow); ticking *cancelled* and publishing withdraws
    the warning (CAP ``msgType`` Cancel). Extension contract: subclass to add
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

    @classmethod
    def get_serve_queryset(cls):
        return super().get_serve_queryset().select_related("hazard")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        moment = levels.now()
        context["warning_status"] = self.get_status(moment)
        context["warning_active"] = context["warning_status"] == STATUS_ACTIVE
        context["warning_steps"] = self.get_instruction_steps()
        context["warning_kecamatan"] = list(self.kecamatan.all())
        context["warning_desa"] = list(self.desa.select_related("kecamatan"))
        context["cap_url"] = self.get_cap_url(request)
        context["warning_guides"] = self.get_guides()
        context["kim_reports"] = self.get_kim_reports(
            [k.pk for k in context["warning_kecamatan"]],
            [d.pk for d in context["warning_desa"]],
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
        return message_identifier(
            cap_sender(self, request),
            self.translation_key,
            self.last_published_at or self.latest_revision_created_at or levels.now(),
        )

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

    def get_cap_message_type(self):
        """``Alert`` when first published, ``Update`` once republished,
        ``Cancel`` when cancelled."""
        if self.cancelled:
            return "Cancel"
        first, last = self.first_published_at, self.last_published_at
        if first and last and last > first:
            return "Update"
        return "Alert"


class WarningPage(AbstractWarningPage):
    """The default disaster warning."""

    template = "kim_cms/pages/warning_page.html"
    parent_page_types = ["kim_cms.WarningIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("disaster warning")
        verbose_name_plural = _("disaster warnings")
