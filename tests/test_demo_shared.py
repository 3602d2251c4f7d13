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

import re
from io import StringIO
from itertools import combinations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.utils.text import slugify
from django.utils.translation import deactivate
from PIL import Image as PILImage
from PIL import ImageChops, ImageStat
from wagtail.images import get_image_model
from wagtail.models import Page

from kim_cms.blocks import tel_href
from kim_cms.pages import (
    AgricultureTipIndexPage,
    AgricultureTipPage,
    CulturalEventIndexPage,
    CulturalEventPage,
    KimActivityPage,
    KimGroupIndexPage,
    KimGroupPage,
    KimPortalPage,
    TrainingIndexPage,
    TrainingMaterialPage,
)
from kim_cms.snippets import Commodity
from tests.machine_formats import machine_number_problems

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


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


def demo_images(collection):
    return get_image_model().objects.filter(collection__name=collection)


def picture(image, size=(64, 34)):
    """The image as a thumbnail of ``size``, as a listing shows it."""
    with image.open_file() as file:
        opened = PILImage.open(file)
        opened.load()
    return opened.convert("RGB").resize(size)


def colours(thumbnail):
    """How many coarse colours cover at least 1% of ``thumbnail``, and the
    share of the commonest one."""
    coarse = thumbnail.point(lambda value: value >> 5 << 5)
    counts = sorted((count for count, _c in coarse.getcolors(4096)), reverse=True)
    total = sum(counts)
    return len([c for c in counts if c * 100 >= total]), counts[0] / total


# -- the site as a whole -----------------------------------------------------


def test_every_demo_page_renders_in_both_languages(locales):
    descriptions = {
        "id": set(demo_images("KIM demo").values_list("description", flat=True)),
        "en": set(
            demo_images("KIM demo (English)").values_list("description", flat=True)
        ),
    }
    other = {"id": "en", "en": "id"}
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
        # pictures are described in the page's language
        for alt in re.findall(r'(?:alt|og:image:alt" content)="([^"]+)"', html):
            assert alt not in descriptions[other[page.locale.language_code]], (url, alt)


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

    from kim_cms.wagtail_admin.translation_status import (
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


# -- pictures, slugs and filled-in pages ---------------------------------------


def test_demo_pictures_are_illustrations_not_placeholders(locales):
    """Each picture is a drawn scene of many colours: not a one-colour card
    with stripes and a black caption band (the old placeholders), and no two
    pictures are the same."""
    images = list(demo_images("KIM demo"))
    assert len(images) >= 60
    assert len({image.file_hash for image in images}) == len(images)
    thumbnails = {}
    for image in images:
        thumbnail = picture(image)
        count, commonest = colours(thumbnail)
        assert count >= 8, image.title
        assert commonest < 0.5, image.title
        bottom = thumbnail.crop((0, 23, 64, 34)).convert("L")
        dark = sum(1 for value in bottom.tobytes() if value < 40)
        emblem = (image.title + " " + image.description).startswith("Lambang ")
        if not emblem:  # emblems are drawn shapes, not captioned pictures
            assert dark < 64 * 11 / 3, image.title  # no caption band
        assert image.description.startswith(("Ilustrasi ", "Lambang ")), image.title
        thumbnails[image.description] = thumbnail
    # pictures of different subjects look different even as thumbnails
    for one, other in combinations(thumbnails, 2):
        difference = ImageChops.difference(thumbnails[one], thumbnails[other])
        assert sum(ImageStat.Stat(difference).mean) / 3 > 1, (one, other)


def test_english_pages_show_english_copies_of_the_pictures(locales):
    english = demo_images("KIM demo (English)")
    assert english.count() >= 40
    for image in english:
        assert image.description.startswith(("Illustration of ", "An emblem")), (
            image.title
        )
        indonesian = demo_images("KIM demo").get(file_hash=image.file_hash)
        assert indonesian.description != image.description
    for model, field in (
        (KimPortalPage, "hero_image"),
        (KimGroupPage, "logo"),
        (KimGroupPage, "cover_image"),
        (KimActivityPage, "cover_image"),
        (CulturalEventPage, "image"),
        (AgricultureTipPage, "image"),
        (TrainingMaterialPage, "image"),
    ):
        for page in model.objects.filter(locale=locales["en"]):
            image = getattr(page, field)
            assert image.collection.name == "KIM demo (English)", (page.url, field)


def test_english_portal_is_in_english(locales):
    english = KimPortalPage.objects.get(locale=locales["en"])
    assert english.title == "Pulang Pisau District KIM Portal"
    assert english.district_name == "Pulang Pisau District"
    html = Client().get("/en/").content.decode()
    hero = html[html.index('<header class="kim-hero">') :]
    hero = hero[: hero.index("</header>")]
    assert "Pulang Pisau District KIM Portal" in hero
    assert "Illustration of the Kahayan River" in hero
    for indonesian in ("Portal KIM", "Kabupaten", "Sungai", "Ilustrasi"):
        assert indonesian not in hero
    assert "Portal KIM Kabupaten Pulang Pisau" not in html


def test_english_pages_have_english_slugs(locales):
    """/en/ URLs carry no Indonesian slug: a page whose title is translated
    has a slug made from its English title; names (the groups) keep theirs."""
    client = Client()
    pages = Page.objects.filter(locale=locales["en"], depth__gt=2)
    assert pages.count() >= 50
    renamed = 0
    for page in pages:
        source = page.get_translation(locales["id"])
        if page.title == source.title:
            assert page.slug == source.slug, page.url
            continue
        renamed += 1
        assert page.slug != source.slug, page.url
        # made of the English title's words (and perhaps a number)
        words = set(page.slug.split("-")) - set("0123456789")
        assert words <= set(slugify(page.title).split("-")), page.url
    assert renamed >= 40
    url = "/en/kim-directory/kim-bahaur/fact-checking-outreach-for-villagers/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Fact-checking outreach for villagers" in response.content.decode()


def test_group_logos_are_distinct_emblems(locales):
    """Every group has its own emblem: its initials (not its name written out)
    in its own colour."""
    groups = list(KimGroupPage.objects.filter(locale=locales["id"]))
    main_colours = []
    for group in groups:
        assert group.logo.description.startswith("Lambang "), group.title
        initials = group.logo.description.rsplit(" ", 1)[-1].rstrip(".")
        assert 2 <= len(initials) <= 3
        assert initials == "".join(w[0] for w in group.title.split()[1:])[:3]
        counts = picture(group.logo, (100, 100)).getcolors(10000)
        coloured = [
            (count, colour)
            for count, colour in counts
            if max(colour) - min(colour) > 40  # not white, grey or black
        ]
        main_colours.append(max(coloured)[1])
    assert len({g.logo.file_hash for g in groups}) == len(groups)
    for one, other in combinations(main_colours, 2):
        assert sum(abs(a - b) for a, b in zip(one, other, strict=True)) > 60


def test_demo_pages_are_filled_in_as_an_editor_would(locales):
    """The optional fields an editor fills are filled, in both languages:
    pictures, introductions, summaries, descriptions, reports."""
    for code in ("id", "en"):
        locale = locales[code]
        portal = KimPortalPage.objects.get(locale=locale)
        assert portal.hero_image and portal.introduction
        for model in (
            KimGroupIndexPage,
            AgricultureTipIndexPage,
            CulturalEventIndexPage,
            TrainingIndexPage,
        ):
            assert model.objects.get(locale=locale).introduction, model
        for group in KimGroupPage.objects.filter(locale=locale):
            assert group.logo and group.cover_image and group.description
            assert group.vision and group.mission and group.phone and group.email
        for activity in KimActivityPage.objects.filter(locale=locale):
            assert activity.cover_image and activity.summary and activity.body
        assert KimActivityPage.objects.filter(locale=locale).exclude(gallery=[])
        for event in CulturalEventPage.objects.filter(locale=locale):
            assert event.image and event.summary and event.body and event.venue
        for tip in AgricultureTipPage.objects.filter(locale=locale):
            assert tip.image and tip.summary
            assert all(s.value["image"] and s.value["image_alt"] for s in tip.steps)
        for material in TrainingMaterialPage.objects.filter(locale=locale):
            assert material.image and material.summary and material.modules
    group = KimGroupPage.objects.get(locale=locales["en"], slug="kim-bahaur")
    assert group.mission.startswith("Spread news of village development")
    assert "fishing village" in str(group.description)


def test_demo_warnings_and_guides(locales):
    from kim_cms.pages import PreparednessGuidePage, WarningPage

    client = Client()
    portal = KimPortalPage.objects.get(locale__language_code="id")
    html = client.get(portal.url).content.decode()
    assert 'class="kim-warning-banner"' in html
    assert "Siaga karhutla di Jabiren Raya dan Kahayan Hilir" in html
    assert "Waspada banjir" not in html  # expired
    warnings = WarningPage.objects.filter(locale__language_code="en")
    assert warnings.count() == 2
    guides = PreparednessGuidePage.objects.live()
    assert guides.filter(locale__language_code="id").count() == 2
    assert guides.filter(locale__language_code="en").count() == 2
    english = WarningPage.objects.get(locale__language_code="en", level="siaga")
    assert english.title == "Forest fire watch in Jabiren Raya and Kahayan Hilir"
    guide = guides.get(locale__language_code="id", hazard__slug="karhutla")
    assert 'href="tel:113"' in client.get(guide.url).content.decode()
    # the KIM of the area is a contact, with the number on its profile, and
    # each guide offers a poster to print, in both languages
    jabiren = KimGroupPage.objects.get(slug="kim-jabiren", locale=locales["id"])
    for code, poster in (
        ("id", "Poster: cegah karhutla"),
        ("en", "Poster: prevent forest fires"),
    ):
        guide = guides.get(locale=locales[code], hazard__slug="karhutla")
        html = client.get(guide.url).content.decode()
        assert jabiren.title in html
        assert f'href="{tel_href(jabiren.phone)}"' in html
        assert poster in html and "(PDF, " in html
    for guide in guides:
        (block,) = guide.posters
        response = client.get(block.value["document"].url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_demo_aspirations_show_answers_in_both_languages(locales):
    from kim_cms.aspirations.models import Aspiration
    from kim_cms.pages import AspirationPage

    client = Client()
    indonesian = AspirationPage.objects.get(locale__language_code="id")
    english = AspirationPage.objects.get(locale__language_code="en")
    html = client.get(indonesian.url + "dijawab/").content.decode()
    assert "Kapan pupuk bersubsidi" in html and "e-RDKK" in html
    html = client.get(english.url + "dijawab/").content.decode()
    assert "When will subsidised fertiliser" in html
    assert "Aspirations and Complaints" in client.get(english.url).content.decode()
    assert Aspiration.objects.filter(is_public=True).count() == 6
    assert not Aspiration.objects.exclude(name="", contact="").exists()
    assert Aspiration.objects.filter(category="hoaks", is_public=False).exists()


def test_demo_clarifications_and_posters(locales):
    """Three clarifications in both languages, filled as an editor fills
    them; posters are reachable from the event and tip pages."""
    from kim_cms.pages import HoaxClarificationPage

    client = Client()
    for code in ("id", "en"):
        pages = HoaxClarificationPage.objects.live().filter(locale=locales[code])
        assert sorted(page.verdict for page in pages) == [
            "hoaks",
            "misinformasi",
            "sebagian-benar",
        ]
        for page in pages:
            assert page.image and page.claim and page.summary and page.explanation
            assert page.evidence and page.sources and page.get_checker_name()
            assert page.claim_appearance and page.claim_first_seen
            assert page.get_topics()
            html = client.get(page.url).content.decode()
            assert page.url in html and 'href="https://wa.me/?text=' in html
    english = HoaxClarificationPage.objects.get(
        locale=locales["en"], verdict="sebagian-benar"
    )
    assert english.title.startswith("Partly true: subsidised fertiliser")
    assert english.get_checker_name() == "KIM Bereng Informatif"
    for page in (
        CulturalEventPage.objects.live().first(),
        AgricultureTipPage.objects.live().first(),
    ):
        html = client.get(page.url).content.decode()
        poster = f'href="/kim-cms/bagikan/poster/{page.pk}/"'
        assert poster in html
        response = client.get(f"/kim-cms/bagikan/poster/{page.pk}/")
        assert response.status_code == 200
        assert "Kabupaten Pulang Pisau" in response.content.decode()


def test_demo_kim_reports_on_the_warning_and_guide_in_both_languages(locales):
    from kim_cms.pages import PreparednessGuidePage, WarningPage

    client = Client()
    for language, heading, titles in (
        (
            "id",
            "Laporan KIM",
            [
                "Api di lahan gambut dekat kanal Jabiren",
                "Kabut asap tebal pagi hari di Pulang Pisau",
            ],
        ),
        (
            "en",
            "KIM reports",
            [
                "Fire on the peat land by the Jabiren canal",
                "Thick morning haze in Pulang Pisau",
            ],
        ),
    ):
        warning = WarningPage.objects.get(locale__language_code=language, level="siaga")
        guide = PreparednessGuidePage.objects.get(
            locale__language_code=language, hazard__slug="karhutla"
        )
        for page in (warning, guide):
            html = client.get(page.url).content.decode()
            assert heading in html, (language, page)
            # newest first
            assert html.index(titles[0]) < html.index(titles[1]), (language, page)
            # the place in the reader's words
            place = {"id": "Desa Jabiren, Jabiren Raya", "en": "Jabiren village"}
            assert place[language] in html, (language, page)
    reports = KimActivityPage.objects.filter(hazard__slug="karhutla")
    assert reports.filter(locale__language_code="id").count() == 2
    assert reports.filter(locale__language_code="en").count() == 2


def test_english_demo_pages_speak_english(locales):
    """What a translator translates is English on the English pages: the
    office that verified them, the offices that answered, the documents, the
    places, the opening hours; and the demo's jargon is explained."""
    from kim_cms.pages import (
        AspirationPage,
        HoaxClarificationPage,
        PreparednessGuidePage,
        WarningPage,
    )

    client = Client()

    def text(page):
        return client.get(page.url).content.decode()

    english_portal = KimPortalPage.objects.get(locale=locales["en"])
    html = text(english_portal)
    assert "Monday to Thursday 7:30 AM–4:00 PM WIB" in html
    assert "material from training, technical guidance and outreach" in html
    tip = AgricultureTipPage.objects.live().filter(locale=locales["en"]).first()
    html = text(tip)
    assert "Approved for publication by Communications, Informatics" in html
    assert "Dinas Komunikasi" not in html
    assert "Dinas Pertanian" not in html and "BPP Kecamatan" not in html
    html = client.get(
        AspirationPage.objects.get(locale=locales["en"]).url + "dijawab/"
    ).content.decode()
    assert "Answer (Agriculture Office)" in html and "Dinas" not in html
    assert '<abbr title="Rencana Definitif Kebutuhan Kelompok elektronik' in html
    material = TrainingMaterialPage.objects.live().filter(locale=locales["en"])
    html = text(material.first())
    assert "Slides: " in html and "Exercise sheet: " in html
    assert "Bahan tayang" not in html and "Lembar latihan" not in html
    group = KimGroupPage.objects.live().filter(locale=locales["en"]).first()
    html = text(group)
    assert "Verified by Communications, Informatics, Cryptography" in html
    assert "Dinas Komunikasi" not in html
    assert "village hall, " in html and "Balai Desa" not in html
    indonesian_group = group.get_translation(locales["id"])
    assert "Diverifikasi oleh Dinas Komunikasi" in text(indonesian_group)
    events = CulturalEventIndexPage.objects.get(locale=locales["en"])
    html = text(events)
    assert "Balai Desa" not in html and "Aula Kecamatan" not in html
    warning = WarningPage.objects.get(locale=locales["en"], level="siaga")
    assert "BPBD Kabupaten" not in text(warning)
    guide = PreparednessGuidePage.objects.get(
        locale=locales["en"], hazard__slug="karhutla"
    )
    html = text(guide)
    assert "Pulang Pisau District disaster management agency (BPBD)" in html
    # the evacuation point names its desa once, and its capacity clearly
    assert "Jabiren Jabiren" not in html
    assert "Jabiren Raya sub-district</span>" in html
    assert "for 200 people" in html
    html = text(guide.get_translation(locales["id"]))
    assert "kapasitas 200 orang" in html
    clarification = HoaxClarificationPage.objects.get(
        locale=locales["id"], slug="pupuk-subsidi-cukup-ktp"
    )
    assert '<abbr title="Rencana Definitif' in text(clarification)
    intro = text(KimPortalPage.objects.get(locale=locales["id"]))
    assert "bimbingan teknis (bimtek)" in intro
