"""Admin integration: the "KIM" menu group with regions, taxonomies and the
list of groups, and the KIM reports (translation status, tips due for review)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kim_cms.snippets import (
    Commodity,
    Desa,
    EventCategory,
    FocusArea,
    Hazard,
    Kecamatan,
    KimSiteIdentityText,
    TrainingTopic,
)
from kim_cms.wagtail_admin.views.groups import KimGroupReportViewSet


class KecamatanViewSet(SnippetViewSet):
    model = Kecamatan
    icon = "site"
    menu_label = _("Sub-districts")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]


class DesaViewSet(SnippetViewSet):
    model = Desa
    icon = "home"
    menu_label = _("Desa")
    list_display = ["name", "kecamatan", "kind", "code"]
    list_filter = ["kecamatan", "kind"]
    search_fields = ["name", "code"]
    ordering = ["kecamatan__name", "name"]


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "tag"
    menu_label = _("Focus areas")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class TrainingTopicViewSet(SnippetViewSet):
    model = TrainingTopic
    icon = "tag"
    menu_label = _("Training topics")
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class CommodityViewSet(SnippetViewSet):
    model = Commodity
    icon = "tag"
    menu_label = _("Commodities")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "date"
    menu_label = _("Event categories")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class HazardViewSet(SnippetViewSet):
    model = Hazard
    icon = "warning"
    menu_label = _("Hazards")
    list_display = ["name", "slug", "cap_category", "locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class KimSiteIdentityTextViewSet(SnippetViewSet):
    model = KimSiteIdentityText
    icon = "site"
    menu_label = _("Portal identity texts")
    list_display = ["district_name", "office_name", "locale"]
    search_fields = ["district_name", "office_name"]


class KimViewSetGroup(SnippetViewSetGroup):
    """The "KIM" admin menu: regions, taxonomies and the group list."""

    menu_label = _("KIM")
    menu_icon = "group"
    menu_order = 250
    items = (
        KecamatanViewSet,
        DesaViewSet,
        FocusAreaViewSet,
        CommodityViewSet,
        EventCategoryViewSet,
        TrainingTopicViewSet,
        HazardViewSet,
        KimSiteIdentityTextViewSet,
        KimGroupReportViewSet,
    )


register_snippet(KimViewSetGroup)


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.permission_policies.pages import PagePermissionPolicy

        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_kim_cms_admin_urls():
    from kim_cms.wagtail_admin.views.cap_import import CapImportView
    from kim_cms.wagtail_admin.views.disaster_reports import FileDisasterReportView
    from kim_cms.wagtail_admin.views.reports import TranslationStatusReportView
    from kim_cms.wagtail_admin.views.tips import OverdueTipsReportView

    return [
        path(
            "kim/disaster-report/<int:group_id>/",
            FileDisasterReportView.as_view(),
            name="kim_cms_file_disaster_report",
        ),
        path(
            "reports/kim-translation-status/",
            TranslationStatusReportView.as_view(),
            name="kim_cms_translation_status",
        ),
        path(
            "reports/kim-translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="kim_cms_translation_status_results",
        ),
        path(
            "reports/kim-tips-due-for-review/",
            OverdueTipsReportView.as_view(),
            name="kim_cms_overdue_tips",
        ),
        path(
            "reports/kim-tips-due-for-review/results/",
            OverdueTipsReportView.as_view(results_only=True),
            name="kim_cms_overdue_tips_results",
        ),
        path(
            "kim-cap-import/<int:page_id>/",
            CapImportView.as_view(),
            name="kim_cms_cap_import",
        ),
    ]


@hooks.register("register_page_header_buttons")
def add_cap_import_button(page, user, view_name=None, next_url=None):
    """ "Import CAP alert" in the menu of a warning list, for moderators."""
    from kim_cms.wagtail_admin.views.cap_import import CapImportMenuItem

    yield CapImportMenuItem(page=page)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("kim_cms_translation_status"),
        name="kim-translation-status",
        icon_name="globe",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_overdue_tips_menu_item():
    # shown to the same page editors as the translation status report
    return TranslationStatusMenuItem(
        _("Tips due for review"),
        reverse("kim_cms_overdue_tips"),
        name="kim-tips-due-for-review",
        icon_name="warning",
        order=1300,
    )


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Users who are not superusers choose from the pages they may edit and
    public pages (``kim_cms/wagtail_admin/reads.py``)."""
    from kim_cms.wagtail_admin.reads import limit_page_chooser

    return limit_page_chooser(pages, request)


@hooks.register("before_serve_page")
def drop_parameters_with_nul(page, request, serve_args, serve_kwargs):
    """Ignore query parameters that hold a NUL character (``?q=%00``).

    PostgreSQL refuses NUL in text, so such a value would turn a filter into a
    server error; like any other malformed parameter, it is ignored instead.
    """
    from kim_cms.pages.base import KimPageMixin
    from kim_cms.params import without_nul

    if isinstance(page, KimPageMixin):
        request.GET = without_nul(request.GET)
    return None


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Let the page cache keep a public kim-cms page and its routes (feeds,
    calendar files), never past the next start or end of a warning
    (``kim_cms.page_cache``). Private pages and previews are never kept."""
    from kim_cms.page_cache import mark_cacheable
    from kim_cms.pages.base import KimPageMixin
    from kim_cms.pages.warnings.banner import next_warning_change

    if not getattr(request, "_kim_page_cache_on", False):
        return None  # the middleware is not installed, or skips this request
    if not isinstance(page, KimPageMixin) or getattr(request, "is_preview", False):
        return None
    if page.get_view_restrictions().exists():
        return None
    mark_cacheable(request, until=next_warning_change)
    return None


@hooks.register("construct_homepage_panels")
def add_kim_dashboard_panel(request, panels):
    from kim_cms.wagtail_admin.panels import (
        KimDashboardPanel,
        KimEditorPanel,
        KimTranslatorPanel,
    )

    for panel in (
        KimEditorPanel(request),
        KimTranslatorPanel(request),
        KimDashboardPanel(request),
    ):
        if panel.is_shown():
            panels.append(panel)


WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


class NamesInUserLanguage:
    """A log formatter whose messages read the workflow and task names they
    quote in the user's language (``kim_cms/wagtail_admin/names.py``): Wagtail stores those
    names in each history entry as they were."""

    def __init__(self, formatter):
        self.formatter = formatter

    def __getattr__(self, name):
        return getattr(self.formatter, name)

    def format_message(self, log_entry):
        import copy

        from kim_cms.wagtail_admin.names import display_name

        def translated(value):
            if isinstance(value, dict):
                return {
                    key: display_name(item) if key == "title" else translated(item)
                    for key, item in value.items()
                }
            return value

        entry = copy.copy(log_entry)
        entry.data = translated(log_entry.data)
        return self.formatter.format_message(entry)


@hooks.register("register_log_actions", order=100)
def read_workflow_names_in_user_language(actions):
    formatters = getattr(actions, "formatters", {})
    for action in WORKFLOW_LOG_ACTIONS:
        if action in formatters:
            formatters[action] = NamesInUserLanguage(formatters[action])


@hooks.register("after_edit_page")
def confirm_the_moderators_decision(request, page):
    """Wagtail confirms an approval or a request for changes in the page
    editor only with "Page … has been updated": say what happened."""
    from django.contrib import messages
    from wagtail.admin.utils import get_user_display_name
    from wagtail.models import Page, WorkflowState

    from kim_cms.wagtail_admin.roles import verifier_name

    if not request.POST.get("action-workflow-action"):
        return None
    action = request.POST.get("workflow-action-name")
    current = Page.objects.filter(pk=page.pk).first()
    if current is None:
        return None
    title = current.get_admin_display_title()
    if action == "approve":
        if current.live and not current.has_unpublished_changes:
            message = _(
                "“%(title)s” is approved and published: it now shows “Verified by "
                "%(office)s”."
            ) % {"title": title, "office": verifier_name(current)}
        else:
            message = _("“%(title)s” is approved.") % {"title": title}
        messages.success(request, message)
    elif action == "reject":
        state = (
            WorkflowState.objects.for_instance(current)
            .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
            .select_related("requested_by")
            .order_by("-created_at")
            .first()
        )
        if state is not None and state.requested_by is not None:
            message = _(
                "Changes requested for “%(title)s”: it goes back to %(name)s with "
                "your comment."
            ) % {"title": title, "name": get_user_display_name(state.requested_by)}
            messages.success(request, message)
    return None


import kim_cms.aspirations.wagtail_hooks  # noqa: F401,E402
