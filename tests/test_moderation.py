"""Editors and moderators: roles, the KIM review workflow, verification.

Every request goes through Wagtail's own admin views, as an editor, a
moderator or a translator would click through them.
"""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Page,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from kim_cms.pages import KimActivityPage, KimGroupPage
from kim_cms.wagtail_admin.roles import (
    MODERATORS_NAME,
    TRANSLATORS_NAME,
    WORKFLOW_NAME,
    KimRole,
    sync_roles,
)
from tests.factories_groups import KimActivityPageFactory, KimGroupPageFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


# -- fixtures -------------------------------------------------------------------


def make_user(username, *groups, language="id"):
    user = User.objects.create_user(
        username, f"{username}@example.com", "sandi-rahasia"
    )
    user.groups.add(*groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def editors_of(group_page):
    return KimRole.objects.get(translation_key=group_page.translation_key).group


@pytest.fixture
def group_a(directory):
    return KimGroupPageFactory(
        parent=directory, title="KIM Bahaur Bersatu", slug="bahaur"
    )


@pytest.fixture
def group_b(directory):
    return KimGroupPageFactory(parent=directory, title="Maliku Maju", slug="maliku")


@pytest.fixture
def draft_b(group_b):
    page = KimActivityPageFactory(
        parent=group_b, title="Rapat rahasia Maliku", slug="rapat", live=False
    )
    page.save_revision()
    return page


@pytest.fixture
def live_b(group_b):
    return KimActivityPageFactory(
        parent=group_b, title="Kerja bakti Maliku", slug="kerja"
    )


@pytest.fixture
def editor_a(group_a):
    return make_user("editor_a", editors_of(group_a))


@pytest.fixture
def moderator(portal):
    return make_user("moderator", Group.objects.get(name=MODERATORS_NAME))


@pytest.fixture
def translator(portal):
    return make_user(
        "translator", Group.objects.get(name=TRANSLATORS_NAME), language="en"
    )


def activity_form(page=None, **changes):
    data = {
        "title": getattr(page, "title", "Sosialisasi"),
        "slug": getattr(page, "slug", "sosialisasi"),
        "date": getattr(page, "date", datetime.date(2026, 11, 2)).isoformat(),
        "place": getattr(page, "place", "Balai desa"),
        "summary": getattr(page, "summary", "Sosialisasi literasi digital."),
        "body": streamfield([]),
        "gallery": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def refused(response):
    """Wagtail refuses an admin view with a redirect to the dashboard (and a
    message) or a 403; never with the page's content."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] in (
        reverse("wagtailadmin_home"),
        "/admin/",
    )


# -- roles -----------------------------------------------------------------------


def test_portal_creates_moderators_translators_and_workflow(portal):
    moderators = Group.objects.get(name=MODERATORS_NAME)
    translators = Group.objects.get(name=TRANSLATORS_NAME)
    codenames = set(
        GroupPagePermission.objects.filter(group=moderators, page=portal).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page", "publish_page"} <= codenames
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert translators.permissions.filter(codename="submit_translation").exists()
    # translators get nothing on the Indonesian (source) portal
    assert not GroupPagePermission.objects.filter(
        group=translators, page=portal
    ).exists()
    assert WorkflowPage.objects.get(page=portal).workflow.name == WORKFLOW_NAME
    task = WorkflowPage.objects.get(page=portal).workflow.tasks.get().specific
    assert list(task.groups.all()) == [moderators]


def test_group_page_gets_its_editors_role(group_a):
    editors = Group.objects.get(name="KIM Bahaur Bersatu editors")
    codenames = set(
        GroupPagePermission.objects.filter(group=editors).values_list(
            "page_id", "permission__codename"
        )
    )
    assert codenames == {(group_a.pk, "add_page"), (group_a.pk, "change_page")}
    role = KimRole.objects.get(group=editors)
    assert role.collection.name == "KIM Bahaur Bersatu"
    assert editors.collection_permissions.filter(
        collection=role.collection, permission__codename="add_image"
    ).exists()
    assert not editors.collection_permissions.filter(
        collection=Collection.get_first_root_node()
    ).exists()


def test_a_name_without_kim_gets_the_prefix(group_b):
    assert editors_of(group_b).name == "KIM Maliku Maju editors"


def test_renaming_a_group_renames_its_role(group_a):
    editors = editors_of(group_a)
    group_a.title = "KIM Bahaur Sejahtera"
    group_a.save_revision().publish()
    editors.refresh_from_db()
    assert editors.name == "KIM Bahaur Sejahtera editors"
    assert Group.objects.filter(kim_role__kind="editors").count() == 1
    assert KimRole.objects.get(group=editors).collection.name == "KIM Bahaur Sejahtera"


def test_saving_a_draft_does_not_rename(group_a):
    group_a.title = "KIM Bahaur Draf"
    group_a.save_revision()
    assert editors_of(group_a).name == "KIM Bahaur Bersatu editors"


def test_translation_of_a_group_page_is_editable_by_the_same_editors(
    group_a, english_portal, locales
):
    directory_en = group_a.get_parent().copy_for_translation(locales["en"])
    directory_en.save_revision().publish()
    english = group_a.copy_for_translation(locales["en"])
    pages = set(
        GroupPagePermission.objects.filter(group=editors_of(group_a)).values_list(
            "page_id", flat=True
        )
    )
    assert pages == {group_a.pk, english.pk}
    # the English portal is open to translators
    assert GroupPagePermission.objects.filter(
        group__name=TRANSLATORS_NAME, page=english_portal
    ).exists()


def test_deleting_a_group_removes_its_role(group_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        group_a.delete()
    assert not Group.objects.filter(name="KIM Bahaur Bersatu editors").exists()
    assert not Collection.objects.filter(name="KIM Bahaur Bersatu").exists()


def test_sync_command_is_idempotent_and_repairs(group_a, group_b):
    def snapshot():
        return (
            sorted(Group.objects.values_list("name", flat=True)),
            GroupPagePermission.objects.count(),
            sorted(
                Group.objects.get(name=MODERATORS_NAME).permissions.values_list(
                    "codename", flat=True
                )
            ),
        )

    call_command("kim_cms_sync_roles", stdout=StringIO())
    before = snapshot()
    GroupPagePermission.objects.filter(group=editors_of(group_a)).delete()
    out = StringIO()
    call_command("kim_cms_sync_roles", stdout=out)
    assert snapshot() == before
    assert "Editor KIM Bahaur Bersatu" in out.getvalue()  # read in Indonesian


def test_a_sites_own_group_is_never_taken_over(root_page, locales, settings):
    own = Group.objects.create(name=TRANSLATORS_NAME)
    from tests.factories import KimPortalPageFactory

    KimPortalPageFactory(parent=root_page, slug="kim2")
    role = KimRole.objects.get(kind="translators")
    assert role.group != own
    assert role.group.name == f"{TRANSLATORS_NAME} (2)"
    assert not own.permissions.exists()


def test_roles_can_be_left_to_the_site(root_page, locales, settings):
    settings.KIM_CMS_MANAGE_ROLES = False
    from tests.factories import KimPortalPageFactory

    KimPortalPageFactory(parent=root_page, slug="kim2")
    assert not KimRole.objects.exists()
    sync_roles()
    assert KimRole.objects.filter(kind="moderators").exists()


def test_another_workflow_on_the_portal_is_kept(portal):
    from wagtail.models import Workflow

    own = Workflow.objects.create(name="Alur kabupaten")
    WorkflowPage.objects.filter(page=portal).update(workflow=own)
    err = StringIO()
    call_command("kim_cms_sync_roles", stdout=StringIO(), stderr=err)
    assert WorkflowPage.objects.get(page=portal).workflow == own
    assert portal.title in err.getvalue()


# -- a group editor -----------------------------------------------------------------


def test_editor_edits_own_profile_and_adds_pages(client, editor_a, group_a):
    client.force_login(editor_a)
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=[group_a.pk])).status_code
        == 200
    )
    add_url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group_a.pk]
    )
    assert client.get(add_url).status_code == 200
    for model in ("agriculturetippage", "culturaleventpage", "trainingmaterialpage"):
        url = reverse("wagtailadmin_pages:add", args=["kim_cms", model, group_a.pk])
        assert client.get(url).status_code == 200, model


def test_editor_cannot_publish_own_page_only_submit(
    client, editor_a, group_a, moderator
):
    client.force_login(editor_a)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group_a.pk]
    )
    response = client.post(add_url, activity_form(**{"action-publish": "publish"}))
    assert response.status_code == 302
    page = KimActivityPage.objects.get(slug="sosialisasi")
    assert not page.live
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit_url, activity_form(page, **{"action-submit": "submit"}))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME


@pytest.mark.parametrize(
    "view",
    ["edit", "delete", "move", "copy", "unpublish", "history", "workflow_history"],
)
def test_editor_of_a_is_refused_every_view_of_b(client, editor_a, live_b, view):
    client.force_login(editor_a)
    response = client.get(reverse(f"wagtailadmin_pages:{view}", args=[live_b.pk]))
    assert refused(response), (view, response.status_code)
    assert "Kerja bakti Maliku" not in response.content.decode()


def test_editor_of_a_cannot_change_publish_or_delete_b(client, editor_a, live_b):
    client.force_login(editor_a)
    edit_url = reverse("wagtailadmin_pages:edit", args=[live_b.pk])
    response = client.post(
        edit_url, activity_form(live_b, title="Diubah", **{"action-publish": "1"})
    )
    assert refused(response)
    for view in ("delete", "unpublish"):
        response = client.post(reverse(f"wagtailadmin_pages:{view}", args=[live_b.pk]))
        assert refused(response), view
    live_b.refresh_from_db()
    assert live_b.title == "Kerja bakti Maliku" and live_b.live
    assert live_b.revisions.count() == 0


def test_editor_of_a_does_not_see_drafts_of_b(client, editor_a, draft_b, group_b):
    client.force_login(editor_a)
    for url in (
        reverse("wagtailadmin_explore", args=[group_b.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[group_b.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft_b.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[draft_b.pk]),
    ):
        response = client.get(url)
        assert "Rapat rahasia Maliku" not in response.content.decode(), url
    assert client.get(draft_b.url or "/direktori/maliku/rapat/").status_code == 404


def test_editor_cannot_move_own_page_into_b(client, editor_a, group_a, group_b):
    client.force_login(editor_a)
    own = KimActivityPageFactory(parent=group_a, live=False, owner=editor_a)
    url = reverse("wagtailadmin_pages:move_confirm", args=[own.pk, group_b.pk])
    client.post(url)
    own.refresh_from_db()
    assert own.get_parent().pk == group_a.pk


def test_editor_cannot_reach_user_management(client, editor_a):
    client.force_login(editor_a)
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailusers_users:add"),
    ):
        assert refused(client.get(url)), url


# -- moderators and the workflow ------------------------------------------------------


def submitted_activity(client, editor, group):
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group.pk]
    )
    client.post(add_url, activity_form(**{"action-submit": "submit"}))
    page = KimActivityPage.objects.get(slug="sosialisasi")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    return page, state


def test_moderator_approves_and_publishes_with_verification(
    client, editor_a, group_a, moderator
):
    page, state = submitted_activity(client, editor_a, group_a)
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(url, {"comment": "Sudah dicek."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.kim_verified_by == moderator
    assert page.kim_verified_by_name == "Diskominfo Kabupaten Pulang Pisau"
    html = client.get(page.url).content.decode()
    day = page.kim_verified_at.astimezone(
        datetime.timezone(datetime.timedelta(hours=7))
    )
    assert f"Diverifikasi oleh Diskominfo Kabupaten Pulang Pisau, {day.day} " in html


def test_moderator_asks_for_changes_with_a_comment(
    client, editor_a, group_a, moderator
):
    page, state = submitted_activity(client, editor_a, group_a)
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", state.current_task_state.pk],
    )
    client.post(url, {"comment": "Tanggal kegiatan salah."})
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live and page.kim_verified_at is None
    assert state.current_task_state.comment == "Tanggal kegiatan salah."


def test_editor_cannot_approve(client, editor_a, group_a, moderator):
    page, state = submitted_activity(client, editor_a, group_a)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_moderator_publishes_across_the_portal(client, moderator, live_b):
    client.force_login(moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[live_b.pk])
    response = client.post(
        edit_url,
        activity_form(live_b, title="Kerja bakti besar", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    live_b.refresh_from_db()
    assert live_b.title == "Kerja bakti besar"


def test_moderation_mail_speaks_the_recipients_language(
    client, editor_a, group_a, portal
):
    moderators = Group.objects.get(name=MODERATORS_NAME)
    make_user("moderator_id", moderators, language="id")
    make_user("moderator_en", moderators, language="en")
    mail.outbox.clear()
    submitted_activity(client, editor_a, group_a)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert (
        "moderator_id@example.com" in subjects
        and "moderator_en@example.com" in subjects
    )
    english = subjects["moderator_en@example.com"]
    indonesian = subjects["moderator_id@example.com"]
    assert "submitted" in english.lower()
    assert english != indonesian
    assert "submitted" not in indonesian.lower()


# -- verification on the page ----------------------------------------------------------


def test_verification_survives_republishing_and_is_not_copied(group_a, moderator):
    from kim_cms.wagtail_admin.roles import record_verification

    page = KimActivityPageFactory(parent=group_a, slug="panen")
    old_revision = page.save_revision()
    record_verification(page, moderator)
    page = KimActivityPage.objects.get(pk=page.pk)
    verified_at = page.kim_verified_at
    old_revision.publish()
    page.refresh_from_db()
    assert page.kim_verified_at == verified_at
    copy = page.copy(to=group_a, update_attrs={"slug": "panen-2", "title": "Salinan"})
    assert copy.kim_verified_at is None and copy.kim_verified_by_name == ""


def test_unverified_page_says_nothing(client, group_a):
    page = KimActivityPageFactory(parent=group_a, slug="baru")
    assert "Diverifikasi" not in client.get(page.url).content.decode()


def test_english_page_says_verified_in_english(
    client, group_a, english_portal, locales
):
    from kim_cms.wagtail_admin.roles import record_verification

    directory_en = group_a.get_parent().copy_for_translation(locales["en"])
    directory_en.save_revision().publish()
    english = group_a.copy_for_translation(locales["en"])
    english.save_revision().publish()
    record_verification(
        english, None, datetime.datetime(2026, 3, 4, 3, tzinfo=datetime.UTC)
    )
    html = client.get(KimGroupPage.objects.get(pk=english.pk).url).content.decode()
    assert "Verified by Diskominfo Kabupaten Pulang Pisau, 4 March 2026." in html


# -- translators ---------------------------------------------------------------------


def test_translator_translates_but_cannot_publish(
    client, translator, group_a, english_portal, locales
):
    client.force_login(translator)
    # the Indonesian source is not theirs to edit
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[group_a.pk])))
    url = reverse(
        "wagtail_localize:submit_page_translation", args=[group_a.get_parent().pk]
    )
    response = client.post(
        url, {"locales": [locales["en"].pk], "include_subtree": "on"}
    )
    assert response.status_code == 302
    english = Page.objects.get(
        translation_key=group_a.translation_key, locale=locales["en"]
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert edit.status_code == 200
    permissions = english.permissions_for_user(translator)
    assert permissions.can_edit() and not permissions.can_publish()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
    )
    english.refresh_from_db()
    assert not english.live


# -- the dashboard -------------------------------------------------------------------


def test_dashboard_panel_for_moderators_only(
    client, moderator, editor_a, draft_b, group_a
):
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'class="kim-dashboard-stats"' in html
    assert '<strong style="font-size:1.5rem">2</strong> KIM</a>' in html
    assert "Tidak ada acara minggu ini." in html
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "kim-dashboard-stats" not in html


# -- what a group publishes under its own profile ----------------------------------


def test_groups_publish_tips_events_and_training_under_their_profile(
    client, portal, group_a
):
    from kim_cms.pages import AgricultureTipPage
    from tests.factories_events import (
        CulturalEventIndexPageFactory,
        CulturalEventPageFactory,
    )
    from tests.factories_tips import make_tip, make_tip_index
    from tests.factories_training import TrainingIndexPageFactory, make_material

    tips = make_tip_index(portal)
    events = CulturalEventIndexPageFactory(parent=portal)
    training = TrainingIndexPageFactory(parent=portal)
    tip = make_tip(group_a, "Karet tanpa bakar", kim_group=group_a)
    event = CulturalEventPageFactory(parent=group_a, title="Festival Bahaur")
    material = make_material(group_a, title="Menulis berita desa", slug="menulis")
    assert AgricultureTipPage.can_create_at(group_a)

    # each section's index lists them beside its own children
    assert "Karet tanpa bakar" in client.get(tips.url).content.decode()
    assert "Festival Bahaur" in client.get(events.url).content.decode()
    assert "Menulis berita desa" in client.get(training.url).content.decode()
    # the group's profile lists them as its own
    profile = client.get(group_a.url).content.decode()
    for title in ("Karet tanpa bakar", "Festival Bahaur", "Menulis berita desa"):
        assert title in profile
    # "More tips" leads to the tips index, not back to the profile
    assert (
        f'<a href="{tips.url}">Tips lainnya</a>' in client.get(tip.url).content.decode()
    )
    assert event.live and material.live


def test_a_page_added_under_a_profile_is_credited_to_the_group(
    client, editor_a, group_a
):
    client.force_login(editor_a)
    url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "agriculturetippage", group_a.pk]
    )
    response = client.get(url)
    assert response.context["form"].initial["kim_group"] == group_a.pk


def test_private_pages_of_a_group_stay_out_of_section_listings(client, portal, group_a):
    from wagtail.models import PageViewRestriction

    from tests.factories_tips import make_tip, make_tip_index

    tips = make_tip_index(portal)
    make_tip(group_a, "Tips khusus anggota")
    PageViewRestriction.objects.create(page=group_a, restriction_type="login")
    assert "Tips khusus anggota" not in client.get(tips.url).content.decode()


def test_dashboard_lists_pages_awaiting_moderation_and_this_weeks_events(
    client, editor_a, group_a, moderator
):
    from kim_cms.pages.tips import today
    from tests.factories_events import CulturalEventPageFactory

    page, _state = submitted_activity(client, editor_a, group_a)
    CulturalEventPageFactory(parent=group_a, title="Mandi Safar", start_date=today())
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<strong style="font-size:1.5rem">1</strong> Menunggu moderasi' in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "Mandi Safar" in html


def test_group_editors_get_a_panel_with_their_buttons(
    client, editor_a, group_a, moderator
):
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "KIM Anda" in html
    assert reverse("wagtailadmin_pages:edit", args=[group_a.pk]) in html
    add_tip = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "agriculturetippage", group_a.pk]
    )
    assert add_tip in html
    assert "Ajukan ke Tinjauan KIM" in html
    client.force_login(moderator)
    assert "KIM Anda" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_moderator_sees_approve_buttons_in_indonesian(
    client, editor_a, group_a, moderator
):
    page, _state = submitted_activity(client, editor_a, group_a)
    client.force_login(moderator)
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    assert re.search(r">\s*Setujui\s*<", html)
    assert re.search(r">\s*Minta perbaikan\s*<", html)


def test_an_english_tip_credits_the_english_version_of_its_group(
    client, portal, group_a, english_portal, locales
):
    from tests.factories_tips import make_tip, make_tip_index

    directory_en = group_a.get_parent().copy_for_translation(locales["en"])
    directory_en.save_revision().publish()
    group_en = group_a.copy_for_translation(locales["en"])
    group_en.title = "KIM Bahaur United"
    group_en.save_revision().publish()
    tips_en = make_tip_index(english_portal, title="Farming tips", slug="farming-tips")
    tip = make_tip(tips_en, "Rubber without fire", kim_group=group_a)
    html = client.get(tip.url).content.decode()
    assert f'<a href="{group_en.url}">KIM Bahaur United</a>' in html


# -- what the moderator reads after deciding ----------------------------------------


def decide_in_the_editor(client, moderator, page, action, comment=""):
    import json

    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = activity_form(
        page,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps({"comment": comment}),
        },
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in response.context["messages"]]


def test_an_approval_in_the_editor_says_it_is_published_and_verified(
    client, editor_a, group_a, moderator
):
    page, state = submitted_activity(client, editor_a, group_a)
    shown = decide_in_the_editor(client, moderator, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert (
        "“Sosialisasi” disetujui dan diterbitkan: kini menampilkan “Diverifikasi oleh "
        "Diskominfo Kabupaten Pulang Pisau”." in shown
    )


def test_a_request_for_changes_in_the_editor_says_who_gets_the_page_back(
    client, editor_a, group_a, moderator
):
    editor_a.first_name, editor_a.last_name = "Sari", "Wulandari"
    editor_a.save()
    page, state = submitted_activity(client, editor_a, group_a)
    shown = decide_in_the_editor(client, moderator, page, "reject", "Foto buram.")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert (
        "Perbaikan diminta untuk “Sosialisasi”: halaman dikembalikan kepada Sari "
        "Wulandari beserta komentar Anda." in shown
    )


def test_saving_a_page_adds_no_decision_message(client, moderator, live_b):
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:edit", args=[live_b.pk])
    response = client.post(url, activity_form(live_b), follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert not [m for m in shown if "disetujui" in m or "Perbaikan diminta" in m]
