"""Admin view of kim_cms: import a CAP 1.2 alert, or every alert of an RSS or
Atom list, as draft warnings under a warning list; or, when
``KIM_CMS_CAP_IMPORT_URL`` is set, the configured feed (what the command
imports without an argument). Reached from the warning list's "More" menu in
the page explorer; only those who may add and publish warnings there (the
Diskominfo moderators) get in."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from kim_cms.conf import kim_settings
from kim_cms.outputs.cap_read import MAX_DOCUMENT_BYTES
from kim_cms.pages.warnings import (
    AbstractWarningIndexPage,
    import_cap,
    import_location,
)


def may_import_cap(page, user):
    """Whether ``user`` may import CAP alerts under the warning list
    ``page``: add pages under it and publish them, as moderators do."""
    if not isinstance(page, AbstractWarningIndexPage) or not user.is_authenticated:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


class CapImportForm(forms.Form):
    """One CAP 1.2 document, or an RSS or Atom list of them, and whether to
    write it."""

    document = forms.FileField(
        label=_("CAP 1.2 document or list of alerts"),
        help_text=_(
            "An alert in CAP 1.2 XML, e.g. from BMKG, or an RSS or Atom list "
            "linking to alerts (fetched from their http or https addresses). "
            "Each alert becomes a draft warning; nothing is published."
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
    page_title = _("Import CAP alerts")
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
        context["feed_url"] = kim_settings.CAP_IMPORT_URL
        return context

    def post(self, request, *args, **kwargs):
        if "from_feed" in request.POST:
            return self.import_feed()
        return super().post(request, *args, **kwargs)

    def import_feed(self):
        """Import the configured feed, as the command does without an
        argument; a feed that cannot be fetched writes nothing."""
        if not kim_settings.CAP_IMPORT_URL:
            raise PermissionDenied
        report = import_location(
            kim_settings.CAP_IMPORT_URL,
            self.index,
            user=self.request.user,
            dry_run="dry_run" in self.request.POST,
        )
        return self.show(self.get_form_class()(), report)

    def form_valid(self, form):
        document = form.cleaned_data["document"]
        # an uploaded list's links are fetched over http(s), never read from
        # the server's own files
        report = import_cap(
            document.read(),
            self.index,
            user=self.request.user,
            dry_run=form.cleaned_data["dry_run"],
            location=document.name,
            uploaded=True,
        )
        return self.show(form, report)

    def show(self, form, report):
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
