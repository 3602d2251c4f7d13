"""A printable A4 poster of a page for the desa notice board: title, key
facts, a QR code to the page and the district's identity."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page, Site

from kim_cms.queries import public_q
from kim_cms.sharing.qr import qr_svg

# The page types with a poster: the dotted names of their models.
POSTER_PAGE_TYPES = (
    "kim_cms.CulturalEventPage",
    "kim_cms.AgricultureTipPage",
    "kim_cms.TrainingMaterialPage",
    "kim_cms.HoaxClarificationPage",
)


def has_poster(page):
    from django.apps import apps

    models = tuple(apps.get_model(name) for name in POSTER_PAGE_TYPES)
    return isinstance(page, models) or hasattr(page, "get_poster_facts")


def poster_facts(page):
    """The lines under the title: the page's own ``get_poster_facts()``, else
    its card line and its short description."""
    if hasattr(page, "get_poster_facts"):
        return [str(line) for line in page.get_poster_facts() if line]
    lines = [page.get_card_meta(), page.get_social_description()]
    return [str(line) for line in lines if line]


def poster(request, page_id):
    base = Page.objects.live().filter(public_q()).filter(pk=page_id).first()
    if base is None:
        raise Http404
    page = base.specific
    if not has_poster(page):
        raise Http404
    site = Site.find_for_request(request)
    with translation.override(page.locale.language_code):
        context = {
            "page": page,
            "facts": poster_facts(page),
            "qr": qr_svg(page.get_full_url(request)),
            "page_url": page.get_full_url(request),
            "site_name": site.site_name if site else "",
        }
        response = TemplateResponse(request, "kim_cms/sharing/poster.html", context)
        response.render()
    response["X-Robots-Tag"] = "noindex"
    return response
