"""The demo's cultural events: a year of upcoming events in both languages."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from kim_cms.pages import CulturalEventIndexPage, CulturalEventPage

pytestmark = pytest.mark.django_db


def test_demo_events(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    events = CulturalEventPage.objects.live().filter(locale=locales["id"])
    assert events.count() >= 10
    assert all(event.next_occurrence() is not None for event in events)
    assert events.filter(recurrence="yearly").exists()
    assert events.filter(status="cancelled").exists()
    wita = events.get(time_zone="Asia/Makassar")
    english = CulturalEventPage.objects.live().filter(locale=locales["en"])
    assert english.count() == events.count()

    client = Client()
    index = CulturalEventIndexPage.objects.get(locale=locales["en"])
    html = client.get(index.url).content.decode()
    assert "Pulang Pisau Culture Festival" in html
    assert "Cancelled" in html
    wita_en = wita.get_translation(locales["en"])
    html = client.get(wita_en.url).content.decode()
    assert "WITA" in html and "6:00 AM" in html
    assert "Festival" in html or "Performing arts" in html
    ics = client.get(wita_en.url + "ics/")
    assert b"TZID=Asia/Makassar" in ics.content
    html = client.get(wita.url).content.decode()
    assert "06.00" in html and "WITA" in html
