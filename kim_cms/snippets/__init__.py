"""Snippets shared by the kim_cms page types: regions and taxonomies."""

from kim_cms.snippets.commodities import Commodity
from kim_cms.snippets.regions import Desa, Kecamatan
from kim_cms.snippets.taxonomies import AbstractTaxonomy

__all__ = ["AbstractTaxonomy", "Commodity", "Desa", "Kecamatan"]
