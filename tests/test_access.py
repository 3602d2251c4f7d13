"""Access control over everything kim_cms exposes: whoever may not see a view,
route, report, feed or API field is refused, as a visitor would see it.

Inventory (management commands are not web-exposed and left out):

Admin (``kim_cms/wagtail_hooks.py``, ``kim_cms/wagtail_admin/views/``), in ``ADMIN_VIEWS``:
  - Translation status report ``/admin/reports/kim-translation-status/``
    (+ ``results/``, ``?export=csv``, ``?export=xlsx``)
  - Tips due for review ``/admin/reports/kim-tips-due-for-review/`` (same four)
  - KIM group list ``/admin/kim_cms_groups/`` (same four)
  - the "KIM" snippet viewsets (kecamatan, desa, focus areas, commodities,
    event categories, training topics, hazards): list, results, add, edit,
    delete, usage, history, copy; their choosers
  - the CAP import of a warning list ``/admin/kim-cap-import/<page id>/``
    (an upload, a list of alerts, the configured feed)
  - the menu items of all the above
  - the dashboard panels ``kim_cms/wagtail_admin/panels.py`` (KIM portal, Your KIM group)
  -> test_admin_view_refused_unless_permitted, test_snippet_chooser_*,
     test_report_lists_only_pages_the_user_may_edit, test_admin_menu_*,
     test_dashboard_panel_lists_only_pages_the_user_may_edit,
     test_group_editor_sees_only_their_own_group
Public routes of pages (``RoutablePageMixin`` and plain pages), in ``ROUTES``:
  portal, group directory, group, activity report, tip index, its RSS and Atom
  feeds, tip, event index, ``past/``, ``month/<y>/<m>/``, ``ics/``, event, its
  ``ics/``, training index, training material, its ``print/`` and
  ``documents-zip/``, warning list, its RSS and Atom feeds, warning, its CAP
  document ``cap/``, preparedness guide
  -> test_route_refused_like_its_page_when_restricted, test_route_of_draft_is_404
Content that must stay out of public output: the sitemap (``/sitemap.xml``),
the Wagtail API v2 of ``kim_cms/outputs/api.py`` (pages listing, detail, search,
``child_of``; documents) and every page type's ``api_fields``, and everything
above (listings, searches, feeds, calendars, month views, portal sections,
print views, the ZIP):
  -> test_no_secret_reaches_an_anonymous_visitor (login, password, draft,
     unpublished changes, live page under a private index, private document,
     officer without consent; fixtures in tests/access_tree.py),
     test_secret_pages_refused_by_url_and_by_api_id,
     test_zip_holds_only_public_documents,
     test_private_document_shown_to_permitted_visitor_only,
     test_api_private_fields_are_not_reachable, test_api_lists_public_pages

Aspirations (``kim_cms/aspirations/``), for Diskominfo moderators only: the
admin's list, inspect, edit, delete, history and usage screens, Wagtail's
submissions list and "delete submissions", the attachment download, the
personal-data lookup (POST only), "make a draft clarification"
  -> tests/test_aspirations.py, tests/test_aspirations_handling.py,
     tests/test_aspirations_privacy.py

Cases also covered elsewhere (kept there, extended here): tests/test_groups_admin.py
(group list refusals, export limited to editable groups), tests/test_tips_outputs.py
(overdue tips report refusals and limits; feed of a private or draft index),
tests/test_translation_status.py (report refusals and limits),
tests/test_events.py (private and draft event routes), tests/test_training_routes.py
(private and draft training routes, private documents out of the ZIP),
tests/test_sitemap.py, tests/test_api.py, tests/test_tips_api.py,
tests/test_events_api.py and tests/test_groups_api.py (drafts, private pages and
officers without consent out of the sitemap and the API).
"""

import datetime
import io
import re
import zipfile
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import GroupPagePermission

from kim_cms.snippets import (
    Commodity,
    Desa,
    EventCategory,
    FocusArea,
    Hazard,
    Kecamatan,
    TrainingTopic,
)
from tests.access_tree import MARKERS, PASSWORD, build_tree, days, restrict
from tests.factories import DesaFactory, KecamatanFactory, KimPortalPageFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
    EventCategoryFactory,
)
from tests.factories_groups import (
    FocusAreaFactory,
    KimActivityPageFactory,
    KimGroupIndexPageFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index
from tests.factories_training import (
    DocumentFactory,
    TrainingIndexPageFactory,
    TrainingTopicFactory,
    make_material,
)
from tests.factories_warnings import (
    HazardFactory,
    make_guide,
    make_warning,
    make_warning_index,
)

pytestmark = pytest.mark.django_db

ADMIN_MARKER = "xadminx"
OVERDUE = {
    "reviewed_on": datetime.date(2020, 1, 1),
    "review_due": datetime.date(2020, 6, 1),
}


def body_text(response):
    """The response's content as text: streamed, CSV or XLSX alike."""
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


def admin_user(django_user_model, username="relawan"):
    """A user who may open the admin and nothing else."""
    user = django_user_model.objects.create_user(username, password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


# Admin ----------------------------------------------------------------------

SNIPPETS = {
    "kecamatan": Kecamatan,
    "desa": Desa,
    "focusarea": FocusArea,
    "commodity": Commodity,
    "eventcategory": EventCategory,
    "trainingtopic": TrainingTopic,
    "hazard": Hazard,
}
REPORTS = {
    "translation_status": "/admin/reports/kim-translation-status/",
    "overdue_tips": "/admin/reports/kim-tips-due-for-review/",
    "group_list": "/admin/kim_cms_groups/",
}
# Admin views of one page: (name, url with the page's {pk}).
PAGE_VIEWS = {
    "capimport": "/admin/kim-cap-import/{pk}/",
}


def _admin_views():
    views = []
    for name, url in REPORTS.items():
        views += [
            (f"{name}", url, {}),
            (f"{name}-results", url + "results/", {}),
            (f"{name}-csv", url, {"export": "csv"}),
            (f"{name}-xlsx", url, {"export": "xlsx"}),
        ]
    for name in SNIPPETS:
        base = f"/admin/snippets/kim_cms/{name}/"
        views += [
            (f"{name}-list", base, {}),
            (f"{name}-results", base + "results/", {}),
            (f"{name}-add", base + "add/", {}),
        ]
        for action in ("edit", "delete", "usage", "history", "history-results"):
            views.append((f"{name}-{action}", base + action + "/{pk}/", {}))
        views.append((f"{name}-copy", base + "copy/{pk}/", {}))
    views += [(name, url, {}) for name, url in PAGE_VIEWS.items()]
    return views


ADMIN_VIEWS = _admin_views()
ADMIN_IDS = [view[0] for view in ADMIN_VIEWS]
CHOOSERS = [f"/admin/snippets/choose/kim_cms/{name}/" for name in SNIPPETS]


@pytest.fixture
def admin_data(portal):
    """One object carrying ``xadminx`` for every admin view."""
    kecamatan = KecamatanFactory(name="Kecamatan Xadminx", code="62.11.99")
    objects = {
        "kecamatan": kecamatan,
        "desa": DesaFactory(name="Desa Xadminx", kecamatan=kecamatan),
        "focusarea": FocusAreaFactory(name="Bidang Xadminx", slug="bidang-xadminx"),
        "commodity": CommodityFactory(
            name="Komoditas Xadminx", slug="komoditas-xadminx", locale=portal.locale
        ),
        "eventcategory": EventCategoryFactory(
            name="Kategori Xadminx", slug="kategori-xadminx"
        ),
        "trainingtopic": TrainingTopicFactory(
            name="Topik Xadminx", slug="topik-xadminx", locale=portal.locale
        ),
        "hazard": HazardFactory(name="Bahaya Xadminx", slug="bahaya-xadminx"),
        "capimport": make_warning_index(portal, title="Peringatan Xadminx"),
    }
    directory = KimGroupIndexPageFactory(parent=portal)
    KimGroupPageFactory(parent=directory, title="KIM Xadminx", slug="kim-xadminx")
    make_tip(make_tip_index(portal), "Tip Xadminx", **OVERDUE)
    return objects


def admin_url(url, objects, name):
    if "{pk}" not in url:
        return url
    return url.format(pk=objects[name.split("-")[0]].pk)


def outsider(django_user_model, name, portal):
    """A user who may open the admin and work in another area than the view
    ``name``: a page editor for the snippets, an editor of every KIM snippet
    for the reports."""
    user = admin_user(django_user_model)
    if name.split("-")[0] in SNIPPETS:
        group = Group.objects.create(name="Editor halaman")
        GroupPagePermission.objects.create(
            group=group,
            page=portal,
            permission=Permission.objects.get(codename="change_page"),
        )
        user.groups.add(group)
    else:
        user.user_permissions.add(
            *Permission.objects.filter(content_type__app_label="kim_cms")
        )
    return user


@pytest.mark.parametrize(("name", "url", "params"), ADMIN_VIEWS, ids=ADMIN_IDS)
def test_admin_view_refused_unless_permitted(
    name, url, params, client, admin_client, admin_data, portal, django_user_model
):
    url = admin_url(url, admin_data, name)
    # anonymous: to the login page
    response = client.get(url, params)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert ADMIN_MARKER not in body_text(response).lower()

    # admin access without the needed permission: Wagtail refuses with a
    # redirect to the dashboard (and an error message) or a 403; nothing of
    # the data is in the answer, and a POST changes nothing (the CAP import:
    # those who may not add and publish warnings under the list)
    client.force_login(outsider(django_user_model, name, portal))
    response = client.get(url, params)
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    assert ADMIN_MARKER not in body_text(response).lower()
    action = name.split("-", 1)[1] if "-" in name else ""
    if action in ("add", "edit", "delete", "copy"):
        model = SNIPPETS[name.split("-")[0]]
        before = sorted(map(str, model.objects.all()))
        response = client.post(url, {"name": "Diubah", "slug": "diubah"})
        assert response.status_code in (302, 403)
        assert sorted(map(str, model.objects.all())) == before

    # the control: a permitted user gets the view and its data
    response = admin_client.get(url, params)
    assert response.status_code == 200
    if action not in ("add", "history-results"):
        assert ADMIN_MARKER in body_text(response).lower()


@pytest.mark.parametrize("url", CHOOSERS)
def test_snippet_chooser_refuses_anonymous(url, client, admin_data):
    for suffix in ("", "results/"):
        response = client.get(url + suffix)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("url", CHOOSERS)
def test_snippet_chooser_create_refused_without_permission(
    url, client, admin_data, django_user_model
):
    """Choosers list regions and taxonomies (public data on the site) to every
    admin user, as page editors need them; creating through the chooser
    needs the model's add permission."""
    client.force_login(admin_user(django_user_model))
    model = SNIPPETS[url.rstrip("/").rsplit("/", 1)[1]]
    before = model.objects.count()
    response = client.post(url + "create/", {"name": "Baru", "slug": "baru"})
    assert response.status_code in (302, 403)
    assert model.objects.count() == before


def test_admin_menu_hides_what_the_user_may_not_open(
    client, admin_data, django_user_model
):
    client.force_login(admin_user(django_user_model))
    html = client.get("/admin/").content.decode()
    for url in [*REPORTS.values(), *(f"/snippets/kim_cms/{n}/" for n in SNIPPETS)]:
        assert url not in html, url


def test_admin_menu_shows_the_reports_to_page_editors(
    client, portal, django_user_model
):
    directory = KimGroupIndexPageFactory(parent=portal)
    KimGroupPageFactory(parent=directory)
    user = admin_user(django_user_model, "editor")
    group = Group.objects.create(name="Editor")
    GroupPagePermission.objects.create(
        group=group,
        page=portal,
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(group)
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    for url in REPORTS.values():
        assert url in html, url


@pytest.fixture
def two_subtrees(portal):
    """Tip indexes, group directories and their pages in two subtrees: the
    editor's (``xminex``) and someone else's (``xotherx``)."""
    trees = {}
    for marker in ("Xminex", "Xotherx"):
        section = KimPortalPageFactory(
            parent=portal, title=f"Bagian {marker}", slug=f"bagian-{marker.lower()}"
        )
        index = make_tip_index(section, title=f"Tips {marker}", slug="tips")
        make_tip(index, f"Tip {marker}", **OVERDUE)
        directory = KimGroupIndexPageFactory(
            parent=section, title=f"Direktori {marker}"
        )
        KimGroupPageFactory(parent=directory, title=f"KIM {marker}")
        trees[marker.lower()] = section
    return trees


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize(
    "variant",
    [("", {}), ("results/", {}), ("", {"export": "csv"}), ("", {"export": "xlsx"})],
    ids=["html", "results", "csv", "xlsx"],
)
def test_report_lists_only_pages_the_user_may_edit(
    report, variant, client, two_subtrees, django_user_model
):
    # Also in tests/test_translation_status.py, tests/test_tips_outputs.py and
    # tests/test_groups_admin.py for one format each.
    user = admin_user(django_user_model, "editor")
    group = Group.objects.create(name="Editor bagian")
    GroupPagePermission.objects.create(
        group=group,
        page=two_subtrees["xminex"],
        permission=Permission.objects.get(codename="change_page"),
    )
    user.groups.add(group)
    client.force_login(user)
    suffix, params = variant
    response = client.get(REPORTS[report] + suffix, params)
    assert response.status_code == 200
    text = body_text(response).lower()
    assert "xminex" in text
    assert "xotherx" not in text


def test_dashboard_panel_lists_only_pages_the_user_may_edit(
    client, two_subtrees, django_user_model
):
    # Also tests/test_moderation.py::test_dashboard_panel_for_moderators_only
    # (the panel is for moderators only).
    from kim_cms.pages.tips import today

    for marker, section in two_subtrees.items():
        index = CulturalEventIndexPageFactory(
            parent=section, title=f"Agenda {marker}", slug="agenda"
        )
        CulturalEventPageFactory(
            parent=index, title=f"Acara {marker}", start_date=today()
        )
    user = admin_user(django_user_model, "moderator")
    group = Group.objects.create(name="Moderator bagian")
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=two_subtrees["xminex"],
            permission=Permission.objects.get(codename=codename),
        )
    user.groups.add(group)
    client.force_login(user)
    html = client.get("/admin/").content.decode().lower()
    assert "kim-dashboard-stats" in html
    assert "acara xminex" in html and "tip xminex" in html
    assert "xotherx" not in html


def test_group_editor_sees_only_their_own_group(client, directory, django_user_model):
    """The "KIM <group> editors" role: its dashboard panel and every report
    show that group's pages only. (That the editors of one group are refused
    every admin view of another's pages: tests/test_moderation.py.)"""
    from kim_cms.wagtail_admin.roles import EDITORS, KimRole

    mine = KimGroupPageFactory(parent=directory, title="KIM Xminex", slug="mine")
    other = KimGroupPageFactory(parent=directory, title="KIM Xotherx", slug="other")
    for group in (mine, other):
        make_tip(group, f"Tip {group.title}", **OVERDUE)
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(
        KimRole.objects.get(kind=EDITORS, translation_key=mine.translation_key).group
    )
    client.force_login(user)
    html = client.get("/admin/").content.decode().lower()
    assert f"/admin/pages/{mine.pk}/edit/" in html
    assert f"/admin/pages/{other.pk}/edit/" not in html
    assert "xotherx" not in html
    for url in REPORTS.values():
        for params in ({}, {"export": "csv"}):
            response = client.get(url, params)
            assert response.status_code == 200, url
            text = body_text(response).lower()
            assert "xminex" in text, url
            assert "xotherx" not in text, url


# Public routes ----------------------------------------------------------------


@pytest.fixture
def sections(portal):
    """One live page of each kind, with a public document for the ZIP."""
    t = type("Sections", (), {})()
    t.portal = portal
    t.directory = KimGroupIndexPageFactory(parent=portal)
    t.group = KimGroupPageFactory(parent=t.directory, title="KIM Terbuka")
    t.activity = KimActivityPageFactory(parent=t.group)
    t.tip_index = make_tip_index(portal)
    t.tip = make_tip(t.tip_index, "Tip terbuka")
    t.event_index = CulturalEventIndexPageFactory(parent=portal)
    t.event = CulturalEventPageFactory(parent=t.event_index, start_date=days(30))
    t.training_index = TrainingIndexPageFactory(parent=portal)
    t.material = make_material(t.training_index, documents=[DocumentFactory()])
    t.warning_index = make_warning_index(portal)
    t.warning = make_warning(t.warning_index, "Siaga karhutla terbuka")
    t.guide = make_guide(t.warning_index, "Panduan karhutla terbuka")
    return t


def _month(offset):
    day = days(offset)
    return f"month/{day.year}/{day.month}/"


# (name, attribute of the page serving it, sub-route)
ROUTES = [
    ("portal", "portal", ""),
    ("group-directory", "directory", ""),
    ("group", "group", ""),
    ("activity", "activity", ""),
    ("tip-index", "tip_index", ""),
    ("tip-rss", "tip_index", "feed/rss/"),
    ("tip-atom", "tip_index", "feed/atom/"),
    ("tip", "tip", ""),
    ("event-index", "event_index", ""),
    ("event-past", "event_index", "past/"),
    ("event-month", "event_index", _month(30)),
    ("event-index-ics", "event_index", "ics/"),
    ("event", "event", ""),
    ("event-ics", "event", "ics/"),
    ("training-index", "training_index", ""),
    ("training", "material", ""),
    ("training-print", "material", "print/"),
    ("training-zip", "material", "documents-zip/"),
    ("warning-index", "warning_index", ""),
    ("warning-rss", "warning_index", "feed/rss/"),
    ("warning-atom", "warning_index", "feed/atom/"),
    ("warning-guides", "warning_index", "panduan/"),
    ("warning", "warning", ""),
    ("warning-cap", "warning", "cap/"),
    ("guide", "guide", ""),
]


def _refusal(response):
    """What a refused visitor sees: ``("login", next)`` or ``("password",
    form action)``."""
    if response.status_code == 302:
        location = urlsplit(response["Location"])
        return ("login", location.path, parse_qs(location.query).get("next"))
    assert response.status_code == 200
    html = response.content.decode()
    action = re.search(
        r'<form[^>]*action="([^"]*authenticate_with_password[^"]*)"', html
    )
    assert action, "no password form"
    return ("password", action.group(1).rsplit("/", 2)[0])


@pytest.mark.parametrize(
    ("name", "owner", "suffix"), ROUTES, ids=[r[0] for r in ROUTES]
)
def test_route_refused_like_its_page_when_restricted(
    name, owner, suffix, sections, django_user_model
):
    # Also in tests/test_events.py, tests/test_training_routes.py and
    # tests/test_tips_outputs.py for some of the routes.
    page = getattr(sections, owner)
    url = page.url + suffix
    titles = [
        getattr(sections, attr).title
        for attr in ("group", "activity", "tip", "event", "material", "guide")
    ]
    user = django_user_model.objects.create_user("warga", password="x")
    for kind in ("login", "password"):
        for restricted in {page, sections.portal}:
            restriction = restrict(restricted, kind)
            anonymous = Client()
            response = anonymous.get(url)
            page_response = anonymous.get(page.url)
            refusal = _refusal(response)
            assert refusal[0] == kind, (kind, restricted)
            expected = _refusal(page_response)
            if kind == "login":
                assert refusal[1] == expected[1]
                assert refusal[2] == [url]
            else:
                assert refusal == expected
            text = response.content.decode()
            for title in titles:
                assert title not in text
            # a permitted visitor gets the route
            permitted = Client()
            if kind == "login":
                permitted.force_login(user)
            else:
                html = page_response.content.decode()
                action = re.search(r'action="([^"]+)"', html).group(1)
                permitted.post(action, {"password": PASSWORD, "return_url": url})
            assert permitted.get(url).status_code == 200, (kind, restricted)
            restriction.delete()
    assert Client().get(url).status_code == 200


@pytest.mark.parametrize(
    ("name", "owner", "suffix"), ROUTES, ids=[r[0] for r in ROUTES]
)
def test_route_of_draft_is_404(name, owner, suffix, sections, admin_client):
    page = getattr(sections, owner)
    url = page.url + suffix
    assert Client().get(url).status_code == 200
    page.unpublish()
    assert Client().get(url).status_code == 404
    # not even an administrator sees a draft outside the admin's preview
    assert admin_client.get(url).status_code == 404


# Secrets never reach anonymous visitors -----------------------------------------


@pytest.fixture
def tree(portal):
    return build_tree(portal)


def public_urls(t):
    """Every public URL of the tree: pages, sub-routes, searches, the sitemap
    and the API."""
    urls = [page.url for page in t.public_pages]
    urls += [
        t.directory.url + "?q=kim",
        t.tip_index.url + "?q=tip",
        t.tip_index.url + "feed/rss/",
        t.tip_index.url + "feed/atom/",
        t.event_index.url + "past/",
        t.event_index.url + _month(30),
        t.event_index.url + _month(31),
        t.event_index.url + _month(-30),
        t.event_index.url + "?month=" + days(30).strftime("%Y-%m"),
        t.event_index.url + "ics/",
        t.event.url + "ics/",
        t.event_by_private_group.url + "ics/",
        t.event_by_draft_group.url + "ics/",
        t.training_index.url + "?q=pelatihan",
        t.material.url + "print/",
        t.material_with_secrets.url + "print/",
        t.material_by_draft_group.url + "print/",
        t.warning_index.url + "?bahaya=karhutla",
        t.warning_index.url + "feed/rss/",
        t.warning_index.url + "feed/atom/",
        t.warning_index.url + "panduan/",
        t.warning.url + "cap/",
        "/sitemap.xml",
        "/api/v2/documents/",
    ]
    for model in (
        "KimPortalPage",
        "KimGroupIndexPage",
        "KimGroupPage",
        "KimActivityPage",
        "AgricultureTipIndexPage",
        "AgricultureTipPage",
        "CulturalEventIndexPage",
        "CulturalEventPage",
        "TrainingIndexPage",
        "TrainingMaterialPage",
        "WarningIndexPage",
        "WarningPage",
        "PreparednessGuidePage",
    ):
        urls.append(f"/api/v2/pages/?type=kim_cms.{model}&fields=*&limit=20")
    urls += [f"/api/v2/pages/?search={marker}" for marker in MARKERS]
    urls += [f"/api/v2/pages/{page.pk}/" for page in t.public_pages]
    return urls


def test_no_secret_reaches_an_anonymous_visitor(tree, client):
    """Private (login or password) and draft pages, unpublished changes, pages
    under a private index, private documents and officers without consent
    appear in no page, listing, search, feed, calendar, portal section,
    sitemap or API answer."""
    secret_urls = [doc.url for doc in (tree.private_doc,)]
    leaks = []
    for url in public_urls(tree):
        response = client.get(url)
        if response.status_code != 200:
            leaks.append((url, response.status_code))
            continue
        text = body_text(response).lower()
        found = [m for m in MARKERS if m in text]
        found += [u for u in secret_urls if u.lower() in text]
        if found:
            leaks.append((url, found))
    assert not leaks, "\n".join(str(leak) for leak in leaks)


def test_secret_pages_refused_by_url_and_by_api_id(tree, client):
    for page in tree.secrets:
        page.refresh_from_db()
        response = client.get(page.url) if page.url else None
        if response is not None:
            assert response.status_code in (302, 404) or (
                response.status_code == 200
                and "authenticate_with_password" in response.content.decode()
            ), page.title
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
    # nor can a private page be walked through
    for param in ("child_of", "descendant_of"):
        response = client.get("/api/v2/pages/", {param: tree.private_tip_index.pk})
        assert response.status_code == 400
        assert "xprivparentx" not in response.content.decode().lower()
    # a document in a private collection is not in the documents API
    assert client.get(f"/api/v2/documents/{tree.private_doc.pk}/").status_code == 404
    assert client.get(f"/api/v2/documents/{tree.public_doc.pk}/").status_code == 200


def test_zip_holds_only_public_documents(tree, client, admin_client):
    # Also in tests/test_training_routes.py.
    for visitor in (client, admin_client):
        response = visitor.get(tree.material.url + "documents-zip/")
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        assert len(archive.namelist()) == 1
        assert all("xprivdocx" not in name for name in archive.namelist())
        for name in archive.namelist():
            assert b"Xprivdocx" not in archive.read(name)


def test_private_document_shown_to_permitted_visitor_only(tree, client, admin_client):
    """The control of the checks above: a logged-in visitor sees the private
    document where an anonymous one does not."""
    assert "xprivdocx" not in client.get(tree.material.url).content.decode().lower()
    assert "Xprivdocx" in admin_client.get(tree.material.url).content.decode()


def test_api_private_fields_are_not_reachable(tree, client):
    """Officers (consent or not), who verified a page (a user account) and
    who owns it are not API fields. Also in tests/test_groups_api.py."""
    for fields in ("officers", "officers(name)", "consent_to_publish"):
        response = client.get(
            "/api/v2/pages/", {"type": "kim_cms.KimGroupPage", "fields": fields}
        )
        assert response.status_code == 400
    detail = client.get(f"/api/v2/pages/{tree.group.pk}/", {"fields": "officers"})
    assert detail.status_code == 400
    for model in ("KimGroupPage", "AgricultureTipPage", "CulturalEventPage"):
        for fields in ("kim_verified_by", "owner", "locked_by", "latest_revision"):
            response = client.get(
                "/api/v2/pages/", {"type": f"kim_cms.{model}", "fields": fields}
            )
            assert response.status_code == 400, (model, fields)


def test_api_lists_public_pages(tree, client):
    """The control of the API checks: public pages are listed."""
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.AgricultureTipPage", "fields": "*"}
    )
    items = {item["title"]: item for item in response.json()["items"]}
    assert "Tip terbuka" in items
    assert client.get(f"/api/v2/pages/{tree.tip.pk}/").status_code == 200
    # public linked objects keep Wagtail's representation; secret ones are null
    factsheet = items["Tip terbuka"]["factsheet"]
    assert factsheet["id"] == tree.public_doc.pk
    assert factsheet["meta"]["download_url"].endswith(tree.public_doc.url)
    assert items["Tip dokumen khusus"]["factsheet"] is None
    response = client.get(
        "/api/v2/pages/", {"type": "kim_cms.TrainingMaterialPage", "fields": "*"}
    )
    items = {item["title"]: item for item in response.json()["items"]}
    group = items["Pelatihan terbuka"]["kim_group"]
    assert group["id"] == tree.group.pk
    assert group["meta"]["type"] == "kim_cms.KimGroupPage"
    assert items["Pelatihan tautan khusus"]["kim_group"] is None
    assert items["Pelatihan kelompok draf"]["kim_group"] is None
