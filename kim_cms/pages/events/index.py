"""The list of cultural events: upcoming, past, a month, the calendar feed,
and the portal's upcoming events."""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Exists, Max, Min, OuterRef
from django.http import Http404
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from kim_cms import page_cache
from kim_cms.blocks import BodyStreamBlock
from kim_cms.datetimes import format_month
from kim_cms.pages.base import KimGroupSectionMixin
from kim_cms.pages.events import occurrences
from kim_cms.pages.events.event import (
    AbstractCulturalEventPage,
    CulturalEventPage,
    default_event_time_zone,
)
from kim_cms.pages.events.month_calendar import build_month, month_choices, today
from kim_cms.pages.events.occurrences import (
    ENTRY_RELATED,
    PastOccurrences,
    UpcomingOccurrences,
    add_months,
    load_entries,
    month_occurrences,
    refresh_stored,
    upcoming_pages,
)
from kim_cms.pages.indexes import AbstractKimIndexPage
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import parse_id, parse_month, parse_slug
from kim_cms.queries import LazyRows, in_locale, public_q
from kim_cms.visibility import mark_public

#: How many months after the latest event the calendar links to.
MONTHS_AFTER_THE_LAST_EVENT = 12


class AbstractCulturalEventIndexPage(
    RoutablePageMixin, KimGroupSectionMixin, AbstractKimIndexPage
):
    """The list of cultural events of a portal.

    Routes (plain GET, cacheable): the upcoming events (``?category=<slug>``,
    ``?kecamatan=<id>``, ``?month=YYYY-MM``, ``?page=N``); ``past/`` (events
    that are over, newest first); ``month/<year>/<month>/`` (the month
    calendar, with previous, next and this month's links) and ``month/``
    (this month's); ``ics/`` (a calendar feed to subscribe to).

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

    kim_cms_template = "kim_cms/pages/cultural_event_index_page.html"
    event_model = "kim_cms.CulturalEventPage"
    listed_page_type = AbstractCulturalEventPage

    class Meta:
        abstract = True

    def get_event_model(self):
        from django.apps import apps

        return apps.get_model(self.event_model)

    def get_events(self):
        """The live, public events of this index (a queryset)."""
        return self.in_section(
            self.get_event_model().objects.live().filter(public_q())
        ).defer_streamfields()

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
        """Categories (in this page's language) and kecamatan used by events,
        kept with the page cache's generation (``kim_cms.page_cache.kept()``:
        a publish or a change to a snippet starts a new one)."""
        return page_cache.kept(
            "event-filters",
            (self.pk, self.locale_id, self.event_model),
            self.read_filter_choices,
        )

    def read_filter_choices(self):
        from kim_cms.snippets import EventCategory, Kecamatan

        events = self.in_section(
            self.get_event_model().objects.live().filter(public_q())
        )
        categories = EventCategory.objects.filter(locale_id=self.locale_id)
        # each kecamatan asks whether one event is held there (through the
        # events' kecamatan index), rather than every event being read
        kecamatan = Kecamatan.objects.filter(
            Exists(events.filter(kecamatan_id=OuterRef("pk")))
        )
        return list(categories), list(kecamatan)

    def render_listing(self, request, view, occurrences, filters, **extra):
        page_obj = self.paginate(request, occurrences)
        if hasattr(occurrences, "state"):  # never kept past an event's end
            page_cache.not_after(request, occurrences.state()["until"])
        rows = page_obj.object_list
        # read when the cards are rendered, not when they are kept
        entries = LazyRows(
            lambda: load_entries(
                self.get_event_model(),
                list(rows),
                pages=getattr(occurrences, "pages", None),
            ),
            getattr(rows, "key", None),
        )
        categories, kecamatan = self.get_filter_choices()
        context = {
            "view": view,
            "entries": entries,
            "page_obj": page_obj,
            "filters": filters,
            "filter_query": urlencode(filters),
            "query_string": urlencode(filters),
            "categories": categories,
            "kecamatan_list": kecamatan,
            "ics_url": self.url + self.reverse_subpage("ics"),
            "past_url": self.url + self.reverse_subpage("past"),
            "calendar_url": self.get_calendar_url(),
            "month_choices": month_choices(
                today(default_event_time_zone()), filters.get("month")
            ),
        }
        context.update(extra)
        return self.render(request, context_overrides=context)

    def get_calendar_url(self, request=None):
        """This month's calendar."""
        return self.get_url(request) + self.reverse_subpage("this_month")

    def render_calendar(self, request, year, month):
        """The month calendar: every occurrence of the month on its days."""
        queryset, filters = self.filter_events(request, self.get_events())
        entries = load_entries(
            self.get_event_model(), month_occurrences(queryset, year, month)
        )
        categories, kecamatan = self.get_filter_choices()
        current_day = today(default_event_time_zone())
        query = "?" + urlencode(filters) if filters else ""
        context = {
            "view": "calendar",
            "entries": entries,
            "calendar": build_month(year, month, entries, current_day),
            "filters": filters,
            "categories": categories,
            "kecamatan_list": kecamatan,
            "ics_url": self.url + self.reverse_subpage("ics"),
            "past_url": self.url + self.reverse_subpage("past"),
            "calendar_url": self.get_calendar_url(),
            "this_month_url": self.url
            + self.reverse_subpage("month", args=[current_day.year, current_day.month])
            + query,
            "is_this_month": (year, month) == (current_day.year, current_day.month),
            "month_choices": month_choices(current_day),
            "kim_subpage_title": format_month(year, month),
        }
        context.update(self.month_context(year, month, filters))
        return self.render(request, context_overrides=context)

    def get_month_span(self):
        """The first days of the first and last months that link to their
        neighbours: from the month of the earliest event to 12 months after
        the month of the latest occurrence (an event repeating forever: its
        next one), and always this month. Months outside answer, but link no
        further, so that no crawler walks the months for ever."""
        time_zone = ZoneInfo(default_event_time_zone())
        found = self.get_events().aggregate(
            first=Min("start_date"), last=Max("last_start"), next=Max("next_start")
        )
        this_month = today(default_event_time_zone()).replace(day=1)
        first = last = this_month
        if found["first"] is not None:
            first = min(first, found["first"].replace(day=1))
        for moment in (found["last"], found["next"]):
            if moment is not None:
                last = max(last, moment.astimezone(time_zone).date().replace(day=1))
        first = max(first, datetime.date(2, 1, 1))  # a month before it exists
        last = min(last, datetime.date(9998, 1, 1))  # and 12 months after it
        return first, add_months(last, MONTHS_AFTER_THE_LAST_EVENT)

    def month_context(self, year, month, filters):
        first_day = datetime.date(year, month, 1)
        language = translation.get_language()
        context = {
            "month": first_day,
            "month_label": format_month(year, month, language),
        }
        query = "?" + urlencode(filters) if filters else ""
        span_first, span_last = self.get_month_span()
        if not span_first <= first_day <= span_last:
            return context
        for name, months in (("previous", -1), ("next", 1)):
            day = add_months(first_day, months)
            if span_first <= day <= span_last:
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
            UpcomingOccurrences(queryset, select_related=ENTRY_RELATED),
            filters,
            month_unreadable=bool(raw_month),
        )

    @path("past/", name="past")
    def past_view(self, request):
        """Events that are over, newest first."""
        queryset, filters = self.filter_events(request, self.get_events())
        return self.render_listing(
            request,
            "past",
            PastOccurrences(queryset, select_related=ENTRY_RELATED),
            filters,
        )

    @path("month/<int:year>/<int:month>/", name="month")
    def month_view(self, request, year, month):
        """The calendar of one month, with previous/next links."""
        if parse_month(f"{year:04d}-{month:02d}") is None:
            raise Http404("No such month")
        return self.render_calendar(request, year, month)

    @path("month/", name="this_month")
    def this_month_view(self, request):
        """This month's calendar, today marked."""
        current_day = today(default_event_time_zone())
        return self.render_calendar(request, current_day.year, current_day.month)

    @path("ics/", name="ics")
    def ics_view(self, request):
        """A calendar feed to subscribe to, bounded whatever the number of
        events: the next ``ICS_UPCOMING_LENGTH`` of the coming 12 months, and
        the last ``ICS_PAST_LENGTH`` of the past 12 months."""
        from kim_cms.outputs.ics import (
            ICS_DAYS_AHEAD,
            ICS_PAST_LENGTH,
            ICS_UPCOMING_LENGTH,
            build_calendar,
            calendar_response,
        )

        moment = occurrences.now()
        queryset = self.get_events()
        recent = moment - datetime.timedelta(days=365)
        horizon = moment + datetime.timedelta(days=ICS_DAYS_AHEAD)
        # by the stored occurrences: only the events written are worked out
        refresh_stored(queryset, moment)
        # (each query names this moment: never kept)
        upcoming = UpcomingOccurrences(
            queryset.filter(next_start__lt=horizon), moment, ENTRY_RELATED, kept=False
        )
        past = PastOccurrences(
            queryset.filter(last_start__gte=recent), moment, ENTRY_RELATED, kept=False
        )
        found = upcoming[0:ICS_UPCOMING_LENGTH] + past[0:ICS_PAST_LENGTH]
        entries = load_entries(
            self.get_event_model(), found, pages={**upcoming.pages, **past.pages}
        )
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


def upcoming_events_for_portal(portal, request, count):
    """The next ``count`` live, public events under ``portal`` in its language."""
    queryset = in_locale(
        CulturalEventPage.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    return upcoming_pages(
        queryset.select_related("locale", "image", "kecamatan").defer_streamfields(),
        count,
    )


def upcoming_events_change(portal, request):
    """When the portal's upcoming events next change by the clock alone: the
    end of the first to end of those it shows (the others keep their places;
    ``None``: never). What the events section is kept with
    (``PortalSection.kept``), besides the page cache's generation; the
    landing page is not kept past it (``page_cache.not_after()``). Found with
    the events on the first visit, then kept until that moment."""
    from kim_cms.conf import kim_settings

    count = kim_settings.PORTAL_LATEST_COUNT

    def load():
        shown = upcoming_events_for_portal(portal, request, count)
        return None, min((page.next_ends_by for page in shown), default=None)

    _nothing, until = page_cache.kept_while(
        "portal-events", (portal.pk, portal.locale_id, count), occurrences.now(), load
    )
    page_cache.not_after(request, until)
    return until


def calendar_links(index):
    """The portal's link to this month's calendar of the event list."""
    model = index.specific_class
    if model is None or not issubclass(model, AbstractCulturalEventIndexPage):
        return []
    url = index.get_url()
    if not url:
        return []
    return [(_("Month calendar"), url + model.get_resolver().reverse("this_month"))]


register_portal_section(
    PortalSection(
        key="events",
        title=pgettext_lazy("portal section", "Upcoming events"),
        items=upcoming_events_for_portal,
        index_model="kim_cms.CulturalEventIndexPage",
        order=30,
        links=calendar_links,
        kept=upcoming_events_change,
    )
)
