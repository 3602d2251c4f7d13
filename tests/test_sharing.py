"""The share kit: the A4 poster with its QR code, and who may print it."""

import re

import pytest
import segno
from wagtail.models import PageViewRestriction

from tests.factories_clarifications import (
    HoaxClarificationIndexPageFactory,
    make_clarification,
)
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db


def svg_matrix(svg):
    """The dark modules of a segno SVG path, read back into rows of 0/1.
    segno draws each row as horizontal runs: ``M x y`` starts, ``h n`` draws
    ``n`` dark modules, ``m dx dy`` moves (relative)."""
    path = re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    x = y = 0.0
    dark = set()
    for op, args in re.findall(r"([Mmh])([-\d. ]+)", path):
        numbers = [float(n) for n in args.split()]
        if op == "M":
            x, y = numbers
        elif op == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            for i in range(int(numbers[0])):
                dark.add((int(x) + i, int(y)))
            x += numbers[0]
    return dark


def expected_modules(url, border=4):
    qr = segno.make(url, error="m", micro=False)
    return {
        (col + border, row + border)
        for row, line in enumerate(qr.matrix)
        for col, value in enumerate(line)
        if value
    }


@pytest.fixture
def clarification(portal):
    index = HoaxClarificationIndexPageFactory(parent=portal)
    return make_clarification(
        index,
        title="Hoaks: vaksin mengandung chip",
        summary="Tidak benar. Vaksin tidak mengandung chip.",
    )


def poster_url(page):
    return f"/kim-cms/bagikan/poster/{page.pk}/"


def test_poster_shows_title_facts_district_and_a_qr_code_of_the_page(
    clarification, client
):
    response = client.get(poster_url(clarification))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hoaks: vaksin mengandung chip" in html
    assert "Tidak benar. Vaksin tidak mengandung chip." in html
    assert "Dinas Komunikasi dan Informatika" in html
    assert "size: A4" in html
    assert clarification.full_url in html
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    # The QR code read back from the SVG is the code of the page's address.
    assert svg_matrix(svg) == expected_modules(clarification.full_url)
    assert svg_matrix(svg) != expected_modules(clarification.full_url + "x")
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies


def test_poster_speaks_the_language_of_the_page(clarification, client):
    response = client.get(poster_url(clarification))
    assert "Pindai untuk membaca halaman lengkap:" in response.content.decode()


def test_clarification_page_links_to_its_poster(clarification, client):
    html = client.get(clarification.url).content.decode()
    assert f'href="{poster_url(clarification)}"' in html


def test_training_has_a_poster(portal, client):
    index = TrainingIndexPageFactory(parent=portal)
    material = make_material(index, title="Melawan hoaks")
    response = client.get(poster_url(material))
    assert response.status_code == 200
    assert "Melawan hoaks" in response.content.decode()


def test_poster_is_refused_for_private_draft_and_other_pages(
    clarification, portal, client
):
    assert client.get(poster_url(portal)).status_code == 404
    assert client.get("/kim-cms/bagikan/poster/999999/").status_code == 404
    assert client.get("/kim-cms/bagikan/poster/abc/").status_code == 404
    PageViewRestriction.objects.create(page=clarification, restriction_type="login")
    response = client.get(poster_url(clarification))
    assert response.status_code == 404
    assert b"vaksin" not in response.content
    PageViewRestriction.objects.all().delete()
    clarification.unpublish()
    assert client.get(poster_url(clarification)).status_code == 404


def test_poster_costs_few_queries(clarification, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        assert client.get(poster_url(clarification)).status_code == 200
