"""Dates and times written for readers, in their language.

Django's ``DATE_FORMAT`` for ``id`` and ``en`` is not how an Indonesian
district writes an invitation, so kim_cms formats event times itself:

- Indonesian: ``Senin, 5 Januari 2026, 19.00 WIB`` (24-hour clock, a dot).
- English: ``Monday, 5 January 2026, 7:00 PM WIB`` (12-hour clock).

The zone abbreviation (WIB, WITA, WIT) is the same in both languages. Day and
month names come from Django's own catalogues, so other languages work too
(with the English clock). Machine formats (ICS, JSON-LD, ``<time datetime>``)
never go through this module: use ``isoformat()``.
"""

from django.utils import translation
from django.utils.dates import MONTHS, WEEKDAYS

# Languages that write times on the 24-hour clock with a dot: 19.00.
DOT_CLOCK_LANGUAGES = {"id"}

RANGE_SEPARATOR = " – "


def _language(language):
    return (language or translation.get_language() or "en").split("-")[0].lower()


def format_day(day, language=None):
    """``Senin, 5 Januari 2026`` / ``Monday, 5 January 2026``."""
    language = _language(language)
    with translation.override(language):
        weekday = str(WEEKDAYS[day.weekday()])
        month = str(MONTHS[day.month])
    return f"{weekday}, {day.day} {month} {day.year}"


def format_time(value, language=None):
    """``19.00`` / ``7:00 PM``."""
    language = _language(language)
    if language in DOT_CLOCK_LANGUAGES:
        return f"{value.hour:02d}.{value.minute:02d}"
    hour = value.hour % 12 or 12
    suffix = "AM" if value.hour < 12 else "PM"
    return f"{hour}:{value.minute:02d} {suffix}"


def format_datetime(value, abbreviation, language=None):
    """``Senin, 5 Januari 2026, 19.00 WIB`` for a wall-clock datetime."""
    return (
        f"{format_day(value.date(), language)}, "
        f"{format_time(value.time(), language)} {abbreviation}"
    )


def format_occurrence(occurrence, language=None):
    """An occurrence as one line: its days, and its times with the zone.

    ``Senin, 5 Januari 2026, 19.00 – 22.00 WIB``;
    ``Jumat, 1 Mei 2026 – Minggu, 3 Mei 2026`` (all day);
    ``Senin, 5 Januari 2026, 19.00 WIB – Selasa, 6 Januari 2026, 02.00 WIB``.
    """
    language = _language(language)
    zone = occurrence.zone_abbreviation
    first = format_day(occurrence.start_date, language)
    same_day = occurrence.start_date == occurrence.end_date
    if occurrence.all_day:
        if same_day:
            return first
        return first + RANGE_SEPARATOR + format_day(occurrence.end_date, language)
    start = format_time(occurrence.start_time, language)
    if occurrence.end_time is None:
        if same_day:
            return f"{first}, {start} {zone}"
        last = format_day(occurrence.end_date, language)
        return f"{first}, {start} {zone}{RANGE_SEPARATOR}{last}"
    end = format_time(occurrence.end_time, language)
    if same_day:
        return f"{first}, {start}{RANGE_SEPARATOR}{end} {zone}"
    last = format_day(occurrence.end_date, language)
    return f"{first}, {start} {zone}{RANGE_SEPARATOR}{last}, {end} {zone}"


def format_month(year, month, language=None):
    """``Desember 2026`` / ``December 2026``."""
    with translation.override(_language(language)):
        return f"{MONTHS[month]} {year}"
