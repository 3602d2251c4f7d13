"""One aspiration, question, complaint or hoax report and how it was handled."""

import secrets

from django.db import models, transaction
from django.dispatch import Signal
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission

from kim_cms.aspirations.anonymise import anonymised_text
from kim_cms.aspirations.files import attachment_path, private_storage

CATEGORY_CHOICES = [
    ("aspirasi", _("Aspiration or suggestion")),
    ("pertanyaan", _("Question")),
    ("pengaduan", _("Complaint")),
    ("hoaks", _("Hoax report")),
]

STATUS_NEW = "baru"
STATUS_FORWARDED = "diteruskan"
STATUS_ANSWERED = "dijawab"
STATUS_DONE = "selesai"
STATUS_CHOICES = [
    (STATUS_NEW, _("New")),
    (STATUS_FORWARDED, _("Forwarded to the office (OPD)")),
    (STATUS_ANSWERED, _("Answered")),
    (STATUS_DONE, _("Done")),
]

# Unambiguous on a phone keyboard and read aloud: no 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10

# The fields that identify the sender, erased after the retention period
# or on request (with the attachment).
PERSONAL_FIELDS = ("name", "contact")
# The texts that may name the sender and that the public may read: anonymised
# when the personal fields are erased.
ANONYMISED_FIELDS = ("message", "public_question")

# Sent by the aspiration page once a citizen's message is stored
# (``sender``: the page's class, ``aspiration``, ``request``); the moderators'
# e-mail listens to it.
aspiration_submitted = Signal()


def new_tracking_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Aspiration(AbstractFormSubmission):
    """A message from a citizen. ``form_data`` holds nothing personal; the
    sender's name and contact are in their own fields, so that they can be
    left out of every list and erased (``kim_cms_erase_aspirations``)."""

    tracking_code = models.CharField(
        _("tracking code"), max_length=16, unique=True, editable=False
    )
    category = models.CharField(
        _("category"), max_length=20, choices=CATEGORY_CHOICES, default="aspirasi"
    )
    kecamatan = models.ForeignKey(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    desa = models.ForeignKey(
        "kim_cms.Desa",
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"), max_length=4000)
    name = models.CharField(_("name"), max_length=120, blank=True)
    contact = models.CharField(
        _("phone, WhatsApp or e-mail"), max_length=200, blank=True
    )
    attachment = models.FileField(
        _("photo or document"),
        upload_to=attachment_path,
        storage=private_storage,
        max_length=200,
        blank=True,
        editable=False,
    )
    consent_at = models.DateTimeField(_("consent given at"), editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=STATUS_NEW
    )
    opd = models.CharField(
        _("forwarded to (OPD)"),
        max_length=200,
        blank=True,
        help_text=_("The government office responsible, e.g. Dinas Pertanian."),
    )
    reply = models.TextField(_("reply"), blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    is_public = models.BooleanField(
        _("show the question and answer publicly"),
        default=False,
        help_text=_("Only the message and the reply are shown, never who sent it."),
    )
    public_question = models.TextField(
        _("question as shown publicly"),
        max_length=4000,
        blank=True,
        help_text=_(
            "What the public list of answered messages shows as the question. "
            "Leave empty to show the message without names, phone numbers and "
            "e-mail addresses."
        ),
    )
    clarification = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hoax clarification"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The clarification page made from this hoax report."),
    )
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("aspiration")
        verbose_name_plural = _("aspirations")
        ordering = ["-submit_time", "-pk"]

    def __str__(self):
        return f"{self.tracking_code} · {self.get_category_display()}"

    def save(self, *args, **kwargs):
        if not self.tracking_code:
            self.tracking_code = new_tracking_code()
        super().save(*args, **kwargs)

    def get_data(self):
        """What Wagtail's submissions list and CSV export show: never the
        sender's name or contact."""
        return {
            "submit_time": self.submit_time,
            "tracking_code": self.tracking_code,
            "category": self.get_category_display(),
            "status": self.get_status_display(),
        }

    def get_public_status(self):
        """What the status lookup by code shows: no personal data."""
        return {
            "tracking_code": self.tracking_code,
            "category": self.get_category_display(),
            "status": self.get_status_display(),
            "opd": self.opd if self.status != STATUS_NEW else "",
            "reply": self.reply
            if self.status in (STATUS_ANSWERED, STATUS_DONE)
            else "",
            "submit_time": self.submit_time,
        }

    def get_public_question(self):
        """The question as the public list of answers shows it: the
        moderator's wording, else the message without personal data."""
        if self.public_question.strip():
            return self.public_question
        return anonymised_text(self.message, self.name, self.contact)

    def get_personal_data(self):
        """Everything stored about this message and its sender, for a
        request to see one's own data (UU 27/2022)."""
        return {
            "tracking_code": self.tracking_code,
            "submit_time": self.submit_time.isoformat() if self.submit_time else "",
            "category": str(self.get_category_display()),
            "kecamatan": self.kecamatan.name if self.kecamatan_id else "",
            "desa": self.desa.name if self.desa_id else "",
            "message": self.message,
            "name": self.name,
            "contact": self.contact,
            "attachment": bool(self.attachment),
            "consent_at": self.consent_at.isoformat() if self.consent_at else "",
            "status": str(self.get_status_display()),
            "opd": self.opd,
            "reply": self.reply,
            "personal_data_erased_at": (
                self.personal_data_erased_at.isoformat()
                if self.personal_data_erased_at
                else ""
            ),
        }

    def erase_personal_data(self, when, language=None):
        """Forget who sent the message: the name, the contact and the
        attachment (its file too). What stays public (the message and the
        moderator's public question) is anonymised first, while the name and
        contact are still known, so that a name written in the message does
        not show once the fields that named it are empty; "[removed]" is
        written in ``language`` (default: the language of the page). The
        caller saves."""
        self.anonymise_texts(language)
        for field in PERSONAL_FIELDS:
            setattr(self, field, "")
        if self.attachment:
            self.attachment.delete(save=False)
        self.attachment = ""
        self.personal_data_erased_at = when

    def anonymise_texts(self, language=None):
        """Replace the sender's name and contact, and anything like a phone
        number or an e-mail address, in the message and in the public
        question (fields ``ANONYMISED_FIELDS``)."""
        if language is None:
            language = self.page.locale.language_code if self.page_id else None
        with translation.override(language):
            for field in ANONYMISED_FIELDS:
                text = getattr(self, field)
                if text.strip():
                    setattr(self, field, anonymised_text(text, self.name, self.contact))

    def has_personal_data(self):
        return any(getattr(self, field) for field in PERSONAL_FIELDS) or bool(
            self.attachment
        )


def delete_attachment_file(sender, instance, **kwargs):
    """A message was deleted (in the admin, by Wagtail's "delete
    submissions", with its page): delete its file too, once the deletion is
    committed (a deletion rolled back keeps the file)."""
    if not instance.attachment:
        return
    storage, name = instance.attachment.storage, instance.attachment.name
    transaction.on_commit(lambda: storage.delete(name), using=kwargs.get("using"))


def connect():
    """Delete the file of every deleted message (``Aspiration`` and the
    site's subclasses); called from the app's ``ready()``."""
    from django.apps import apps
    from django.db.models.signals import post_delete

    for model in apps.get_models():
        if issubclass(model, Aspiration):
            post_delete.connect(
                delete_attachment_file,
                sender=model,
                dispatch_uid=f"kim_cms_aspiration_file_{model._meta.label_lower}",
            )
