"""kim_cms page types, one module per domain, re-exported here."""

from kim_cms.pages.aspirations import AbstractAspirationPage, AspirationPage
from kim_cms.pages.base import (
    KimGroupAuthoredMixin,
    KimIndexPageMixin,
    KimPageMixin,
)
from kim_cms.pages.clarifications import (
    AbstractHoaxClarificationIndexPage,
    AbstractHoaxClarificationPage,
    HoaxClarificationIndexPage,
    HoaxClarificationPage,
)
from kim_cms.pages.events import (
    AbstractCulturalEventIndexPage,
    AbstractCulturalEventPage,
    CulturalEventIndexPage,
    CulturalEventPage,
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
from kim_cms.pages.guides import (
    AbstractPreparednessGuidePage,
    PreparednessGuidePage,
)
from kim_cms.pages.portal import AbstractKimPortalPage, KimPortalPage
from kim_cms.pages.tips import (
    AbstractAgricultureTipIndexPage,
    AbstractAgricultureTipPage,
    AgricultureTipIndexPage,
    AgricultureTipPage,
)
from kim_cms.pages.training import (
    AbstractTrainingIndexPage,
    AbstractTrainingMaterialPage,
    TrainingIndexPage,
    TrainingMaterialPage,
)
from kim_cms.pages.warnings import (
    AbstractWarningIndexPage,
    AbstractWarningPage,
    ImportedCapMessage,
    WarningIndexPage,
    WarningPage,
)

__all__ = [
    "AbstractAgricultureTipIndexPage",
    "AbstractAgricultureTipPage",
    "AgricultureTipIndexPage",
    "AgricultureTipPage",
    "AbstractAspirationPage",
    "AspirationPage",
    "AbstractHoaxClarificationIndexPage",
    "AbstractHoaxClarificationPage",
    "HoaxClarificationIndexPage",
    "HoaxClarificationPage",
    "AbstractCulturalEventIndexPage",
    "AbstractCulturalEventPage",
    "CulturalEventIndexPage",
    "CulturalEventPage",
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
    "AbstractTrainingIndexPage",
    "AbstractTrainingMaterialPage",
    "TrainingIndexPage",
    "TrainingMaterialPage",
    "AbstractPreparednessGuidePage",
    "PreparednessGuidePage",
    "AbstractWarningIndexPage",
    "AbstractWarningPage",
    "ImportedCapMessage",
    "WarningIndexPage",
    "WarningPage",
]
