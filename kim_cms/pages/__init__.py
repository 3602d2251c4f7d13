"""kim_cms page types, one module per domain, re-exported here."""

from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimIndexPageMixin,
    KimPageMixin,
)
from kim_cms.pages.groups import (
    AbstractKimActivityPage,
    AbstractKimGroupIndexPage,
    AbstractKimGroupOfficer,
    AbstractKimGroupPage,
    KimActivityPage,
    KimGroupIndexPage,
    KimGroupOfficer,
    KimGroupPage,
)
from kim_cms.pages.portal import AbstractKimPortalPage, KimPortalPage

__all__ = [
    "AbstractKimActivityPage",
    "AbstractKimGroupIndexPage",
    "AbstractKimGroupOfficer",
    "AbstractKimGroupPage",
    "KimActivityPage",
    "KimGroupOfficer",
    "KimGroupAuthoredMixin",
    "KimGroupIndexPage",
    "KimGroupPage",
    "AbstractKimPortalPage",
    "KimIndexPageMixin",
    "KimPageMixin",
    "KimPortalPage",
]
