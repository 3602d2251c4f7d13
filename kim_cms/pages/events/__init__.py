"""Cultural events: festivals, adat rituals, performances, culinary events and
traditional sports. The event page (``event``), which occurrences a listing
shows (``occurrences``), and the list with its month view and calendar feed
(``index``)."""

from kim_cms.outputs.ics import calendar_response
from kim_cms.pages.events.event import (
    RECURRENCE_CHOICES,
    SCHEMA_STATUS,
    STATUS_CANCELLED,
    STATUS_CHOICES,
    STATUS_POSTPONED,
    STATUS_SCHEDULED,
    TIME_ZONE_CHOICES,
    AbstractCulturalEventPage,
    CulturalEventPage,
    default_event_time_zone,
)
from kim_cms.pages.events.index import (
    AbstractCulturalEventIndexPage,
    CulturalEventIndexPage,
    upcoming_events_for_portal,
)
from kim_cms.pages.events.occurrences import (
    CARD_RENDITION,
    SCHEDULE_FIELDS,
    STORED_FIELDS,
    EventEntry,
    PastOccurrences,
    UpcomingOccurrences,
    add_months,
    load_entries,
    localize_related,
    month_occurrences,
    now,
    past_occurrences,
    refresh_stored,
    upcoming_filter,
    upcoming_occurrences,
    upcoming_pages,
)

__all__ = [
    "CARD_RENDITION",
    "RECURRENCE_CHOICES",
    "SCHEDULE_FIELDS",
    "SCHEMA_STATUS",
    "STORED_FIELDS",
    "STATUS_CANCELLED",
    "STATUS_CHOICES",
    "STATUS_POSTPONED",
    "STATUS_SCHEDULED",
    "TIME_ZONE_CHOICES",
    "AbstractCulturalEventIndexPage",
    "AbstractCulturalEventPage",
    "CulturalEventIndexPage",
    "CulturalEventPage",
    "EventEntry",
    "PastOccurrences",
    "UpcomingOccurrences",
    "add_months",
    "calendar_response",
    "default_event_time_zone",
    "load_entries",
    "localize_related",
    "month_occurrences",
    "now",
    "past_occurrences",
    "refresh_stored",
    "upcoming_events_for_portal",
    "upcoming_filter",
    "upcoming_occurrences",
    "upcoming_pages",
]
