"""View restrictions follow a page's translations: a private Indonesian page
never has a public English translation."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from tests.factories_tips import make_tip, make_tip_index

pytestmark = pytest.mark.django_db


def translate(page, locale, title=None):
    translated = page.copy_for_translation(locale)
    translated.title = title or f"{page.title} (en)"
    translated.save_revision().publish()
    return translated


@pytest.fixture
def tips(portal, english_portal, locales):
    """A tip index and a tip, both translated and published."""
    index = make_tip_index(portal)
    tip = make_tip(index, "Padi gambut")
    return {
        "index": index,
        "tip": tip,
        "index_en": translate(index, locales["en"], "Farming tips"),
        "tip_en": translate(tip, locales["en"], "Rice on peat"),
    }


def restriction_of(page):
    """``(type, password, group names)`` of the page's own restrictions."""
    return [
        (r.restriction_type, r.password, sorted(g.name for g in r.groups.all()))
        for r in PageViewRestriction.objects.filter(page=page)
    ]


def anonymous_status(page):
    return Client().get(page.url).status_code


def set_privacy(client, page, **data):
    url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()


def test_a_restriction_made_by_code_reaches_every_translation(tips):
    assert anonymous_status(tips["tip_en"]) == 200
    PageViewRestriction.objects.create(page=tips["tip"], restriction_type="login")
    assert restriction_of(tips["tip_en"]) == [("login", "", [])]
    assert anonymous_status(tips["tip_en"]) == 302
    assert anonymous_status(tips["tip"]) == 302


def test_privacy_set_in_the_admin_follows_in_both_directions(tips, admin_client):
    reviewers = Group.objects.create(name="Penyuluh")
    set_privacy(admin_client, tips["tip"], restriction_type="password", password="s3")
    assert restriction_of(tips["tip_en"]) == [("password", "s3", [])]

    # changed on the English page: the Indonesian page follows
    set_privacy(
        admin_client, tips["tip_en"], restriction_type="groups", groups=[reviewers.pk]
    )
    assert restriction_of(tips["tip"]) == [("groups", "", ["Penyuluh"])]
    assert restriction_of(tips["tip_en"]) == [("groups", "", ["Penyuluh"])]

    set_privacy(admin_client, tips["tip"], restriction_type="none")
    assert restriction_of(tips["tip"]) == restriction_of(tips["tip_en"]) == []
    assert anonymous_status(tips["tip_en"]) == 200


def test_restrictions_on_a_section_reach_the_translated_section(tips):
    PageViewRestriction.objects.create(page=tips["index"], restriction_type="login")
    assert anonymous_status(tips["tip_en"]) == 302
    response = Client().get(tips["index_en"].url + "feed/rss/")
    assert response.status_code == 302


def test_a_new_translation_gets_its_sources_restriction(
    portal, english_portal, locales
):
    index = make_tip_index(portal)
    tip = make_tip(index, "Padi gambut")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    PageViewRestriction.objects.create(
        page=tip, restriction_type="password", password="s3"
    )
    index_en = translate(index, locales["en"])
    # Wagtail copies no restriction below a restricted page: kim_cms does
    tip_en = translate(tip, locales["en"])
    assert restriction_of(index_en) == [("login", "", [])]
    assert restriction_of(tip_en) == [("password", "s3", [])]
    # nothing was doubled on the sources
    assert restriction_of(index) == [("login", "", [])]
    assert restriction_of(tip) == [("password", "s3", [])]


def test_a_translation_made_with_wagtail_localize_is_restricted(
    portal, english_portal, locales
):
    from wagtail_localize.models import Translation, TranslationSource

    index = make_tip_index(portal)
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    source, _ = TranslationSource.get_or_create_from_instance(index)
    translation = Translation.objects.create(
        source=source, target_locale=locales["en"], enabled=True
    )
    translation.save_target(publish=True)
    index_en = index.get_translation(locales["en"])
    assert restriction_of(index_en) == [("login", "", [])]
    index_en.get_latest_revision().publish()  # translations start as drafts
    assert anonymous_status(index_en) == 302


def test_deleting_a_page_keeps_its_translations_private(tips):
    PageViewRestriction.objects.create(page=tips["tip"], restriction_type="login")
    tips["tip"].delete()
    assert restriction_of(tips["tip_en"]) == [("login", "", [])]
    assert anonymous_status(tips["tip_en"]) == 302


def test_sync_command_brings_older_restrictions_in_step(tips):
    # bulk_create sends no signal: restrictions made before kim_cms, say
    PageViewRestriction.objects.bulk_create(
        [
            PageViewRestriction(page=tips["index_en"], restriction_type="login"),
            PageViewRestriction(
                page=tips["tip"], restriction_type="password", password="s3"
            ),
        ]
    )
    assert restriction_of(tips["index"]) == restriction_of(tips["tip_en"]) == []
    out = StringIO()
    with translation.override("en"):
        call_command("kim_cms_sync_privacy", stdout=out)
    assert "Made private like its translations: Rice on peat (en)" in out.getvalue()
    assert "2 pages changed" in out.getvalue()
    assert restriction_of(tips["index"]) == [("login", "", [])]
    assert restriction_of(tips["tip_en"]) == [("password", "s3", [])]
    out = StringIO()
    with translation.override("en"):
        call_command("kim_cms_sync_privacy", stdout=out)
    assert "0 pages changed" in out.getvalue()


def test_sync_command_never_makes_a_page_public(tips):
    # both languages restricted differently: each keeps its own
    PageViewRestriction.objects.bulk_create(
        [
            PageViewRestriction(page=tips["tip"], restriction_type="login"),
            PageViewRestriction(
                page=tips["tip_en"], restriction_type="password", password="x"
            ),
        ]
    )
    call_command("kim_cms_sync_privacy", stdout=StringIO())
    assert restriction_of(tips["tip"]) == [("login", "", [])]
    assert restriction_of(tips["tip_en"]) == [("password", "x", [])]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "and to its translations in the other languages"),
        ("id", "juga berlaku untuk semua halaman di bawahnya dan terjemahannya"),
    ],
)
def test_privacy_dialog_says_restrictions_follow_translations(
    tips, admin_client, admin_user, language, text
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    url = reverse("wagtailadmin_pages:edit", args=[tips["tip"].pk])
    assert text in admin_client.get(url).content.decode()


def test_privacy_of_a_page_refused_to_an_editor_without_permission(
    tips, client, django_user_model
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("relawan", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse("wagtailadmin_pages:set_privacy", args=[tips["tip"].pk])
    response = client.post(url, {"restriction_type": "login"})
    assert response.status_code in (302, 403)
    assert restriction_of(tips["tip"]) == restriction_of(tips["tip_en"]) == []
