"""Regional language codes (``id-id``, ``en-us``, ``en-gb``) chosen as an admin
language, or sent by a browser, never lead to an address that does not exist.

The root cause: Wagtail builds a page's URL in the active language when it is
a variant of the page's language, and Django's ``i18n_patterns`` prefixes that
code as it is (``/id-id/...``), while a request for ``/id-id/...`` is matched
to ``id``, the default language, which has no prefix: a 404.
``kim_cms.i18n.i18n_patterns`` prefixes the listed language instead.
"""

import re
import sys
import types
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import clear_url_caches, reverse
from django.utils import translation
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile

from kim_cms.wagtail_admin.roles import MODERATORS_NAME, KimRole
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.test_moderation import activity_form
from tests.test_tips_outputs import translate_tree

pytestmark = pytest.mark.django_db

REGIONAL = ["id-id", "en-us", "en-gb"]
User = get_user_model()


@pytest.fixture
def tree(portal, english_portal, locales):
    index = make_tip_index(portal)
    tip = make_tip(index, "Tip terbit")
    en_index, en_tip = translate_tree(index, tip, locales)
    return {
        "portal": portal,
        "english_portal": english_portal,
        "index": index,
        "tip": tip,
        "en_index": en_index,
        "en_tip": en_tip,
    }


def make_user(username, code, *groups, superuser=False):
    user = User.objects.create_user(username, f"{username}@example.com", "sandi")
    if superuser:
        user.is_staff = user.is_superuser = True
        user.save()
    user.groups.add(*groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


def page_links(html):
    """The site addresses that ``html`` links to (not the admin's or files)."""
    links = set(re.findall(r'href="(/[^"]*)"', html))
    skip = ("/admin/", "/static/", "/media/", "/documents/", "/sitemap.xml")
    return {link for link in links if not link.startswith(skip)}


def assert_all_served(links):
    client = Client()
    assert links
    for link in sorted(links):
        status = client.get(link).status_code
        assert status == 200, f"{link} answers {status}"


@pytest.fixture
def django_i18n_patterns(settings):
    """The test URLconf with Django's own i18n_patterns."""
    from django.conf.urls.i18n import i18n_patterns
    from django.urls import include, path
    from wagtail import urls as wagtail_urls
    from wagtail.admin import urls as wagtailadmin_urls

    module = types.ModuleType("django_i18n_urls")
    module.urlpatterns = [path("admin/", include(wagtailadmin_urls))] + i18n_patterns(
        path("", include(wagtail_urls)), prefix_default_language=False
    )
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()
    yield
    del sys.modules[module.__name__]
    clear_url_caches()


@pytest.mark.parametrize("code", REGIONAL)
def test_the_root_cause_with_djangos_i18n_patterns(
    code, tree, django_i18n_patterns, run_checks
):
    page = tree["tip"] if code.startswith("id") else tree["en_tip"]
    with translation.override(code):
        url = page.url
    assert url.startswith(f"/{code}/")
    assert Client().get(url).status_code == 404
    assert "kim_cms.W007" in [m.id for m in run_checks()]


def test_kim_cms_i18n_patterns_pass_the_check(run_checks):
    assert "kim_cms.W007" not in [m.id for m in run_checks()]


@pytest.mark.parametrize("code", REGIONAL)
def test_page_urls_in_a_regional_language(code, tree):
    pages = tree.values()
    with translation.override("id"):
        expected = {page.pk: page.url for page in pages}
    with translation.override(code):
        urls = {page.pk: page.url for page in pages}
        full = {page.pk: page.full_url for page in pages}
    assert urls == expected
    assert full == {pk: "http://localhost" + url for pk, url in expected.items()}
    assert expected[tree["tip"].pk] == "/tips/tip-terbit/"
    assert expected[tree["en_tip"].pk].startswith("/en/")
    assert_all_served(set(urls.values()))


@pytest.mark.parametrize("code", REGIONAL)
def test_view_live_links_in_the_admin(code, tree, client):
    client.force_login(make_user("admin_" + code, code, superuser=True))
    links = set()
    for parent in (tree["portal"], tree["english_portal"], tree["index"]):
        response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
        assert response.status_code == 200
        links |= page_links(response.content.decode())
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[tree["en_tip"].pk]))
    links |= page_links(edit.content.decode())
    assert "/tips/" in links and "/en/" + tree["en_index"].slug + "/" in links
    assert not any(link.startswith(f"/{code}/") for link in links)
    assert_all_served(links)


@pytest.mark.parametrize("code", REGIONAL)
def test_links_in_a_preview(code, tree, client):
    client.force_login(make_user("admin_" + code, code, superuser=True))
    for page in (tree["tip"], tree["en_tip"]):
        page.title += " (draf)"
        page.save_revision()
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "(draf)" in html
        links = page_links(html)
        assert not any(link.startswith(f"/{code}/") for link in links)
        assert_all_served(links)


@pytest.mark.parametrize("code", REGIONAL)
def test_approval_email_links_to_the_live_page(code, portal, locales, client):
    group = KimGroupPageFactory(
        parent=KimGroupIndexPageFactory(parent=portal), title="KIM Bahaur"
    )
    editors = KimRole.objects.get(translation_key=group.translation_key).group
    editor = make_user("editor", code, editors)
    moderator = make_user("moderator", "id", Group.objects.get(name=MODERATORS_NAME))
    client.force_login(editor)
    add = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group.pk]
    )
    client.post(add, activity_form(**{"action-submit": "submit"}))
    page = Page.objects.get(slug="sosialisasi")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    client.force_login(moderator)
    mail.outbox.clear()
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    to_editor = [m for m in mail.outbox if m.to == ["editor@example.com"]]
    assert to_editor, [m.subject for m in mail.outbox]
    urls = re.findall(r"https?://[^/\s]+(/[^\s\"<]*)", to_editor[0].body)
    live = [url for url in urls if not url.startswith("/admin/")]
    assert live == [page.url], to_editor[0].body
    assert_all_served(set(live))


@pytest.mark.parametrize("code", REGIONAL)
def test_sitemap_and_feeds_for_a_regional_browser(code, tree):
    client = Client(HTTP_ACCEPT_LANGUAGE=f"{code},{code[:2]};q=0.8")
    client.cookies["django_language"] = code
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in sitemap.findall("s:url/s:loc", ns)]
    assert any(url.endswith("/en/") for url in locations)
    links = set()
    for feed in ("/tips/feed/rss/", tree["en_index"].url + "feed/rss/"):
        channel = ET.fromstring(client.get(feed).content).find("channel")
        links |= {item.findtext("link") for item in channel.findall("item")}
    paths = {re.sub(r"^https?://[^/]+", "", url) for url in {*locations, *links}}
    assert not any(path.startswith(f"/{code}/") for path in paths)
    assert_all_served(paths)
