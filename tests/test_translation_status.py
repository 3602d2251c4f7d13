import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from kim_cms.wagtail_admin.translation_status import annotate_translation_status
from tests.factories import KimPortalPageFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/kim-translation-status/"


def statuses(page):
    (page,) = annotate_translation_status([page])
    return {s.locale.language_code: s.status for s in page.translation_statuses}


def translate_with_localize(page, locale):
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=locale, enabled=True
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
    html = client.get(URL).content.decode()
    assert "Portal saya" in html
    assert other.title not in html
    assert "Portal KIM Pulang Pisau" not in html
