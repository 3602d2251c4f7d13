"""The portal search at ``<portal>/cari/``: every kim_cms page of the portal's
language, with a type filter, snippets and pagination."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import KimActivityPageFactory, KimGroupPageFactory
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db


def result_titles(html):
    """The titles of the results, in their order, without the <mark>s."""
    titles = re.findall(
        r'<h2 class="kim-result__title"><a href="[^"]*">(.*?)</a>', html
    )
    return [re.sub(r"</?mark>", "", title) for title in titles]


def result_types(html):
    return re.findall(r'<p class="kim-result__type">([^<]*)</p>', html)


@pytest.fixture
def content(portal, directory):
    if connection.vendor == "mysql":
        pytest.skip(
            "MariaDB's full-text index sees only committed rows, and this test "
            "runs in a transaction that is rolled back (see the committed test)"
        )
    group = KimGroupPageFactory(
        parent=directory, title="KIM Tani Makmur", vision="Petani padi yang melek data."
    )
    activity = KimActivityPageFactory(
        parent=group, title="Panen padi bersama", summary="Warga memanen padi."
    )
    tips = make_tip_index(portal)
    tip = make_tip(tips, "Menanam padi di lahan gambut")
    other_tip = make_tip(
        tips,
        "Menyadap karet",
        summary="Sadap karet pagi hari.",
        commodity=CommodityFactory(name="Karet", slug="karet", locale=portal.locale),
        sub_sector="estate-crops",
    )
    events = CulturalEventIndexPageFactory(parent=portal)
    event = CulturalEventPageFactory(
        parent=events, title="Pesta panen padi", summary="Syukuran panen padi."
    )
    training = TrainingIndexPageFactory(parent=portal)
    material = make_material(training, title="Pencatatan hasil padi")
    return {
        "group": group,
        "activity": activity,
        "tip": tip,
        "other_tip": other_tip,
        "event": event,
        "material": material,
        "tips": tips,
    }


def test_one_search_finds_every_kind_of_page(content, client):
    response = client.get("/cari/?q=padi")
    assert response.status_code == 200
    html = response.content.decode()
    assert sorted(result_titles(html)) == sorted(
        [
            "KIM Tani Makmur",
            "Panen padi bersama",
            "Menanam padi di lahan gambut",
            "Pesta panen padi",
            "Pencatatan hasil padi",
        ]
    )
    assert "Menyadap karet" not in html
    assert set(result_types(html)) == {
        "KIM",
        "Laporan kegiatan",
        "Tips pertanian",
        "Agenda budaya",
        "Materi pelatihan",
    }
    assert "5 hasil untuk “padi”" in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert response["X-Robots-Tag"] == "noindex"


@pytest.fixture
def disaster_content(portal):
    from tests.factories_clarifications import (
        HoaxClarificationIndexPageFactory,
        make_clarification,
    )
    from tests.factories_warnings import make_guide, make_warning, make_warning_index

    if connection.vendor == "mysql":
        pytest.skip("MariaDB's full-text index sees only committed rows")
    warnings = make_warning_index(portal)
    warning = make_warning(
        warnings,
        "Siaga kabut asap di Jabiren Raya",
        description="Kabut asap tebal dari lahan gambut yang terbakar.",
    )
    guide = make_guide(
        warnings,
        "Panduan menghadapi kabut asap",
        summary="Apa yang dilakukan keluarga saat kabut asap datang.",
    )
    clarifications = HoaxClarificationIndexPageFactory(parent=portal)
    clarification = make_clarification(
        clarifications,
        title="Benarkah kabut asap bisa diusir dengan garam?",
        claim="Pesan berantai: taburkan garam agar kabut asap hilang.",
        summary="Tidak benar: kabut asap tidak hilang karena garam.",
    )
    return {"warning": warning, "guide": guide, "clarification": clarification}


def test_warnings_guides_and_clarifications_are_found_too(disaster_content, client):
    html = client.get("/cari/?q=kabut asap").content.decode()
    assert sorted(result_titles(html)) == sorted(
        [
            "Siaga kabut asap di Jabiren Raya",
            "Panduan menghadapi kabut asap",
            "Benarkah kabut asap bisa diusir dengan garam?",
        ]
    )
    assert set(result_types(html)) == {
        "Peringatan bencana",
        "Panduan kesiapsiagaan",
        "Klarifikasi hoaks",
    }
    # Each kind can be chosen alone, and its line names what matters.
    html = client.get("/cari/?q=kabut asap&jenis=peringatan").content.decode()
    assert result_titles(html) == ["Siaga kabut asap di Jabiren Raya"]
    meta = html.split('class="kim-card__meta">')[1].split("</p>")[0]
    assert "SIAGA" in meta and "Jabiren Raya" in meta
    html = client.get("/cari/?q=kabut asap&jenis=klarifikasi").content.decode()
    assert result_titles(html) == ["Benarkah kabut asap bisa diusir dengan garam?"]
    meta = html.split('class="kim-card__meta">')[1].split("</p>")[0]
    assert meta.lower().startswith("hoaks")


def test_an_expired_or_cancelled_warning_is_still_found(disaster_content, client):
    """Past warnings stay on record (the warning list shows them too)."""
    warning = disaster_content["warning"]
    warning.cancelled = True
    warning.save_revision().publish()
    html = client.get("/cari/?q=kabut asap&jenis=peringatan").content.decode()
    assert result_titles(html) == ["Siaga kabut asap di Jabiren Raya"]


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_finds_committed_pages_on_every_database(portal, client):
    tips = make_tip_index(portal)
    make_tip(tips, "Menanam padi di lahan gambut")
    training = TrainingIndexPageFactory(parent=portal)
    make_material(training, title="Pencatatan hasil padi")
    html = client.get("/cari/?q=padi&jenis=tips").content.decode()
    assert result_titles(html) == ["Menanam padi di lahan gambut"]
    html = client.get("/cari/?q=padi").content.decode()
    assert sorted(result_titles(html)) == [
        "Menanam padi di lahan gambut",
        "Pencatatan hasil padi",
    ]


def test_every_word_must_match(content, client):
    html = client.get("/cari/?q=padi+gambut").content.decode()
    assert result_titles(html) == ["Menanam padi di lahan gambut"]


def test_type_filter_with_counts(content, client):
    html = client.get("/cari/?q=padi&jenis=tips").content.decode()
    assert result_titles(html) == ["Menanam padi di lahan gambut"]
    nav = html.split('<nav class="kim-search-types"')[1].split("</nav>")[0]
    assert 'aria-current="page">Tips pertanian (1)</a>' in nav
    assert ">Semua (5)</a>" in nav
    assert "/cari/?q=padi&amp;jenis=agenda" in nav


def test_results_show_a_snippet_with_the_words_marked(content, client):
    html = client.get("/cari/?q=karet").content.decode()
    assert (
        '<p class="kim-result__snippet">Sadap <mark>karet</mark> pagi hari.</p>' in html
    )
    # the line under the title, as in listings
    assert "Padi · Tanaman pangan" not in html


def test_snippets_are_escaped(content, client):
    tip = content["other_tip"]
    tip.summary = "<script>alert(1)</script> karet <b>"
    tip.save_revision().publish()
    html = client.get("/cari/?q=karet").content.decode()
    snippet = html.split('<p class="kim-result__snippet">')[1].split("</p>")[0]
    assert (
        snippet == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>karet</mark> &lt;b&gt;"
    )


def test_drafts_and_private_pages_are_never_found(content, client):
    content["event"].unpublish()
    PageViewRestriction.objects.create(page=content["tips"], restriction_type="login")
    PageViewRestriction.objects.create(
        page=content["material"], restriction_type="password", password="rahasia"
    )
    html = client.get("/cari/?q=padi").content.decode()
    assert sorted(result_titles(html)) == ["KIM Tani Makmur", "Panen padi bersama"]
    for title in ("Pesta panen padi", "Menanam padi", "Pencatatan hasil padi"):
        assert title not in html


def test_a_private_portal_keeps_its_search_private(content, portal, client):
    PageViewRestriction.objects.create(page=portal, restriction_type="login")
    response = client.get("/cari/?q=padi")
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]
    assert b"Tani Makmur" not in response.content


def test_english_search_finds_english_pages_only(
    content, english_portal, locales, client
):
    tip = content["tip"]
    english_tips = content["tips"].copy_for_translation(locales["en"])
    english_tips.save_revision().publish()
    english_tip = tip.copy_for_translation(locales["en"])
    english_tip.title = "Growing rice on peat"
    english_tip.summary = "Rice on peat land without burning."
    english_tip.save_revision().publish()
    html = client.get("/en/cari/?q=rice").content.decode()
    assert result_titles(html) == ["Growing rice on peat"]
    assert '<html lang="en">' in html and "1 result for “rice”" in html
    # an Indonesian page with no English translation is not found in English
    assert result_titles(client.get("/en/cari/?q=karet").content.decode()) == []
    assert "Growing rice" not in client.get("/cari/?q=rice").content.decode()
    # the language switcher keeps the search
    html = client.get("/cari/?q=padi").content.decode()
    assert 'href="/en/cari/?q=padi" hreflang="en"' in html


@pytest.mark.parametrize(
    "query",
    [
        "?q=",
        "?q=%00",
        "?q=%22padi*",
        "?q=padi%00&jenis=tips",
        "?q=" + "padi+" * 300,
        "?q=padi&jenis=../../etc",
        "?q=padi&jenis=",
        "?q[]=padi",
        "?jenis=tips",
        "?q=(padi)+OR+1=1--",
        "?q=padi&q=karet",
    ],
)
def test_malformed_queries_give_a_clear_page(content, client, query):
    response = client.get("/cari/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Cari di portal</h1>" in html


@pytest.mark.parametrize("page", ["abc", "0", "-1", "²", "99", "1.5"])
def test_a_bad_page_number_is_a_404(content, client, page):
    assert client.get(f"/cari/?q=padi&page={page}").status_code == 404


def test_an_empty_query_asks_for_words(content, client):
    html = client.get("/cari/").content.decode()
    assert result_titles(html) == []
    assert "Ketik satu kata atau lebih" in html


def test_a_word_nothing_has_says_so(content, client):
    html = client.get("/cari/?q=kelapa").content.decode()
    assert "0 hasil untuk “kelapa”" in html
    assert "Tidak ada yang ditemukan" in html


def test_results_are_paginated(content, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 2
    first = result_titles(client.get("/cari/?q=padi").content.decode())
    second = result_titles(client.get("/cari/?q=padi&page=2").content.decode())
    third = result_titles(client.get("/cari/?q=padi&page=3").content.decode())
    assert len(first) == len(second) == 2 and len(third) == 1
    assert len(set(first + second + third)) == 5
    html = client.get("/cari/?q=padi&jenis=tips").content.decode()
    assert "kim-pagination" not in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(content, client):
    """One query per page type on the page of results, whatever their number:
    the same count for 1 tip as for 13, and at most 14 in all."""
    one_type = count_queries(client, "/cari/?q=padi&jenis=tips")
    index = content["tips"]
    for n in range(12):
        make_tip(index, f"Padi varietas {n}", slug=f"padi-{n}")
    events = content["event"].get_parent()
    for n in range(6):
        CulturalEventPageFactory(
            parent=events,
            title=f"Festival padi {n}",
            start_date=datetime.date.today() + datetime.timedelta(days=n),
        )
    assert count_queries(client, "/cari/?q=padi&jenis=tips") == one_type
    html = client.get("/cari/?q=padi&jenis=tips").content.decode()
    assert "13 hasil untuk" in html and len(result_titles(html)) == 12
    assert count_queries(client, "/cari/?q=padi") <= 14
    assert count_queries(client, "/cari/?q=padi&page=2") <= 14


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's Indonesian stemmer"
)
def test_postgresql_finds_indonesian_words_by_their_stem(content, client, settings):
    """With ``"SEARCH_CONFIG": "indonesian"`` (the test settings on
    PostgreSQL), "penanaman" finds "Menanam padi": both stem to "tanam"."""
    html = client.get("/cari/?q=penanaman").content.decode()
    assert result_titles(html) == ["Menanam padi di lahan gambut"]


def test_pages_named_after_the_words_come_first(portal, client):
    if connection.vendor == "mysql":
        pytest.skip("MariaDB's full-text index sees only committed rows")
    tips = make_tip_index(portal)
    make_tip(
        tips,
        "Beternak itik petelur",
        summary="Beri itik dedak padi dan air bersih setiap hari.",
        commodity=CommodityFactory(name="Itik", slug="itik", locale=portal.locale),
    )
    make_tip(tips, "Padi di lahan gambut", summary="Tanam padi tanpa membakar.")
    html = client.get("/cari/?q=padi").content.decode()
    assert result_titles(html)[0] == "Padi di lahan gambut"
