"""A KIM group's editor reads, in the admin, only what they may edit and what
is public: no other group's draft or private page titles in the page chooser
(browse, search and its other endpoints), the explorer and its search, the
admin API, usage listings or any report, Wagtail's and kim_cms's alike.

Every secret title carries a marker; a crawler follows every admin link the
editor is shown, and the listings that take parameters are asked for every
page and every marker.
"""

import io
import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Workflow, WorkflowState

from kim_cms.wagtail_admin.roles import EDITORS, KimRole
from tests.factories_groups import KimActivityPageFactory, KimGroupPageFactory
from tests.factories_tips import make_tip, make_tip_index

pytestmark = pytest.mark.django_db

SECRETS = (
    "xdraftx",  # a draft of another group
    "xprivatex",  # a login-restricted page of another group
    "xpasswordx",  # a password-restricted page of another group
    "xnewdraftx",  # unpublished changes of another group's live page
    "xdraftgroupx",  # a group that was never published
    "xprivgroupx",  # a private group
    "xworkflowx",  # another group's page in moderation
    "xlockedx",  # another group's page, locked by a moderator
    "xrefx",  # another group's draft that credits the editor's group
    "xdraftenx",  # the English draft of another group's page
)
SEARCH_WORDS = ["rapat", "kas", "tip", "kerja", "kim", "usulan", "x"] + [
    s.strip("x") for s in SECRETS
]


def body_text(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if "spreadsheetml" in response.get("Content-Type", ""):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        return "\n".join(
            " ".join(str(cell) for cell in row if cell is not None)
            for row in sheet.iter_rows(values_only=True)
        )
    return content.decode(errors="replace")


def leaked(response):
    text = body_text(response).lower()
    return [marker for marker in SECRETS if marker in text]


@pytest.fixture
def site(portal, directory, english_portal, locales):
    """Two groups: the editor's (A) and another one (B) with secrets, plus a
    draft and a private group, and the editor with A's role."""
    from django.contrib.auth.models import Group

    User = get_user_model()
    a = KimGroupPageFactory(parent=directory, title="KIM Bahaur Bersatu", slug="a")
    b = KimGroupPageFactory(parent=directory, title="KIM Maliku Maju", slug="b")
    KimActivityPageFactory(parent=a, title="Rapat Xminex", slug="mine", live=False)
    KimActivityPageFactory(parent=a, title="Kerja bakti Bahaur", slug="mine-live")

    draft = KimActivityPageFactory(
        parent=b, title="Rapat Xdraftx", slug="r", live=False
    )
    draft.save_revision()
    private = KimActivityPageFactory(parent=b, title="Kas Xprivatex", slug="kas")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    tips = make_tip_index(b, title="Tips Maliku", slug="tips")
    secret_tip = make_tip(tips, "Tip Xpasswordx", kim_group=b)
    PageViewRestriction.objects.create(
        page=secret_tip, restriction_type="password", password="rahasia"
    )
    changed = KimActivityPageFactory(parent=b, title="Kerja bakti", slug="kerja")
    changed.title = "Kerja bakti Xnewdraftx"
    changed.save_revision()
    make_tip(tips, "Tip Xrefx", kim_group=a, publish=False, slug="ref")

    draft_group = KimGroupPageFactory(
        parent=directory, title="KIM Xdraftgroupx", slug="c", live=False
    )
    draft_group.save_revision()
    private_group = KimGroupPageFactory(
        parent=directory, title="KIM Xprivgroupx", slug="d"
    )
    PageViewRestriction.objects.create(page=private_group, restriction_type="login")

    moderator = User.objects.create_superuser("moderator", "m@example.com", "x")
    editor_b = User.objects.create_user("editor_b", "b@example.com", "x")
    editor_b.groups.add(
        KimRole.objects.get(kind=EDITORS, translation_key=b.translation_key).group
    )
    submitted = KimActivityPageFactory(
        parent=b, title="Usulan Xworkflowx", slug="usulan", live=False
    )
    submitted.save_revision(user=editor_b)
    Workflow.objects.get(name="KIM review").start(submitted, editor_b)
    locked = KimActivityPageFactory(
        parent=b, title="Terkunci Xlockedx", slug="kunci", live=False
    )
    locked.save_revision(user=moderator)
    Page.objects.filter(pk=locked.pk).update(locked=True, locked_by=moderator)

    directory_en = directory.copy_for_translation(locales["en"])
    directory_en.save_revision().publish()
    b_en = b.copy_for_translation(locales["en"])
    b_en.save_revision().publish()
    draft_en = draft.copy_for_translation(locales["en"])
    draft_en.title = "Meeting Xdraftenx"
    draft_en.save_revision()
    Page.objects.filter(pk=draft_en.pk).update(
        title="Meeting Xdraftenx", draft_title="Meeting Xdraftenx"
    )

    editor = User.objects.create_user("editor_a", "a@example.com", "x")
    editor.groups.add(
        KimRole.objects.get(kind=EDITORS, translation_key=a.translation_key).group
    )
    assert WorkflowState.objects.filter(status="in_progress").exists()
    assert Group.objects.filter(name__startswith="KIM Maliku").exists()
    return {"a": a, "b": b, "editor": editor, "secret_tip": secret_tip}


# -- the crawler ----------------------------------------------------------------


class Links(HTMLParser):
    ATTRIBUTES = re.compile(r"^(href|action|data-url|hx-get|data-.*-url(-value)?)$")

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and self.ATTRIBUTES.match(name):
                self.urls.append(value)


SKIP = re.compile(
    r"/logout/|/password_reset/|/jsi18n/|/sprite|/static/|/delete/|/unpublish/"
    r"|/lock/|/unlock/|/revisions/\d+/revert/|/copy/|/move/"
)


def crawl(client, start, limit=400):
    """GET every admin page reachable from ``start`` (up to ``limit``);
    returns ``{url: response}``."""
    seen, queue, responses = set(), deque(start), {}
    while queue and len(responses) < limit:
        url = queue.popleft()
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or not parts.path.startswith(
            "/admin/"
        ):
            continue
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        # ordering and pagination variants of one listing: once is enough
        key = re.sub(r"[?&](ordering|p|page)=[^&]*", "", url)
        if key in seen or SKIP.search(parts.path):
            continue
        seen.add(key)
        response = client.get(url)
        responses[url] = response
        content_type = response.get("Content-Type", "")
        if response.status_code == 200 and "html" in content_type:
            links = Links()
            links.feed(body_text(response))
            queue.extend(links.urls)
        if response.status_code == 200 and "json" in content_type:
            data = json.loads(body_text(response))
            if isinstance(data, dict) and isinstance(data.get("html"), str):
                links = Links()
                links.feed(data["html"])
                queue.extend(links.urls)
    return responses


def parameter_urls(site):
    """The listings that take a page or a search word, for every page and
    every word."""
    ids = list(Page.objects.values_list("pk", flat=True))
    urls = [
        "/admin/",
        "/admin/choose-page/",
        "/admin/choose-page/?page_type=kim_cms.kimgrouppage",
        "/admin/choose-page/?page_type=kim_cms.kimactivitypage,kim_cms.agriculturetippage",
        "/admin/choose-page/?locale=en",
        "/admin/choose-page/?user_perms=copy_to",
        "/admin/choose-page/?multiple=1",
        "/admin/choose-page/chosen-multiple/?" + urlencode({"id": ids}, doseq=True),
        "/admin/pages/",
        f"/admin/pages/{site['a'].pk}/usage/",
        "/admin/api/main/pages/?" + urlencode({"search": "x", "fields": "*"}),
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
    ]
    for app, model in (
        ("kim_cms", "kimgrouppage"),
        ("kim_cms", "kimactivitypage"),
        ("kim_cms", "agriculturetippage"),
        ("wagtailcore", "page"),
    ):
        urls += [f"/admin/pages/usage/{app}/{model}/"]
    for pk in ids:
        urls += [
            f"/admin/choose-page/{pk}/",
            f"/admin/choose-page/{pk}/?page_type=kim_cms.kimgrouppage",
            f"/admin/pages/{pk}/",
            f"/admin/api/main/pages/?child_of={pk}&fields=*",
            f"/admin/api/main/pages/{pk}/",
            f"/admin/api/main/pages/?descendant_of={pk}&fields=*",
        ]
    for word in SEARCH_WORDS:
        for base in (
            "/admin/choose-page/search/",
            "/admin/pages/search/",
            "/admin/pages/search/results/",
        ):
            urls.append(f"{base}?{urlencode({'q': word})}")
    for name in (
        "page_types_usage",
        "aging_pages",
        "locked_pages",
        "site_history",
        "workflow",
        "workflow_tasks",
    ):
        url = reverse(f"wagtailadmin_reports:{name}")
        urls += [url, url + "results/", url + "?export=csv", url + "?export=xlsx"]
    for url in (
        "/admin/reports/kim-translation-status/",
        "/admin/reports/kim-tips-due-for-review/",
        "/admin/kim_cms_groups/",
    ):
        urls += [url, url + "?export=csv", url + "?export=xlsx"]
    return urls


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_group_editor_reads_no_other_groups_secrets(client, site):
    client.force_login(site["editor"])
    client.raise_request_exception = False  # a 500 is reported below
    responses = crawl(client, parameter_urls(site), limit=2000)
    problems = {
        url: leaked(response) for url, response in responses.items() if leaked(response)
    }
    assert problems == {}
    errors = {u: r.status_code for u, r in responses.items() if r.status_code >= 500}
    assert errors == {}
    # the control: the editor's own draft and public pages are there to choose
    search = client.get("/admin/choose-page/search/", {"q": "rapat"})
    assert "Rapat Xminex" in body_text(search)
    search = client.get("/admin/choose-page/search/", {"q": "kerja"})
    assert "Kerja bakti" in body_text(search)
    assert "Kerja bakti Bahaur" in body_text(search)


def test_the_editor_chooses_public_groups_and_their_own(client, site):
    client.force_login(site["editor"])
    directory = site["a"].get_parent()
    response = client.get(
        f"/admin/choose-page/{directory.pk}/", {"page_type": "kim_cms.kimgrouppage"}
    )
    html = body_text(response)
    assert "KIM Bahaur Bersatu" in html and "KIM Maliku Maju" in html
    assert not leaked(response)


def test_a_secret_parent_is_not_browsed(client, site):
    client.force_login(site["editor"])
    private = Page.objects.get(title="Kas Xprivatex")
    assert client.get(f"/admin/choose-page/{private.pk}/").status_code == 404


def test_external_link_to_a_secret_page_stays_external(client, site):
    client.force_login(site["editor"])
    for page in (site["secret_tip"], Page.objects.get(title="Kas Xprivatex")):
        url = page.get_full_url()
        response = client.post(
            "/admin/choose-external-link/",
            {"external-link-chooser-url": url, "external-link-chooser-link_text": ""},
        )
        assert response.status_code == 200
        data = json.loads(response.content)
        # the address the editor typed comes back as it is, naming no page
        assert data["step"] == "external_link_chosen", data
        assert data["result"] == {
            "url": url,
            "title": url,
            "prefer_this_title_as_link_text": False,
        }


def test_external_link_to_a_public_page_becomes_an_internal_link(client, site):
    client.force_login(site["editor"])
    page = Page.objects.get(slug="kerja")  # public, with unpublished changes
    response = client.post(
        "/admin/choose-external-link/",
        {"external-link-chooser-url": page.get_full_url()},
    )
    data = json.loads(response.content)
    assert data["step"] == "external_link_chosen"
    assert data["result"]["id"] == page.pk
    assert data["result"]["adminTitle"] == "Kerja bakti"


# Committed: the full-text indexes of MariaDB and MySQL (InnoDB) see only
# committed rows, and a test's transaction is otherwise never committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_moderator_still_reads_every_draft(client, site):
    """The limit is on what a user may not edit: Diskominfo's moderators
    choose from every page of the portal."""
    from kim_cms.wagtail_admin.roles import MODERATORS_NAME

    User = get_user_model()
    moderator = User.objects.create_user("diskominfo", "d@example.com", "x")
    moderator.groups.add(KimRole.objects.get(group__name=MODERATORS_NAME).group)
    client.force_login(moderator)
    response = client.get("/admin/choose-page/search/", {"q": "rapat"})
    assert "Rapat Xdraftx" in body_text(response)
