"""The month calendar of the event list: a table of weeks on wide screens, a
list of days on phones, previous and next months and today, linked from the
event list and the portal."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from kim_cms.pages.events import occurrences
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)

pytestmark = pytest.mark.django_db

# 10 December 2026, 10:00 WIB
NOW = datetime.datetime(2026, 12, 10, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    monkeypatch.setattr(occurrences, "now", lambda: NOW)


@pytest.fixture
def index(portal):
    return CulturalEventIndexPageFactory(parent=portal)


def event(index, **kwargs):
    kwargs.setdefault("start_time", datetime.time(19, 0))
    return CulturalEventPageFactory(parent=index, **kwargs)


def grid(html):
    return html.split('<table class="kim-calendar__grid">')[1].split("</table>")[0]


def cell(html, day):
    """The grid cell of ``day`` (a day number of the month shown)."""
    for match in re.finditer(r"<td[^>]*>(.*?)</td>", grid(html), re.S):
        number = re.search(r'<span class="kim-calendar__number">(\d+)</span>', match[1])
        if number and int(number[1]) == day:
            return match[0]
    raise AssertionError(f"no cell for day {day}")


def day_list(html):
    """``{date heading: [event titles]}`` of the list shown on phones."""
    if '<ol class="kim-calendar__list">' not in html:
        return {}
    items = html.split('<ol class="kim-calendar__list">')[1].split("</ol>")[0]
    found = {}
    for item in re.findall(r"<li[^>]*>\s*<h2.*?</ul>", items, re.S):
        heading = re.search(r"<time[^>]*>([^<]*)</time>", item)[1]
        found[heading] = re.findall(r'<a href="[^"]*">([^<]*)</a>', item)
    return found


def test_the_month_is_a_table_of_weeks_with_the_events_on_their_days(index, client):
    event(index, title="Malam Seni", start_date=datetime.date(2026, 12, 5))
    event(
        index,
        title="Festival Sungai",
        start_date=datetime.date(2026, 12, 30),
        end_date=datetime.date(2027, 1, 2),
        all_day=True,
        start_time=None,
    )
    response = client.get(index.url + "month/2026/12/")
    assert response.status_code == 200
    html = response.content.decode()
    table = grid(html)
    assert "<caption>Desember 2026</caption>" in table
    headers = re.findall(
        r'<th scope="col">\s*<abbr title="([^"]*)">([^<]*)</abbr>', table
    )
    assert [name for name, _abbr in headers] == [
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
        "Jumat",
        "Sabtu",
        "Minggu",
    ]
    assert table.count("<tr>") == 6  # the header and five weeks
    assert "Malam Seni" in cell(html, 5) and "19.00 WIB" in cell(html, 5)
    for day in (30, 31):
        assert "Festival Sungai" in cell(html, day)
    assert "sampai 2 Januari" in cell(html, 31)
    assert "Festival Sungai" not in cell(html, 29)
    # Tuesday the 1st to Thursday the 31st: the other days are empty cells
    assert table.count('class="kim-calendar__day kim-calendar__day--outside"') == 4
    # the same days as a list for phones: only the days with events
    assert day_list(html) == {
        "Sabtu, 5 Desember 2026": ["Malam Seni"],
        "Rabu, 30 Desember 2026": ["Festival Sungai"],
        "Kamis, 31 Desember 2026": ["Festival Sungai"],
    }
    january = client.get(index.url + "month/2027/1/").content.decode()
    assert "Festival Sungai" in cell(january, 1) and "Festival Sungai" in cell(
        january, 2
    )


def test_today_is_marked_and_this_month_is_one_click_away(index, client):
    html = client.get(index.url + "month/").content.decode()
    assert re.search(r"<h1>Agenda budaya: Desember 2026\s*</h1>", html)
    today = cell(html, 10)
    assert 'aria-current="date"' in today and "hari ini" in today
    assert 'aria-current="date"' not in cell(html, 11)
    html = client.get(index.url + "month/2027/3/").content.decode()
    assert 'aria-current="date"' not in grid(html)
    assert f'<a href="{index.url}month/2026/12/">Bulan ini</a>' in html
    assert f'<a rel="prev" href="{index.url}month/2027/2/">← Februari 2027</a>' in html
    assert f'<a rel="next" href="{index.url}month/2027/4/">April 2027 →</a>' in html


def test_an_empty_month_says_so(index, client):
    html = client.get(index.url + "month/2027/6/").content.decode()
    assert "Tidak ada acara bulan ini." in html
    assert day_list(html) == {}


def test_english_calendar(index, english_portal, locales, client):
    english = index.copy_for_translation(locales["en"])
    english.save_revision().publish()
    page = event(index, title="Malam Seni", start_date=datetime.date(2026, 12, 5))
    translated = page.copy_for_translation(locales["en"])
    translated.title = "Arts night"
    translated.save_revision().publish()
    html = client.get(english.url + "month/2026/12/").content.decode()
    assert '<html lang="en">' in html
    assert "<caption>December 2026</caption>" in html
    headers = re.findall(r'<th scope="col">\s*<abbr title="([^"]*)">', grid(html))
    assert headers[0] == "Sunday" and len(headers) == 7
    assert "Arts night" in cell(html, 5) and "7:00 PM WIB" in cell(html, 5)
    assert "Saturday, 5 December 2026" in day_list(html)


def test_drafts_and_private_events_stay_out_of_the_calendar(index, portal, client):
    event(index, title="Terbuka", start_date=datetime.date(2026, 12, 5))
    draft = event(index, title="Draf", start_date=datetime.date(2026, 12, 6))
    draft.unpublish()
    private = event(index, title="Rahasia", start_date=datetime.date(2026, 12, 7))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get(index.url + "month/2026/12/").content.decode()
    assert "Terbuka" in html
    assert "Draf" not in html and "Rahasia" not in html


def test_a_private_event_list_keeps_its_calendar_private(index, client):
    event(index, title="Rahasia", start_date=datetime.date(2026, 12, 7))
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    response = client.get(index.url + "month/")
    assert response.status_code == 302
    assert b"Rahasia" not in response.content


def test_filters_apply_to_the_calendar_and_its_links(index, client):
    festival = EventCategoryFactory(name="Festival", slug="festival")
    event(
        index,
        title="Festival Sungai",
        start_date=datetime.date(2026, 12, 5),
        category=festival,
    )
    event(index, title="Malam Seni", start_date=datetime.date(2026, 12, 6))
    html = client.get(index.url + "month/2026/12/?category=festival").content.decode()
    assert "Festival Sungai" in html and "Malam Seni" not in grid(html)
    assert f'href="{index.url}month/2027/1/?category=festival"' in html


@pytest.mark.parametrize(
    "query",
    [
        "?category=%3Cscript%3E",
        "?kecamatan=%C2%B2",
        "?kecamatan=99999999999999999999",
        "?category=%00",
        "?page=abc",
    ],
)
def test_malformed_filters_are_ignored(index, client, query):
    event(index, title="Malam Seni", start_date=datetime.date(2026, 12, 5))
    response = client.get(index.url + "month/2026/12/" + query)
    assert response.status_code == 200
    assert "Malam Seni" in grid(response.content.decode())


@pytest.mark.parametrize(
    "path", ["month/2026/13/", "month/0/1/", "month/2026/", "month/x/"]
)
def test_impossible_months_are_404(index, client, path):
    assert client.get(index.url + path).status_code == 404


def test_the_event_list_and_the_portal_link_to_the_calendar(index, portal, client):
    event(
        index,
        title="Malam Seni",
        start_date=datetime.date(2026, 12, 13),
    )
    html = client.get(index.url).content.decode()
    assert f'<a href="{index.url}month/">Kalender bulanan</a>' in html
    html = client.get(portal.url).content.decode()
    events = html.split('class="kim-section kim-section--events"')[1].split(
        "</section>"
    )[0]
    assert f'<a href="{index.url}month/">Kalender bulanan</a>' in events


def test_the_month_filter_offers_months_by_name(index, client):
    html = client.get(index.url).content.decode()
    select = html.split('<select id="kim-event-month" name="month">')[1].split(
        "</select>"
    )[0]
    assert 'type="month"' not in html
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)
    assert options[0] == ("", "Semua bulan mendatang")
    assert options[1] == ("2026-12", "Desember 2026")
    assert options[12] == ("2027-11", "November 2027")
    html = client.get(index.url + "?month=2030-05").content.decode()
    assert '<option value="2030-05" selected>Mei 2030</option>' in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_events(index, client):
    category = EventCategoryFactory(name="Festival", slug="festival")
    event(index, start_date=datetime.date(2026, 12, 1), category=category)
    url = index.url + "month/2026/12/"
    few = count_queries(client, url)
    for day in range(2, 28):
        event(index, start_date=datetime.date(2026, 12, day), category=category)
    assert count_queries(client, url) == few
    assert few <= 14


def month_links(html):
    return re.findall(r'<a rel="(prev|next)" href="[^"]*month/(\d+)/(\d+)/', html)


def test_previous_and_next_months_end_around_the_events(index, client):
    """From the month of the earliest event to 12 months after the latest,
    and always this month (December 2026); months outside still answer but
    link no further, so that a crawler's walk ends."""
    event(index, title="Malam Seni", start_date=datetime.date(2026, 3, 5))
    event(index, title="Festival", start_date=datetime.date(2027, 5, 1))
    html = client.get(index.url + "month/2026/3/").content.decode()
    assert month_links(html) == [("next", "2026", "4")]
    html = client.get(index.url + "month/2026/4/").content.decode()
    assert month_links(html) == [("prev", "2026", "3"), ("next", "2026", "5")]
    html = client.get(index.url + "month/2028/5/").content.decode()
    assert month_links(html) == [("prev", "2028", "4")]
    for outside in ("month/2026/2/", "month/2028/6/", "month/1999/1/"):
        response = client.get(index.url + outside)
        assert response.status_code == 200, outside
        assert month_links(response.content.decode()) == [], outside
        assert f'<a href="{index.url}month/2026/12/">Bulan ini</a>' in (
            response.content.decode()
        )


def test_without_events_the_months_around_this_one_link(index, client):
    html = client.get(index.url + "month/").content.decode()
    assert month_links(html) == [("next", "2027", "1")]
    html = client.get(index.url + "month/2027/12/").content.decode()
    assert month_links(html) == [("prev", "2027", "11")]


def test_an_event_repeating_for_ever_keeps_the_next_year_in_reach(index, client):
    event(
        index,
        title="Tahunan",
        start_date=datetime.date(2020, 1, 15),
        recurrence="yearly",
    )
    html = client.get(index.url + "month/2020/1/").content.decode()
    assert month_links(html) == [("next", "2020", "2")]
    # its next occurrence is January 2027: links reach January 2028
    html = client.get(index.url + "month/2028/1/").content.decode()
    assert month_links(html) == [("prev", "2027", "12")]
