"""The API as kim-cms ships it (kim_cms.outputs.api.api_router) answers malformed
parameters with 400 and a JSON message, on pages, images and documents."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Site

from kim_cms.outputs.api import (
    KimDocumentsAPIViewSet,
    KimImagesAPIViewSet,
    KimPagesAPIViewSet,
    api_router,
)
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents"]

BAD_REQUESTS = [
    "find/?id=x",
    "find/?id=%C2%B2",
    "find/?id=-1",
    "?offset=99999999999999999999",
    "?offset=%C2%B2",
    "?limit=99999999999999999999",
    "?limit=x",
    "?search=%00",
    "?search=%22",
    "?search=%20",
    "?search=",
    "?search=*",
    "?search=padi&search_operator=xor",
    "?fields=%00",
    "?fields=title(",
    "?fields=nope",
    "?order=nope",
    "?order=%00",
    "?order=random,title",
    "?id=99999999999999999999",
    "?id=x",
    "?title=%00",
    "?x=1",
]
PAGE_BAD_REQUESTS = [
    "?type=%00",
    "?type=nope.Nope",
    "?type=auth.User",
    "?child_of=x",
    "?child_of=99999999999999999999",
    "?child_of=%C2%B2",
    "?descendant_of=-1",
    "?descendant_of=99999999999999999999",
    "?ancestor_of=root",
    "?translation_of=%EF%BC%91",
    "?first_published_at=x",
    "?first_published_at=2026-13-45",
    "?show_in_menus=maybe",
    "?site=testserver:x",
    "?locale=%00",
    "?type=kim_cms.TrainingMaterialPage&duration_minutes=99999999999999999999",
]


@pytest.fixture
def content(portal):
    """A page, an image and a document, so that every listing has rows."""
    from wagtail.images import get_image_model

    index = TrainingIndexPageFactory(parent=portal)
    make_material(index, title="Jurnalisme warga")
    root = Collection.get_first_root_node()
    get_image_model().objects.create(
        title="Padi", file=get_test_image_file(), collection=root
    )
    document = get_document_model()(title="Panduan padi", collection=root)
    document.file.save("panduan.txt", ContentFile(b"padi"))
    document.save()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("query", BAD_REQUESTS)
def test_malformed_parameters_are_bad_requests(content, client, endpoint, query):
    response = client.get(f"/api/v2/{endpoint}/{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


@pytest.mark.parametrize("query", PAGE_BAD_REQUESTS)
def test_malformed_page_filters_are_bad_requests(content, client, query):
    response = client.get(f"/api/v2/pages/{query}")
    assert response.status_code in (400, 404), response.content
    assert response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "path",
    ["99999999999999999999/", "2147483648/", "find/?id=99999999999999999999"],
)
def test_ids_out_of_range_are_not_found(content, client, endpoint, path):
    response = client.get(f"/api/v2/{endpoint}/{path}")
    assert response.status_code == 404
    assert response.json()["message"]


def test_unknown_site_is_not_found(content, client):
    assert client.get("/api/v2/pages/?site=nowhere.example").status_code == 404
    assert client.get("/api/v2/pages/?site=testserver:99").status_code == 404


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_search_reads_the_words_of_the_query(content, client, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": '"padi*'})
    assert response.status_code == 200, response.content
    response = client.get(f"/api/v2/{endpoint}/", {"search": '"jurnalisme'})
    assert response.status_code == 200


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_finds_pages_whatever_the_punctuation(content, client):
    response = client.get(
        "/api/v2/pages/",
        {"search": '"jurnalisme', "type": "kim_cms.TrainingMaterialPage"},
    )
    titles = [item["title"] for item in response.json()["items"]]
    assert titles == ["Jurnalisme warga"]


def test_well_formed_parameters_still_work(content, client):
    response = client.get(
        "/api/v2/pages/",
        {"limit": "1", "offset": "0", "order": "-id", "fields": "title,slug"},
    )
    assert response.status_code == 200
    assert len(response.json()["items"]) == 1
    assert client.get("/api/v2/pages/?child_of=root").status_code == 200
    site = Site.objects.get(is_default_site=True)
    assert client.get(f"/api/v2/pages/?site={site.hostname}").status_code == 200
    assert (
        client.get(f"/api/v2/pages/?site={site.hostname}:{site.port}").status_code
        == 200
    )
    page_id = response.json()["items"][0]["id"]
    found = client.get(f"/api/v2/pages/find/?id={page_id}")
    assert found.status_code == 302


def test_the_router_serves_the_validated_endpoints():
    assert api_router._endpoints == {
        "pages": KimPagesAPIViewSet,
        "images": KimImagesAPIViewSet,
        "documents": KimDocumentsAPIViewSet,
    }


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    "query", ["?id=x", "?title=%00", "?id=99999999999999999999", "?limit=x"]
)
def test_detail_views_check_filters_too(content, client, endpoint, query):
    listing = client.get(f"/api/v2/{endpoint}/").json()
    detail = f"/api/v2/{endpoint}/{listing['items'][0]['id']}/"
    assert client.get(detail).status_code == 200
    response = client.get(detail + query)
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_page_detail_checks_page_type_filters(content, client):
    page_id = client.get("/api/v2/pages/").json()["items"][0]["id"]
    for query in ("?first_published_at=", "?show_in_menus=x&first_published_at=x"):
        response = client.get(f"/api/v2/pages/{page_id}/{query}")
        assert response.status_code == 400, response.content
