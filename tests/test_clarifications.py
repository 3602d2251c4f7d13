"""Hoax clarifications: the page, its ClaimReview, the WhatsApp text, the
index's filters, privacy and query counts."""

import datetime
import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from kim_cms.pages import HoaxClarificationIndexPage, HoaxClarificationPage
from kim_cms.snippets import FocusArea
from kim_cms.snippets.identity import KimSiteIdentity, KimSiteIdentityText
from tests.factories import ImageFactory
from tests.factories_clarifications import (
    HoaxClarificationIndexPageFactory,
    make_clarification,
)

pytestmark = pytest.mark.django_db


class _Page(HTMLParser):
    """The JSON-LD blocks, the links and the textareas of a page."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.links, self.textareas = [], [], []
        self._capture = None
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href") or "")
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._capture, self._buffer = "json", []
        if tag == "textarea":
            self._capture, self._buffer = "text", []

    def handle_endtag(self, tag):
        if self._capture == "json" and tag == "script":
            self.json_ld.append(json.loads("".join(self._buffer)))
            self._capture = None
        if self._capture == "text" and tag == "textarea":
            self.textareas.append("".join(self._buffer))
            self._capture = None

    def handle_data(self, data):
        if self._capture:
            self._buffer.append(data)


def parse(response):
    assert response.status_code == 200
    parser = _Page()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def index(portal):
    return HoaxClarificationIndexPageFactory(parent=portal)


@pytest.fixture
def topics(locales):
    return {
        "kesehatan": FocusArea.objects.create(
            name="Kesehatan", slug="kesehatan", locale=locales["id"]
        ),
        "pertanian": FocusArea.objects.create(
            name="Pertanian", slug="pertanian", locale=locales["id"]
        ),
    }


@pytest.fixture
def catalogue(index, topics):
    return {
        "vaksin": make_clarification(
            index,
            title="Hoaks: vaksin mengandung chip",
            verdict="hoaks",
            topics=[topics["kesehatan"]],
        ),
        "pupuk": make_clarification(
            index,
            title="Sebagian benar: subsidi pupuk dicabut",
            claim="Subsidi pupuk dicabut untuk semua petani mulai bulan depan.",
            verdict="sebagian-benar",
            summary="Subsidi hanya berubah untuk petani tanpa kartu tani.",
            topics=[topics["pertanian"]],
        ),
        "asap": make_clarification(
            index,
            title="Benar: sekolah libur karena kabut asap",
            claim="Sekolah diliburkan karena ISPU tidak sehat.",
            verdict="benar",
            summary="Benar, Dinas Pendidikan meliburkan sekolah dua hari.",
            topics=[topics["kesehatan"]],
        ),
    }


TITLES = (
    "Hoaks: vaksin mengandung chip",
    "Sebagian benar: subsidi pupuk dicabut",
    "Benar: sekolah libur karena kabut asap",
)


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {t for t in TITLES if t in response.content.decode()}


def test_page_types_and_parents():
    assert HoaxClarificationPage.allowed_parent_page_models() == [
        HoaxClarificationIndexPage
    ]
    assert HoaxClarificationIndexPage.allowed_subpage_models() == [
        HoaxClarificationPage
    ]


def test_page_shows_claim_verdict_evidence_sources_and_checker(index):
    page = make_clarification(
        index,
        title="Hoaks: vaksin mengandung chip",
        claim="Vaksin berisi <chip> pelacak 5G.",
        explanation="<p>Vaksin berisi zat aktif dan bahan penstabil.</p>",
        evidence="<p>Daftar komposisi dari BPOM.</p>",
        sources=[
            {
                "name": "Dinas Kesehatan Kabupaten Pulang Pisau",
                "url": "https://dinkes.example.go.id/vaksin",
                "date": None,
            }
        ],
        claim_appearance="Grup WhatsApp Kahayan Hilir",
    )
    from django.test import Client

    response = Client().get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vaksin berisi &lt;chip&gt; pelacak 5G." in html
    assert "<chip>" not in html
    assert "Hoaks" in html  # the verdict badge, in Indonesian
    assert "Daftar komposisi dari BPOM." in html
    assert 'href="https://dinkes.example.go.id/vaksin"' in html
    assert "Dinas Komunikasi dan Informatika" in html
    assert "Grup WhatsApp Kahayan Hilir" in html


def test_claim_review_json_ld_matches_the_page(index, client):
    page = make_clarification(
        index,
        title="Sebagian benar: subsidi pupuk dicabut",
        claim="Subsidi pupuk dicabut untuk semua petani.",
        verdict="sebagian-benar",
        summary="Subsidi hanya berubah untuk petani tanpa kartu tani.",
        claim_first_seen=datetime.date(2026, 2, 20),
        claim_appearance_url="https://facebook.example/posts/1",
        review_date=datetime.date(2026, 3, 2),
        image=ImageFactory(title="Karung pupuk bersubsidi"),
    )
    [data] = parse(client.get(page.url)).json_ld
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ClaimReview"
    assert data["url"] == page.full_url
    assert data["name"] == "Sebagian benar: subsidi pupuk dicabut"
    # the image as an absolute address on the page's site, the rendition the
    # link preview shows
    image = urlsplit(data["image"])
    assert (image.scheme, image.netloc) == ("http", "localhost")
    assert image.path.endswith(".jpg") and "1200x630" in image.path
    assert data["claimReviewed"] == "Subsidi pupuk dicabut untuk semua petani."
    assert data["datePublished"] == "2026-03-02"
    assert data["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Dinas Komunikasi dan Informatika",
    }
    rating = data["reviewRating"]
    assert rating["@type"] == "Rating"
    assert rating["alternateName"] == "Sebagian benar"
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (
        1,
        3,
        5,
    )
    claim = data["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["datePublished"] == "2026-02-20"
    assert claim["appearance"]["url"] == "https://facebook.example/posts/1"


def test_claim_review_author_falls_back_to_the_districts_office(index, client, locales):
    page = make_clarification(index, checked_by_name="")
    [data] = parse(client.get(page.url)).json_ld
    # the portal's own office name
    assert data["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Diskominfo Kabupaten Pulang Pisau",
    }
    assert "image" not in data
    # the identity setting wins, in the page's language
    text = KimSiteIdentityText.objects.create(
        locale=locales["id"],
        district_name="Kabupaten Pulang Pisau",
        office_name="Dinas Komunikasi, Informatika, Statistik dan Persandian",
    )
    KimSiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True), text=text
    )
    [data] = parse(client.get(page.url)).json_ld
    assert data["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
    }
    # a group or office named on the page wins over both
    page.checked_by_name = "KIM Maju Bersama"
    page.save_revision().publish()
    [data] = parse(client.get(page.url)).json_ld
    assert data["author"]["name"] == "KIM Maju Bersama"


@pytest.mark.parametrize(
    "verdict, value", [("hoaks", 1), ("misinformasi", 2), ("benar", 5)]
)
def test_rating_follows_the_verdict(index, client, verdict, value):
    page = make_clarification(index, verdict=verdict)
    [data] = parse(client.get(page.url)).json_ld
    assert data["reviewRating"]["ratingValue"] == value


def test_json_ld_cannot_close_its_script(index, client):
    page = make_clarification(
        index, claim='</script><script>alert("x")</script>', summary="<b>&</b>"
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    [data] = parse(response).json_ld
    assert data["claimReviewed"] == '</script><script>alert("x")</script>'
    assert data["reviewBody"] == "<b>&</b>"


def test_english_translation_names_the_verdict_in_english(index, client, locales):
    page = make_clarification(index, verdict="hoaks")
    with translation.override("en"):
        assert page.get_structured_data()["reviewRating"]["alternateName"] == "Hoax"


def test_whatsapp_share_text_and_link(index, client):
    page = make_clarification(
        index,
        title="Hoaks: vaksin mengandung chip",
        claim="Vaksin berisi chip pelacak & 5G?",
        summary="Tidak benar. Vaksin tidak mengandung chip.",
    )
    parsed = parse(client.get(page.url))
    [text] = parsed.textareas
    assert text.splitlines() == [
        "*Hoaks: vaksin mengandung chip*",
        "HOAKS: «Vaksin berisi chip pelacak & 5G?»",
        "Tidak benar. Vaksin tidak mengandung chip.",
        page.full_url,
    ]
    [wa] = [link for link in parsed.links if link.startswith("https://wa.me/")]
    split = urlsplit(wa)
    assert (split.netloc, split.path) == ("wa.me", "/")
    # The text survives the link whole, "&" and "?" included.
    assert parse_qs(split.query)["text"] == [text]


def test_index_lists_live_public_clarifications(catalogue, index, client):
    assert titles(client, index.url) == set(TITLES)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?verdict=hoaks", {TITLES[0]}),
        ("?verdict=sebagian-benar", {TITLES[1]}),
        ("?verdict=benar", {TITLES[2]}),
        ("?verdict=disinformasi", set()),
        ("?topic=kesehatan", {TITLES[0], TITLES[2]}),
        ("?topic=pertanian", {TITLES[1]}),
        ("?topic=kesehatan&verdict=benar", {TITLES[2]}),
    ],
)
def test_index_filters(catalogue, index, client, query, expected):
    assert titles(client, index.url + query) == expected


@pytest.mark.parametrize(
    "query", ["?verdict=bohong", "?topic=nope", "?verdict[]=x", "?topic=%00"]
)
def test_unknown_filter_values_are_ignored(catalogue, index, client, query):
    assert titles(client, index.url + query) == set(TITLES)


@pytest.mark.parametrize("query", ["?page=abc", "?page=99", "?page=-1"])
def test_malformed_page_number_is_404(catalogue, index, client, query):
    assert client.get(index.url + query).status_code == 404


def test_filtered_index_is_not_indexed_by_search_engines(catalogue, index, client):
    assert b'content="noindex' not in client.get(index.url).content
    assert b'content="noindex' in client.get(index.url + "?verdict=hoaks").content


def test_private_and_draft_clarifications_stay_hidden(catalogue, index, client):
    private = catalogue["vaksin"]
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = catalogue["pupuk"]
    draft.unpublish()
    assert titles(client, index.url) == {TITLES[2]}
    # The private page itself asks for a login, the draft is not found.
    response = client.get(private.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get("/klarifikasi/" + draft.slug + "/").status_code == 404


def test_index_query_count_is_constant(
    index, topics, client, django_assert_max_num_queries
):
    for n in range(3):
        make_clarification(
            index, title=f"Klarifikasi awal {n}", topics=[topics["kesehatan"]]
        )
    with django_assert_max_num_queries(100) as few:
        client.get(index.url)
    for n in range(12):
        make_clarification(
            index, title=f"Klarifikasi lanjut {n}", topics=[topics["kesehatan"]]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(index.url + "?topic=kesehatan").status_code == 200


def test_page_query_count_is_bounded(
    index, topics, client, django_assert_max_num_queries
):
    page = make_clarification(index, topics=[topics["kesehatan"]])
    # the page, its sources and topics, and what every page shows: the
    # portal's menu and identity, and the warning banner
    with django_assert_max_num_queries(14):
        assert client.get(page.url).status_code == 200


def test_api_serves_the_verdict(catalogue, client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "kim_cms.HoaxClarificationPage", "fields": "verdict,claim"},
    )
    if response.status_code == 404:
        pytest.skip("the test site serves no API")
    verdicts = {item["verdict"] for item in response.json()["items"]}
    assert verdicts == {"hoaks", "sebagian-benar", "benar"}
