import xml.etree.ElementTree as ET

import pytest

from tests.factories import KimPortalPageFactory

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def parse(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def test_sitemap_lists_both_languages_with_alternates(english_portal, portal, client):
    root = parse(client)
    urls = {
        url.find("sm:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }
    assert set(urls) == {"http://localhost/", "http://localhost/en/"}
    expected = {
        "id": "http://localhost/",
        "en": "http://localhost/en/",
        "x-default": "http://localhost/",
    }
    assert urls["http://localhost/"] == expected
    assert urls["http://localhost/en/"] == expected


def test_sitemap_leaves_out_drafts_and_private_pages(portal, client):
    from wagtail.models import PageViewRestriction

    draft = KimPortalPageFactory(parent=portal, title="Draf", slug="draf")
    draft.unpublish()
    private = KimPortalPageFactory(parent=portal, title="Privat", slug="privat")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    locations = [u.find("sm:loc", NS).text for u in parse(client).findall("sm:url", NS)]
    assert "http://localhost/draf/" not in locations
    assert "http://localhost/privat/" not in locations
    assert "http://localhost/" in locations


def test_sitemap_query_count_is_constant(portal, client, django_assert_max_num_queries):
    for n in range(3):
        KimPortalPageFactory(parent=portal, slug=f"a{n}")
    with django_assert_max_num_queries(50) as few:
        client.get("/sitemap.xml")
    for n in range(3, 40):
        KimPortalPageFactory(parent=portal, slug=f"a{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/sitemap.xml")


def test_sitemap_refuses_post(client, portal):
    assert client.post("/sitemap.xml").status_code == 405
