"""The demo's accounts: made only when asked, one per role, with names, and
the admin in Indonesian; their account settings save."""

from html.parser import HTMLParser
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.users.models import UserProfile

from kim_cms.demo.accounts import create_accounts
from tests.factories_groups import KimGroupPageFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "coba-demo-kim"


class FormFields(HTMLParser):
    """The values a browser posts back from the page's POST form, unchanged."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._in_form = False
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._in_form = True
        if not self._in_form or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data.setdefault(attrs["name"], []).append(attrs.get("value", default))
        elif tag == "select":
            self._select = attrs["name"]
            self.data.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def form_data(html):
    parser = FormFields()
    parser.feed(html)
    return parser.data


@pytest.fixture
def accounts(directory):
    """The roles the demo makes (its first KIM group's), and the accounts."""
    KimGroupPageFactory(
        parent=directory, title="KIM Pulang Pisau Bersinar", slug="kim-pulang-pisau"
    )
    return create_accounts(PASSWORD)


@pytest.mark.slow
def test_the_demo_makes_the_accounts_only_when_asked(locales):
    usernames = ["editor", "moderator", "translator"]
    call_command("kim_cms_demo", "--as-home", stdout=StringIO())
    assert not User.objects.filter(username__in=usernames).exists()
    out = StringIO()
    call_command(
        "kim_cms_demo", "--as-home", "--accounts-password", PASSWORD, stdout=out
    )
    assert set(User.objects.values_list("username", flat=True)) == set(usernames)
    for username in usernames:
        assert f"'{username}'" in out.getvalue()
    # The command's report reads the groups in Indonesian.
    assert "Editor KIM Pulang Pisau Bersinar" in out.getvalue()


def test_one_account_per_role_with_names_and_indonesian_admin(accounts):
    expected = {
        "editor": "KIM Pulang Pisau Bersinar editors",
        "moderator": "Diskominfo moderators",
        "translator": "Translators",
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert user.first_name and user.last_name, username
        assert user.email == f"{username}@example.com"
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert UserProfile.get_for_user(user).preferred_language == "id"
        assert user.check_password(PASSWORD)
        assert not user.is_superuser
    assert [user.username for user, _group in accounts] == list(expected)


@pytest.mark.slow
def test_running_it_again_changes_nothing(accounts):
    before = {
        user.username: (user.password, user.first_name, user.last_name)
        for user in User.objects.all()
    }
    out = StringIO()
    call_command(
        "kim_cms_demo", "--as-home", "--accounts-password", PASSWORD, stdout=out
    )
    after = {
        user.username: (user.password, user.first_name, user.last_name)
        for user in User.objects.all()
    }
    assert after == before
    assert User.objects.get(username="editor").groups.count() == 1


@pytest.mark.parametrize("username", ["editor", "moderator", "translator"])
def test_the_account_settings_save_unchanged(client, accounts, username):
    assert client.login(username=username, password=PASSWORD)
    url = reverse("wagtailadmin_account")
    response = client.get(url)
    html = response.content.decode()
    assert '<html lang="id"' in html
    data = form_data(html)
    assert data["name_email-first_name"] == [
        User.objects.get(username=username).first_name
    ]
    response = client.post(url, data)
    errors = response.status_code != 302 and [
        (panel.name, panel.get_form().errors)
        for panels in response.context["panels_by_tab"].values()
        for panel in panels
    ]
    assert response.status_code == 302, errors
    user = User.objects.get(username=username)
    assert user.first_name and user.last_name
    assert UserProfile.get_for_user(user).preferred_language == "id"
    assert "Akun" in client.get(url).content.decode()


def test_the_editor_lands_on_their_groups_panel(client, accounts):
    assert client.login(username="editor", password=PASSWORD)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "KIM Anda" in html
    assert "KIM Pulang Pisau Bersinar" in html
    assert "Ajukan ke Tinjauan KIM" in html
