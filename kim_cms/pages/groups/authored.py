"""What a KIM group published: the pages of every type credited to it or
published under its profile, newest first, in two queries."""

from django.db import models
from django.db.models import Value
from wagtail.models import Page

from kim_cms import page_cache
from kim_cms.queries import below_q, in_locale, public_q


def authored_pages(page_models, group, count):
    """``{model: [page, ...]}``: the ``count`` newest live, public pages of each
    of ``page_models`` whose ``kim_group`` is ``group``, as instances of the model
    with the foreign keys of their cards (``card_select_related``) loaded.

    One query finds the pages of every type (its answer kept with the page
    cache's generation, ``kim_cms.page_cache.kept()``), one more loads them."""
    if not page_models:
        return {}
    labels = [model._meta.label_lower for model in page_models]
    parts = (group.pk, group.locale_id, group.translation_key, count, labels)
    # which pages: kept with the page cache's generation (a union of two
    # queries per type costs more to compile than to run)
    chosen = page_cache.kept(
        "authored", parts, lambda: _newest_authored(page_models, group, count)
    )
    newest = {page_models[position]: pks for position, pks in chosen}
    found = {}
    joined = [model for model in newest if _child_of_page(model)]
    if joined:
        # The pages of every type in one query: each base page row with its
        # own type's row (Django's select_related on the child link).
        related = []
        for model in joined:
            name = model._meta.model_name
            related.append(name)
            related += [f"{name}__{field}" for field in model.card_select_related]
        pks = [pk for model in joined for pk in newest[model]]
        pages = Page.objects.filter(pk__in=pks).select_related(*related)
        by_pk = {}
        for page in pages:
            for model in joined:
                specific = getattr(page, model._meta.model_name, None)
                if specific is not None and type(specific) is model:
                    by_pk[page.pk] = specific
        for model in joined:
            found[model] = [by_pk[pk] for pk in newest[model] if pk in by_pk]
    for model in newest:
        if model not in found:  # a page type below another page type
            pages = model.objects.filter(pk__in=newest[model]).select_related(
                *model.card_select_related
            )
            by_pk = {page.pk: page for page in pages}
            found[model] = [by_pk[pk] for pk in newest[model] if pk in by_pk]
    return found


def _newest_authored(page_models, group, count):
    """``[(position, [pk, ...])]``: for each of ``page_models`` (by its
    position) that has any, the keys of the ``count`` newest live, public
    pages credited to ``group`` or published under its profile."""
    # Credited to the group (in any language) or published under its
    # profile, in the group page's language: two parts of one query, each
    # read through an index (the credited pages through the group, the
    # others through the tree path), where one OR would read every page.
    picks = []
    for position, model in enumerate(page_models):
        pages = (
            in_locale(model.objects.live().filter(public_q()), group.locale_id)
            .order_by()
            .annotate(kim_type=Value(position, output_field=models.IntegerField()))
            .values_list("kim_type", "pk", "first_published_at")
        )
        picks.append(pages.filter(kim_group__translation_key=group.translation_key))
        picks.append(pages.filter(below_q(group)))
    rows = picks[0].union(*picks[1:], all=True)
    newest = {}
    seen = set()
    for position, pk, _published in sorted(
        rows, key=lambda row: (row[2] is not None, row[2], row[1]), reverse=True
    ):
        if pk in seen:  # credited and published under the profile
            continue
        seen.add(pk)
        chosen = newest.setdefault(position, [])
        if len(chosen) < count:
            chosen.append(pk)
    return list(newest.items())


def _child_of_page(model):
    """Whether ``model`` inherits directly from Wagtail's ``Page``."""
    return model._meta.get_parent_list() == [Page]
