"""The district's identity (a site setting choosing a translatable text) in
the footer of every kim_cms page and in the print view."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Site

from kim_cms.snippets.identity import KimSiteIdentity, KimSiteIdentityText
from tests.factories import ImageFactory
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import TrainingIndexPageFactory, make_material

pytestmark = pytest.mark.django_db


def footer(html):
    return html.split('<footer class="kim-site-footer">')[1].split("</footer>")[0]


@pytest.fixture
def identity(portal, locales):
    text = KimSiteIdentityText.objects.create(
        locale=locales["id"],
        district_name="Kabupaten Pulang Pisau",
        office_name="Dinas Komunikasi dan Informatika",
        office_hours="Senin–Jumat, 07.30–16.00 WIB",
        footer_note="Portal resmi kelompok informasi masyarakat.",
    )
    english = text.copy_for_translation(locales["en"])
    english.district_name = "Pulang Pisau Regency"
    english.office_name = "Communications and Informatics Office"
    english.office_hours = "Monday–Friday, 7.30 AM–4.00 PM WIB"
    english.footer_note = "The official portal of the community information groups."
    english.save()
    return KimSiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True),
        text=text,
        logo=ImageFactory(title="Lambang Kabupaten"),
        address="Jl. Tjilik Riwut Km. 1\nPulang Pisau",
        phone="+62 (513) 61-001",
        email="diskominfo@pulangpisaukab.go.id",
        website="https://pulangpisaukab.go.id",
        facebook="https://facebook.com/diskominfo.pulpis",
        instagram="https://instagram.com/diskominfo.pulpis",
    )


def test_every_page_carries_the_identity_in_its_footer(identity, portal, client):
    tip = make_tip(make_tip_index(portal))
    for page in (portal, tip.get_parent(), tip):
        html = footer(client.get(page.url).content.decode())
        assert "<strong>Kabupaten Pulang Pisau</strong>" in html
        assert "Dinas Komunikasi dan Informatika" in html
        assert "Senin–Jumat, 07.30–16.00 WIB" in html
        assert "Jl. Tjilik Riwut Km. 1<br>Pulang Pisau" in html
        assert '<a href="tel:+6251361001">+62 (513) 61-001</a>' in html
        assert 'href="mailto:diskominfo@pulangpisaukab.go.id"' in html
        assert 'href="https://facebook.com/diskominfo.pulpis" rel="noopener me"' in html
        assert '<img class="kim-identity__logo"' in html


def test_the_logo_stands_beside_the_portals_name_in_the_header(
    identity, client, portal
):
    html = client.get(portal.url).content.decode()
    header = html.split('<header class="kim-site-header">')[1].split("</header>")[0]
    assert '<img class="kim-site-name__logo"' in header
    assert 'alt=""' in header  # the name beside it says what it is


def test_english_pages_show_the_translated_text(identity, english_portal, client):
    html = footer(client.get(english_portal.url).content.decode())
    assert "<strong>Pulang Pisau Regency</strong>" in html
    assert "Communications and Informatics Office" in html
    assert "Monday–Friday" in html and "Senin" not in html
    assert "Phone:" in html and "E-mail:" in html
    # what is the same in every language
    assert "Jl. Tjilik Riwut Km. 1" in html


def test_without_a_setting_the_portals_own_contact_is_shown(portal, client):
    html = footer(client.get(portal.url).content.decode())
    assert "<strong>Kabupaten Pulang Pisau</strong>" in html
    assert "Diskominfo Kabupaten Pulang Pisau" in html
    assert 'href="mailto:diskominfo@example.go.id"' in html


def test_a_changed_setting_shows_at_once(identity, portal, client):
    client.get(portal.url)  # cached
    identity.phone = "0513 99999"
    identity.save()
    assert "0513 99999" in footer(client.get(portal.url).content.decode())
    text = identity.text
    text.office_name = "Diskominfo Pulang Pisau"
    text.save()
    assert "Diskominfo Pulang Pisau" in footer(client.get(portal.url).content.decode())


def test_what_editors_type_is_escaped(identity, portal, client):
    text = identity.text
    text.office_name = '<script>alert("x")</script>'
    text.save()
    identity.address = "<b>Jalan</b>"
    identity.save()
    html = footer(client.get(portal.url).content.decode())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Jalan&lt;/b&gt;" in html


def test_the_print_view_has_the_identity_and_a_way_back(identity, portal, client):
    material = make_material(TrainingIndexPageFactory(parent=portal))
    html = client.get(material.get_print_url()).content.decode()
    header = html.split('<header class="kim-print-header')[1].split("</header>")[0]
    assert "<strong>Kabupaten Pulang Pisau</strong>" in header
    assert "Dinas Komunikasi dan Informatika" in header
    assert f'<a href="{material.url}">← Kembali ke materi</a>' in header
    assert "diskominfo@pulangpisaukab.go.id" in html.split("kim-print-footer")[1]


def test_the_setting_is_refused_to_users_without_its_permission(identity, client):
    user = get_user_model().objects.create_user("editor", password="x")
    editors = Group.objects.create(name="Relawan desa")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client.force_login(user)
    url = f"/admin/settings/kim_cms/kimsiteidentity/{identity.site_id}/"
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert b"pulangpisaukab.go.id" not in response.content
    response = client.post(url, {"phone": "1"})
    assert response.status_code in (302, 403)
    identity.refresh_from_db()
    assert identity.phone == "+62 (513) 61-001"
    editors.permissions.add(Permission.objects.get(codename="change_kimsiteidentity"))
    assert client.get(url).status_code == 200


def test_superusers_edit_the_setting_in_the_admin(identity, admin_client):
    url = f"/admin/settings/kim_cms/kimsiteidentity/{identity.site_id}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Identitas portal" in response.content.decode() or (
        "Portal identity" in response.content.decode()
    )


def test_moderators_edit_and_translators_translate_the_identity_text(portal):
    from kim_cms.wagtail_admin.roles import MODERATORS_NAME, TRANSLATORS_NAME

    def codenames(name):
        group = Group.objects.get(name=name)
        return set(
            group.permissions.filter(
                content_type__model="kimsiteidentitytext"
            ).values_list("codename", flat=True)
        )

    assert {"add_kimsiteidentitytext", "change_kimsiteidentitytext"} <= codenames(
        MODERATORS_NAME
    )
    assert "change_kimsiteidentitytext" in codenames(TRANSLATORS_NAME)
    # the setting itself stays with superusers and the groups given it
    for name in (MODERATORS_NAME, TRANSLATORS_NAME):
        group = Group.objects.get(name=name)
        assert not group.permissions.filter(codename="change_kimsiteidentity").exists()
