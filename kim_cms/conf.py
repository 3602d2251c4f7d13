"""Every setting kim_cms reads, with its default.

Settings are read lazily (at each access, from ``django.conf.settings``) so that
tests can override them and a site can set them anywhere in its settings. No
setting changes a model's schema: they change behaviour only.

Usage::

    from kim_cms.conf import kim_settings
    kim_settings.BASE_TEMPLATE
"""

from django.conf import settings

DEFAULTS = {
    # Template that ``kim_cms/base.html`` extends. It must define the blocks
    # ``title``, ``extra_css``, ``content`` and ``extra_js`` (the blocks of the
    # ``base.html`` made by ``wagtail start``). The default is a complete,
    # lightweight standalone layout shipped with kim_cms.
    "BASE_TEMPLATE": "kim_cms/standalone_base.html",
    # Page types (``"app_label.ModelName"``) under which kim_cms index pages may
    # be created. ``None`` means under any page.
    "INDEX_PARENT_PAGE_TYPES": None,
    # Default time zone of events: Asia/Jakarta (WIB), Asia/Makassar (WITA) or
    # Asia/Jayapura (WIT).
    "TIME_ZONE": "Asia/Jakarta",
    # Items per page on the listings (directory of groups, tips, events, ...).
    "PAGE_SIZE": 12,
    # How many of the latest items of each section the portal page shows.
    "PORTAL_LATEST_COUNT": 3,
    # Folder of the default storage where "download everything" ZIPs are
    # cached. Old ZIPs are not needed once a page is republished; a site may
    # clear the folder at any time (they are rebuilt on demand).
    "DOWNLOADS_ZIP_DIR": "kim_cms/zips",
    # Whether kim_cms pages print their JSON-LD structured data.
    "STRUCTURED_DATA": True,
    # Whether kim_cms creates and keeps in step its roles ("KIM <group>
    # editors", "Diskominfo moderators", "Translators") and the "KIM review"
    # workflow when portal and group pages are saved. With False, run
    # ``manage.py kim_cms_sync_roles`` yourself, or manage groups by hand.
    "MANAGE_ROLES": True,
    # Longest time, in seconds, the warning banner is cached. It is never
    # cached past the moment a warning starts or ends, and publishing,
    # unpublishing or deleting a warning forgets it at once.
    "WARNING_BANNER_CACHE_SECONDS": 300,
    # How many warnings the banner shows, most severe first; when more are in
    # force, it links to their list ("2 more warnings in force"), so that a
    # flood of warnings never buries the page on a phone.
    "WARNING_BANNER_LIMIT": 3,
    # Most pages one sitemap file lists. A site with more gets a sitemap
    # index at /sitemap.xml listing the files ?p=1, ?p=2, ... (the sitemaps
    # protocol allows 50,000; a smaller file costs less to build).
    "SITEMAP_LIMIT": 1000,
    # Address of a CAP 1.2 alert, or of an RSS or Atom list of CAP alerts
    # (such as BMKG's nowcast feed), that ``manage.py kim_cms_import_cap``
    # imports as draft warnings when it is given no file or address. ``None``
    # (the default): nothing is ever fetched.
    "CAP_IMPORT_URL": None,
    # How many KIM disaster reports (Laporan KIM) a warning page and a
    # preparedness guide list, newest first.
    "DISASTER_REPORT_COUNT": 5,
    # Whether kim_cms pages register the offline service worker, which keeps
    # the preparedness guides and the warnings readable after one visit when
    # the network drops. It needs ``kim_cms.urls`` in the site's URLconf (the
    # worker is served from there); without it, or with False, pages register
    # nothing and work the same.
    "OFFLINE": True,
    # Pages the offline worker fetches ahead, on its first visit: the guides,
    # the warning lists and the warnings in force of the portal (0: none).
    "OFFLINE_AHEAD": 20,
    # The page cache (``kim_cms.page_cache``, with its middleware
    # ``kim_cms.page_cache.PageCacheMiddleware``): a dict whose keys
    # override ``ENABLED`` (True), ``ALIAS`` ("default": the CACHES alias),
    # ``TIMEOUT`` (600 seconds at most; changes empty it at once) and
    # ``COMPRESS`` (True: gzip for browsers that accept it).
    "PAGE_CACHE": {},
    # Whether kim_cms pages carry their small stylesheets inline, in a
    # ``<style>`` element of the page (one request less before a reader sees
    # anything; ``kim_cms.stylesheets``). With False they are linked: for a
    # Content-Security-Policy whose ``style-src`` allows no inline styles.
    "INLINE_STYLESHEETS": True,
    # Whether kim_cms pages carry their small script (the offline worker's
    # registration) inline, in a ``<script>`` element: no request of its own
    # on a slow connection. With False it is a file: for a
    # Content-Security-Policy whose ``script-src`` allows no inline scripts.
    "INLINE_SCRIPTS": True,
}


class KimSettings:
    """Attribute access to ``KIM_CMS_<NAME>`` settings with their defaults."""

    prefix = "KIM_CMS_"

    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(f"Unknown kim_cms setting: {name}")
        return getattr(settings, self.prefix + name, DEFAULTS[name])


kim_settings = KimSettings()
