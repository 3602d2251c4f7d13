"""Snippets shared by the kim_cms page types: regions and taxonomies."""

from kim_cms.snippets.focus_areas import FocusArea, localized_terms
from kim_cms.snippets.regions import Desa, Kecamatan
from kim_cms.snippets.taxonomies import AbstractTaxonomy

__all__ = ["AbstractTaxonomy", "Desa", "FocusArea", "Kecamatan", "localized_terms"]
