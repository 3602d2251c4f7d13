"""The query helpers of kim_cms.pages.queries behave like Wagtail's own."""

import pytest
from wagtail.models import Page, PageViewRestriction

from kim_cms.pages.queries import private_q, public_q

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
