"""A sitemap of every language's pages, each with its hreflang alternates.

Wagtail's own sitemap lists only the default language's tree. Route it outside
``i18n_patterns``::

    from kim_cms.outputs.sitemaps import sitemap
    path("sitemap.xml", sitemap, name="kim_cms_sitemap"),

A site with more pages than ``KIM_CMS_SITEMAP_LIMIT`` gets a sitemap index
at ``/sitemap.xml`` that lists ``/sitemap.xml?p=1``, ``?p=2``, ...: each
file holds that many pages at most, so that it costs the same however large
the site grows (search engines read an index like a sitemap).
"""

from collections import defaultdict

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from kim_cms import page_cache
from kim_cms.conf import kim_settings
from kim_cms.i18n import default_content_language
from kim_cms.page_cache import mark_cacheable
from kim_cms.queries import public_q

ENTRY_FIELDS = (
    "id",
    "url_path",
    "translation_key",
    "locale__language_code",
    "last_published_at",
    "path",
    "depth",
)


def site_pages(site):
    """Every live, public page of ``site`` in every language, in tree order."""
    roots = Page.objects.filter(translation_key=site.root_page.translation_key)
    pages = Page.objects.none()
    for root in roots:
        pages |= Page.objects.descendant_of(root, inclusive=True)
    return (
        pages.live()
        .filter(public_q())
        .select_related("locale")
        .only(*ENTRY_FIELDS)
        .order_by("path")
    )


def _entries(pages, translations, request):
    """The entries of ``pages``, with the alternates found among
    ``translations`` (pages of the same translation keys, ``pages`` too)."""
    default = default_content_language()
    urls = {}
    by_key = defaultdict(list)
    for page in translations:
        if page.pk in urls:
            continue
        url = urls[page.pk] = page.get_full_url(request=request)
        if url:
            by_key[page.translation_key].append(
                {
                    "language": page.locale.language_code,
                    "location": url,
                    "is_default": page.locale.language_code == default,
                }
            )
    for alternates in by_key.values():
        alternates.sort(key=lambda alt: alt["language"])
    entries = []
    for page in pages:
        url = urls.get(page.pk) or page.get_full_url(request=request)
        if not url:
            continue
        entries.append(
            {
                "location": url,
                "lastmod": page.last_published_at,
                "language": page.locale.language_code,
                "alternates": by_key[page.translation_key],
            }
        )
    return entries


def sitemap_entries(site, request=None, start=0, stop=None):
    """A list of dicts (``location``, ``lastmod``, ``language``,
    ``alternates``) for the live, public pages of ``site`` in every language,
    in tree order: all of them, or the slice ``start:stop``."""
    pages = site_pages(site)
    if start == 0 and stop is None:
        rows = list(pages)
        return _entries(rows, rows, request)
    rows = list(pages[start:stop])
    keys = {page.translation_key for page in rows}
    translations = list(pages.filter(translation_key__in=keys)) if rows else []
    return _entries(rows, translations, request)


def purge_urls(sites):
    """The sitemap of each site, and each of its files when it has more
    than ``KIM_CMS_SITEMAP_LIMIT`` pages (one more than it holds now: a
    new page moves the others on), for a CDN purge
    (``kim_cms.page_cache.purge_urls()``): a change to any page moves or
    changes the entries of a file."""
    try:
        path = reverse("kim_cms_sitemap")
    except NoReverseMatch:
        return []
    limit = kim_settings.SITEMAP_LIMIT
    urls = []
    for site in sites:
        base = site.root_url + path
        urls.append(base)
        count = site_pages(site).count()
        if count >= limit:  # (at the limit: a deleted page ended the files)
            urls.extend(f"{base}?p={n}" for n in range(1, (count - 1) // limit + 3))
    return urls


def _page_number(request):
    """The ``p`` of ``?p=N`` (a whole number from 1), ``None`` without it;
    anything else is not found."""
    value = request.GET.get("p")
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise Http404
    number = int(value)
    if number < 1:
        raise Http404
    return number


@require_GET
def sitemap(request):
    """``/sitemap.xml``: every language's pages with hreflang alternates, or,
    beyond ``KIM_CMS_SITEMAP_LIMIT`` pages, the index of the sitemap files
    ``?p=1``, ``?p=2``, ... each holding that many. The XML is kept with the
    page cache's generation (``kim_cms.page_cache.kept()``): every change
    to a page starts a new one."""
    site = Site.find_for_request(request)
    number = _page_number(request)
    if site is None and number is not None:
        raise Http404
    parts = (
        site and site.pk,
        number,
        kim_settings.SITEMAP_LIMIT,
        request.scheme,
        *page_cache.request_parts(request),
    )
    xml = page_cache.kept("sitemap", parts, lambda: _sitemap_xml(request, site, number))
    mark_cacheable(request)
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


def _sitemap_xml(request, site, number):
    """The XML of the sitemap, or of its file ``number``; ``Http404`` past
    the last file."""
    limit = kim_settings.SITEMAP_LIMIT
    if site is None:
        entries = []
    elif number is None:
        pages = site_pages(site)
        rows = list(pages[: limit + 1])
        if len(rows) > limit:
            count = pages.count()
            base = site.root_url + request.path  # where the pages are
            files = [f"{base}?p={n}" for n in range(1, (count - 1) // limit + 2)]
            return render_to_string("kim_cms/sitemap_index.xml", {"files": files})
        entries = _entries(rows, rows, request)
    else:
        start = (number - 1) * limit
        entries = sitemap_entries(site, request, start, start + limit)
        if not entries and number > 1:
            raise Http404
    return render_to_string("kim_cms/sitemap.xml", {"entries": entries})
