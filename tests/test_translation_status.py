import csv
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils.translation import override as translation_override
from wagtail.models import GroupPagePermission

from kim_cms.wagtail_admin.translation_status import annotate_translation_status
from tests.factories import KimPortalPageFactory
from tests.html import squash

pytestmark = pytest.mark.django_db

URL = "/admin/reports/kim-translation-status/"


def statuses(page):
    (page,) = annotate_translation_status([page])
    return {s.locale.language_code: s.status for s in page.translation_statuses}


def translate_with_localize(page, locale, leave_untranslated=0):
    """Translate ``page`` through wagtail-localize, every text segment but the
    last ``leave_untranslated``, and publish the translation."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=locale, enabled=True
    )
    segments = list(StringSegment.objects.filter(source=source).order_by("order"))
    for segment in segments[: len(segments) - leave_untranslated]:
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locale,
            data=f"EN {segment.string.data}",
        )
    translation.save_target(publish=False)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish()
    return translation


def test_missing_then_draft_then_up_to_date_then_out_of_date(portal, locales):
    assert statuses(portal) == {"en": "missing"}
    translate_with_localize(portal, locales["en"])
    assert statuses(portal) == {"en": "up_to_date"}
    english = portal.get_translation(locales["en"])
    english.unpublish()
    assert statuses(portal) == {"en": "draft"}
    english.save_revision().publish()
    portal.title = "Portal KIM (baru)"
    portal.save_revision().publish()
    assert statuses(portal) == {"en": "out_of_date"}


def test_synced_source_without_resaved_translation_is_out_of_date(portal, locales):
    from wagtail_localize.models import TranslationSource

    translate_with_localize(portal, locales["en"])
    portal.title = "Portal KIM (baru)"
    portal.save_revision().publish()
    TranslationSource.update_or_create_from_instance(portal)
    assert statuses(portal) == {"en": "out_of_date"}


def test_report_lists_kim_pages_with_status(portal, locales, admin_client):
    translate_with_localize(portal, locales["en"])
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Portal KIM Pulang Pisau" in html
    assert 'data-status="up_to_date"' in html


def test_report_exports_csv(portal, locales, admin_client):
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][0] == "Portal KIM Pulang Pisau"
    assert rows[1][-1] in {"Missing", "Belum ada"}


def test_a_translation_with_untranslated_text_is_not_up_to_date(portal, locales):
    portal.introduction = [
        ("paragraph", "<p>Paragraf satu.</p>"),
        ("paragraph", "<p>Paragraf dua.</p>"),
    ]
    portal.save_revision().publish()
    translation = translate_with_localize(portal, locales["en"], leave_untranslated=2)
    (page,) = annotate_translation_status([portal])
    (status,) = page.translation_statuses
    assert status.status == "incomplete"
    assert status.untranslated == 2
    with translation_override("id"):
        assert str(status) == "Belum lengkap (2 segmen belum diterjemahkan)"
    with translation_override("en"):
        assert str(status) == "Incomplete (2 segments untranslated)"
    from wagtail_localize.models import StringSegment, StringTranslation

    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.get_or_create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=locales["en"],
            defaults={"data": "EN"},
        )
    assert statuses(portal) == {"en": "up_to_date"}


def test_the_report_names_each_pages_parent(portal, locales, admin_client):
    from tests.factories_groups import (
        KimActivityPageFactory,
        KimGroupIndexPageFactory,
        KimGroupPageFactory,
    )

    directory = KimGroupIndexPageFactory(parent=portal)
    for slug, title in (("bahaur", "KIM Bahaur Bersatu"), ("maliku", "KIM Maliku")):
        group = KimGroupPageFactory(parent=directory, title=title, slug=slug)
        KimActivityPageFactory(
            parent=group, title="Sosialisasi cek fakta untuk warga", slug="cek"
        )
    html = squash(admin_client.get(URL).content.decode())
    rows = re.findall(r"<tr>(.*?)</tr>", html)
    reports = [row for row in rows if "Sosialisasi cek fakta untuk warga" in row]
    assert len(reports) == 2
    assert (
        'data-parent="KIM Bahaur Bersatu">· di bawah KIM Bahaur Bersatu' in reports[0]
    )
    assert 'data-parent="KIM Maliku">· di bawah KIM Maliku' in reports[1]
    # The portal's parent is Wagtail's root, no page of the site.
    (portal_row,) = [row for row in rows if "Portal KIM Pulang Pisau</a>" in row]
    assert "data-parent" not in portal_row and "Root" not in portal_row
    response = admin_client.get(URL, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][1] in {"Parent page", "Halaman induk"}
    assert [
        row[1] for row in rows if row[0] == "Sosialisasi cek fakta untuk warga"
    ] == ["KIM Bahaur Bersatu", "KIM Maliku"]


def test_the_report_shows_how_many_segments_wait(portal, locales, admin_client):
    translate_with_localize(portal, locales["en"], leave_untranslated=1)
    html = squash(admin_client.get(URL).content.decode())
    assert 'data-status="incomplete"' in html
    assert "1 segmen belum diterjemahkan" in html
    assert "Mutakhir" not in html


def test_report_query_count_is_constant_with_translations_and_parents(
    portal, locales, admin_client, django_assert_max_num_queries
):
    from tests.factories_groups import (
        KimActivityPageFactory,
        KimGroupIndexPageFactory,
        KimGroupPageFactory,
    )

    directory = KimGroupIndexPageFactory(parent=portal)
    translate_with_localize(portal, locales["en"])
    translate_with_localize(directory, locales["en"])

    def add_group(n):
        group = KimGroupPageFactory(parent=directory, title=f"KIM {n}", slug=f"g{n}")
        activity = KimActivityPageFactory(parent=group, title="Rapat", slug="rapat")
        translate_with_localize(group, locales["en"], leave_untranslated=n % 2)
        translate_with_localize(activity, locales["en"])

    for n in range(2):
        add_group(n)
    with django_assert_max_num_queries(80) as few:
        response = admin_client.get(URL)
    assert 'data-status="incomplete"' in response.content.decode()
    for n in range(2, 8):
        add_group(n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(URL)


def test_report_query_count_is_constant(
    portal, locales, admin_client, django_assert_max_num_queries
):
    for n in range(3):
        KimPortalPageFactory(parent=portal, title=f"Sub {n}", slug=f"sub-{n}")
    with django_assert_max_num_queries(60) as few:
        admin_client.get(URL)
    for n in range(3, 30):
        KimPortalPageFactory(parent=portal, title=f"Sub {n}", slug=f"sub-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client.get(URL)


def test_anonymous_is_sent_to_login(client, portal):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_user_without_page_permissions_is_refused(client, portal, django_user_model):
    user = django_user_model.objects.create_user("warga", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Portal KIM Pulang Pisau" not in response.content.decode()


def test_editor_sees_only_pages_they_may_edit(client, portal, django_user_model):
    other = KimPortalPageFactory(parent=portal, title="Portal lain", slug="lain")
    mine = KimPortalPageFactory(parent=portal, title="Portal saya", slug="saya")
    group = Group.objects.create(name="Editor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=mine,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    html = squash(client.get(URL).content.decode())
    assert "Portal saya" in html
    assert other.title not in html
    # The portal is named as the parent of the editor's page, not listed.
    titles = re.findall(r'<td class="title"><a [^>]*>([^<]*)</a>', html)
    assert titles == ["Portal saya"]
    assert f"/admin/pages/{portal.pk}/edit/" not in html


# -- translators -------------------------------------------------------------------


@pytest.fixture
def translator(client, portal, english_portal, django_user_model):
    from kim_cms.wagtail_admin.roles import TRANSLATORS_NAME

    user = django_user_model.objects.create_user("penerjemah", password="x")
    user.groups.add(Group.objects.get(name=TRANSLATORS_NAME))
    client.force_login(user)
    return user


def test_translators_find_public_pages_to_translate(client, portal, translator):
    from wagtail.models import PageViewRestriction

    from tests.factories_groups import (
        KimActivityPageFactory,
        KimGroupIndexPageFactory,
        KimGroupPageFactory,
    )

    directory = KimGroupIndexPageFactory(parent=portal)
    group = KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="bahaur")
    public = KimActivityPageFactory(parent=group, title="Kerja bakti", slug="kerja")
    draft = KimActivityPageFactory(
        parent=group, title="Rapat rahasia", slug="rapat", live=False
    )
    private = KimActivityPageFactory(parent=group, title="Catatan pengurus", slug="c")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    # An unpublished new title of a public page is a draft too.
    public.title = "Kerja bakti (judul baru)"
    public.save_revision()
    html = squash(client.get(URL).content.decode())
    assert "Kerja bakti</a>" in html
    assert "judul baru" not in html
    assert draft.title not in html
    assert private.title not in html
    translate = reverse("wagtail_localize:submit_page_translation", args=[public.pk])
    assert f'href="{translate}"' in html
    assert "Terjemahkan" in html
    # The portal is translated already: no "Translate" link for it.
    portal_translate = reverse(
        "wagtail_localize:submit_page_translation", args=[portal.pk]
    )
    assert f'href="{portal_translate}"' not in html


def test_editors_get_no_translate_links_nor_other_pages(
    client, portal, django_user_model
):
    mine = KimPortalPageFactory(parent=portal, title="Portal saya", slug="saya")
    KimPortalPageFactory(parent=portal, title="Portal lain", slug="lain")
    group = Group.objects.create(name="Editor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=mine,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    html = client.get(URL).content.decode()
    assert "Portal lain" not in html
    assert "/admin/localize/submit/" not in html


def test_translators_dashboard_says_how_many_pages_wait(client, portal, translator):
    from tests.factories_groups import KimGroupIndexPageFactory

    KimGroupIndexPageFactory(parent=portal)  # public, not translated
    KimPortalPageFactory(parent=portal, title="Draf portal", slug="draf", live=False)
    html = squash(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "1 halaman belum punya terjemahan English." in html
    assert f'href="{URL}"' in html
    assert "Moderator Diskominfo yang menerbitkan terjemahannya." in html


def test_editors_dashboard_has_no_translators_panel(client, portal, django_user_model):
    group = Group.objects.create(name="Editor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=portal,
        permission=Permission.objects.get(codename="change_page"),
    )
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "kim-translations" not in html
