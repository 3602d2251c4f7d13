"""The registry of portal sections.

Each content domain (groups, tips, events, training) registers a function that
returns its latest items under a portal page; the portal landing page shows the
sections that exist. A site can register its own sections the same way.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PortalSection:
    """One section of the portal landing page.

    ``items`` receives the portal page, the request and a count and returns
    a list of pages (already specific) to show. The section links to its
    index page: either ``index_model`` names its page type
    (``"app_label.ModelName"``) and the portal finds the first live, public
    page of that type below it, in its language and in tree order (one query
    for the indexes of all sections), or ``index`` receives the portal page
    and returns the index page or ``None``. ``links`` receives the index page
    (a base ``Page``) and returns more links of the section, ``[(label,
    url)]`` (the events' month calendar).

    ``kept``: ``True`` when the section's items depend only on what a
    visitor could see change (published pages, snippets), not on the moment
    nor on the visitor; or a function receiving the portal page and the
    request and returning what else they depend on (the tips in season: the
    month; the upcoming events: the moment the first of them ends). The
    section's HTML is then kept with the page cache's generation
    (``kim_cms.page_cache``), per language and host, and the landing page
    reads none of its items until the next change. Its template then shows
    every visitor the same. Leave it ``False`` for a section whose items or
    template follow the visitor.
    """

    key: str
    title: object  # a lazy translated string
    items: Callable
    index: Callable | None = None
    order: int = 100
    template: str = "kim_cms/includes/portal_section.html"
    index_model: str | None = None
    links: Callable | None = None
    kept: bool | Callable = False


_sections: dict[str, PortalSection] = {}


def register_portal_section(section: PortalSection):
    _sections[section.key] = section
    return section


def get_portal_sections():
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def find_index_pages(portal, labels):
    """``{label: page}``: for each page type ``"app_label.ModelName"`` of
    ``labels``, the first live, public page of that type (or a subclass)
    below ``portal``, in its language, in tree order. One query for all."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from kim_cms.queries import in_locale, public_q

    if not labels:
        return {}
    types = {}
    for label in labels:
        model = apps.get_model(label)
        subclasses = [m for m in apps.get_models() if issubclass(m, model)]
        types[label] = {
            ct.pk for ct in ContentType.objects.get_for_models(*subclasses).values()
        }
    found = {}
    # read through the page-type index: the few index pages, not every page
    # of the language (``in_locale()``)
    candidates = in_locale(
        Page.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    for page in candidates.filter(
        content_type_id__in=set().union(*types.values())
    ).order_by("path"):
        for label, content_types in types.items():
            if page.content_type_id in content_types:
                found.setdefault(label, page)
    return found
