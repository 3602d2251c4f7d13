"""The page cache: anonymous GET and HEAD responses of kim-cms pages and of
kim-cms's own routes (feeds, calendar files, month calendars, the sitemap),
kept in Django's cache, never stale.

How it fits together:

- ``mark_cacheable(request, until=None)``: what serves a kim-cms page (the
  ``before_serve_page`` hook in ``kim_cms/wagtail_hooks.py``, the sitemap
  view) says that this response may be kept, and until when at the latest (the
  next moment a warning starts or ends). Nothing else is ever stored: the
  host site's own pages, previews, private pages and the admin never are.
- ``PageCacheMiddleware``: answers a request from the cache when it can
  (an anonymous visitor: no session, no messages, no ``Authorization``), and
  stores a marked response when it is safe: status 200, no cookie set, no
  CSRF token used, no ``Cache-Control: private/no-cache/no-store``, a user
  who is not logged in. Stored responses are compressed with gzip once; only
  these are ever compressed, so a response carrying a CSRF token never is
  (BREACH).
- Keys: the scheme, host, path and sorted query string, and the active
  language. Every entry belongs to a *generation*; ``purge_all()`` starts a
  new one (one cache write), and every older entry is then a miss. kim-cms
  pages show other pages (a portal's menu and latest items, breadcrumbs, a
  group's activities, related guides and warnings, the warning banner), so
  a publish, unpublish, move or delete of any page, or a change to a
  snippet, an image, a document, a view restriction, a locale or a site
  starts a new generation: purges are cheap (one write) and nothing is
  ever served stale. ``purge_urls(page)`` lists the exact addresses a change
  to a page touches, for a CDN in front (``wagtail.contrib.frontend_cache``).
"""

import gzip
import hashlib
import time
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from kim_cms import route_cache
from kim_cms.conf import kim_settings

DEFAULTS = {
    # Whether responses are stored and answered from the cache.
    "ENABLED": True,
    # The alias in CACHES the pages are kept in (Redis in production).
    "ALIAS": "default",
    # Longest time, in seconds, a page is kept. Changes empty the cache at
    # once; this bounds what only time changes (an event becoming past).
    "TIMEOUT": 600,
    # Whether stored responses are sent gzip-compressed to browsers that
    # accept it.
    "COMPRESS": True,
    # Whether the page a kim-cms address leads to is kept, found once per
    # generation (kim_cms.route_cache), whether or not pages are.
    "ROUTES": True,
}
GENERATION_KEY = "kim_cms:page_cache:generation"
ENTRY_KEY = "kim_cms:page_cache:entry:{digest}"
HEADER = "X-Kim-Cache"
#: Response headers never stored: set per request by the middleware above
#: this one, or meaningless on a copy.
SKIPPED_HEADERS = {"set-cookie", "content-length", "content-encoding", HEADER.lower()}
COMPRESSIBLE = ("text/", "application/xml", "application/json", "application/rss")
MIN_COMPRESSED_LENGTH = 200
DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def page_cache_settings():
    """``KIM_CMS_PAGE_CACHE`` merged over the defaults."""
    return {**DEFAULTS, **(kim_settings.PAGE_CACHE or {})}


def get_cache():
    """The cache the pages are kept in."""
    return caches[page_cache_settings()["ALIAS"]]


def generation(cache=None):
    """The current generation of the page cache."""
    cache = cache or get_cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        value = cache.get(GENERATION_KEY)
    return value


def kept(name, parts, load):
    """``load()``, kept in the page cache's cache under ``name`` and
    ``parts`` (what the value depends on, besides what a visitor could see
    change) until the next generation, for ``TIMEOUT`` at most. What is kept
    for a generation is as fresh as a kept page, whether or not pages are
    kept (``ENABLED``)."""
    found, value, current = find_kept(name, parts)
    if found:
        return value
    value = load()
    keep(name, parts, value, current)
    return value


def request_parts(request):
    """What a kept value shown to ``request`` depends on besides the page:
    the host and port (Wagtail's site lookup reads both, and addresses are
    written for them) and the active language."""
    return (
        request._get_raw_host().lower(),
        request.get_port(),
        translation.get_language() or "",
    )


def _kept_key(name, parts):
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    return f"kim_cms:{name}:{digest}"


def find_kept(name, parts):
    """``(found, value, generation)``: what ``keep()`` kept under ``name``
    and ``parts`` in the current generation, and that generation."""
    key = _kept_key(name, parts)
    found = get_cache().get_many([GENERATION_KEY, key])
    current = found.get(GENERATION_KEY)
    entry = found.get(key)
    if current is not None and entry is not None and entry[0] == current:
        return True, entry[1], current
    return False, None, current


def keep(name, parts, value, current=None):
    """Keep ``value`` under ``name`` and ``parts`` for the generation
    ``current`` (read before the value was worked out: a change in between
    makes it a miss), or the current one."""
    cache = get_cache()
    current = current or generation(cache)
    cache.set(
        _kept_key(name, parts), (current, value), page_cache_settings()["TIMEOUT"]
    )


def kept_while(name, parts, moment, load):
    """``(value, until)`` for what changes by the clock only at known
    moments: ``load()`` returns the value at ``moment`` and the first moment
    after which it differs (``None``: only with a change a visitor could
    see). Kept with the generation and found again for any ``moment`` from
    the one it was worked out at until then."""
    found, state, current = find_kept(name, parts)
    if found:
        checked, value, until = state
        if checked <= moment and (until is None or moment < until):
            return value, until
    value, until = load()
    keep(name, parts, (moment, value, until), current)
    return value, until


def purge_all(*args, **kwargs):
    """Make every cached page stale (a signal receiver: a fixture load,
    ``raw``, changes nothing a visitor sees)."""
    if kwargs.get("raw"):
        return
    get_cache().set(GENERATION_KEY, uuid.uuid4().hex, None)


def mark_cacheable(request, until=None):
    """Let the response to ``request`` be stored, until the timestamp
    ``until`` at the latest (``None``: the setting's ``TIMEOUT``). ``until``
    may be a function returning it (or ``None``): it is called only when the
    response is stored, so that a page served without the middleware, or not
    kept, costs nothing more."""
    request._kim_page_cache_until = until
    request._kim_page_cache_marked = True


def not_after(request, moment):
    """The response to ``request`` shows what changes at ``moment`` (a
    datetime, or ``None``: nothing): it is not kept past it (an event
    ending leaves the event list then)."""
    if moment is None:
        return
    moment = moment.timestamp()
    found = getattr(request, "_kim_page_cache_not_after", None)
    request._kim_page_cache_not_after = moment if found is None else min(found, moment)


def _deadline(request):
    until = request._kim_page_cache_until
    if callable(until):
        until = until()
    until = float("inf") if until is None else until
    return min(until, getattr(request, "_kim_page_cache_not_after", float("inf")))


def cache_key(request, language=None):
    """The entry key of ``request``: scheme, host, path, sorted query
    string and language."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    language = language or translation.get_language() or ""
    raw = "\n".join(
        [request.scheme, request.get_host().lower(), request.path, query, language]
    )
    return ENTRY_KEY.format(digest=hashlib.sha256(raw.encode()).hexdigest())


def _may_be_anonymous(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if getattr(request, "is_preview", False) or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    message_cookie = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
    return settings.SESSION_COOKIE_NAME not in cookies and message_cookie not in cookies


def _accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def _from_entry(entry, request, compress):
    gzipped = entry["gzip"] if compress and _accepts_gzip(request) else None
    response = HttpResponse(gzipped or entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    response[HEADER] = "hit"
    return response


def _storable(request, response):
    marked = getattr(request, "_kim_page_cache_marked", False)
    if not marked or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store")):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _compressible(response):
    content_type = response.get("Content-Type", "")
    return (
        not response.has_header("Content-Encoding")
        and content_type.startswith(COMPRESSIBLE)
        and len(response.content) >= MIN_COMPRESSED_LENGTH
    )


def _compress(content):
    return gzip.compress(content, compresslevel=6, mtime=0)


class PageCacheMiddleware:
    """Answers anonymous GET and HEAD requests for kim-cms pages from the
    cache, stores what kim-cms marked cacheable, and gzips it. Put it right
    after ``LocaleMiddleware`` (the language is part of the key)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        options = page_cache_settings()
        if not _may_be_anonymous(request):
            return self.get_response(request)
        request._kim_page_cache_on = True
        cache = get_cache()
        key = cache_key(request)
        current = None
        if options["ENABLED"]:
            found = cache.get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY)
            entry = found.get(key)
            if (
                current is not None
                and entry is not None
                and entry["generation"] == current
                and entry["expires"] > time.time()
            ):
                return _from_entry(entry, request, options["COMPRESS"])
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        patch_vary_headers(response, ["Cookie"])
        gzipped = None
        if options["COMPRESS"] and _compressible(response):
            # compressed to be kept, or for this reader: never for nothing
            if options["ENABLED"] or _accepts_gzip(request):
                gzipped = _compress(response.content)
            patch_vary_headers(response, ["Accept-Encoding"])
        if options["ENABLED"]:
            self.store(request, response, key, gzipped, options, current)
        if gzipped and _accepts_gzip(request):
            response.content = gzipped
            response["Content-Encoding"] = "gzip"
            response["Content-Length"] = str(len(gzipped))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Give Wagtail the route kept for this address, or keep the one it
        finds (``kim_cms.route_cache``), for the current generation."""
        options = page_cache_settings()
        if not options["ROUTES"]:
            return
        path = route_cache.may_keep(request, view_func, view_args, view_kwargs)
        if path is None:
            return
        parts = (*request_parts(request), path)
        found, kept_route, current = find_kept("route", parts)
        if found:
            route_cache.restore(request, kept_route)
            return
        kept_route = route_cache.find(request, path)
        if kept_route is not None:
            keep("route", parts, kept_route, current)

    def store(self, request, response, key, gzipped, options, current):
        """Keep ``response`` under ``key`` until the earlier of the
        setting's timeout and the moment the page marked."""
        now = time.time()
        expires = min(now + options["TIMEOUT"], _deadline(request))
        timeout = int(expires - now)
        if timeout < 1:
            return
        cache = get_cache()
        entry = {
            "generation": current or generation(cache),
            "expires": expires,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in SKIPPED_HEADERS
            ],
            "content": response.content,
            "gzip": gzipped,
        }
        cache.set(key, entry, timeout)
        response[HEADER] = "miss"


def page_paths(page):
    """The paths below ``page``'s address that kim-cms serves without
    arguments (``feed/rss/``, ``ics/``, ``past/``, ...), for a CDN purge."""
    get_resolver = getattr(page, "get_resolver", None)
    if get_resolver is None:
        return ["/"]
    paths = ["/"]
    for pattern in get_resolver().url_patterns:
        route = getattr(pattern.pattern, "_route", None)
        if route and "<" not in route:
            paths.append("/" + route)
    return paths


def purge_urls(page):
    """The absolute addresses a change to ``page`` shows on: the page, its
    translations and every page above it (its index pages, the portal) in
    every language, each with its feeds, calendar files and listings, the
    profile of the KIM group that published it, and the sitemap. Used by the
    CDN purge and available to a site's own purge code."""
    from wagtail.models import Page

    page = page.specific_deferred if isinstance(page, Page) else page
    keys = {page.translation_key}
    keys.update(
        Page.objects.ancestor_of(page)
        .filter(depth__gt=1)
        .values_list("translation_key", flat=True)
    )
    group_id = getattr(page, "kim_group_id", None)
    pages = Page.objects.filter(translation_key__in=keys)
    if group_id:
        pages |= Page.objects.filter(
            translation_key__in=Page.objects.filter(pk=group_id).values(
                "translation_key"
            )
        )
    urls = []
    sites = set()
    # Not only live pages: an unpublished page's address must go too.
    for related in pages.specific(defer=True).order_by("path"):
        url = related.get_full_url()
        if not url:
            continue
        sites.add(related.get_site())
        base = url.rstrip("/")
        urls.extend(base + path for path in page_paths(related))
    sites.discard(None)
    for site_urls in _site_purge_urls:
        urls.extend(site_urls(sites))
    return list(dict.fromkeys(urls))


#: Functions of a set of sites returning more addresses every change on
#: those sites shows on (the sitemap and its files, added by
#: ``KimCmsConfig.ready()``).
_site_purge_urls = []


def add_site_purge_urls(function):
    """Add ``function(sites)``, the addresses any change to a page of those
    sites shows on, to what ``purge_urls()`` lists."""
    if function not in _site_purge_urls:
        _site_purge_urls.append(function)


def _purge_frontend(page):
    from django.apps import apps

    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(purge_urls(page))


def page_changed(sender=None, instance=None, **kwargs):
    """A page was published, unpublished, moved or deleted: a new
    generation, and the CDN forgets the page's addresses."""
    purge_all(**kwargs)
    if instance is not None and instance.pk and not kwargs.get("raw"):
        _purge_frontend(instance)


def page_saved(sender=None, instance=None, update_fields=None, **kwargs):
    """A page row saved by code outside a publish (a draft save only
    changes draft fields, which visitors never see)."""
    from wagtail.models import Page

    if not isinstance(instance, Page) or kwargs.get("raw"):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if instance.live or not kwargs.get("created"):
        purge_all()


#: What Wagtail fills in on a file's first use (its size, its hash): no
#: visitor sees it.
FILE_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def content_saved(sender=None, update_fields=None, **kwargs):
    """A snippet, setting, image, document, ... saved: a new generation,
    unless only its file's size or hash was filled in."""
    if update_fields is not None and set(update_fields) <= FILE_BOOKKEEPING_FIELDS:
        return
    purge_all(**kwargs)


def connect():
    """Start a new generation whenever what visitors see may change."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(page_changed, dispatch_uid="kim_cms_pc_published")
    page_unpublished.connect(page_changed, dispatch_uid="kim_cms_pc_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="kim_cms_pc_moved")
    post_save.connect(page_saved, dispatch_uid="kim_cms_pc_page_saved")

    def deleted(sender, instance=None, **kwargs):
        if isinstance(instance, Page):
            purge_all(**kwargs)

    post_delete.connect(deleted, dispatch_uid="kim_cms_pc_page_deleted", weak=False)

    def deleting(sender, instance=None, **kwargs):
        # Its addresses can only be worked out while it still exists.
        if isinstance(instance, Page) and instance.pk:
            _purge_frontend(instance)

    pre_delete.connect(deleting, dispatch_uid="kim_cms_pc_page_deleting", weak=False)
    for model in _content_models(apps):
        uid = f"kim_cms_pc_{model._meta.label_lower}"
        post_save.connect(content_saved, sender=model, dispatch_uid=uid + "_save")
        post_delete.connect(purge_all, sender=model, dispatch_uid=uid + "_delete")


def _content_models(apps):
    """Models whose rows public pages show, besides pages: every kim-cms
    model that is not a page (snippets, the identity setting, officers,
    aspirations), and Wagtail's images, documents, view restrictions,
    collections, locales and sites."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )

    models = [
        model
        for model in apps.get_app_config("kim_cms").get_models()
        if not issubclass(model, Page)
    ]
    models += [
        get_image_model(),
        get_document_model(),
        PageViewRestriction,
        CollectionViewRestriction,
        Collection,
        Locale,
        Site,
    ]
    return models
