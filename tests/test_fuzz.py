"""Generated requests against every route kim-cms serves, on the demo.

Hypothesis builds hostile query strings and path suffixes (database syntax,
numbers Python reads and databases do not, NUL, markup, very long text) for
every page type's listing and detail page in both languages, the routable
sub-routes (feeds, ``.ics``, print, ZIP, months), the sitemap and the API
endpoints with their parameters. Whatever it sends, the answer is not a
server error, it does not echo the text as live markup, and it stays within
the query budget.

The suite runs a short profile. Before a release, run the long one on SQLite
and PostgreSQL (README, "Development")::

    KIM_CMS_FUZZ=long bash scripts/test tests/test_fuzz.py -n0
"""

import os
import re
from urllib.parse import quote, urlencode

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from kim_cms.pages import (
    AgricultureTipIndexPage,
    AgricultureTipPage,
    CulturalEventIndexPage,
    CulturalEventPage,
    KimActivityPage,
    KimGroupIndexPage,
    KimGroupPage,
    KimPortalPage,
    TrainingIndexPage,
    TrainingMaterialPage,
)
from tests.test_demo_shared import demo, shared_demo  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

settings.register_profile(
    "kim-cms-fuzz",
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "kim-cms-fuzz-long",
    parent=settings.get_profile("kim-cms-fuzz"),
    max_examples=3000,
)
FUZZ = os.environ.get("KIM_CMS_FUZZ", "")
PROFILE = settings.get_profile("kim-cms-fuzz-long" if FUZZ else "kim-cms-fuzz")
if FUZZ.isascii() and FUZZ.isdigit():  # KIM_CMS_FUZZ=500: that many examples
    PROFILE = settings(PROFILE, max_examples=int(FUZZ))

# The most queries one request may take: pages are under 15
# (tests/test_query_budget.py); a filtered listing or an API listing of 20
# items with every field a few more, never a number that grows with the input.
PAGE_BUDGET = 20
API_BUDGET = 40

# Text that has broken, or could break, a parser somewhere on the way.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    '"',
    "'",
    "''",
    '"unterminated',
    "*",
    "(",
    ")",
    ":",
    "-",
    "^",
    "NOT",
    "AND",
    "OR",
    "NEAR",
    "a OR b",
    "-a",
    "a*",
    "title:a",
    "%",
    "\\",
    "_",
    "²",
    "١٢",
    "１２",
    "0",
    "-1",
    "1.5",
    "1e5",
    "0x10",
    "+1",
    " 1",
    "1_000",
    "99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "9" * 400,
    "root",
    "2026-12",
    "2026-13",
    "0000-01",
    "9999-12",
    "2026-1",
    "2026-12-01",
    "2026-12-01T00:00:00+99:00",
    "true",
    "NaN",
    "Infinity",
    "<k1m>",
    '"><k1m src=x onerror=alert(1)>',
    "</script><k1m>",
    "{{ 7|add:7 }}",
    "../../etc/passwd",
    "\r\nSet-Cookie: x=1",
    "😀",
    "x" * 3000,
    "*,title",
    "_,-id",
    "title(x)",
    "-title",
    "random",
    "wagtailcore.Page",
    "kim_cms.KimGroupPage",
    "auth.User",
    "a.b.c",
    "id,-id",
    "testserver",
    "testserver:x",
    "testserver:99999999",
    "api",
    "json",
    "html",
    "db_html",
    "markdown",
]
hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.from_regex(r"-?[0-9]{1,30}", fullmatch=True),
    st.lists(st.sampled_from(NASTY[:40]), min_size=2, max_size=4).map("".join),
)

# The parameters each kind of route reads, and a few it does not.
COMMON = ["page", "q", "%00", "x", "format", "utm_source"]
PAGE_PARAMETERS = {
    KimGroupIndexPage: ["kecamatan", "desa", "fokus", "status"],
    AgricultureTipIndexPage: [
        "subsektor",
        "komoditas",
        "masalah",
        "musim",
        "kecamatan",
        "musim_ini",
    ],
    CulturalEventIndexPage: ["category", "kecamatan", "month"],
    TrainingIndexPage: ["type", "topic", "audience", "level"],
}
API_COMMON = [
    "limit",
    "offset",
    "fields",
    "order",
    "search",
    "search_operator",
    "id",
    "title",
    "format",
    "rich_text_format",
    "_",
]
API_PARAMETERS = {
    "pages": API_COMMON
    + [
        "type",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
        "locale",
        "site",
        "html_path",
        "slug",
        "show_in_menus",
        "first_published_at",
        "seo_title",
        "kecamatan",
        "desa",
        "status",
        "start_date",
        "sub_sector",
    ],
    "images": API_COMMON + ["width", "height", "tags", "collection"],
    "documents": API_COMMON + ["tags", "collection"],
}
# Sub-routes of the routable pages, beside the page itself.
SUB_ROUTES = {
    KimPortalPage: ["cari/"],
    AgricultureTipIndexPage: ["feed/rss/", "feed/atom/"],
    CulturalEventIndexPage: [
        "past/",
        "ics/",
        "month/",
        "month/2026/12/",
        "month/9999/13/",
    ],
    CulturalEventPage: ["ics/"],
    TrainingMaterialPage: ["print/", "documents-zip/"],
}
PAGE_TYPES = [
    KimPortalPage,
    KimGroupIndexPage,
    KimGroupPage,
    KimActivityPage,
    AgricultureTipIndexPage,
    AgricultureTipPage,
    CulturalEventIndexPage,
    CulturalEventPage,
    TrainingIndexPage,
    TrainingMaterialPage,
]
# Mostly GET, as visitors and crawlers send.
METHODS = ["get"] * 6 + ["head", "post", "options"]
# Where a generated value would be dangerous if it came back unescaped.
MARKUP_TYPES = ("text/html", "application/xml", "application/rss", "application/atom")
LIVE_MARKUP = re.compile(r"<k1m|<script>", re.IGNORECASE)


@pytest.fixture(scope="module")
def routes(request, django_db_blocker):
    """``(url, parameter names, budget)`` for every route of the demo: one
    page of each type per language, with its sub-routes, the sitemap and the
    API endpoints."""
    request.getfixturevalue("shared_demo")
    found = []
    with django_db_blocker.unblock():
        for model in PAGE_TYPES:
            for language in ("id", "en"):
                page = (
                    model.objects.live()
                    .public()
                    .filter(locale__language_code=language)
                    .order_by("path")
                    .first()
                )
                assert page is not None, (model, language)
                names = COMMON + PAGE_PARAMETERS.get(model, [])
                found.append((page.url, names, PAGE_BUDGET))
                for sub_route in SUB_ROUTES.get(model, []):
                    found.append((page.url + sub_route, names, PAGE_BUDGET))
        page_id = Page.objects.live().filter(depth__gt=1).first().pk
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        ids = {
            "pages": page_id,
            "images": get_image_model().objects.first().pk,
            "documents": get_document_model().objects.first().pk,
        }
    found.append(("/sitemap.xml", COMMON, PAGE_BUDGET))
    # the offline worker, which names its portal
    found.append(("/kim-cms/offline/sw.js", [*COMMON, "portal"], PAGE_BUDGET))
    for endpoint, names in API_PARAMETERS.items():
        base = f"/api/v2/{endpoint}/"
        for url in (base, f"{base}{ids[endpoint]}/", f"{base}find/"):
            found.append((url, names, API_BUDGET))
    return found


def query_string(pairs):
    return urlencode(pairs, doseq=False)


def fetch(url, budget, method="get"):
    """Request ``url`` as an anonymous visitor; return the response and the
    number of queries it took. Over ``budget``, it is asked again: the
    first request of a route may fill caches (the site's root paths, image
    renditions) that every later one reads."""
    client = Client(raise_request_exception=True)
    for _attempt in range(2):
        connection.queries_log.clear()  # it keeps 9,000 queries, then counts none
        with CaptureQueriesContext(connection) as queries:
            response = getattr(client, method)(url)
        if len(queries.captured_queries) <= budget:
            break
    return response, len(queries.captured_queries)


def check(url, response, queries, budget, sent):
    assert response.status_code < 500, url
    assert queries <= budget, f"{url}: {queries} queries"
    content_type = response.get("Content-Type", "")
    if content_type.startswith(MARKUP_TYPES) and not response.streaming:
        body = response.content.decode("utf-8", "replace")
        for value in sent:
            if LIVE_MARKUP.search(value):
                assert not LIVE_MARKUP.search(body), f"{url} reflects {value!r}"


@given(data=st.data())
@settings(PROFILE)
def test_generated_query_strings(routes, data):
    url, names, budget = data.draw(st.sampled_from(routes), label="route")
    name = st.one_of(st.sampled_from(names), hostile_text)
    pairs = data.draw(
        st.lists(st.tuples(name, hostile_text), min_size=1, max_size=4),
        label="parameters",
    )
    method = data.draw(st.sampled_from(METHODS), label="method")
    full_url = f"{url}?{query_string(pairs)}"
    response, queries = fetch(full_url, budget, method)
    check(f"{method.upper()} {full_url}", response, queries, budget, sum(pairs, ()))


@given(data=st.data())
@settings(PROFILE)
def test_generated_path_suffixes(routes, data):
    url, _names, budget = data.draw(st.sampled_from(routes), label="route")
    segments = data.draw(
        st.lists(hostile_text, min_size=1, max_size=3), label="segments"
    )
    suffix = "/".join(quote(segment, safe="") for segment in segments)
    trailing = data.draw(st.sampled_from(["", "/"]), label="trailing")
    full_url = url + suffix + trailing
    response, queries = fetch(full_url, budget)
    check(full_url, response, queries, budget, segments)


def test_every_route_answers_plainly(routes):
    """Without any parameter, every route answers (the routes list is real)."""
    for url, _names, budget in routes:
        if url.endswith("/find/"):
            url += "?id=1"
        response, queries = fetch(url, budget)
        assert response.status_code in (200, 301, 302, 404), url
        assert queries <= budget, f"{url}: {queries} queries"


def test_the_checks_catch_what_they_look_for():
    """A reflected value, a server error or a query over budget fails."""
    from django.http import HttpResponse, HttpResponseServerError

    value = '"><k1m src=x onerror=alert(1)>'
    echoed = HttpResponse(f"<p>{value}</p>", content_type="text/html")
    with pytest.raises(AssertionError, match="reflects"):
        check("/", echoed, 1, PAGE_BUDGET, [value])
    escaped = HttpResponse(
        "<p>&quot;&gt;&lt;k1m src=x onerror=alert(1)&gt;</p>", content_type="text/html"
    )
    check("/", escaped, 1, PAGE_BUDGET, [value])
    with pytest.raises(AssertionError):
        check("/", HttpResponseServerError(), 1, PAGE_BUDGET, [])
    with pytest.raises(AssertionError, match="queries"):
        check("/", escaped, PAGE_BUDGET + 1, PAGE_BUDGET, [])
