"""The query helpers of kim_cms.queries behave like Wagtail's own."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from kim_cms.queries import prefetch_renditions, private_q, public_q
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def add(parent, slug):
    page = Page(title=slug, slug=slug)
    parent.add_child(instance=page)
    return page


def test_public_q_matches_wagtails_public(portal, django_assert_num_queries):
    a = add(portal, "a")
    a1 = add(a, "a1")
    add(a1, "a11")
    b = add(portal, "b")
    add(b, "b1")
    for index in range(12):  # siblings whose paths share a prefix with a's
        add(portal, f"c{index}")
    PageViewRestriction.objects.create(page=a1, restriction_type="login")
    PageViewRestriction.objects.create(
        page=b, restriction_type="password", password="x"
    )

    def ids(queryset):
        return sorted(queryset.values_list("pk", flat=True))

    assert ids(Page.objects.filter(public_q())) == ids(Page.objects.public())
    assert ids(Page.objects.filter(private_q())) == ids(Page.objects.not_public())
    assert ids(Page.objects.filter(private_q())) != []
    with django_assert_num_queries(1):
        list(Page.objects.live().filter(public_q()))


def test_public_q_without_restrictions_matches_everything(portal):
    add(portal, "a")
    assert Page.objects.filter(public_q()).count() == Page.objects.count()


def test_prefetch_renditions_of_many_images_in_one_query(db, django_assert_num_queries):
    images = [ImageFactory() for _ in range(3)]
    for image in images:
        image.get_rendition("fill-96x96|format-webp")
    again = [type(image).objects.get(pk=image.pk) for image in images]
    again.append(type(images[0]).objects.get(pk=images[0].pk))  # the same image twice
    cache.clear()  # Wagtail caches renditions too: only the prefetch may serve them
    with django_assert_num_queries(1):
        prefetch_renditions(again + [None], "fill-96x96|format-webp")
        for image in again:
            rendition = image.get_rendition("fill-96x96|format-webp")
            assert rendition.image.pk == image.pk
            assert rendition.url


def test_localized_matches_wagtails_localized(
    portal, english_portal, locales, django_assert_num_queries
):
    from django.utils import translation

    from kim_cms.queries import localized
    from tests.factories_groups import FocusAreaFactory

    draft_only = add(portal, "draf")
    draft_only.copy_for_translation(locales["en"])  # a draft translation
    area = FocusAreaFactory(name="Pertanian", slug="pertanian")
    english_area = area.copy_for_translation(locales["en"])
    english_area.name = "Farming"
    english_area.save()
    untranslated = FocusAreaFactory(name="Hoaks", slug="hoaks")
    objects = [portal, english_portal, draft_only, area, english_area, untranslated]
    for language in ("id", "en"):
        with translation.override(language):
            for obj in objects:
                fresh = type(obj).objects.select_related("locale").get(pk=obj.pk)
                assert localized(fresh) == obj.localized, (language, obj)
    with translation.override("en"):
        fresh = (
            type(english_area).objects.select_related("locale").get(pk=english_area.pk)
        )
        with django_assert_num_queries(0):
            assert localized(fresh) == fresh
        fresh = type(area).objects.select_related("locale").get(pk=area.pk)
        with django_assert_num_queries(1):
            assert localized(fresh) == english_area


def test_below_q_matches_wagtails_descendant_of_and_child_of(portal):
    """The path range finds what Wagtail's path prefix finds: every page
    below (or each child of) a page, never the page itself, its siblings,
    nor the pages of a sibling whose path begins like its own."""
    from kim_cms.queries import below_q

    a = add(portal, "a")
    a1 = add(a, "a1")
    add(add(a1, "a11"), "a111")
    add(a, "a2")
    for index in range(40):  # paths past ...000Z, up to ...0014
        add(portal, f"c{index}")
    last = add(portal, "last")
    add(last, "last1")
    for page in Page.objects.all():
        below = set(Page.objects.filter(below_q(page)))
        assert below == set(Page.objects.descendant_of(page, inclusive=False))
        children = set(Page.objects.filter(below_q(page, children_only=True)))
        assert children == set(Page.objects.child_of(page))
