"""The citizen's form."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from kim_cms.aspirations import abuse
from kim_cms.aspirations.files import (
    allowed_extensions,
    size_limit,
    validate_attachment,
)
from kim_cms.aspirations.models import CATEGORY_CHOICES
from kim_cms.snippets import Desa, Kecamatan

HONEYPOT_FIELD = "website"
# What a refused form is shown again with, as the citizen typed it (a file
# cannot be: the browser must send it again).
REFILLED_FIELDS = (
    "category",
    "kecamatan",
    "desa",
    "message",
    "name",
    "contact",
    "consent",
)

REFUSALS = {
    "honeypot": _("This form could not be sent. Please try again."),
    "invalid": _("This form could not be sent. Reload the page and try again."),
    "expired": _("This form was open too long. Reload the page and send it again."),
    "too_fast": _(
        "This form was sent too quickly. Please read it through and send it again."
    ),
}
RATE_LIMITED = _(
    "Too many messages were sent from your connection. Please wait an hour and "
    "try again, or contact Diskominfo by phone."
)


class AspirationForm(forms.Form):
    category = forms.ChoiceField(label=_("What is it about?"), choices=CATEGORY_CHOICES)
    kecamatan = forms.ModelChoiceField(
        label=_("Sub-district"),
        queryset=Kecamatan.objects.all(),
        required=False,
        empty_label=_("Choose a sub-district"),
    )
    desa = forms.ModelChoiceField(
        label=_("Desa or kelurahan"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("Choose a desa or kelurahan"),
    )
    message = forms.CharField(
        label=_("Your message"), widget=forms.Textarea, max_length=4000
    )
    attachment = forms.FileField(
        label=_("Photo or document (optional)"),
        required=False,
        validators=[validate_attachment],
    )
    name = forms.CharField(
        label=_("Your name (optional)"), max_length=120, required=False
    )
    contact = forms.CharField(
        label=_("Phone, WhatsApp or e-mail (optional)"),
        max_length=200,
        required=False,
        help_text=_("Only if you want Diskominfo to contact you about your message."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that Diskominfo processes the data in this form to handle my "
            "message, as Law 27/2022 on Personal Data Protection requires."
        ),
        error_messages={
            "required": _("Your message can only be sent with your consent.")
        },
    )
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        if not self.is_bound and page is not None and not self.initial.get("token"):
            self.initial["token"] = abuse.make_token(page.pk)
        allowed = allowed_extensions()
        field = self.fields["attachment"]
        field.widget.attrs["accept"] = ",".join(f".{ext}" for ext in allowed)
        field.help_text = _(
            "A photo (%(extensions)s) or a PDF, up to %(size)s. Only Diskominfo's "
            "moderators see it."
        ) % {
            "extensions": ", ".join(ext.upper() for ext, img in allowed.items() if img),
            "size": filesizeformat(size_limit(True)),
        }

    @classmethod
    def refill_initial(cls, data, page):
        """The ``initial`` of an unbound form showing what was posted in
        ``data`` again (after a 429), with a token that can be sent."""
        initial = {name: data.get(name) for name in REFILLED_FIELDS if data.get(name)}
        initial["token"] = abuse.renewed_token(data.get("token"), page.pk)
        return initial

    def renew_token(self):
        """Before a refused form is shown again: a token that can be sent
        (``abuse.renewed_token``)."""
        data = self.data.copy()
        data["token"] = abuse.renewed_token(data.get("token"), self.page.pk)
        self.data = data

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(REFUSALS["honeypot"], code="honeypot")
        reason = abuse.check_token(
            cleaned.get("token"), self.page.pk if self.page else ""
        )
        if reason:
            raise forms.ValidationError(REFUSALS[reason], code=reason)
        desa, kecamatan = cleaned.get("desa"), cleaned.get("kecamatan")
        if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
            self.add_error("desa", _("This desa is not in the kecamatan chosen."))
        if desa and not kecamatan:
            cleaned["kecamatan"] = desa.kecamatan
        return cleaned
