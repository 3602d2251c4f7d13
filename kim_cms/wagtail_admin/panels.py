"""The "KIM portal" panel on the Wagtail dashboard, for Diskominfo.

Shown to users who may publish somewhere in a KIM portal (moderators) and to
superusers: how many KIM groups are live, the pages waiting for moderation,
tips past their review date and this week's events. Everything it lists is
limited to pages the user may edit.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import capfirst
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

LIST_LIMIT = 5


def _portal_paths():
    from kim_cms.wagtail_admin.roles import portal_pages

    return [portal.path for portal in portal_pages()]


def _within(paths):
    query = Q()
    for path in paths:
        query |= Q(path__startswith=path)
    return query


class KimDashboardPanel(Component):
    name = "kim_cms_dashboard"
    template_name = "kim_cms/admin/dashboard_panel.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        user = self.request.user
        if user.is_superuser:
            return True
        return PagePermissionPolicy().user_has_permission(user, "publish")

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        from kim_cms.pages import (
            AgricultureTipPage,
            CulturalEventPage,
            KimGroupPage,
        )
        from kim_cms.pages.events import month_occurrences
        from kim_cms.pages.tips import today

        user = self.request.user
        policy = PagePermissionPolicy()
        editable = policy.instances_user_has_any_permission_for(
            user, ["add", "change", "publish"]
        )
        portals = _portal_paths()
        in_portal = _within(portals) if portals else Q(pk__in=[])

        # A group counts once, whatever number of languages it has.
        groups = (
            KimGroupPage.objects.live()
            .filter(in_portal)
            .values("translation_key")
            .distinct()
        )
        page_ids = [
            int(object_id)
            for object_id in WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS
            )
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
            if object_id.isdigit()
        ]
        awaiting_pages = (
            Page.objects.filter(in_portal, pk__in=page_ids)
            .filter(pk__in=editable.values("pk"))
            .order_by("-latest_revision_created_at")
        )
        overdue = (
            AgricultureTipPage.objects.filter(in_portal, review_due__lt=today())
            .filter(pk__in=editable.values("pk"))
            .order_by("review_due")
        )

        day = today()
        first_day = day - datetime.timedelta(days=day.weekday())
        last_day = first_day + datetime.timedelta(days=6)
        events = (
            CulturalEventPage.objects.live()
            .filter(in_portal)
            .filter(pk__in=editable.values("pk"))
        )
        months = {(first_day.year, first_day.month), (last_day.year, last_day.month)}
        week = []
        for year, month in sorted(months):
            for occurrence, pk in month_occurrences(events, year, month):
                if (
                    occurrence.overlaps_days(first_day, last_day)
                    and (
                        occurrence,
                        pk,
                    )
                    not in week
                ):
                    week.append((occurrence, pk))
        week.sort(key=lambda item: (item[0].start, item[1]))
        event_pages = CulturalEventPage.objects.in_bulk([pk for _o, pk in week])
        this_week = [
            {"page": event_pages[pk], "occurrence": occurrence}
            for occurrence, pk in week
            if pk in event_pages
        ]
        return {
            "group_count": groups.count(),
            "awaiting_count": awaiting_pages.count(),
            "awaiting": list(awaiting_pages[:LIST_LIMIT]),
            "overdue_count": overdue.count(),
            "overdue": list(overdue[:LIST_LIMIT]),
            "events": this_week[:LIST_LIMIT],
            "event_count": len(this_week),
            "week_start": first_day,
            "week_end": last_day,
        }


class KimEditorPanel(Component):
    """For a KIM group's editors: their group, with the buttons they need
    (report a disaster, edit the profile, add an activity report, a tip, an
    event, training)."""

    name = "kim_cms_group_editor"
    template_name = "kim_cms/admin/editor_panel.html"
    order = 80

    def __init__(self, request):
        self.request = request
        self._groups = None

    def get_groups(self):
        if self._groups is None:
            from kim_cms.wagtail_admin.roles import EDITORS, group_pages

            user = self.request.user
            keys = list(
                user.groups.filter(kim_role__kind=EDITORS).values_list(
                    "kim_role__translation_key", flat=True
                )
            )
            pages = (
                list(
                    group_pages()
                    .filter(translation_key__in=keys)
                    .select_related("locale")
                    .order_by("path")
                )
                if keys
                else []
            )
            pages = [
                page for page in pages if page.permissions_for_user(user).can_edit()
            ]
            # New pages start in the default language; translations follow
            # through wagtail-localize.
            default_locale_id = Locale.get_default().pk
            source = [page for page in pages if page.locale_id == default_locale_id]
            self._groups = source or pages
        return self._groups

    def is_shown(self):
        return bool(self.get_groups())

    def get_context_data(self, parent_context=None):
        from kim_cms.pages import KimActivityPage

        groups = []
        for page in self.get_groups():
            specific_class = page.specific_class
            children = [
                model
                for model in specific_class.creatable_subpage_models()
                if model.can_create_at(page)
            ]
            groups.append(
                {
                    "page": page,
                    "disaster_report": KimActivityPage in children,
                    "add": [
                        {
                            "label": capfirst(model._meta.verbose_name),
                            "app_label": model._meta.app_label,
                            "model_name": model._meta.model_name,
                        }
                        for model in children
                    ],
                }
            )
        from kim_cms.wagtail_admin.names import display_name
        from kim_cms.wagtail_admin.roles import WORKFLOW_NAME

        return {"groups": groups, "workflow": display_name(WORKFLOW_NAME)}


class KimTranslatorPanel(Component):
    """For translators: how many public pages wait for a translation into
    each language, and the way to the translation status report, where
    "Translate" starts one. A translator's rights are on the translations
    only, so Wagtail's explorer never shows them the pages to translate."""

    name = "kim_cms_translator"
    template_name = "kim_cms/admin/translator_panel.html"
    order = 85

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        return self.request.user.has_perm("wagtail_localize.submit_translation")

    def get_context_data(self, parent_context=None):
        from django.contrib.contenttypes.models import ContentType

        from kim_cms.wagtail_admin.reads import ReadablePages
        from kim_cms.wagtail_admin.translation_status import (
            kim_cms_page_models,
            source_locale,
            target_locales,
        )

        content_types = ContentType.objects.get_for_models(
            *kim_cms_page_models()
        ).values()
        readable = ReadablePages.for_request(self.request)
        sources = Page.objects.filter(
            content_type__in=content_types, locale=source_locale()
        )
        if not readable.everything:
            sources = sources.filter(readable.public_q())
        languages = [
            {
                "locale": locale,
                "missing": sources.exclude(
                    translation_key__in=Page.objects.filter(locale=locale).values(
                        "translation_key"
                    )
                ).count(),
            }
            for locale in target_locales()
        ]
        return {"languages": languages}
