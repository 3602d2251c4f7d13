"""The month calendar of the event list: the weeks of a month with the events
of each day (a table on wide screens), and the days that have events (a list
on phones), built from the occurrences a listing loads.

Weeks start on the reader's language's first day of the week (Django's
``FIRST_DAY_OF_WEEK``); an event lasting several days is shown on each of
its days in the month.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from kim_cms.datetimes import format_day, format_month
from kim_cms.pages.events import occurrences
from kim_cms.pages.events.occurrences import add_months

#: How many months, from this one, the month filter of the list offers.
MONTH_CHOICES = 12


@dataclass
class CalendarDay:
    """A day of the calendar with the entries (``EventEntry``) on it."""

    date: datetime.date
    in_month: bool
    is_today: bool
    entries: list = field(default_factory=list)

    @property
    def label(self):
        """``Senin, 5 Januari 2026`` in the active language."""
        return format_day(self.date)


@dataclass
class MonthCalendar:
    year: int
    month: int
    weekdays: list  # (name, abbreviation) from the first day of the week
    weeks: list  # of 7 CalendarDay each

    @property
    def label(self):
        return format_month(self.year, self.month)

    @property
    def days_with_events(self):
        return [
            day for week in self.weeks for day in week if day.in_month and day.entries
        ]


def first_weekday():
    """Python's number (Monday = 0) of the first day of the week in the
    active language (Django's ``FIRST_DAY_OF_WEEK``: Sunday = 0)."""
    return (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7


def today(time_zone):
    """Today's date where the events take place."""
    return occurrences.now().astimezone(ZoneInfo(time_zone)).date()


def build_month(year, month, entries, current_day=None):
    """The ``MonthCalendar`` of ``year``-``month`` with ``entries`` (in the
    order given, soonest first) placed on every day of the month they last."""
    start = first_weekday()
    weeks = [
        [CalendarDay(day, day.month == month, day == current_day) for day in week]
        for week in calendar.Calendar(start).monthdatescalendar(year, month)
    ]
    by_date = {day.date: day for week in weeks for day in week if day.in_month}
    for entry in entries:
        occurrence = entry.occurrence
        day = max(occurrence.start_date, datetime.date(year, month, 1))
        while day <= occurrence.end_date and day in by_date:
            by_date[day].entries.append(entry)
            day += datetime.timedelta(days=1)
    weekdays = [
        (str(WEEKDAYS[(start + n) % 7]), str(WEEKDAYS_ABBR[(start + n) % 7]))
        for n in range(7)
    ]
    return MonthCalendar(year, month, weekdays, weeks)


def month_choices(current_day, selected=None):
    """``[(value, label)]`` for the month filter: this month and the next
    ones (``Desember 2026``), and ``selected`` (``"2030-01"``) when it lies
    elsewhere."""
    first = current_day.replace(day=1)
    values = []
    for n in range(MONTH_CHOICES):
        day = add_months(first, n)
        values.append((day.year, day.month))
    if selected:
        year, month = (int(part) for part in selected.split("-"))
        if (year, month) not in values:
            values.append((year, month))
            values.sort()
    return [(f"{y:04d}-{m:02d}", format_month(y, m)) for y, m in values]
