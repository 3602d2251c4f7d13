"""A site's own group page type, subclassing AbstractKimGroupPage (issue 3): its
officers, directory, activity reports, template and query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from kim_cms.pages import KimActivityPage, KimGroupIndexPage, KimGroupPage
from tests.factories import ImageFactory
from tests.factories_groups import KimActivityPageFactory
from tests.testapp.models import (
    DistrictGroupIndexPage,
    DistrictGroupOfficer,
    DistrictGroupPage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def district_directory(portal):
    directory = DistrictGroupIndexPage(title="Direktori kabupaten", slug="kelompok")
    portal.add_child(instance=directory)
    return directory


@pytest.fixture
def group(district_directory):
    group = DistrictGroupPage(
        title="KIM Sebangau",
        slug="sebangau",
        motto="Informasi untuk semua",
        vision="Desa yang melek informasi.",
        logo=ImageFactory(),
    )
    district_directory.add_child(instance=group)
    DistrictGroupOfficer.objects.create(
        page=group, name="Ani", role="ketua", consent_to_publish=True
    )
    DistrictGroupOfficer.objects.create(page=group, name="Rahasia", role="anggota")
    return group


def test_site_group_page_is_creatable_in_its_own_directory(
    portal, directory, district_directory, group
):
    assert DistrictGroupPage.can_create_at(district_directory)
    assert not DistrictGroupPage.can_create_at(directory)
    assert not KimGroupPage.can_create_at(district_directory)
    # activity reports go under any group page type
    assert KimActivityPage.can_create_at(group)
    assert not KimActivityPage.can_create_at(district_directory)
    assert KimActivityPage in DistrictGroupPage.allowed_subpage_models()
    assert KimGroupIndexPage.can_create_at(portal)


def test_editor_creates_site_group_with_officers_in_admin(
    district_directory, admin_client
):
    url = f"/admin/pages/add/testapp/districtgrouppage/{district_directory.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "KIM Kereng",
            "slug": "kim-kereng",
            "motto": "Bersama",
            "status": "active",
            "description": streamfield([]),
            "officers": inline_formset(
                [
                    {"name": "Budi", "role": "ketua", "consent_to_publish": "on"},
                    {"name": "Citra", "role": "sekretaris"},
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    group = DistrictGroupPage.objects.get(slug="kim-kereng")
    assert [o.name for o in group.officers.all()] == ["Budi", "Citra"]
    assert [o.name for o in group.public_officers] == ["Budi"]


def test_site_group_renders_with_kim_cms_template(group, client):
    KimActivityPageFactory(parent=group, title="Rapat warga")
    html = client.get(group.url).content.decode()
    assert "<h1>KIM Sebangau</h1>" in html
    assert "<strong>Ani</strong>" in html
    assert "Rahasia" not in html
    assert "Rapat warga" in html
    assert '"@type": "Organization"' in html
    directory_html = client.get(group.get_parent().url).content.decode()
    assert "KIM Sebangau" in directory_html  # its directory lists it


def test_site_group_page_is_served_in_under_15_queries(group, client):
    for n in range(20):
        DistrictGroupOfficer.objects.create(
            page=group,
            name=f"Pengurus {n}",
            consent_to_publish=True,
            photo=ImageFactory(),
        )
        KimActivityPageFactory(parent=group, cover_image=ImageFactory())
    client.get(group.url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(group.url).content.decode()
    assert html.count("<strong>Pengurus") == 20
    assert len(queries) <= 14


def test_group_page_type_without_officers_is_reported(run_checks, monkeypatch):
    from django.core.exceptions import FieldDoesNotExist

    from kim_cms.checks import check_group_officers

    assert check_group_officers() == []
    options = DistrictGroupPage._meta
    get_field = options.get_field

    def without_officers(name, *args, **kwargs):
        if name == "officers":
            raise FieldDoesNotExist(name)
        return get_field(name, *args, **kwargs)

    # as if the site had forgotten DistrictGroupOfficer
    monkeypatch.setattr(options, "get_field", without_officers)
    (error,) = check_group_officers()
    assert error.id == "kim_cms.E011"
    assert "testapp.DistrictGroupPage" in error.msg
    assert 'related_name="officers"' in error.hint
