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


def locations(root):
    return [url.find("sm:loc", NS).text for url in root.findall("sm:url", NS)]


def test_large_site_gets_an_index_of_files_holding_every_page_once(
    english_portal, portal, client, settings
):
    for n in range(6):
        KimPortalPageFactory(parent=portal, title=f"Bagian {n}", slug=f"bagian-{n}")
    everything = locations(parse(client))
    assert len(everything) == 8  # both portals and six sections
    settings.KIM_CMS_SITEMAP_LIMIT = 3
    index = parse(client)
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    files = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert files == [f"http://localhost/sitemap.xml?p={n}" for n in (1, 2, 3)]
    found = []
    for number in (1, 2, 3):
        response = client.get(f"/sitemap.xml?p={number}")
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        assert len(root.findall("sm:url", NS)) <= 3
        found += locations(root)
    assert sorted(found) == sorted(everything)
    # the alternates of a page reach across files
    response = client.get("/sitemap.xml?p=3")
    english = {
        url.find("sm:loc", NS).text: [
            link.get("hreflang") for link in url.findall("xhtml:link", NS)
        ]
        for url in ET.fromstring(response.content).findall("sm:url", NS)
    }
    assert english.get("http://localhost/en/") == ["en", "id", "x-default"]


@pytest.mark.parametrize("page", ["0", "-1", "4", "x", "1.5", "９", "9999999", ""])
def test_sitemap_file_out_of_range_or_malformed_is_not_found(
    portal, client, settings, page
):
    for n in range(6):
        KimPortalPageFactory(parent=portal, slug=f"bagian-{n}")
    settings.KIM_CMS_SITEMAP_LIMIT = 3
    assert client.get("/sitemap.xml", {"p": page}).status_code == 404


def test_sitemap_file_costs_the_same_however_large_the_site(
    portal, client, settings, django_assert_max_num_queries
):
    settings.KIM_CMS_SITEMAP_LIMIT = 5
    for n in range(6):
        KimPortalPageFactory(parent=portal, slug=f"a{n}")
    with django_assert_max_num_queries(50) as few:
        small = client.get("/sitemap.xml?p=1")
    for n in range(6, 30):
        KimPortalPageFactory(parent=portal, slug=f"a{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = client.get("/sitemap.xml?p=1")
    assert len(large.content) == len(small.content)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/sitemap.xml").status_code == 200


def test_the_sitemap_is_kept_until_a_change_and_per_host(portal, client, settings):
    """The XML is written once per generation of the page cache: the next
    request reads only the site; each host has its own; a new page and a
    restriction are seen at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction, Site

    settings.ALLOWED_HOSTS = ["testserver", "kim.example"]
    Site.objects.create(hostname="kim.example", port=80, root_page=portal)
    first = client.get("/sitemap.xml").content
    other = client.get("/sitemap.xml", HTTP_HOST="kim.example").content
    assert b"<loc>http://localhost/</loc>" in first
    assert b"<loc>http://kim.example/</loc>" in other
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").content == first
        assert client.get("/sitemap.xml", HTTP_HOST="kim.example").content == other
    assert len(queries) <= 2  # each request's site lookup
    page = KimPortalPageFactory(parent=portal, title="Baru", slug="baru")
    assert b"http://localhost/baru/" in client.get("/sitemap.xml").content
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert b"/baru/" not in client.get("/sitemap.xml").content
