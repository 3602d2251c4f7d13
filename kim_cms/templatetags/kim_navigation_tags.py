"""Template tags of the portal's layout: header with the menu and the search
box, breadcrumbs and footer with the district's identity.

A site whose own base template holds its header and footer
(``KIM_CMS_BASE_TEMPLATE``) places them there::

    {% load kim_navigation_tags %}
    {% kim_navigation %}       the portal's sections and the search box
    {% kim_site_footer %}      the district, Diskominfo's contact, the logo

``{% kim_site_header %}`` is the whole header kim_cms's own layout shows (the
portal's name and logo, then ``kim_navigation``); ``{% kim_breadcrumbs %}``
the breadcrumbs (kim_cms pages show them above their content already).
``{% kim_identity as identity %}`` gives the identity to a template of its
own (see ``kim_cms.pages.navigation.Identity``). Each tag works on any page of the
site, a kim_cms page or not, and on error pages.
"""

from django import template

from kim_cms.pages.navigation import (
    find_portal,
    get_breadcrumbs,
    get_identity,
    get_menu,
    mark_current,
)

register = template.Library()


def _page(context):
    from wagtail.models import Page

    page = context.get("page")
    return page if isinstance(page, Page) else None


def _layout(context):
    """What the header and footer share, worked out once per request."""
    request = context.get("request")
    page = _page(context)
    memo = getattr(request, "_kim_layout", None) if request is not None else None
    if memo is not None and memo["page"] is page:
        return memo
    portal = find_portal(page, request)
    search_url = ""
    if portal is not None:
        search_url = search_url_of(portal, request)
    home = portal
    if home is None:
        home = context.get("kim_home")
    layout = {
        "page": page,
        "portal": portal,
        "home": home,
        "items": mark_current(get_menu(portal), page),
        "search_url": search_url,
        "identity": get_identity(request, portal),
    }
    if request is not None:
        request._kim_layout = layout
    return layout


def search_url_of(portal, request=None):
    """The URL of ``portal``'s search route (``portal`` may be a base
    ``Page``), or ``""``."""
    from django.urls import NoReverseMatch

    model = portal.specific_class
    get_resolver = getattr(model, "get_resolver", None)
    if get_resolver is None:
        return ""
    url = portal.get_url(request)
    if not url:
        return ""
    try:
        return url + get_resolver().reverse("search")
    except NoReverseMatch:
        return ""


@register.inclusion_tag("kim_cms/includes/site_header.html", takes_context=True)
def kim_site_header(context):
    """The portal's name and logo, its sections and the search box."""
    layout = _layout(context)
    return {
        **layout,
        "request": context.get("request"),
        "search_query": context.get("search_query", ""),
    }


@register.inclusion_tag("kim_cms/includes/navigation.html", takes_context=True)
def kim_navigation(context):
    """The portal's sections (a menu to open on phones) and the search box."""
    layout = _layout(context)
    return {
        **layout,
        "request": context.get("request"),
        "search_query": context.get("search_query", ""),
    }


@register.inclusion_tag("kim_cms/includes/breadcrumbs.html", takes_context=True)
def kim_breadcrumbs(context):
    """Where the page lies: the pages above it, then the page itself."""
    page = _page(context)
    if page is None:
        return {"crumbs": [], "subpage_title": ""}
    ancestors = context.get("kim_ancestors")
    if ancestors is None:
        ancestors = get_breadcrumbs(page)
    return {
        "crumbs": ancestors,
        "page": page,
        "subpage_title": context.get("kim_subpage_title", ""),
        "request": context.get("request"),
    }


@register.inclusion_tag("kim_cms/includes/site_footer.html", takes_context=True)
def kim_site_footer(context, names=True):
    """The district's identity: name, logo, Diskominfo's contact, social
    media (``names=False``: without the names and logo, for a page that shows
    them at its top, such as the print view)."""
    layout = _layout(context)
    return {**layout, "request": context.get("request"), "show_names": names}


@register.simple_tag(takes_context=True)
def kim_identity(context):
    """``{% kim_identity as identity %}``: the district's identity in the
    active language."""
    return _layout(context)["identity"]


@register.simple_tag(takes_context=True)
def kim_portal_links(context):
    """``{% kim_portal_links as links %}``: ``links.home_url`` and
    ``links.search_url`` of the portal the page (or, on an error page, the
    site) belongs to, in the active language."""
    layout = _layout(context)
    home = layout["home"]
    home_url = home.get_url(context.get("request")) if home is not None else ""
    return {"home_url": home_url or kim_home_path(), "search_url": layout["search_url"]}


@register.simple_tag
def kim_home_path():
    """The site's home page in the active language (``/`` or ``/en/``),
    reading neither the database nor the request: for the 500 page."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("wagtail_serve", args=[""])
    except NoReverseMatch:
        return "/"
