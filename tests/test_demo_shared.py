"""The demo, loaded once and read by every test of this module.

``manage.py kim_cms_demo --as-home`` is slow (generated images and PDFs, pages
translated through wagtail-localize), so the tests here, which only read the
demo, share one load, as with ``django.test.TestCase.setUpTestData``: the demo
is loaded inside an outer transaction that is rolled back when the module is
done, and each test's own transaction (the ``db`` fixture) is a savepoint
within it, so whatever a test changes is undone before the next test. Its
media files are in one temporary folder, MEDIA_ROOT of every test here.

Every test here must only read the demo; one that needs a fresh load
(idempotence, other options) belongs in tests/test_demo.py.
"""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils.translation import deactivate
from wagtail.models import Page

from kim_cms.pages import (
    AgricultureTipPage,
    CulturalEventIndexPage,
    CulturalEventPage,
    KimActivityPage,
    KimGroupPage,
    KimPortalPage,
)
from kim_cms.snippets import Commodity
from tests.machine_formats import machine_number_problems

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once; return its media folder."""
    media = tmp_path_factory.mktemp("shared-demo-media")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # like TestCase: durable blocks may nest
        atomic.__enter__()
        try:
            with override_settings(MEDIA_ROOT=str(media)):
                cache.clear()
                call_command("kim_cms_demo", "--as-home", stdout=StringIO())
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
        finally:
            cache.clear()
            deactivate()
    yield media
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        cache.clear()
        # other tests start from an empty database
        assert not KimPortalPage.objects.exists()


@pytest.fixture(autouse=True)
def demo(shared_demo, db, settings):
    """Every test here reads the shared demo, with its media files."""
    settings.MEDIA_ROOT = str(shared_demo)


# -- the site as a whole -----------------------------------------------------


def test_every_demo_page_renders_in_both_languages(locales):
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


def test_every_demo_translation_is_complete_and_up_to_date(locales):
    """The translation status report calls every demo page up to date, and
    that is true: no text segment of any of them waits for a translation."""
    from django.contrib.contenttypes.models import ContentType

    from kim_cms.translation_status import (
        annotate_translation_status,
        kim_cms_page_models,
    )

    content_types = ContentType.objects.get_for_models(*kim_cms_page_models())
    pages = Page.objects.filter(
        content_type__in=content_types.values(), locale=locales["id"]
    )
    statuses = {
        page.title: [(s.status, s.untranslated) for s in page.translation_statuses]
        for page in annotate_translation_status(pages)
    }
    assert statuses
    assert {title: s for title, s in statuses.items() if s != [("up_to_date", 0)]} == {}
    english = KimGroupPage.objects.filter(locale=locales["en"]).first()
    assert "Counter hoaxes on social media" in english.mission_points


# -- events -----------------------------------------------------------------


def test_demo_events(locales):
    events = CulturalEventPage.objects.live().filter(locale=locales["id"])
    assert events.count() >= 10
    assert all(event.next_occurrence() is not None for event in events)
    assert events.filter(recurrence="yearly").exists()
    assert events.filter(status="cancelled").exists()
    wita = events.get(time_zone="Asia/Makassar")
    english = CulturalEventPage.objects.live().filter(locale=locales["en"])
    assert english.count() == events.count()

    client = Client()
    index = CulturalEventIndexPage.objects.get(locale=locales["en"])
    html = client.get(index.url).content.decode()
    assert "Pulang Pisau Culture Festival" in html
    assert "Cancelled" in html
    wita_en = wita.get_translation(locales["en"])
    html = client.get(wita_en.url).content.decode()
    assert "WITA" in html and "6:00 AM" in html
    assert "Festival" in html or "Performing arts" in html
    ics = client.get(wita_en.url + "ics/")
    assert b"TZID=Asia/Makassar" in ics.content
    html = client.get(wita.url).content.decode()
    assert "06.00" in html and "WITA" in html


# -- groups -----------------------------------------------------------------


def test_demo_groups(locales):
    groups = KimGroupPage.objects.filter(locale=locales["id"]).live()
    assert groups.count() >= 8
    assert len({g.kecamatan_id for g in groups}) >= 7
    for group in groups:
        english = group.get_translation(locales["en"])
        assert english.live
        assert 1 <= KimActivityPage.objects.child_of(group).live().count() <= 3
        officers = list(group.officers.all())
        assert any(o.consent_to_publish for o in officers)
        hidden = [o.name for o in officers if not o.consent_to_publish]
        assert hidden
        html = Client().get(group.url).content.decode()
        for officer in officers:
            if officer.consent_to_publish:
                assert officer.name in html
        for name in hidden:
            if name not in {o.name for o in officers if o.consent_to_publish}:
                assert name not in html
    english_activity = KimActivityPage.objects.filter(locale=locales["en"]).first()
    assert english_activity.title in {
        "Fact-checking outreach for villagers",
        "Outreach on preventing land fires",
        "Product photography training for small businesses",
    }


# -- tips -------------------------------------------------------------------


def test_demo_tips_in_both_languages_with_illustrated_steps(locales):
    indonesian = AgricultureTipPage.objects.live().filter(locale=locales["id"])
    english = AgricultureTipPage.objects.live().filter(locale=locales["en"])
    assert indonesian.count() >= 8
    assert english.count() == indonesian.count()
    for tip in indonesian:
        assert tip.steps and all(step.value["image"] for step in tip.steps)
    rice = english.get(slug="rice-on-peat-land")
    assert rice.title == "Growing rice on peat land"
    assert rice.commodity.locale == locales["en"]
    assert rice.commodity.name == "Rice"
    assert Commodity.objects.filter(locale=locales["en"]).count() >= 8
    client = Client()
    html = client.get(rice.url).content.decode()
    assert "Manage the water" in html
    assert "Spread dolomite evenly two weeks before planting." in html
    assert "1 to 2 tonnes per hectare" in html
    index_html = client.get(rice.get_parent().url).content.decode()
    assert "Growing rice on peat land" in index_html
    assert "Menanam padi" not in index_html
    assert client.get(rice.get_parent().url + "feed/rss/").status_code == 200
