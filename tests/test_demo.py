from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page, Site

from kim_cms.pages import KimPortalPage
from tests.machine_formats import machine_number_problems

pytestmark = pytest.mark.django_db


def test_demo_fills_site_and_is_idempotent(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    count = Page.objects.count()
    revisions = sum(p.revisions.count() for p in Page.objects.all())
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    assert Page.objects.count() == count
    assert sum(p.revisions.count() for p in Page.objects.all()) == revisions

    portal = KimPortalPage.objects.get(locale=locales["id"])
    english = KimPortalPage.objects.get(locale=locales["en"])
    assert english.translation_key == portal.translation_key
    assert english.title == "Pulang Pisau District KIM Portal"
    assert english.live
    assert Site.objects.get(is_default_site=True).root_page_id == portal.pk


def test_every_demo_page_renders_in_both_languages(locales):
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    client = Client()
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert {p.locale.language_code for p in pages} == {"id", "en"}
    for page in pages:
        url = page.get_url()
        if url is None:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{page.locale.language_code}">' in html, url
        # numbers that machines read are never localized (-6,2088)
        assert machine_number_problems(html) == [], url


def test_english_portal_is_linked_through_wagtail_localize(locales):
    from wagtail_localize.models import Translation

    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    portal = KimPortalPage.objects.get(locale=locales["id"])
    translation = Translation.objects.get(
        source__object_id=portal.translation_key, target_locale=locales["en"]
    )
    assert translation.get_progress() == (
        translation.get_progress()[0],
        translation.get_progress()[0],
    )
    html = Client().get("/en/").content.decode()
    assert "Community information groups (KIM) are formed by" in html


def test_demo_under_existing_home_page(locales):
    call_command("kim_cms_demo", stdout=StringIO())
    portal = KimPortalPage.objects.get(locale=locales["id"])
    assert portal.url == "/kim/"
    assert Client().get("/kim/").status_code == 200
    assert Client().get("/en/kim/").status_code == 200


def test_demo_stops_with_clear_message_without_i18n(locales, settings):
    settings.WAGTAIL_I18N_ENABLED = False
    with pytest.raises(CommandError, match="WAGTAIL_I18N_ENABLED"):
        call_command("kim_cms_demo")


def test_demo_stops_when_english_is_not_a_content_language(locales, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("id", "Bahasa Indonesia")]
    with pytest.raises(CommandError, match="en"):
        call_command("kim_cms_demo")


def test_ctx_translate_handles_snippets_without_drafts(locales):
    from kim_cms.demo.base import DemoContext
    from kim_cms.snippets import Commodity

    padi = Commodity.objects.create(name="Padi", slug="padi", locale=locales["id"])
    ctx = DemoContext(portal=None)
    rice = ctx.translate(padi, {"Padi": "Rice"})
    assert rice.name == "Rice"
    assert rice.slug == "padi"
    assert rice.locale == locales["en"]
    assert ctx.translate(padi, {"Padi": "Paddy"}).name == "Rice"  # idempotent
