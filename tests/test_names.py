"""The names kim-cms gives its workflow, task and groups are read in each
user's language, on the screens and in the e-mails they meet, and stay stored
as the identifiers the roles code finds them by."""

import pickle

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow, WorkflowState

from kim_cms.wagtail_admin.names import DisplayName, display_name
from kim_cms.wagtail_admin.roles import (
    MODERATORS_NAME,
    TASK_NAME,
    TRANSLATORS_NAME,
    WORKFLOW_NAME,
    sync_roles,
)
from tests.test_moderation import (
    activity_form,
    editors_of,
    make_user,
    submitted_activity,
)

pytestmark = pytest.mark.django_db

ENGLISH_NAMES = ("KIM review", "Diskominfo review", "Diskominfo moderators")


@pytest.fixture
def group_a(directory):
    from tests.factories_groups import KimGroupPageFactory

    return KimGroupPageFactory(
        parent=directory, title="KIM Bahaur Bersatu", slug="bahaur"
    )


@pytest.fixture
def editor_a(group_a):
    return make_user("editor_a", editors_of(group_a))


@pytest.fixture
def moderator(portal):
    return make_user("moderator", Group.objects.get(name=MODERATORS_NAME))


def test_names_are_stored_in_english_and_read_in_the_active_language(group_a):
    editors = editors_of(group_a)
    assert Group.objects.filter(name="KIM Bahaur Bersatu editors").exists()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    assert GroupApprovalTask.objects.filter(name=TASK_NAME).exists()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    moderators = Group.objects.get(name=MODERATORS_NAME)
    translators = Group.objects.get(name=TRANSLATORS_NAME)
    with translation.override("id"):
        assert str(workflow.name) == "Tinjauan KIM"
        assert "%s" % task.name == "Tinjauan Diskominfo"  # noqa: UP031 (Wagtail uses %)
        assert f"{moderators.name}" == "Moderator Diskominfo"
        assert str(translators.name) == "Penerjemah"
        assert str(editors.name) == "Editor KIM Bahaur Bersatu"
    with translation.override("en"):
        assert str(workflow.name) == "KIM review"
        assert str(editors.name) == "KIM Bahaur Bersatu editors"
    # Comparing, slicing and pickling see the stored name.
    assert workflow.name == "KIM review"
    assert workflow.name[:3] == "KIM"
    assert type(pickle.loads(pickle.dumps(workflow.name))) is str


def test_a_numbered_name_and_a_sites_own_name():
    own = Group.objects.create(name="Translators")
    Group.objects.create(name="Relawan desa")
    sync_roles()
    ours = Group.objects.get(kim_role__kind="translators")
    assert ours.name == "Translators (2)"
    with translation.override("id"):
        assert str(ours.name) == "Penerjemah (2)"
        assert str(Group.objects.get(pk=own.pk).name) == "Penerjemah"
        assert str(Group.objects.get(name="Relawan desa").name) == "Relawan desa"
    assert display_name("Relawan desa") == "Relawan desa"
    assert not isinstance(display_name("Relawan desa"), DisplayName)


def test_saving_a_form_that_showed_the_translation_keeps_the_stored_name(portal):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    with translation.override("id"):
        workflow.name = str(workflow.name)  # what the form posts back
    workflow.save()
    assert Workflow.objects.filter(name=WORKFLOW_NAME).exists()
    renamed = Workflow.objects.get(pk=workflow.pk)
    renamed.name = "Alur kerja kabupaten"
    renamed.save()
    assert Workflow.objects.get(pk=workflow.pk).name == "Alur kerja kabupaten"


def test_workflow_edit_form_saved_unchanged_in_indonesian(admin_client, portal):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    admin = get_user_model().objects.get(username="admin")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "id"
    profile.save()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    url = reverse("wagtailadmin_workflows:edit", args=[workflow.pk])
    html = admin_client.get(url).content.decode()
    assert 'value="Tinjauan KIM"' in html
    task = GroupApprovalTask.objects.get(name=TASK_NAME)
    response = admin_client.post(
        url,
        {
            "name": "Tinjauan KIM",
            "pages-TOTAL_FORMS": "1",
            "pages-INITIAL_FORMS": "0",
            "pages-MIN_NUM_FORMS": "0",
            "pages-MAX_NUM_FORMS": "1000",
            "pages-0-page": str(portal.pk),
            "pages-0-DELETE": "",
            "workflow_tasks-TOTAL_FORMS": "1",
            "workflow_tasks-INITIAL_FORMS": "1",
            "workflow_tasks-MIN_NUM_FORMS": "0",
            "workflow_tasks-MAX_NUM_FORMS": "1000",
            "workflow_tasks-0-id": str(workflow.workflow_tasks.get().pk),
            "workflow_tasks-0-task": str(task.pk),
            "workflow_tasks-0-ORDER": "1",
            "workflow_tasks-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Workflow.objects.get(pk=workflow.pk).name == WORKFLOW_NAME


def test_the_editor_reads_the_names_in_the_page_editor(
    client, editor_a, group_a, moderator
):
    client.force_login(editor_a)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group_a.pk]
    )
    html = client.get(add_url).content.decode()
    assert "Ajukan ke Tinjauan KIM" in html
    page, state = submitted_activity(client, editor_a, group_a)
    client.force_login(editor_a)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = edit.content.decode()
    assert "Tinjauan Diskominfo" in html
    assert "Tinjauan KIM" in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tinjauan Diskominfo" in dashboard
    assert "Ajukan ke Tinjauan KIM" in dashboard  # the editor's panel
    history = client.get(
        reverse("wagtailadmin_pages:history", args=[page.pk])
    ).content.decode()
    for shown in (html, dashboard, history):
        for english in ENGLISH_NAMES:
            assert english not in shown


def test_the_moderator_reads_the_names_in_e_mails_and_screens(
    client, editor_a, group_a, moderator
):
    mail.outbox.clear()
    page, state = submitted_activity(client, editor_a, group_a)
    to_moderator = [m for m in mail.outbox if moderator.email in m.to]
    assert to_moderator
    text = to_moderator[0].subject + to_moderator[0].body
    assert "Tinjauan Diskominfo" in text
    for english in ENGLISH_NAMES:
        assert english not in text
    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tinjauan Diskominfo" in dashboard
    mail.outbox.clear()
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "reject", state.current_task_state.pk],
    )
    client.post(url, {"comment": "Foto kurang jelas."})
    to_editor = [m for m in mail.outbox if editor_a.email in m.to]
    assert to_editor
    text = to_editor[0].subject + to_editor[0].body
    assert "dikembalikan untuk diperbaiki" in text
    assert "ditolak" not in text
    for english in ENGLISH_NAMES:
        assert english not in text
    assert WorkflowState.objects.get(pk=state.pk).status == "needs_changes"


def test_an_english_user_reads_the_english_names(client, group_a, moderator, portal):
    editor = make_user("editor_en", editors_of(group_a), language="en")
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["kim_cms", "kimactivitypage", group_a.pk]
    )
    assert "Submit to KIM review" in client.get(add_url).content.decode()
    response = client.post(add_url, activity_form(**{"action-submit": "submit"}))
    assert response.status_code == 302


def test_an_indonesian_administrator_reads_the_user_groups_in_indonesian(
    admin_client, group_a
):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    admin = get_user_model().objects.get(username="admin")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "id"
    profile.save()
    groups = admin_client.get(reverse("wagtailusers_groups:index")).content.decode()
    for shown in ("Moderator Diskominfo", "Penerjemah", "Editor KIM Bahaur Bersatu"):
        assert shown in groups
    for english in ("Diskominfo moderators", "KIM Bahaur Bersatu editors"):
        assert english not in groups
    user_form = admin_client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "Editor KIM Bahaur Bersatu" in user_form
    workflows = admin_client.get(reverse("wagtailadmin_workflows:index")).content
    assert "Tinjauan KIM" in workflows.decode()
    assert "Tinjauan Diskominfo" in workflows.decode()
