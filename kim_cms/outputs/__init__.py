"""What the public gets besides HTML pages: calendar files (``ics``), feeds
(``feeds``), the sitemap (``sitemaps``) and the API router (``api``).

These modules know pages only by the methods they call: page types serve
them at their routes (an event's ``ics/``, a tip index's ``feed/rss/``), and
a site mounts the sitemap and the API in its ``urls.py``.
"""
