"""The page cache: anonymous visitors get kim-cms pages from the cache, at no
query; every change a visitor could see empties it; logged-in users,
previews, private pages and responses that set cookies are never kept."""

import datetime
import gzip

import pytest
from django.contrib.auth.models import User
from django.middleware.csrf import get_token
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site

from kim_cms import page_cache
from kim_cms.pages import KimPortalPage
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
from tests.factories_warnings import make_warning, make_warning_index

MIDDLEWARE = "kim_cms.page_cache.PageCacheMiddleware"
LOCALE = "django.middleware.locale.LocaleMiddleware"


@pytest.fixture(autouse=True)
def cached(settings):
    """The middleware where the README puts it: right after the locale's."""
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(LOCALE) + 1, MIDDLEWARE)
    settings.MIDDLEWARE = middleware


@pytest.fixture
def site_pages(portal, english_portal, locales):
    """A tip index with a tip, both in Indonesian and English."""
    index = make_tip_index(portal)
    tip = make_tip(index, "Padi di lahan gambut")
    index_en = index.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    tip_en = tip.copy_for_translation(locales["en"], copy_parents=True)
    tip_en.title = "Rice on peat"
    tip_en.save_revision().publish()
    return {
        "portal": portal,
        "portal_en": english_portal,
        "index": index,
        "index_en": index_en,
        "tip": tip,
        "tip_en": tip_en,
    }


def urls_of(pages):
    portal, index, tip = pages["portal"], pages["index"], pages["tip"]
    return [
        portal.url,
        pages["portal_en"].url,
        index.url,
        index.url + "feed/rss/",
        pages["index_en"].url + "feed/atom/",
        tip.url,
        pages["tip_en"].url,
        "/sitemap.xml",
    ]


def state(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.get(page_cache.HEADER)


def warm(client, urls):
    for url in urls:
        client.get(url)
    assert [state(client, url) for url in urls] == ["hit"] * len(urls)


def test_a_second_visit_is_a_hit_that_costs_no_query(
    site_pages, client, django_assert_num_queries
):
    tip = site_pages["tip"]
    first = client.get(tip.url)
    assert first[page_cache.HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(tip.url)
    assert second[page_cache.HEADER] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]
    with django_assert_num_queries(0):
        head = client.head(tip.url)
    assert head[page_cache.HEADER] == "hit"


def test_each_language_and_query_string_has_its_own_entry(site_pages, client):
    index = site_pages["index"]
    indonesian = client.get(site_pages["tip"].url).content.decode()
    english = client.get(site_pages["tip_en"].url).content.decode()
    assert "Padi di lahan gambut" in indonesian and "Rice on peat" in english
    assert state(client, site_pages["tip_en"].url) == "hit"
    client.get(index.url + "?page=1&sub_sector=food-crops")
    assert state(client, index.url + "?sub_sector=food-crops&page=1") == "hit"
    assert state(client, index.url + "?page=1") == "miss"


def test_pages_reach_phones_compressed_and_unchanged(site_pages, client):
    url = site_pages["portal"].url
    plain = client.get(url).content
    for _ in range(2):  # the miss, then the hit
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain
        assert int(response["Content-Length"]) == len(response.content)


def test_with_the_cache_off_pages_are_compressed_only_for_who_asks(
    site_pages, client, settings, monkeypatch
):
    from kim_cms import page_cache

    settings.KIM_CMS_PAGE_CACHE = {"ENABLED": False}
    calls = []
    original = page_cache._compress
    monkeypatch.setattr(
        page_cache, "_compress", lambda content: calls.append(1) or original(content)
    )
    url = site_pages["portal"].url
    plain = client.get(url)
    assert "Content-Encoding" not in plain and calls == []  # no work for nothing
    assert "Accept-Encoding" in plain["Vary"]
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert packed["Content-Encoding"] == "gzip" and calls == [1]
    assert gzip.decompress(packed.content) == plain.content


@pytest.mark.parametrize(
    "change",
    ["republish", "unpublish", "move", "delete", "translation", "index"],
)
def test_every_page_change_empties_the_cache(change, site_pages, client):
    urls = urls_of(site_pages)
    warm(client, urls)
    tip, tip_en = site_pages["tip"], site_pages["tip_en"]
    if change == "republish":
        tip.title = "Padi apung di lahan gambut"
        tip.save_revision().publish()
        assert "Padi apung" in client.get(site_pages["index"].url).content.decode()
    elif change == "unpublish":
        tip.unpublish()
        assert client.get(tip.url).status_code == 404
    elif change == "move":
        other = make_tip_index(site_pages["portal"], "Tips lain", slug="tips-lain")
        tip.move(other, pos="last-child")
    elif change == "delete":
        Page.objects.get(pk=tip.pk).delete()
    elif change == "translation":
        tip_en.title = "Floating rice on peat"
        tip_en.save_revision().publish()
        assert "Floating rice" in client.get(tip_en.url).content.decode()
    elif change == "index":
        index = site_pages["index"]
        index.title = "Kiat pertanian"
        index.save_revision().publish()
        assert "Kiat pertanian" in client.get(tip.url).content.decode()
    alive = [url for url in urls if client.get(url).status_code == 200]
    assert {state(client, url) for url in alive} == {"hit"}  # stored again
    page_cache.purge_all()
    assert {state(client, url) for url in alive} == {"miss"}


def test_what_a_change_shows_is_served_at_once(site_pages, client):
    """Never stale: the new title is on the page, its index, the portal,
    the feed and the sitemap on the very next visit."""
    urls = urls_of(site_pages)
    warm(client, urls)
    tip = site_pages["tip"]
    tip.title = "Padi apung"
    tip.slug = "padi-apung"
    tip.save_revision().publish()
    for url in [site_pages["index"].url, site_pages["index"].url + "feed/rss/"]:
        assert "Padi apung" in client.get(url).content.decode(), url
    assert "padi-apung" in client.get("/sitemap.xml").content.decode()


def test_a_draft_save_keeps_the_cache(site_pages, client):
    tip = site_pages["tip"]
    warm(client, [tip.url])
    tip.title = "Draf"
    tip.save_revision()
    assert state(client, tip.url) == "hit"


def test_a_snippet_or_the_identity_setting_empties_the_cache(site_pages, client):
    from kim_cms.snippets.identity import KimSiteIdentity

    urls = urls_of(site_pages)
    warm(client, urls)
    CommodityFactory(name="Karet", slug="karet", locale=site_pages["tip"].locale)
    assert {state(client, url) for url in urls} == {"miss"}
    identity = KimSiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.save()
    assert {state(client, url) for url in urls} == {"miss"}


def test_a_view_restriction_empties_the_cache_and_the_page_is_never_kept(
    site_pages, client
):
    tip = site_pages["tip"]
    warm(client, [tip.url])
    PageViewRestriction.objects.create(
        page=tip, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    for _ in range(2):
        response = client.get(tip.url)
        assert page_cache.HEADER not in response
        assert "Padi di lahan gambut" not in response.content.decode()


def test_a_warning_page_is_never_kept_past_the_next_warning_change(
    portal, client, monkeypatch
):
    index = make_warning_index(portal)
    ends = timezone.now() + datetime.timedelta(minutes=3)
    make_warning(index, valid_until=ends)
    warm(client, [index.url, portal.url, index.url + "feed/rss/"])
    monkeypatch.setattr(page_cache.time, "time", lambda: ends.timestamp() + 1)
    for url in (index.url, portal.url, index.url + "feed/rss/"):
        assert state(client, url) != "hit"


def test_the_event_list_is_never_kept_past_the_end_of_an_event_it_shows(
    portal, client, monkeypatch, settings
):
    settings.KIM_CMS_PAGE_CACHE = {"TIMEOUT": 7 * 24 * 3600}  # not what ends it
    from tests.factories_events import (
        CulturalEventIndexPageFactory,
        CulturalEventPageFactory,
    )

    index = CulturalEventIndexPageFactory(parent=portal)
    event = CulturalEventPageFactory(
        parent=index,
        start_date=timezone.localdate() + datetime.timedelta(days=1),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(12, 0),
    )
    event.refresh_from_db()
    warm(client, [index.url])
    assert state(client, index.url) == "hit"
    monkeypatch.setattr(
        page_cache.time, "time", lambda: event.next_ends_by.timestamp() + 1
    )
    assert state(client, index.url) != "hit"


def test_a_cancelled_warning_empties_the_cache(portal, client):
    index = make_warning_index(portal)
    warning = make_warning(index)
    warm(client, [portal.url, warning.url])
    warning.cancelled = True
    warning.save_revision().publish()
    assert state(client, portal.url) == "miss"
    assert state(client, warning.url) == "miss"


def test_logged_in_users_are_never_served_from_nor_stored_in_the_cache(
    site_pages, client
):
    tip = site_pages["tip"]
    warm(client, [tip.url])
    user = User.objects.create_user("warga", password="x")
    client.force_login(user)
    page_cache.purge_all()
    for _ in range(2):
        assert page_cache.HEADER not in client.get(tip.url)
    client.logout()
    assert state(client, tip.url) == "miss"


def test_previews_are_never_served_from_nor_stored_in_the_cache(site_pages, client):
    tip = site_pages["tip"]
    warm(client, [tip.url])
    tip.title = "Draf judul baru"
    tip.save_revision()
    # Wagtail runs a preview through the middleware, as an anonymous request.
    preview = tip.make_preview_request()
    assert "Draf judul baru" in preview.content.decode()
    assert page_cache.HEADER not in preview
    live = client.get(tip.url)
    assert live[page_cache.HEADER] == "hit"
    assert "Draf judul baru" not in live.content.decode()


@pytest.mark.parametrize("how", ["cookie", "session", "csrf"])
def test_responses_that_set_cookies_or_hold_a_csrf_token_are_never_kept(
    how, portal, client
):
    def touch(page, request, args, kwargs):
        if how == "session":
            request.session["seen"] = True
        elif how == "csrf":
            get_token(request)
        return None

    original = KimPortalPage.serve

    def serve(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        if how == "cookie":
            response.set_cookie("pilihan", "1")
        return response

    with hooks.register_temporarily("before_serve_page", touch):
        KimPortalPage.serve = serve
        try:
            for _ in range(2):
                response = client.get(portal.url, HTTP_ACCEPT_ENCODING="gzip")
                assert page_cache.HEADER not in response
                assert not response.has_header("Content-Encoding")
        finally:
            KimPortalPage.serve = original


def test_errors_and_other_methods_are_never_kept(portal, client):
    for _ in range(2):
        response = client.get(portal.url + "tidak-ada/")
        assert response.status_code == 404
        assert page_cache.HEADER not in response
    assert page_cache.HEADER not in client.options(portal.url)


def test_the_setting_turns_it_off(portal, client, settings):
    settings.KIM_CMS_PAGE_CACHE = {"ENABLED": False, "COMPRESS": False}
    for _ in range(2):
        response = client.get(portal.url, HTTP_ACCEPT_ENCODING="gzip")
        assert page_cache.HEADER not in response
        assert not response.has_header("Content-Encoding")


def test_purge_urls_lists_every_language_the_listings_and_the_sitemap(site_pages):
    index, tip = site_pages["index"], site_pages["tip"]
    urls = page_cache.purge_urls(tip)
    root = "http://localhost"
    for url in [
        tip.full_url,
        site_pages["tip_en"].full_url,
        index.full_url,
        index.full_url + "feed/rss/",
        index.full_url + "feed/atom/",
        site_pages["index_en"].full_url + "feed/rss/",
        site_pages["portal"].full_url,
        site_pages["portal_en"].full_url,
        root + "/sitemap.xml",
    ]:
        assert url in urls


def test_purge_urls_list_the_sitemap_files_of_a_large_site(site_pages, settings):
    """Beyond ``KIM_CMS_SITEMAP_LIMIT`` pages the sitemap is an index of
    files, and a change can move entries between them: every file is
    purged, and the one a new page would open."""
    settings.KIM_CMS_SITEMAP_LIMIT = 2
    root = "http://localhost/sitemap.xml"
    urls = page_cache.purge_urls(site_pages["tip"])
    # 6 pages (two portals, two lists, two tips): three files, and a fourth
    assert [u for u in urls if u.startswith(root)] == [
        root,
        root + "?p=1",
        root + "?p=2",
        root + "?p=3",
        root + "?p=4",
    ]
    settings.KIM_CMS_SITEMAP_LIMIT = 50000
    assert [u for u in page_cache.purge_urls(site_pages["tip"]) if "sitemap" in u] == [
        root
    ]


def test_a_cdn_in_front_forgets_both_languages_on_publish(site_pages, monkeypatch):
    from django.apps import apps
    from wagtail.contrib.frontend_cache import utils

    purged = []
    installed = apps.is_installed
    monkeypatch.setattr(
        apps,
        "is_installed",
        lambda name: name == "wagtail.contrib.frontend_cache" or installed(name),
    )
    monkeypatch.setattr(utils, "purge_urls_from_cache", purged.extend)
    tip = site_pages["tip"]
    tip.save_revision().publish()
    assert tip.full_url in purged
    assert site_pages["tip_en"].full_url in purged
    assert site_pages["portal_en"].full_url in purged
    for change in ("unpublish", "delete"):
        purged.clear()
        page = Page.objects.get(pk=tip.pk)
        page.unpublish() if change == "unpublish" else page.delete()
        assert tip.full_url in purged, change
        assert site_pages["index_en"].full_url in purged, change


def test_the_next_warning_change_is_the_earliest_start_or_end(portal):
    from kim_cms.pages.warnings.banner import next_warning_change

    assert next_warning_change() is None
    index = make_warning_index(portal)
    moment = timezone.now()
    make_warning(index, "Berlaku", valid_until=moment + datetime.timedelta(hours=5))
    later = moment + datetime.timedelta(hours=2)
    make_warning(
        index,
        "Akan datang",
        valid_from=later,
        valid_until=moment + datetime.timedelta(hours=9),
    )
    assert next_warning_change(moment) == later.timestamp()
    assert (
        next_warning_change(later) == (moment + datetime.timedelta(hours=5)).timestamp()
    )


def test_only_kim_cms_pages_of_any_type_are_marked_never_the_sites_own(portal, rf):
    """Generic: every kim-cms page type, a site's subclass too; a page type of
    the site itself is never kept."""
    from kim_cms.wagtail_hooks import allow_page_cache
    from tests.testapp.models import DistrictTipPage

    for page, kept in [(Page(title="Beranda"), False), (DistrictTipPage(), True)]:
        request = rf.get("/")
        request._kim_page_cache_on = True
        allow_page_cache(page, request, [], {})
        assert getattr(request, "_kim_page_cache_marked", False) is kept
