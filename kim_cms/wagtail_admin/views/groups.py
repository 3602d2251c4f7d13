"""Admin views of kim_cms: the list of KIM groups with CSV and XLSX export."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from kim_cms.pages import KimGroupPage
from kim_cms.wagtail_admin.views.spreadsheets import SafeSpreadsheetExportMixin


class KimGroupReportView(SafeSpreadsheetExportMixin, PageReportView):
    """Every KIM group the user may edit, with its region, decree, status and
    contacts; ``?export=csv`` or ``?export=xlsx`` downloads the list.

    Officers' names are not exported: they are private unless published with
    consent on the group's page.
    """

    page_title = _("KIM group list")
    header_icon = "group"
    index_url_name = "kim_cms_groups:index"
    index_results_url_name = "kim_cms_groups:results"
    list_export = [
        "title",
        "locale.language_code",
        "kecamatan_name",
        "desa_name",
        "get_status_display",
        "sk_number",
        "sk_date",
        "founding_date",
        "phone",
        "whatsapp",
        "email",
        "website",
        "full_url",
        "status_string",
        "latest_revision_created_at",
    ]
    export_headings = {
        "title": _("Name"),
        "locale.language_code": _("Language"),
        "kecamatan_name": _("Sub-district"),
        "desa_name": _("Desa"),
        "get_status_display": _("Group status"),
        "sk_number": _("Decree (SK) number"),
        "sk_date": _("Decree (SK) date"),
        "founding_date": _("Founding date"),
        "phone": _("Phone"),
        "whatsapp": _("WhatsApp"),
        "email": _("E-mail"),
        "website": _("Website"),
        "full_url": _("Address on the portal"),
        "status_string": _("Publication"),
        "latest_revision_created_at": _("Updated"),
    }

    def get_editable_pages(self):
        policy = PagePermissionPolicy()
        return policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            raise PermissionDenied
        self.request = request
        if not user.is_superuser and not self.get_queryset().exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        groups = KimGroupPage.objects.select_related(
            "kecamatan", "desa", "locale", "latest_revision"
        ).order_by("title", "pk")
        if self.request.user.is_superuser:
            return groups
        return groups.filter(pk__in=self.get_editable_pages().values("pk"))

    def get_filename(self):
        return f"kim-groups-{datetime.date.today().isoformat()}"


class KimGroupReportMenuItem(MenuItem):
    """Shown only to those the group list lets in."""

    def is_shown(self, request):
        if request.user.is_superuser:
            return True
        view = KimGroupReportView()
        view.request = request
        return view.get_queryset().exists()


class KimGroupReportViewSet(ViewSet):
    """The group list in the "KIM" admin menu."""

    name = "kim_cms_groups"
    icon = "group"
    menu_label = _("Group list")
    add_to_admin_menu = False
    menu_item_class = KimGroupReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", KimGroupReportView.as_view(), name="index"),
            path(
                "results/",
                KimGroupReportView.as_view(results_only=True),
                name="results",
            ),
        ]
