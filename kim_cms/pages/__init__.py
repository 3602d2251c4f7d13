"""kim_cms page types, one module per domain, re-exported here."""

from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimIndexPageMixin,
    KimPageMixin,
)
from kim_cms.pages.groups import (
    AbstractKimGroupIndexPage,
    AbstractKimGroupPage,
    KimGroupIndexPage,
    KimGroupPage,
)
from kim_cms.pages.portal import AbstractKimPortalPage, KimPortalPage
from kim_cms.pages.tips import (
    AbstractAgricultureTipIndexPage,
    AbstractAgricultureTipPage,
    AgricultureTipIndexPage,
    AgricultureTipPage,
)

__all__ = [
    "AbstractAgricultureTipIndexPage",
    "AbstractAgricultureTipPage",
    "AgricultureTipIndexPage",
    "AgricultureTipPage",
    "AbstractKimGroupIndexPage",
    "AbstractKimGroupPage",
    "KimGroupAuthoredMixin",
    "KimGroupIndexPage",
    "KimGroupPage",
    "AbstractKimPortalPage",
    "KimIndexPageMixin",
    "KimPageMixin",
    "KimPortalPage",
]
