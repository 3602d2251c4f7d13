"""Focus areas: what a KIM group works on (agriculture, disaster mitigation...)."""

from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet
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


def localized_terms_of(queryset, locale):
    """``localized_terms(queryset, locale)`` in one query instead of two: the
    terms of ``queryset`` (e.g. ``page.focus_areas.all()``) are fetched
    together with their translations in ``locale``."""
    locale_id = getattr(locale, "pk", locale)
    if not isinstance(queryset, QuerySet):  # in memory, e.g. a preview
        return localized_terms(queryset, locale_id)
    model = queryset.model
    own = queryset.values("pk")
    rows = list(
        model.objects.filter(
            Q(pk__in=own)
            | Q(
                locale_id=locale_id,
                translation_key__in=queryset.values("translation_key"),
            )
        )
        .annotate(kim_own=ExpressionWrapper(Q(pk__in=own), output_field=BooleanField()))
        .order_by(*(queryset.query.order_by or model._meta.ordering))
    )
    translations = {t.translation_key: t for t in rows if t.locale_id == locale_id}
    return [
        term
        if term.locale_id == locale_id
        else translations.get(term.translation_key, term)
        for term in rows
        if term.kim_own
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
