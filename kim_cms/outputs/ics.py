"""Calendar files (RFC 5545) for cultural events, built with ``icalendar``.

Every file has VERSION, PRODID and a VTIMEZONE for each zone used; every
event a stable UID (its translation key and language), DTSTAMP (when it was
last published), DTSTART (``VALUE=DATE`` for all-day events, else with the
event's TZID), RRULE for yearly events and STATUS. Text is in the event's
language. Outlook rejects files without VTIMEZONE or DTSTAMP.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//kim-cms//KIM portal//ID"
#: A listing's calendar file holds the events of the coming 12 months ...
ICS_DAYS_AHEAD = 365
#: ... at most this many, the soonest first ...
ICS_UPCOMING_LENGTH = 100
#: ... and at most this many of the past 12 months, newest first.
ICS_PAST_LENGTH = 50
UID_DOMAIN = "kim-cms"

ICS_STATUS = {
    "scheduled": "CONFIRMED",
    "cancelled": "CANCELLED",
    "postponed": "TENTATIVE",
}


def event_uid(page):
    """The same for every export of one event in one language."""
    return f"{page.translation_key}-{page.locale.language_code}@{UID_DOMAIN}"


def _utc(value):
    return value.astimezone(datetime.UTC)


def event_component(page, request=None):
    """The ``VEVENT`` of one event page, in the page's language."""
    with translation.override(page.locale.language_code):
        event = Event()
        event.add("uid", event_uid(page))
        stamp = page.last_published_at or page.latest_revision_created_at
        event.add("dtstamp", _utc(stamp or timezone.now()))
        if page.first_published_at:
            event.add("created", _utc(page.first_published_at))
        if page.last_published_at:
            event.add("last-modified", _utc(page.last_published_at))
        first = page.first_occurrence
        if first.all_day:
            event.add("dtstart", first.start_date)
            event.add("dtend", first.end_date + datetime.timedelta(days=1))
        else:
            event.add("dtstart", first.start)
            if first.end is not None:
                event.add("dtend", first.end)
        if page.is_recurring:
            rule = {"freq": "yearly"}
            if page.until_year:
                if first.all_day:
                    rule["until"] = datetime.date(page.until_year, 12, 31)
                else:
                    last_moment = datetime.datetime(
                        page.until_year, 12, 31, 23, 59, 59, tzinfo=first.tzinfo
                    )
                    rule["until"] = _utc(last_moment)
            event.add("rrule", rule)
        label = page.get_status_label()
        event.add("summary", f"{label.upper()}: {page.title}" if label else page.title)
        event.add("status", ICS_STATUS.get(page.status, "CONFIRMED"))
        url = page.get_full_url(request=request)
        lines = [page.status_note, page.summary]
        name, _group = page.get_organiser()
        if name:
            lines.append(_("Organiser: %(name)s") % {"name": name})
        if page.entry_fee:
            lines.append(_("Entry fee: %(fee)s") % {"fee": page.entry_fee})
        if page.registration:
            lines.append(_("Registration: %(how)s") % {"how": page.registration})
        if url:
            lines.append(url)
        event.add("description", "\n\n".join(line for line in lines if line))
        location = ", ".join(
            part for part in (page.get_place_line(), page.address) if part
        )
        if location:
            event.add("location", location)
        if page.latitude is not None and page.longitude is not None:
            event.add("geo", (float(page.latitude), float(page.longitude)))
        if url:
            event.add("url", url)
        category = page.get_category()
        if category is not None:
            event.add("categories", [category.name])
    return event


def build_calendar(pages, request=None, name=None):
    """A ``VCALENDAR`` with the events of ``pages`` and their time zones."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event_page in pages:
        calendar.add_component(event_page.get_ics_event(request))
    starts = [p.start_date for p in pages]
    if starts:
        calendar.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=366),
            last_date=max(datetime.date.today(), max(starts))
            + datetime.timedelta(days=366 * 10),
        )
    return calendar


def calendar_response(calendar, filename):
    """An ``.ics`` download (``text/calendar``), cacheable like the page."""
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    return response
