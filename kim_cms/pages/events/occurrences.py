"""Which occurrences of cultural events a listing shows: upcoming, past or in
one month, soonest first, each event page loaded with what its card shows in a
constant number of queries.

``now()`` is the seam tests set: callers look it up on this module
(``occurrences.now()``) at each call.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from kim_cms.queries import prefetch_renditions
from kim_cms.schedule import (
    RECURRENCE_YEARLY,
    EventSchedule,
)

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
    last_day = add_months(first_day, 1) - datetime.timedelta(days=1)
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


def add_months(day, months):
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
