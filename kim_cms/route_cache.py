"""Routes kept with the page cache: the page a kim-cms address leads to,
found once per generation, not on every request.

Before Wagtail serves a page it finds the request's site (a query), the
site's root page in the request's language and in its own type (two
more), then walks the tree down to the page and loads the page in its own
type (two more). For a kim-cms page that is about a third of the time its
response takes. ``PageCacheMiddleware.process_view()`` keeps what that walk
found, the site and Wagtail's route result (the page, loaded, with the
lineage its breadcrumbs and privacy check read, and the arguments of its
route), in the page cache's cache (``kim_cms.page_cache``): the next
request for that address, host and language skips the walk. Wagtail reads
both from the request (``request._wagtail_site`` and
``request._wagtail_route_for_request``, its own per-request memos).

Never stale: an entry belongs to the page cache's generation, which every
change a visitor could see renews (a publish, unpublish, move or delete,
a view restriction, a site, a locale), and it lasts the page cache's
``TIMEOUT`` at most. A privacy check still runs on every request, on the
kept lineage. Only routes to kim-cms pages are kept, only when every page
on the way routes by the path alone, with Wagtail's or kim-cms's
``route()`` (a site's own ``route()``, which could answer differently per
request, is never skipped), and only for GET and HEAD requests.
``KIM_CMS_PAGE_CACHE["ROUTES"] = False`` turns it off.
"""

import pickle


def _serve_path(view_func, view_args, view_kwargs):
    """The page path Wagtail's ``serve`` view is about to route, else ``None``."""
    from wagtail import views

    if view_func is not views.serve:
        return None
    if "path" in view_kwargs:
        return view_kwargs["path"]
    return view_args[0] if view_args else None


def _routes_by_path(model):
    """Whether pages of ``model`` route by the path alone: with Wagtail's or
    kim-cms's ``route()`` (by slug, or a ``RoutablePageMixin``'s routes), not
    one of a site's own."""
    module = getattr(model.route, "__module__", "") or ""
    return module.startswith(("wagtail.", "kim_cms."))


def routed_plainly(page, site):
    """Whether ``page`` is a kim-cms page (its type has ``kim_cms_template``)
    and every page from the site's root down to it routes by the path
    alone."""
    model = type(page)
    if not hasattr(model, "kim_cms_template") or not _routes_by_path(model):
        return False
    lineage = page.__dict__.get("_kim_lineage")
    root = site.root_page
    if lineage is None:  # routed at the root itself: nothing above it
        return page.translation_key == root.translation_key
    for ancestor in lineage:
        if ancestor.depth < root.depth:
            continue
        model = ancestor.specific_class
        if model is not None and not _routes_by_path(model):
            return False
    return True


def find(request, path):
    """``(site, route)`` for ``path``, as Wagtail finds them, pickled before
    the page is served and holds anything of this request; ``None`` when
    they are not to be kept (no page, or a route a site's own code takes)."""
    from wagtail.models import Page, Site

    site = Site.find_for_request(request)
    result = Page.route_for_request(request, path)
    if site is None or result is None or not routed_plainly(result[0], site):
        return None
    try:
        return pickle.dumps((site, result), pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def restore(request, kept):
    """Give ``request`` the site and route ``find()`` kept."""
    site, result = pickle.loads(kept)
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = site
    request._wagtail_route_for_request = result


def may_keep(request, view_func, view_args, view_kwargs):
    """The page path of a GET or HEAD request (not a preview) that Wagtail's
    ``serve`` view is about to route and has not yet; else ``None``."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return None
    if hasattr(request, "_wagtail_route_for_request"):
        return None
    return _serve_path(view_func, view_args, view_kwargs)
