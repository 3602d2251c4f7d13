"""The admin list of KIM groups and its CSV/XLSX export."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.test_groups import groups  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

URL = "/admin/kim_cms_groups/"


def test_group_list_in_admin(admin_client, groups):  # noqa: F811
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert "KIM Garantung" in response.content.decode()
    assert URL in admin_client.get("/admin/").content.decode()


def test_csv_export(admin_client, groups):  # noqa: F811
    response = admin_client.get(URL, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.getvalue().decode())))
    names = {row[0] for row in rows[1:]}
    assert names == {"KIM Garantung", "KIM Pulang Pisau"}
    garantung = next(row for row in rows if row[0] == "KIM Garantung")
    assert "Maliku" in garantung and "Garantung" in garantung


def test_xlsx_export(admin_client, groups):  # noqa: F811
    from openpyxl import load_workbook

    response = admin_client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    values = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(values) == ["KIM Garantung", "KIM Pulang Pisau"]


def test_export_never_contains_officers(admin_client, groups):  # noqa: F811
    from tests.factories_groups import KimGroupOfficerFactory

    KimGroupOfficerFactory(
        page=groups["a"], name="Nama Pribadi", consent_to_publish=False
    )
    body = admin_client.get(URL, {"export": "csv"}).getvalue().decode()
    assert "Nama Pribadi" not in body


def test_anonymous_is_refused(client, groups):  # noqa: F811
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_user_without_permission_is_refused(client, groups, django_user_model):  # noqa: F811
    user = django_user_model.objects.create_user("relawan", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin answers a refusal with a redirect to the dashboard.
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(URL, params)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_editor_exports_only_the_groups_they_may_edit(
    client,
    groups,  # noqa: F811
    django_user_model,
):
    user = django_user_model.objects.create_user("editor", password="x")
    editors = Group.objects.create(name="Editor KIM Garantung")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors,
        page=groups["b"],
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(editors)
    client.force_login(user)
    body = client.get(URL, {"export": "csv"}).getvalue().decode()
    assert "KIM Garantung" in body
    assert "KIM Pulang Pisau" not in body
