"""The groups domain in the Wagtail API v2: public-safe fields only."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ImageFactory
from tests.factories_groups import KimActivityPageFactory, KimGroupOfficerFactory
from tests.test_groups import bahaur  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def get_items(client, model, **params):
    response = client.get(
        "/api/v2/pages/", {"type": f"kim_cms.{model}", "fields": "*", **params}
    )
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_group_api_fields(bahaur, client):  # noqa: F811
    bahaur.logo = ImageFactory()
    bahaur.save()
    (item,) = get_items(client, "KimGroupPage")
    assert item["title"] == "KIM Bahaur Bersatu"
    assert item["kecamatan_name"] == "Kahayan Kuala"
    assert item["desa_name"] == "Bahaur"
    assert item["sk_number"] == "141/12/2023"
    assert item["founding_date"] == "2023-02-01"
    assert item["status"] == "active"
    assert item["latitude"] == "-3.123456"
    assert item["api_focus_areas"] == [{"slug": "pertanian", "name": "Pertanian"}]
    assert item["logo_thumbnail"]["url"].startswith("/media/images/")
    assert item["public_officers"] == [
        {
            "name": "Siti Aminah",
            "role": "ketua",
            "role_label": "Ketua",
            "term_start": None,
            "term_end": None,
        }
    ]


def test_officer_without_consent_never_appears(bahaur, client):  # noqa: F811
    KimGroupOfficerFactory(
        page=bahaur, name="Budi Tanpa Izin", role="bendahara", consent_to_publish=False
    )
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.KimGroupPage", "fields": "*"}
    )
    body = response.content.decode()
    assert "Budi Tanpa Izin" not in body
    assert "Rahasia Pribadi" not in body
    assert "consent_to_publish" not in body
    (item,) = response.json()["items"]
    detail = client.get(f"/api/v2/pages/{item['id']}/").content.decode()
    assert "Budi Tanpa Izin" not in detail
    assert "Rahasia Pribadi" not in detail
    html = client.get(bahaur.url).content.decode()
    assert "Budi Tanpa Izin" not in html


def test_officers_field_cannot_be_reached_directly(bahaur, client):  # noqa: F811
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.KimGroupPage", "fields": "officers"}
    )
    assert response.status_code == 400


def test_restricted_and_draft_groups_are_not_in_the_api(bahaur, client):  # noqa: F811
    PageViewRestriction.objects.create(
        page=bahaur, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert get_items(client, "KimGroupPage") == []
    PageViewRestriction.objects.all().delete()
    bahaur.unpublish()
    assert get_items(client, "KimGroupPage") == []


def test_activity_and_directory_api_fields(bahaur, client):  # noqa: F811
    KimActivityPageFactory(parent=bahaur, title="Bimtek", place="Balai Desa")
    (item,) = get_items(client, "KimActivityPage")
    assert item["place"] == "Balai Desa"
    assert item["summary"]
    assert item["date"]
    (directory,) = get_items(client, "KimGroupIndexPage")
    assert "introduction" in directory
