import pytest

from tests.factories import KimPortalPageFactory

pytestmark = pytest.mark.django_db


def test_portal_api_fields(portal, client):
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.KimPortalPage", "fields": "*"}
    )
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["district_name"] == "Kabupaten Pulang Pisau"
    assert item["office_email"] == "diskominfo@example.go.id"
    assert isinstance(item["introduction"], list)


def test_api_never_lists_draft_portals(portal, client):
    draft = KimPortalPageFactory(parent=portal, title="Draf rahasia", slug="draf")
    draft.unpublish()
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.KimPortalPage", "fields": "*"}
    )
    titles = [item["title"] for item in response.json()["items"]]
    assert "Draf rahasia" not in titles
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
