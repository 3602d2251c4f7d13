from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page, Site

from kim_cms.pages import KimPortalPage

pytestmark = pytest.mark.django_db


@pytest.mark.slow
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


@pytest.mark.slow
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


# -- the pictures the demo draws ---------------------------------------------


def _thumbnail(picture):
    return picture.convert("RGB").resize((64, 34))


def _difference(one, other):
    from PIL import ImageChops, ImageStat

    return sum(ImageStat.Stat(ImageChops.difference(one, other)).mean) / 3


def test_demo_pictures_are_drawn_without_text_and_deterministic(monkeypatch):
    """No scene or emblem writes text into its picture (the old placeholders
    had the title baked in, cut off in thumbnails), and a scene drawn twice
    with the same seed is the same picture."""
    from PIL import ImageDraw

    from kim_cms.demo import pictures

    def no_text(*args, **kwargs):
        raise AssertionError("a demo picture draws text")

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", no_text)
    monkeypatch.setattr(ImageDraw.ImageDraw, "multiline_text", no_text)
    for name in pictures.SCENES:
        small = pictures.render(name, seed="a", size=(160, 84))
        assert small.size == (160, 84)
        assert small.tobytes() == pictures.render(name, "a", (160, 84)).tobytes()
    emblem = pictures.emblem("PPB", (11, 110, 79), "shield", "fish")
    assert emblem.size == (400, 400)
    # the emblem is the group's colour around white initials on a white ground
    colors = {color for _count, color in emblem.getcolors(400 * 400)}
    assert (11, 110, 79) in colors and (255, 255, 255) in colors


def test_each_subject_is_drawn_differently():
    """Pictures of different subjects (rice field, river, stage, classroom...)
    look different even as 64 px thumbnails; the variants of one subject
    (a step of the same tip) still differ."""
    from itertools import combinations

    from kim_cms.demo import pictures

    assert len(pictures.SCENES) >= 30
    thumbnails = {
        name: _thumbnail(pictures.render(name, "s", (320, 168)))
        for name in pictures.SCENES
    }
    for one, other in combinations(thumbnails, 2):
        difference = _difference(thumbnails[one], thumbnails[other])
        if pictures.SCENES[one][0] is pictures.SCENES[other][0]:
            assert difference > 1, (one, other)
        else:
            assert difference > 12, (one, other)


def test_every_scene_is_described_in_both_languages():
    from kim_cms.demo import pictures

    seen = set()
    for name in pictures.SCENES:
        indonesian, english = pictures.describe(name)
        assert indonesian.startswith("Ilustrasi ")
        assert english.startswith("Illustration of ")
        assert len(indonesian) <= 250 and len(english) <= 250  # alt text fields
        assert (indonesian, english) not in seen
        seen.add((indonesian, english))
