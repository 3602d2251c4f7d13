"""Admin view of kim_cms: import a CAP 1.2 alert as a draft warning under a
warning list. Reached from the warning list's "More" menu in the page
explorer; only those who may add and publish warnings there (the Diskominfo
moderators) get in."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from kim_cms.outputs.cap_read import MAX_DOCUMENT_BYTES
from kim_cms.pages.warnings import (
    AbstractWarningIndexPage,
    CapImportReport,
    import_document,
)


def may_import_cap(page, user):
    """Whether ``user`` may import CAP alerts under the warning list
    ``page``: add pages under it and publish them, as moderators do."""
    if not isinstance(page, AbstractWarningIndexPage) or not user.is_authenticated:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


class CapImportForm(forms.Form):
    """One CAP 1.2 document and whether to write it."""

    document = forms.FileField(
        label=_("CAP 1.2 document"),
        help_text=_(
            "An alert in CAP 1.2 XML, e.g. from BMKG. It becomes a draft warning; "
            "nothing is published."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check, write nothing"),
        required=False,
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s KB.")
                % {"size": MAX_DOCUMENT_BYTES // 1024}
            )
        return document


class CapImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a CAP document; see what was matched, created or refused."""

    form_class = CapImportForm
    template_name = "kim_cms/admin/cap_import.html"
    page_title = _("Import a CAP alert")
    header_icon = "warning"

    def dispatch(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id).specific
        if not may_import_cap(page, request.user):
            raise PermissionDenied
        self.index = page
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.index.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_explore", args=[self.index.pk]),
                "label": self.index.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["index"] = self.index
        context["action_url"] = self.request.path
        return context

    def form_valid(self, form):
        document = form.cleaned_data["document"]
        # One alert only: a list of links is for the command, so that an
        # upload never makes the server read its own files or the network.
        dry_run = form.cleaned_data["dry_run"]
        report = CapImportReport(dry_run=dry_run)
        report.documents.append(
            import_document(
                document.read(),
                self.index,
                user=self.request.user,
                dry_run=dry_run,
                location=document.name,
            )
        )
        status = 200 if report.ok else 400
        return self.render_to_response(
            self.get_context_data(form=form, report=report), status=status
        )


class CapImportMenuItem(PageMenuItem):
    """ "Import CAP alert" in a warning list's menu, for those who may."""

    label = _("Import CAP alert")
    icon_name = "download"
    url_name = "kim_cms_cap_import"
    priority = 80

    def is_shown(self, user):
        kind = self.page.specific_class
        if kind is None or not issubclass(kind, AbstractWarningIndexPage):
            return False
        return may_import_cap(self.page.specific_deferred, user)
