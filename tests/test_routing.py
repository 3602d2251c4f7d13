"""kim_cms pages route a URL in one query and check privacy from it: the result
must be what Wagtail's own Page.route and view-restriction check give."""

import datetime

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from kim_cms.pages import KimGroupPage
from tests.factories import KimPortalPageFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import (
    KimActivityPageFactory,
    KimGroupIndexPageFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import make_tip, make_tip_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(directory):
    return KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="bahaur")


def test_route_finds_the_page_in_its_type(portal, directory, group):
    request = RequestFactory().get("/")
    result = portal.route(request, ["direktori", "bahaur"])
    assert type(result.page) is KimGroupPage
    assert result.page.pk == group.pk
    assert result.page.get_parent().pk == directory.pk  # no query: cached
    lineage = result.page.get_kim_lineage()
    assert [p.pk for p in lineage] == [
        p.pk for p in group.get_ancestors(inclusive=True)
    ]
    assert [p.pk for p in result.page.get_kim_ancestors()] == [portal.pk, directory.pk]


def test_route_takes_one_query_for_every_level(
    portal, group, django_assert_num_queries
):
    activity = KimActivityPageFactory(parent=group, slug="rapat")
    request = RequestFactory().get("/")
    with django_assert_num_queries(2):  # the pages on the way, then the activity
        result = portal.route(request, ["direktori", "bahaur", "rapat"])
    assert result.page.pk == activity.pk


def test_unknown_and_draft_pages_are_404(portal, group, client):
    assert client.get("/direktori/tidak-ada/").status_code == 404
    assert client.get("/tidak-ada/bahaur/").status_code == 404
    assert client.get("/direktori/bahaur/lebih/").status_code == 404
    group.unpublish()
    assert client.get("/direktori/bahaur/").status_code == 404


def test_a_draft_page_on_the_way_does_not_hide_the_live_page_below(
    portal, directory, group, client
):
    # Wagtail serves a live page below a draft one; so does kim_cms.
    directory.unpublish()
    assert client.get("/direktori/bahaur/").status_code == 200


def test_routable_index_on_the_way_keeps_its_routes(portal, client):
    index = CulturalEventIndexPageFactory(parent=portal, slug="agenda")
    CulturalEventPageFactory(
        parent=index,
        title="Festival",
        slug="festival",
        start_date=datetime.date.today() + datetime.timedelta(days=10),
    )
    # a page whose slug is a route of the index: the route wins, as in Wagtail
    CulturalEventPageFactory(parent=index, title="Masa lalu", slug="past")
    assert b"Festival" in client.get("/agenda/festival/").content
    past = client.get("/agenda/past/")
    assert past.status_code == 200
    assert past.context["page"].pk == index.pk
    assert client.get("/agenda/festival/ics/")["Content-Type"].startswith(
        "text/calendar"
    )
    tips = make_tip_index(portal)
    tip = make_tip(tips, "Padi", steps=1)
    assert client.get(tip.url).context["page"].pk == tip.pk
    assert client.get(tips.url + "feed/rss/").status_code == 200


def test_restriction_above_the_page_asks_for_login(portal, directory, group, client):
    PageViewRestriction.objects.create(page=directory, restriction_type="login")
    response = client.get(group.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "no-cache" in response.get("Cache-Control", "")


def test_password_restriction_on_the_page_asks_for_the_password(group, client):
    PageViewRestriction.objects.create(
        page=group, restriction_type="password", password="rahasia"
    )
    response = client.get(group.url)
    assert response.status_code == 200
    assert b"password" in response.content.lower()
    assert b"KIM Bahaur" not in response.content


def test_logged_in_reader_passes_a_login_restriction(
    directory, group, client, django_user_model
):
    PageViewRestriction.objects.create(page=directory, restriction_type="login")
    client.force_login(django_user_model.objects.create_user("warga", "", "x"))
    response = client.get(group.url)
    assert response.status_code == 200
    assert "no-cache" in response.get("Cache-Control", "")


def test_alias_of_a_private_page_is_private_as_in_wagtail(
    portal, directory, group, client
):
    other = Page(title="Lain", slug="lain")
    portal.add_child(instance=other)
    alias = group.create_alias(parent=other, update_slug="bahaur-alias")
    PageViewRestriction.objects.create(page=group, restriction_type="login")
    assert client.get("/lain/bahaur-alias/").status_code == 302
    served = portal.route(RequestFactory().get("/"), ["lain", "bahaur-alias"]).page
    assert served.pk == alias.pk
    assert list(served.get_view_restrictions()) == list(
        Page.get_view_restrictions(Page.objects.get(pk=alias.pk))
    )


def test_public_page_has_no_restriction_and_costs_no_query(
    portal, group, django_assert_num_queries
):
    served = portal.route(RequestFactory().get("/"), ["direktori", "bahaur"]).page
    with django_assert_num_queries(0):
        assert list(served.get_view_restrictions()) == []


def test_outside_serving_wagtail_checks_the_restrictions(directory, group):
    PageViewRestriction.objects.create(page=directory, restriction_type="login")
    page = KimGroupPage.objects.get(pk=group.pk)
    restrictions = page.get_view_restrictions()
    assert [r.page_id for r in restrictions.order_by("-page__depth")] == [directory.pk]


def test_breadcrumbs_and_home_link(portal, directory, group, client):
    html = client.get(group.url).content.decode()
    assert '<ol class="kim-breadcrumbs__list">' in html
    crumbs = html.split('<ol class="kim-breadcrumbs__list">')[1].split("</ol>")[0]
    assert f'href="{portal.url}"' in crumbs and f'href="{directory.url}"' in crumbs
    # the page itself ends the trail, named but not linked
    assert f'href="{group.url}"' not in crumbs
    assert '<span aria-current="page">KIM Bahaur</span>' in crumbs
    home = html.split('<a class="kim-site-name" href="')[1].split("</a>")[0]
    assert home.startswith(f'{portal.url}"') and portal.title in home


def test_portal_below_a_site_home_page(root_page, locales, client):
    home = Page(title="Beranda Kabupaten", slug="beranda")
    root_page.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    portal = KimPortalPageFactory(parent=home, title="Portal KIM", slug="kim")
    directory = KimGroupIndexPageFactory(parent=portal)
    group = KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="bahaur")
    assert group.url == "/kim/direktori/bahaur/"
    response = client.get(group.url)
    assert response.status_code == 200
    assert [p.pk for p in response.context["kim_ancestors"]] == [
        home.pk,
        portal.pk,
        directory.pk,
    ]
    PageViewRestriction.objects.create(page=home, restriction_type="login")
    assert client.get(group.url).status_code == 302
