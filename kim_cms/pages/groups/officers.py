"""The officers of a KIM group, published only with their consent."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
)
from wagtail.images import get_image_model_string
from wagtail.models import Orderable


class OfficerSerializer(serializers.Serializer):
    """An officer in the API: name, role and term only."""

    name = serializers.CharField()
    role = serializers.CharField()
    role_label = serializers.CharField(source="get_role_display")
    term_start = serializers.DateField()
    term_end = serializers.DateField()


class AbstractKimGroupOfficer(Orderable):
    """An officer of a group, published only with their consent.

    No national ID number (NIK) is ever stored.
    """

    ROLE_CHOICES = [
        ("ketua", _("Chair")),
        ("sekretaris", _("Secretary")),
        ("bendahara", _("Treasurer")),
        ("pengumpulan", _("Head of information collection")),
        ("pengolahan", _("Head of information processing")),
        ("penyebaran", _("Head of information dissemination")),
        ("anggota", _("Member")),
    ]

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=20, choices=ROLE_CHOICES, default="anggota"
    )
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_to_publish = models.BooleanField(
        _("consent to publish"),
        default=False,
        help_text=_(
            "Tick only when this person agreed that their name, role and photo "
            "appear on the website."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
        FieldPanel("photo"),
        FieldPanel("consent_to_publish"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError(
                {"term_end": _("The term cannot end before it starts.")}
            )


class KimGroupOfficer(AbstractKimGroupOfficer):
    page = ParentalKey(
        "kim_cms.KimGroupPage", on_delete=models.CASCADE, related_name="officers"
    )
