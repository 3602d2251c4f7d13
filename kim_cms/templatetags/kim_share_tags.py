"""Template tags of the share kit: the WhatsApp text and link, the poster
link, and the image of link previews.

::

    {% load kim_share_tags %}
    {% kim_share page as share %}        share.text, share.whatsapp_url,
                                         share.poster_url
    {% kim_share_image page as og %}     og.url (absolute), og.width,
                                         og.height, og.alt
    {% kim_poster_url page as url %}     the A4 poster, or ""
"""

from django import template
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from kim_cms.pages.navigation import find_portal, get_identity
from kim_cms.sharing import absolute_url, whatsapp_url

register = template.Library()

#: The rendition of a page's own picture in link previews: the size and
#: format WhatsApp, Facebook and X show as a large card (the JSON-LD of
#: pages uses the same rendition, so it is made once).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
#: The preview image of a page without a picture and a site without a logo.
DEFAULT_SHARE_IMAGE = "kim_cms/img/share-default.jpg"
DEFAULT_SHARE_IMAGE_SIZE = (1200, 630)


@register.simple_tag
def kim_poster_url(page):
    """The address of the page's A4 poster, or ``""`` when the site has not
    included ``kim_cms.sharing.urls``, the page type has no poster or the
    page is not public (the poster view refuses it)."""
    from kim_cms.sharing.views import has_poster

    if page is None or not getattr(page, "live", False) or not has_poster(page):
        return ""
    if page.get_view_restrictions().exists():
        return ""
    try:
        return reverse("kim_cms_sharing:poster", args=[page.pk])
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def kim_share(context, page=None):
    """``{"text", "whatsapp_url", "poster_url"}`` of ``page`` (default: the
    page being shown), or ``None`` for a page without a share text."""
    page = page if page is not None else context.get("page")
    if page is None or not hasattr(page, "get_share_text"):
        return None
    text = page.get_share_text(context.get("request"))
    return {
        "text": text,
        "whatsapp_url": whatsapp_url(text),
        "poster_url": kim_poster_url(page),
    }


@register.simple_tag(takes_context=True)
def kim_share_image(context, page=None):
    """The image of the page's link preview: its own picture (``get_social_image()``)
    cropped to 1200×630, else the district's logo (the portal identity),
    else kim_cms's default picture. ``{"url", "width", "height", "alt"}``,
    the address absolute."""
    page = page if page is not None else context.get("page")
    request = context.get("request")
    image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if image is not None:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        return {
            "url": absolute_url(rendition.url, page, request),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(image, "description", "") or image.title,
        }
    identity = get_identity(request, find_portal(page, request))
    if identity.share_image_url:
        # the logo's own description is in one language: name it in the reader's
        district = identity.district_name
        return {
            "url": absolute_url(identity.share_image_url, page, request),
            "width": identity.share_image_width,
            "height": identity.share_image_height,
            "alt": _("The emblem of %(district)s") % {"district": district}
            if district
            else "",
        }
    width, height = DEFAULT_SHARE_IMAGE_SIZE
    return {
        "url": absolute_url(static(DEFAULT_SHARE_IMAGE), page, request),
        "width": width,
        "height": height,
        "alt": identity.district_name or getattr(page, "title", ""),
    }
