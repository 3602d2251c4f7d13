import pytest
from wagtail.models import PageViewRestriction

from kim_cms.pages import AgricultureTipPage
from tests.factories import ImageFactory, KecamatanFactory
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def tips(portal):
    index = make_tip_index(portal)
    maliku = KecamatanFactory(name="Maliku")
    kahayan = KecamatanFactory(name="Kahayan Hilir")
    karet = CommodityFactory(name="Karet", slug="karet", locale=portal.locale)
    patin = CommodityFactory(name="Ikan patin", slug="ikan-patin", locale=portal.locale)
    make_tip(
        index,
        "Padi gambut",
        seasons=",mh,",
        months=",11,12,1,2,",
        kecamatan=[maliku],
    )
    make_tip(
        index,
        "Sadap karet",
        commodity=karet,
        sub_sector="estate-crops",
        seasons=",mk1,",
        months=",4,5,6,",
        problem_type="post-harvest",
        kecamatan=[kahayan],
    )
    make_tip(
        index,
        "Kolam patin",
        commodity=patin,
        sub_sector="aquaculture",
        summary="Budidaya ikan patin di kolam terpal.",
        problem_type="pest-disease",
        pest_name="Jamur putih",
        pest_severity="medium",
        seasons=",mk2,",
        months=",8,9,",
    )
    return {"index": index, "maliku": maliku, "kahayan": kahayan}


def titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return sorted(t.title for t in response.context["tips"].object_list)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Kolam patin", "Padi gambut", "Sadap karet"]),
        ("?subsektor=estate-crops", ["Sadap karet"]),
        ("?komoditas=ikan-patin", ["Kolam patin"]),
        ("?masalah=pest-disease", ["Kolam patin"]),
        ("?masalah=post-harvest", ["Sadap karet"]),
        ("?musim=mh", ["Padi gambut"]),
        ("?musim=mk2", ["Kolam patin"]),
        ("?subsektor=food-crops&musim=mk1", []),
    ],
)
def test_filters(tips, client, query, expected):
    assert titles(client, "/tips/" + query) == expected


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_finds_a_tip_by_its_summary(tips, client):
    assert titles(client, "/tips/?q=terpal") == ["Kolam patin"]
    assert titles(client, "/tips/?q=terpal&musim=mh") == []


def test_kecamatan_filter_includes_district_wide_tips(tips, client):
    maliku = tips["maliku"].pk
    # Kolam patin has no kecamatan: it applies to the whole district
    assert titles(client, f"/tips/?kecamatan={maliku}") == [
        "Kolam patin",
        "Padi gambut",
    ]
    kahayan = tips["kahayan"].pk
    assert titles(client, f"/tips/?kecamatan={kahayan}") == [
        "Kolam patin",
        "Sadap karet",
    ]


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, ["Padi gambut"]),
        (11, ["Padi gambut"]),
        (2, ["Padi gambut"]),
        (3, []),
        (5, ["Sadap karet"]),
        (9, ["Kolam patin"]),
    ],
)
def test_in_season_now_filter_across_the_year_boundary(
    tips, client, monkeypatch, month, expected
):
    monkeypatch.setattr("kim_cms.pages.tips.seasons.current_month", lambda: month)
    assert titles(client, "/tips/?musim_ini=on") == expected


def test_in_season_now_includes_year_round_tips(tips, client, monkeypatch):
    make_tip(tips["index"], "Pemasaran daring", months="", seasons="")
    monkeypatch.setattr("kim_cms.pages.tips.seasons.current_month", lambda: 3)
    assert titles(client, "/tips/?musim_ini=on") == ["Pemasaran daring"]


@pytest.mark.parametrize(
    "query",
    [
        "?subsektor=bogus",
        "?komoditas=%00",
        "?komoditas=tidak-ada",
        "?masalah[]=x",
        "?musim=mk9",
        "?kecamatan=abc",
        "?kecamatan=99999999999999999999999",
        "?kecamatan=-1",
        "?musim_ini=maybe",
        "?q=" + "x" * 500,
        "?q=%27%22%3C%3E",
        "?subsektor=food-crops&subsektor=horticulture",
    ],
)
def test_malformed_filters_never_fail(tips, client, query):
    response = client.get("/tips/" + query)
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc", "1.5"])
def test_page_out_of_range_is_404(tips, client, page):
    assert client.get(f"/tips/?page={page}").status_code == 404


def test_page_number_with_nul_is_ignored(tips, client):
    # a parameter holding NUL is dropped before the page reads it
    assert client.get("/tips/?page=%00").status_code == 200


def test_pagination_keeps_filters(tips, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 1
    html = client.get("/tips/?subsektor=&q=").content.decode()
    assert "page=2" in html
    response = client.get("/tips/?page=3")
    assert response.status_code == 200
    assert len(response.context["tips"].object_list) == 1
    html = client.get("/tips/?musim=mh").content.decode()
    assert "page=2" not in html


def test_index_lists_only_live_public_tips(tips, client):
    draft = make_tip(tips["index"], "Draf", publish=False)
    private = make_tip(tips["index"], "Rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    names = titles(client, "/tips/")
    assert draft.title not in names
    assert private.title not in names


def test_index_renders_in_english_with_english_tips_only(
    tips, english_portal, client, locales
):
    index = tips["index"]
    en_index = index.copy_for_translation(locales["en"])
    en_index.title = "Farming tips"
    en_index.save_revision().publish()
    tip = AgricultureTipPage.objects.get(title="Padi gambut")
    en_tip = tip.copy_for_translation(locales["en"])
    en_tip.title = "Rice on peat"
    en_tip.save_revision().publish()
    response = client.get(en_index.url)
    assert response.status_code == 200
    assert [t.title for t in response.context["tips"].object_list] == ["Rice on peat"]
    html = response.content.decode()
    assert "Show tips" in html
    assert "In season now" in html
    indonesian = client.get("/tips/").content.decode()
    assert "Rice on peat" not in indonesian


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches and image renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.slow
def test_listing_query_count_is_constant_from_10_to_300_tips(portal, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 12
    index = make_tip_index(portal)
    image = ImageFactory()
    karet = CommodityFactory(name="Karet", slug="karet", locale=index.locale)
    kec = KecamatanFactory(name="Jabiren Raya")
    first = make_tip(
        index,
        "Tip 0",
        steps=1,
        commodity=karet,
        months=",1,2,",
        seasons=",mh,",
        kecamatan=[kec],
        image=image,
    )

    def grow_to(n):
        for i in range(AgricultureTipPage.objects.count(), n):
            first.copy(
                update_attrs={"title": f"Tip {i}", "slug": f"tip-{i}"}, keep_live=True
            )

    urls = [
        "/tips/",
        f"/tips/?musim=mh&komoditas=karet&kecamatan={kec.pk}&musim_ini=on",
        "/tips/?q=Tip&page=1",
    ]
    grow_to(10)
    small = [_queries(client, url) for url in urls]
    grow_to(300)
    large = [_queries(client, url) for url in urls]
    assert small == large
    assert max(large) <= 24
