"""A portal costs the same to serve with 3 items of each type as with 30: the
landing page, the listings, the event list, the warning list with its
banner and guides, and the sitemap take as many SQL queries at both sizes
(and the warning pages as many bytes), and neither the landing page nor the event list works
out the occurrences of every event (only of those it shows), nor do the list
of past events and the calendar file."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kim_cms import page_cache
from kim_cms.pages import CulturalEventPage
from kim_cms.pages.events import occurrences
from kim_cms.schedule import EventSchedule
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 30


@pytest.fixture
def site(portal):
    return {
        "groups": KimGroupIndexPageFactory(parent=portal),
        "tips": make_tip_index(portal),
        "training": TrainingIndexPageFactory(parent=portal),
        "events": CulturalEventIndexPageFactory(parent=portal),
        "commodity": CommodityFactory(name="Padi", slug="padi", locale=portal.locale),
    }


def add_items(site, start, stop):
    today = datetime.date.today()
    for number in range(start, stop):
        KimGroupPageFactory(parent=site["groups"])
        make_tip(
            site["tips"],
            f"Tip {number}",
            steps=1,
            commodity=site["commodity"],
        )
        make_material(site["training"], title=f"Pelatihan {number}")
        CulturalEventPageFactory(
            parent=site["events"],
            # upcoming, past and yearly events, spread over the year
            start_date=today + datetime.timedelta(days=number * 11 - 100),
            recurrence="yearly" if number % 3 == 0 else "none",
        )


def urls(site):
    return {
        "landing": "/",
        "groups": site["groups"].url,
        "tips": site["tips"].url,
        "training": site["training"].url,
        "events": site["events"].url,
        "past events": site["events"].url + "past/",
        "sitemap": "/sitemap.xml",
    }


def query_counts(client, site):
    counts = {}
    for name, url in urls(site).items():
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_pages_cost_as_many_queries_with_30_items_of_each_type_as_with_3(client, site):
    add_items(site, 0, SMALL)
    small = query_counts(client, site)
    add_items(site, SMALL, LARGE)
    large = query_counts(client, site)
    assert large == small
    # the lists do show what was added
    assert client.get(site["groups"].url).content.decode().count("KIM Maju") >= 12


@pytest.fixture
def counted_occurrences(monkeypatch):
    """The schedules whose next or last occurrence is worked out, one entry
    per call of ``EventSchedule.next_occurrence`` or ``last_occurrence``."""
    calls = []
    next_occurrence = EventSchedule.next_occurrence
    last_occurrence = EventSchedule.last_occurrence

    def counting_next(self, now):
        calls.append(self)
        return next_occurrence(self, now)

    def counting_last(self):
        calls.append(self)
        return last_occurrence(self)

    monkeypatch.setattr(EventSchedule, "next_occurrence", counting_next)
    monkeypatch.setattr(EventSchedule, "last_occurrence", counting_last)
    return calls


def test_landing_and_event_list_work_out_only_the_occurrences_they_show(
    client, site, counted_occurrences
):
    add_items(site, 0, LARGE)
    for url in ("/", site["events"].url):
        client.get(url)  # the first view may refresh stale rows
        page_cache.purge_all()  # nothing kept from it
        counted_occurrences.clear()
        response = client.get(url)
        assert response.status_code == 200
        shown = response.content.decode().count('<li class="kim-card"')
        assert 0 < len(counted_occurrences) <= 12 < LARGE, url
        assert shown <= 12 + 3 * 3
    # the event list's cards are kept until an event ends: none worked out
    counted_occurrences.clear()
    assert client.get(site["events"].url).content.decode() == response.content.decode()
    assert counted_occurrences == []


def test_past_list_and_calendar_file_work_out_only_the_events_they_show(
    client, site, counted_occurrences, settings
):
    settings.KIM_CMS_PAGE_SIZE = 12
    index = site["events"]
    today = datetime.date.today()
    for number in range(30):  # over, one every 20 days back to 610 days ago
        CulturalEventPageFactory(
            parent=index,
            title=f"Lampau {number}",
            start_date=today - datetime.timedelta(days=10 + number * 20),
        )
    for number in range(5):  # beyond the calendar file's 12 months
        CulturalEventPageFactory(
            parent=index,
            title=f"Nanti {number}",
            start_date=today + datetime.timedelta(days=400 + number),
        )
    past_url, ics_url = index.url + "past/", index.url + "ics/"
    client.get(past_url)  # the first view may refresh stale rows
    page_cache.purge_all()  # nothing kept from it
    counted_occurrences.clear()
    past = client.get(past_url)
    html = past.content.decode()
    assert past.status_code == 200
    # the newest first, twelve a page, and only those twelve worked out
    assert "Lampau 0<" in html and "Lampau 11<" in html and "Lampau 12<" not in html
    assert 0 < len(set(counted_occurrences)) <= 12
    assert "Lampau 12<" in client.get(past_url + "?page=2").content.decode()

    counted_occurrences.clear()
    calendar = client.get(ics_url).content.decode()
    written = calendar.count("BEGIN:VEVENT")
    # the past 12 months (10 + 20 × 17 days ago is the oldest), nothing later
    # than the coming 12 months; only the events written are worked out
    assert written == 18
    assert "Lampau 17" in calendar and "Lampau 18" not in calendar
    assert "Nanti" not in calendar
    assert len(set(counted_occurrences)) <= written < 35


def test_past_list_finds_events_stored_before_their_final_occurrence_was(client, site):
    """Rows saved before the final occurrence was stored are worked out when
    a list meets them; an event repeating forever is never past."""
    index = site["events"]
    today = datetime.date.today()
    over = CulturalEventPageFactory(
        parent=index, title="Lomba lama", start_date=today - datetime.timedelta(days=40)
    )
    forever = CulturalEventPageFactory(
        parent=index,
        title="Festival tahunan",
        start_date=today - datetime.timedelta(days=800),
        recurrence="yearly",
    )
    CulturalEventPage.objects.filter(pk__in=[over.pk, forever.pk]).update(
        last_start=None, last_ends_by=None
    )
    html = client.get(index.url + "past/").content.decode()
    assert "Lomba lama" in html and "Festival tahunan" not in html
    over = CulturalEventPage.objects.get(pk=over.pk)
    assert over.last_start.date() == over.start_date
    assert CulturalEventPage.objects.get(pk=forever.pk).last_start is None


def test_upcoming_events_stay_right_when_the_stored_occurrence_is_over(
    client, site, monkeypatch
):
    """The daily command has not run: a one-off event that is over leaves
    the list, a yearly one shows its next year, and both rows are refreshed."""
    index = site["events"]
    once = CulturalEventPageFactory(
        parent=index, title="Lomba perahu", start_date=datetime.date(2030, 3, 1)
    )
    yearly = CulturalEventPageFactory(
        parent=index,
        title="Festival Sungai",
        start_date=datetime.date(2030, 3, 5),
        recurrence="yearly",
    )
    for page in (once, yearly):
        page.refresh_from_db()
        assert page.next_start.date() == page.start_date  # stored on publish
    later = datetime.datetime(2030, 6, 1, tzinfo=datetime.UTC)
    monkeypatch.setattr(occurrences, "now", lambda: later)

    listing = client.get(index.url).content.decode()
    assert "Festival Sungai" in listing and "Lomba perahu" not in listing
    landing = client.get("/").content.decode()
    assert "Festival Sungai" in landing and "Lomba perahu" not in landing
    yearly = CulturalEventPage.objects.get(pk=yearly.pk)
    assert yearly.next_start.date() == datetime.date(2031, 3, 5)
    assert yearly.next_checked_at == later
    assert CulturalEventPage.objects.get(pk=once.pk).next_start is None


def test_refresh_command_stores_the_next_occurrences_and_then_changes_nothing(
    call, site, monkeypatch
):
    index = site["events"]
    event = CulturalEventPageFactory(
        parent=index, start_date=datetime.date(2030, 3, 5), recurrence="yearly"
    )
    CulturalEventPage.objects.filter(pk=event.pk).update(
        next_start=None, next_ends_by=None, next_checked_at=None
    )
    later = datetime.datetime(2031, 4, 1, tzinfo=datetime.UTC)
    monkeypatch.setattr(occurrences, "now", lambda: later)
    from io import StringIO

    out = StringIO()
    call("kim_cms_refresh_occurrences", stdout=out)
    assert "(1 " in out.getvalue()
    event.refresh_from_db()
    assert event.next_start.date() == datetime.date(2032, 3, 5)
    out = StringIO()
    call("kim_cms_refresh_occurrences", stdout=out)
    assert "(0 " in out.getvalue()


def test_private_pages_stay_out_of_the_landing_page_read_with_one_lookup(client, site):
    """The landing page reads the view restrictions once for all its
    sections; what lies under a restriction is still left out."""
    from wagtail.models import PageViewRestriction

    add_items(site, 0, 2)
    hidden_group = KimGroupPageFactory(parent=site["groups"], title="KIM Rahasia")
    PageViewRestriction.objects.create(
        page=hidden_group, restriction_type=PageViewRestriction.LOGIN
    )
    PageViewRestriction.objects.create(
        page=site["training"], restriction_type=PageViewRestriction.LOGIN
    )
    client.get("/")
    page_cache.purge_all()  # every section read again, none kept
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    table = connection.ops.quote_name("wagtailcore_pageviewrestriction")
    lookups = [
        query
        for query in queries.captured_queries
        if f"FROM {table} INNER JOIN" in query["sql"]
    ]
    assert len(lookups) == 1
    assert "KIM Rahasia" not in html
    assert "Pelatihan 0" not in html and "Pelatihan 1" not in html
    assert "KIM Maju" in html and "Tip 1" in html


def test_warning_pages_cost_the_same_with_30_warnings_and_guides_as_with_3(
    client, portal, settings
):
    """The banner on every page, the warning list, its guides page and the
    sitemap: as many queries, and as many bytes, at both sizes (each shows a
    bounded share and links to the rest)."""
    from tests.factories_warnings import make_guide, make_warning, make_warning_index

    settings.KIM_CMS_PAGE_SIZE = 2
    settings.KIM_CMS_WARNING_BANNER_LIMIT = 2
    settings.KIM_CMS_SITEMAP_LIMIT = 5
    index = make_warning_index(portal)

    def add(start, stop):
        for number in range(start, stop):
            make_warning(index, f"Siaga {number}", slug=f"siaga-{number}")
            make_guide(index, f"Panduan {number}", slug=f"panduan-{number}")

    def measure():
        found = {}
        for url in ("/", index.url, index.url + "panduan/", "/sitemap.xml?p=1"):
            assert client.get(url).status_code == 200, url
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            found[url] = (len(queries), len(response.content))
        return found

    add(0, SMALL)
    small = measure()
    add(SMALL, LARGE)
    large = measure()
    for url, (queries, size) in small.items():
        assert large[url][0] == queries, url
        assert abs(large[url][1] - size) < 200, url  # a count's digits, a title's
