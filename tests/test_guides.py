"""Preparedness guides: phases, contacts that dial, evacuation points with map
links, HowTo JSON-LD, and links from warnings of the same hazard."""

import json
import re

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from kim_cms.blocks import tel_href
from kim_cms.pages import PreparednessGuidePage, WarningIndexPage, WarningPage
from tests.factories_warnings import (
    HazardFactory,
    make_guide,
    make_warning,
    make_warning_index,
)
from tests.html import squash

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


def json_ld(html):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in found]


def test_guides_and_warnings_live_under_a_warning_list(index, portal):
    assert PreparednessGuidePage in WarningIndexPage.allowed_subpage_models()
    assert WarningPage in WarningIndexPage.allowed_subpage_models()
    assert not PreparednessGuidePage.can_create_at(portal)


@pytest.mark.parametrize(
    "phone, href",
    [
        ("+62 513 61112", "tel:+6251361112"),
        ("113", "tel:113"),
        ("0813-4567", "tel:08134567"),
    ],
)
def test_phone_links_dial(phone, href):
    assert tel_href(phone) == href


def test_guide_shows_phases_contacts_and_evacuation_points(index, client):
    guide = make_guide(index)
    html = client.get(guide.url).content.decode()
    for heading in (
        "Sebelum",
        "Saat terjadi",
        "Sesudah",
        "Kontak darurat",
        "Titik evakuasi",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert 'href="tel:+6251361112"' in html and 'href="tel:113"' in html
    assert "Balai Desa Garung" in html
    assert "openstreetmap.org/?mlat=-2.951234&amp;mlon=114.052345" in html


def test_poster_is_a_download_with_its_file_type_and_size(index, client):
    from django.core.files.base import ContentFile
    from wagtail.models import Collection, CollectionViewRestriction

    from tests.factories_training import DocumentFactory

    poster = DocumentFactory(
        title="Poster karhutla",
        file=ContentFile(b"%PDF-1.4 " + b"x" * 2039, name="poster-karhutla.pdf"),
    )
    internal = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    draft_poster = DocumentFactory(title="Poster rancangan", collection=internal)
    guide = make_guide(
        index,
        posters=[
            ("poster", {"document": poster, "title": "", "description": "A3"}),
            ("poster", {"document": draft_poster, "title": "", "description": ""}),
        ],
    )
    html = squash(client.get(guide.url).content.decode())
    assert "<h2>Poster</h2>" in html
    link = re.search(r'<a class="kim-download__link" href="([^"]+)" download>', html)
    assert link and link.group(1) == poster.url
    assert 'Poster karhutla</a><span class="kim-download__info">(PDF, 2,0 KB)' in html
    assert '<p class="kim-download__description">A3</p>' in html
    assert client.get(poster.url).status_code == 200
    # a poster in a private collection is shown to nobody who may not read it
    assert "Poster rancangan" not in html


def test_contacts_and_evacuation_points_are_lists(index, client):
    guide = make_guide(index)
    html = squash(client.get(guide.url).content.decode())
    for section, item in (
        ("kim-guide__contacts", "kim-contact"),
        ("kim-guide__evacuation", "kim-evacuation"),
    ):
        part = re.search(f'<section class="{section}">(.*?)</section>', html).group(1)
        items = re.findall(rf'<li><p class="{item}">', part)
        assert part.count("<li>") == len(items) > 0
        assert re.fullmatch(r'<h2>[^<]+</h2><ul class="kim-guide__list">.*</ul>', part)
    assert html.count('<p class="kim-contact">') == 2


def test_map_links_are_never_localized(index, client):
    guide = make_guide(index)
    with translation.override("id"):
        html = client.get(guide.url).content.decode()
    assert "-2,951234" not in html


def test_guide_json_ld_is_a_howto_with_a_section_per_phase(index, client):
    guide = make_guide(index, summary="Asap </script><script>alert(1)</script>")
    html = client.get(guide.url).content.decode()
    assert "</script><script>alert(1)" not in html
    data = json_ld(html)[0]
    assert data["@type"] == "HowTo"
    assert data["description"] == "Asap </script><script>alert(1)</script>"
    assert [s["name"] for s in data["step"]] == ["Sebelum", "Saat terjadi", "Sesudah"]
    assert [s["name"] for s in data["step"][1]["itemListElement"]] == [
        "Pakai masker N95",
        "Tutup jendela",
    ]


def test_warning_links_to_guides_of_its_hazard_only(index, client):
    karhutla = HazardFactory()
    banjir = HazardFactory(name="Banjir", slug="banjir", cap_category="Met")
    guide = make_guide(index, hazard=karhutla)
    make_guide(index, "Panduan banjir", hazard=banjir)
    warning = make_warning(index, hazard=karhutla)
    html = client.get(warning.url).content.decode()
    assert f'href="{guide.url}"' in html
    assert "Panduan banjir" not in html


def test_warning_links_to_a_few_guides_however_many_its_hazard_has(index, client):
    karhutla = HazardFactory()
    for number in range(8):
        make_guide(index, f"Panduan karhutla {number}", hazard=karhutla)
    warning = make_warning(index, hazard=karhutla)
    response = client.get(warning.url)
    titles = [guide.title for guide in response.context["warning_guides"]]
    assert titles == [f"Panduan karhutla {number}" for number in range(5)]
    assert "Panduan karhutla 5" not in response.content.decode()


def test_warning_list_links_to_guides(index, client):
    guide = make_guide(index)
    assert guide.title in client.get(index.url).content.decode()


def test_private_guide_is_not_linked_or_served(index, client):
    guide = make_guide(index)
    PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.LOGIN
    )
    warning = make_warning(index)
    assert guide.title not in client.get(warning.url).content.decode()
    assert guide.title not in client.get(index.url).content.decode()
    assert client.get(guide.url).status_code == 302


def test_draft_guide_is_404(index, client):
    guide = make_guide(index)
    guide.unpublish()
    assert client.get("/peringatan/panduan-siaga-karhutla/").status_code == 404


def test_evacuation_points_cost_the_same_queries_however_many_desa(index, client):
    """Each point names its desa and kecamatan: the desa come in one query
    and their kecamatan in one more, whatever their number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kim_cms.snippets import Desa, Kecamatan

    def points(count):
        found = []
        for number in range(count):
            kecamatan = Kecamatan.objects.create(
                name=f"Kecamatan Uji {count}-{number}",
                code=f"62.98.{count}{number:02d}",
            )
            desa = Desa.objects.create(
                name=f"Desa Uji {count}-{number}",
                kecamatan=kecamatan,
                code=f"62.98.{count}{number:02d}.2001",
            )
            found.append(
                (
                    "point",
                    {
                        "name": f"Balai {number}",
                        "desa": desa,
                        "capacity": 50,
                        "latitude": "-2.95",
                        "longitude": "114.05",
                    },
                )
            )
        return found

    counts = []
    for count in (1, 4):
        guide = make_guide(
            index, title=f"Panduan {count}", evacuation_points=points(count)
        )
        client.get(guide.url)  # warm: the menu, the identity
        with CaptureQueriesContext(connection) as queries:
            html = client.get(guide.url).content.decode()
        assert f"Kecamatan Uji {count}-{count - 1}" in html
        counts.append(len(queries))
    assert counts[0] == counts[1]
