"""Which occurrences of cultural events a listing shows: upcoming, past or in
one month, soonest first, each event page loaded with what its card shows in a
constant number of queries.

Upcoming events are found and sorted by the next occurrence each event page
stores (``next_start``, ``next_ends_by``, worked out at ``next_checked_at``):
a stored value is valid from the moment it was worked out until that
occurrence is over. Rows that are not valid at the moment asked (the
occurrence is over, or the row predates the columns) are worked out again
and written back when a listing meets them, so listings stay right even if
``kim_cms_refresh_occurrences`` never runs; the command only spares the
readers that work. Only the events a listing shows have their occurrence
computed.

``now()`` is the seam tests set: callers look it up on this module
(``occurrences.now()``) at each call.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone
from wagtail.models import Page

from kim_cms import page_cache
from kim_cms.queries import LazyRows, own_rows, prefetch_renditions, query_key
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

# The stored next and final occurrences (AbstractCulturalEventPage).
STORED_FIELDS = (
    "next_start",
    "next_ends_by",
    "next_checked_at",
    "last_start",
    "last_ends_by",
)


def stored_occurrences(schedule, moment):
    """The values of ``STORED_FIELDS`` for an event of ``schedule`` (``None``
    for an event without dates) as of ``moment``."""
    upcoming = schedule.next_occurrence(moment) if schedule else None
    last = schedule.last_occurrence() if schedule else None
    return {
        "next_start": upcoming.start if upcoming else None,
        "next_ends_by": upcoming.ends_by if upcoming else None,
        "next_checked_at": moment,
        "last_start": last.start if last else None,
        "last_ends_by": last.ends_by if last else None,
    }


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


def stale_q(moment):
    """Events whose stored next occurrence is not valid at ``moment``, or
    whose final occurrence was never stored (a row older than its columns;
    only an event repeating forever has none)."""
    return (
        Q(next_checked_at__isnull=True)
        | Q(next_checked_at__gt=moment)
        | Q(next_ends_by__lte=moment)
        | (
            Q(last_ends_by__isnull=True, start_date__isnull=False)
            & ~Q(recurrence=RECURRENCE_YEARLY, until_year__isnull=True)
        )
    )


def past_q(moment):
    """Events whose final occurrence is over at ``moment``."""
    return Q(last_ends_by__lte=moment)


def upcoming_q(moment):
    """Events happening at ``moment`` or later, by their (valid) stored next
    occurrence."""
    return Q(next_checked_at__lte=moment, next_ends_by__gt=moment)


def refresh_stored(queryset, moment=None):
    """Work out again and store the next occurrence of the events of
    ``queryset`` whose stored one is not valid at ``moment`` (now). Returns
    how many rows changed. One query when none is stale."""
    moment = moment or now()
    model = queryset.model
    changed = 0
    rows = queryset.filter(stale_q(moment)).values("pk", *SCHEDULE_FIELDS)
    for row in rows.iterator():
        pk = row.pop("pk")
        schedule = EventSchedule(**row) if row["start_date"] else None
        model._base_manager.filter(pk=pk).update(**stored_occurrences(schedule, moment))
        changed += 1
    return changed


def upcoming_pages(queryset, count, moment=None):
    """The next ``count`` event pages of ``queryset`` happening now or later
    (pages of its model, soonest first), each with ``_display_occurrence``
    set, in one query when none of them is stale.

    The rows are read in the order of the index on ``next_start`` and the
    read stops after the few wanted, however many events there are. A row
    among them whose stored occurrence is over (or was worked out after
    ``moment``) is refreshed and the read runs again: a refreshed row only
    moves later or leaves (its occurrence is over), so the rows past those
    read cannot come before them. Rows never worked out (no ``next_start``
    stored) are worked out by ``migrate`` and on save."""
    moment = moment or now()
    window = queryset.filter(next_start__isnull=False).order_by("next_start", "pk")
    size = 2 * count
    while True:
        pages = list(window[:size])
        stale_pages = [
            page
            for page in pages
            if page.next_ends_by is None
            or page.next_ends_by <= moment
            or page.next_checked_at is None
            or page.next_checked_at > moment
        ]
        for page in stale_pages:
            page.refresh_next_occurrence(moment)
            type(page)._base_manager.filter(pk=page.pk).update(
                **{name: getattr(page, name) for name in STORED_FIELDS}
            )
        if not stale_pages:
            break
    found = pages[:count]
    for page in found:
        page.__dict__["_display_occurrence"] = page.schedule.next_occurrence(moment)
    return found


class StoredOccurrences:
    """``(occurrence, pk)`` pairs as a lazy sequence for a paginator, counted
    and sliced in SQL by the stored occurrences (``matching_q()``,
    ``ordering``), so only the events of the page shown have their
    occurrence worked out (``occurrence_of()``). Stale rows are refreshed
    before the count. The pages sliced are kept in ``pages`` (for
    ``load_entries``).

    What the list holds changes with the clock only at known moments (an
    occurrence ending: ``changes_at()``). The count and that moment
    (``state()``) are kept with the page cache's generation
    (``kim_cms.page_cache.kept()``) until then, and so are the rows of a
    page of the list and their cards (``lazy_rows()``,
    ``{% kim_kept_rows %}``): until an event ends or a change starts a new
    generation, the list reads no row."""

    ordering = ()

    def __init__(self, queryset, moment=None, select_related=(), kept=True):
        self.moment = moment or now()
        self.queryset = queryset
        self.select_related = select_related
        self.kept = kept  # False: a list of a moment's own (never found again)
        self.pages = {}
        self._state = None

    def matching_q(self):
        raise NotImplementedError

    def changes_at(self):
        """An aggregate: the first moment after ``self.moment`` at which the
        list changes by the clock alone (``None``: never)."""
        raise NotImplementedError

    def occurrence_of(self, page):
        raise NotImplementedError

    def _kept_parts(self):
        key = query_key(self.queryset) if self.kept else None
        return (type(self).__name__, *key) if key else None

    def state(self):
        """``{"count", "until"}``: how many events the list holds at
        ``moment``, the same until ``until`` (``None``: until a change).
        Kept with the page cache's generation while ``moment`` falls
        between the moment it was worked out and ``until``
        (``kim_cms.page_cache.kept_while()``)."""
        if self._state is None:
            parts = self._kept_parts()
            if parts is None:
                count, until = self._count()
            else:
                count, until = page_cache.kept_while(
                    "occurrences", parts, self.moment, self._count
                )
            self._state = {"count": count, "until": until}
        return self._state

    def _count(self):
        rows = own_rows(self.queryset)  # read from the events' table
        counts = rows.aggregate(
            shown=Count("pk", filter=self.matching_q()),
            stale=Count("pk", filter=stale_q(self.moment)),
            until=self.changes_at(),
        )
        if counts["stale"]:
            refresh_stored(self.queryset, self.moment)
            counts = rows.aggregate(
                shown=Count("pk", filter=self.matching_q()), until=self.changes_at()
            )
        return counts["shown"], counts["until"]

    def count(self):
        return self.state()["count"]

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        self.count()  # stale rows are refreshed before the slice
        pages = list(
            self.queryset.filter(self.matching_q())
            .select_related(*self.select_related)
            .order_by(*self.ordering)[index]
        )
        found = []
        for page in pages:
            self.pages[page.pk] = page
            occurrence = self.occurrence_of(page)
            if occurrence is not None:
                found.append((occurrence, page.pk))
        return found

    def lazy_rows(self, start, stop):
        """``self[start:stop]`` read when first asked for
        (``kim_cms.queries.LazyRows``), under a key that holds the list's
        query, the slice and the moment the list next changes: a page's
        cards kept under it (``{% kim_kept_rows %}``) are not shown past
        that moment."""
        parts = self._kept_parts()
        key = parts and (*parts, self.state()["until"], start, stop)
        return LazyRows(lambda: self[start:stop], key or None)


class UpcomingOccurrences(StoredOccurrences):
    """The events happening now or later, soonest first, each with its next
    occurrence (what ``upcoming_occurrences()`` lists)."""

    ordering = ("next_start", "pk")

    def matching_q(self):
        return upcoming_q(self.moment)

    def changes_at(self):
        # an event leaves, or moves to its next occurrence, when the
        # occurrence shown ends; the others keep their places
        return Min("next_ends_by", filter=self.matching_q())

    def occurrence_of(self, page):
        return page.schedule.next_occurrence(self.moment)


class PastOccurrences(StoredOccurrences):
    """The events that are over, latest first, each with its final
    occurrence (a yearly event is past once its final year is over)."""

    ordering = ("-last_start", "-pk")

    def matching_q(self):
        return past_q(self.moment)

    def changes_at(self):
        # an event joins when its final occurrence ends
        return Min("last_ends_by", filter=Q(last_ends_by__gt=self.moment))

    def occurrence_of(self, page):
        return page.schedule.last_occurrence()


def past_occurrences(queryset, moment=None):
    """``(occurrence, pk)`` of every event that is over, latest first (see
    ``PastOccurrences`` for a list shown page by page)."""
    return PastOccurrences(queryset, moment)[0:None]


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


ENTRY_RELATED = ("category", "kecamatan", "desa", "kim_group", "locale", "image")


def load_entries(model, occurrences, renditions=True, localize=True, pages=None):
    """Turn ``(occurrence, pk)`` pairs into ``EventEntry`` objects with a
    constant number of queries (pages with their images, image renditions,
    localized categories and groups). The portal's cards show neither
    category nor group (``localize=False``) and the portal fetches the card
    renditions of every section at once (``renditions=False``). ``pages``
    (``{pk: page}``, loaded with ``ENTRY_RELATED``) spares loading them."""
    if not occurrences:
        return []
    pks = {pk for _occurrence, pk in occurrences}
    if pages is None or not pks <= set(pages):
        pages = {
            page.pk: page
            for page in model.objects.filter(pk__in=pks)
            .select_related(*ENTRY_RELATED)
            .defer_streamfields()
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
