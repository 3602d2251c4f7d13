"""What the translator reads in wagtail-localize: a group's mission line by
line (no ``<br/>`` tags), and the library texts an editor left to the image
and document library offered where the page uses them."""

import html

import pytest
from django.urls import reverse

from tests.factories import ImageFactory
from tests.factories_groups import KimGroupPageFactory
from tests.localize import (
    fill_segments,
    publish_translation,
    segments,
    submit_translation,
    sync_source,
)

pytestmark = pytest.mark.django_db

MISSION = (
    "Menyebarkan informasi pembangunan desa\n"
    "Melawan hoaks di media sosial\n"
    "\n"
    "Mendokumentasikan kegiatan warga"
)


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def group(directory):
    page = KimGroupPageFactory(
        parent=directory,
        title="KIM Bahaur Bersatu",
        slug="bahaur",
        vision="Menjadi jembatan informasi.",
        mission=MISSION,
    )
    page.save_revision().publish()
    return page


def english_of(text):
    return {
        "Menyebarkan informasi pembangunan desa": "Spread news of village development",
        "Melawan hoaks di media sosial": "Counter hoaxes on social media",
        "Mendokumentasikan kegiatan warga": "Document the villagers' activities",
        "Mendokumentasikan kegiatan warga desa": "Document the village's activities",
    }.get(text, f"EN: {text}")


def test_the_mission_reaches_the_translator_line_by_line(admin_client, group, locales):
    translation = submit_translation(admin_client, group, locales["en"])
    offered = [s.string.data for s in segments(translation)]
    assert "Menyebarkan informasi pembangunan desa" in offered
    assert "Melawan hoaks di media sosial" in offered
    assert "Mendokumentasikan kegiatan warga" in offered
    assert not [text for text in offered if "<br" in text]
    # The translation editor shows each line as a segment of the mission.
    english = translation.get_target_instance()
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    props = html.unescape(editor.content.decode())
    for line in filter(None, MISSION.splitlines()):
        assert (
            f'"source": "{line}", "location": {{"tab": "konten", "field": "Misi"'
            in props
        )


def test_the_translated_mission_keeps_its_lines_and_sync_keeps_translations(
    admin_client, group, locales, capture, client
):
    translation = submit_translation(admin_client, group, locales["en"])
    fill_segments(admin_client, translation, english_of)
    english = publish_translation(translation, capture)
    assert english.mission == (
        "Spread news of village development\n"
        "Counter hoaxes on social media\n"
        "Document the villagers' activities"
    )
    html = client.get(english.get_url()).content.decode()
    assert "<li>Counter hoaxes on social media</li>" in html
    # The editor rewrites one line and adds a point before it.
    group = group.get_latest_revision_as_object()
    group.mission = (
        "Menyebarkan informasi pembangunan desa\n"
        "Melatih warga memeriksa berita\n"
        "Melawan hoaks di media sosial\n"
        "Mendokumentasikan kegiatan warga desa"
    )
    group.save_revision().publish()
    translation = sync_source(group, translation, capture)
    total, done = translation.get_progress()
    assert total - done == 2  # the new and the changed line; the rest is kept
    english.refresh_from_db()
    lines = english.mission.splitlines()
    assert lines[0] == "Spread news of village development"
    assert lines[2] == "Counter hoaxes on social media"
    assert len(lines) == 4


@pytest.mark.slow
def test_the_demo_translates_the_mission(locales):
    from io import StringIO

    from django.core.management import call_command

    from kim_cms.pages import KimGroupPage

    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    english = KimGroupPage.objects.filter(locale=locales["en"]).first()
    assert english.mission_points == [
        "Spread news of village development",
        "Counter hoaxes on social media",
        "Document the villagers' activities",
    ]


def test_an_image_block_without_its_own_alt_text_offers_the_images_description(
    admin_client, portal, locales, capture, client
):
    described = ImageFactory(title="Foto rapat", description="Warga rapat di balai")
    untitled = ImageFactory(title="Foto kerja bakti", description="")
    portal.introduction = [
        ("image", {"image": described, "alt_text": "", "caption": ""}),
        ("image", {"image": untitled, "alt_text": "", "caption": ""}),
        (
            "gallery",
            {
                "title": "",
                "images": [{"image": described, "alt_text": "", "caption": ""}],
            },
        ),
        ("image", {"image": described, "alt_text": "Ketua membuka rapat"}),
    ]
    portal.save_revision().publish()
    translation = submit_translation(admin_client, portal, locales["en"])
    offered = [s.string.data for s in segments(translation)]
    assert offered.count("Warga rapat di balai") == 2
    assert "Foto kerja bakti" in offered  # no description: the image's title
    assert "Ketua membuka rapat" in offered
    fill_segments(admin_client, translation)
    english = publish_translation(translation, capture)
    html = client.get(english.get_url()).content.decode()
    assert 'alt="EN: Warga rapat di balai"' in html
    assert 'alt="EN: Foto kerja bakti"' in html
    assert 'alt="EN: Ketua membuka rapat"' in html
    # The Indonesian page still reads the library's description.
    portal.refresh_from_db()
    assert 'alt="Warga rapat di balai"' in client.get(portal.get_url()).content.decode()
    assert english.introduction[0].value["image"] == described


def test_a_document_block_without_its_own_title_offers_the_documents_title(
    admin_client, portal, locales, capture, client
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Panduan pembentukan KIM")
    document.file.save("panduan.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    portal.introduction = [
        ("document", {"document": document, "title": "", "description": ""})
    ]
    portal.save_revision().publish()
    translation = submit_translation(admin_client, portal, locales["en"])
    assert "Panduan pembentukan KIM" in [s.string.data for s in segments(translation)]
    fill_segments(admin_client, translation)
    english = publish_translation(translation, capture)
    html = client.get(english.get_url()).content.decode()
    assert "EN: Panduan pembentukan KIM</a>" in html


def test_a_tip_step_photo_offers_the_images_description(
    admin_client, portal, locales, capture
):
    from tests.factories_tips import make_tip, make_tip_index

    tips = make_tip_index(portal)
    tip = make_tip(tips, "Padi di lahan gambut")
    photo = ImageFactory(title="Sawah", description="Petak sawah yang dikeringkan")
    tip.steps = [
        (
            "step",
            {
                "title": "Keringkan petak sawah",
                "text": "",
                "image": photo,
                "image_alt": "",
                "video": "",
            },
        )
    ]
    tip.save_revision().publish()
    translation_of_tips = submit_translation(admin_client, tips, locales["en"])
    publish_translation(translation_of_tips, capture)
    translation = submit_translation(admin_client, tip, locales["en"])
    offered = [s.string.data for s in segments(translation)]
    assert "Petak sawah yang dikeringkan" in offered
    fill_segments(admin_client, translation)
    english = publish_translation(translation, capture)
    assert english.steps[0].value["image_alt"] == "EN: Petak sawah yang dikeringkan"
