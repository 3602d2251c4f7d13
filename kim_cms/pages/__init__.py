"""kim_cms page types, one module per domain, re-exported here."""

from kim_cms.pages.base import KimIndexPageMixin, KimPageMixin
from kim_cms.pages.portal import AbstractKimPortalPage, KimPortalPage

__all__ = [
    "AbstractKimPortalPage",
    "KimIndexPageMixin",
    "KimPageMixin",
    "KimPortalPage",
]
