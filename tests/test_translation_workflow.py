"""A translator localizes kim_cms pages through wagtail-localize."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.rich_text import RichText

from tests.localize import (
    download_po,
    fill_segments,
    publish_translation,
    segments,
    submit_translation,
    sync_source,
    upload_po,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def translatable_pages(portal):
    """One page of every kim_cms page type, in Indonesian, live."""
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
    from tests.factories_training import (
        TrainingIndexPageFactory,
        TrainingMaterialPageFactory,
    )

    portal.introduction = [("paragraph", "<p>Selamat datang di portal KIM.</p>")]
    portal.save_revision().publish()
    directory = KimGroupIndexPageFactory(parent=portal)
    group = KimGroupPageFactory(parent=directory, title="KIM Bahaur Bersatu")
    activity = KimActivityPageFactory(parent=group, title="Rapat bulanan")
    tips = make_tip_index(portal)
    tip = make_tip(tips, "Padi di lahan gambut")
    agenda = CulturalEventIndexPageFactory(parent=portal)
    event = CulturalEventPageFactory(parent=agenda, title="Festival Isen Mulang")
    training = TrainingIndexPageFactory(parent=portal)
    material = TrainingMaterialPageFactory(
        parent=training, title="Literasi digital", slug="literasi-digital"
    )
    pages = [portal, directory, group, activity, tips, tip]
    pages += [agenda, event, training, material]
    return [page.specific for page in pages]


def test_fixture_covers_every_kim_cms_page_type(translatable_pages):
    from kim_cms.wagtail_admin.translation_status import kim_cms_page_models

    package_types = {
        model for model in kim_cms_page_models() if model._meta.app_label == "kim_cms"
    }
    assert {type(page) for page in translatable_pages} == package_types


def test_translate_every_page_type_to_english(
    admin_client, translatable_pages, locales, capture
):
    # parents first: a translation needs its parent translated
    for page in sorted(translatable_pages, key=lambda p: p.depth):
        translation = submit_translation(admin_client, page, locales["en"])
        draft = translation.get_target_instance()
        # new translations of live pages stay drafts until reviewed
        assert not draft.live
        fill_segments(admin_client, translation)
        assert translation.get_progress()[0] == translation.get_progress()[1]
        english = publish_translation(translation, capture)
        english.refresh_from_db()
        assert english.live
        assert english.title == f"EN: {page.title}"
        response = admin_client.get(english.get_url())
        assert response.status_code == 200, english.get_url()
        html = response.content.decode()
        assert f"EN: {page.title}" in html
        assert '<html lang="en">' in html


def test_prose_is_offered_and_contact_data_is_synchronized(
    admin_client, portal, locales, capture
):
    portal.introduction = [("paragraph", "<p>Selamat datang.</p>")]
    portal.save_revision().publish()
    translation = submit_translation(admin_client, portal, locales["en"])
    offered = {s.string.data for s in segments(translation)}
    assert "Selamat datang." in offered
    assert portal.office_name in offered
    assert portal.office_phone not in offered
    assert portal.office_email not in offered
    fill_segments(admin_client, translation)
    english = publish_translation(translation, capture)
    assert english.office_phone == portal.office_phone
    portal.office_phone = "+62 513 99999"
    portal.save_revision().publish()
    translation = sync_source(portal, translation, capture)
    english.refresh_from_db()
    assert english.office_phone == "+62 513 99999"


def test_sync_keeps_unchanged_translations(admin_client, portal, locales, capture):
    portal.introduction = [
        ("paragraph", "<p>Paragraf satu.</p>"),
        ("paragraph", "<p>Paragraf dua.</p>"),
    ]
    portal.save_revision().publish()
    translation = submit_translation(admin_client, portal, locales["en"])
    fill_segments(admin_client, translation)
    publish_translation(translation, capture)

    portal = portal.get_latest_revision_as_object()
    # the editor changes the second paragraph in place (its block keeps its id)
    portal.introduction[1].value = RichText("<p>Paragraf dua, diubah.</p>")
    portal.save_revision().publish()
    translation = sync_source(portal, translation, capture)
    total, done = translation.get_progress()
    assert total - done == 1  # only the changed paragraph needs work
    english = translation.get_target_instance()
    html = admin_client.get(english.get_url()).content.decode()
    assert "EN: Paragraf satu." in html


def test_po_export_and_import(admin_client, portal, locales, capture):
    translation = submit_translation(admin_client, portal, locales["en"])
    po = download_po(admin_client, translation)
    assert any(entry.msgid == portal.title for entry in po)
    for entry in po:
        entry.msgstr = f"PO: {entry.msgid}"
    response = upload_po(admin_client, translation, po)
    assert response.status_code == 302
    assert translation.get_progress()[0] == translation.get_progress()[1]
    english = publish_translation(translation, capture)
    assert english.title == f"PO: {portal.title}"


def test_user_without_permission_cannot_translate(
    client, portal, locales, django_user_model
):
    user = django_user_model.objects.create_user("warga", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(
        f"/admin/localize/submit/page/{portal.pk}/", {"locales": [locales["en"].pk]}
    )
    assert response.status_code in (302, 403)
    assert portal.get_translation_or_none(locales["en"]) is None


def test_translator_can_translate_but_not_publish_source(
    client, portal, root_page, locales, django_user_model, capture
):
    group = Group.objects.create(name="Penerjemah")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=root_page,
            permission=Permission.objects.get(codename=codename),
        )
    user = django_user_model.objects.create_user("penerjemah", password="x")
    user.groups.add(group)
    client.force_login(user)
    translation = submit_translation(client, portal, locales["en"])
    fill_segments(client, translation)
    assert translation.get_progress()[0] == translation.get_progress()[1]
    response = client.post(
        f"/admin/pages/{portal.pk}/unpublish/", {"include_descendants": False}
    )
    assert response.status_code in (302, 403)
    portal.refresh_from_db()
    assert portal.live


def test_list_items_and_image_alt_text_are_offered(admin_client, portal, locales):
    from tests.factories import ImageFactory

    portal.introduction = [
        ("paragraph", "<ul><li>Butir pertama</li><li>Butir kedua</li></ul>"),
        (
            "image",
            {"image": ImageFactory(), "alt_text": "Warga membaca", "caption": "Foto"},
        ),
    ]
    portal.save_revision().publish()
    translation = submit_translation(admin_client, portal, locales["en"])
    offered = {s.string.data for s in segments(translation)}
    assert {"Butir pertama", "Butir kedua", "Warga membaca", "Foto"} <= offered


def test_switcher_falls_back_to_nearest_translated_ancestor(
    english_portal, portal, client
):
    from tests.factories import KimPortalPageFactory

    child = KimPortalPageFactory(parent=portal, title="Hanya Indonesia", slug="hanya")
    html = client.get(child.url).content.decode()
    # no English translation of the child: the switcher offers the English portal
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    # but hreflang alternates only name real translations
    assert 'hreflang="en" href="http://localhost/en/"' not in html
