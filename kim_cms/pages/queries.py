"""Query helpers shared by the page types, so that serving a page takes a small,
constant number of SQL queries.

- ``public_q()``: Wagtail's ``PageQuerySet.public()`` as a subquery. ``public()``
  first fetches every view restriction (one query each time it is called); this
  filter runs inside the query it narrows.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr


def private_q(path_field="path"):
    """Matches pages in a private section: the page, or a page above it, has a
    view restriction (what ``PageQuerySet.private_q()`` matches)."""
    from wagtail.models import PageViewRestriction

    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
        )
    )


def public_q(path_field="path"):
    """Matches pages outside every private section: ``queryset.filter(public_q())``
    is ``queryset.public()`` without its extra query."""
    return ~private_q(path_field)


__all__ = ["private_q", "public_q"]
