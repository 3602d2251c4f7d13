"""Snippets shared by the kim_cms page types: regions and taxonomies."""

from kim_cms.snippets.commodities import Commodity
from kim_cms.snippets.events import EventCategory
from kim_cms.snippets.focus_areas import (
    FocusArea,
    localized_terms,
    localized_terms_of,
)
from kim_cms.snippets.hazards import Hazard
from kim_cms.snippets.identity import KimSiteIdentityText
from kim_cms.snippets.regions import Desa, Kecamatan
from kim_cms.snippets.taxonomies import AbstractTaxonomy
from kim_cms.snippets.training import TrainingTopic

__all__ = [
    "AbstractTaxonomy",
    "Commodity",
    "Desa",
    "EventCategory",
    "FocusArea",
    "Hazard",
    "Kecamatan",
    "KimSiteIdentityText",
    "TrainingTopic",
    "localized_terms",
    "localized_terms_of",
]
