"""kim-cms's routes outside the page tree, for a site's ``urls.py``, before
Wagtail's own (and outside ``i18n_patterns``: the pages they serve carry the
language)::

    path("kim-cms/", include("kim_cms.urls")),

- ``aspirasi/<page id>/kirim/``: where the aspiration form posts;
- ``bagikan/poster/<page id>/``: the printable poster of a page;
- ``offline/sw.js``: the service worker that keeps guides and warnings
  readable offline (``KIM_CMS_OFFLINE``).
"""

from django.urls import include, path

urlpatterns = [
    path("aspirasi/", include("kim_cms.aspirations.urls")),
    path("bagikan/", include("kim_cms.sharing.urls")),
    path("offline/", include("kim_cms.offline.urls")),
]
