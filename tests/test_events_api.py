"""Cultural events in the Wagtail API: machine formats, and no drafts or
private events."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import KecamatanFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal):
    return CulturalEventIndexPageFactory(parent=portal)


def api_items(client):
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.CulturalEventPage", "fields": "*"}
    )
    assert response.status_code == 200
    return response.json()["items"]


def test_event_api_fields(index, client):
    CulturalEventPageFactory(
        parent=index,
        title="Malam Seni",
        start_date=datetime.date(2026, 3, 14),
        start_time=datetime.time(19, 0),
        time_zone="Asia/Makassar",
        latitude=Decimal("-2.745678"),
        longitude=Decimal("114.123456"),
        kecamatan=KecamatanFactory(name="Maliku"),
        category=EventCategoryFactory(name="Festival"),
    )
    (item,) = api_items(client)
    assert item["start_date"] == "2026-03-14"
    assert item["start_time"] == "19:00:00"
    assert item["time_zone"] == "Asia/Makassar"
    assert item["latitude"] == "-2.745678"
    assert item["status"] == "scheduled"


def test_api_never_lists_draft_or_private_events(index, client):
    draft = CulturalEventPageFactory(parent=index, title="Draf")
    draft.unpublish()
    private = CulturalEventPageFactory(parent=index, title="Khusus")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    CulturalEventPageFactory(parent=index, title="Umum")
    assert [item["title"] for item in api_items(client)] == ["Umum"]
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
