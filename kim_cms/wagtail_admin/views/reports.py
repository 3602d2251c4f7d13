"""Admin reports of kim_cms."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from kim_cms.wagtail_admin.reads import ReadablePages
from kim_cms.wagtail_admin.translation_status import (
    annotate_parents,
    annotate_translation_status,
    kim_cms_page_models,
    source_locale,
    target_locales,
)
from kim_cms.wagtail_admin.views.spreadsheets import SafeSpreadsheetExportMixin


class TranslationStatusReportView(SafeSpreadsheetExportMixin, PageReportView):
    """For every kim_cms page in the source language, under the page it
    belongs to: which translations exist, which are drafts, which are out of
    date with their source, which still have untranslated text, which are
    missing. Lists the pages the user may edit and, to translators (who may
    submit translations), every public page, with a "Translate" link where
    a translation is missing: translations are made from published pages,
    and a translator's own rights are on the translations only."""

    page_title = _("Translation status")
    header_icon = "globe"
    results_template_name = "kim_cms/admin/translation_status_results.html"
    index_url_name = "kim_cms_translation_status"
    index_results_url_name = "kim_cms_translation_status_results"
    any_permission_required = ["add", "change", "publish"]
    export_filename = "translation-status"

    def translates(self):
        return self.request.user.has_perm("wagtail_localize.submit_translation")

    def get_queryset(self):
        content_types = ContentType.objects.get_for_models(
            *kim_cms_page_models()
        ).values()
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.readable = ReadablePages.for_request(self.request)
        if self.translates() and not self.readable.everything:
            pages = self.readable.filter(
                Page.objects.filter(
                    Q(pk__in=pages.values("pk")) | self.readable.public_q()
                )
            )
        self.queryset = (
            pages.filter(content_type__in=content_types, locale=source_locale())
            .select_related("content_type")
            .order_by("path")
        )
        return super().get_queryset()

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.locales = target_locales()
        self.list_export = [
            "title",
            "parent_title",
            "content_type.model_class._meta.verbose_name.title",
        ] + [f"status_{locale.language_code}" for locale in self.locales]
        self.export_headings = {
            "title": _("Title"),
            "parent_title": _("Parent page"),
            "content_type.model_class._meta.verbose_name.title": _("Type"),
        } | {
            f"status_{locale.language_code}": locale.get_display_name()
            for locale in self.locales
        }

    def decorate_paginated_queryset(self, object_list):
        pages = annotate_translation_status(annotate_parents(object_list))
        self.readable.mask([page.parent_page for page in pages])
        for page in pages:
            parent = page.parent_page
            # Wagtail's root page ("Root") is no page of the site.
            page.parent_title = (
                parent.get_admin_display_title() if parent and parent.depth > 1 else ""
            )
            for status in page.translation_statuses:
                setattr(page, f"status_{status.locale.language_code}", str(status))
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["target_locales"] = self.locales
        context["can_translate"] = self.translates()
        return context
