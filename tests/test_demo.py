from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page, Site

from kim_cms.pages import KimPortalPage

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
