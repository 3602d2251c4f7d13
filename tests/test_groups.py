"""KIM groups: directory, profiles, activity reports."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kim_cms.pages import KimActivityPage, KimGroupIndexPage, KimGroupPage
from kim_cms.pages.sections import get_portal_sections
from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_groups import (
    FocusAreaFactory,
    KimActivityPageFactory,
    KimGroupOfficerFactory,
    KimGroupPageFactory,
)

pytestmark = pytest.mark.django_db


def json_ld(html):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(block) for block in found]


@pytest.fixture
def bahaur(directory):
    kecamatan = KecamatanFactory(name="Kahayan Kuala", code="62.11.02")
    desa = DesaFactory(name="Bahaur", kecamatan=kecamatan)
    group = KimGroupPageFactory(
        parent=directory,
        title="KIM Bahaur Bersatu",
        slug="kim-bahaur",
        kecamatan=kecamatan,
        desa=desa,
        sk_number="141/12/2023",
        sk_date=datetime.date(2023, 3, 1),
        founding_date=datetime.date(2023, 2, 1),
        mission="Menyebarkan informasi\nMelawan hoaks",
        email="kim.bahaur@example.org",
        latitude=Decimal("-3.123456"),
        longitude=Decimal("114.123456"),
        facebook="https://facebook.com/kimbahaur",
    )
    KimGroupOfficerFactory(page=group, name="Siti Aminah", role="ketua")
    KimGroupOfficerFactory(
        page=group, name="Rahasia Pribadi", role="sekretaris", consent_to_publish=False
    )
    group.focus_areas.add(FocusAreaFactory(name="Pertanian", slug="pertanian"))
    group.save()
    return group


# -- creation rules ---------------------------------------------------------


def test_page_types_are_creatable_only_where_allowed(portal, directory, bahaur):
    assert KimGroupIndexPage.can_create_at(portal)
    assert KimGroupPage.can_create_at(directory)
    assert not KimGroupPage.can_create_at(portal)
    assert KimActivityPage.can_create_at(bahaur)
    assert not KimActivityPage.can_create_at(directory)
    assert not KimActivityPage.can_create_at(portal)
    activity = KimActivityPageFactory(parent=bahaur)
    assert not KimGroupPage.can_create_at(activity)
    assert not KimActivityPage.can_create_at(activity)


def test_editor_creates_group_in_admin(directory, admin_client):
    kecamatan = KecamatanFactory(name="Maliku")
    desa = DesaFactory(name="Garantung", kecamatan=kecamatan)
    url = f"/admin/pages/add/kim_cms/kimgrouppage/{directory.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "KIM Garantung",
            "slug": "kim-garantung",
            "desa": desa.pk,
            "status": "active",
            "description": streamfield([]),
            "officers": inline_formset(
                [{"name": "Budi", "role": "ketua", "consent_to_publish": "on"}]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    group = KimGroupPage.objects.get(slug="kim-garantung")
    assert group.kecamatan == kecamatan  # filled in from the desa
    assert group.officers.get().name == "Budi"


def test_group_form_explains_errors_in_words(directory, admin_client):
    other = KecamatanFactory(name="Sebangau Kuala")
    desa = DesaFactory(name="Garantung", kecamatan=KecamatanFactory(name="Maliku"))
    url = f"/admin/pages/add/kim_cms/kimgrouppage/{directory.pk}/"
    data = nested_form_data(
        {
            "title": "KIM Salah",
            "slug": "kim-salah",
            "kecamatan": other.pk,
            "desa": desa.pk,
            "status": "active",
            "latitude": "120",
            "founding_date": "2024-01-01",
            "sk_date": "2023-01-01",
            "description": streamfield([]),
            "officers": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "Desa Garantung tidak berada di Kecamatan Sebangau Kuala." in errors["desa"]
    assert "latitude" in errors
    assert errors["sk_date"] == ["Tanggal SK tidak boleh sebelum tanggal KIM dibentuk."]
    assert not KimGroupPage.objects.filter(slug="kim-salah").exists()


# -- the profile ------------------------------------------------------------


def test_group_page_renders_profile_without_officers_who_did_not_consent(
    bahaur, client
):
    KimActivityPageFactory(parent=bahaur, title="Sosialisasi hoaks")
    html = client.get(bahaur.url).content.decode()
    assert "<h1>KIM Bahaur Bersatu</h1>" in html
    assert "Desa Bahaur, Kecamatan Kahayan Kuala" in html
    assert "141/12/2023" in html
    assert "Siti Aminah" in html and "Ketua" in html
    assert "Rahasia Pribadi" not in html
    assert "<li>Melawan hoaks</li>" in html
    assert "Sosialisasi hoaks" in html
    assert "Pertanian" in html
    # coordinates in machine format in the Indonesian locale
    assert 'data-latitude="-3.123456"' in html
    assert "mlat=-3.123456&amp;mlon=114.123456" in html


def test_group_page_renders_in_english(bahaur, english_portal, locales, client):
    english_directory = bahaur.get_parent().specific.copy_for_translation(locales["en"])
    english_directory.save_revision().publish()
    english = bahaur.copy_for_translation(locales["en"])
    english.title = "KIM Bahaur United"
    english.save_revision().publish()
    area = FocusAreaFactory(name="Pertanian", slug="pertanian").copy_for_translation(
        locales["en"]
    )
    area.name = "Agriculture"
    area.save()
    from django.core.cache import cache

    cache.clear()  # the site root paths were cached before the translations
    english = KimGroupPage.objects.get(pk=english.pk)
    english_directory = KimGroupIndexPage.objects.get(pk=english_directory.pk)
    assert english.url.startswith("/en/")
    html = client.get(english.url).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>KIM Bahaur United</h1>" in html
    assert "Chair" in html
    assert "Agriculture" in html
    assert "Rahasia Pribadi" not in html
    # The place in English words; the names stay as they are.
    assert "Bahaur village, Kahayan Kuala sub-district" in html
    assert "Desa Bahaur" not in html
    html = client.get(english_directory.url).content.decode()
    assert "KIM Bahaur United" in html
    assert "Bahaur village, Kahayan Kuala sub-district" in html
    assert "KIM Bahaur Bersatu" not in html


def test_group_json_ld_is_an_organization_matching_the_page(bahaur, client):
    bahaur.logo = ImageFactory()
    bahaur.save()
    html = client.get(bahaur.url).content.decode()
    (data,) = json_ld(html)
    assert data["@type"] == "Organization"
    assert data["name"] == "KIM Bahaur Bersatu"
    assert data["url"] == "http://localhost/direktori/kim-bahaur/"
    assert data["foundingDate"] == "2023-02-01"
    assert data["address"]["addressLocality"] == "Bahaur"
    assert data["address"]["addressRegion"] == "Kahayan Kuala"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": -3.123456,
        "longitude": 114.123456,
    }
    assert data["sameAs"] == ["https://facebook.com/kimbahaur"]
    assert data["logo"].startswith("http")
    names = [m["member"]["name"] for m in data["member"]]
    assert names == ["Siti Aminah"]


def test_json_ld_cannot_be_broken_out_of(bahaur, client):
    bahaur.title = "KIM </script><script>alert(1)</script>"
    bahaur.save()
    html = client.get(bahaur.url).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)[0]["name"] == bahaur.title


def test_group_social_image_is_cover_then_logo(bahaur, client):
    logo, cover = ImageFactory(), ImageFactory()
    bahaur.logo = logo
    bahaur.save()
    assert bahaur.get_social_image() == logo
    bahaur.cover_image = cover
    bahaur.save()
    assert bahaur.get_social_image() == cover
    html = client.get(bahaur.url).content.decode()
    assert '<meta property="og:image"' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_group_lists_pages_it_authored(bahaur, portal, client):
    from wagtail.models import PageViewRestriction

    from kim_cms.pages import AgricultureTipPage
    from kim_cms.pages.base import KimGroupAuthoredMixin
    from tests.factories_events import (
        CulturalEventIndexPageFactory,
        CulturalEventPageFactory,
    )
    from tests.factories_tips import make_tip, make_tip_index
    from tests.factories_training import TrainingIndexPageFactory, make_material

    models = bahaur.get_authored_models()
    assert models and all(issubclass(m, KimGroupAuthoredMixin) for m in models)
    tips = make_tip_index(portal)
    make_tip(tips, "Tip lama", kim_group=bahaur, image=ImageFactory())
    make_tip(tips, "Tip baru", kim_group=bahaur)
    make_tip(tips, "Tip draf", kim_group=bahaur, publish=False)
    make_tip(tips, "Tip kelompok lain")
    training = TrainingIndexPageFactory(parent=portal)
    make_material(training, title="Pelatihan terbuka", kim_group=bahaur)
    private = make_material(training, title="Pelatihan tertutup", kim_group=bahaur)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    events = CulturalEventIndexPageFactory(parent=portal)
    CulturalEventPageFactory(
        parent=events,
        title="Festival desa",
        kim_group=bahaur,
        start_date=datetime.date.today() + datetime.timedelta(days=5),
        venue="Balai Desa Bahaur",
    )
    html = client.get(bahaur.url).content.decode()
    for title in ("Tips pertanian dan perikanan", "Pelatihan", "Acara budaya"):
        assert f"<h2>{title}</h2>" in html
    assert html.index("Tip baru") < html.index("Tip lama")  # newest first
    assert "Padi ·" in html  # the tip's card shows its commodity
    assert "Pelatihan terbuka" in html and "Festival desa" in html
    assert "Balai Desa Bahaur" in html  # the event's card
    for hidden in ("Tip draf", "Tip kelompok lain", "Pelatihan tertutup"):
        assert hidden not in html
    sections = {s["model"]: s["pages"] for s in bahaur.get_authored_sections()}
    assert [type(p) for p in sections[AgricultureTipPage]] == [AgricultureTipPage] * 2
    assert [p.title for p in sections[AgricultureTipPage]] == ["Tip baru", "Tip lama"]


def test_pages_under_the_profile_or_credited_are_each_listed_once(bahaur, portal):
    """What a group authored: the pages credited to it anywhere, and those
    published under its profile; a page that is both is listed once."""
    from kim_cms.pages import AgricultureTipPage
    from tests.factories_tips import make_tip, make_tip_index

    make_tip(bahaur, "Tip di profil")
    make_tip(bahaur, "Tip di profil dan dikreditkan", kim_group=bahaur)
    make_tip(make_tip_index(portal), "Tip dikreditkan", kim_group=bahaur)
    sections = {s["model"]: s["pages"] for s in bahaur.get_authored_sections()}
    assert sorted(page.title for page in sections[AgricultureTipPage]) == [
        "Tip di profil",
        "Tip di profil dan dikreditkan",
        "Tip dikreditkan",
    ]


def test_group_page_queries_do_not_grow_with_authored_pages(bahaur, portal, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
    from tests.factories_training import TrainingIndexPageFactory, make_material

    tips = make_tip_index(portal)
    training = TrainingIndexPageFactory(parent=portal)

    def authored(count):
        for n in range(count):
            commodity = CommodityFactory(locale=bahaur.locale)
            make_tip(
                tips,
                f"Tip {count} {n}",
                kim_group=bahaur,
                commodity=commodity,
                image=ImageFactory(),
            )
            make_material(
                training,
                title=f"Materi {count} {n}",
                kim_group=bahaur,
                image=ImageFactory(),
            )
        client.get(bahaur.url)  # renditions
        with CaptureQueriesContext(connection) as queries:
            html = client.get(bahaur.url).content.decode()
        return len(queries), html

    few, _html = authored(1)
    many, html = authored(6)
    assert html.count('class="kim-card"') == 14
    assert few == many


def _group_page_queries(group, client, officers, reports):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _n in range(officers):
        KimGroupOfficerFactory(page=group, photo=ImageFactory())
    for _n in range(reports):
        KimActivityPageFactory(parent=group, cover_image=ImageFactory())
    client.get(group.url)  # renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(group.url)
    assert response.status_code == 200
    return len(queries), response


def test_group_page_query_count_with_many_officers_and_reports(
    bahaur, client, rf, django_assert_max_num_queries
):
    bahaur.logo = ImageFactory()
    bahaur.cover_image = ImageFactory()
    bahaur.save()
    few, _response = _group_page_queries(bahaur, client, 1, 1)
    many, response = _group_page_queries(bahaur, client, 19, 19)
    assert few == many
    assert many <= 14  # the whole request (see test_query_budget.py)
    assert response.content.decode().count('class="kim-card"') == 12
    assert response.content.decode().count("<strong>Pengurus") == 20
    # What the profile itself adds, loaded outside serving (without the
    # routing's lineage and select_related): lineage, region, images,
    # officers, focus areas, activity reports, authored pages, renditions,
    # whatever the number of authored page types.
    page = KimGroupPage.objects.get(pk=bahaur.pk)
    request = rf.get(page.url)
    request.user = None
    with django_assert_max_num_queries(8):
        page.get_context(request)


# -- activity reports -------------------------------------------------------


def test_activity_page_renders(bahaur, client):
    activity = KimActivityPageFactory(
        parent=bahaur,
        title="Pelatihan jurnalisme warga",
        place="Balai Desa Bahaur",
        date=datetime.date(2024, 8, 17),
        cover_image=ImageFactory(),
    )
    html = client.get(activity.url).content.decode()
    assert "<h1>Pelatihan jurnalisme warga</h1>" in html
    assert "17 Agustus 2024" in html
    assert 'datetime="2024-08-17"' in html
    assert "KIM Bahaur Bersatu" in html


# -- the directory ----------------------------------------------------------


@pytest.fixture
def groups(directory):
    hilir = KecamatanFactory(name="Kahayan Hilir")
    maliku = KecamatanFactory(name="Maliku")
    pulang_pisau = DesaFactory(name="Pulang Pisau", kecamatan=hilir)
    garantung = DesaFactory(name="Garantung", kecamatan=maliku)
    tani = FocusAreaFactory(name="Pertanian", slug="pertanian")
    a = KimGroupPageFactory(
        parent=directory, title="KIM Pulang Pisau", kecamatan=hilir, desa=pulang_pisau
    )
    a.focus_areas.add(tani)
    a.save()
    b = KimGroupPageFactory(
        parent=directory,
        title="KIM Garantung",
        kecamatan=maliku,
        desa=garantung,
        status="inactive",
    )
    return {"a": a, "b": b, "hilir": hilir, "maliku": maliku, "garantung": garantung}


def titles(response):
    return re.findall(
        r'class="kim-card__title"><a href="[^"]*">([^<]*)<', response.content.decode()
    )


def test_directory_filters(directory, groups, client):
    url = directory.url
    assert titles(client.get(url)) == ["KIM Garantung", "KIM Pulang Pisau"]
    assert titles(client.get(url, {"kecamatan": groups["maliku"].pk})) == [
        "KIM Garantung"
    ]
    assert titles(client.get(url, {"desa": groups["garantung"].pk})) == [
        "KIM Garantung"
    ]
    assert titles(client.get(url, {"fokus": "pertanian"})) == ["KIM Pulang Pisau"]
    assert titles(client.get(url, {"status": "inactive"})) == ["KIM Garantung"]
    assert titles(client.get(url, {"q": "garan"})) == ["KIM Garantung"]
    assert titles(client.get(url, {"q": "Kahayan"})) == ["KIM Pulang Pisau"]


def test_directory_shows_desa_choice_once_a_kecamatan_is_chosen(
    directory, groups, client
):
    html = client.get(directory.url).content.decode()
    assert 'name="desa"' not in html
    html = client.get(directory.url, {"kecamatan": groups["maliku"].pk}).content
    assert b'name="desa"' in html and b"Garantung" in html


@pytest.mark.parametrize(
    "params",
    [
        {"kecamatan": "abc"},
        {"kecamatan": "999999"},
        {"desa": "1.5"},
        {"fokus": "<script>"},
        {"status": "bogus"},
        {"q": "x" * 500},
        {"q": '"(*'},
        {"page": ""},
        {"kecamatan": ["1", "x"]},
        {"unknown": "1"},
    ],
)
def test_directory_never_fails_on_malformed_parameters(
    directory, groups, client, params
):
    assert client.get(directory.url, params).status_code == 200


@pytest.mark.parametrize("number", ["0", "2", "99", "-1", "abc", "²"])
def test_directory_page_out_of_range_is_not_found(directory, groups, client, number):
    assert client.get(directory.url, {"page": number}).status_code == 404


def test_directory_paginates(directory, client, settings):
    settings.KIM_CMS_PAGE_SIZE = 2
    for _n in range(5):
        KimGroupPageFactory(parent=directory)
    html = client.get(directory.url, {"page": "3", "status": "active"}).content.decode()
    assert html.count('class="kim-card kim-card--group"') == 1
    assert "?status=active&amp;page=2" in html


def test_directory_hides_drafts_and_private_groups(directory, groups, client):
    groups["b"].unpublish()
    assert titles(client.get(directory.url)) == ["KIM Pulang Pisau"]


def _directory_queries(directory, client, count, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kecamatan = KecamatanFactory(name="Pandih Batu")
    area = FocusAreaFactory(name="Mitigasi bencana", slug="mitigasi")
    existing = KimGroupPage.objects.count()
    for _n in range(count - existing):
        group = KimGroupPageFactory(
            parent=directory,
            kecamatan=kecamatan,
            desa=DesaFactory(kecamatan=kecamatan),
            logo=ImageFactory(),
        )
        group.focus_areas.add(area)
        group.save()
    client.get(directory.url)  # generates the renditions
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(directory.url).status_code == 200
    return len(queries)


@pytest.mark.slow
def test_directory_query_count_is_constant(
    directory, client, django_assert_max_num_queries
):
    few = _directory_queries(directory, client, 10, django_assert_max_num_queries)
    many = _directory_queries(directory, client, 300, django_assert_max_num_queries)
    assert few == many
    with django_assert_max_num_queries(few):
        client.get(directory.url)


# -- the portal section -----------------------------------------------------


def test_portal_lists_latest_groups(portal, groups, client):
    assert "groups" in [s.key for s in get_portal_sections()]
    html = client.get(portal.url).content.decode()
    assert "KIM Pulang Pisau" in html
    assert 'href="/direktori/"' in html


def test_portal_section_is_constant_in_queries(portal, directory, client):
    section = next(s for s in get_portal_sections() if s.key == "groups")
    for _n in range(5):
        KimGroupPageFactory(parent=directory, logo=ImageFactory())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        items = section.items(portal, None, 3)
        [item.get_card_image() for item in items]
    assert len(items) == 3
    assert len(few) <= 3


# -- admin ------------------------------------------------------------------


def test_focus_areas_are_in_the_kim_menu(admin_client, locales):
    FocusAreaFactory(name="Pertanian", slug="pertanian")
    response = admin_client.get("/admin/snippets/kim_cms/focusarea/")
    assert response.status_code == 200
    assert "Pertanian" in response.content.decode()
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/snippets/kim_cms/focusarea/" in html


def test_focus_area_admin_is_refused_without_permission(
    client, locales, django_user_model
):
    response = client.get("/admin/snippets/kim_cms/focusarea/")
    assert response.status_code == 302
    user = django_user_model.objects.create_user("editor", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get("/admin/snippets/kim_cms/focusarea/")
    assert response.status_code in (302, 403)


def test_focus_area_slug_is_unique_per_language(locales):
    from django.db import IntegrityError

    FocusAreaFactory(name="Pertanian", slug="pertanian")
    with pytest.raises(IntegrityError):
        from kim_cms.snippets import FocusArea

        FocusArea.objects.create(name="Tani", slug="pertanian", locale=locales["id"])


def test_which_pages_a_group_authored_is_kept_until_a_change(bahaur, portal, client):
    """The profile's authored pages are found by one union query, kept with
    the page cache's generation: the next visit runs none; a newly credited
    tip shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories_tips import make_tip, make_tip_index

    tips = make_tip_index(portal)
    make_tip(tips, "Tip lama", kim_group=bahaur)

    def visit():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(bahaur.url).content.decode()
        return html, [q["sql"] for q in queries if " UNION " in q["sql"].upper()]

    html, unions = visit()
    assert "Tip lama" in html and len(unions) == 1
    again, unions = visit()
    assert again == html and unions == []
    make_tip(tips, "Tip baru", kim_group=bahaur)
    html, unions = visit()
    assert html.index("Tip baru") < html.index("Tip lama") and len(unions) == 1


def test_a_profiles_lists_are_kept_until_a_change(bahaur, portal, client):
    """``{% kim_kept page %}``: the profile's officers, focus areas, reports
    and authored pages are rendered once per generation; the next visit
    reads none of them; a new report shows at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories_groups import KimActivityPageFactory

    KimActivityPageFactory(parent=bahaur, title="Gotong royong pasar")
    listed = [
        connection.ops.quote_name(table)
        for table in (
            "kim_cms_kimactivitypage",
            "kim_cms_kimgroupofficer",
            "kim_cms_focusarea",
        )
    ]

    def visit():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(bahaur.url).content.decode()
        return html, [q["sql"] for q in queries if any(t in q["sql"] for t in listed)]

    html, read = visit()
    assert "Gotong royong pasar" in html and read
    again, read = visit()
    assert again == html and read == []
    KimActivityPageFactory(parent=bahaur, title="Pelatihan menulis berita")
    html, read = visit()
    assert "Pelatihan menulis berita" in html and "Gotong royong pasar" in html
