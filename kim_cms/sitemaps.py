"""The sitemap's old import path, for sites whose ``urls.py`` says
``from kim_cms.sitemaps import sitemap``. It lives in
``kim_cms.outputs.sitemaps`` now (CHANGELOG.md); nothing in kim_cms imports
this module."""

from kim_cms.outputs.sitemaps import sitemap, sitemap_entries

__all__ = ["sitemap", "sitemap_entries"]
