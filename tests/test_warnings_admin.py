"""The warning's admin form: the validity times are typed and shown on the
warning's own clock (WIB, WITA or WIT), whatever the admin user's zone."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from kim_cms.pages import WarningPage
from tests.factories import KecamatanFactory
from tests.factories_warnings import HazardFactory, make_warning, make_warning_index
from tests.html import squash

pytestmark = pytest.mark.django_db

ZONES = [
    ("Asia/Jakarta", "WIB", 7),
    ("Asia/Makassar", "WITA", 8),
    ("Asia/Jayapura", "WIT", 9),
]


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


@pytest.fixture
def admin_far_away(admin_user):
    """An admin whose own clock is none of the warning's zones."""
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Europe/Amsterdam"
    profile.preferred_language = "en"
    profile.save()
    return admin_user


def form_data(time_zone, **overrides):
    data = {
        "title": "Siaga karhutla di Jabiren Raya",
        "slug": "siaga-karhutla",
        "hazard": HazardFactory().pk,
        "level": "siaga",
        "description": "Titik api terpantau di lahan gambut.",
        "instructions": "Jangan membakar lahan.",
        "kecamatan": [KecamatanFactory(name="Jabiren Raya").pk],
        "valid_from": "2030-09-01 18:00",
        "valid_until": "2030-09-02 06:00",
        "time_zone": time_zone,
        "issuing_agency": "BPBD Kabupaten Pulang Pisau",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("time_zone, abbreviation, hours", ZONES)
def test_times_typed_in_the_admin_are_on_the_warnings_clock(
    client, admin_far_away, index, time_zone, abbreviation, hours
):
    client.force_login(admin_far_away)
    url = reverse("wagtailadmin_pages:add", args=["kim_cms", "warningpage", index.pk])
    response = client.post(url, form_data(time_zone))
    assert response.status_code == 302, response.context["form"].errors
    page = WarningPage.objects.get(slug="siaga-karhutla")
    zone = ZoneInfo(time_zone)
    assert page.valid_from == datetime.datetime(2030, 9, 1, 18, tzinfo=zone)
    assert page.valid_until == datetime.datetime(2030, 9, 2, 6, tzinfo=zone)
    assert page.valid_from.astimezone(zone).utcoffset().seconds == hours * 3600
    html = squash(client.get(page.url).content.decode())
    assert f"18.00 {abbreviation}" in html or f"18:00 {abbreviation}" in html


@pytest.mark.parametrize("time_zone, abbreviation, hours", ZONES)
def test_the_edit_form_shows_the_times_on_the_warnings_clock(
    client, admin_far_away, index, time_zone, abbreviation, hours
):
    zone = ZoneInfo(time_zone)
    warning = make_warning(
        index,
        valid_from=datetime.datetime(2030, 9, 1, 18, tzinfo=zone),
        valid_until=datetime.datetime(2030, 9, 2, 6, tzinfo=zone),
        time_zone=time_zone,
    )
    client.force_login(admin_far_away)
    url = reverse("wagtailadmin_pages:edit", args=[warning.pk])
    html = client.get(url).content.decode()
    assert 'value="2030-09-01 18:00"' in html
    assert 'value="2030-09-02 06:00"' in html
    assert f"(now {abbreviation})" in html
    # saving the form unchanged keeps the moments
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if name != "comments"}
    data = {k: v for k, v in data.items() if v is not None}
    data["valid_from"], data["valid_until"] = "2030-09-01 18:00", "2030-09-02 06:00"
    data["kecamatan"] = [k.pk for k in warning.kecamatan.all()]
    data["desa"] = []
    data["action-publish"] = "publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    warning.refresh_from_db()
    assert warning.valid_from == datetime.datetime(2030, 9, 1, 18, tzinfo=zone)


def test_changing_the_zone_reads_the_times_in_the_new_zone(
    client, admin_far_away, index
):
    client.force_login(admin_far_away)
    url = reverse("wagtailadmin_pages:add", args=["kim_cms", "warningpage", index.pk])
    data = form_data("Asia/Jayapura", valid_from="2030-09-01 05:00")
    assert client.post(url, data).status_code == 302
    page = WarningPage.objects.get(slug="siaga-karhutla")
    # 05:00 WIT is still the evening before in Amsterdam: the admin's own
    # zone played no part
    assert page.valid_from == datetime.datetime(
        2030, 9, 1, 5, tzinfo=ZoneInfo("Asia/Jayapura")
    )


def test_a_forged_zone_falls_back_to_the_warnings_own(client, admin_far_away, index):
    client.force_login(admin_far_away)
    url = reverse("wagtailadmin_pages:add", args=["kim_cms", "warningpage", index.pk])
    response = client.post(url, form_data("Europe/Amsterdam"))
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
