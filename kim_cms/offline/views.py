"""The service worker, served by Django so that it may control the portal's
pages (``Service-Worker-Allowed``) and never goes stale in a cache."""

import hashlib
import json

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

import kim_cms
from kim_cms import offline
from kim_cms.conf import kim_settings

# As django.utils.html.json_script: nothing in the values can close a script.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def worker_config():
    """What the worker needs to know: the stylesheet to keep, the markers of
    ``kim_cms.offline``, the paths it never touches and its cache's name."""
    try:
        admin = reverse("wagtailadmin_home")
    except NoReverseMatch:
        admin = None
    stylesheet = static("kim_cms/css/kim_cms.css")
    version = hashlib.sha256(
        f"{kim_cms.__version__} {stylesheet}".encode()
    ).hexdigest()[:12]
    return {
        "cache": f"{offline.CACHE_PREFIX}{version}",
        "cachePrefix": offline.CACHE_PREFIX,
        "stylesheet": stylesheet,
        "noteMarker": offline.NOTE_MARKER,
        "noteShown": offline.NOTE_SHOWN,
        "timeMarker": offline.TIME_MARKER,
        "csrfMarker": offline.CSRF_MARKER,
        "skipPaths": [path for path in (admin,) if path],
    }


@require_safe
def service_worker(request):
    """The worker's script: JavaScript, never cached by the browser, allowed
    to control every page of the site (each portal registers it for its own
    address). Not found when ``KIM_CMS_OFFLINE`` is ``False``."""
    if not kim_settings.OFFLINE:
        raise Http404
    config = json.dumps(worker_config(), sort_keys=True).translate(_JSON_ESCAPES)
    script = render_to_string(
        "kim_cms/offline/service_worker.js", {"config": mark_safe(config)}
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
