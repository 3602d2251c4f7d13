"""The training index: filters, search, pagination and query counts."""

import pytest

from tests.factories_training import (
    TrainingIndexPageFactory,
    TrainingMaterialPageFactory,
    TrainingTopicFactory,
    make_material,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(portal):
    return TrainingIndexPageFactory(parent=portal)


@pytest.fixture
def catalogue(index):
    digital = TrainingTopicFactory(name="Literasi digital", slug="literasi-digital")
    disaster = TrainingTopicFactory(name="Mitigasi bencana", slug="mitigasi-bencana")
    return {
        "hoaks": make_material(
            index,
            title="Melawan hoaks",
            material_type="sosialisasi",
            audience="masyarakat",
            level="dasar",
            topics=[digital],
        ),
        "web": make_material(
            index,
            title="Mengelola laman KIM",
            material_type="bimtek",
            audience="kim",
            level="lanjut",
            topics=[digital],
        ),
        "karhutla": make_material(
            index,
            title="Mitigasi kebakaran gambut",
            material_type="pelatihan",
            audience="petani",
            level="menengah",
            topics=[disaster],
        ),
    }


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return {
        t
        for t in ("Melawan hoaks", "Mengelola laman KIM", "Mitigasi kebakaran gambut")
        if t in html
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Melawan hoaks", "Mengelola laman KIM", "Mitigasi kebakaran gambut"}),
        ("?type=bimtek", {"Mengelola laman KIM"}),
        ("?type=sosialisasi", {"Melawan hoaks"}),
        ("?topic=literasi-digital", {"Melawan hoaks", "Mengelola laman KIM"}),
        ("?topic=mitigasi-bencana", {"Mitigasi kebakaran gambut"}),
        ("?audience=petani", {"Mitigasi kebakaran gambut"}),
        ("?level=lanjut", {"Mengelola laman KIM"}),
        ("?topic=literasi-digital&level=dasar", {"Melawan hoaks"}),
    ],
)
def test_filters(catalogue, index, client, query, expected):
    assert titles(client, index.url + query) == expected


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_finds_material_by_its_title(catalogue, index, client):
    assert titles(client, index.url + "?q=gambut") == {"Mitigasi kebakaran gambut"}
    assert titles(client, index.url + "?q=hoaks") == {"Melawan hoaks"}
    assert titles(client, index.url + "?q=hoaks&type=bimtek") == set()


@pytest.mark.parametrize(
    "query",
    [
        "?type=bogus",
        "?topic=tidak-ada",
        "?topic=%00",
        "?audience[]=x",
        "?level=<script>",
        "?q=" + "x" * 500,
        "?q=%00",
        "?type=bimtek&type=pelatihan",
        "?page=1&level=",
    ],
)
def test_malformed_filters_never_break_the_page(catalogue, index, client, query):
    response = client.get(index.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_invalid_values_are_ignored_not_applied(catalogue, index, client):
    everything = {"Melawan hoaks", "Mengelola laman KIM", "Mitigasi kebakaran gambut"}
    assert titles(client, index.url + "?type=bogus") == everything
    assert titles(client, index.url + "?type=bogus&level=lanjut") == {
        "Mengelola laman KIM"
    }


@pytest.mark.parametrize("page", ["0", "2", "999", "abc", "-1", "1.5"])
def test_pages_out_of_range_are_404(catalogue, index, client, page):
    assert client.get(f"{index.url}?page={page}").status_code == 404


def test_pagination_keeps_the_filters(index, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 2
    for n in range(5):
        make_material(index, title=f"Bimtek {n}", material_type="bimtek")
    make_material(index, title="Penyuluhan lain", material_type="sosialisasi")
    html = client.get(index.url + "?type=bimtek").content.decode()
    assert "type=bimtek&amp;page=2" in html
    last = client.get(index.url + "?type=bimtek&page=3").content.decode()
    assert "Halaman 3 dari 3" in last
    assert "Penyuluhan lain" not in last


def test_index_lists_only_live_public_pages_in_its_language(index, client):
    make_material(index, title="Terbit")
    draft = make_material(index, title="Draf")
    draft.unpublish()
    html = client.get(index.url).content.decode()
    assert "Terbit" in html and "Draf" not in html


def test_filtered_listing_is_not_indexed(catalogue, index, client):
    assert (
        'content="noindex, follow"'
        in client.get(index.url + "?type=bimtek").content.decode()
    )
    assert "noindex" not in client.get(index.url).content.decode()


def _add(index, start, count):
    topic = TrainingTopicFactory()
    for n in range(start, start + count):
        page = TrainingMaterialPageFactory.build(title=f"Materi {n}")
        page.topics = [topic]
        index.add_child(instance=page)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.slow
def test_query_count_is_constant_from_10_to_300(index, client):
    _add(index, 0, 10)
    small = _queries(client, index.url + "?topic=&level=dasar")
    _add(index, 10, 290)
    large = _queries(client, index.url + "?topic=&level=dasar")
    assert small == large


def test_index_renders_in_english(index, english_portal, client, locales):
    make_material(index, title="Melawan hoaks")
    english_index = index.copy_for_translation(locales["en"])
    english_index.title = "Training material"
    english_index.save_revision().publish()
    html = client.get(english_index.url).content.decode()
    assert '<html lang="en">' in html
    assert "All types" in html
    assert "0 training materials" in html
