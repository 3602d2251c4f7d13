"""Offline copies: a service worker that keeps the preparedness guides, their
emergency contacts and the warnings readable when the network drops.

Optional and progressive (``KIM_CMS_OFFLINE``): pages work the same without
it. ``{% kim_offline_script %}`` (every kim_cms page) registers the worker
for the portal's address; ``{% kim_offline_note %}`` marks a page worth
keeping and carries the hidden "offline copy from ..." note that the worker
reveals when it serves the page from its cache. The worker itself is served
by ``views.service_worker`` from ``kim_cms.urls``.
"""

#: What the worker looks for in a page before keeping it, and replaces to
#: reveal the note; ``{% kim_offline_note %}`` writes exactly this.
NOTE_MARKER = "data-kim-offline-note hidden"
NOTE_SHOWN = "data-kim-offline-note"
#: The empty time the worker fills with the moment the copy was saved.
TIME_MARKER = "<time data-kim-offline-time></time>"
#: Pages holding a form with a CSRF token are never kept.
CSRF_MARKER = "csrfmiddlewaretoken"
#: The caches of the worker; the version changes with kim_cms and its CSS.
CACHE_PREFIX = "kim-cms-offline-"
