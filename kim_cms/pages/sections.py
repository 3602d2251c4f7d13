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
    a list of pages (already specific) to show; ``index`` receives the portal
    page and returns the section's index page or ``None``.
    """

    key: str
    title: object  # a lazy translated string
    items: Callable
    index: Callable
    order: int = 100
    template: str = "kim_cms/includes/portal_section.html"


_sections: dict[str, PortalSection] = {}


def register_portal_section(section: PortalSection):
    _sections[section.key] = section
    return section


def get_portal_sections():
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))
