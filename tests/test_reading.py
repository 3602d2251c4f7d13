"""Reading on a phone: folded filters, places as map links, abbreviations
explained, times in the reader's language, one verification note per tip,
and error pages in the reader's language."""

import datetime
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import get_template
from django.test import Client, override_settings
from django.utils import translation

from tests.factories_clarifications import HoaxClarificationIndexPageFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material
from tests.factories_warnings import make_warning_index

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def visible_text(html):
    """The text a reader sees: no tags, no attributes, no head, no scripts."""
    body = html.split("<body", 1)[1]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def dashes(text):
    return re.sub(r"\s*–\s*", " – ", text)


def test_every_listing_folds_its_filters_behind_one_control(portal, directory, client):
    tips = make_tip_index(portal)
    events = CulturalEventIndexPageFactory(parent=portal)
    training = TrainingIndexPageFactory(parent=portal)
    warnings = make_warning_index(portal)
    clarifications = HoaxClarificationIndexPageFactory(parent=portal)
    for index in (directory, tips, events, training, warnings, clarifications):
        html = client.get(index.url).content.decode()
        folded = html.split('<details class="kim-filter-toggle">')[1].split(
            "</details>"
        )[0]
        assert re.search(
            r'<summary class="kim-filter-toggle__summary">\s*Saring', folded
        )
        assert '<form class="kim-filters"' in folded, index
        assert "kim-filter-toggle__active" not in folded
    html = client.get(tips.url + "?subsektor=food-crops").content.decode()
    assert '<span class="kim-filter-toggle__active">aktif</span>' in html
    html = client.get(clarifications.url + "?verdict=hoaks").content.decode()
    assert '<span class="kim-filter-toggle__active">aktif</span>' in html


def test_feeds_say_what_they_are_for(portal, client):
    warnings = make_warning_index(portal)
    html = client.get(warnings.url).content.decode()
    feeds = html.split('<p class="kim-feeds">')[1].split("</p>")[0]
    assert "Peringatan baru di aplikasi pembaca berita (umpan):" in feeds


def test_places_are_map_links_not_numbers(directory, client):
    group = KimGroupPageFactory(
        parent=directory, latitude=Decimal("-3.123456"), longitude=Decimal("114.5")
    )
    html = client.get(group.url).content.decode()
    assert (
        'href="https://www.openstreetmap.org/?mlat=-3.123456&amp;mlon=114.500000'
        in html
    )
    assert "Lihat di peta" in html
    assert "-3.123456" not in visible_text(html)
    assert "-3,123456" not in visible_text(html)


def test_event_places_open_a_map(portal, client):
    index = CulturalEventIndexPageFactory(parent=portal)
    event = CulturalEventPageFactory(
        parent=index, latitude=Decimal("-2.745678"), longitude=Decimal("114.123456")
    )
    html = client.get(event.url).content.decode()
    assert "mlat=-2.745678&amp;mlon=114.123456" in html
    assert 'href="geo:-2.745678,114.123456"' in html
    assert "-2.745678" not in visible_text(html)


def test_abbreviations_are_explained(portal, directory, client):
    group = KimGroupPageFactory(parent=directory, sk_number="141/12/2023")
    html = client.get(group.url).content.decode()
    assert (
        '<dt><abbr title="surat keputusan: keputusan resmi yang mengakui kelompok">'
        "SK</abbr></dt>" in html
    )
    tip = make_tip(
        make_tip_index(portal),
        seasons=",mh,mk1,",
        problem_type="pest-disease",
        pest_name="Wereng",
        pest_severity="high",
    )
    html = client.get(tip.url).content.decode()
    assert '<abbr title="musim hujan: Oktober sampai Maret">MH</abbr>' in html
    assert '<abbr title="musim kemarau I: April sampai Juli">MK I</abbr>' in html
    assert "Hama dan penyakit (<abbr title=" in html
    training = TrainingIndexPageFactory(parent=portal)
    material = make_material(training, material_type="bimtek")
    html = client.get(material.url).content.decode()
    assert (
        '(<abbr title="bimbingan teknis: pelatihan praktik keterampilan teknis">'
        "bimtek</abbr>)" in html
    )


def test_abbreviations_are_explained_in_english(
    portal, english_portal, locales, client
):
    from tests.factories_groups import KimGroupIndexPageFactory

    directory = KimGroupIndexPageFactory(parent=portal)
    english = directory.copy_for_translation(locales["en"])
    english.save_revision().publish()
    group = KimGroupPageFactory(parent=directory, sk_number="141/12/2023")
    english_group = group.copy_for_translation(locales["en"])
    english_group.save_revision().publish()
    html = client.get(english_group.url).content.decode()
    assert (
        'Decree (<abbr title="surat keputusan: the decree that recognises the '
        'group">SK</abbr>)' in html
    )


def test_training_session_times_in_the_readers_language(
    portal, english_portal, locales, client
):
    training = TrainingIndexPageFactory(parent=portal)
    material = make_material(
        training,
        sessions=[
            (
                "schedule",
                {
                    "start": datetime.datetime(2026, 8, 12, 9, tzinfo=WIB),
                    "end": datetime.datetime(2026, 8, 12, 13, 30, tzinfo=WIB),
                    "place": "Aula Desa",
                    "mode": "onsite",
                    "note": "",
                },
            )
        ],
    )
    html = visible_text(client.get(material.url).content.decode())
    assert "Rabu, 12 Agustus 2026, 09.00 – 13.30 WIB" in dashes(html)
    assert "09:00" not in html
    english_training = training.copy_for_translation(locales["en"])
    english_training.save_revision().publish()
    english = material.copy_for_translation(locales["en"])
    english.save_revision().publish()
    html = visible_text(client.get(english.url).content.decode())
    assert "Wednesday, 12 August 2026, 9:00 AM – 1:30 PM WIB" in dashes(html)


def test_a_tip_has_one_verification_note(portal, client):
    from kim_cms.wagtail_admin.roles import record_verification

    tip = make_tip(make_tip_index(portal))
    record_verification(tip, None)
    html = client.get(tip.url).content.decode()
    assert html.count('class="kim-verified') == 1
    assert html.count("Diverifikasi oleh") == 1
    assert "Disetujui terbit oleh" in html


def test_a_missing_page_says_so_in_the_readers_language(english_portal, client):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "<h1>Halaman tidak ditemukan</h1>" in html
    assert 'action="/cari/"' in html  # a search box
    assert "Not Found" not in html
    response = client.get("/en/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html
    assert 'action="/en/cari/"' in html
    assert '<a href="/en/">Go to the home page</a>' in html


@pytest.fixture
def failing_urls():
    with override_settings(ROOT_URLCONF="tests.urls_failing"):
        yield


def test_a_server_error_page_in_the_readers_language(portal, failing_urls):
    client = Client(raise_request_exception=False)
    response = client.get("/rusak/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Situs sedang bermasalah" in html
    response = client.get("/en/rusak/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en">' in html and "The site is having a problem" in html
    assert '<a href="/en/">Go to the home page</a>' in html


@pytest.mark.django_db(databases=[])
def test_the_server_error_page_needs_no_database_and_no_request():
    """Rendered as Django's handler500 does: a plain context, the database
    unreachable (any query fails this test)."""
    with translation.override("id"):
        html = get_template("500.html").render({})
    assert "Situs sedang bermasalah" in html
    assert "<link" not in html and "<img" not in html  # no static file needed


def test_the_warning_banner_link_holds_no_stray_space(portal, client):
    from tests.factories_warnings import make_warning

    make_warning(make_warning_index(portal))
    html = client.get(portal.url).content.decode()
    link = re.search(r'<li class="kim-warning-banner__item[^"]*">\s*(<a .*?</a>)', html)
    assert re.fullmatch(
        r'<a href="[^"]+"><strong class="kim-warning-banner__level">SIAGA</strong>'
        r'<span class="kim-visually-hidden">: </span>'
        r'<span class="kim-warning-banner__headline">Siaga karhutla di Jabiren Raya'
        r"</span></a>",
        link[1],
    ), link[1]


def test_an_evacuation_point_names_its_desa_once_and_its_capacity_clearly(
    portal, client
):
    from tests.factories import DesaFactory
    from tests.factories_warnings import make_guide

    index = make_warning_index(portal)
    garung = DesaFactory(name="Garung")
    other = DesaFactory(name="Bahaur")

    def point(name, desa, capacity):
        return (
            "point",
            {
                "name": name,
                "desa": desa,
                "capacity": capacity,
                "latitude": None,
                "longitude": None,
            },
        )

    guide = make_guide(
        index,
        evacuation_points=[
            point("Balai Desa Garung", garung, 200),
            point("SDN 1", other, 1),
        ],
    )
    html = client.get(guide.url).content.decode()
    points = re.findall(r'<p class="kim-evacuation">(.*?)</p>', html, re.S)
    first, second = (re.sub(r"\s+", " ", p).strip() for p in points)
    kecamatan = garung.kecamatan.name
    assert first == (
        f"<strong>Balai Desa Garung</strong> <span>· Kecamatan {kecamatan}</span> "
        "<span>· kapasitas 200 orang</span>"
    )
    assert "Desa Bahaur, Kecamatan" in second and "kapasitas 1 orang" in second


def test_the_poster_puts_its_address_under_the_code_on_a_phone(portal, client):
    from django.urls import reverse

    from tests.factories_warnings import make_warning

    warning = make_warning(make_warning_index(portal))
    html = client.get(
        reverse("kim_cms_sharing:poster", args=[warning.pk])
    ).content.decode()
    assert ".kim-poster__qr { display: flex; flex-wrap: wrap;" in html
    assert "break-all" not in html
    assert ".kim-poster__url { overflow-wrap: anywhere; }" in html
