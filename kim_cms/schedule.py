"""When an event happens: wall-clock dates and times in the event's own time
zone, an optional yearly repetition, and the occurrences that follow.

An event is entered as the people of its place read it on the poster:
"Sabtu, 14 Maret 2026, 19.00 WITA". The dates and times are stored as
wall-clock values together with the zone (``Asia/Makassar``); the aware
datetimes are computed from them, so the admin user's own time zone never
shifts what the editor typed.

All-day events have dates only (no times). Their occurrence runs from
midnight of the first day to midnight after the last day, in the event's zone.
Timed events without an end time ("19.00 WIB s.d. selesai") are treated as
lasting until the end of their last day when deciding whether they are past.

Yearly events repeat on the same calendar dates every year, from the year of
their first date until ``until_year`` (inclusive) or forever. An event on
29 February repeats in leap years only, as RFC 5545 ``FREQ=YEARLY`` does.
"""

import datetime
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

RECURRENCE_NONE = "none"
RECURRENCE_YEARLY = "yearly"

# The abbreviations used in Indonesia in every language ("19.00 WIB").
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_abbreviation(time_zone):
    """``WIB``, ``WITA`` or ``WIT``; another zone's own abbreviation."""
    if time_zone in ZONE_ABBREVIATIONS:
        return ZONE_ABBREVIATIONS[time_zone]
    return datetime.datetime.now(ZoneInfo(time_zone)).tzname() or time_zone


def _shift_year(day, years):
    """``day`` moved by whole years, or ``None`` (29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return None


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of an event, in the event's own zone.

    ``start`` and ``end`` are aware datetimes (for all-day events: midnight of
    the first day and midnight after the last day); ``end`` is ``None`` for a
    timed event without an end time. ``start_date`` and ``end_date`` are the
    wall-clock days the reader sees.
    """

    start_date: datetime.date
    end_date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    all_day: bool
    time_zone: str

    @property
    def tzinfo(self):
        return ZoneInfo(self.time_zone)

    @cached_property
    def start(self):
        return datetime.datetime.combine(
            self.start_date,
            datetime.time(0) if self.all_day else self.start_time,
            tzinfo=self.tzinfo,
        )

    @cached_property
    def end(self):
        if self.all_day:
            return datetime.datetime.combine(
                self.end_date + datetime.timedelta(days=1),
                datetime.time(0),
                tzinfo=self.tzinfo,
            )
        if self.end_time is None:
            return None
        return datetime.datetime.combine(
            self.end_date, self.end_time, tzinfo=self.tzinfo
        )

    @cached_property
    def ends_by(self):
        """The moment after which the occurrence is over (never ``None``)."""
        if self.end is not None:
            return self.end
        return datetime.datetime.combine(
            self.end_date + datetime.timedelta(days=1),
            datetime.time(0),
            tzinfo=self.tzinfo,
        )

    @property
    def zone_abbreviation(self):
        return zone_abbreviation(self.time_zone)

    def is_past(self, now):
        return self.ends_by <= now

    def overlaps_days(self, first_day, last_day):
        """Whether the occurrence touches any of the wall-clock days given."""
        return self.start_date <= last_day and self.end_date >= first_day


@dataclass(frozen=True)
class EventSchedule:
    """The dates, times, zone and repetition of an event."""

    start_date: datetime.date
    start_time: datetime.time | None = None
    end_date: datetime.date | None = None
    end_time: datetime.time | None = None
    all_day: bool = False
    time_zone: str = "Asia/Jakarta"
    recurrence: str = RECURRENCE_NONE
    until_year: int | None = None

    @property
    def is_recurring(self):
        return self.recurrence == RECURRENCE_YEARLY

    @property
    def last_year(self):
        if not self.is_recurring:
            return self.start_date.year
        return self.until_year  # None: forever

    def occurrence_in_year(self, year):
        """The occurrence starting in ``year``, or ``None``."""
        years = year - self.start_date.year
        if years < 0 or (years and not self.is_recurring):
            return None
        if self.last_year is not None and year > self.last_year:
            return None
        start = _shift_year(self.start_date, years)
        end = _shift_year(self.end_date or self.start_date, years)
        if start is None:
            return None
        if end is None:  # ends on 29 February: the day before 1 March
            end = _shift_year(
                (self.end_date or self.start_date) + datetime.timedelta(days=1), years
            ) - datetime.timedelta(days=1)
        return Occurrence(
            start_date=start,
            end_date=end,
            start_time=None if self.all_day else self.start_time,
            end_time=None if self.all_day else self.end_time,
            all_day=self.all_day,
            time_zone=self.time_zone,
        )

    @property
    def first(self):
        return self.occurrence_in_year(self.start_date.year)

    def next_occurrence(self, now):
        """The occurrence now happening or next to come, or ``None``.

        A yearly event lasts less than a year (the page validates it), so
        occurrences that started two years before ``now`` are over.
        """
        if not self.is_recurring:
            first = self.first
            return None if first.is_past(now) else first
        local_year = now.astimezone(ZoneInfo(self.time_zone)).year
        year = max(self.start_date.year, local_year - 2)
        # Four consecutive years always hold a leap year (29 February events).
        for candidate in range(year, year + 12):
            if self.last_year is not None and candidate > self.last_year:
                return None
            occurrence = self.occurrence_in_year(candidate)
            if occurrence is not None and not occurrence.is_past(now):
                return occurrence
        return None

    def last_occurrence(self):
        """The final occurrence, or ``None`` for an event repeating forever."""
        if self.last_year is None:
            return None
        for year in range(self.last_year, self.start_date.year - 1, -1):
            occurrence = self.occurrence_in_year(year)
            if occurrence is not None:
                return occurrence
        return None

    def occurrences_between(self, first_day, last_day):
        """Occurrences touching the wall-clock days ``first_day``..``last_day``."""
        years = range(first_day.year - 1, last_day.year + 1)
        found = []
        for year in years:
            occurrence = self.occurrence_in_year(year)
            if occurrence is not None and occurrence.overlaps_days(first_day, last_day):
                found.append(occurrence)
        return found
