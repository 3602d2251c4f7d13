"""A sitemap of every language's pages, each with its hreflang alternates.

Wagtail's own sitemap lists only the default language's tree. Route it outside
``i18n_patterns``::

    from kim_cms.outputs.sitemaps import sitemap
    path("sitemap.xml", sitemap, name="kim_cms_sitemap"),
"""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from kim_cms.i18n import default_content_language
from kim_cms.page_cache import mark_cacheable
from kim_cms.queries import public_q


def sitemap_entries(site, request=None):
    """A list of dicts (``location``, ``lastmod``, ``alternates``) for every live,
    public page of ``site`` in every language."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    pages = (
        pages.live()
        .filter(public_q())
        .select_related("locale")
        .only(
            "id",
            "url_path",
            "translation_key",
            "locale__language_code",
            "last_published_at",
            "path",
            "depth",
        )
        .order_by("path")
    )
    default = default_content_language()
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_full_url(request=request)
        if not url:
            continue
        entry = {
            "location": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
            "alternates": by_key[page.translation_key],
        }
        by_key[page.translation_key].append(
            {
                "language": page.locale.language_code,
                "location": url,
                "is_default": page.locale.language_code == default,
            }
        )
        entries.append(entry)
    for alternates in by_key.values():
        alternates.sort(key=lambda alt: alt["language"])
    return entries


@require_GET
def sitemap(request):
    """``/sitemap.xml``: every language's pages with hreflang alternates."""
    site = Site.find_for_request(request)
    entries = sitemap_entries(site, request) if site else []
    xml = render_to_string("kim_cms/sitemap.xml", {"entries": entries})
    mark_cacheable(request)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
