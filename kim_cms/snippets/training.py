"""Training topics: the taxonomy of training material (literasi digital,
jurnalistik warga, mitigasi bencana, pertanian, UMKM, ...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim_cms.snippets.taxonomies import AbstractTaxonomy


class TrainingTopic(AbstractTaxonomy):
    """A topic of training material, e.g. literasi digital."""

    class Meta(AbstractTaxonomy.Meta):
        abstract = False
        verbose_name = _("training topic")
        verbose_name_plural = _("training topics")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kim_cms_trainingtopic_unique_slug"
            )
        ]
