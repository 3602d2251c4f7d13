"""Hazards (bahaya): what a warning or a preparedness guide is about.

Hazards are data, not code: a district on the coast adds tsunami, one in the
mountains adds gunung meletus. The CAP category is what the hazard is to
machines that read our CAP feed; the name is what readers see.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms.snippets.taxonomies import AbstractTaxonomy

# The <category> values of CAP 1.2 (OASIS CAP 1.2, section 3.2.2).
CAP_CATEGORY_CHOICES = [
    ("Geo", _("Geophysical (earthquake, landslide, volcano)")),
    ("Met", _("Weather (flood, extreme weather)")),
    ("Safety", _("General public safety")),
    ("Security", _("Security")),
    ("Rescue", _("Rescue and recovery")),
    ("Fire", _("Fire (forest and peat-land fires)")),
    ("Health", _("Health")),
    ("Env", _("Environment (haze, pollution)")),
    ("Transport", _("Transport")),
    ("Infra", _("Infrastructure (power, water, telecommunications)")),
    ("CBRNE", _("Chemical, biological, radiological or nuclear")),
    ("Other", _("Other")),
]
CAP_CATEGORIES = {key for key, _label in CAP_CATEGORY_CHOICES}


class Hazard(AbstractTaxonomy):
    """A hazard the district warns about and prepares for: karhutla, kabut
    asap, banjir, cuaca ekstrem, tanah longsor, gempa bumi, ..."""

    cap_category = models.CharField(
        _("CAP category"),
        max_length=20,
        choices=CAP_CATEGORY_CHOICES,
        default="Met",
        help_text=_("How CAP warning feeds classify this hazard."),
    )

    panels = AbstractTaxonomy.panels + [FieldPanel("cap_category")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("cap_category"),
    ]

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kim_cms_hazard_unique_slug"
            )
        ]
