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


def pages_ahead(portal_id, request=None):
    """The addresses the worker of the portal ``portal_id`` fetches and keeps
    as soon as it is installed, so that one visit to any page of the portal
    leaves the disaster pages readable offline: the warning lists, the
    warnings in force (most severe first) and the preparedness guides below
    the portal, in its language, live and public; at most
    ``KIM_CMS_OFFLINE_AHEAD``. Cached with the page cache's generation (a
    publish anywhere starts a new one) for five minutes."""
    from django.core.cache import cache

    from kim_cms import page_cache

    limit = kim_settings.OFFLINE_AHEAD
    if not limit or portal_id is None:
        return []
    key = f"kim_cms:offline:ahead:{page_cache.generation()}:{portal_id}:{limit}"
    found = cache.get(key)
    if found is None:
        found = _find_pages_ahead(portal_id, limit, request)
        cache.set(key, found, 300)
    return found


def _find_pages_ahead(portal_id, limit, request):
    from wagtail.models import Page

    from kim_cms.pages import PreparednessGuidePage, WarningIndexPage
    from kim_cms.pages.warnings import levels
    from kim_cms.pages.warnings.levels import get_warning_model
    from kim_cms.queries import public_q

    portal = Page.objects.live().filter(public_q(), pk=portal_id).first()
    if portal is None:
        return []

    def below(model):
        return (
            model.objects.live()
            .descendant_of(portal)
            .filter(public_q(), locale_id=portal.locale_id)
        )

    now = levels.now()
    pages = [
        *below(Page).type(WarningIndexPage).order_by("path"),
        *below(get_warning_model())
        .filter(cancelled=False, valid_from__lte=now, valid_until__gt=now)
        .order_by("-level_rank", "-valid_from"),
        *below(PreparednessGuidePage).order_by("path")[:limit],
    ]
    ahead = []
    for page in pages:
        url = page.get_url(request)
        if url and url not in ahead:
            ahead.append(url)
    return ahead[:limit]


def worker_config(portal_id=None, request=None):
    """What the worker needs to know: the stylesheet to keep, the pages to
    keep ahead, the markers of ``kim_cms.offline``, the paths it never
    touches and its cache's name."""
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
        "ahead": pages_ahead(portal_id, request),
    }


@require_safe
def service_worker(request):
    """The worker's script: JavaScript, never cached by the browser, allowed
    to control every page of the site (each portal registers it for its own
    address, ``?portal=`` naming the portal page). Not found when
    ``KIM_CMS_OFFLINE`` is ``False``; a ``portal`` that is not a page's
    number keeps nothing ahead."""
    if not kim_settings.OFFLINE:
        raise Http404
    portal = request.GET.get("portal", "")
    portal_id = int(portal) if portal.isascii() and portal.isdigit() else None
    if portal_id is not None and portal_id > 2**31 - 1:
        portal_id = None
    config = json.dumps(worker_config(portal_id, request), sort_keys=True).translate(
        _JSON_ESCAPES
    )
    script = render_to_string(
        "kim_cms/offline/service_worker.js", {"config": mark_safe(config)}
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
