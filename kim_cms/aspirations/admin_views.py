"""Admin views for Diskominfo moderators only: a message's attachment, one
person's data (export and erasure on request, UU 27/2022) and turning a hoax
report into a draft clarification page."""

import csv
import json
import os

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Locale

from kim_cms.aspirations.access import is_aspiration_moderator
from kim_cms.aspirations.anonymise import anonymised_text
from kim_cms.aspirations.models import Aspiration
from kim_cms.pages.clarifications import (
    HoaxClarificationIndexPage,
    HoaxClarificationPage,
)
from kim_cms.wagtail_admin.views.spreadsheets import neutralize_formula

CLAIM_MAX_LENGTH = 1000
EXPORT_FIELDS = (
    "tracking_code",
    "submit_time",
    "category",
    "kecamatan",
    "desa",
    "message",
    "name",
    "contact",
    "attachment",
    "consent_at",
    "status",
    "opd",
    "reply",
    "personal_data_erased_at",
)


def moderators_only(view):
    """Refuse (403) everyone but Diskominfo moderators and superusers."""

    def wrapped(request, *args, **kwargs):
        if not is_aspiration_moderator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


@moderators_only
def attachment(request, pk):
    """The photo or document sent with a message, as a download."""
    aspiration = get_object_or_404(Aspiration, pk=pk)
    if not aspiration.attachment:
        raise Http404
    try:
        handle = aspiration.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    extension = os.path.splitext(aspiration.attachment.name)[1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"aspirasi-{aspiration.tracking_code}{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def find_person(params):
    """The messages of one person: by tracking code (``kode``) or by the
    contact they gave (``kontak``), and what was asked for."""
    code = (params.get("kode") or "").strip().upper()[:16]
    contact = (params.get("kontak") or "").strip()[:200]
    if code:
        return Aspiration.objects.filter(tracking_code=code), {"kode": code}
    if contact:
        return same_contact(contact), {"kontak": contact}
    return Aspiration.objects.none(), {}


def phone_digits(text):
    """A phone number as digits with the country code, whichever way it was
    written (0812-5555-0101, +62 812 5555 0101); ``""`` for anything else."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) < 9 or any(c.isalpha() or c == "@" for c in text):
        return ""
    return "62" + digits[1:] if digits.startswith("0") else digits


def same_contact(contact):
    """The messages whose contact is ``contact``: the same e-mail address in
    any case, or the same phone number however it was written."""
    digits = phone_digits(contact)
    if not digits:
        return Aspiration.objects.filter(contact__iexact=contact)
    tail = digits[-4:]
    candidates = Aspiration.objects.filter(contact__contains=tail).values_list(
        "pk", "contact"
    )
    return Aspiration.objects.filter(
        pk__in=[pk for pk, other in candidates if phone_digits(other) == digits]
    )


def export_response(aspirations, export_format):
    rows = [a.get_personal_data() for a in aspirations]
    stamp = timezone.now().strftime("%Y%m%d")
    if export_format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(EXPORT_FIELDS)
        for row in rows:
            writer.writerow([neutralize_formula(row[f]) for f in EXPORT_FIELDS])
        extension = "csv"
    else:
        response = HttpResponse(
            json.dumps({"aspirations": rows}, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        extension = "json"
    response["Content-Disposition"] = (
        f'attachment; filename="data-pribadi-aspirasi-{stamp}.{extension}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


#: What a moderator may do with the messages found: see them listed,
#: download them, or erase their personal data.
PERSONAL_DATA_ACTIONS = ("find", "json", "csv", "erase")


@moderators_only
def personal_data(request):
    """Find one person's messages by tracking code or contact, download them
    as JSON or CSV, or erase their personal data.

    Everything is a POST (with Django's CSRF token): the contact a citizen
    gave (a phone number, an e-mail address) never travels in an address,
    so it is never in the server's, a proxy's or the browser's logs and
    history. A GET shows the empty form and looks nothing up, whatever its
    query string holds."""
    if request.method != "POST":
        return _personal_data_page(request, None, {})
    action = request.POST.get("action") or "find"
    if action not in PERSONAL_DATA_ACTIONS:
        return HttpResponse(status=400)
    aspirations, lookup = find_person(request.POST)
    if action == "find":
        return _personal_data_page(request, aspirations, lookup)
    if not lookup:
        return HttpResponse(status=400)
    if action == "erase":
        now = timezone.now()
        count = 0
        for aspiration in aspirations.select_related("page__locale"):
            if aspiration.has_personal_data():
                aspiration.erase_personal_data(now)
                aspiration.save()
                count += 1
        messages.success(
            request,
            _("The personal data of %(count)s message(s) was erased.")
            % {"count": count},
        )
        return redirect("kim_aspirations_personal_data")
    return export_response(aspirations.select_related("kecamatan", "desa"), action)


def _personal_data_page(request, aspirations, lookup):
    context = {
        "aspirations": list(aspirations) if lookup else None,
        "lookup": lookup,
        "code": lookup.get("kode", ""),
        "contact": lookup.get("kontak", ""),
    }
    return TemplateResponse(
        request, "kim_cms/aspirations/admin/personal_data.html", context
    )


def find_clarification_index(aspiration):
    """Where the draft goes: a clarification index in the language of the
    aspiration page, under the same site root first."""
    page = aspiration.page
    indexes = HoaxClarificationIndexPage.objects.filter(locale_id=page.locale_id)
    root_path = page.path[: HoaxClarificationIndexPage.steplen * 2]
    return (
        indexes.filter(path__startswith=root_path).order_by("path").first()
        or indexes.order_by("path").first()
    )


def draft_title(claim):
    return _("Clarification: %(claim)s") % {
        "claim": Truncator(claim.replace("\n", " ")).chars(80)
    }


@require_POST
@moderators_only
def make_clarification(request, pk):
    """Make a draft hoax clarification from a hoax report: the claim is the
    message without personal data; the moderator completes and publishes
    it through the review as any page."""
    aspiration = get_object_or_404(Aspiration.objects.select_related("page"), pk=pk)
    inspect_url = reverse("kim_aspirations:inspect", args=[aspiration.pk])
    if aspiration.category != "hoaks":
        messages.error(request, _("Only a hoax report can become a clarification."))
        return redirect(inspect_url)
    if aspiration.clarification_id:
        return redirect("wagtailadmin_pages:edit", aspiration.clarification_id)
    index = find_clarification_index(aspiration)
    if index is None:
        messages.error(
            request,
            _(
                "There is no hoax clarification index to put the draft in. Create one first."
            ),
        )
        return redirect(inspect_url)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    page = build_draft(aspiration, index, request.user)
    aspiration.clarification = page
    aspiration.save(update_fields=["clarification"])
    messages.success(
        request,
        _("A draft clarification was made from %(code)s. Complete it and publish it.")
        % {"code": aspiration.tracking_code},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def build_draft(aspiration, index, user):
    claim = anonymised_text(
        aspiration.message,
        aspiration.name,
        aspiration.contact,
        max_length=CLAIM_MAX_LENGTH,
    )
    locale = Locale.objects.get(pk=index.locale_id)
    with override(locale.language_code):
        title = draft_title(claim)
    page = HoaxClarificationPage(
        title=title,
        claim=claim,
        claim_first_seen=aspiration.submit_time.date()
        if aspiration.submit_time
        else None,
        live=False,
        locale=locale,
        owner=user,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True, clean=False)
    return page


urlpatterns = [
    path(
        "aspirations/personal-data/",
        personal_data,
        name="kim_aspirations_personal_data",
    ),
    path(
        "aspirations/<int:pk>/attachment/",
        attachment,
        name="kim_aspirations_attachment",
    ),
    path(
        "aspirations/<int:pk>/clarification/",
        make_clarification,
        name="kim_aspirations_make_clarification",
    ),
]
