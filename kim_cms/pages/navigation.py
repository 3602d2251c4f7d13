"""What the header, the breadcrumbs and the footer of every kim_cms page show:
the portal a page belongs to, the portal's sections, and the district's
identity.

- ``find_portal(page, request)``: the nearest KIM portal at or above ``page``
  (from the lineage the routing loaded: no query), else the portal of the
  request's site in the active language.
- ``get_menu(portal)``: the portal's sections, in tree order: its live,
  public children with "Show in menus" ticked (kim_cms index pages tick it
  by default). A draft or private page is never listed.
- ``get_breadcrumbs(page)``: the pages from the site's first page below the
  tree root down to ``page``.

- ``get_identity(request, portal)``: the district's identity in the active
  language (``kim_cms.snippets.identity``), falling back to the portal
  page's own district and Diskominfo contact for what the setting leaves
  empty.

The menu and the identity are kept in Django's cache,
so that a page costs no query for them once they are cached. Any change to a
page, a view restriction, the identity setting, its text or an image makes a
new ``layout_generation()``: every cached menu and identity is then
recomputed on its next use. With several app server processes, give them a
shared cache (Redis, see "Production" in the README), as Wagtail's own cache
of site root paths needs.
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "kim_cms:layout:generation"
#: Seconds a menu or an identity is kept at most (a safety net: a change
#: empties them at once).
CACHE_TIMEOUT = 15 * 60


def layout_generation():
    """The current generation of cached layouts (menus, identities)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def forget_layouts(*args, **kwargs):
    """Make every cached menu and identity stale (a signal receiver)."""
    if kwargs.get("raw"):
        return
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def layout_cache_key(kind, *parts):
    return ":".join(["kim_cms", kind, layout_generation(), *map(str, parts)])


def portal_models():
    from django.apps import apps

    from kim_cms.pages.portal import AbstractKimPortalPage

    return [m for m in apps.get_models() if issubclass(m, AbstractKimPortalPage)]


def _is_portal(page):
    from kim_cms.pages.portal import AbstractKimPortalPage

    model = page.specific_class
    return model is not None and issubclass(model, AbstractKimPortalPage)


def find_portal(page=None, request=None):
    """The KIM portal ``page`` belongs to (a ``Page``, possibly not specific),
    or ``None``.

    For a kim_cms page: the nearest portal in the lineage loaded when it was
    served (no query). For another page: its nearest portal ancestor (one
    query). Without a page (an error page, a view of the site): the site's
    root page in the active language when it is a portal, else the first live
    portal below it in that language."""
    from wagtail.models import Page

    memo = getattr(request, "_kim_portal", None) if request is not None else None
    if memo is not None and (page is None or memo[0] == getattr(page, "pk", None)):
        return memo[1]
    portal = None
    if isinstance(page, Page) and page.pk:
        lineage = getattr(page, "get_kim_lineage", None)
        if lineage is not None:
            portal = next((p for p in reversed(lineage()) if _is_portal(p)), None)
        else:
            portal = (
                Page.objects.ancestor_of(page, inclusive=True)
                .type(*portal_models())
                .order_by("-depth")
                .first()
            )
    elif request is not None:
        portal = _site_portal(request)
    if request is not None:
        request._kim_portal = (getattr(page, "pk", None), portal)
    return portal


def _site_portal(request):
    from django.utils.translation import get_language
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page, Site

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    try:
        code = get_supported_content_language_variant(get_language())
    except LookupError:
        code = None
    pages = Page.objects.live().type(*portal_models())
    if code:
        pages = pages.filter(locale__language_code=code)
    home = pages.filter(translation_key=root.translation_key).first()
    if home is not None:
        return home
    tree = Page.objects.filter(translation_key=root.translation_key)
    if code:
        tree = tree.filter(locale__language_code=code)
    tree = tree.first() or root
    return pages.descendant_of(tree, inclusive=True).order_by("path").first()


#: The rendition of the logo (shown 2.5 to 3 rem high in header and footer).
LOGO_SPEC = "max-240x96|format-webp"
#: The logo as the link-preview image of pages without a picture of their
#: own: a JPEG (WhatsApp shows no WebP preview everywhere) on white.
LOGO_SHARE_SPEC = "max-1200x630|bgcolor-ffffff|format-jpeg"


@dataclass
class MenuItem:
    """One section of the portal's menu: a page and whether the page being
    shown is that page (``"page"``) or inside it (``"true"``)."""

    page: object
    current: str = ""


def get_menu(portal):
    """The sections of ``portal``: its live, public children with "Show in
    menus" ticked, in tree order (cached; see the module's docstring)."""
    from wagtail.models import Page

    from kim_cms.queries import public_q

    if portal is None:
        return []
    key = layout_cache_key("menu", portal.pk)
    pages = cache.get(key)
    if pages is None:
        pages = list(
            Page.objects.child_of(portal)
            .live()
            .filter(show_in_menus=True)
            .filter(public_q())
            .order_by("path")
        )
        cache.set(key, pages, CACHE_TIMEOUT)
    return pages


def mark_current(pages, current):
    """``MenuItem`` for each of ``pages``, marked when ``current`` (a page)
    is one of them or lies below one."""
    path = getattr(current, "path", "") or ""
    items = []
    for page in pages:
        if path == page.path:
            items.append(MenuItem(page, "page"))
        elif path.startswith(page.path):
            items.append(MenuItem(page, "true"))
        else:
            items.append(MenuItem(page))
    return items


def get_breadcrumbs(page):
    """The pages above ``page`` shown in its breadcrumbs: from the first page
    below the tree root down to its parent (no query for a served kim_cms
    page)."""
    ancestors = getattr(page, "get_kim_ancestors", None)
    if ancestors is not None:
        return ancestors()
    return list(page.get_ancestors().filter(depth__gt=1))


@dataclass
class Identity:
    """What the footer and the print view show, in one language."""

    district_name: str = ""
    office_name: str = ""
    office_hours: str = ""
    footer_note: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    social_links: list = field(default_factory=list)
    logo_url: str = ""
    logo_width: int = 0
    logo_height: int = 0
    #: The logo as a link-preview image (``LOGO_SHARE_SPEC``).
    share_image_url: str = ""
    share_image_width: int = 0
    share_image_height: int = 0

    @property
    def phone_link(self):
        """``tel:`` target of the phone number: digits and a leading ``+``."""
        text = self.phone.strip()
        digits = "".join(ch for ch in text if ch.isdigit())
        return ("+" if text.startswith("+") else "") + digits

    @property
    def has_contact(self):
        return bool(self.address or self.phone or self.email or self.website)

    def __bool__(self):
        return bool(self.district_name or self.office_name or self.logo_url)


def _localized_text(text):
    from kim_cms.queries import localized

    if text is None:
        return None
    return localized(text)


def _portal_fields(portal):
    """The district and contact the portal page itself holds."""
    from kim_cms.pages.portal import AbstractKimPortalPage

    if portal is None:
        return {}
    specific = portal if isinstance(portal, AbstractKimPortalPage) else None
    if specific is None:
        model = portal.specific_class
        if model is None or not issubclass(model, AbstractKimPortalPage):
            return {}
        specific = model._default_manager.filter(pk=portal.pk).first()
        if specific is None:
            return {}
    return {
        "district_name": specific.district_name,
        "office_name": specific.office_name,
        "address": specific.office_address,
        "phone": specific.office_phone,
        "email": specific.office_email,
        "website": specific.office_website,
    }


def build_identity(site, portal=None):
    """The ``Identity`` of ``site`` in the active language (queries)."""
    from kim_cms.snippets.identity import KimSiteIdentity

    identity = Identity()
    setting = None
    if site is not None:
        setting = KimSiteIdentity.base_queryset().filter(site=site).first()
    if setting is not None:
        text = _localized_text(setting.text)
        if text is not None:
            identity.district_name = text.district_name
            identity.office_name = text.office_name
            identity.office_hours = text.office_hours
            identity.footer_note = text.footer_note
        identity.address = setting.address
        identity.phone = setting.phone
        identity.email = setting.email
        identity.website = setting.website
        identity.social_links = [(str(a), b) for a, b in setting.social_links]
        if setting.logo is not None:
            rendition = setting.logo.get_rendition(LOGO_SPEC)
            identity.logo_url = rendition.url
            identity.logo_width = rendition.width
            identity.logo_height = rendition.height
            rendition = setting.logo.get_rendition(LOGO_SHARE_SPEC)
            identity.share_image_url = rendition.url
            identity.share_image_width = rendition.width
            identity.share_image_height = rendition.height
    fallback = None
    for name in (
        "district_name",
        "office_name",
        "address",
        "phone",
        "email",
        "website",
    ):
        if not getattr(identity, name):
            if fallback is None:
                fallback = _portal_fields(portal)
            setattr(identity, name, fallback.get(name, ""))
    return identity


def get_identity(request, portal=None, site=None):
    """The ``Identity`` of the request's site (or of ``site``, without a
    request) in the active language, cached (see the module's docstring): no
    query once cached."""
    from wagtail.models import Site

    memo = getattr(request, "_kim_identity", None)
    if memo is not None:
        return memo
    if request is not None:
        site = Site.find_for_request(request)
    key = layout_cache_key(
        "identity",
        getattr(site, "pk", 0),
        getattr(portal, "pk", 0),
        get_language() or "",
    )
    identity = cache.get(key)
    if identity is None:
        identity = build_identity(site, portal)
        cache.set(key, identity, CACHE_TIMEOUT)
    if request is not None:
        request._kim_identity = identity
    return identity


def connect():
    """Empty the cached layouts whenever what they show may have changed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from kim_cms.snippets.identity import KimSiteIdentity, KimSiteIdentityText

    senders = [
        PageViewRestriction,
        KimSiteIdentity,
        KimSiteIdentityText,
        get_image_model(),
    ]
    for sender in senders:
        uid = f"kim_cms_layout_{sender._meta.label_lower}"
        post_save.connect(forget_layouts, sender=sender, dispatch_uid=uid + "_save")
        post_delete.connect(forget_layouts, sender=sender, dispatch_uid=uid + "_del")

    def page_changed(sender, instance=None, **kwargs):
        if isinstance(instance, Page):
            forget_layouts(**kwargs)

    post_save.connect(page_changed, dispatch_uid="kim_cms_layout_page_save", weak=False)
    post_delete.connect(
        page_changed, dispatch_uid="kim_cms_layout_page_delete", weak=False
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget_layouts, dispatch_uid=f"kim_cms_layout_{id(signal)}")
