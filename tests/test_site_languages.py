"""A site whose default language is not Indonesian keeps its addresses and
its default language; kim-cms adds Indonesian beside it. Every content
language needs a Wagtail locale, and a check says when one is missing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches
from wagtail.models import Locale, Page, Site

from kim_cms.pages import KimPortalPage

pytestmark = pytest.mark.django_db

LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]


@pytest.fixture
def english_site(settings):
    """A district site in English (made before kim-cms): its home page and an
    "about" page, in the only locale it has."""
    settings.LANGUAGE_CODE = "en-us"
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
    clear_url_caches()
    english, _created = Locale.objects.get_or_create(language_code="en")
    Page.objects.update(locale=english)
    Locale.objects.exclude(pk=english.pk).delete()
    home = Page.objects.get(depth=2)
    home.refresh_from_db()
    about = home.add_child(instance=Page(title="About the district", slug="about"))
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    yield {"home": home, "about": about}
    clear_url_caches()


def test_the_sites_addresses_and_language_stay(english_site, settings):
    home, about = english_site["home"], english_site["about"]
    assert (home.url, about.url) == ("/", "/about/")
    assert Client().get("/about/").status_code == 200
    assert Locale.get_default().language_code == "en"


def test_check_warns_of_a_content_language_without_locale(english_site, run_checks):
    messages = run_checks(databases=["default"])
    assert [m.id for m in messages] == ["kim_cms.W006"]
    assert "'id'" in messages[0].msg
    assert "kim_cms_create_locales" in messages[0].hint
    # Without a database the check stays silent (``manage.py check``).
    assert run_checks() == []


def test_create_locales_command_is_idempotent(english_site, run_checks):
    out = StringIO()
    call_command("kim_cms_create_locales", stdout=out)
    assert "id" in out.getvalue()
    assert Locale.objects.filter(language_code="id").exists()
    assert run_checks(databases=["default"]) == []
    count = Locale.objects.count()
    out = StringIO()
    call_command("kim_cms_create_locales", stdout=out)
    assert Locale.objects.count() == count
    assert "Every content language has a locale" in out.getvalue() or (
        "Setiap bahasa konten" in out.getvalue()
    )


@pytest.mark.slow
def test_the_demo_goes_under_the_indonesian_home_on_an_english_site(english_site):
    home, about = english_site["home"], english_site["about"]
    out = StringIO()
    call_command("kim_cms_demo", stdout=out)
    indonesian = Locale.objects.get(language_code="id")
    portal = KimPortalPage.objects.get(locale=indonesian)
    english = KimPortalPage.objects.get(locale__language_code="en")
    home_id = portal.get_parent()
    assert home_id.translation_key == home.translation_key
    assert home_id.locale == indonesian and home_id.live
    assert home.title in out.getvalue() and "/id/" in out.getvalue()
    # The site's own pages keep their addresses; Indonesian goes under /id/.
    home.refresh_from_db()
    about.refresh_from_db()
    assert (home.url, about.url) == ("/", "/about/")
    assert (home_id.url, portal.url, english.url) == ("/id/", "/id/kim/", "/kim/")
    client = Client()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    languages = set()
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        languages.add(page.locale.language_code)
    assert languages == {"en", "id"}
    assert KimPortalPage.objects.count() == 2
    # hreflang x-default: the site's default language.
    html = client.get("/id/kim/").content.decode()
    assert 'hreflang="x-default" href="http://localhost/kim/"' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert 'hreflang="x-default" href="http://localhost/kim/"' in sitemap
    assert 'hreflang="x-default" href="http://localhost/id/kim/"' not in sitemap
    count = Page.objects.count()
    out = StringIO()
    call_command("kim_cms_demo", stdout=out)
    assert Page.objects.count() == count
    assert "nothing changed" in out.getvalue() or "tidak ada" in out.getvalue()


@pytest.mark.slow
def test_the_demo_under_a_given_english_page(english_site):
    about = english_site["about"]
    call_command("kim_cms_demo", "--parent", str(about.pk), stdout=StringIO())
    portal = KimPortalPage.objects.get(locale__language_code="id")
    assert portal.url == "/id/about/kim/"
    assert portal.get_parent().translation_key == about.translation_key
    assert Client().get("/id/about/kim/").status_code == 200
    assert Client().get("/about/kim/").status_code == 200


@pytest.mark.slow
def test_the_demo_as_home_on_an_english_site(english_site):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    portal = KimPortalPage.objects.get(locale__language_code="id")
    assert Site.objects.get(is_default_site=True).root_page_id == portal.pk
    # English, the default language, at /; Indonesian under /id/.
    assert portal.url == "/id/"
    english = KimPortalPage.objects.get(locale__language_code="en")
    assert english.url == "/"
    for url in ("/", "/id/"):
        assert Client().get(url).status_code == 200
