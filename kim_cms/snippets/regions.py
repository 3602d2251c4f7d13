"""Kecamatan (sub-districts) and desa/kelurahan (villages).

Region names are proper nouns: one record serves both languages, so regions
are not translatable. The Kemendagri code is optional and unique.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Kecamatan(index.Indexed, models.Model):
    """A sub-district of the kabupaten."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("Kemendagri code"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The official code, e.g. 62.11.01. Optional."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kecamatan")
        verbose_name_plural = _("kecamatan")

    def __str__(self):
        return self.name

    def get_place_name(self):
        """ "Kecamatan Kahayan Hilir" to Indonesian readers, "Kahayan Hilir
        sub-district" to English ones."""
        return _("Kecamatan %(name)s") % {"name": self.name}

    def save(self, *args, **kwargs):
        self.code = (self.code or "").strip() or None
        super().save(*args, **kwargs)


class Desa(index.Indexed, models.Model):
    """A village (desa) or urban village (kelurahan) within a kecamatan."""

    KIND_DESA = "desa"
    KIND_KELURAHAN = "kelurahan"
    KIND_CHOICES = [(KIND_DESA, _("Desa")), (KIND_KELURAHAN, _("Kelurahan"))]

    name = models.CharField(_("name"), max_length=100)
    kecamatan = models.ForeignKey(
        Kecamatan,
        verbose_name=_("kecamatan"),
        on_delete=models.PROTECT,
        related_name="desa_set",
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=KIND_CHOICES, default=KIND_DESA
    )
    code = models.CharField(
        _("Kemendagri code"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The official code, e.g. 62.11.01.2001. Optional."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kecamatan"),
        FieldPanel("kind"),
        FieldPanel("code"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kecamatan_id"),
    ]

    class Meta:
        ordering = ["kecamatan__name", "name"]
        verbose_name = _("desa")
        verbose_name_plural = _("desa")
        constraints = [
            models.UniqueConstraint(
                fields=["kecamatan", "name"], name="kim_cms_desa_unique_name"
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.kecamatan.name}"

    def get_place_name(self):
        """ "Desa Garung" to Indonesian readers, "Garung village" to English
        ones (and the same for a kelurahan)."""
        if self.kind == self.KIND_KELURAHAN:
            return _("Kelurahan %(name)s") % {"name": self.name}
        return _("Desa %(name)s") % {"name": self.name}

    def save(self, *args, **kwargs):
        self.code = (self.code or "").strip() or None
        super().save(*args, **kwargs)
