"""Admin: aspirations are listed, answered and forwarded by Diskominfo
moderators only; the admin's form-submission screens hide them from
everyone else."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import ModelPermissionPolicy

from kim_cms.aspirations import admin_views
from kim_cms.aspirations.access import is_aspiration_moderator
from kim_cms.aspirations.models import Aspiration, aspiration_submitted
from kim_cms.aspirations.notify import on_aspiration_submitted

aspiration_submitted.connect(
    on_aspiration_submitted, dispatch_uid="kim_cms_notify_moderators"
)


class ModeratorsOnlyPolicy(ModelPermissionPolicy):
    """Moderators may view and change aspirations; nobody adds them in the
    admin; deleting one is a moderator's answer to a deletion request."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return is_aspiration_moderator(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


moderators_only_policy = ModeratorsOnlyPolicy(Aspiration)
try:  # Wagtail 8
    from wagtail.permissions import register_permission_policy
except ImportError:  # pragma: no cover - Wagtail 7.4
    register_permission_policy = None
if register_permission_policy is not None:
    register_permission_policy(Aspiration, moderators_only_policy, exact_class=True)


class AspirationIndexView(IndexView):
    """The list of messages, with a way to a person's data requests."""

    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Personal data requests"),
                url=reverse("kim_aspirations_personal_data"),
                icon_name="user",
            ),
        ]


class AspirationViewSet(ModelViewSet):
    model = Aspiration
    index_view_class = AspirationIndexView
    icon = "mail"
    menu_label = _("Aspirations")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["tracking_code", "category", "status", "opd", "submit_time"]
    list_filter = ["status", "category"]
    search_fields = ["tracking_code", "opd"]
    form_fields = [
        "status",
        "opd",
        "reply",
        "replied_at",
        "is_public",
        "public_question",
    ]
    inspect_view_enabled = True
    # nobody adds a message in the admin, so nobody copies one
    copy_view_enabled = False
    inspect_template_name = "kim_cms/aspirations/admin/inspect.html"
    inspect_view_fields = [
        "tracking_code",
        "submit_time",
        "category",
        "kecamatan",
        "desa",
        "message",
        "name",
        "contact",
        "consent_at",
        "status",
        "opd",
        "reply",
        "is_public",
        "public_question",
        "personal_data_erased_at",
    ]

    if register_permission_policy is None:  # pragma: no cover - Wagtail 7.4

        @property
        def permission_policy(self):
            return moderators_only_policy


aspiration_viewset = AspirationViewSet("kim_aspirations")


@hooks.register("register_admin_viewset")
def register_aspiration_viewset():
    return aspiration_viewset


@hooks.register("register_admin_urls")
def register_aspiration_admin_urls():
    return admin_views.urlpatterns


@hooks.register("filter_form_submissions_for_user")
def hide_aspirations_from_non_moderators(user, form_pages):
    from kim_cms.pages.aspirations import AbstractAspirationPage

    if is_aspiration_moderator(user):
        return form_pages
    models = [m for m in apps.get_models() if issubclass(m, AbstractAspirationPage)]
    types = ContentType.objects.get_for_models(*models).values()
    return form_pages.exclude(content_type__in=list(types))
