"""Filing a disaster report (Laporan KIM) from a phone: the hazard, the desa
and what is happening, with a photo if there is one.

The view creates a draft activity report under the group's page and submits
it to the page's moderation workflow ("KIM review"): Diskominfo publishes
it, the form never does. Only users who may add pages under the group get
the form.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection, Page
from wagtail.permission_policies.collections import (
    CollectionOwnershipPermissionPolicy,
)

from kim_cms.conf import kim_settings
from kim_cms.pages import KimActivityPage
from kim_cms.pages.base import is_kim_group_profile
from kim_cms.snippets import Desa, Hazard


class DesaChoiceField(forms.ModelChoiceField):
    """Desa with their kecamatan: two desa may share a name."""

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.kecamatan.name})"


class DisasterReportForm(forms.Form):
    """Three fields and an optional photo, short enough for a phone."""

    hazard = forms.ModelChoiceField(
        label=_("Hazard"),
        queryset=Hazard.objects.none(),
        empty_label=_("Choose the hazard"),
        error_messages={
            "required": _("Choose the hazard."),
            "invalid_choice": _("Choose a hazard from the list."),
        },
    )
    desa = DesaChoiceField(
        label=_("Desa"),
        queryset=Desa.objects.select_related("kecamatan"),
        empty_label=_("Choose the desa"),
        error_messages={
            "required": _("Choose the desa where it happens."),
            "invalid_choice": _("Choose a desa from the list."),
        },
    )
    text = forms.CharField(
        label=_("What is happening"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you see, where exactly, and since when."),
        error_messages={
            "required": _("Write what is happening."),
            "max_length": _("Write at most %(limit_value)d characters."),
        },
    )
    photo = WagtailImageField(label=_("Photo (optional)"), required=False)

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        hazards = Hazard.objects.filter(locale_id=group.locale_id)
        if not hazards.exists():  # hazards not yet translated
            hazards = Hazard.objects.all()
        self.fields["hazard"].queryset = hazards.order_by("name")
        desa_id = getattr(group, "desa_id", None)
        if desa_id:
            self.fields["desa"].initial = desa_id


class FileDisasterReportView(WagtailAdminTemplateMixin, FormView):
    """Files a disaster report under the KIM group page ``group_id`` and
    submits it for moderation."""

    form_class = DisasterReportForm
    template_name = "kim_cms/admin/disaster_report_form.html"
    page_title = _("Report a disaster")
    header_icon = "warning"

    def dispatch(self, request, group_id):
        page = get_object_or_404(Page, pk=group_id)
        if not is_kim_group_profile(page.specific_class):
            raise Http404
        self.group = page.specific
        permissions = self.group.permissions_for_user(request.user)
        if not (
            KimActivityPage.can_create_at(self.group) and permissions.can_add_subpage()
        ):
            raise PermissionDenied
        return super().dispatch(request, group_id)

    def get_page_subtitle(self):
        return self.group.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_explore", args=[self.group.pk]),
                "label": self.group.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "group": self.group}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["group"] = self.group
        return context

    def form_valid(self, form):
        user = self.request.user
        photo = form.cleaned_data.get("photo")
        collection = self.photo_collection() if photo else None
        if photo and collection is None:
            form.add_error(
                "photo",
                _("You may not upload photos. Send the report without one."),
            )
            return self.form_invalid(form)
        with transaction.atomic():
            report = self.create_report(form.cleaned_data, photo, collection)
        workflow = report.get_workflow()
        if workflow is not None:
            workflow.start(report, user)
            messages.success(
                self.request,
                _("Your report was sent to Diskominfo. It appears once approved."),
            )
        else:
            messages.success(self.request, _("Your report was saved as a draft."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[report.pk]))

    def photo_collection(self):
        """The group's own collection when the user may add images to it,
        else the first collection they may add to, else ``None``."""
        from kim_cms.wagtail_admin.roles import KimRole

        image_model = get_image_model()
        policy = CollectionOwnershipPermissionPolicy(
            image_model, auth_model=image_model, owner_field_name="uploaded_by_user"
        )
        allowed = policy.collections_user_has_permission_for(self.request.user, "add")
        role = (
            KimRole.objects.filter(translation_key=self.group.translation_key)
            .exclude(collection=None)
            .first()
        )
        if role is not None and allowed.filter(pk=role.collection_id).exists():
            return role.collection
        return allowed.order_by("path").first() or (
            Collection.get_first_root_node() if self.request.user.is_superuser else None
        )

    def create_report(self, data, photo, collection):
        """The draft report with its photo, and its first revision."""
        from zoneinfo import ZoneInfo

        user = self.request.user
        hazard, desa = data["hazard"], data["desa"]
        now = timezone.now()
        with translation.override(self.group.locale.language_code):
            title = str(
                _("%(hazard)s in Desa %(desa)s")
                % {"hazard": hazard.name, "desa": desa.name}
            )
        image = None
        if photo:
            image = get_image_model()(
                title=title[:255],
                file=photo,
                collection=collection,
                uploaded_by_user=user,
            )
            image.save()
        local = now.astimezone(ZoneInfo(kim_settings.TIME_ZONE))
        report = KimActivityPage(
            title=title,
            slug=self.free_slug(f"{slugify(title)[:60]}-{local:%Y%m%d-%H%M}"),
            date=local.date(),
            place=desa.name,
            summary=data["text"],
            cover_image=image,
            hazard=hazard,
            hazard_desa=desa,
            observed_at=now,
            owner=user,
            live=False,
        )
        self.group.add_child(instance=report)
        report.save_revision(user=user, log_action=True)
        return report

    def free_slug(self, slug):
        """``slug``, or ``slug-2``, ``slug-3`` ... when a sibling has it."""
        taken = set(
            self.group.get_children()
            .filter(slug__startswith=slug)
            .values_list("slug", flat=True)
        )
        candidate, number = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{number}"
            number += 1
        return candidate
