"""The event lists kept until their next change: the count, the rows of a
page and its cards are kept with the page cache's generation until an event
shown ends (or, for the past events, until one more is over), and a change
an editor makes shows at once."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim_cms.pages.events import occurrences
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)

pytestmark = pytest.mark.django_db

START = datetime.date(2030, 3, 1)
JAKARTA = datetime.timezone(datetime.timedelta(hours=7))


def at(day, hour):
    """A moment of ``day`` (a day after ``START``) in Jakarta."""
    return datetime.datetime.combine(
        START + datetime.timedelta(days=day), datetime.time(hour), JAKARTA
    )


@pytest.fixture
def clock(monkeypatch):
    """The events' clock, set with ``clock.now = moment``."""

    class Clock:
        now = at(0, 8)

    monkeypatch.setattr(occurrences, "now", lambda: Clock.now)
    return Clock


@pytest.fixture
def index(portal, clock):
    index = CulturalEventIndexPageFactory(parent=portal)
    for day, title in ((1, "Lomba perahu"), (5, "Festival sungai"), (9, "Tari")):
        CulturalEventPageFactory(
            parent=index,
            title=title,
            start_date=START + datetime.timedelta(days=day),
            start_time=datetime.time(19, 0),
            end_time=datetime.time(21, 0),
        )
    return index


def titles(client, url):
    html = client.get(url).content.decode()
    return [t for t in ("Lomba perahu", "Festival sungai", "Tari") if t in html]


def event_queries(client, url):
    """The SQL of a view of ``url`` that reads the events' table."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries if "culturaleventpage" in q["sql"].lower()]


def test_the_upcoming_list_reads_no_event_until_one_ends(client, index, clock):
    first = client.get(index.url).content.decode()
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai", "Tari"]
    # kept: neither counted nor read again, and the same page
    assert event_queries(client, index.url) == []
    assert client.get(index.url).content.decode() == first

    clock.now = at(1, 20)  # the boat race is on: it stays
    assert event_queries(client, index.url) == []
    clock.now = at(1, 21)  # and now it is over
    assert titles(client, index.url) == ["Festival sungai", "Tari"]
    assert titles(client, index.url + "past/") == ["Lomba perahu"]
    assert event_queries(client, index.url) == []  # kept again, to the next end


def test_the_past_list_gains_an_event_the_moment_it_ends(client, index, clock):
    assert titles(client, index.url + "past/") == []
    assert event_queries(client, index.url + "past/") == []
    clock.now = at(1, 20)
    assert titles(client, index.url + "past/") == []
    clock.now = at(1, 22)
    assert titles(client, index.url + "past/") == ["Lomba perahu"]
    clock.now = at(5, 20)
    assert titles(client, index.url + "past/") == ["Lomba perahu"]
    clock.now = at(5, 22)
    assert titles(client, index.url + "past/") == [
        "Lomba perahu",
        "Festival sungai",
    ]


def test_an_editors_change_shows_at_once(client, index, clock):
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai", "Tari"]
    CulturalEventPageFactory(
        parent=index, title="Pawai obor", start_date=START + datetime.timedelta(days=3)
    )
    assert "Pawai obor" in client.get(index.url).content.decode()
    tari = index.get_children().get(title="Tari").specific
    tari.unpublish()
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai"]


def test_an_earlier_clock_is_never_answered_from_a_later_list(client, index, clock):
    clock.now = at(6, 8)
    assert titles(client, index.url) == ["Tari"]
    clock.now = at(0, 8)  # a list kept at a later moment does not hold now
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai", "Tari"]


def test_filters_and_pages_are_kept_apart(client, index, clock, settings):
    settings.KIM_CMS_PAGE_SIZE = 2
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai"]
    assert titles(client, index.url + "?page=2") == ["Tari"]
    assert titles(client, index.url + "?category=tidak-ada") == []
    assert titles(client, index.url) == ["Lomba perahu", "Festival sungai"]
    clock.now = at(1, 22)
    assert titles(client, index.url) == ["Festival sungai", "Tari"]
    assert client.get(index.url + "?page=2").status_code == 404


def test_the_landing_pages_events_are_kept_until_the_first_shown_ends(
    client, index, clock, portal
):
    assert titles(client, portal.url) == ["Lomba perahu", "Festival sungai", "Tari"]
    assert event_queries(client, portal.url) == []  # kept: no event read
    clock.now = at(1, 20)
    assert event_queries(client, portal.url) == []
    clock.now = at(1, 21)  # the boat race is over
    assert titles(client, portal.url) == ["Festival sungai", "Tari"]
    assert event_queries(client, portal.url) == []
    CulturalEventPageFactory(
        parent=index, title="Pawai obor", start_date=START + datetime.timedelta(days=3)
    )
    assert "Pawai obor" in client.get(portal.url).content.decode()
