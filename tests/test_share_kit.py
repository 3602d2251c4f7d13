"""The share kit on every page: the WhatsApp text and link, the text to copy,
the poster link, and link previews (Open Graph) with an image."""

import datetime
import io
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.models import Site

from kim_cms.demo import pictures
from kim_cms.pages import AspirationPage, KimPortalPage
from kim_cms.snippets.identity import KimSiteIdentity, KimSiteIdentityText
from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_clarifications import (
    HoaxClarificationIndexPageFactory,
    make_clarification,
)
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import (
    KimActivityPageFactory,
    KimGroupIndexPageFactory,
    KimGroupOfficerFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material
from tests.factories_warnings import make_guide, make_warning, make_warning_index
from tests.hostile import HOSTILE, MARKER

pytestmark = pytest.mark.django_db


class ShareParser(HTMLParser):
    """What a link-preview robot and a reader find: meta tags, links, the
    text to copy."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []
        self.textareas = []
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, attrs.get("content"))
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "textarea":
            self._textarea = []

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.textareas.append("".join(self._textarea))
            self._textarea = None


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = ShareParser()
    parser.feed(response.content.decode())
    return parser


def whatsapp_text(parsed):
    [link] = [link for link in parsed.links if link.startswith("https://wa.me/")]
    split = urlsplit(link)
    assert (split.scheme, split.netloc, split.path) == ("https", "wa.me", "/")
    [text] = parse_qs(split.query)["text"]
    return text


def photo(size=(2400, 1600)):
    """A drawn picture as large as a phone's photo."""
    data = pictures.jpeg("rice-field", "share", size)
    return ImageFactory(
        title="Sawah di Maliku",
        description="Petani di sawah hijau",
        file=ImageFile(io.BytesIO(data), name="sawah.jpg"),
    )


# -- the share text, per page type -------------------------------------------


@pytest.fixture
def event(portal):
    index = CulturalEventIndexPageFactory(parent=portal)
    kecamatan = KecamatanFactory(name="Kahayan Tengah")
    return CulturalEventPageFactory(
        parent=index,
        title="Ritual Manyanggar & doa bersama",
        start_date=datetime.date(2031, 7, 4),
        start_time=datetime.time(19, 0),
        time_zone="Asia/Makassar",
        venue="Lapangan Bukit Rawi",
        desa=DesaFactory(name="Bukit Rawi", kecamatan=kecamatan),
        kecamatan=kecamatan,
    )


def test_event_share_text_has_the_date_in_its_zone_the_place_and_the_url(event, client):
    parsed = read(client, event.url)
    [copy] = parsed.textareas
    assert copy.splitlines() == [
        "*Ritual Manyanggar & doa bersama*",
        "Jumat, 4 Juli 2031, 19.00 WITA",
        "Lapangan Bukit Rawi, Bukit Rawi, Kahayan Tengah",
        event.full_url,
    ]
    # the link carries the same text, "&" and all, and no HTML
    assert whatsapp_text(parsed) == copy
    assert "<" not in copy and "&amp;" not in copy


def test_a_cancelled_event_says_so_first(event, client):
    event.status = "cancelled"
    event.status_note = "Hujan deras"
    event.save_revision().publish()
    lines = event.get_share_text().splitlines()
    assert lines[1] == "DIBATALKAN: Hujan deras"


def test_share_text_speaks_the_readers_language(event, client, locales, english_portal):
    english = event.get_parent().copy_for_translation(locales["en"])
    english.save_revision().publish()
    page = event.copy_for_translation(locales["en"])
    page.save_revision().publish()
    text = whatsapp_text(read(client, page.url))
    assert "Friday, 4 July 2031, 7:00 PM WITA" in text
    assert text.endswith(page.full_url)
    assert page.full_url.startswith("http://localhost/en/")


def test_tip_share_text_names_commodity_season_and_months(portal, client):
    tip = make_tip(make_tip_index(portal), seasons="mh", months="10,11,12,1")
    lines = whatsapp_text(read(client, tip.url)).splitlines()
    assert lines[0] == "*Padi di lahan gambut*"
    assert lines[1] == "Padi · MH · Oktober – Januari"
    assert lines[2] == "Cara menanam padi di lahan gambut tanpa membakar."
    assert lines[-1] == tip.full_url


def test_training_share_text_has_the_next_session_and_the_organiser(
    portal, client, settings
):
    start = timezone.now() + datetime.timedelta(days=30)
    past = timezone.now() - datetime.timedelta(days=30)
    session = {"place": "Aula Kantor Camat", "mode": "onsite", "note": ""}
    material = make_material(
        TrainingIndexPageFactory(parent=portal),
        title="Melawan hoaks",
        organiser_name="Diskominfo Pulang Pisau",
        sessions=[
            ("schedule", dict(session, start=past, end=None)),
            ("schedule", dict(session, start=start, end=None)),
        ],
    )
    local = timezone.localtime(start, datetime.timezone(datetime.timedelta(hours=7)))
    lines = whatsapp_text(read(client, material.url)).splitlines()
    assert lines[1].endswith(f"{local:%H.%M} WIB · Aula Kantor Camat")
    assert f" {local.day} " in lines[1]
    assert lines[2] == "Penyelenggara: Diskominfo Pulang Pisau"


def test_warning_share_text_has_level_area_and_validity(portal, client):
    start = timezone.now() - datetime.timedelta(hours=1)
    warning = make_warning(
        make_warning_index(portal),
        valid_from=start,
        valid_until=start + datetime.timedelta(days=2),
    )
    lines = whatsapp_text(read(client, warning.url)).splitlines()
    assert lines[1] == "SIAGA · Kebakaran hutan dan lahan · Jabiren Raya"
    assert lines[2].startswith("Berlaku ")
    assert lines[2].count("WIB") == 2
    warning.cancelled = True
    warning.save_revision().publish()
    assert warning.get_share_text().splitlines()[2] == "DIBATALKAN"


def test_group_share_text_has_its_place_and_no_officers(directory, client):
    kecamatan = KecamatanFactory(name="Kahayan Kuala")
    group = KimGroupPageFactory(
        parent=directory,
        title="KIM Bahaur Bersatu",
        kecamatan=kecamatan,
        desa=DesaFactory(name="Bahaur", kecamatan=kecamatan),
        phone="+62 812 0000 1111",
        email="kim.bahaur@example.org",
    )
    KimGroupOfficerFactory(page=group, name="Siti Aminah", role="ketua")
    KimGroupOfficerFactory(page=group, name="Rahasia", consent_to_publish=False)
    parsed = read(client, group.url)
    text = whatsapp_text(parsed)
    assert text.splitlines() == [
        "*KIM Bahaur Bersatu*",
        "Desa Bahaur, Kecamatan Kahayan Kuala",
        group.full_url,
    ]
    assert "Siti Aminah" in client.get(group.url).content.decode()
    for personal in ("Siti", "Rahasia", "0812", "example.org"):
        assert personal not in text
        assert personal not in parsed.textareas[0]


def test_hostile_title_stays_text_in_the_link_and_the_copy(portal, client):
    index = HoaxClarificationIndexPageFactory(parent=portal)
    page = make_clarification(index, title=HOSTILE[:255], summary=HOSTILE[:300])
    response = client.get(page.url)
    html = response.content.decode()
    assert MARKER not in html
    parsed = ShareParser()
    parsed.feed(html)
    text = whatsapp_text(parsed)
    assert text.splitlines()[0] == f"*{HOSTILE[:255]}*"
    assert parsed.textareas == [text]
    [link] = [link for link in parsed.links if link.startswith("https://wa.me/")]
    assert not set(link) & set("<>\"' ")


def test_every_kim_cms_page_has_the_share_kit(portal, client):
    pages = every_page_type(portal)
    for page in pages:
        parsed = read(client, page.url)
        text = whatsapp_text(parsed)
        assert text.startswith(f"*{page.title}*"), page
        assert text.endswith(page.full_url), page
        # (the aspiration form has a text box of its own before it)
        assert parsed.textareas[-1] == text, page


# -- posters ----------------------------------------------------------------


def poster_link(parsed):
    return [link for link in parsed.links if "/bagikan/poster/" in link]


def test_event_tip_training_and_warning_pages_link_to_their_poster_in_both_languages(
    portal, english_portal, client, locales, event
):
    tip = make_tip(make_tip_index(portal))
    material = make_material(TrainingIndexPageFactory(parent=portal), title="Hoaks")
    warning = make_warning(make_warning_index(portal))
    for page in (event, tip, material, warning):
        parent = page.get_parent().specific
        if parent.get_translation_or_none(locales["en"]) is None:
            parent.copy_for_translation(locales["en"]).save_revision().publish()
        english = page.copy_for_translation(locales["en"])
        english.save_revision().publish()
        for shown, words in ((page, "Pindai"), (english, "Scan")):
            assert poster_link(read(client, shown.url)) == [
                f"/kim-cms/bagikan/poster/{shown.pk}/"
            ], shown
            poster = client.get(f"/kim-cms/bagikan/poster/{shown.pk}/")
            assert poster.status_code == 200
            html = poster.content.decode()
            assert words in html and escape(shown.title) in html
            assert shown.full_url in html


def test_poster_carries_the_district_identity(event, client, locales):
    text = KimSiteIdentityText.objects.create(
        locale=locales["id"],
        district_name="Kabupaten Pulang Pisau",
        office_name="Dinas Komunikasi, Informatika, Persandian dan Statistik",
    )
    KimSiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True),
        text=text,
        logo=ImageFactory(title="Lambang Kabupaten"),
        phone="+62 513 61001",
    )
    html = client.get(f"/kim-cms/bagikan/poster/{event.pk}/").content.decode()
    assert "Kabupaten Pulang Pisau" in html
    assert "Dinas Komunikasi, Informatika, Persandian dan Statistik" in html
    assert 'class="kim-poster__logo"' in html
    assert "+62 513 61001" in html
    assert "Jumat, 4 Juli 2031, 19.00 WITA" in html


def test_pages_without_a_poster_and_private_pages_do_not_link_to_one(
    directory, client, event
):
    from wagtail.models import Page, PageViewRestriction

    from kim_cms.templatetags.kim_share_tags import kim_poster_url

    group = KimGroupPageFactory(parent=directory)
    assert poster_link(read(client, group.url)) == []
    assert client.get(f"/kim-cms/bagikan/poster/{group.pk}/").status_code == 404
    assert kim_poster_url(event) == f"/kim-cms/bagikan/poster/{event.pk}/"
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type="login"
    )
    assert kim_poster_url(Page.objects.get(pk=event.pk).specific) == ""
    restriction.delete()
    event.unpublish()
    assert kim_poster_url(Page.objects.get(pk=event.pk).specific) == ""


# -- link previews ------------------------------------------------------------


def every_page_type(portal):
    """One live page of every kim_cms page type, below ``portal``."""
    directory = KimGroupIndexPageFactory(parent=portal)
    group = KimGroupPageFactory(parent=directory, cover_image=ImageFactory())
    activity = KimActivityPageFactory(parent=group)
    tips = make_tip_index(portal)
    events = CulturalEventIndexPageFactory(parent=portal)
    training = TrainingIndexPageFactory(parent=portal)
    warnings = make_warning_index(portal)
    clarifications = HoaxClarificationIndexPageFactory(parent=portal)
    aspirations = AspirationPage(title="Aspirasi", slug="aspirasi")
    portal.add_child(instance=aspirations)
    aspirations.save_revision().publish()
    return [
        KimPortalPage.objects.get(pk=portal.pk),
        directory,
        group,
        activity,
        tips,
        make_tip(tips),
        events,
        CulturalEventPageFactory(parent=events),
        training,
        make_material(training, title="Literasi digital"),
        warnings,
        make_warning(warnings),
        make_guide(warnings),
        clarifications,
        make_clarification(clarifications),
        aspirations,
    ]


def test_every_page_type_has_open_graph_tags_with_absolute_urls(portal, client):
    for page in every_page_type(portal):
        meta = read(client, page.url).meta
        assert meta["og:title"] == page.title, page
        assert meta["og:url"] == page.full_url, page
        assert meta["og:image"].startswith("http://localhost/"), page
        assert meta["og:image:type"] == "image/jpeg", page
        assert int(meta["og:image:width"]) > 0 and int(meta["og:image:height"]) > 0
        assert meta["og:image:alt"], page
        assert meta["twitter:card"] == "summary_large_image", page


def test_a_page_picture_previews_as_a_small_1200_by_630_jpeg(portal, client):
    index = HoaxClarificationIndexPageFactory(parent=portal)
    page = make_clarification(index, image=photo())
    meta = read(client, page.url).meta
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Petani di sawah hijau"
    path = urlsplit(meta["og:image"]).path
    rendition = page.image.get_rendition("fill-1200x630|format-jpeg")
    assert path == rendition.url
    with rendition.file.open("rb") as file:
        data = file.read()
    assert len(data) < 300 * 1024
    assert PILImage.open(io.BytesIO(data)).format == "JPEG"


def test_without_a_picture_the_district_logo_then_a_default_previews(
    portal, client, locales
):
    index = HoaxClarificationIndexPageFactory(parent=portal)
    page = make_clarification(index)
    meta = read(client, page.url).meta
    assert meta["og:image"] == "http://localhost/static/kim_cms/img/share-default.jpg"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    text = KimSiteIdentityText.objects.create(
        locale=locales["id"], district_name="Kabupaten Pulang Pisau"
    )
    KimSiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True),
        text=text,
        logo=ImageFactory(title="Lambang", description="Lambang Kabupaten"),
    )
    meta = read(client, page.url).meta
    assert meta["og:image"].startswith("http://localhost/media/")
    assert "format-jpeg" in meta["og:image"]
    # in the reader's language, whatever the logo's own description
    assert meta["og:image:alt"] == "Lambang Kabupaten Pulang Pisau"
