"""The language links of a page (switcher and hreflang), in one or two queries."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from kim_cms import page_cache
from kim_cms.templatetags.kim_cms_tags import kim_page_alternates
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory

pytestmark = pytest.mark.django_db


def translate(page, locale, **fields):
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


@pytest.fixture
def tree(portal, english_portal, locales):
    directory = KimGroupIndexPageFactory(parent=portal, slug="direktori")
    english_directory = translate(directory, locales["en"], title="Directory")
    group = KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="bahaur")
    return {
        "directory": directory,
        "english_directory": english_directory,
        "group": group,
    }


def served_request(page):
    request = RequestFactory().get(page.url)
    Site.find_for_request(request)  # done (and cached) by Wagtail's routing
    return request


def alternates(page, request=None):
    request = request or served_request(page)
    return {alt["code"]: alt for alt in kim_page_alternates({"request": request}, page)}


def test_translated_page_links_its_translation_in_one_query(
    tree, locales, django_assert_num_queries
):
    english = translate(tree["group"], locales["en"], title="KIM Bahaur (en)")
    group = type(tree["group"]).objects.get(pk=tree["group"].pk)
    group.get_kim_lineage()  # loaded by the routing when the page is served
    request = served_request(group)
    alternates(group)  # Wagtail caches the site root paths (first time)
    page_cache.purge_all()  # worked out again, not read where they are kept
    with django_assert_num_queries(1):
        links = alternates(group, request)
    assert links["en"]["url"] == english.url
    assert links["en"]["exact"] and links["id"]["exact"]
    assert links["id"]["is_current"] and not links["en"]["is_current"]


def test_untranslated_page_links_the_nearest_translated_ancestor(
    tree, client, django_assert_num_queries
):
    group = type(tree["group"]).objects.get(pk=tree["group"].pk)
    group.get_kim_lineage()
    request = served_request(group)
    alternates(group)
    page_cache.purge_all()
    with django_assert_num_queries(2):
        links = alternates(group, request)
    assert links["en"]["url"] == tree["english_directory"].url  # not the portal
    assert not links["en"]["exact"]
    html = client.get(group.url).content.decode()
    assert f'<a href="{tree["english_directory"].url}" hreflang="en"' in html
    assert 'hreflang="en" href=' not in html.split("</head>")[0]


def test_draft_and_private_translations_are_not_linked(tree, locales, client):
    english = tree["group"].copy_for_translation(locales["en"])
    english.save_revision()  # a draft
    assert alternates(tree["group"])["en"]["url"] == tree["english_directory"].url
    english.save_revision().publish()
    assert alternates(tree["group"])["en"]["url"] == english.url
    PageViewRestriction.objects.create(page=english, restriction_type="login")
    assert alternates(tree["group"])["en"]["url"] == tree["english_directory"].url
    PageViewRestriction.objects.create(
        page=tree["english_directory"], restriction_type="login"
    )
    assert alternates(tree["group"])["en"]["url"] == "/en/"


def test_plain_wagtail_page_gets_its_alternates_too(portal, english_portal):
    page = Page(title="Halaman biasa", slug="biasa")
    portal.add_child(instance=page)
    links = alternates(page)
    assert links["en"]["url"] == "/en/"
    assert links["id"]["is_current"]


def test_the_links_are_kept_until_a_change_and_per_host_and_language(
    tree, locales, django_assert_num_queries
):
    from django.utils import translation

    group = tree["group"]
    assert not alternates(group)["en"]["exact"]  # the English directory
    request = served_request(group)
    # the next request reads them where they are kept: no query
    with django_assert_num_queries(0):
        links = alternates(group, request)
    assert links["en"]["url"] == tree["english_directory"].url
    # a new translation is a publish: linked at once
    english = translate(group, locales["en"], title="KIM Bahaur (en)")
    assert alternates(group)["en"]["url"] == english.url
    assert alternates(group)["en"]["exact"]
    # another host (another site) and another language are kept apart
    Site.objects.create(hostname="kim.example", port=80, root_page=tree["directory"])
    assert alternates(group)["id"]["url"] == "/direktori/bahaur/"
    request = RequestFactory(HTTP_HOST="kim.example").get("/bahaur/")
    Site.find_for_request(request)
    assert alternates(group, request)["id"]["url"] == "/bahaur/"
    with translation.override("en"):
        assert alternates(group)["en"]["name"] == "English"
