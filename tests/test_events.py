"""Cultural event pages: creation, validation, rendering and listings."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from kim_cms.pages import (
    CulturalEventIndexPage,
    CulturalEventPage,
    KimGroupPage,
)
from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)
from tests.html import squash

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def index(portal):
    return CulturalEventIndexPageFactory(parent=portal)


def event(index, **kwargs):
    return CulturalEventPageFactory(parent=index, **kwargs)


# Creation -----------------------------------------------------------------


def test_event_pages_are_creatable_only_where_allowed(portal, index):
    assert CulturalEventIndexPage.can_create_at(portal)
    assert CulturalEventPage.can_create_at(index)
    assert not CulturalEventPage.can_create_at(portal)
    assert CulturalEventIndexPage.allowed_subpage_models() == [CulturalEventPage]
    assert CulturalEventPage.allowed_subpage_models() == []


def test_index_parent_setting_restricts_index(portal, settings):
    settings.KIM_CMS_INDEX_PARENT_PAGE_TYPES = ["kim_cms.KimGroupIndexPage"]
    assert not CulturalEventIndexPage.can_create_at(portal)


def admin_form_data(**overrides):
    data = {
        "title": "Festival Budaya",
        "slug": "festival-budaya",
        "start_date": days(10).isoformat(),
        "start_time": "19:00",
        "end_date": "",
        "end_time": "",
        "time_zone": "Asia/Jakarta",
        "recurrence": "none",
        "status": "scheduled",
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def post_event(admin_client, index, **overrides):
    url = f"/admin/pages/add/kim_cms/culturaleventpage/{index.pk}/"
    return admin_client.post(url, admin_form_data(**overrides))


def test_editor_creates_event_in_admin(admin_client, index):
    url = f"/admin/pages/add/kim_cms/culturaleventpage/{index.pk}/"
    assert admin_client.get(url).status_code == 200
    response = post_event(admin_client, index, time_zone="Asia/Makassar")
    assert response.status_code == 302, response.context["form"].errors
    page = CulturalEventPage.objects.get(slug="festival-budaya")
    # the time typed is the wall-clock time in the event's zone, whatever the
    # admin user's zone
    assert page.start_time == datetime.time(19, 0)
    assert page.end_date == page.start_date
    assert page.start.utcoffset() == datetime.timedelta(hours=8)
    assert page.start.hour == 19


def test_time_zone_defaults_to_setting(settings, index):
    settings.KIM_CMS_TIME_ZONE = "Asia/Jayapura"
    assert CulturalEventPage().time_zone == "Asia/Jayapura"
    settings.KIM_CMS_TIME_ZONE = "Europe/Paris"
    assert CulturalEventPage().time_zone == "Asia/Jakarta"


@pytest.fixture
def english_admin(admin_user):
    """The admin interface in English (it defaults to LANGUAGE_CODE, id)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()


def form_errors(admin_client, index, language="en", **overrides):
    """The form's errors, in the admin user's language."""
    from django.utils import translation

    response = post_event(admin_client, index, **overrides)
    assert response.status_code == 200
    with translation.override(language):
        errors = {k: " ".join(v) for k, v in response.context["form"].errors.items()}
    html = response.content.decode()
    for message in errors.values():
        assert message.split(".")[0] in html
    return errors


@pytest.mark.usefixtures("english_admin")
def test_validation_end_before_start(admin_client, index):
    errors = form_errors(
        admin_client,
        index,
        end_date=days(5).isoformat(),
        start_date=days(6).isoformat(),
    )
    assert "ends before it starts" in errors["end_date"]
    errors = form_errors(admin_client, index, start_time="19:00", end_time="18:00")
    assert "ends before it starts" in errors["end_time"]
    assert "next day" in errors["end_time"]


@pytest.mark.usefixtures("english_admin")
def test_validation_times_on_all_day_event(admin_client, index):
    errors = form_errors(admin_client, index, all_day="on", start_time="19:00")
    assert "all-day event has no times" in errors["start_time"]
    errors = form_errors(admin_client, index, start_time="")
    assert "tick “All day”" in errors["start_time"]
    response = post_event(admin_client, index, all_day="on", start_time="")
    assert response.status_code == 302


@pytest.mark.usefixtures("english_admin")
def test_validation_coordinates(admin_client, index):
    errors = form_errors(admin_client, index, latitude="113.9", longitude="-2.7")
    assert "between -90 and 90" in errors["latitude"]
    assert "swap" in errors["latitude"]
    errors = form_errors(admin_client, index, latitude="-2.7", longitude="190")
    assert "between -180 and 180" in errors["longitude"]
    errors = form_errors(admin_client, index, latitude="-2.7")
    assert "both latitude and longitude" in errors["longitude"]


@pytest.mark.usefixtures("english_admin")
def test_validation_desa_in_kecamatan(admin_client, index):
    desa = DesaFactory(name="Pilang", kecamatan__name="Jabiren Raya")
    other = KecamatanFactory(name="Maliku")
    errors = form_errors(admin_client, index, desa=desa.pk, kecamatan=other.pk)
    assert "Pilang is not in Kecamatan Maliku" in errors["desa"]
    response = post_event(admin_client, index, desa=desa.pk)
    assert response.status_code == 302
    assert CulturalEventPage.objects.get().kecamatan == desa.kecamatan


@pytest.mark.usefixtures("english_admin")
def test_validation_recurrence(admin_client, index):
    errors = form_errors(admin_client, index, until_year="2030")
    assert "Every year" in errors["until_year"]
    errors = form_errors(admin_client, index, recurrence="yearly", until_year="2000")
    assert "cannot be before" in errors["until_year"]
    errors = form_errors(
        admin_client,
        index,
        recurrence="yearly",
        end_date=days(10 + 400).isoformat(),
    )
    assert "less than a year" in errors["end_date"]


def test_validation_messages_in_indonesian(admin_client, index):
    errors = form_errors(
        admin_client, index, language="id", all_day="on", start_time="19:00"
    )
    assert errors["start_time"] == (
        "Acara sepanjang hari tidak memakai jam. Kosongkan jam ini, atau hapus "
        "centang “Sepanjang hari”."
    )


# Rendering -----------------------------------------------------------------


def test_event_page_renders_in_indonesian(index, client):
    kecamatan = KecamatanFactory(name="Kahayan Hilir")
    page = event(
        index,
        title="Malam Seni Dayak",
        start_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(19, 0),
        venue="Lapangan Bukit Rawi",
        kecamatan=kecamatan,
        latitude=Decimal("-2.745678"),
        longitude=Decimal("114.123456"),
        entry_fee="Gratis",
        category=EventCategoryFactory(name="Seni pertunjukan"),
    )
    html = client.get(page.url).content.decode()
    assert "<h1>Malam Seni Dayak</h1>" in html
    assert "Senin, 5 Januari 2026, 19.00 WIB" in html
    assert '<time datetime="2026-01-05T19:00:00+07:00">' in html
    assert 'href="geo:-2.745678,114.123456"' in html
    assert "Seni pertunjukan" in html
    assert "Gratis" in html
    assert '<link rel="alternate" type="text/calendar"' in squash(html)
    assert f'href="{page.url}ics/"' in html


def test_event_page_renders_in_english(index, english_portal, locales, client):
    english_index = index.copy_for_translation(locales["en"])
    english_index.save_revision().publish()
    page = event(
        index,
        start_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(19, 0),
        time_zone="Asia/Makassar",
    )
    english = page.copy_for_translation(locales["en"])
    english.title = "Dayak Art Night"
    english.save_revision().publish()
    assert english.url.startswith("/en/")
    html = client.get(english.url).content.decode()
    assert "<h1>Dayak Art Night</h1>" in html
    assert "Monday, 5 January 2026, 7:00 PM WITA" in html
    assert '<time datetime="2026-01-05T19:00:00+08:00">' in html


def test_cancelled_and_postponed_are_prominent(index, client):
    cancelled = event(index, status="cancelled", status_note="Karena banjir.")
    html = client.get(cancelled.url).content.decode()
    assert "kim-status-banner--cancelled" in html
    assert "Acara ini dibatalkan." in html
    assert "Karena banjir." in html
    postponed = event(index, status="postponed")
    html = client.get(postponed.url).content.decode()
    assert "Acara ini ditunda." in html
    listing = client.get(index.url).content.decode()
    assert "kim-status--cancelled" in listing
    assert "kim-status--postponed" in listing


def test_organiser_group_or_free_text(index, portal, client):
    from kim_cms.pages import KimGroupIndexPage

    directory = KimGroupIndexPage(title="Direktori KIM", slug="kim")
    portal.add_child(instance=directory)
    group = KimGroupPage(title="KIM Maju Bersama", slug="maju")
    directory.add_child(instance=group)
    page = event(index, kim_group=group)
    html = client.get(page.url).content.decode()
    assert f'<a href="{group.url}">KIM Maju Bersama</a>' in html
    free = event(index, organiser_name="Sanggar Tari Tambun")
    assert "Sanggar Tari Tambun" in client.get(free.url).content.decode()
    group.unpublish()
    page.organiser_name = "Panitia"
    page.save()
    html = client.get(page.url).content.decode()
    assert "KIM Maju Bersama" not in html


def test_event_preview_renders(index, admin_client):
    page = event(index)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200
    response = admin_client.get(f"/admin/pages/{index.pk}/edit/preview/")
    assert response.status_code == 200


# Listing -------------------------------------------------------------------


def three_years_before(day):
    if day.month == 2 and day.day == 29:
        day = day.replace(day=28)
    return day.replace(year=day.year - 3)


def titles(response):
    return [entry.page.title for entry in response.context["entries"]]


def test_listing_upcoming_first_with_recurring_by_next_occurrence(index, client):
    event(index, title="Bulan depan", start_date=days(30))
    event(index, title="Besok", start_date=days(1))
    event(index, title="Kemarin", start_date=days(-1))
    event(
        index,
        title="Festival tahunan",
        start_date=three_years_before(days(7)),
        recurrence="yearly",
    )
    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == ["Besok", "Festival tahunan", "Bulan depan"]
    festival = response.context["entries"][1]
    assert festival.occurrence.start_date >= TODAY


def test_past_view(index, client):
    event(index, title="Kemarin", start_date=days(-1))
    event(index, title="Bulan lalu", start_date=days(-30))
    event(index, title="Besok", start_date=days(1))
    event(
        index,
        title="Festival lama",
        start_date=datetime.date(2019, 3, 1),
        recurrence="yearly",
        until_year=2021,
    )
    event(index, title="Tahunan", start_date=days(-400), recurrence="yearly")
    response = client.get(index.url + "past/")
    assert response.status_code == 200
    assert titles(response) == ["Kemarin", "Bulan lalu", "Festival lama"]
    assert response.context["entries"][2].occurrence.start_date.year == 2021
    assert 'name="robots" content="noindex, follow"' in response.content.decode()


def test_filters(index, client):
    kecamatan = KecamatanFactory(name="Maliku")
    festival = EventCategoryFactory(name="Festival", slug="festival")
    event(index, title="A", category=festival)
    event(index, title="B", kecamatan=kecamatan)
    event(index, title="C")
    assert titles(client.get(index.url + "?category=festival")) == ["A"]
    assert titles(client.get(index.url + f"?kecamatan={kecamatan.pk}")) == ["B"]
    html = client.get(index.url).content.decode()
    assert '<option value="festival">Festival</option>' in html
    assert f'<option value="{kecamatan.pk}">Maliku</option>' in html


@pytest.mark.parametrize(
    "query",
    [
        "?category=%00",
        "?category=tidak-ada",
        "?kecamatan=abc",
        "?kecamatan=-1",
        "?kecamatan=99999999999999999999",
        "?month=2026-13",
        "?month=abcd-ef",
        "?month=0000-01",
        "?month=2026",
        "?month=%F0%9F%98%80",
        "?page=1&category=<script>",
    ],
)
def test_malformed_parameters_never_fail(index, client, query):
    event(index)
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</form>")[0][-2000:]


@pytest.mark.parametrize("query", ["?page=99", "?page=abc", "?page=0", "?page=-1"])
def test_pages_out_of_range_are_404(index, client, query):
    event(index)
    assert client.get(index.url + query).status_code == 404
    assert client.get(index.url + "past/" + query).status_code == 404


def test_pagination_keeps_filters(index, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 2
    festival = EventCategoryFactory(slug="festival")
    for n in range(5):
        event(index, start_date=days(n + 1), category=festival)
    response = client.get(index.url + "?category=festival&page=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="?category=festival&amp;page=3"' in html
    assert 'href="?category=festival&amp;page=1"' in html


def test_month_view_and_boundaries(index, client):
    event(
        index,
        title="Tahun baru",
        start_date=datetime.date(2026, 12, 31),
        end_date=datetime.date(2027, 1, 1),
        all_day=True,
        start_time=None,
    )
    event(index, title="Desember", start_date=datetime.date(2026, 12, 1))
    event(index, title="Februari", start_date=datetime.date(2027, 2, 1))
    event(
        index,
        title="Tahunan",
        start_date=datetime.date(2020, 1, 15),
        recurrence="yearly",
    )
    response = client.get(index.url + "month/2026/12/")
    assert response.status_code == 200
    assert titles(response) == ["Desember", "Tahun baru"]
    html = response.content.decode()
    assert "Desember 2026" in html
    assert f'href="{index.url}month/2027/1/"' in html
    assert f'href="{index.url}month/2026/11/"' in html
    january = client.get(index.url + "month/2027/1/")
    assert titles(january) == ["Tahun baru", "Tahunan"]
    assert january.context["entries"][1].occurrence.start_date == (
        datetime.date(2027, 1, 15)
    )
    # the same through the filter form
    assert titles(client.get(index.url + "?month=2027-01")) == ["Tahun baru", "Tahunan"]


@pytest.mark.parametrize(
    "path",
    ["month/2026/13/", "month/2026/0/", "month/0/1/", "month/abc/1/", "month/2026/"],
)
def test_impossible_months_are_404(index, client, path):
    assert client.get(index.url + path).status_code == 404


@pytest.mark.slow
def test_listing_queries_are_constant(index, client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kecamatan = KecamatanFactory()
    category = EventCategoryFactory()
    image = ImageFactory()

    def add(count, offset):
        for n in range(count):
            event(
                index,
                start_date=days((n + offset) % 300 - 150),
                recurrence="yearly" if n % 3 == 0 else "none",
                kecamatan=kecamatan,
                category=category,
                image=image,
            )

    def measure(url):
        client.get(url)  # warm caches (site root paths, renditions)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    urls = [
        index.url,
        index.url + "past/",
        index.url + "?month=" + days(-145).strftime("%Y-%m"),
        index.url + "ics/",
    ]
    add(10, 0)
    small = [measure(url) for url in urls]
    add(490, 10)
    large = [measure(url) for url in urls]
    assert small == large


# Permissions ---------------------------------------------------------------


def test_draft_event_and_its_calendar_are_not_served(index, client):
    page = event(index, title="Rahasia")
    page.unpublish()
    assert client.get(page.url or f"{index.url}{page.slug}/").status_code == 404
    assert client.get(f"{index.url}{page.slug}/ics/").status_code == 404
    assert "Rahasia" not in client.get(index.url).content.decode()
    assert b"Rahasia" not in client.get(index.url + "ics/").content


def test_private_event_routes_ask_for_login(index, client):
    page = event(index, title="Khusus anggota")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    for url in (page.url, page.url + "ics/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert "Khusus anggota" not in client.get(index.url).content.decode()
    assert b"Khusus anggota" not in client.get(index.url + "ics/").content
    assert b"Khusus anggota" not in client.get(index.url + "past/").content


def test_private_index_routes_ask_for_password(index, client):
    PageViewRestriction.objects.create(
        page=index, restriction_type="password", password="rahasia"
    )
    for path in ("", "past/", "month/2026/12/", "ics/"):
        response = client.get(index.url + path)
        assert response.status_code == 200
        assert b"password" in response.content.lower()
        assert b"BEGIN:VCALENDAR" not in response.content


def test_draft_index_routes_are_404(index, client):
    index.unpublish()
    for path in ("", "past/", "month/2026/12/", "ics/"):
        assert Client().get(f"/{index.slug}/{path}").status_code == 404


# Portal section ------------------------------------------------------------


def test_portal_shows_upcoming_events(portal, index, client, settings):
    settings.KIM_CMS_PORTAL_LATEST_COUNT = 2
    event(index, title="Lusa", start_date=days(2))
    event(index, title="Besok", start_date=days(1))
    event(index, title="Nanti", start_date=days(9))
    event(index, title="Lalu", start_date=days(-9))
    draft = event(index, title="Draf", start_date=days(1))
    draft.unpublish()
    html = client.get(portal.url).content.decode()
    assert "kim-section--events" in html
    assert html.index("Besok") < html.index("Lusa")
    assert "Nanti" not in html and "Lalu" not in html and "Draf" not in html
    assert f'href="{index.url}"' in html


def test_portal_section_queries_are_constant(portal, index, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure():
        client.get(portal.url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(portal.url)
        return len(ctx)

    for n in range(5):
        event(index, start_date=days(n + 1))
    small = measure()
    for n in range(50):
        event(index, start_date=days(n + 1), recurrence="yearly")
    assert measure() == small


def test_page_tree_is_clean(index):
    assert Page.objects.type(CulturalEventIndexPage).count() == 1


def test_subclass_without_template_renders_with_kim_cms_template(index, client):
    from tests.testapp.models import DistrictEventPage

    page = DistrictEventPage(
        title="Acara kabupaten",
        slug="acara-kabupaten",
        start_date=datetime.date(2026, 1, 5),
        start_time=datetime.time(19, 0),
        dress_code="Pakaian adat",
    )
    index.add_child(instance=page)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "kim_cms/pages/cultural_event_page.html" in [
        t.name for t in response.templates
    ]
    assert "Senin, 5 Januari 2026, 19.00 WIB" in response.content.decode()
    assert client.get(page.url + "ics/").status_code == 200
