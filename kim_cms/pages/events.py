"""Cultural events: festivals, adat rituals, performances, culinary events and
traditional sports, with a listing, a month view and calendar files."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.blocks import BodyStreamBlock
from kim_cms.conf import kim_settings
from kim_cms.datetimes import format_month, format_occurrence
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimGroupSectionMixin,
    KimIndexPageMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
)
from kim_cms.pages.queries import localized, prefetch_renditions, public_q
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import paginate, parse_id, parse_month, parse_slug
from kim_cms.schedule import (
    RECURRENCE_NONE,
    RECURRENCE_YEARLY,
    EventSchedule,
    zone_abbreviation,
)
from kim_cms.visibility import is_public, mark_public

TIME_ZONE_CHOICES = [
    ("Asia/Jakarta", _("WIB: Western Indonesia (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA: Central Indonesia (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT: Eastern Indonesia (Asia/Jayapura)")),
]

STATUS_SCHEDULED = "scheduled"
STATUS_CANCELLED = "cancelled"
STATUS_POSTPONED = "postponed"
STATUS_CHOICES = [
    (STATUS_SCHEDULED, _("Scheduled")),
    (STATUS_CANCELLED, _("Cancelled")),
    (STATUS_POSTPONED, _("Postponed")),
]

SCHEMA_STATUS = {
    STATUS_SCHEDULED: "https://schema.org/EventScheduled",
    STATUS_CANCELLED: "https://schema.org/EventCancelled",
    STATUS_POSTPONED: "https://schema.org/EventPostponed",
}

RECURRENCE_CHOICES = [
    (RECURRENCE_NONE, _("Does not repeat")),
    (RECURRENCE_YEARLY, _("Every year, on the same dates")),
]

SCHEDULE_FIELDS = (
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "time_zone",
    "recurrence",
    "until_year",
)

CARD_RENDITION = "fill-160x160|format-webp"


def default_event_time_zone():
    """``KIM_CMS_TIME_ZONE`` when it is an Indonesian zone, else WIB.

    A callable default: the setting never ends up in a migration.
    """
    configured = kim_settings.TIME_ZONE
    if configured in dict(TIME_ZONE_CHOICES):
        return configured
    return "Asia/Jakarta"


def now():
    """The current moment (a seam for tests)."""
    return timezone.now()


@dataclass
class EventEntry:
    """An event page in a listing with the occurrence the listing shows."""

    page: Page
    occurrence: object

    @property
    def is_past(self):
        return self.occurrence.is_past(now())


def _schedules(queryset):
    """``(pk, EventSchedule)`` for every event of ``queryset``: one query."""
    for row in queryset.values("pk", *SCHEDULE_FIELDS).iterator():
        pk = row.pop("pk")
        yield pk, EventSchedule(**row)


def upcoming_filter(today):
    """Events that may still be on or ahead (the exact test runs in Python)."""
    margin = today - datetime.timedelta(days=2)
    return (
        Q(recurrence=RECURRENCE_YEARLY, until_year__isnull=True)
        | Q(recurrence=RECURRENCE_YEARLY, until_year__gte=margin.year)
        | Q(end_date__gte=margin)
        | Q(end_date__isnull=True, start_date__gte=margin)
    )


def upcoming_occurrences(queryset, moment=None):
    """``(occurrence, pk)`` of events happening now or later, soonest first;
    yearly events by their next occurrence."""
    moment = moment or now()
    found = []
    for pk, schedule in _schedules(queryset.filter(upcoming_filter(moment.date()))):
        occurrence = schedule.next_occurrence(moment)
        if occurrence is not None:
            found.append((occurrence, pk))
    found.sort(key=lambda item: (item[0].start, item[1]))
    return found


def past_occurrences(queryset, moment=None):
    """``(occurrence, pk)`` of events that are over, latest first; a yearly
    event is past once its final year is over."""
    moment = moment or now()
    found = []
    candidates = queryset.exclude(recurrence=RECURRENCE_YEARLY, until_year__isnull=True)
    for pk, schedule in _schedules(candidates):
        last = schedule.last_occurrence()
        if last is not None and last.is_past(moment):
            found.append((last, pk))
    found.sort(key=lambda item: (item[0].start, item[1]), reverse=True)
    return found


def month_occurrences(queryset, year, month):
    """``(occurrence, pk)`` of every occurrence touching a calendar month."""
    first_day = datetime.date(year, month, 1)
    last_day = _add_months(first_day, 1) - datetime.timedelta(days=1)
    candidates = queryset.filter(start_date__lte=last_day).filter(
        Q(recurrence=RECURRENCE_YEARLY)
        | Q(end_date__gte=first_day)
        | Q(end_date__isnull=True, start_date__gte=first_day)
    )
    found = []
    for pk, schedule in _schedules(candidates):
        for occurrence in schedule.occurrences_between(first_day, last_day):
            found.append((occurrence, pk))
    found.sort(key=lambda item: (item[0].start, item[1]))
    return found


def _add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def load_entries(model, occurrences, renditions=True, localize=True):
    """Turn ``(occurrence, pk)`` pairs into ``EventEntry`` objects with a
    constant number of queries (pages with their images, image renditions,
    localized categories and groups). The portal's cards show neither
    category nor group (``localize=False``) and the portal fetches the card
    renditions of every section at once (``renditions=False``)."""
    if not occurrences:
        return []
    pks = {pk for _occurrence, pk in occurrences}
    pages = {
        page.pk: page
        for page in model.objects.filter(pk__in=pks).select_related(
            "category", "kecamatan", "desa", "kim_group", "locale", "image"
        )
    }
    if renditions:
        prefetch_renditions([page.image for page in pages.values()], CARD_RENDITION)
    if localize:
        from kim_cms.snippets import EventCategory

        localize_related(pages.values(), "category", EventCategory)
        localize_related(pages.values(), "kim_group", Page)
    return [
        EventEntry(page=pages[pk], occurrence=occurrence)
        for occurrence, pk in occurrences
        if pk in pages
    ]


def localize_related(pages, field, model):
    """Point each page's ``field`` (a translatable object) at its translation
    in the page's language when there is one, with one query."""
    wrong = [
        page
        for page in pages
        if getattr(page, field) is not None
        and getattr(page, field).locale_id != page.locale_id
    ]
    if not wrong:
        return
    keys = {getattr(page, field).translation_key for page in wrong}
    translations = {
        (obj.translation_key, obj.locale_id): obj
        for obj in model.objects.filter(translation_key__in=keys)
    }
    for page in wrong:
        key = (getattr(page, field).translation_key, page.locale_id)
        if key in translations:
            setattr(page, field, translations[key])


def calendar_response(calendar, filename):
    """An ``.ics`` download (``text/calendar``), cacheable like the page."""
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response


class AbstractCulturalEventIndexPage(
    RoutablePageMixin, KimGroupSectionMixin, KimIndexPageMixin, Page
):
    """The list of cultural events of a portal.

    Routes (plain GET, cacheable): the upcoming events (``?category=<slug>``,
    ``?kecamatan=<id>``, ``?month=YYYY-MM``, ``?page=N``); ``past/`` (events
    that are over, newest first); ``month/<year>/<month>/`` (a month, with
    previous and next links); ``ics/`` (a calendar feed to subscribe to).

    Extension contract: ``event_model`` is the page model listed (a subclass
    of ``AbstractCulturalEventPage``); override ``get_events()`` to change
    which events appear.
    """

    introduction = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("Shown above the list of events."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = [TranslatableField("introduction")]

    kim_cms_template = "kim_cms/pages/cultural_event_index_page.html"
    event_model = "kim_cms.CulturalEventPage"

    class Meta:
        abstract = True

    def get_event_model(self):
        from django.apps import apps

        return apps.get_model(self.event_model)

    def get_events(self):
        """The live, public events of this index (a queryset)."""
        return self.in_section(self.get_event_model().objects.live().filter(public_q()))

    def filter_events(self, request, queryset):
        """Apply ``?category`` and ``?kecamatan``; unreadable values are ignored."""
        from kim_cms.snippets import Kecamatan

        filters = {}
        category = parse_slug(request.GET.get("category"))
        if category:
            filters["category"] = category
            queryset = queryset.filter(category__slug=category)
        kecamatan = parse_id(request.GET.get("kecamatan"), Kecamatan)
        if kecamatan:
            filters["kecamatan"] = str(kecamatan)
            queryset = queryset.filter(kecamatan_id=kecamatan)
        return queryset, filters

    def get_filter_choices(self):
        """Categories (in this page's language) and kecamatan used by events."""
        from kim_cms.snippets import EventCategory, Kecamatan

        events = self.in_section(
            self.get_event_model().objects.live().filter(public_q())
        )
        categories = EventCategory.objects.filter(locale_id=self.locale_id)
        kecamatan = Kecamatan.objects.filter(
            pk__in=events.filter(kecamatan__isnull=False).values("kecamatan_id")
        )
        return list(categories), list(kecamatan)

    def paginate(self, request, items):
        return paginate(request, items, kim_settings.PAGE_SIZE)

    def render_listing(self, request, view, occurrences, filters, **extra):
        page_obj = self.paginate(request, occurrences)
        entries = load_entries(self.get_event_model(), list(page_obj.object_list))
        categories, kecamatan = self.get_filter_choices()
        context = {
            "view": view,
            "entries": entries,
            "page_obj": page_obj,
            "filters": filters,
            "filter_query": urlencode(filters),
            "categories": categories,
            "kecamatan_list": kecamatan,
            "ics_url": self.url + self.reverse_subpage("ics"),
            "past_url": self.url + self.reverse_subpage("past"),
        }
        context.update(extra)
        return self.render(request, context_overrides=context)

    def month_context(self, year, month, filters):
        first_day = datetime.date(year, month, 1)
        language = translation.get_language()
        context = {
            "month": first_day,
            "month_label": format_month(year, month, language),
        }
        query = "?" + urlencode(filters) if filters else ""
        for name, months in (("previous", -1), ("next", 1)):
            day = _add_months(first_day, months)
            if 1 < day.year < 9999:
                context[f"{name}_month_url"] = (
                    self.url
                    + self.reverse_subpage("month", args=[day.year, day.month])
                    + query
                )
                context[f"{name}_month_label"] = format_month(
                    day.year, day.month, language
                )
        return context

    @path("")
    def upcoming_view(self, request):
        """Events happening now or later, or the ``?month=`` chosen."""
        queryset, filters = self.filter_events(request, self.get_events())
        raw_month = request.GET.get("month")
        month = parse_month(raw_month)
        if month:
            filters["month"] = f"{month[0]:04d}-{month[1]:02d}"
            return self.render_listing(
                request,
                "month",
                month_occurrences(queryset, *month),
                filters,
                **self.month_context(
                    *month, {k: v for k, v in filters.items() if k != "month"}
                ),
            )
        return self.render_listing(
            request,
            "upcoming",
            upcoming_occurrences(queryset),
            filters,
            month_unreadable=bool(raw_month),
        )

    @path("past/", name="past")
    def past_view(self, request):
        """Events that are over, newest first."""
        queryset, filters = self.filter_events(request, self.get_events())
        return self.render_listing(request, "past", past_occurrences(queryset), filters)

    @path("month/<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        """Every occurrence in one calendar month, with previous/next links."""
        if parse_month(f"{year:04d}-{month:02d}") is None:
            raise Http404("No such month")
        queryset, filters = self.filter_events(request, self.get_events())
        return self.render_listing(
            request,
            "month",
            month_occurrences(queryset, year, month),
            filters,
            **self.month_context(year, month, filters),
        )

    @path("ics/", name="ics")
    def ics_view(self, request):
        """A calendar feed of upcoming and recent events, to subscribe to."""
        from kim_cms.ics import build_calendar

        moment = now()
        queryset = self.get_events()
        recent = moment - datetime.timedelta(days=365)
        occurrences = upcoming_occurrences(queryset, moment) + [
            item
            for item in past_occurrences(queryset, moment)
            if item[0].start >= recent
        ]
        entries = load_entries(self.get_event_model(), occurrences)
        # whether each organising group is public, in one query
        mark_public(entry.page.kim_group for entry in entries)
        calendar = build_calendar(
            [entry.page for entry in entries], request, name=self.title
        )
        return calendar_response(calendar, self.slug)


class CulturalEventIndexPage(AbstractCulturalEventIndexPage):
    """The default list of cultural events."""

    template = "kim_cms/pages/cultural_event_index_page.html"
    subpage_types = ["kim_cms.CulturalEventPage"]

    class Meta:
        verbose_name = _("cultural event list")
        verbose_name_plural = _("cultural event lists")


class AbstractCulturalEventPage(
    RoutablePageMixin,
    KimGroupAuthoredMixin,
    KimVerifiedPageMixin,
    KimPageMixin,
    Page,
):
    """A cultural event: a festival, an adat ritual, a performance, a culinary
    event, traditional sports, an exhibition.

    Times are entered as the poster reads them, in the event's own zone (see
    ``kim_cms.schedule``); ``start`` and ``end`` are aware datetimes computed
    from them and ``next_occurrence()`` follows yearly repetition. The route
    ``ics/`` downloads the event as a calendar file.

    Extension contract: subclass it to add fields; the page renders with
    ``kim_cms/pages/cultural_event_page.html`` unless your app ships its own
    template. Override ``get_ics_event(request)`` (``kim_cms.ics``) or
    ``get_structured_data()`` to add properties.
    """

    category = models.ForeignKey(
        "kim_cms.EventCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in lists, link previews and calendar apps."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=STATUS_CHOICES,
        default=STATUS_SCHEDULED,
        help_text=_("Cancelled and postponed events are marked clearly everywhere."),
    )
    status_note = models.CharField(
        _("status note"),
        max_length=200,
        blank=True,
        help_text=_("Why it is cancelled or postponed, or when it will take place."),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("As on the poster, in the event's time zone, e.g. 19:00."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an event on one day."),
    )
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the event runs until it is finished."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick for an event without set times: then leave the times empty."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TIME_ZONE_CHOICES,
        default=default_event_time_zone,
        help_text=_("The zone of the place where the event happens."),
    )
    recurrence = models.CharField(
        _("repeats"),
        max_length=10,
        choices=RECURRENCE_CHOICES,
        default=RECURRENCE_NONE,
        help_text=_("Annual festivals repeat every year on the same dates."),
    )
    until_year = models.PositiveSmallIntegerField(
        _("repeats until year"),
        null=True,
        blank=True,
        help_text=_("The last year it takes place. Leave empty to repeat every year."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Lapangan Bukit Rawi or Balai Desa Pilang."),
    )
    address = models.TextField(_("address"), blank=True)
    kecamatan = models.ForeignKey(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    desa = models.ForeignKey(
        "kim_cms.Desa",
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("e.g. -2.745678 (south of the equator is negative)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("e.g. 114.123456."),
    )
    kim_group = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("organising KIM group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organiser_name = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("If the organiser is not a KIM group on this portal, its name."),
    )
    entry_fee = models.CharField(
        _("entry fee"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Free, or Rp 10.000 per person."),
    )
    registration = models.TextField(
        _("registration"),
        blank=True,
        help_text=_("How to register: who to contact, until when."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Poster or photo, shown on its page, in lists and link previews."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldPanel("all_day"),
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("until_year")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("kecamatan"), FieldPanel("desa")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("kim_group", page_type="kim_cms.KimGroupPage"),
                FieldPanel("organiser_name"),
            ],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("entry_fee"),
                FieldPanel("registration"),
                FieldPanel("registration_url"),
            ],
            heading=_("Taking part"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("organiser_name"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("kecamatan_id"),
    ]
    api_fields = [
        APIField("category"),
        APIField("summary"),
        APIField("status"),
        APIField("status_note"),
        APIField("start_date"),
        APIField("start_time"),
        APIField("end_date"),
        APIField("end_time"),
        APIField("all_day"),
        APIField("time_zone"),
        APIField("recurrence"),
        APIField("until_year"),
        APIField("venue"),
        APIField("address"),
        APIField("kecamatan"),
        APIField("desa"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("organiser_name"),
        APIField("entry_fee"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("image"),
        APIField("body"),
    ]
    override_translatable_fields = [
        TranslatableField("category"),
        TranslatableField("summary"),
        SynchronizedField("status"),
        TranslatableField("status_note"),
        SynchronizedField("start_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_date"),
        SynchronizedField("end_time"),
        SynchronizedField("all_day"),
        SynchronizedField("time_zone"),
        SynchronizedField("recurrence"),
        SynchronizedField("until_year"),
        TranslatableField("venue"),
        SynchronizedField("address"),
        SynchronizedField("kecamatan"),
        SynchronizedField("desa"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("kim_group"),
        TranslatableField("organiser_name"),
        TranslatableField("entry_fee"),
        TranslatableField("registration"),
        SynchronizedField("registration_url"),
        SynchronizedField("image"),
        TranslatableField("body"),
    ]

    kim_cms_template = "kim_cms/pages/cultural_event_page.html"
    kim_group_section_title = _("Cultural events")
    card_select_related = ("image", "kecamatan")

    class Meta:
        abstract = True

    # Validation -----------------------------------------------------------

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        if self.desa_id and not self.kecamatan_id:
            self.kecamatan_id = self.desa.kecamatan_id
        for field, messages in self.validation_errors().items():
            errors.setdefault(field, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def validation_errors(self):
        """``{field: [message]}``: what an editor must fix, in plain words."""
        errors = {}

        def add(field, message, **params):
            errors.setdefault(field, []).append(
                ValidationError(message, params=params or None)
            )

        if self.all_day:
            for field in ("start_time", "end_time"):
                if getattr(self, field) is not None:
                    add(
                        field,
                        _(
                            "An all-day event has no times. Clear this time, or "
                            "untick “All day”."
                        ),
                    )
        elif self.start_date and self.start_time is None:
            add(
                "start_time",
                _(
                    "Enter the time the event starts, or tick “All day” if it "
                    "has no set time."
                ),
            )
        if self.start_date and self.end_date:
            if self.end_date < self.start_date:
                add(
                    "end_date",
                    _(
                        "The event ends before it starts: the end date must be on "
                        "or after the start date."
                    ),
                )
            elif (
                not self.all_day
                and self.end_date == self.start_date
                and self.start_time is not None
                and self.end_time is not None
                and self.end_time <= self.start_time
            ):
                add(
                    "end_time",
                    _(
                        "The event ends before it starts: the end time must be "
                        "after the start time. If it ends after midnight, set the "
                        "end date to the next day."
                    ),
                )
            if (
                self.recurrence == RECURRENCE_YEARLY
                and (self.end_date - self.start_date).days >= 365
            ):
                add(
                    "end_date",
                    _("An event that repeats every year must last less than a year."),
                )
        if self.until_year is not None:
            if self.recurrence != RECURRENCE_YEARLY:
                add(
                    "until_year",
                    _(
                        "Only events that repeat every year have a last year. "
                        "Clear it, or choose “Every year”."
                    ),
                )
            elif self.start_date and self.until_year < self.start_date.year:
                add(
                    "until_year",
                    _("The last year cannot be before the first: %(year)s."),
                    year=self.start_date.year,
                )
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            add(
                "latitude",
                _(
                    "Latitude must be between -90 and 90 (in Indonesia between "
                    "about -11 and 6). Did you swap latitude and longitude?"
                ),
            )
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            add(
                "longitude",
                _(
                    "Longitude must be between -180 and 180 (in Indonesia "
                    "between about 95 and 141)."
                ),
            )
        if (self.latitude is None) != (self.longitude is None):
            missing = "latitude" if self.latitude is None else "longitude"
            add(missing, _("Enter both latitude and longitude, or neither."))
        if (
            self.desa_id
            and self.kecamatan_id
            and self.desa.kecamatan_id != self.kecamatan_id
        ):
            add(
                "desa",
                _(
                    "%(desa)s is not in Kecamatan %(kecamatan)s. Choose a desa of "
                    "that kecamatan, or change the kecamatan."
                ),
                desa=self.desa.name,
                kecamatan=self.kecamatan.name,
            )
        return errors

    # Time -----------------------------------------------------------------

    @property
    def schedule(self):
        return EventSchedule(**{name: getattr(self, name) for name in SCHEDULE_FIELDS})

    @property
    def first_occurrence(self):
        return self.schedule.first

    @property
    def start(self):
        """The aware start of the first occurrence."""
        return self.first_occurrence.start

    @property
    def end(self):
        """The aware end of the first occurrence, or ``None``."""
        return self.first_occurrence.end

    @property
    def zone_abbreviation(self):
        return zone_abbreviation(self.time_zone)

    def next_occurrence(self, moment=None):
        """The occurrence happening now or next, or ``None`` if all are over."""
        return self.schedule.next_occurrence(moment or now())

    @property
    def display_occurrence(self):
        """The occurrence to show: the next one, else the last one held."""
        cached = self.__dict__.get("_display_occurrence")
        if cached is None:
            schedule = self.schedule
            cached = schedule.next_occurrence(now()) or schedule.last_occurrence()
            self.__dict__["_display_occurrence"] = cached
        return cached

    @property
    def is_recurring(self):
        return self.recurrence == RECURRENCE_YEARLY

    @property
    def is_cancelled(self):
        return self.status == STATUS_CANCELLED

    @property
    def is_postponed(self):
        return self.status == STATUS_POSTPONED

    # Presentation -----------------------------------------------------------

    @classmethod
    def get_serve_queryset(cls):
        """A served event comes with what its page shows."""
        return (
            super()
            .get_serve_queryset()
            .select_related(
                "image", "category__locale", "kecamatan", "desa", "kim_group__locale"
            )
        )

    def get_organiser(self):
        """``(name, page or None)``: the KIM group (in the reader's language
        when translated) unless it is a draft or private, else the organiser
        typed in (memoized)."""
        if "_kim_organiser" not in self.__dict__:
            group = self.kim_group
            if group is not None and group.live and group.locale_id != self.locale_id:
                group = localized(group)
            if is_public(group):
                organiser = (group.title, group)
            else:
                organiser = (self.organiser_name, None)
            self._kim_organiser = organiser
        return self._kim_organiser

    def get_category(self):
        category = self.category
        if category is None or category.locale_id == self.locale_id:
            return category
        return localized(category)

    def get_place_line(self):
        """``Lapangan Bukit Rawi, Kahayan Tengah``."""
        parts = [self.venue]
        if self.desa_id:
            parts.append(self.desa.name)
        if self.kecamatan_id:
            parts.append(self.kecamatan.name)
        return ", ".join(part for part in parts if part)

    def get_status_label(self):
        return "" if self.status == STATUS_SCHEDULED else self.get_status_display()

    def get_card_meta(self):
        parts = [self.get_status_label()]
        occurrence = self.display_occurrence
        if occurrence is not None:
            parts.append(format_occurrence(occurrence))
        if self.venue:
            parts.append(self.venue)
        if self.kecamatan_id:
            parts.append(self.kecamatan.name)
        return " · ".join(part for part in parts if part)

    def get_social_image(self):
        return self.image

    def get_social_description(self):
        description = super().get_social_description()
        occurrence = self.display_occurrence
        when = format_occurrence(occurrence) if occurrence else ""
        return " ".join(
            part for part in (self.get_status_label(), when, description) if part
        )

    def get_structured_data(self):
        """A schema.org ``Event``: the next (or last) occurrence with its
        offset, status, place with address and coordinates, and organiser."""
        occurrence = self.display_occurrence
        if occurrence is None:
            return None
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": self.full_url,
            "inLanguage": self.locale.language_code,
            "eventStatus": SCHEMA_STATUS[self.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        }
        if occurrence.all_day:
            data["startDate"] = occurrence.start_date.isoformat()
            data["endDate"] = occurrence.end_date.isoformat()
        else:
            data["startDate"] = occurrence.start.isoformat()
            if occurrence.end is not None:
                data["endDate"] = occurrence.end.isoformat()
        description = self.summary or self.search_description
        if description:
            data["description"] = description
        place = {"@type": "Place"}
        if self.venue:
            place["name"] = self.venue
        address = {"@type": "PostalAddress", "addressCountry": "ID"}
        if self.address:
            address["streetAddress"] = self.address
        if self.desa_id:
            address["addressLocality"] = self.desa.name
        if self.kecamatan_id:
            address["addressRegion"] = self.kecamatan.name
        place["address"] = address
        if self.latitude is not None and self.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        data["location"] = place
        name, group = self.get_organiser()
        if name:
            organizer = {"@type": "Organization", "name": name}
            if group is not None:
                organizer["url"] = group.full_url
            data["organizer"] = organizer
        if self.image_id:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            url = rendition.url
            if not url.startswith(("http://", "https://")):
                parts = self.get_url_parts()  # the site's root URL, no query
                url = ((parts[1] or "") if parts else "") + url
            data["image"] = [url]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = self.url + self.reverse_subpage("ics") if self.url else ""
        context["occurrence"] = self.display_occurrence
        context["category"] = self.get_category()
        name, group = self.get_organiser()
        context["organiser_name"] = name
        context["organiser_page"] = group
        return context

    def get_ics_event(self, request=None):
        """The ``icalendar.Event`` exported for this page (see ``kim_cms.ics``)."""
        from kim_cms.ics import event_component

        return event_component(self, request)

    @path("ics/", name="ics")
    def ics_view(self, request):
        """The event as a calendar file (plain GET, cacheable)."""
        from kim_cms.ics import build_calendar

        return calendar_response(build_calendar([self], request), self.slug)


class CulturalEventPage(AbstractCulturalEventPage):
    """The default cultural event page."""

    template = "kim_cms/pages/cultural_event_page.html"
    parent_page_types = ["kim_cms.CulturalEventIndexPage", "kim_cms.KimGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cultural event")
        verbose_name_plural = _("cultural events")


# Portal section ------------------------------------------------------------


def upcoming_events_for_portal(portal, request, count):
    """The next ``count`` live, public events under ``portal`` in its language."""
    queryset = (
        CulturalEventPage.objects.descendant_of(portal)
        .live()
        .filter(public_q())
        .filter(locale_id=portal.locale_id)
    )
    entries = load_entries(
        CulturalEventPage,
        upcoming_occurrences(queryset)[:count],
        renditions=False,
        localize=False,
    )
    for entry in entries:
        entry.page.__dict__["_display_occurrence"] = entry.occurrence
    return [entry.page for entry in entries]


register_portal_section(
    PortalSection(
        key="events",
        title=pgettext_lazy("portal section", "Upcoming events"),
        items=upcoming_events_for_portal,
        index_model="kim_cms.CulturalEventIndexPage",
        order=30,
    )
)
