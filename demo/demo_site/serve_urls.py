"""The URLs of the demo as ``scripts/demo`` serves it (``runserver``, DEBUG
off): the site's URLs (``demo_site.urls``, the README's) and, in front of
them, the uploaded images and documents from MEDIA_ROOT, which in production
the web server sends. Static files are whitenoise's (see the settings)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from demo_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(
        r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    *site_urlpatterns,
]
