"""The header menu of the portal's sections, the breadcrumbs and the skip link."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from kim_cms.pages import AspirationPage
from kim_cms.pages.navigation import get_menu
from tests.factories import KimPortalPageFactory
from tests.factories_events import CulturalEventIndexPageFactory
from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory

pytestmark = pytest.mark.django_db


def menu_links(html):
    """``[(href, text, aria-current)]`` of the portal's section menu."""
    nav = html.split('<nav class="kim-nav"')[1].split("</nav>")[0]
    return [
        (href, text.strip(), current)
        for href, current, text in re.findall(
            r'<a href="([^"]*)"(?: aria-current="([^"]*)")?>([^<]*)</a>', nav
        )
    ]


def crumbs(html):
    if '<ol class="kim-breadcrumbs__list">' not in html:
        return None
    trail = html.split('<ol class="kim-breadcrumbs__list">')[1].split("</ol>")[0]
    return re.findall(r"<li>(.*?)</li>", trail, re.S)


@pytest.fixture
def sections(portal, directory):
    tips = make_tip_index(portal)
    events = CulturalEventIndexPageFactory(parent=portal, title="Agenda Budaya")
    training = TrainingIndexPageFactory(parent=portal, title="Materi Pelatihan")
    return {
        "directory": directory,
        "tips": tips,
        "events": events,
        "training": training,
    }


def test_header_lists_the_portals_sections_in_tree_order(sections, portal, client):
    html = client.get(portal.url).content.decode()
    assert menu_links(html) == [
        ("/direktori/", "Direktori KIM", ""),
        ("/tips/", "Tips Pertanian dan Perikanan", ""),
        (sections["events"].url, "Agenda Budaya", ""),
        (sections["training"].url, "Materi Pelatihan", ""),
    ]
    # the menu opens without JavaScript on phones
    assert '<details class="kim-menu">' in html
    assert "<script" not in html.split("</header>")[0]


def test_the_current_section_is_marked(sections, client):
    group = KimGroupPageFactory(parent=sections["directory"], title="KIM Bahaur")
    html = client.get(sections["directory"].url).content.decode()
    assert ("/direktori/", "Direktori KIM", "page") in menu_links(html)
    html = client.get(group.url).content.decode()
    links = menu_links(html)
    assert ("/direktori/", "Direktori KIM", "true") in links
    assert [current for _h, _t, current in links].count("") == 3


def test_drafts_private_sections_and_pages_not_in_menus_are_not_listed(
    sections, portal, client
):
    sections["events"].unpublish()
    PageViewRestriction.objects.create(
        page=sections["training"], restriction_type="password", password="x"
    )
    hidden = KimGroupIndexPageFactory(
        parent=portal, title="Arsip", slug="arsip", show_in_menus=False
    )
    html = client.get(portal.url).content.decode()
    titles = [text for _h, text, _c in menu_links(html)]
    assert titles == ["Direktori KIM", "Tips Pertanian dan Perikanan"]
    assert "Agenda Budaya" not in html and "Materi Pelatihan" not in html
    assert hidden.url not in html


def test_a_change_to_the_tree_shows_at_once_despite_the_cache(sections, portal, client):
    client.get(portal.url)  # the menu is cached
    PageViewRestriction.objects.create(page=sections["tips"], restriction_type="login")
    html = client.get(portal.url).content.decode()
    assert "Tips Pertanian dan Perikanan" not in html
    sections["directory"].title = "Daftar KIM"
    sections["directory"].save_revision().publish()
    html = client.get(portal.url).content.decode()
    assert "Daftar KIM" in [text for _h, text, _c in menu_links(html)]
    sections["directory"].unpublish()
    assert "Daftar KIM" not in client.get(portal.url).content.decode()


def test_a_new_index_page_shows_in_menus(portal):
    index = KimGroupIndexPageFactory(parent=portal)
    assert index.show_in_menus
    assert [page.pk for page in get_menu(portal)] == [index.pk]


def test_english_pages_show_the_english_sections(
    sections, english_portal, locales, client
):
    english_tips = sections["tips"].copy_for_translation(locales["en"])
    english_tips.title = "Farming tips"
    english_tips.save_revision().publish()
    html = client.get(english_portal.url).content.decode()
    assert menu_links(html) == [("/en/tips/", "Farming tips", "")]
    assert (
        '<form class="kim-site-search" role="search" method="get" action="/en/cari/">'
        in html
    )


def test_every_page_has_a_search_box_leading_to_the_portal_search(sections, client):
    group = KimGroupPageFactory(parent=sections["directory"])
    tip = make_tip(sections["tips"])
    for page in (sections["directory"], group, tip, sections["events"]):
        html = client.get(page.url).content.decode()
        assert 'action="/cari/"' in html, page
        assert 'name="q"' in html


def test_breadcrumbs_on_every_page_below_the_portal(sections, portal, client):
    assert crumbs(client.get(portal.url).content.decode()) is None
    html = client.get(sections["tips"].url).content.decode()
    assert crumbs(html) == [
        f'<a href="/">{portal.title}</a>',
        '<span aria-current="page">Tips Pertanian dan Perikanan</span>',
    ]
    assert '<nav class="kim-breadcrumbs" aria-label="Jejak navigasi">' in html
    tip = make_tip(sections["tips"], title="Padi sawah")
    assert crumbs(client.get(tip.url).content.decode()) == [
        f'<a href="/">{portal.title}</a>',
        '<a href="/tips/">Tips Pertanian dan Perikanan</a>',
        '<span aria-current="page">Padi sawah</span>',
    ]


def test_skip_link_is_the_first_link_and_reaches_the_content(portal, client):
    html = client.get(portal.url).content.decode()
    body = html.split("<body", 1)[1]
    first_link = re.search(r'<a [^>]*href="([^"]*)"[^>]*>([^<]*)</a>', body)
    assert first_link.groups() == ("#kim-main", "Lewati ke isi")
    assert '<main id="kim-main"' in html


def test_portal_below_a_district_home_page(root_page, locales, client):
    home = Page(title="Beranda Kabupaten", slug="beranda")
    root_page.add_child(instance=home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    portal = KimPortalPageFactory(parent=home, title="Portal KIM", slug="kim")
    directory = KimGroupIndexPageFactory(parent=portal)
    html = client.get(directory.url).content.decode()
    assert menu_links(html) == [("/kim/direktori/", "Direktori KIM", "page")]
    assert 'action="/kim/cari/"' in html
    assert crumbs(html)[:2] == [
        '<a href="/">Beranda Kabupaten</a>',
        '<a href="/kim/">Portal KIM</a>',
    ]
    assert '<a class="kim-site-name" href="/kim/">' in html


def test_a_site_with_its_own_base_template_places_the_navigation(sections, portal):
    """``{% kim_navigation %}`` and ``{% kim_site_footer %}`` on any page of
    the site, kim_cms's or not."""
    other = Page(title="Tentang kami", slug="tentang")
    portal.add_child(instance=other)
    request = RequestFactory().get(other.url)
    template = Template(
        "{% load kim_navigation_tags %}{% kim_navigation %}{% kim_site_footer %}"
    )
    html = template.render(Context({"page": other, "request": request}))
    assert [text for _h, text, _c in menu_links(html)] == [
        "Direktori KIM",
        "Tips Pertanian dan Perikanan",
        "Agenda Budaya",
        "Materi Pelatihan",
    ]
    assert "Kabupaten Pulang Pisau" in html  # the footer, from the portal
    # a view without a page: the portal of the site in the active language
    html = template.render(Context({"request": RequestFactory().get("/x/")}))
    assert "Agenda Budaya" in html


def test_the_aspirations_page_is_a_section_of_the_menu(portal, client):
    page = AspirationPage(title="Aspirasi dan Pengaduan", slug="aspirasi")
    portal.add_child(instance=page)
    page.save_revision().publish()
    assert page.show_in_menus
    assert menu_links(client.get(portal.url).content.decode()) == [
        ("/aspirasi/", "Aspirasi dan Pengaduan", "")
    ]


def test_the_demo_lists_its_aspirations_page_in_both_languages(
    portal, english_portal, client
):
    from kim_cms.demo import aspirations
    from kim_cms.demo.base import DemoContext

    aspirations.load(DemoContext(portal))
    html = client.get(portal.url).content.decode()
    assert ("/aspirasi/", "Aspirasi dan Pengaduan", "") in menu_links(html)
    html = client.get(english_portal.url).content.decode()
    assert ("/en/aspirations/", "Aspirations and Complaints", "") in menu_links(html)


def test_the_aspiration_pages_subpages_end_the_breadcrumbs(portal, client):
    page = AspirationPage(title="Aspirasi dan Pengaduan", slug="aspirasi")
    portal.add_child(instance=page)
    page.save_revision().publish()
    for subpage, title in (
        ("status/", "Status pesan"),
        ("dijawab/", "Pertanyaan yang sudah dijawab"),
    ):
        html = client.get(page.url + subpage).content.decode()
        assert crumbs(html) == [
            f'<a href="/">{portal.title}</a>',
            '<a href="/aspirasi/">Aspirasi dan Pengaduan</a>',
            f'<span aria-current="page">{title}</span>',
        ], subpage
