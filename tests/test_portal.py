import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kim_cms.pages import KimPortalPage
from tests.factories import ImageFactory, KimPortalPageFactory
from tests.testapp.models import BrandedPortalPage, DistrictPortalPage

pytestmark = pytest.mark.django_db


def test_portal_renders_in_indonesian(portal, client):
    response = client.get(portal.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "<h1>Portal KIM Pulang Pisau</h1>" in html
    assert "Kabupaten Pulang Pisau" in html
    assert "diskominfo@example.go.id" in html
    assert "kim_cms/css/kim_cms.css" in html


def test_portal_renders_in_english_under_en_prefix(english_portal, client):
    assert english_portal.url.startswith("/en/")
    response = client.get(english_portal.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Pulang Pisau KIM portal</h1>" in html
    # the interface strings come from the English catalogue
    assert "Skip to content" in html


def test_interface_strings_are_indonesian_on_indonesian_pages(portal, client):
    html = client.get(portal.url).content.decode()
    assert "Lewati ke isi" in html
    assert "Telepon" in html


def test_language_switcher_and_hreflang_link_translations(english_portal, portal):
    html = Client().get(portal.url).content.decode()
    assert 'hreflang="en" href="http://localhost/en/"' in html
    assert 'hreflang="id" href="http://localhost/"' in html
    assert 'hreflang="x-default" href="http://localhost/"' in html
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


def test_open_graph_and_canonical(portal, client):
    portal.hero_image = ImageFactory()
    portal.search_description = "Informasi KIM se-Kabupaten Pulang Pisau"
    portal.save_revision().publish()
    html = client.get(portal.url).content.decode()
    assert '<link rel="canonical" href="http://localhost/">' in html
    assert '<meta property="og:title" content="Portal KIM Pulang Pisau">' in html
    assert 'content="Informasi KIM se-Kabupaten Pulang Pisau"' in html
    assert '<meta property="og:image" content="http://testserver/media/' in html or (
        '<meta property="og:image" content="http://localhost/media/' in html
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_portal_is_creatable_under_any_page(root_page, locales, admin_client):
    from wagtail.test.utils import WagtailTestUtils  # noqa: F401

    assert KimPortalPage.can_create_at(root_page)
    home = Page.objects.get(depth=2)
    assert KimPortalPage.can_create_at(home)


def test_editor_creates_portal_in_admin(root_page, locales, admin_client):
    home = Page.objects.get(depth=2)
    url = f"/admin/pages/add/kim_cms/kimportalpage/{home.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Portal KIM",
            "slug": "kim",
            "district_name": "Kabupaten Pulang Pisau",
            "introduction": streamfield(
                [("paragraph", rich_text("<p>Selamat datang di portal KIM.</p>"))]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = KimPortalPage.objects.get(slug="kim")
    assert page.live
    html = admin_client.get(page.url).content.decode()
    assert "Selamat datang di portal KIM." in html


def test_district_name_is_required(root_page, locales, admin_client):
    home = Page.objects.get(depth=2)
    url = f"/admin/pages/add/kim_cms/kimportalpage/{home.pk}/"
    data = nested_form_data(
        {
            "title": "Portal",
            "slug": "portal",
            "introduction": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "district_name" in response.context["form"].errors
    assert not KimPortalPage.objects.filter(slug="portal", live=True).exists()


def test_subclass_without_template_renders_with_kim_cms_template(portal, client):
    page = DistrictPortalPage(
        title="Portal Kabupaten", slug="kabupaten", district_name="Kabupaten Kapuas"
    )
    portal.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(page.get_url())
    assert response.status_code == 200
    assert "<h1>Portal Kabupaten</h1>" in response.content.decode()
    names = [t.name for t in response.templates]
    assert "kim_cms/pages/kim_portal_page.html" in names


def test_subclass_with_own_template_uses_it(portal, client):
    page = BrandedPortalPage(title="Bermerek", slug="bermerek", district_name="X")
    portal.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.get_url()).content.decode()
    assert '<h1 class="branded">Bermerek</h1>' in html


def test_base_template_setting_swaps_the_outer_layout(portal, client, settings):
    settings.KIM_CMS_BASE_TEMPLATE = "district_base.html"
    html = client.get(portal.url).content.decode()
    assert 'class="district-header"' in html
    assert "<h1>Portal KIM Pulang Pisau</h1>" in html
    assert "kim_cms/css/kim_cms.css" in html


def test_no_third_party_hosts_in_html(portal, client):
    import re

    html = client.get(portal.url).content.decode()
    # Nothing the browser loads by itself comes from another host...
    loaded = re.findall(r'\bsrc="(https?://[^"/]+)', html)
    loaded += re.findall(r'<link\b[^>]*\bhref="(https?://[^"/]+)', html)
    assert set(loaded) <= {"http://localhost"}
    # ...and the only link away is the reader's own choice to share on WhatsApp.
    links = re.findall(r'<a\b[^>]*\bhref="(https?://[^"/]+)', html)
    assert set(links) <= {"http://localhost", "https://wa.me"}


def test_unpublished_portal_is_not_served(root_page, locales, client):
    page = KimPortalPageFactory(parent=root_page, slug="draf")
    page.unpublish()
    assert client.get("/draf/").status_code == 404


def test_portal_preview_renders(portal, admin_client):
    response = admin_client.get(f"/admin/pages/{portal.pk}/edit/preview/")
    assert response.status_code == 200


def test_editor_form_speaks_the_editors_language(
    root_page, locales, admin_user, client
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    home = Page.objects.get(depth=2)
    url = f"/admin/pages/add/kim_cms/kimportalpage/{home.pk}/"
    client.force_login(admin_user)
    profile.preferred_language = "id"
    profile.save()
    html = client.get(url).content.decode()
    assert "Nama kabupaten" in html
    assert "Kontak Diskominfo" in html
    profile.preferred_language = "en"
    profile.save()
    html = client.get(url).content.decode()
    assert "District name" in html
    assert "Diskominfo contact" in html


def test_sections_link_the_first_public_index_in_their_language(
    portal, english_portal, locales, client
):
    from wagtail.models import PageViewRestriction

    from tests.factories_tips import make_tip, make_tip_index

    private = make_tip_index(portal, title="Tips anggota", slug="tips-anggota")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = make_tip_index(portal, title="Tips umum", slug="tips-umum")
    later = make_tip_index(portal, title="Tips lain", slug="tips-lain")
    make_tip(later, "Padi di lahan gambut", months="")
    english = public.copy_for_translation(locales["en"])
    english.title = "Farming tips"
    english.save_revision().publish()
    html = client.get(portal.url).content.decode()
    assert f'<a href="{public.url}">' in html
    assert private.url not in html and english.url not in html
    # the English portal lists no tip (none translated), so no section
    assert "kim-section--tips" not in client.get(english_portal.url).content.decode()


def test_kept_sections_read_no_item_until_a_change(portal, english_portal, client):
    """The groups, tips, training and clarification sections are kept with
    the page cache's generation: the next visit reads none of their items
    and shows the same HTML; a new tip shows at once, the tips in season are
    kept apart for each month, each language has its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kim_cms.pages.tips import seasons
    from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
    from tests.factories_tips import make_tip, make_tip_index

    directory = KimGroupIndexPageFactory(parent=portal)
    KimGroupPageFactory(parent=directory, title="KIM Bahaur")
    tips = make_tip_index(portal)
    make_tip(tips, "Padi di lahan gambut", months="")

    def visit(url=portal.url):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        read = [
            q["sql"]
            for q in queries
            if "kimgrouppage" in q["sql"] or "agriculturetippage" in q["sql"]
        ]
        return html, read

    first, read = visit()
    assert "KIM Bahaur" in first and "Padi di lahan gambut" in first and read
    again, read = visit()
    assert (again, read) == (first, [])

    make_tip(tips, "Jagung di lahan kering", months="")
    html, read = visit()
    assert "Jagung di lahan kering" in html and read
    # another month: the tips in season are worked out again
    month = seasons.current_month()
    seasons_now = seasons.current_month
    try:
        seasons.current_month = lambda: month % 12 + 1
        assert any("agriculturetippage" in sql for sql in visit()[1])
    finally:
        seasons.current_month = seasons_now
    # the English landing page is its own: no Indonesian group on it
    assert "KIM Bahaur" not in visit(english_portal.url)[0]


def test_a_kept_section_still_gives_a_sites_template_its_items(portal, rf):
    """A site's own landing template may read ``entry.items`` and
    ``entry.index`` of a kept section: they are read when asked for."""
    from wagtail.models import Site

    from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory

    directory = KimGroupIndexPageFactory(parent=portal)
    KimGroupPageFactory(parent=directory, title="KIM Bahaur")
    request = rf.get("/")
    Site.find_for_request(request)
    portal = KimPortalPage.objects.get(pk=portal.pk)
    first = portal.get_sections(request)
    assert "html" not in first[0]
    Client().get("/")  # rendered and kept
    kept = portal.get_sections(request)
    groups = next(e for e in kept if e["section"].key == "groups")
    assert "KIM Bahaur" in groups["html"]
    assert [g.title for g in groups["items"]] == ["KIM Bahaur"]
    assert groups["index"].pk == directory.pk
    # a preview is never served from what is kept
    request.is_preview = True
    assert all("html" not in e for e in portal.get_sections(request))
