"""Focus areas: what a KIM group works on (agriculture, disaster mitigation...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kim_cms.snippets.taxonomies import AbstractTaxonomy


class FocusArea(AbstractTaxonomy):
    """A field a KIM group works in, e.g. pertanian or mitigasi bencana.

    Groups link to the Indonesian terms; pages show the term in their own
    language through ``localized_terms``.
    """

    class Meta(AbstractTaxonomy.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="kim_cms_focusarea_unique_slug"
            )
        ]


def localized_terms(terms, locale):
    """The translations of ``terms`` (taxonomy instances of one model) in
    ``locale`` (a Locale or its id), in the same order, in one query; a term without a translation
    is returned as it is."""
    locale_id = getattr(locale, "pk", locale)
    terms = list(terms)
    if not terms:
        return []
    model = type(terms[0])
    missing = {t.translation_key for t in terms if t.locale_id != locale_id}
    found = {}
    if missing:
        found = {
            t.translation_key: t
            for t in model.objects.filter(
                translation_key__in=missing, locale_id=locale_id
            )
        }
    return [
        term if term.locale_id == locale_id else found.get(term.translation_key, term)
        for term in terms
    ]
