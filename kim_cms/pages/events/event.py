"""A cultural event: a festival, an adat ritual, a performance, a culinary
event, traditional sports; its schedule, place, organiser and calendar file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
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
from kim_cms.datetimes import format_occurrence
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimPageMixin,
    KimVerifiedPageMixin,
    update_each_page_model,
)
from kim_cms.pages.events import occurrences
from kim_cms.pages.events.occurrences import SCHEDULE_FIELDS
from kim_cms.queries import localized
from kim_cms.schedule import (
    RECURRENCE_NONE,
    RECURRENCE_YEARLY,
    EventSchedule,
    zone_abbreviation,
)
from kim_cms.visibility import is_public

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


def default_event_time_zone():
    """``KIM_CMS_TIME_ZONE`` when it is an Indonesian zone, else WIB.

    A callable default: the setting never ends up in a migration.
    """
    configured = kim_settings.TIME_ZONE
    if configured in dict(TIME_ZONE_CHOICES):
        return configured
    return "Asia/Jakarta"


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
    template. Override ``get_ics_event(request)`` (``kim_cms.outputs.ics``) or
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
    # The occurrence happening now or next as of ``next_checked_at`` (both
    # empty when all are over): listings filter and sort on these columns
    # instead of computing every event's occurrences (see ``occurrences``).
    next_start = models.DateTimeField(
        _("next occurrence starts"), null=True, editable=False, db_index=True
    )
    next_ends_by = models.DateTimeField(
        _("next occurrence is over"), null=True, editable=False, db_index=True
    )
    next_checked_at = models.DateTimeField(
        _("next occurrence worked out at"), null=True, editable=False
    )
    # The final occurrence (both empty for an event repeating forever): the
    # list of past events and the calendar file sort and page on these.
    last_start = models.DateTimeField(
        _("last occurrence starts"), null=True, editable=False, db_index=True
    )
    last_ends_by = models.DateTimeField(
        _("last occurrence is over"), null=True, editable=False, db_index=True
    )

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

    def refresh_next_occurrence(self, moment=None):
        """Work out the stored next occurrence (``next_start``, ``next_ends_by``)
        as of ``moment`` (now), and the final one (``last_start``,
        ``last_ends_by``); saves nothing."""
        moment = moment or occurrences.now()
        stored = occurrences.stored_occurrences(
            self.schedule if self.start_date else None, moment
        )
        for name, value in stored.items():
            setattr(self, name, value)

    def save(self, *args, **kwargs):
        """Saving (and so publishing) refreshes the stored next occurrence."""
        self.refresh_next_occurrence()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(SCHEDULE_FIELDS):
            kwargs["update_fields"] = {*update_fields, *occurrences.STORED_FIELDS}
        return super().save(*args, **kwargs)

    def next_occurrence(self, moment=None):
        """The occurrence happening now or next, or ``None`` if all are over."""
        return self.schedule.next_occurrence(moment or occurrences.now())

    @property
    def display_occurrence(self):
        """The occurrence to show: the next one, else the last one held."""
        cached = self.__dict__.get("_display_occurrence")
        if cached is None:
            schedule = self.schedule
            cached = (
                schedule.next_occurrence(occurrences.now())
                or schedule.last_occurrence()
            )
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

    def get_share_lines(self):
        """Cancelled or postponed first, then when (the next occurrence, in
        the event's own zone) and where."""
        occurrence = self.display_occurrence
        status = self.get_status_label()
        return [
            f"{str(status).upper()}: {self.status_note}".strip(" :") if status else "",
            format_occurrence(occurrence) if occurrence else "",
            self.get_place_line(),
        ]

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
        """The ``icalendar.Event`` exported for this page (see ``kim_cms.outputs.ics``)."""
        from kim_cms.outputs.ics import event_component

        return event_component(self, request)

    @path("ics/", name="ics")
    def ics_view(self, request):
        """The event as a calendar file (plain GET, cacheable)."""
        from kim_cms.outputs.ics import build_calendar, calendar_response

        return calendar_response(build_calendar([self], request), self.slug)


class CulturalEventPage(AbstractCulturalEventPage):
    """The default cultural event page."""

    template = "kim_cms/pages/cultural_event_page.html"
    parent_page_types = ["kim_cms.CulturalEventIndexPage", "kim_cms.KimGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("cultural event")
        verbose_name_plural = _("cultural events")


def work_out_new_rows(**kwargs):
    """After ``migrate``: the stored occurrences of events never worked out
    (rows saved before the columns existed, of kim_cms's event page and a
    site's subclasses). The landing page reads only rows worked out."""
    update_each_page_model(
        AbstractCulturalEventPage,
        "next_checked_at",
        lambda events: occurrences.refresh_stored(
            events.filter(next_checked_at__isnull=True)
        ),
        kwargs.get("using", "default"),
    )
