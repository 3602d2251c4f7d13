"""Calendar files and JSON-LD of cultural events, parsed back."""

import datetime
import json
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories import DesaFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)
from tests.html import squash

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def index(portal):
    return CulturalEventIndexPageFactory(parent=portal)


def event(index, **kwargs):
    return CulturalEventPageFactory(parent=index, **kwargs)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert_rfc5545(calendar)
    return calendar


def assert_rfc5545(calendar):
    """Every property RFC 5545 requires, and a VTIMEZONE per TZID used."""
    assert calendar.name == "VCALENDAR"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"])
    for component in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert required in component, required
        assert component.decoded("DTSTAMP").tzinfo is not None
        assert "DTEND" not in component or "DURATION" not in component
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert calendar.get_used_tzids() <= zones
    assert calendar.get_missing_tzids() == set()
    # lines are folded at 75 octets and end with CRLF
    raw = calendar.to_ical()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_event_ics_round_trip(index, client):
    desa = DesaFactory(name="Pilang", kecamatan__name="Jabiren Raya")
    page = event(
        index,
        title="Malam Seni",
        start_date=datetime.date(2026, 3, 14),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(22, 0),
        time_zone="Asia/Makassar",
        venue="Balai Desa",
        desa=desa,
        latitude=Decimal("-2.745678"),
        longitude=Decimal("114.123456"),
        summary="Tari dan musik tradisional.",
        entry_fee="Gratis",
        category=EventCategoryFactory(name="Seni pertunjukan"),
    )
    response = client.get(page.url + "ics/")
    assert 'filename="' in response["Content-Disposition"]
    calendar = parse(response)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"{page.translation_key}-id@kim-cms"
    start = vevent.decoded("DTSTART")
    assert start == datetime.datetime(2026, 3, 14, 19, tzinfo=ZoneInfo("Asia/Makassar"))
    assert vevent["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert vevent.decoded("DTEND").hour == 22
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Makassar"]
    assert str(vevent["SUMMARY"]) == "Malam Seni"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "Tari dan musik tradisional." in str(vevent["DESCRIPTION"])
    assert "Tiket masuk: Gratis" in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]) == "Balai Desa, Pilang, Jabiren Raya"
    assert vevent["GEO"].latitude == pytest.approx(-2.745678)
    assert vevent["GEO"].longitude == pytest.approx(114.123456)
    assert str(vevent["URL"]) == "http://localhost" + page.url
    assert vevent["CATEGORIES"].cats == ["Seni pertunjukan"]
    assert "RRULE" not in vevent
    # the UID is stable
    again = Calendar.from_ical(client.get(page.url + "ics/").content)
    assert str(again.walk("VEVENT")[0]["UID"]) == str(vevent["UID"])


def test_all_day_event_uses_dates(index, client):
    page = event(
        index,
        start_date=datetime.date(2026, 8, 17),
        end_date=datetime.date(2026, 8, 18),
        all_day=True,
        start_time=None,
    )
    calendar = parse(client.get(page.url + "ics/"))
    vevent = calendar.walk("VEVENT")[0]
    assert vevent["DTSTART"].params.get("VALUE") == "DATE" or (
        b"DTSTART;VALUE=DATE:20260817" in calendar.to_ical()
    )
    assert vevent.decoded("DTSTART") == datetime.date(2026, 8, 17)
    assert vevent.decoded("DTEND") == datetime.date(2026, 8, 19)
    assert calendar.walk("VTIMEZONE") == []


def test_recurring_event_has_rrule(index, client):
    page = event(
        index,
        start_date=datetime.date(2024, 5, 20),
        recurrence="yearly",
        until_year=2030,
    )
    vevent = parse(client.get(page.url + "ics/")).walk("VEVENT")[0]
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["YEARLY"]
    until = rule["UNTIL"][0]
    assert until.tzinfo is not None
    assert until.astimezone(ZoneInfo("Asia/Jakarta")).year == 2030
    forever = event(index, start_date=datetime.date(2024, 5, 20), recurrence="yearly")
    rule = parse(client.get(forever.url + "ics/")).walk("VEVENT")[0]["RRULE"]
    assert "UNTIL" not in rule


def test_cancelled_and_postponed_in_ics(index, client):
    cancelled = event(index, title="Lomba Perahu", status="cancelled")
    vevent = parse(client.get(cancelled.url + "ics/")).walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "DIBATALKAN: Lomba Perahu"
    postponed = event(index, title="Lomba Perahu 2", status="postponed")
    vevent = parse(client.get(postponed.url + "ics/")).walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "TENTATIVE"


def test_ics_text_in_the_pages_language(index, english_portal, locales, client):
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    page = event(index, status="cancelled", entry_fee="Gratis")
    english = page.copy_for_translation(locales["en"])
    english.title = "Boat race"
    english.entry_fee = "Free"
    english.save_revision().publish()
    vevent = parse(client.get(english.url + "ics/")).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "CANCELLED: Boat race"
    assert "Entry fee: Free" in str(vevent["DESCRIPTION"])
    assert str(vevent["UID"]) == f"{page.translation_key}-en@kim-cms"


def test_index_feed(index, client):
    upcoming = event(index, title="Nanti", start_date=TODAY + datetime.timedelta(9))
    wita = event(
        index,
        title="Di Makassar",
        start_date=TODAY + datetime.timedelta(3),
        time_zone="Asia/Makassar",
    )
    event(index, title="Lama", start_date=TODAY - datetime.timedelta(800))
    draft = event(index, title="Draf")
    draft.unpublish()
    html = client.get(index.url).content.decode()
    assert (
        f'<link rel="alternate" type="text/calendar" title="Agenda budaya (kalender)"'
        f' href="{index.url}ics/">' in squash(html)
    )
    calendar = parse(client.get(index.url + "ics/"))
    assert str(calendar["X-WR-CALNAME"]) == "Agenda budaya"
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == ["Di Makassar", "Nanti"]
    zones = sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE"))
    assert zones == ["Asia/Jakarta", "Asia/Makassar"]
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert uids == {
        f"{upcoming.translation_key}-id@kim-cms",
        f"{wita.translation_key}-id@kim-cms",
    }


# JSON-LD ----------------------------------------------------------------


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_json_ld_event(index, client, portal):
    from kim_cms.pages import KimGroupIndexPage, KimGroupPage

    directory = KimGroupIndexPage(title="Direktori", slug="direktori")
    portal.add_child(instance=directory)
    group = KimGroupPage(title="KIM Maju", slug="maju")
    directory.add_child(instance=group)
    desa = DesaFactory(name="Pilang", kecamatan__name="Jabiren Raya")
    page = event(
        index,
        title="Festival Isen Mulang",
        start_date=datetime.date(2026, 3, 14),
        start_time=datetime.time(19, 0),
        end_time=datetime.time(22, 0),
        time_zone="Asia/Makassar",
        venue="Bundaran Besar",
        address="Jl. Tjilik Riwut",
        desa=desa,
        latitude=Decimal("-2.210000"),
        longitude=Decimal("113.920000"),
        kim_group=group,
        status="postponed",
    )
    data = json_ld(client.get(page.url).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == "Festival Isen Mulang"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["startDate"] == "2026-03-14T19:00:00+08:00"
    assert data["endDate"] == "2026-03-14T22:00:00+08:00"
    assert datetime.datetime.fromisoformat(data["startDate"]) == page.start
    location = data["location"]
    assert location["@type"] == "Place"
    assert location["name"] == "Bundaran Besar"
    assert location["address"]["streetAddress"] == "Jl. Tjilik Riwut"
    assert location["address"]["addressLocality"] == "Pilang"
    assert location["address"]["addressRegion"] == "Jabiren Raya"
    assert location["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": -2.21,
        "longitude": 113.92,
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "KIM Maju",
        "url": "http://localhost" + group.url,
    }
    assert data["url"] == "http://localhost" + page.url


def test_json_ld_recurring_uses_next_occurrence_and_all_day_dates(index, client):
    page = event(
        index,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2020, 1, 2),
        all_day=True,
        start_time=None,
        recurrence="yearly",
        status="cancelled",
    )
    data = json_ld(client.get(page.url).content.decode())
    start = datetime.date.fromisoformat(data["startDate"])
    assert start >= TODAY - datetime.timedelta(days=1)
    assert (start.month, start.day) == (1, 1)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert "geo" not in data["location"]


def test_machine_formats_never_localized(index, client, english_portal):
    page = event(
        index,
        latitude=Decimal("-2.745678"),
        longitude=Decimal("114.123456"),
        start_date=datetime.date(2026, 1, 5),
    )
    html = client.get(page.url).content.decode()
    assert 'data-latitude="-2.745678"' in html
    assert "-2,745678" not in html
    assert '"latitude": -2.745678' in html
