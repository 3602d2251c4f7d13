"""Routes kept with the page cache (``kim_cms.route_cache``): the second
request for a kim-cms address skips Wagtail's site lookup and the walk down
the tree, and every change a visitor could see (a publish, a move, a slug,
an unpublish, a view restriction) is routed right at once."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from kim_cms import route_cache
from tests.factories_tips import make_tip, make_tip_index

pytestmark = pytest.mark.django_db

MIDDLEWARE = "kim_cms.page_cache.PageCacheMiddleware"
LOCALE = "django.middleware.locale.LocaleMiddleware"


@pytest.fixture(autouse=True)
def routes_kept(settings):
    """The middleware where the README puts it, with pages not kept: every
    response is rendered, so what the route found shows."""
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(middleware.index(LOCALE) + 1, MIDDLEWARE)
    settings.MIDDLEWARE = middleware
    settings.KIM_CMS_PAGE_CACHE = {"ENABLED": False}


@pytest.fixture
def tip(portal):
    return make_tip(make_tip_index(portal), "Padi di lahan gambut")


def visit(client, url):
    """The response and whether the site was looked up (a query on
    Wagtail's site table, as every database quotes it)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    sql = [q["sql"] for q in queries.captured_queries]
    routed = any("wagtailcore_site" in s for s in sql)
    return response, routed


def test_the_second_request_skips_the_site_lookup_and_the_walk(tip, client):
    first, routed_first = visit(client, tip.url)
    second, routed_second = visit(client, tip.url)
    assert first.status_code == second.status_code == 200
    assert (routed_first, routed_second) == (True, False)
    assert second.content == first.content
    # the landing page and a list's own route (a feed) too
    for url in ("/", tip.get_parent().url + "feed/rss/"):
        assert [visit(client, url)[1] for _ in range(2)] == [True, False], url


def test_each_language_host_and_address_has_its_own_route(
    tip, client, english_portal, locales
):
    index = tip.get_parent().specific
    index_en = index.copy_for_translation(locales["en"])
    index_en.save_revision().publish()
    tip_en = tip.copy_for_translation(locales["en"], copy_parents=True)
    tip_en.title = "Rice on peat"
    tip_en.save_revision().publish()
    urls = tip.url, tip_en.url
    Site.objects.create(hostname="tips.example", root_page=index, port=80)
    for _ in range(2):
        assert "Padi di lahan gambut" in client.get(urls[0]).content.decode()
        assert "Rice on peat" in client.get(urls[1]).content.decode()
        assert client.get("/").context["page"].pk == tip.get_parent().get_parent().pk
        # the same path on another site is that site's own page
        other = client.get("/", HTTP_HOST="tips.example")
        assert other.context["page"].pk == index.pk


def test_a_publish_a_move_and_a_new_slug_are_routed_at_once(tip, client, portal):
    index = tip.get_parent().specific
    visit(client, tip.url)
    tip.title = "Padi sawah pasang surut"
    tip.save_revision().publish()
    response, routed = visit(client, tip.url)
    assert routed and "Padi sawah pasang surut" in response.content.decode()

    old_url = tip.url
    tip.slug = "padi-pasang-surut"
    tip.save_revision().publish()
    tip.refresh_from_db()
    assert client.get(old_url).status_code == 404
    assert client.get(tip.url).status_code == 200

    other = make_tip_index(portal, "Tips Perikanan", slug="perikanan")
    visit(client, tip.url)
    tip.move(other, pos="last-child")
    tip.refresh_from_db()
    # Wagtail's redirect to the new address, not the kept route
    moved = client.get(index.url + "padi-pasang-surut/")
    assert (moved.status_code, moved["Location"]) == (301, tip.url)
    assert client.get(tip.url).status_code == 200


def test_an_unpublished_or_deleted_page_is_gone_at_once(tip, client, portal):
    url = tip.url
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    tip.unpublish()
    assert client.get(url).status_code == 404
    tip.save_revision().publish()
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    Page.objects.get(pk=tip.pk).delete()
    assert client.get(url).status_code == 404


def test_a_new_view_restriction_guards_a_kept_route(tip, client):
    for _ in range(2):
        assert "Padi di lahan gambut" in client.get(tip.url).content.decode()
    PageViewRestriction.objects.create(
        page=tip.get_parent(),
        restriction_type=PageViewRestriction.PASSWORD,
        password="rahasia",
    )
    for _ in range(2):
        response, _routed = visit(client, tip.url)
        assert "Padi di lahan gambut" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def test_a_private_page_stays_private_on_a_kept_route(tip, client, django_user_model):
    PageViewRestriction.objects.create(
        page=tip, restriction_type=PageViewRestriction.LOGIN
    )
    for _ in range(2):
        response, _routed = visit(client, tip.url)
        assert response.status_code == 302
        assert "/login/" in response["Location"] or "login" in response["Location"]
    user = django_user_model.objects.create_user("warga", password="x")
    client.force_login(user)
    for _ in range(2):
        assert "Padi di lahan gambut" in client.get(tip.url).content.decode()
    client.logout()
    assert client.get(tip.url).status_code == 302


def test_a_host_sites_own_routing_is_never_skipped(root_page, locales, client):
    from tests.testapp.models import HostRoutedPage

    home = HostRoutedPage(title="Beranda kabupaten", slug="beranda")
    root_page.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    tip = make_tip(make_tip_index(home), "Padi di lahan gambut")
    assert [visit(client, tip.url)[1] for _ in range(2)] == [True, True]
    assert client.get(tip.url).wsgi_request.host_routed


def test_other_methods_previews_and_the_setting_route_as_wagtail_does(
    tip, client, settings
):
    from wagtail import views

    factory = RequestFactory()
    path = tip.url[1:]
    assert route_cache.may_keep(factory.get(tip.url), views.serve, (path,), {}) == path
    assert route_cache.may_keep(factory.post(tip.url), views.serve, (path,), {}) is None
    preview = factory.get(tip.url)
    preview.is_preview = True
    assert route_cache.may_keep(preview, views.serve, (path,), {}) is None
    # another view than Wagtail's is never routed
    assert route_cache.may_keep(factory.get(tip.url), lambda r: None, (), {}) is None

    settings.KIM_CMS_PAGE_CACHE = {"ENABLED": False, "ROUTES": False}
    assert [visit(client, tip.url)[1] for _ in range(2)] == [True, True]
