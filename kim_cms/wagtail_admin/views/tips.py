"""Admin views of kim_cms: the report of tips due for review."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from kim_cms.wagtail_admin.views.spreadsheets import SafeSpreadsheetExportMixin


class OverdueTipsReportView(SafeSpreadsheetExportMixin, ReportView):
    """Tips whose review-due date has passed, oldest first, limited to the
    tips the user may edit. Needs a page permission (add, change or publish)."""

    page_title = _("Tips due for review")
    header_icon = "warning"
    index_url_name = "kim_cms_overdue_tips"
    index_results_url_name = "kim_cms_overdue_tips_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_due", "reviewed_on", "expert_name", "locale"]
    export_headings = {
        "review_due": _("Check again by"),
        "reviewed_on": _("Checked on"),
        "expert_name": _("Verified by"),
        "locale": _("Language"),
    }

    @property
    def model(self):
        from kim_cms.pages import AgricultureTipPage

        return AgricultureTipPage

    @property
    def permission_policy(self):
        return PagePermissionPolicy()

    columns = [
        TitleColumn(
            "title",
            label=_("Tip"),
            url_name="wagtailadmin_pages:edit",
        ),
        Column("review_due", label=_("Check again by")),
        Column("reviewed_on", label=_("Checked on")),
        Column("expert_name", label=_("Verified by")),
        Column("locale", label=_("Language")),
    ]

    def get_filename(self):
        return f"tips-due-for-review-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        from kim_cms.pages.tips import today

        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return (
            self.model.objects.filter(
                review_due__lt=today(), pk__in=editable.values("pk")
            )
            .select_related("locale")
            .order_by("review_due", "title")
        )
