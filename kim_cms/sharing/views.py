"""A printable A4 poster of a page for the desa notice board: the district's
identity, the title, the key facts, and a QR code to the page."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.models import Page

from kim_cms.pages.navigation import find_portal, get_identity
from kim_cms.queries import public_q
from kim_cms.sharing.qr import qr_svg

# The page types with a poster: the dotted names of their models. A page type
# of a site gets one by defining ``get_poster_facts()``.
POSTER_PAGE_TYPES = (
    "kim_cms.CulturalEventPage",
    "kim_cms.AgricultureTipPage",
    "kim_cms.TrainingMaterialPage",
    "kim_cms.WarningPage",
    "kim_cms.HoaxClarificationPage",
)


def poster_models():
    from django.apps import apps

    return tuple(apps.get_model(name) for name in POSTER_PAGE_TYPES)


def has_poster(page):
    """Whether ``page`` (a specific page) has an A4 poster."""
    return isinstance(page, poster_models()) or hasattr(page, "get_poster_facts")


def poster_facts(page):
    """The lines under the title: the page's own ``get_poster_facts()``, else
    its share lines (an event's date and place, a tip's season) and its
    short description."""
    if hasattr(page, "get_poster_facts"):
        lines = page.get_poster_facts()
    else:
        lines = list(page.get_share_lines()) + [page.get_social_description()]
    facts = []
    for line in lines:
        line = " ".join(str(line or "").split())
        if line and line not in facts:
            facts.append(line)
    return facts


def poster(request, page_id):
    """The poster of a live, public page of a type that has one, in the
    page's language; 404 for anything else."""
    base = Page.objects.live().filter(public_q()).filter(pk=page_id).first()
    if base is None:
        raise Http404
    page = base.specific
    if not has_poster(page):
        raise Http404
    with translation.override(page.locale.language_code):
        page_url = page.get_full_url(request)
        context = {
            "page": page,
            "facts": poster_facts(page),
            "qr": qr_svg(page_url),
            "page_url": page_url,
            "identity": get_identity(request, find_portal(page, request)),
        }
        response = TemplateResponse(request, "kim_cms/sharing/poster.html", context)
        response.render()
    response["X-Robots-Tag"] = "noindex"
    return response
