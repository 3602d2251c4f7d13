import pytest
from wagtail.models import PageViewRestriction

from tests.factories import KecamatanFactory
from tests.factories_tips import make_tip, make_tip_index

pytestmark = pytest.mark.django_db


def test_tip_api_fields(portal, client):
    index = make_tip_index(portal)
    make_tip(index, kecamatan=[KecamatanFactory(name="Maliku")], months=",11,12,")
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.AgricultureTipPage", "fields": "*"}
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["sub_sector"] == "food-crops"
    assert item["months"] == ",11,12,"
    assert item["expert_name"] == "Siti Rahmah"
    assert item["reviewed_on"] == "2026-01-10"
    assert [s["type"] for s in item["steps"]] == ["step", "step", "step"]
    assert len(item["kecamatan"]) == 1


def test_tip_api_refuses_drafts_and_private_tips(portal, client):
    index = make_tip_index(portal)
    draft = make_tip(index, "Draf", publish=False)
    private = make_tip(index, "Rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.AgricultureTipPage", "fields": "*"}
    )
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == []
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
