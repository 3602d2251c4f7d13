"""Portal search: one search over every kim_cms page of a portal, in the
portal's language, at ``<portal>/cari/``.

The route is part of every portal (``KimPortalSearchMixin``): no page to
create, and the header's search box leads to it on every page. It uses
Wagtail search (``WAGTAILSEARCH_BACKENDS``: the database backend by default;
on PostgreSQL, set ``"SEARCH_CONFIG": "indonesian"`` so that Indonesian words
are found by their stem, see the README). Results are live, public pages of
the registered types (``register_search_type``), with a type filter
(``?jenis=tips``), the counts per type, a snippet and pagination, in a
constant number of queries however many pages match.
"""

import re
from dataclasses import dataclass

from django import forms
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kim_cms.conf import kim_settings
from kim_cms.params import SearchQueryField, paginate, parse_choice, without_nul

#: The most hits a search reads from the search backend, best first.
MAX_HITS = 500


@dataclass(frozen=True)
class SearchType:
    """A kind of page the portal search finds.

    ``base`` is the dotted path of a page class (an abstract base is fine):
    every installed page model that subclasses it is searched.
    ``select_related`` names the foreign keys a result's line under the title
    (``get_card_meta()``) reads, loaded with the results.
    """

    key: str
    label: object  # a lazy translated string
    base: str
    order: int = 100
    select_related: tuple = ()

    def models(self):
        from django.apps import apps

        base = import_string(self.base)
        return [
            model
            for model in apps.get_models()
            if issubclass(model, base) and not model._meta.abstract
        ]


_types: dict[str, SearchType] = {}


def register_search_type(search_type: SearchType):
    """Add a kind of page to the portal search (a site's own page types)."""
    _types[search_type.key] = search_type
    return search_type


def get_search_types():
    return sorted(_types.values(), key=lambda t: (t.order, t.key))


for _search_type in (
    SearchType(
        "kim",
        pgettext_lazy("search type", "KIM groups"),
        "kim_cms.pages.AbstractKimGroupPage",
        10,
        ("kecamatan", "desa"),
    ),
    SearchType(
        "kegiatan",
        pgettext_lazy("search type", "Activity reports"),
        "kim_cms.pages.AbstractKimActivityPage",
        20,
    ),
    SearchType(
        "tips",
        pgettext_lazy("search type", "Farming tips"),
        "kim_cms.pages.AbstractAgricultureTipPage",
        30,
        ("commodity",),
    ),
    SearchType(
        "agenda",
        pgettext_lazy("search type", "Cultural events"),
        "kim_cms.pages.AbstractCulturalEventPage",
        40,
        ("kecamatan",),
    ),
    SearchType(
        "pelatihan",
        pgettext_lazy("search type", "Training material"),
        "kim_cms.pages.AbstractTrainingMaterialPage",
        50,
    ),
    SearchType(
        "peringatan",
        pgettext_lazy("search type", "Disaster warnings"),
        "kim_cms.pages.AbstractWarningPage",
        60,
        ("hazard",),
    ),
    SearchType(
        "panduan",
        pgettext_lazy("search type", "Preparedness guides"),
        "kim_cms.pages.AbstractPreparednessGuidePage",
        70,
        ("hazard",),
    ),
    SearchType(
        "klarifikasi",
        pgettext_lazy("search type", "Hoax clarifications"),
        "kim_cms.pages.AbstractHoaxClarificationPage",
        80,
    ),
):
    register_search_type(_search_type)


class PortalSearchForm(forms.Form):
    """``?q=`` (the words only, see ``kim_cms.params``) and ``?jenis=`` (a
    type key; an unknown one is ignored)."""

    q = SearchQueryField(label=_("Search the portal"))

    def __init__(self, data):
        super().__init__(without_nul(data))
        self.type_choices = [(t.key, t.label) for t in get_search_types()]

    def values(self):
        self.is_valid()
        query = getattr(self, "cleaned_data", {}).get("q", "")
        kind = parse_choice(self.data.get("jenis"), self.type_choices)
        return query, kind


@dataclass
class SearchResult:
    page: object
    type: SearchType

    @property
    def snippet(self):
        """What the page says of itself: its search description or summary,
        else its sharing description (at most 200 characters)."""
        from django.utils.text import Truncator

        page = self.page
        text = page.search_description or getattr(page, "summary", "") or ""
        if not text and hasattr(page, "get_social_description"):
            text = page.get_social_description()
        return Truncator(text).chars(200)


def search_portal(portal, query, kind=None):
    """``(hits, counts)``: the live, public pages of every search type below
    ``portal``, in its language, that match ``query`` (every word), best
    first, as base ``Page`` objects with their ``SearchType``; and the number
    of hits of each type key. ``kind`` keeps one type. Three queries."""
    from wagtail.models import Page

    from kim_cms.queries import public_q

    types = get_search_types()
    type_of = {}
    for search_type in types:
        for model in search_type.models():
            type_of[model] = search_type
    counts = {search_type.key: 0 for search_type in types}
    if not query or not type_of:
        return [], counts
    candidates = (
        Page.objects.live()
        .descendant_of(portal)
        .filter(locale_id=portal.locale_id)
        .type(*type_of)
    )
    found = list(candidates.search(query, operator="and")[:MAX_HITS])
    public = set(
        Page.objects.filter(pk__in=[page.pk for page in found])
        .filter(public_q())
        .values_list("pk", flat=True)
    )
    hits = []
    for page in found:
        if page.pk not in public:
            continue
        search_type = type_of.get(page.specific_class)
        if search_type is None:
            continue
        counts[search_type.key] += 1
        if kind is None or search_type.key == kind:
            hits.append(SearchResult(page, search_type))
    # Pages whose title holds a word searched for come first; the backend's
    # order otherwise (its ranking varies: SQLite's weighs long texts).
    hits.sort(key=lambda hit: not title_matches(hit.page.title, query))
    return hits, counts


def title_matches(title, query):
    """Whether a word of ``title`` starts with a word of ``query``."""
    words = re.findall(r"\w+", (title or "").lower())
    return any(
        word.startswith(term) for term in query.lower().split() for word in words
    )


def load_results(results):
    """Replace each result's base page by its specific page, loaded with one
    query per page type (and the foreign keys its line reads)."""
    by_model = {}
    for result in results:
        by_model.setdefault(result.page.specific_class, []).append(result)
    for model, items in by_model.items():
        related = set(items[0].type.select_related)
        pages = model._default_manager.filter(
            pk__in=[item.page.pk for item in items]
        ).select_related(*related)
        loaded = {page.pk: page for page in pages}
        for item in items:
            item.page = loaded.get(item.page.pk, item.page)
    return results


class KimPortalSearchMixin(RoutablePageMixin):
    """The portal's search route, ``cari/``.

    Extension contract: ``search_template`` is the template of the results;
    ``get_search_context(request)`` returns its context.
    """

    search_template = "kim_cms/pages/portal_search.html"

    def route(self, request, path_components):
        # RoutablePageMixin answers its own routes (the landing page too)
        # before KimPageMixin.route runs: mark this page as served, so that
        # its privacy check reads the lineage its breadcrumbs load anyway.
        self._kim_routed = True
        return super().route(request, path_components)

    def get_search_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("search")

    def get_search_context(self, request):
        """What the results page shows: the form, the type filter with counts,
        the page of results (``Http404`` for a page number past the last)."""
        from kim_cms.pages.base import KimPageMixin

        # What every kim_cms page has, without the landing page's sections.
        context = KimPageMixin.get_context(self, request)
        form = PortalSearchForm(request.GET)
        query, kind = form.values()
        hits, counts = search_portal(self, query, kind)
        page_obj = paginate(request, hits, kim_settings.PAGE_SIZE)
        results = load_results(list(page_obj.object_list))
        search_url = self.get_search_url(request)
        types = []
        for search_type in get_search_types():
            key = search_type.key
            types.append(
                {
                    "type": search_type,
                    "count": counts[key],
                    "url": search_url + "?" + urlencode({"q": query, "jenis": key}),
                    "current": key == kind,
                }
            )
        query_string = urlencode({"q": query, **({"jenis": kind} if kind else {})})
        context.update(
            {
                "search_form": form,
                "search_query": query,
                "search_kind": kind,
                "search_url": search_url,
                "search_all_url": search_url + "?" + urlencode({"q": query}),
                "search_types": types,
                "filter_query": query_string,
                "search_total": sum(counts.values()),
                "results": results,
                "page_obj": page_obj,
                "kim_subpage_title": _("Search"),
                "kim_alternate_suffix": self.reverse_subpage("search")
                + ("?" + urlencode({"q": query}) if query else ""),
            }
        )
        return context

    @path("cari/", name="search")
    def search_view(self, request):
        """The results of ``?q=`` among the portal's pages (plain GET)."""
        response = TemplateResponse(
            request, self.search_template, self.get_search_context(request)
        )
        response["X-Robots-Tag"] = "noindex"
        return response
