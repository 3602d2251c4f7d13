"""Whether a page that another page points at (a KIM group, a session's event)
or a document may be shown to everybody.

A page is public when it is live and no view restriction (login, password or
groups) lies on it or on a page above it: what ``PageQuerySet.public()`` and
the Wagtail API consider public. Draft and private pages are never named or
linked on public pages, feeds, calendars or in the API.
"""

from rest_framework.relations import RelatedField

_MEMO = "_kim_is_public"


def _restricted_paths():
    from wagtail.models import PageViewRestriction

    from kim_cms.queries import restricted_paths

    paths = restricted_paths()  # read once per request
    if paths is not None:
        return paths
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def mark_public(pages):
    """Work out whether each page is public with one query (memoized on each
    page)."""
    pages = [page for page in pages if page is not None and _MEMO not in page.__dict__]
    if not pages:
        return
    paths = _restricted_paths()
    for page in pages:
        page.__dict__[_MEMO] = bool(page.live) and not any(
            page.path.startswith(path) for path in paths
        )


def is_public(page):
    """Whether anyone may see ``page`` (``None`` is not public)."""
    if page is None:
        return False
    mark_public([page])
    return page.__dict__[_MEMO]


def public_or_none(page):
    return page if is_public(page) else None


class PublicRelatedField(RelatedField):
    """An API field for a foreign key to a page or a document that reads
    ``null`` unless the page is public or the document in no private
    collection. Serialized like Wagtail's own related fields."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is None:
            return None
        from wagtail.models import Page

        if isinstance(value, Page):
            return public_or_none(value)
        from kim_cms.downloads import public_documents

        return value if public_documents([value]) else None

    def to_representation(self, value):
        serializer_class = self.parent.child_serializer_classes[self.field_name]
        return serializer_class(context=self.context).to_representation(value)
